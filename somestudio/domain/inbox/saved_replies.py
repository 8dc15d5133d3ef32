"""Saved replies: short reusable answers with placeholders, filled for one person."""

from __future__ import annotations

import re
from dataclasses import dataclass

from somestudio.domain.inbox.items import Author

_PLACEHOLDER = re.compile(r"\{(name|handle)\}")


@dataclass(frozen=True, slots=True)
class SavedReply:
    id: int
    title: str
    body: str
    language: str = ""  # 'en', 'fi'; '' for any


def fill(body: str, author: Author) -> str:
    """``body`` with ``{name}`` as the person's name (their handle when they have none) and
    ``{handle}`` as their handle; other braces stay as they are."""
    handle = author.handle.strip()
    values = {"name": author.name.strip() or handle, "handle": handle}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], body)
