-- Initial schema. Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ' (sortable, readable); the zone
-- the user chose is kept beside each scheduled time so the wall time can be shown again.

CREATE TABLE accounts (
    id              INTEGER PRIMARY KEY,
    network         TEXT NOT NULL CHECK (network IN ('x', 'mastodon', 'bluesky', 'threads',
                        'linkedin', 'facebook', 'instagram', 'tiktok', 'youtube', 'pinterest',
                        'local')),
    handle          TEXT NOT NULL CHECK (length(handle) > 0),
    display_name    TEXT NOT NULL DEFAULT '',
    instance_url    TEXT NOT NULL DEFAULT '',        -- Mastodon instance, Bluesky PDS, ...
    publish_method  TEXT NOT NULL DEFAULT 'api' CHECK (publish_method IN ('api', 'manual', 'folder')),
    options_json    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options_json)),  -- never secrets
    limits_json     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(limits_json)),   -- read from server
    created_at      TEXT NOT NULL,
    removed_at      TEXT,
    UNIQUE (network, handle, instance_url)
);

CREATE TABLE posts (
    id          INTEGER PRIMARY KEY,
    base_text   TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT                                  -- soft delete: undoable, never published
);

CREATE TABLE media (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    path        TEXT NOT NULL,
    mime_type   TEXT NOT NULL DEFAULT '',
    alt_text    TEXT NOT NULL DEFAULT '',
    width       INTEGER,
    height      INTEGER,
    byte_size   INTEGER,
    duration_ms INTEGER,
    UNIQUE (post_id, position)
);

CREATE TABLE labels (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    colour  TEXT NOT NULL DEFAULT '#607d8b'
);

CREATE TABLE post_labels (
    post_id  INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    label_id INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, label_id)
) WITHOUT ROWID;

CREATE TABLE deliveries (
    id                  INTEGER PRIMARY KEY,
    post_id             INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    account_id          INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    text_override       TEXT,                          -- NULL: the post's base text
    scheduled_at        TEXT,                          -- UTC; NULL for an undated draft
    time_zone           TEXT,                          -- IANA zone the user picked
    state               TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'scheduled',
                            'publishing', 'published', 'failed', 'needs_attention', 'missed')),
    attempt_count       INTEGER NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
    next_attempt_at     TEXT,                          -- UTC; set by retry backoff
    idempotency_key     TEXT NOT NULL UNIQUE,
    remote_id           TEXT,
    remote_url          TEXT,
    last_error          TEXT,
    published_at        TEXT,
    seen_by_user        INTEGER NOT NULL DEFAULT 1 CHECK (seen_by_user IN (0, 1)),
    updated_at          TEXT NOT NULL,
    CHECK (state = 'draft' OR scheduled_at IS NOT NULL),
    CHECK (scheduled_at IS NULL OR time_zone IS NOT NULL),
    UNIQUE (post_id, account_id)
);
CREATE INDEX deliveries_by_time ON deliveries (scheduled_at);
CREATE INDEX deliveries_due ON deliveries (state, scheduled_at);
CREATE INDEX deliveries_by_account ON deliveries (account_id);

-- Append-only: one row per publish attempt outcome. Updates are refused by a trigger.
CREATE TABLE attempts (
    id           INTEGER PRIMARY KEY,
    delivery_id  INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    outcome      TEXT NOT NULL CHECK (outcome IN ('published', 'retryable', 'final', 'unknown',
                     'reconciled', 'skipped')),
    error_kind   TEXT,                                 -- auth, rate_limit, validation, ...
    message      TEXT NOT NULL DEFAULT '',
    http_status  INTEGER,
    retry_at     TEXT
);
CREATE INDEX attempts_by_delivery ON attempts (delivery_id, id);
CREATE TRIGGER attempts_append_only BEFORE UPDATE ON attempts
BEGIN
    SELECT RAISE(ABORT, 'attempts are append-only');
END;

CREATE TABLE metric_snapshots (
    id           INTEGER PRIMARY KEY,
    delivery_id  INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    fetched_at   TEXT NOT NULL,
    likes        INTEGER,                              -- NULL: the network does not offer it
    reposts      INTEGER,
    replies      INTEGER,
    quotes       INTEGER,
    bookmarks    INTEGER,
    views        INTEGER,
    source       TEXT NOT NULL DEFAULT 'api' CHECK (source IN ('api', 'manual', 'csv'))
);
CREATE INDEX metric_snapshots_by_delivery ON metric_snapshots (delivery_id, fetched_at);
CREATE INDEX metric_snapshots_by_time ON metric_snapshots (fetched_at);

CREATE TABLE account_snapshots (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    fetched_at   TEXT NOT NULL,
    followers    INTEGER,
    following    INTEGER,
    posts_count  INTEGER,
    source       TEXT NOT NULL DEFAULT 'api' CHECK (source IN ('api', 'manual', 'csv'))
);
CREATE INDEX account_snapshots_by_account ON account_snapshots (account_id, fetched_at);
