"""What SQLite's schema does beyond tables, in PostgreSQL's terms: ``json_valid`` for the
CHECKs, and the triggers of ``migrations/001``, ``003`` and ``008`` as plpgsql functions
(append-only attempt logs, snapshots never updated, ``metric_latest`` kept current)."""

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
)
