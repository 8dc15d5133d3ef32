"""The metrics view's text facts stored with each text (issue 15, point 7).

``posts.text_length``/``text_hashtags`` (the base text's length in code points and its
hashtag count, ``domain.entities.text_facts``) and ``deliveries.override_length``/
``override_hashtags`` (the same of a delivery's own variant; NULL without one). The app
writes them with every text (store/text_columns.py); existing rows are filled here, in
Python, as a hashtag is the app's regular expression, which no SQL trigger can run. And
``posts.has_media`` (1 when the post has media), written with its media.
Nullable columns added: no table is rebuilt on SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from somestudio.domain.entities import text_facts

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_INT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_BATCH = 2_000


def upgrade() -> None:
    op.add_column("posts", sa.Column("text_length", _INT, nullable=True))
    op.add_column("posts", sa.Column("text_hashtags", _INT, nullable=True))
    op.add_column("posts", sa.Column("has_media", _INT, nullable=True))
    op.add_column("deliveries", sa.Column("override_length", _INT, nullable=True))
    op.add_column("deliveries", sa.Column("override_hashtags", _INT, nullable=True))
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "UPDATE posts SET has_media = CASE WHEN EXISTS"
            " (SELECT 1 FROM media m WHERE m.post_id = posts.id) THEN 1 ELSE 0 END"
        )
    )
    _fill(
        bind,
        "SELECT id, base_text FROM posts WHERE id > :after ORDER BY id LIMIT :n",
        "UPDATE posts SET text_length = :length, text_hashtags = :hashtags WHERE id = :id",
    )
    _fill(
        bind,
        "SELECT id, text_override FROM deliveries WHERE text_override IS NOT NULL"
        " AND id > :after ORDER BY id LIMIT :n",
        "UPDATE deliveries SET override_length = :length, override_hashtags = :hashtags"
        " WHERE id = :id",
    )


def _fill(bind: sa.Connection, read: str, write: str) -> None:
    """Each row's facts, a batch of rows at a time (a big workspace's texts are not all
    held at once)."""
    after = 0
    while True:
        rows = bind.execute(sa.text(read), {"after": after, "n": _BATCH}).fetchall()
        if not rows:
            return
        values = []
        for row_id, text in rows:
            length, hashtags = text_facts(str(text))
            values.append({"id": row_id, "length": length, "hashtags": hashtags})
        bind.execute(sa.text(write), values)
        after = rows[-1][0]


def downgrade() -> None:
    raise NotImplementedError("Some Studio migrates forward only (a backup is made first)")
