"""Members and approval (issue 17, point 5): the people of a shared workspace with a role,
the posts waiting for approval (or returned with a comment), and a log of every request,
approval and return. Three new tables, nothing rebuilt: the same steps on both backends."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# As schema.py spells them (written out here: a revision never changes with later schemas).
INT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TEXT = sa.Text()


def _id() -> sa.Column[int]:
    return sa.Column("id", INT, sa.Identity(), primary_key=True)


def _text(name: str, default: str | None = None) -> sa.Column[str]:
    server_default = sa.text(f"'{default}'") if default is not None else None
    return sa.Column(name, TEXT, nullable=False, server_default=server_default)


def upgrade() -> None:
    op.create_table(
        "members",
        _id(),
        sa.Column(
            "name", TEXT, sa.CheckConstraint("length(name) > 0"), nullable=False, unique=True
        ),
        sa.Column(
            "role",
            TEXT,
            sa.CheckConstraint("role IN ('owner', 'editor', 'contributor')"),
            nullable=False,
        ),
        _text("created_at"),
    )
    op.create_table(
        "post_approvals",
        sa.Column(
            "post_id",
            INT,
            sa.ForeignKey("posts.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column(
            "state",
            TEXT,
            sa.CheckConstraint("state IN ('waiting', 'returned')"),
            nullable=False,
        ),
        sa.Column(
            "requested_by", INT, sa.ForeignKey("members.id", ondelete="SET NULL"), nullable=True
        ),
        _text("requested_at"),
        _text("comment", default=""),
    )
    op.create_table(
        "approval_events",
        _id(),
        sa.Column("post_id", INT, sa.ForeignKey("posts.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "action",
            TEXT,
            sa.CheckConstraint("action IN ('requested', 'approved', 'returned')"),
            nullable=False,
        ),
        sa.Column(
            "member_id", INT, sa.ForeignKey("members.id", ondelete="SET NULL"), nullable=True
        ),
        _text("member_name", default=""),
        _text("comment", default=""),
        _text("at"),
    )
    op.create_index("approval_events_by_post", "approval_events", ["post_id", "id"])


def downgrade() -> None:
    raise NotImplementedError("Some Studio migrates forward only (a backup is made first)")
