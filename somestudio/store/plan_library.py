"""Post templates, hashtag groups, per-channel signature and call to action, paid flags."""

from __future__ import annotations

from somestudio.domain.utc import utc_now, utc_text
from somestudio.store.sql import Conn, Sql, changed, one_id, run

_TEMPLATES = Sql("SELECT id, name, body FROM post_templates ORDER BY lower(name)")
_SAVE_TEMPLATE = Sql(
    "INSERT INTO post_templates (name, body, updated_at) VALUES (:name, :body, :now)"
    " ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at"
    " RETURNING id"
)
_DELETE_TEMPLATE = Sql("DELETE FROM post_templates WHERE id = :id RETURNING id")
_GROUPS = Sql("SELECT id, name, tags FROM hashtag_groups ORDER BY lower(name)")
_SAVE_GROUP = Sql(
    "INSERT INTO hashtag_groups (name, tags, updated_at) VALUES (:name, :tags, :now)"
    " ON CONFLICT (name) DO UPDATE SET tags = excluded.tags, updated_at = excluded.updated_at"
    " RETURNING id"
)
_DELETE_GROUP = Sql("DELETE FROM hashtag_groups WHERE id = :id RETURNING id")
_CHANNELS = Sql("SELECT network, signature, call_to_action FROM channel_defaults")
_CLEAR_CHANNEL = Sql("DELETE FROM channel_defaults WHERE network = :network")
_SET_CHANNEL = Sql(
    "INSERT INTO channel_defaults (network, signature, call_to_action)"
    " VALUES (:network, :signature, :cta) ON CONFLICT (network) DO UPDATE SET"
    " signature = excluded.signature, call_to_action = excluded.call_to_action"
)
_IS_PAID = Sql("SELECT paid FROM post_flags WHERE post_id = :post")
_SET_PAID = Sql(
    "INSERT INTO post_flags (post_id, paid) VALUES (:post, :paid)"
    " ON CONFLICT (post_id) DO UPDATE SET paid = excluded.paid"
)
_POST_LABELS = Sql(
    "SELECT l.name FROM post_labels pl JOIN labels l ON l.id = pl.label_id"
    " WHERE pl.post_id = :post ORDER BY lower(l.name)"
)
_CLEAR_POST_LABELS = Sql("DELETE FROM post_labels WHERE post_id = :post")
_NEW_LABEL = Sql("INSERT INTO labels (name) VALUES (:name) ON CONFLICT DO NOTHING")
_LABEL_POST = Sql(
    "INSERT INTO post_labels (post_id, label_id) SELECT :post, id FROM labels WHERE name = :name"
    " ON CONFLICT DO NOTHING"
)
_RENAME_LABEL = Sql("UPDATE labels SET name = :name, colour = :colour WHERE name = :old")
_SAVE_LABEL = Sql(
    "INSERT INTO labels (name, colour) VALUES (:name, :colour)"
    " ON CONFLICT (name) DO UPDATE SET colour = excluded.colour"
)
_DELETE_LABEL = Sql("DELETE FROM labels WHERE name = :name RETURNING id")


def templates(conn: Conn) -> list[tuple[int, str, str]]:
    return [(int(r[0]), str(r[1]), str(r[2])) for r in run(conn, _TEMPLATES).fetchall()]


def save_template(conn: Conn, name: str, body: str) -> int:
    """Create or replace the template called ``name``; its id."""
    params = {"name": name, "body": body, "now": utc_text(utc_now())}
    return one_id(run(conn, _SAVE_TEMPLATE, params))


def delete_template(conn: Conn, template_id: int) -> bool:
    return changed(run(conn, _DELETE_TEMPLATE, {"id": template_id})) == 1


def hashtag_groups(conn: Conn) -> list[tuple[int, str, str]]:
    return [(int(r[0]), str(r[1]), str(r[2])) for r in run(conn, _GROUPS).fetchall()]


def save_hashtag_group(conn: Conn, name: str, tags: str) -> int:
    params = {"name": name, "tags": tags, "now": utc_text(utc_now())}
    return one_id(run(conn, _SAVE_GROUP, params))


def delete_hashtag_group(conn: Conn, group_id: int) -> bool:
    return changed(run(conn, _DELETE_GROUP, {"id": group_id})) == 1


def channel_defaults(conn: Conn) -> dict[str, tuple[str, str]]:
    return {str(r[0]): (str(r[1]), str(r[2])) for r in run(conn, _CHANNELS).fetchall()}


def set_channel_defaults(conn: Conn, network: str, signature: str, call_to_action: str) -> None:
    if not signature.strip() and not call_to_action.strip():
        run(conn, _CLEAR_CHANNEL, {"network": network})
        return
    params = {"network": network, "signature": signature, "cta": call_to_action}
    run(conn, _SET_CHANNEL, params)


def is_paid(conn: Conn, post_id: int) -> bool:
    row = run(conn, _IS_PAID, {"post": post_id}).fetchone()
    return bool(row and row[0])


def set_paid(conn: Conn, post_id: int, paid: bool) -> None:
    run(conn, _SET_PAID, {"post": post_id, "paid": int(paid)})


def post_labels(conn: Conn, post_id: int) -> list[str]:
    return [str(r[0]) for r in run(conn, _POST_LABELS, {"post": post_id}).fetchall()]


def set_post_labels(conn: Conn, post_id: int, names: list[str]) -> None:
    run(conn, _CLEAR_POST_LABELS, {"post": post_id})
    for name in names:
        run(conn, _NEW_LABEL, {"name": name})
        run(conn, _LABEL_POST, {"post": post_id, "name": name})


def save_label(conn: Conn, name: str, colour: str, old_name: str | None) -> None:
    """Create a label (campaign), or rename and recolour ``old_name``."""
    if old_name is not None and old_name != name:
        run(conn, _RENAME_LABEL, {"name": name, "colour": colour, "old": old_name})
        return
    run(conn, _SAVE_LABEL, {"name": name, "colour": colour})


def delete_label(conn: Conn, name: str) -> bool:
    return changed(run(conn, _DELETE_LABEL, {"name": name})) == 1
