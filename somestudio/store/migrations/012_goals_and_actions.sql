-- Goals and the timeline's actions (issue 18, points 1 and 2).

-- A goal: a number by a date (per IS NULL, deadline set) or a cadence (per = 'week' or
-- 'month': target posts in each). account_id NULL: all accounts together. The measures
-- are the domain's (followers, views, engagements, posts); a name the app does not know is
-- refused when read, not here, so a newer app's goal does not break an older database.
CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    measure     TEXT NOT NULL CHECK (length(measure) > 0),
    target      INTEGER NOT NULL CHECK (target > 0),
    start_day   TEXT NOT NULL CHECK (start_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    deadline    TEXT CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    per         TEXT CHECK (per IN ('week', 'month')),
    account_id  INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    CHECK ((per IS NULL) != (deadline IS NULL))
);

-- What the user did, on a local day, with a note ("job fair", "new profile photo");
-- account_id NULL: not tied to one account. kind leaves room for the app's own kinds that
-- are not derived from other tables (e.g. a collaboration delivered, ref = its id).
CREATE TABLE timeline_actions (
    id          INTEGER PRIMARY KEY,
    day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note        TEXT NOT NULL CHECK (length(trim(note)) > 0),
    kind        TEXT NOT NULL DEFAULT 'user' CHECK (length(kind) > 0),
    ref         INTEGER,
    account_id  INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL
);
CREATE INDEX timeline_actions_by_day ON timeline_actions (day);
