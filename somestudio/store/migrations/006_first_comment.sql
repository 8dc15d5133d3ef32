-- The first comment: an optional reply from the same account right after the post, one per
-- delivery (post × account), sent exactly once like the post: its own idempotency key, its own
-- claim (pending → sending) and its own rows in the attempts log (subject = 'comment').
-- Self-contained (no other step reads it): if steps are renumbered at a merge, only the file
-- name changes.
CREATE TABLE first_comments (
    delivery_id      INTEGER PRIMARY KEY REFERENCES deliveries (id) ON DELETE CASCADE,
    text             TEXT NOT NULL CHECK (length(text) > 0),
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending',
                         'sent', 'failed', 'needs_attention')),
    idempotency_key  TEXT NOT NULL UNIQUE,
    attempt_count    INTEGER NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
    next_attempt_at  TEXT,                             -- UTC; set by retry backoff
    remote_id        TEXT,
    remote_url       TEXT,
    last_error       TEXT,
    sent_at          TEXT,
    first_tried_at   TEXT,                             -- UTC; the first claim (key memory)
    updated_at       TEXT NOT NULL
);
CREATE INDEX first_comments_by_state ON first_comments (state);

-- Which send an attempt was about: the post itself or its first comment.
ALTER TABLE attempts ADD COLUMN subject TEXT NOT NULL DEFAULT 'post'
    CHECK (subject IN ('post', 'comment'));
