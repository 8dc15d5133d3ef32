"""Code-point offsets (Python, the domain's findings) to QTextDocument positions (UTF-16
units: a character outside the Basic Multilingual Plane takes two) and back."""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")


class Utf16Map:
    """For one text: ``to_doc(offset)`` and ``to_code_points(position)`` in O(log n)."""

    __slots__ = ("_astral", "length")

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self.length = len(text)

    @property
    def utf16_length(self) -> int:
        return self.length + len(self._astral)

    def to_doc(self, offset: int) -> int:
        offset = max(0, min(offset, self.length))
        return offset + bisect_left(self._astral, offset)

    def to_code_points(self, position: int) -> int:
        """The code-point offset at a document position (inside a pair: the pair's start)."""
        lo, hi = 0, self.length
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.to_doc(mid) <= position:
                lo = mid
            else:
                hi = mid - 1
        return lo
