-- Saved replies (issue 16, point 3): short reusable answers for the inbox, with placeholders
-- such as {name} filled in when one is put into the reply editor. Self-contained: if steps
-- are renumbered at a merge, only the file name changes.
CREATE TABLE saved_replies (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
    language    TEXT NOT NULL DEFAULT '',               -- 'en', 'fi', '' any
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX saved_replies_by_title ON saved_replies (title COLLATE NOCASE);
