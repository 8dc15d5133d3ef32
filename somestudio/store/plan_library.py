"""Post templates, hashtag groups, per-channel signature and call to action, paid flags."""

from __future__ import annotations

import sqlite3

from somestudio.domain.utc import utc_now, utc_text


def templates(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    rows = conn.execute("SELECT id, name, body FROM post_templates ORDER BY lower(name)")
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def save_template(conn: sqlite3.Connection, name: str, body: str) -> int:
    """Create or replace the template called ``name``; its id."""
    conn.execute(
        "INSERT INTO post_templates (name, body, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        (name, body, utc_text(utc_now())),
    )
    return int(conn.execute("SELECT id FROM post_templates WHERE name = ?", (name,)).fetchone()[0])


def delete_template(conn: sqlite3.Connection, template_id: int) -> bool:
    return conn.execute("DELETE FROM post_templates WHERE id = ?", (template_id,)).rowcount == 1


def hashtag_groups(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    rows = conn.execute("SELECT id, name, tags FROM hashtag_groups ORDER BY lower(name)")
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def save_hashtag_group(conn: sqlite3.Connection, name: str, tags: str) -> int:
    conn.execute(
        "INSERT INTO hashtag_groups (name, tags, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (name) DO UPDATE SET tags = excluded.tags, updated_at = excluded.updated_at",
        (name, tags, utc_text(utc_now())),
    )
    return int(conn.execute("SELECT id FROM hashtag_groups WHERE name = ?", (name,)).fetchone()[0])


def delete_hashtag_group(conn: sqlite3.Connection, group_id: int) -> bool:
    return conn.execute("DELETE FROM hashtag_groups WHERE id = ?", (group_id,)).rowcount == 1


def channel_defaults(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    rows = conn.execute("SELECT network, signature, call_to_action FROM channel_defaults")
    return {str(r[0]): (str(r[1]), str(r[2])) for r in rows}


def set_channel_defaults(
    conn: sqlite3.Connection, network: str, signature: str, call_to_action: str
) -> None:
    if not signature.strip() and not call_to_action.strip():
        conn.execute("DELETE FROM channel_defaults WHERE network = ?", (network,))
        return
    conn.execute(
        "INSERT INTO channel_defaults (network, signature, call_to_action) VALUES (?, ?, ?)"
        " ON CONFLICT (network) DO UPDATE SET signature = excluded.signature,"
        " call_to_action = excluded.call_to_action",
        (network, signature, call_to_action),
    )


def is_paid(conn: sqlite3.Connection, post_id: int) -> bool:
    row = conn.execute("SELECT paid FROM post_flags WHERE post_id = ?", (post_id,)).fetchone()
    return bool(row and row[0])


def set_paid(conn: sqlite3.Connection, post_id: int, paid: bool) -> None:
    conn.execute(
        "INSERT INTO post_flags (post_id, paid) VALUES (?, ?)"
        " ON CONFLICT (post_id) DO UPDATE SET paid = excluded.paid",
        (post_id, int(paid)),
    )


def post_labels(conn: sqlite3.Connection, post_id: int) -> list[str]:
    rows = conn.execute(
        "SELECT l.name FROM post_labels pl JOIN labels l ON l.id = pl.label_id"
        " WHERE pl.post_id = ? ORDER BY lower(l.name)",
        (post_id,),
    )
    return [str(r[0]) for r in rows]


def set_post_labels(conn: sqlite3.Connection, post_id: int, names: list[str]) -> None:
    conn.execute("DELETE FROM post_labels WHERE post_id = ?", (post_id,))
    for name in names:
        conn.execute("INSERT OR IGNORE INTO labels (name) VALUES (?)", (name,))
        conn.execute(
            "INSERT OR IGNORE INTO post_labels (post_id, label_id)"
            " SELECT ?, id FROM labels WHERE name = ?",
            (post_id, name),
        )


def save_label(conn: sqlite3.Connection, name: str, colour: str, old_name: str | None) -> None:
    """Create a label (campaign), or rename and recolour ``old_name``."""
    if old_name is not None and old_name != name:
        conn.execute(
            "UPDATE labels SET name = ?, colour = ? WHERE name = ?", (name, colour, old_name)
        )
        return
    conn.execute(
        "INSERT INTO labels (name, colour) VALUES (?, ?)"
        " ON CONFLICT (name) DO UPDATE SET colour = excluded.colour",
        (name, colour),
    )


def delete_label(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("DELETE FROM labels WHERE name = ?", (name,)).rowcount == 1
