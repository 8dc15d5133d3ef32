"""NFC normalisation that remembers where each part came from.

X counts the NFC form of a post, but the composer highlights the text the user typed, so
offsets found in the normalised text are mapped back. Normalisation never reaches across a
grapheme cluster boundary, so the text is normalised one changed cluster at a time.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

from somestudio.domain.text import Graphemes


class NfcText:
    """``text`` in NFC with a map from its offsets back to ``original``."""

    __slots__ = ("_changes", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        # (normalised start, normalised end, original start, original end) of changed parts.
        self._changes: list[tuple[int, int, int, int]] = []
        if unicodedata.is_normalized("NFC", original):
            self.text = original
            return
        self.text = unicodedata.normalize("NFC", original)
        parts: list[str] = []
        norm = 0
        for a, b in Graphemes(original).spans():
            piece = original[a:b]
            fixed = unicodedata.normalize("NFC", piece)
            if fixed != piece:
                self._changes.append((norm, norm + len(fixed), a, b))
            parts.append(fixed)
            norm += len(fixed)
        if "".join(parts) != self.text:
            # Not expected to happen; degrade to "somewhere in the whole text" rather than lie.
            self._changes = [(0, len(self.text), 0, len(original))]

    @property
    def changed(self) -> bool:
        return self.text is not self.original

    def _locate(self, offset: int) -> tuple[int, int, int, int] | None:
        """The last change that starts at or before ``offset``."""
        i = bisect_right(self._changes, (offset, 1 << 62, 0, 0)) - 1
        return self._changes[i] if i >= 0 else None

    def start_in_original(self, offset: int) -> int:
        """Original offset of the character at normalised ``offset`` (its cluster's start)."""
        change = self._locate(offset)
        if change is None:
            return offset
        _, norm_end, orig_start, orig_end = change
        if offset < norm_end:
            return orig_start
        return offset - norm_end + orig_end

    def end_in_original(self, offset: int) -> int:
        """Original offset for a span ending at normalised ``offset`` (rounded out)."""
        change = self._locate(offset - 1) if offset else None
        if change is None:
            return offset
        _, norm_end, _, orig_end = change
        if offset <= norm_end:
            return orig_end
        return offset - norm_end + orig_end
