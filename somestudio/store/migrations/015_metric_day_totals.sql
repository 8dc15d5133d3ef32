-- The metrics view's totals per channel (issue 15, point 7): each account's published posts
-- and their newest numbers summed per UTC day, so a year and the year before it are read from
-- a few thousand rows instead of joining 50,000 posts to their numbers. A figure is summed
-- with the count of posts that report it (0 of them: the total is "not offered", not 0).
--
-- Kept by triggers on everything a total depends on: a delivery's state, publishing time,
-- account and post; its post's deletion; its newest numbers (metric_latest, itself kept by
-- triggers). Each trigger recounts the (day, account) pairs it touched from the rows
-- themselves (never adds or subtracts differences), so a total cannot drift from its posts.
-- A day is the first ten characters of the stored UTC time ('YYYY-MM-DDTHH:MM:SSZ'); its
-- posts are found through the (state, published_at) index as the range day||'T' .. day||'U'.

CREATE TABLE metric_day_totals (
    day          TEXT NOT NULL,
    account_id   INTEGER NOT NULL,
    posts        INTEGER NOT NULL,
    likes        INTEGER NOT NULL,
    likes_n      INTEGER NOT NULL,
    reposts      INTEGER NOT NULL,
    reposts_n    INTEGER NOT NULL,
    replies      INTEGER NOT NULL,
    replies_n    INTEGER NOT NULL,
    quotes       INTEGER NOT NULL,
    quotes_n     INTEGER NOT NULL,
    bookmarks    INTEGER NOT NULL,
    bookmarks_n  INTEGER NOT NULL,
    views        INTEGER NOT NULL,
    views_n      INTEGER NOT NULL,
    PRIMARY KEY (day, account_id)
) WITHOUT ROWID;

INSERT INTO metric_day_totals
SELECT substr(d.published_at, 1, 10), d.account_id, count(*),
       coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
       coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
       coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0), count(m.views)
FROM deliveries d
JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
LEFT JOIN metric_latest m ON m.delivery_id = d.id
WHERE d.state = 'published' AND d.published_at IS NOT NULL
GROUP BY 1, 2;

-- Each trigger below recounts the pairs of its key query "k" (day, account_id): the same
-- DELETE and INSERT, with only the key query differing.

CREATE TRIGGER metric_day_totals_delivery_insert AFTER INSERT ON deliveries
WHEN NEW.state = 'published' AND NEW.published_at IS NOT NULL
BEGIN
    DELETE FROM metric_day_totals
    WHERE day = substr(NEW.published_at, 1, 10) AND account_id = NEW.account_id;
    INSERT INTO metric_day_totals
    SELECT k.day, k.account_id, count(*),
           coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
           coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
           coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0), count(m.views)
    FROM (SELECT substr(NEW.published_at, 1, 10) AS day, NEW.account_id AS account_id) k
    JOIN deliveries d ON d.state = 'published' AND d.published_at >= k.day || 'T'
        AND d.published_at < k.day || 'U' AND d.account_id = k.account_id
    JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
    LEFT JOIN metric_latest m ON m.delivery_id = d.id
    GROUP BY k.day, k.account_id;
END;

CREATE TRIGGER metric_day_totals_delivery_delete AFTER DELETE ON deliveries
WHEN OLD.state = 'published' AND OLD.published_at IS NOT NULL
BEGIN
    DELETE FROM metric_day_totals
    WHERE day = substr(OLD.published_at, 1, 10) AND account_id = OLD.account_id;
    INSERT INTO metric_day_totals
    SELECT k.day, k.account_id, count(*),
           coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
           coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
           coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0), count(m.views)
    FROM (SELECT substr(OLD.published_at, 1, 10) AS day, OLD.account_id AS account_id) k
    JOIN deliveries d ON d.state = 'published' AND d.published_at >= k.day || 'T'
        AND d.published_at < k.day || 'U' AND d.account_id = k.account_id
    JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
    LEFT JOIN metric_latest m ON m.delivery_id = d.id
    GROUP BY k.day, k.account_id;
END;

-- Published, unpublished (a state moved back), moved in time, to another account or post:
-- the pair it left and the pair it joined.
CREATE TRIGGER metric_day_totals_delivery_update
AFTER UPDATE OF state, published_at, account_id, post_id ON deliveries
WHEN (OLD.state = 'published' AND OLD.published_at IS NOT NULL)
  OR (NEW.state = 'published' AND NEW.published_at IS NOT NULL)
BEGIN
    DELETE FROM metric_day_totals
    WHERE (day = substr(OLD.published_at, 1, 10) AND account_id = OLD.account_id)
       OR (day = substr(NEW.published_at, 1, 10) AND account_id = NEW.account_id);
    INSERT INTO metric_day_totals
    SELECT k.day, k.account_id, count(*),
           coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
           coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
           coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0), count(m.views)
    FROM (SELECT substr(OLD.published_at, 1, 10) AS day, OLD.account_id AS account_id
          WHERE OLD.published_at IS NOT NULL
          UNION
          SELECT substr(NEW.published_at, 1, 10), NEW.account_id
          WHERE NEW.published_at IS NOT NULL) k
    JOIN deliveries d ON d.state = 'published' AND d.published_at >= k.day || 'T'
        AND d.published_at < k.day || 'U' AND d.account_id = k.account_id
    JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
    LEFT JOIN metric_latest m ON m.delivery_id = d.id
    GROUP BY k.day, k.account_id;
END;

