"""Reading a Graph API list answer: its entries and the next page's cursor ("Paginated
Results", cursor-based pagination: ``paging.cursors.after``, and ``paging.next`` only when
there is a next page, https://developers.facebook.com/docs/graph-api/results)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def data(body: Any) -> list[Mapping[str, Any]]:
    found = body.get("data", []) if isinstance(body, Mapping) else []
    return [item for item in found if isinstance(item, Mapping)]


def after(body: Any) -> str:
    """The next page's cursor, or "" on the last page (no ``paging.next``)."""
    paging = body.get("paging", {}) if isinstance(body, Mapping) else {}
    if not isinstance(paging, Mapping) or not paging.get("next"):
        return ""
    cursors = paging.get("cursors", {})
    return str(cursors.get("after", "")) if isinstance(cursors, Mapping) else ""
