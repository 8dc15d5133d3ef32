"""Media on a shared workspace: an attached file's bytes kept in the database.

``media_blobs`` holds each file's bytes once per content hash (SHA-256, lower-case hex), and
``media.sha256`` names the blob a media row's file has (NULL: the file lives only at
``path``, as on a solo SQLite workspace); ``link_cards.thumb_sha256`` the same for a link
card's picture. A new table and nullable columns: no table is rebuilt on SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

INT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "media_blobs",
        sa.Column("sha256", sa.Text(), primary_key=True),
        sa.Column("bytes", sa.LargeBinary(), nullable=False),
        sa.Column("byte_size", INT, nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
    )
    op.add_column("media", sa.Column("sha256", sa.Text(), nullable=True))
    op.add_column("link_cards", sa.Column("thumb_sha256", sa.Text(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("Some Studio migrates forward only (a backup is made first)")
