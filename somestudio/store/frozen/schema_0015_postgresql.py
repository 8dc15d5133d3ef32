"""FROZEN: what SQLite's schema 15 does beyond tables, in PostgreSQL's terms (a copy of
``store/schema_postgresql.py`` as it stood at schema 15), for the baseline revision.
Never edit it; a revision adds its own functions and triggers.
"""

from __future__ import annotations

# Created before the tables: their CHECKs call it (SQLite's JSON1 has it built in).
BEFORE_TABLES = (
    """
    CREATE FUNCTION json_valid(value text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
        PERFORM value::json;
        RETURN true;
    EXCEPTION WHEN others THEN
        RETURN false;
    END;
    $$
    """,
)

AFTER_TABLES = (
    """
    CREATE FUNCTION somestudio_refuse_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
    END;
    $$
    """,
    """
    CREATE TRIGGER attempts_append_only BEFORE UPDATE ON attempts
    FOR EACH ROW EXECUTE FUNCTION somestudio_refuse_update('attempts are append-only')
    """,
    """
    CREATE TRIGGER inbox_reply_attempts_append_only BEFORE UPDATE ON inbox_reply_attempts
    FOR EACH ROW EXECUTE FUNCTION somestudio_refuse_update('attempts are append-only')
    """,
    """
    CREATE TRIGGER metric_snapshots_no_update BEFORE UPDATE ON metric_snapshots
    FOR EACH ROW EXECUTE FUNCTION
        somestudio_refuse_update('metric snapshots are not updated; insert a new one')
    """,
    # The newest snapshot per delivery, newest by (fetched_at, id), as on SQLite.
    """
    CREATE FUNCTION metric_latest_after_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NOT EXISTS (
            SELECT 1 FROM metric_latest m
            WHERE m.delivery_id = NEW.delivery_id
              AND (m.fetched_at > NEW.fetched_at
                   OR (m.fetched_at = NEW.fetched_at AND m.snapshot_id > NEW.id))
        ) THEN
            INSERT INTO metric_latest (delivery_id, snapshot_id, fetched_at, likes, reposts,
                                       replies, quotes, bookmarks, views)
            VALUES (NEW.delivery_id, NEW.id, NEW.fetched_at, NEW.likes, NEW.reposts,
                    NEW.replies, NEW.quotes, NEW.bookmarks, NEW.views)
            ON CONFLICT (delivery_id) DO UPDATE SET
                snapshot_id = excluded.snapshot_id, fetched_at = excluded.fetched_at,
                likes = excluded.likes, reposts = excluded.reposts,
                replies = excluded.replies, quotes = excluded.quotes,
                bookmarks = excluded.bookmarks, views = excluded.views;
        END IF;
        RETURN NULL;
    END;
    $$
    """,
    """
    CREATE TRIGGER metric_latest_after_insert AFTER INSERT ON metric_snapshots
    FOR EACH ROW EXECUTE FUNCTION metric_latest_after_insert()
    """,
    """
    CREATE FUNCTION metric_latest_after_delete() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM metric_latest WHERE snapshot_id = OLD.id) THEN
            DELETE FROM metric_latest WHERE delivery_id = OLD.delivery_id;
            INSERT INTO metric_latest (delivery_id, snapshot_id, fetched_at, likes, reposts,
                                       replies, quotes, bookmarks, views)
            SELECT delivery_id, id, fetched_at, likes, reposts, replies, quotes, bookmarks, views
            FROM metric_snapshots
            WHERE delivery_id = OLD.delivery_id
            ORDER BY fetched_at DESC, id DESC
            LIMIT 1;
        END IF;
        RETURN NULL;
    END;
    $$
    """,
    """
    CREATE TRIGGER metric_latest_after_delete AFTER DELETE ON metric_snapshots
    FOR EACH ROW EXECUTE FUNCTION metric_latest_after_delete()
    """,
    # metric_day_totals (migrations/015): each (UTC day, account) pair a change touches is
    # recounted from the rows themselves, never adjusted by differences. The advisory lock
    # makes two transactions recounting one pair take turns; each statement after it reads
    # a fresh snapshot (READ COMMITTED, a volatile function), so the second one's recount
    # sees the first one's committed rows and the total cannot drift from its posts.
    """
    CREATE FUNCTION metric_day_totals_recount(p_day text, p_account bigint) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
        IF p_day IS NULL OR p_account IS NULL THEN
            RETURN;
        END IF;
        PERFORM pg_advisory_xact_lock(
            hashtextextended('metric_day_totals ' || p_day || ' ' || p_account, 0));
        DELETE FROM metric_day_totals WHERE day = p_day AND account_id = p_account;
        INSERT INTO metric_day_totals
        SELECT p_day, p_account, count(*),
               coalesce(sum(m.likes), 0), count(m.likes),
               coalesce(sum(m.reposts), 0), count(m.reposts),
               coalesce(sum(m.replies), 0), count(m.replies),
               coalesce(sum(m.quotes), 0), count(m.quotes),
               coalesce(sum(m.bookmarks), 0), count(m.bookmarks),
               coalesce(sum(m.views), 0), count(m.views)
        FROM deliveries d
        JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
        LEFT JOIN metric_latest m ON m.delivery_id = d.id
        WHERE d.state = 'published'
          AND d.published_at >= (p_day || 'T') COLLATE "C"
          AND d.published_at < (p_day || 'U') COLLATE "C"
          AND d.account_id = p_account
        HAVING count(*) > 0;
    END;
    $$
    """,
    """
    CREATE FUNCTION metric_day_totals_recount_delivery(p_delivery bigint) RETURNS void
    LANGUAGE plpgsql AS $$
    DECLARE
        found_day text;
        found_account bigint;
    BEGIN
        SELECT left(published_at, 10), account_id INTO found_day, found_account
        FROM deliveries
        WHERE id = p_delivery AND state = 'published' AND published_at IS NOT NULL;
        IF FOUND THEN
            PERFORM metric_day_totals_recount(found_day, found_account);
        END IF;
    END;
    $$
    """,
    """
    CREATE FUNCTION metric_day_totals_deliveries() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.published_at IS NOT NULL
           AND (OLD.state = 'published'
                OR (TG_OP = 'UPDATE' AND NEW.state = 'published'
                    AND NEW.published_at IS NOT NULL)) THEN
            PERFORM metric_day_totals_recount(left(OLD.published_at, 10), OLD.account_id);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.published_at IS NOT NULL
           AND (NEW.state = 'published'
                OR (TG_OP = 'UPDATE' AND OLD.state = 'published'
                    AND OLD.published_at IS NOT NULL)) THEN
            PERFORM metric_day_totals_recount(left(NEW.published_at, 10), NEW.account_id);
        END IF;
        RETURN NULL;
    END;
    $$
    """,
    """
    CREATE TRIGGER metric_day_totals_delivery_insert AFTER INSERT ON deliveries
    FOR EACH ROW EXECUTE FUNCTION metric_day_totals_deliveries()
    """,
    """
    CREATE TRIGGER metric_day_totals_delivery_delete AFTER DELETE ON deliveries
    FOR EACH ROW EXECUTE FUNCTION metric_day_totals_deliveries()
    """,
    """
    CREATE TRIGGER metric_day_totals_delivery_update
    AFTER UPDATE OF state, published_at, account_id, post_id ON deliveries
    FOR EACH ROW EXECUTE FUNCTION metric_day_totals_deliveries()
    """,
    """
    CREATE FUNCTION metric_day_totals_post_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        pair record;
    BEGIN
        IF (OLD.deleted_at IS NULL) != (NEW.deleted_at IS NULL) THEN
            FOR pair IN
                SELECT DISTINCT left(published_at, 10) AS day, account_id FROM deliveries
                WHERE post_id = NEW.id AND state = 'published' AND published_at IS NOT NULL
            LOOP
                PERFORM metric_day_totals_recount(pair.day, pair.account_id);
            END LOOP;
        END IF;
        RETURN NULL;
    END;
    $$
    """,
    """
    CREATE TRIGGER metric_day_totals_post_deleted AFTER UPDATE OF deleted_at ON posts
    FOR EACH ROW EXECUTE FUNCTION metric_day_totals_post_deleted()
    """,
    # New numbers, or the newest removed: the pair of their delivery, if it is published
    # (a delivery being deleted is gone here; its own trigger recounts).
    """
    CREATE FUNCTION metric_day_totals_latest() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM metric_day_totals_recount_delivery(NEW.delivery_id);
        END IF;
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.delivery_id != NEW.delivery_id) THEN
            PERFORM metric_day_totals_recount_delivery(OLD.delivery_id);
        END IF;
        RETURN NULL;
    END;
    $$
    """,
    """
    CREATE TRIGGER metric_day_totals_latest AFTER INSERT OR UPDATE OR DELETE ON metric_latest
    FOR EACH ROW EXECUTE FUNCTION metric_day_totals_latest()
    """,
)
