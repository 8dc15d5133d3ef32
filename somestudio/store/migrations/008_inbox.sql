-- The community inbox (issue 16): what people did with our posts and accounts, as read from
-- each network, kept offline. One row per (account, network_item_id): reading an entry again
-- (a repeated page, a walk that overlaps the last) changes nothing. A fetch that fails never
-- deletes a row. Self-contained (no other step reads these tables): if steps are renumbered at
-- a merge, only the file name changes.
CREATE TABLE inbox_items (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    network_item_id  TEXT NOT NULL CHECK (length(network_item_id) > 0),
    kind             TEXT NOT NULL CHECK (kind IN ('reply', 'mention', 'quote', 'comment',
                         'like', 'repost', 'follow')),
    author_handle    TEXT NOT NULL DEFAULT '',
    author_name      TEXT NOT NULL DEFAULT '',
    author_id        TEXT NOT NULL DEFAULT '',
    text             TEXT NOT NULL DEFAULT '',
    item_post_id     TEXT NOT NULL DEFAULT '',          -- the person's post (reply, mention)
    item_post_cid    TEXT NOT NULL DEFAULT '',
    item_post_url    TEXT NOT NULL DEFAULT '',
    subject_id       TEXT NOT NULL DEFAULT '',          -- our post it is about
    subject_cid      TEXT NOT NULL DEFAULT '',
    root_id          TEXT NOT NULL DEFAULT '',          -- the thread's first post
    root_cid         TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,                     -- UTC, as the network says
    fetched_at       TEXT NOT NULL,
    read_at          TEXT,
    done_at          TEXT,
    label            TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, network_item_id)
);
-- Newest first, across accounts and per account; the open (not done) list is the usual one.
CREATE INDEX inbox_items_newest ON inbox_items (created_at DESC, id DESC);
CREATE INDEX inbox_items_by_account ON inbox_items (account_id, created_at DESC, id DESC);
CREATE INDEX inbox_items_open ON inbox_items (created_at DESC, id DESC) WHERE done_at IS NULL;
CREATE INDEX inbox_items_unread ON inbox_items (account_id) WHERE read_at IS NULL;
CREATE INDEX inbox_items_by_subject ON inbox_items (subject_id) WHERE subject_id != '';

-- Where each account's collection stands per source (see domain/inbox/cursors.py).
CREATE TABLE inbox_cursors (
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    source       TEXT NOT NULL,
    position     TEXT NOT NULL DEFAULT '',
    resume       TEXT NOT NULL DEFAULT '',
    resume_top   TEXT NOT NULL DEFAULT '',
    last_read_at TEXT,                                  -- the last round that asked
    last_error   TEXT,                                  -- redacted; cleared by a good round
    last_problem TEXT,                                  -- its code (domain/inbox/problems.py)
    failures     INTEGER NOT NULL DEFAULT 0,
    next_read_at TEXT,                                  -- backed off after failures
    PRIMARY KEY (account_id, source)
);

-- Our answer to an entry, sent exactly once like a first comment: its own idempotency key,
-- its own claim (pending -> sending, rowcount 1) and its own append-only attempts.
CREATE TABLE inbox_replies (
    item_id          INTEGER PRIMARY KEY REFERENCES inbox_items (id) ON DELETE CASCADE,
    text             TEXT NOT NULL CHECK (length(text) > 0),
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending',
                         'sent', 'failed', 'needs_attention')),
    idempotency_key  TEXT NOT NULL UNIQUE,
    attempt_count    INTEGER NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
    next_attempt_at  TEXT,
    remote_id        TEXT,
    remote_url       TEXT,
    last_error       TEXT,
    sent_at          TEXT,
    first_tried_at   TEXT,
    created_at       TEXT NOT NULL,                     -- stable: Bluesky's record key is made from it
    updated_at       TEXT NOT NULL
);
CREATE INDEX inbox_replies_by_state ON inbox_replies (state);

CREATE TABLE inbox_reply_attempts (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES inbox_replies (item_id) ON DELETE CASCADE,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    outcome      TEXT NOT NULL CHECK (outcome IN ('published', 'retryable', 'final', 'unknown',
                     'reconciled', 'skipped')),
    error_kind   TEXT,
    message      TEXT NOT NULL DEFAULT '',
    http_status  INTEGER,
    retry_at     TEXT
);
CREATE INDEX inbox_reply_attempts_by_item ON inbox_reply_attempts (item_id, id);
CREATE TRIGGER inbox_reply_attempts_append_only BEFORE UPDATE ON inbox_reply_attempts
BEGIN
    SELECT RAISE(ABORT, 'attempts are append-only');
END;

-- An entry names our post by its remote id: find the delivery that published it at once.
CREATE INDEX deliveries_by_remote_id ON deliveries (account_id, remote_id)
    WHERE remote_id IS NOT NULL;
