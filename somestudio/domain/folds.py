"""Where a network folds a long post behind "see more" in the feed.

No network documents its fold; every threshold here comes from third-party guides or from
looking at the apps, so each is marked unconfirmed. The fold is the earlier of a number of
characters (grapheme clusters: what the reader sees) and a number of lines, pulled back to
the last space before it, as the apps cut between words. Networks not listed show the whole
post in the feed (X up to its 280 units, Mastodon, Bluesky, Threads).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from somestudio.domain.text import Graphemes


@dataclass(frozen=True, slots=True)
class Fold:
    characters: int  # grapheme clusters shown before "see more"
    lines: int | None  # lines shown before "see more", when the app also folds by lines
    confirmed: bool
    source: str


FOLDS: Mapping[str, Fold] = MappingProxyType(
    {
        "linkedin": Fold(210, 3, False, "third-party guides: ~210 characters or 3 lines"),
        "instagram": Fold(125, 2, False, "third-party guides: ~125 characters or 2 lines"),
        "facebook": Fold(480, 5, False, "third-party guides: ~480 characters or 5 lines"),
        "tiktok": Fold(100, 2, False, "third-party guides: ~100 characters or 2 lines"),
        "youtube": Fold(157, 3, False, "third-party guides: ~157 characters of description"),
    }
)


def fold_offset(text: str, channel: str) -> int | None:
    """Code-point offset where ``channel`` folds ``text``, or None when it shows it whole."""
    fold = FOLDS.get(channel)
    if fold is None:
        return None
    clusters = _leading_clusters(text, fold.characters)
    cut: int | None = (
        clusters.offset_of(fold.characters) if clusters.count > fold.characters else None
    )
    if fold.lines is not None:
        pos = -1
        for _ in range(fold.lines):
            pos = text.find("\n", pos + 1)
            if pos < 0:
                break
        if pos >= 0 and text[pos:].strip() and (cut is None or pos < cut):
            return pos
    if cut is None:
        return None
    space = text.rfind(" ", 0, cut + 1)
    return space if space > cut // 2 else cut


def _leading_clusters(text: str, characters: int) -> Graphemes:
    """The clusters of a prefix of ``text`` holding more than ``characters + 1`` of them (or
    of all of it). Cutting a text changes at most its last cluster, so the first
    ``characters + 1`` are exact — and a 60,000-character post is not segmented whole on
    every key for a fold at 125."""
    size = max(64, characters * 4)
    while True:
        clusters = Graphemes(text[:size])
        if size >= len(text) or clusters.count > characters + 1:
            return clusters
        size *= 4
