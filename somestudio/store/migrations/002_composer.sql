-- The composer: unsaved work kept while typing, threads per delivery, media probe results.

-- What the composer holds that is not saved yet, written a moment after each change, so a
-- crash loses at most that moment. One row per composer ('main'); deleted once saved.
CREATE TABLE composer_autosave (
    slot        TEXT PRIMARY KEY CHECK (length(slot) > 0),
    post_id     INTEGER REFERENCES posts (id) ON DELETE SET NULL,  -- NULL: a new post
    state_json  TEXT NOT NULL CHECK (json_valid(state_json)),
    updated_at  TEXT NOT NULL
);

-- A delivery that goes out as a thread: its parts in order (position 0 is the first post).
-- A delivery without rows here is one post (its text_override, or the post's base text).
CREATE TABLE thread_parts (
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    text        TEXT NOT NULL,
    PRIMARY KEY (delivery_id, position)
) WITHOUT ROWID;

-- Probe results beside the existing width/height/byte_size/duration_ms columns.
ALTER TABLE media ADD COLUMN frame_count INTEGER;   -- > 1: an animated image
ALTER TABLE media ADD COLUMN original_path TEXT;    -- the user's file, when path is a fixed copy
