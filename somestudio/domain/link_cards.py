"""A link card: the title, description and picture a network shows under a post's first link.

The composer reads them from the page's Open Graph / Twitter-card tags (``page_meta``), the
user may edit or remove the card, and it is kept with the post. ``hidden`` keeps a removed
card's link so the composer does not fetch it again; nothing is sent for a hidden card.
"""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.entities import EntityKind, extract_entities

MAX_TITLE = 300  # characters kept of a page's title
MAX_DESCRIPTION = 1000  # and of its description


@dataclass(frozen=True, slots=True)
class LinkCard:
    url: str
    title: str = ""
    description: str = ""
    image_url: str = ""  # where the picture came from (the page's og:image)
    thumb_path: str = ""  # the local copy of the picture, in the data folder ("" for none)
    hidden: bool = False  # the user removed the card: keep the link, send nothing
    thumb_sha256: str | None = None  # the picture's bytes are kept in the shared workspace

    @property
    def shown(self) -> bool:
        return not self.hidden


def first_link(text: str) -> str | None:
    """The first link in ``text`` as an http(s) URL (a bare domain gets https://)."""
    for entity in extract_entities(text).all():
        if entity.kind is EntityKind.URL:
            return entity.text if entity.has_protocol else f"https://{entity.text}"
    return None
