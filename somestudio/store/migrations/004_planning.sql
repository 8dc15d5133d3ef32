-- Planning a month: the ideas board, post templates, hashtag groups, per-channel signature
-- and call to action, a per-post "paid collaboration" flag (the guidelines' disclosure rule
-- reads it), and workspace-wide planning options stored as JSON (the guideline rulebook, the
-- calendar feed folder).

-- An idea has no date; planning it onto the calendar makes a draft post and takes the card
-- off the board (used_at), which undo clears again.
CREATE TABLE ideas (
    id          INTEGER PRIMARY KEY,
    text        TEXT NOT NULL DEFAULT '',
    link        TEXT NOT NULL DEFAULT '',
    image_path  TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    used_at     TEXT,
    post_id     INTEGER REFERENCES posts (id) ON DELETE SET NULL
);
CREATE INDEX ideas_on_board ON ideas (used_at, position);

-- A saved skeleton of a post; {name} marks a placeholder filled in when it is used.
CREATE TABLE post_templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    body        TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);

-- A set of hashtags inserted with one click; tags are kept space-separated with their '#'.
CREATE TABLE hashtag_groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    tags        TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);

-- Per channel (network): a signature and a call to action the composer adds on request.
CREATE TABLE channel_defaults (
    network         TEXT PRIMARY KEY CHECK (length(network) > 0),
    signature       TEXT NOT NULL DEFAULT '',
    call_to_action  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE post_flags (
    post_id  INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    paid     INTEGER NOT NULL DEFAULT 0 CHECK (paid IN (0, 1))
);

-- Options as JSON by key: 'guidelines' (the rulebook, in the format of its export file) and
-- 'calendar_feed' (the folder a subscribed .ics file is kept in).
CREATE TABLE planning_options (
    key         TEXT PRIMARY KEY CHECK (length(key) > 0),
    value_json  TEXT NOT NULL CHECK (json_valid(value_json)),
    updated_at  TEXT NOT NULL
);
