-- Metrics: the newest numbers of each delivery kept beside its snapshots (the dashboard reads
-- one row per post, not a million snapshots), when each post and account is fetched next,
-- and series of numbers no API gives (a blog's views, event sign-ups) entered by hand or
-- imported from CSV.

-- The newest snapshot per delivery, kept by triggers: newest by (fetched_at, id), the same
-- order the read models always used.
CREATE TABLE metric_latest (
    delivery_id  INTEGER PRIMARY KEY REFERENCES deliveries (id) ON DELETE CASCADE,
    snapshot_id  INTEGER NOT NULL,
    fetched_at   TEXT NOT NULL,
    likes        INTEGER,
    reposts      INTEGER,
    replies      INTEGER,
    quotes       INTEGER,
    bookmarks    INTEGER,
    views        INTEGER
);

INSERT INTO metric_latest
SELECT delivery_id, id, fetched_at, likes, reposts, replies, quotes, bookmarks, views
FROM (
    SELECT s.*, row_number() OVER (PARTITION BY s.delivery_id
                                   ORDER BY s.fetched_at DESC, s.id DESC) AS newest
    FROM metric_snapshots s
)
WHERE newest = 1;

CREATE TRIGGER metric_latest_after_insert AFTER INSERT ON metric_snapshots
WHEN NOT EXISTS (
    SELECT 1 FROM metric_latest m
    WHERE m.delivery_id = NEW.delivery_id
      AND (m.fetched_at > NEW.fetched_at OR (m.fetched_at = NEW.fetched_at AND m.snapshot_id > NEW.id))
)
BEGIN
    INSERT INTO metric_latest (delivery_id, snapshot_id, fetched_at, likes, reposts, replies,
                               quotes, bookmarks, views)
    VALUES (NEW.delivery_id, NEW.id, NEW.fetched_at, NEW.likes, NEW.reposts, NEW.replies,
            NEW.quotes, NEW.bookmarks, NEW.views)
    ON CONFLICT (delivery_id) DO UPDATE SET
        snapshot_id = excluded.snapshot_id, fetched_at = excluded.fetched_at,
        likes = excluded.likes, reposts = excluded.reposts, replies = excluded.replies,
        quotes = excluded.quotes, bookmarks = excluded.bookmarks, views = excluded.views;
END;

-- A removed snapshot (a corrected manual entry, a re-imported CSV row) that was the newest:
-- the next newest takes its place, or the delivery has no numbers any more.
CREATE TRIGGER metric_latest_after_delete AFTER DELETE ON metric_snapshots
WHEN EXISTS (SELECT 1 FROM metric_latest WHERE snapshot_id = OLD.id)
BEGIN
    DELETE FROM metric_latest WHERE delivery_id = OLD.delivery_id;
    INSERT INTO metric_latest (delivery_id, snapshot_id, fetched_at, likes, reposts, replies,
                               quotes, bookmarks, views)
    SELECT delivery_id, id, fetched_at, likes, reposts, replies, quotes, bookmarks, views
    FROM metric_snapshots
    WHERE delivery_id = OLD.delivery_id
    ORDER BY fetched_at DESC, id DESC
    LIMIT 1;
END;

-- Snapshots are facts as fetched; a changed one is a new snapshot.
CREATE TRIGGER metric_snapshots_no_update BEFORE UPDATE ON metric_snapshots
BEGIN
    SELECT RAISE(ABORT, 'metric snapshots are not updated; insert a new one');
END;

-- Published posts of a period (totals, top posts, heatmap, insights).
CREATE INDEX deliveries_published ON deliveries (published_at) WHERE state = 'published';

-- When to fetch next. One row per delivery or account that has been looked at; 'gone'
-- means the network no longer has the post (deleted there): it is not asked again.
CREATE TABLE metric_fetch_state (
    delivery_id      INTEGER PRIMARY KEY REFERENCES deliveries (id) ON DELETE CASCADE,
    last_attempt_at  TEXT,
    last_success_at  TEXT,
    next_fetch_at    TEXT,
    failures         INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    last_error       TEXT,
    gone             INTEGER NOT NULL DEFAULT 0 CHECK (gone IN (0, 1))
);

CREATE TABLE account_fetch_state (
    account_id       INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    last_attempt_at  TEXT,
    last_success_at  TEXT,
    next_fetch_at    TEXT,
    failures         INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    last_error       TEXT
);

-- Numbers no API gives: a named series with one value per day (a re-import replaces it).
CREATE TABLE custom_series (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    unit        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE custom_values (
    series_id    INTEGER NOT NULL REFERENCES custom_series (id) ON DELETE CASCADE,
    day          TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    value        REAL NOT NULL,
    source       TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'csv')),
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (series_id, day)
) WITHOUT ROWID;