-- A post deleted (into the bin) or restored: the pairs of its published deliveries.
CREATE TRIGGER metric_day_totals_post_deleted AFTER UPDATE OF deleted_at ON posts
WHEN (OLD.deleted_at IS NULL) != (NEW.deleted_at IS NULL)
BEGIN
    DELETE FROM metric_day_totals
    WHERE (day, account_id) IN (
        SELECT substr(published_at, 1, 10), account_id FROM deliveries
        WHERE post_id = NEW.id AND state = 'published' AND published_at IS NOT NULL);
    INSERT INTO metric_day_totals
    SELECT k.day, k.account_id, count(*),
           coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
           coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
           coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0), count(m.views)
    FROM (SELECT DISTINCT substr(published_at, 1, 10) AS day, account_id FROM deliveries
          WHERE post_id = NEW.id AND state = 'published' AND published_at IS NOT NULL) k
    JOIN deliveries d ON d.state = 'published' AND d.published_at >= k.day || 'T'
        AND d.published_at < k.day || 'U' AND d.account_id = k.account_id
    JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
    LEFT JOIN metric_latest m ON m.delivery_id = d.id
    GROUP BY k.day, k.account_id;
END;

-- New numbers (or the newest removed): the pair of their delivery, if it is published. When
-- the delivery itself is being deleted, it is gone here and its own trigger recounts.
CREATE TRIGGER metric_day_totals_latest_insert AFTER INSERT ON metric_latest
BEGIN
    DELETE FROM metric_day_totals
    WHERE (day, account_id) IN (
        SELECT substr(published_at, 1, 10), account_id FROM deliveries
        WHERE id = NEW.delivery_id AND state = 'published' AND published_at IS NOT NULL);
    INSERT INTO metric_day_totals
    SELECT k.day, k.account_id, count(*),
           coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
           coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
           coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0), count(m.views)
    FROM (SELECT substr(published_at, 1, 10) AS day, account_id FROM deliveries
          WHERE id = NEW.delivery_id AND state = 'published' AND published_at IS NOT NULL) k
    JOIN deliveries d ON d.state = 'published' AND d.published_at >= k.day || 'T'
        AND d.published_at < k.day || 'U' AND d.account_id = k.account_id
    JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
    LEFT JOIN metric_latest m ON m.delivery_id = d.id
    GROUP BY k.day, k.account_id;
END;

CREATE TRIGGER metric_day_totals_latest_update AFTER UPDATE ON metric_latest
BEGIN
    DELETE FROM metric_day_totals
    WHERE (day, account_id) IN (
        SELECT substr(published_at, 1, 10), account_id FROM deliveries
        WHERE id = NEW.delivery_id AND state = 'published' AND published_at IS NOT NULL);
    INSERT INTO metric_day_totals
    SELECT k.day, k.account_id, count(*),
           coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
           coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
           coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0), count(m.views)
    FROM (SELECT substr(published_at, 1, 10) AS day, account_id FROM deliveries
          WHERE id = NEW.delivery_id AND state = 'published' AND published_at IS NOT NULL) k
    JOIN deliveries d ON d.state = 'published' AND d.published_at >= k.day || 'T'
        AND d.published_at < k.day || 'U' AND d.account_id = k.account_id
    JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
    LEFT JOIN metric_latest m ON m.delivery_id = d.id
    GROUP BY k.day, k.account_id;
END;

-- The key itself moved (metric_latest rows are upserted, never re-keyed; for completeness):
-- the pair the numbers left.
CREATE TRIGGER metric_day_totals_latest_rekeyed AFTER UPDATE OF delivery_id ON metric_latest
WHEN OLD.delivery_id != NEW.delivery_id
BEGIN
    DELETE FROM metric_day_totals
    WHERE (day, account_id) IN (
        SELECT substr(published_at, 1, 10), account_id FROM deliveries
        WHERE id = OLD.delivery_id AND state = 'published' AND published_at IS NOT NULL);
    INSERT INTO metric_day_totals
    SELECT k.day, k.account_id, count(*),
           coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
           coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
           coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0), count(m.views)
    FROM (SELECT substr(published_at, 1, 10) AS day, account_id FROM deliveries
          WHERE id = OLD.delivery_id AND state = 'published' AND published_at IS NOT NULL) k
    JOIN deliveries d ON d.state = 'published' AND d.published_at >= k.day || 'T'
        AND d.published_at < k.day || 'U' AND d.account_id = k.account_id
    JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
    LEFT JOIN metric_latest m ON m.delivery_id = d.id
    GROUP BY k.day, k.account_id;
END;

CREATE TRIGGER metric_day_totals_latest_delete AFTER DELETE ON metric_latest
BEGIN
    DELETE FROM metric_day_totals
    WHERE (day, account_id) IN (
        SELECT substr(published_at, 1, 10), account_id FROM deliveries
        WHERE id = OLD.delivery_id AND state = 'published' AND published_at IS NOT NULL);
    INSERT INTO metric_day_totals
    SELECT k.day, k.account_id, count(*),
           coalesce(sum(m.likes), 0), count(m.likes), coalesce(sum(m.reposts), 0), count(m.reposts),
           coalesce(sum(m.replies), 0), count(m.replies), coalesce(sum(m.quotes), 0), count(m.quotes),
           coalesce(sum(m.bookmarks), 0), count(m.bookmarks), coalesce(sum(m.views), 0), count(m.views)
    FROM (SELECT substr(published_at, 1, 10) AS day, account_id FROM deliveries
          WHERE id = OLD.delivery_id AND state = 'published' AND published_at IS NOT NULL) k
    JOIN deliveries d ON d.state = 'published' AND d.published_at >= k.day || 'T'
        AND d.published_at < k.day || 'U' AND d.account_id = k.account_id
    JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
    LEFT JOIN metric_latest m ON m.delivery_id = d.id
    GROUP BY k.day, k.account_id;
END;
