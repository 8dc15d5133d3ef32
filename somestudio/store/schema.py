"""The schema as SQLAlchemy metadata, at the newest revision: schema 15 (what
``migrations/001…015.sql`` build) and the Alembic revisions after it (``store/alembic``).

PostgreSQL is created from this (Alembic's baseline, ``store/alembic``); SQLite files are
built by the legacy SQL steps, and ``tests/store/test_schema.py`` compares such a file with
this metadata so the two descriptions cannot drift apart. Times are UTC text
(``YYYY-MM-DDTHH:MM:SSZ``) and flags 0/1 integers on both backends
(docs/workspace-backends.md, section 4). ``json_valid`` exists on PostgreSQL as a function
the baseline creates before the tables.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# 64-bit integers on both: SQLite's INTEGER is 64-bit (and INTEGER PRIMARY KEY is the rowid),
# PostgreSQL's integer is not.
INT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TEXT = sa.Text()
OUTCOMES = "('published', 'retryable', 'final', 'unknown', 'reconciled', 'skipped')"
COMMENT_STATES = "('pending', 'sending', 'sent', 'failed', 'needs_attention')"
DELIVERY_STATES = (
    "('draft', 'scheduled', 'publishing', 'published', 'failed', 'needs_attention', 'missed')"
)


def _id() -> sa.Column[int]:
    return sa.Column("id", INT, sa.Identity(), primary_key=True)


def _ref(name: str, target: str, *, on_delete: str, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(name, INT, sa.ForeignKey(target, ondelete=on_delete), nullable=nullable)


def _key_ref(name: str, target: str) -> sa.Column[int]:
    """A primary key that is also a reference (one row per referenced row)."""
    return sa.Column(
        name,
        INT,
        sa.ForeignKey(target, ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )


def _text(name: str, *, default: str | None = None, nullable: bool = False) -> sa.Column[str]:
    server_default = sa.text(f"'{default}'") if default is not None else None
    return sa.Column(name, TEXT, nullable=nullable, server_default=server_default)


def _opt_text(name: str) -> sa.Column[str]:
    return sa.Column(name, TEXT, nullable=True)


def _int(name: str, *, default: int | None = None, nullable: bool = True) -> sa.Column[int]:
    server_default = sa.text(str(default)) if default is not None else None
    return sa.Column(name, INT, nullable=nullable, server_default=server_default)


def _flag(name: str, default: int) -> sa.Column[int]:
    return sa.Column(
        name,
        INT,
        sa.CheckConstraint(f"{name} IN (0, 1)"),
        nullable=False,
        server_default=sa.text(str(default)),
    )


def _count(name: str) -> sa.Column[int]:
    return sa.Column(
        name, INT, sa.CheckConstraint(f"{name} >= 0"), nullable=False, server_default=sa.text("0")
    )


def _json(name: str) -> sa.Column[str]:
    return sa.Column(name, TEXT, sa.CheckConstraint(f"json_valid({name})"), nullable=False)


# ------------------------------------------------------------------ accounts, posts, deliveries

accounts = sa.Table(
    "accounts",
    metadata,
    _id(),
    sa.Column(
        "network",
        TEXT,
        sa.CheckConstraint("length(network) > 0 AND network = lower(network)"),
        nullable=False,
    ),
    sa.Column("handle", TEXT, sa.CheckConstraint("length(handle) > 0"), nullable=False),
    _text("display_name", default=""),
    _text("instance_url", default=""),
    sa.Column(
        "publish_method",
        TEXT,
        sa.CheckConstraint("publish_method IN ('api', 'manual', 'folder')"),
        nullable=False,
        server_default=sa.text("'api'"),
    ),
    sa.Column(
        "options_json",
        TEXT,
        sa.CheckConstraint("json_valid(options_json)"),
        nullable=False,
        server_default=sa.text("'{}'"),
    ),
    sa.Column(
        "limits_json",
        TEXT,
        sa.CheckConstraint("json_valid(limits_json)"),
        nullable=False,
        server_default=sa.text("'{}'"),
    ),
    _text("created_at"),
    _opt_text("removed_at"),
    sa.UniqueConstraint("network", "handle", "instance_url"),
)

# ------------------------------------------------------------------ machines (revision 0017)

# Each machine (data folder) that opens the workspace, and the accounts whose token is in
# its keyring: the Accounts page says which machines can publish each account. No secret.
machines = sa.Table(
    "machines",
    metadata,
    sa.Column("id", TEXT, sa.CheckConstraint("length(id) > 0"), primary_key=True),
    _text("name", default=""),
    _text("seen_at"),
)

machine_accounts = sa.Table(
    "machine_accounts",
    metadata,
    sa.Column(
        "machine_id", TEXT, sa.ForeignKey("machines.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "account_id", INT, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    ),
)

posts = sa.Table(
    "posts",
    metadata,
    _id(),
    _text("base_text", default=""),
    _text("notes", default=""),
    _text("created_at"),
    _text("updated_at"),
    _opt_text("deleted_at"),
    _text("language", default=""),
    # Revision 0017: bumped by every write of the post's content, so a save made from an
    # older copy (another machine, another window) is refused instead of overwriting.
    _int("version", default=1, nullable=False),
    # Revision 0019: the base text's length and hashtag count, written with it
    # (store/text_columns.py), for the metrics view; NULL: not known, the text is read.
    _int("text_length"),
    _int("text_hashtags"),
    # Revision 0019: 1 when the post has media, written with them; NULL: not known, the
    # view looks.
    _int("has_media"),
)
sa.Index(
    "posts_deleted",
    posts.c.id,
    sqlite_where=sa.text("deleted_at IS NOT NULL"),
    postgresql_where=sa.text("deleted_at IS NOT NULL"),
)

media = sa.Table(
    "media",
    metadata,
    _id(),
    _ref("post_id", "posts.id", on_delete="CASCADE"),
    _int("position", nullable=False),
    _text("path"),
    _text("mime_type", default=""),
    _text("alt_text", default=""),
    _int("width"),
    _int("height"),
    _int("byte_size"),
    _int("duration_ms"),
    _int("frame_count"),
    _opt_text("original_path"),
    _opt_text("sha256"),  # the file's content hash on a shared workspace (media_blobs)
    sa.UniqueConstraint("post_id", "position"),
)

# An attached file's bytes, once per content hash, so that every machine of a shared
# workspace can publish and show it (revision "media blobs"; docs/workspace-backends.md).
media_blobs = sa.Table(
    "media_blobs",
    metadata,
    sa.Column("sha256", TEXT, primary_key=True),
    sa.Column("bytes", sa.LargeBinary(), nullable=False),
    _int("byte_size", nullable=False),
    _text("created_at"),
)

labels = sa.Table(
    "labels",
    metadata,
    _id(),
    sa.Column("name", TEXT, sa.CheckConstraint("length(name) > 0"), nullable=False, unique=True),
    _text("colour", default="#607d8b"),
)

post_labels = sa.Table(
    "post_labels",
    metadata,
    sa.Column("post_id", INT, sa.ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("label_id", INT, sa.ForeignKey("labels.id", ondelete="CASCADE"), primary_key=True),
)

deliveries = sa.Table(
    "deliveries",
    metadata,
    _id(),
    _ref("post_id", "posts.id", on_delete="CASCADE"),
    _ref("account_id", "accounts.id", on_delete="RESTRICT"),
    _opt_text("text_override"),
    _opt_text("scheduled_at"),
    _opt_text("time_zone"),
    sa.Column(
        "state",
        TEXT,
        sa.CheckConstraint(f"state IN {DELIVERY_STATES}"),
        nullable=False,
        server_default=sa.text("'draft'"),
    ),
    _count("attempt_count"),
    _opt_text("next_attempt_at"),
    sa.Column("idempotency_key", TEXT, nullable=False, unique=True),
    _opt_text("remote_id"),
    _opt_text("remote_url"),
    _opt_text("last_error"),
    _opt_text("published_at"),
    _flag("seen_by_user", 1),
    _text("updated_at"),
    # Revision 0019: the variant's length and hashtag count (NULL without a variant, or
    # not known: the view then reads the text).
    _int("override_length"),
    _int("override_hashtags"),
    sa.CheckConstraint("state = 'draft' OR scheduled_at IS NOT NULL"),
    sa.CheckConstraint("scheduled_at IS NULL OR time_zone IS NOT NULL"),
    sa.UniqueConstraint("post_id", "account_id"),
)
sa.Index("deliveries_by_time", deliveries.c.scheduled_at)
sa.Index("deliveries_due", deliveries.c.state, deliveries.c.scheduled_at)
sa.Index("deliveries_by_account", deliveries.c.account_id)
_PUBLISHED = sa.text("state = 'published'")
sa.Index(
    "deliveries_published",
    deliveries.c.published_at,
    sqlite_where=_PUBLISHED,
    postgresql_where=_PUBLISHED,
)
_REMOTE = sa.text("remote_id IS NOT NULL")
sa.Index(
    "deliveries_by_remote_id",
    deliveries.c.account_id,
    deliveries.c.remote_id,
    sqlite_where=_REMOTE,
    postgresql_where=_REMOTE,
)
sa.Index("deliveries_by_state_published", deliveries.c.state, deliveries.c.published_at)
sa.Index(
    "deliveries_calendar",
    deliveries.c.scheduled_at,
    deliveries.c.post_id,
    deliveries.c.account_id,
    deliveries.c.state,
)

attempts = sa.Table(
    "attempts",
    metadata,
    _id(),
    _ref("delivery_id", "deliveries.id", on_delete="CASCADE"),
    _text("started_at"),
    _opt_text("finished_at"),
    sa.Column("outcome", TEXT, sa.CheckConstraint(f"outcome IN {OUTCOMES}"), nullable=False),
    _opt_text("error_kind"),
    _text("message", default=""),
    _int("http_status"),
    _opt_text("retry_at"),
    sa.Column(
        "subject",
        TEXT,
        sa.CheckConstraint("subject IN ('post', 'comment')"),
        nullable=False,
        server_default=sa.text("'post'"),
    ),
)
sa.Index("attempts_by_delivery", attempts.c.delivery_id, attempts.c.id)

# ------------------------------------------------------------------ composer

composer_autosave = sa.Table(
    "composer_autosave",
    metadata,
    sa.Column("slot", TEXT, sa.CheckConstraint("length(slot) > 0"), primary_key=True),
    _ref("post_id", "posts.id", on_delete="SET NULL", nullable=True),
    _json("state_json"),
    _text("updated_at"),
)

thread_parts = sa.Table(
    "thread_parts",
    metadata,
    sa.Column(
        "delivery_id", INT, sa.ForeignKey("deliveries.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "position",
        INT,
        sa.CheckConstraint("position >= 0"),
        primary_key=True,
        autoincrement=False,
    ),
    _text("text"),
)

link_cards = sa.Table(
    "link_cards",
    metadata,
    _key_ref("post_id", "posts.id"),
    sa.Column("url", TEXT, sa.CheckConstraint("length(url) > 0"), nullable=False),
    _text("title", default=""),
    _text("description", default=""),
    _text("image_url", default=""),
    _text("thumb_path", default=""),
    _flag("hidden", 0),
    _opt_text("thumb_sha256"),  # the picture's bytes are in media_blobs (a shared workspace)
)

first_comments = sa.Table(
    "first_comments",
    metadata,
    _key_ref("delivery_id", "deliveries.id"),
    sa.Column("text", TEXT, sa.CheckConstraint("length(text) > 0"), nullable=False),
    sa.Column(
        "state",
        TEXT,
        sa.CheckConstraint(f"state IN {COMMENT_STATES}"),
        nullable=False,
        server_default=sa.text("'pending'"),
    ),
    sa.Column("idempotency_key", TEXT, nullable=False, unique=True),
    _count("attempt_count"),
    _opt_text("next_attempt_at"),
    _opt_text("remote_id"),
    _opt_text("remote_url"),
    _opt_text("last_error"),
    _opt_text("sent_at"),
    _opt_text("first_tried_at"),
    _text("updated_at"),
)
sa.Index("first_comments_by_state", first_comments.c.state)

# ------------------------------------------------------------------ metrics

_SOURCE = "('api', 'manual', 'csv')"
_NUMBERS = ("likes", "reposts", "replies", "quotes", "bookmarks", "views")

metric_snapshots = sa.Table(
    "metric_snapshots",
    metadata,
    _id(),
    _ref("delivery_id", "deliveries.id", on_delete="CASCADE"),
    _text("fetched_at"),
    *(_int(name) for name in _NUMBERS),
    sa.Column(
        "source",
        TEXT,
        sa.CheckConstraint(f"source IN {_SOURCE}"),
        nullable=False,
        server_default=sa.text("'api'"),
    ),
)
sa.Index(
    "metric_snapshots_by_delivery", metric_snapshots.c.delivery_id, metric_snapshots.c.fetched_at
)
sa.Index("metric_snapshots_by_time", metric_snapshots.c.fetched_at)

account_snapshots = sa.Table(
    "account_snapshots",
    metadata,
    _id(),
    _ref("account_id", "accounts.id", on_delete="CASCADE"),
    _text("fetched_at"),
    _int("followers"),
    _int("following"),
    _int("posts_count"),
    sa.Column(
        "source",
        TEXT,
        sa.CheckConstraint(f"source IN {_SOURCE}"),
        nullable=False,
        server_default=sa.text("'api'"),
    ),
)
sa.Index(
    "account_snapshots_by_account", account_snapshots.c.account_id, account_snapshots.c.fetched_at
)

metric_latest = sa.Table(
    "metric_latest",
    metadata,
    _key_ref("delivery_id", "deliveries.id"),
    _int("snapshot_id", nullable=False),
    _text("fetched_at"),
    *(_int(name) for name in _NUMBERS),
)

metric_fetch_state = sa.Table(
    "metric_fetch_state",
    metadata,
    _key_ref("delivery_id", "deliveries.id"),
    _opt_text("last_attempt_at"),
    _opt_text("last_success_at"),
    _opt_text("next_fetch_at"),
    _count("failures"),
    _opt_text("last_error"),
    _flag("gone", 0),
)

account_fetch_state = sa.Table(
    "account_fetch_state",
    metadata,
    _key_ref("account_id", "accounts.id"),
    _opt_text("last_attempt_at"),
    _opt_text("last_success_at"),
    _opt_text("next_fetch_at"),
    _count("failures"),
    _opt_text("last_error"),
)

custom_series = sa.Table(
    "custom_series",
    metadata,
    _id(),
    sa.Column("name", TEXT, sa.CheckConstraint("length(name) > 0"), nullable=False, unique=True),
    _text("unit", default=""),
    _text("created_at"),
)

custom_values = sa.Table(
    "custom_values",
    metadata,
    sa.Column(
        "series_id", INT, sa.ForeignKey("custom_series.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("day", TEXT, primary_key=True),
    sa.Column("value", sa.Double().with_variant(sa.REAL(), "sqlite"), nullable=False),
    sa.Column(
        "source",
        TEXT,
        sa.CheckConstraint("source IN ('manual', 'csv')"),
        nullable=False,
        server_default=sa.text("'manual'"),
    ),
    _text("recorded_at"),
    sa.CheckConstraint("day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'").ddl_if(
        dialect="sqlite"
    ),
    sa.CheckConstraint("day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'").ddl_if(dialect="postgresql"),
)

# ------------------------------------------------------------------ planning

ideas = sa.Table(
    "ideas",
    metadata,
    _id(),
    _text("text", default=""),
    _text("link", default=""),
    _text("image_path", default=""),
    _int("position", default=0, nullable=False),
    _text("created_at"),
    _text("updated_at"),
    _opt_text("used_at"),
    _ref("post_id", "posts.id", on_delete="SET NULL", nullable=True),
)
sa.Index("ideas_on_board", ideas.c.used_at, ideas.c.position)


def _named(table: str, body: str) -> sa.Table:
    return sa.Table(
        table,
        metadata,
        _id(),
        sa.Column(
            "name", TEXT, sa.CheckConstraint("length(name) > 0"), nullable=False, unique=True
        ),
        _text(body, default=""),
        _text("updated_at"),
    )


post_templates = _named("post_templates", "body")
hashtag_groups = _named("hashtag_groups", "tags")

channel_defaults = sa.Table(
    "channel_defaults",
    metadata,
    sa.Column("network", TEXT, sa.CheckConstraint("length(network) > 0"), primary_key=True),
    _text("signature", default=""),
    _text("call_to_action", default=""),
)

post_flags = sa.Table(
    "post_flags",
    metadata,
    _key_ref("post_id", "posts.id"),
    _flag("paid", 0),
)

planning_options = sa.Table(
    "planning_options",
    metadata,
    sa.Column("key", TEXT, sa.CheckConstraint("length(key) > 0"), primary_key=True),
    _json("value_json"),
    _text("updated_at"),
)

# ------------------------------------------------------------------ inbox

inbox_items = sa.Table(
    "inbox_items",
    metadata,
    _id(),
    _ref("account_id", "accounts.id", on_delete="CASCADE"),
    sa.Column(
        "network_item_id",
        TEXT,
        sa.CheckConstraint("length(network_item_id) > 0"),
        nullable=False,
    ),
    sa.Column(
        "kind",
        TEXT,
        sa.CheckConstraint(
            "kind IN ('reply', 'mention', 'quote', 'comment', 'like', 'repost', 'follow')"
        ),
        nullable=False,
    ),
    *(
        _text(name, default="")
        for name in (
            "author_handle",
            "author_name",
            "author_id",
            "text",
            "item_post_id",
            "item_post_cid",
            "item_post_url",
            "subject_id",
            "subject_cid",
            "root_id",
            "root_cid",
        )
    ),
    _text("created_at"),
    _text("fetched_at"),
    _opt_text("read_at"),
    _opt_text("done_at"),
    _text("label", default=""),
    _opt_text("liked_at"),
    _opt_text("hidden_at"),
    _text("problem", default=""),
    sa.UniqueConstraint("account_id", "network_item_id"),
)
_NEWEST = (inbox_items.c.created_at.desc(), inbox_items.c.id.desc())
sa.Index("inbox_items_newest", *_NEWEST)
sa.Index("inbox_items_by_account", inbox_items.c.account_id, *_NEWEST)
_OPEN = sa.text("done_at IS NULL")
sa.Index("inbox_items_open", *_NEWEST, sqlite_where=_OPEN, postgresql_where=_OPEN)
_UNREAD = sa.text("read_at IS NULL")
sa.Index(
    "inbox_items_unread", inbox_items.c.account_id, sqlite_where=_UNREAD, postgresql_where=_UNREAD
)
_ABOUT = sa.text("subject_id != ''")
sa.Index(
    "inbox_items_by_subject", inbox_items.c.subject_id, sqlite_where=_ABOUT, postgresql_where=_ABOUT
)

inbox_cursors = sa.Table(
    "inbox_cursors",
    metadata,
    sa.Column(
        "account_id", INT, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("source", TEXT, primary_key=True),
    _text("position", default=""),
    _text("resume", default=""),
    _text("resume_top", default=""),
    _opt_text("last_read_at"),
    _opt_text("last_error"),
    _opt_text("last_problem"),
    _int("failures", default=0, nullable=False),
    _opt_text("next_read_at"),
)

inbox_replies = sa.Table(
    "inbox_replies",
    metadata,
    _key_ref("item_id", "inbox_items.id"),
    sa.Column("text", TEXT, sa.CheckConstraint("length(text) > 0"), nullable=False),
    sa.Column(
        "state",
        TEXT,
        sa.CheckConstraint(f"state IN {COMMENT_STATES}"),
        nullable=False,
        server_default=sa.text("'pending'"),
    ),
    sa.Column("idempotency_key", TEXT, nullable=False, unique=True),
    _count("attempt_count"),
    _opt_text("next_attempt_at"),
    _opt_text("remote_id"),
    _opt_text("remote_url"),
    _opt_text("last_error"),
    _opt_text("sent_at"),
    _opt_text("first_tried_at"),
    _text("created_at"),
    _text("updated_at"),
)
sa.Index("inbox_replies_by_state", inbox_replies.c.state)

inbox_reply_attempts = sa.Table(
    "inbox_reply_attempts",
    metadata,
    _id(),
    _ref("item_id", "inbox_replies.item_id", on_delete="CASCADE"),
    _text("started_at"),
    _opt_text("finished_at"),
    sa.Column("outcome", TEXT, sa.CheckConstraint(f"outcome IN {OUTCOMES}"), nullable=False),
    _opt_text("error_kind"),
    _text("message", default=""),
    _int("http_status"),
    _opt_text("retry_at"),
)
sa.Index("inbox_reply_attempts_by_item", inbox_reply_attempts.c.item_id, inbox_reply_attempts.c.id)

saved_replies = sa.Table(
    "saved_replies",
    metadata,
    _id(),
    sa.Column("title", TEXT, sa.CheckConstraint("length(trim(title)) > 0"), nullable=False),
    sa.Column("body", TEXT, sa.CheckConstraint("length(trim(body)) > 0"), nullable=False),
    _text("language", default=""),
    _text("created_at"),
    _text("updated_at"),
)
# SQLite: (title COLLATE NOCASE); PostgreSQL: lower(title). Listed by title, ignoring case.
sa.Index("saved_replies_by_title", sa.func.lower(saved_replies.c.title)).ddl_if(
    dialect="postgresql"
)

# ------------------------------------------------------------------ goals, timeline (012)

_DAY_GLOB = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
_DAY_REGEX = "'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'"


def _day_checks(name: str) -> tuple[sa.CheckConstraint, sa.CheckConstraint]:
    """``name`` is a day ``YYYY-MM-DD`` (NULL passes, as any CHECK): SQLite's GLOB, PostgreSQL's
    regular expression."""
    return (
        sa.CheckConstraint(f"{name} GLOB {_DAY_GLOB}").ddl_if(dialect="sqlite"),
        sa.CheckConstraint(f"{name} ~ {_DAY_REGEX}").ddl_if(dialect="postgresql"),
    )


def _day(name: str, *, nullable: bool = False) -> sa.Column[str]:
    """A day column; its checks are ``_day_checks``, given at the table's level (a column's
    own CHECK is written whatever its ``ddl_if``)."""
    return sa.Column(name, TEXT, nullable=nullable)


goals = sa.Table(
    "goals",
    metadata,
    _id(),
    sa.Column("title", TEXT, sa.CheckConstraint("length(trim(title)) > 0"), nullable=False),
    sa.Column("measure", TEXT, sa.CheckConstraint("length(measure) > 0"), nullable=False),
    sa.Column("target", INT, sa.CheckConstraint("target > 0"), nullable=False),
    _day("start_day"),
    _day("deadline", nullable=True),
    sa.Column("per", TEXT, sa.CheckConstraint("per IN ('week', 'month')"), nullable=True),
    _ref("account_id", "accounts.id", on_delete="CASCADE", nullable=True),
    _text("created_at"),
    sa.CheckConstraint("(per IS NULL) != (deadline IS NULL)"),
    *_day_checks("start_day"),
    *_day_checks("deadline"),
)

timeline_actions = sa.Table(
    "timeline_actions",
    metadata,
    _id(),
    _day("day"),
    sa.Column("note", TEXT, sa.CheckConstraint("length(trim(note)) > 0"), nullable=False),
    sa.Column(
        "kind",
        TEXT,
        sa.CheckConstraint("length(kind) > 0"),
        nullable=False,
        server_default=sa.text("'user'"),
    ),
    _int("ref"),
    _ref("account_id", "accounts.id", on_delete="CASCADE", nullable=True),
    _text("created_at"),
    *_day_checks("day"),
)
sa.Index("timeline_actions_by_day", timeline_actions.c.day)

# ------------------------------------------------------------------ collaborations (013)

partners = sa.Table(
    "partners",
    metadata,
    _id(),
    sa.Column("company", TEXT, sa.CheckConstraint("length(trim(company)) > 0"), nullable=False),
    _text("contact", default=""),
    sa.Column(
        "language",
        TEXT,
        sa.CheckConstraint("language IN ('fi', 'en')"),
        nullable=False,
        server_default=sa.text("'fi'"),
    ),
    _text("created_at"),
)
# An index on an expression: SQLite's reflection skips it, so tests/store/test_schema.py
# checks it on SQLite by its CREATE INDEX text (EXPRESSION_INDEXES).
sa.Index("partners_company", sa.func.lower(partners.c.company), unique=True)
EXPRESSION_INDEXES = {
    "partners_company": "CREATE UNIQUE INDEX partners_company ON partners (lower(company))"
}

collaborations = sa.Table(
    "collaborations",
    metadata,
    _id(),
    _ref("partner_id", "partners.id", on_delete="RESTRICT"),
    _text("title", default=""),
    sa.Column("fee_cents", INT, sa.CheckConstraint("fee_cents >= 0"), nullable=False),
    sa.Column(
        "vat_bp",
        INT,
        sa.CheckConstraint("vat_bp BETWEEN 0 AND 10000"),
        nullable=False,
        server_default=sa.text("0"),
    ),
    sa.Column(
        "state",
        TEXT,
        sa.CheckConstraint("state IN ('offered', 'agreed', 'delivered', 'invoiced', 'paid')"),
        nullable=False,
        server_default=sa.text("'offered'"),
    ),
    _day("agreed_on"),
    _day("payment_due", nullable=True),
    _text("terms", default=""),
    _opt_text("delivered_on"),
    _opt_text("invoiced_on"),
    _opt_text("paid_on"),
    _text("created_at"),
    _text("updated_at"),
    *_day_checks("agreed_on"),
    *_day_checks("payment_due"),
)

collab_files = sa.Table(
    "collab_files",
    metadata,
    _id(),
    _ref("collab_id", "collaborations.id", on_delete="CASCADE"),
    sa.Column("path", TEXT, sa.CheckConstraint("length(path) > 0"), nullable=False),
    sa.UniqueConstraint("collab_id", "path"),
)

collab_deliverables = sa.Table(
    "collab_deliverables",
    metadata,
    _id(),
    _ref("collab_id", "collaborations.id", on_delete="CASCADE"),
    _text("network"),
    _day("due"),
    _ref("post_id", "posts.id", on_delete="SET NULL", nullable=True),
    _text("note", default=""),
    *_day_checks("due"),
)
sa.Index("collab_deliverables_post", collab_deliverables.c.post_id)

collab_costs = sa.Table(
    "collab_costs",
    metadata,
    _id(),
    _ref("collab_id", "collaborations.id", on_delete="SET NULL", nullable=True),
    _day("day"),
    sa.Column("amount_cents", INT, sa.CheckConstraint("amount_cents >= 0"), nullable=False),
    _text("note", default=""),
    *_day_checks("day"),
)

# ------------------------------------------------------------------ inbox reads (014)

# No primary key on SQLite either (a rowid table): rows are counted and pruned, never named.
inbox_reads = sa.Table(
    "inbox_reads",
    metadata,
    _ref("account_id", "accounts.id", on_delete="CASCADE"),
    _text("at"),
)
sa.Index("inbox_reads_by_account", inbox_reads.c.account_id, inbox_reads.c.at)

# ------------------------------------------------------------------ metric day totals (015)

# Kept by triggers (SQLite: migrations/015; PostgreSQL: schema_postgresql.py).
metric_day_totals = sa.Table(
    "metric_day_totals",
    metadata,
    sa.Column("day", TEXT, primary_key=True),
    sa.Column("account_id", INT, primary_key=True, autoincrement=False),
    sa.Column("posts", INT, nullable=False),
    *(
        sa.Column(name, INT, nullable=False)
        for figure in ("likes", "reposts", "replies", "quotes", "bookmarks", "views")
        for name in (figure, f"{figure}_n")
    ),
    sqlite_with_rowid=False,
)

# ------------------------------------------------------------------ members and approval (revision)

MEMBER_ROLES = "('owner', 'editor', 'contributor')"
APPROVAL_STATES = "('waiting', 'returned')"
APPROVAL_ACTIONS = "('requested', 'approved', 'returned')"

# The people of a shared workspace; none on a solo one (everyone is then the owner).
members = sa.Table(
    "members",
    metadata,
    _id(),
    sa.Column("name", TEXT, sa.CheckConstraint("length(name) > 0"), nullable=False, unique=True),
    sa.Column("role", TEXT, sa.CheckConstraint(f"role IN {MEMBER_ROLES}"), nullable=False),
    _text("created_at"),
)

# A post a contributor asked to have approved (or that came back with a comment): while it
# has a row here, no delivery of it can be claimed (deliveries' claim), and approving
# deletes the row.
post_approvals = sa.Table(
    "post_approvals",
    metadata,
    _key_ref("post_id", "posts.id"),
    sa.Column("state", TEXT, sa.CheckConstraint(f"state IN {APPROVAL_STATES}"), nullable=False),
    _ref("requested_by", "members.id", on_delete="SET NULL", nullable=True),
    _text("requested_at"),
    _text("comment", default=""),
)

# Every request, approval and return: who (kept by name too: a member may be removed), when.
approval_events = sa.Table(
    "approval_events",
    metadata,
    _id(),
    _ref("post_id", "posts.id", on_delete="CASCADE"),
    sa.Column("action", TEXT, sa.CheckConstraint(f"action IN {APPROVAL_ACTIONS}"), nullable=False),
    _ref("member_id", "members.id", on_delete="SET NULL", nullable=True),
    _text("member_name", default=""),
    _text("comment", default=""),
    _text("at"),
)
sa.Index("approval_events_by_post", approval_events.c.post_id, approval_events.c.id)

# ------------------------------------------------------------- repeating series (revision 0020)

# A weekly or monthly series the Schedule dialog made from one draft: the rule's spec
# (domain.recurrence.rule_spec), its zone and how many posts it was made with.
post_series = sa.Table(
    "post_series",
    metadata,
    _id(),
    _text("rule", default=""),
    _text("time_zone", default=""),
    sa.Column("total", INT, sa.CheckConstraint("total >= 1"), nullable=False),
    _text("created_at"),
)

# Each post of a series and its place in it (1 = the first occurrence). A post in the bin
# keeps its row, so undo restores it in place.
series_posts = sa.Table(
    "series_posts",
    metadata,
    _key_ref("post_id", "posts.id"),
    _ref("series_id", "post_series.id", on_delete="CASCADE"),
    sa.Column("position", INT, sa.CheckConstraint("position >= 1"), nullable=False),
    sa.UniqueConstraint("series_id", "position"),
)
