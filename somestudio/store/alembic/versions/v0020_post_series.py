"""Repeating posts kept together (a weekly or monthly series made by the Schedule dialog).

``post_series`` is one series: the rule it was made from (``domain.recurrence.rule_spec``),
its zone and how many posts it was made with. ``series_posts`` ties a post to its series
with its position (1 = the first occurrence). A post deleted into the bin keeps its row, so
undo puts it back in its place; a post removed for good takes only its own row with it.
Two new tables, nothing rebuilt: the same steps on both backends.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# As schema.py spells them (written out here: a revision never changes with later schemas).
INT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TEXT = sa.Text()


def upgrade() -> None:
    op.create_table(
        "post_series",
        sa.Column("id", INT, sa.Identity(), primary_key=True),
        sa.Column("rule", TEXT, nullable=False, server_default=sa.text("''")),
        sa.Column("time_zone", TEXT, nullable=False, server_default=sa.text("''")),
        sa.Column("total", INT, sa.CheckConstraint("total >= 1"), nullable=False),
        sa.Column("created_at", TEXT, nullable=False),
    )
    op.create_table(
        "series_posts",
        sa.Column(
            "post_id",
            INT,
            sa.ForeignKey("posts.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column(
            "series_id", INT, sa.ForeignKey("post_series.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", INT, sa.CheckConstraint("position >= 1"), nullable=False),
        sa.UniqueConstraint("series_id", "position"),
    )


def downgrade() -> None:
    raise NotImplementedError("Some Studio migrates forward only (a backup is made first)")
