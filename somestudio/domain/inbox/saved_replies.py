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
    """``body`` with ``{name}`` as the person's name (when they have none, the user part of
    their handle: "jonna" for @jonna@mastodon.green, "lee" for lee.bsky.social) and
    ``{handle}`` as their handle; other braces stay as they are."""
    handle = author.handle.strip()
    values = {"name": author.name.strip() or _user_part(handle), "handle": handle}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], body)


def _user_part(handle: str) -> str:
    """A handle without its server: what a greeting can call the person."""
    bare = handle.lstrip("@")
    user = bare.split("@", 1)[0]
    if "@" not in bare:  # a domain handle (Bluesky): its first label
        user = user.split(".", 1)[0]
    return user or handle
