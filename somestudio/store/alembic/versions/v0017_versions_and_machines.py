"""Posts carry a version; machines record which accounts they can publish for (issue 17).

* ``posts.version`` (integer, 1 for every existing post): every write of a post's content
  bumps it, and a save names the version it was made from (``WHERE id = :id AND version =
  :version``), so two people editing one post never silently overwrite each other.
* ``machines`` (a stable id each data folder chose, a readable name, when it was last seen)
  and ``machine_accounts`` (the accounts whose token is in that machine's keyring): the
  Accounts page says which machines can publish each account. Ids, names and times only.

Both are additions (a column with a constant default, two new tables): no table is rebuilt
on SQLite, so nothing needs ``copy_from``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# As schema.py spells them, written out here: a revision must not change when schema.py does.
_INT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("posts", sa.Column("version", _INT, nullable=False, server_default=sa.text("1")))
    op.create_table(
        "machines",
        sa.Column("id", sa.Text(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False, server_default=sa.text("''")),
        sa.Column("seen_at", sa.Text(), nullable=False),
        sa.CheckConstraint("length(id) > 0"),
    )
    op.create_table(
        "machine_accounts",
        sa.Column(
            "machine_id",
            sa.Text(),
            sa.ForeignKey("machines.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "account_id", _INT, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
        ),
    )


def downgrade() -> None:
    raise NotImplementedError("Some Studio migrates forward only (a backup is made first)")
