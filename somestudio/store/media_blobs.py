"""Attached files' bytes kept in the workspace, once per content hash (``media_blobs``), so
that every machine of a shared workspace can publish and show them
(docs/workspace-backends.md, "Media on a shared workspace")."""

from __future__ import annotations

import hashlib
from pathlib import Path

from somestudio.store.sql import Conn, Sql, run

_HAS = Sql("SELECT 1 FROM media_blobs WHERE sha256 = :sha256")
_GET = Sql("SELECT bytes FROM media_blobs WHERE sha256 = :sha256")
_PUT = Sql(
    "INSERT INTO media_blobs (sha256, bytes, byte_size, created_at)"
    " VALUES (:sha256, :bytes, :byte_size, :now) ON CONFLICT (sha256) DO NOTHING"
)
_SET_HASH = Sql("UPDATE media SET sha256 = :sha256 WHERE id = :id")
_UNHASHED = Sql("SELECT id, path FROM media WHERE sha256 IS NULL ORDER BY id")
_UNHASHED_CARDS = Sql(
    "SELECT post_id, thumb_path FROM link_cards WHERE thumb_sha256 IS NULL"
    " AND thumb_path <> '' ORDER BY post_id"
)


def has(conn: Conn, sha256: str) -> bool:
    return run(conn, _HAS, {"sha256": sha256}).fetchone() is not None


def get(conn: Conn, sha256: str) -> bytes | None:
    """The blob's bytes, or None when the workspace does not hold it."""
    row = run(conn, _GET, {"sha256": sha256}).fetchone()
    return None if row is None else bytes(row[0])


def put(conn: Conn, sha256: str, data: bytes, now: str) -> None:
    """Keep ``data`` under its hash (in the caller's transaction); a blob already there is
    left as it is (same hash, same bytes)."""
    params = {"sha256": sha256, "bytes": data, "byte_size": len(data), "now": now}
    run(conn, _PUT, params)


def unhashed_media(conn: Conn) -> list[tuple[int, str]]:
    """Media rows whose file is not in the workspace yet: (id, path)."""
    return [(int(r[0]), str(r[1])) for r in run(conn, _UNHASHED).fetchall()]


def unhashed_card_pictures(conn: Conn) -> list[tuple[int, str]]:
    """Link cards whose picture is not in the workspace yet: (post id, picture path)."""
    return [(int(r[0]), str(r[1])) for r in run(conn, _UNHASHED_CARDS).fetchall()]


def set_hash(conn: Conn, media_id: int, sha256: str) -> None:
    run(conn, _SET_HASH, {"sha256": sha256, "id": media_id})


def file_sha256(path: Path) -> str | None:
    """The file's SHA-256 (lower-case hex), None when it cannot be read on this machine."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
