"""Length in each unit, and the offset where a text passes a limit in that unit."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels.base import Measure
from somestudio.domain.text import utf8_fit, utf16_fit


def graphemes(analysis: TextAnalysis, limit: int) -> Measure:
    clusters = analysis.graphemes
    count = clusters.count
    return Measure(count, clusters.offset_of(limit) if count > limit else None)


def utf16_units(analysis: TextAnalysis, limit: int) -> Measure:
    count = analysis.utf16_length
    return Measure(count, utf16_fit(analysis.text, limit) if count > limit else None)


def utf8_bytes(analysis: TextAnalysis, limit: int) -> Measure:
    count = len(analysis.utf8)
    return Measure(count, utf8_fit(analysis.text, limit) if count > limit else None)


def code_points(analysis: TextAnalysis, limit: int) -> Measure:
    count = len(analysis.text)
    return Measure(count, limit if count > limit else None)


Atom = tuple[int, int, int]  # (start, end, cost): a span that counts as a whole


def overflow_with_atoms(
    length: int,
    atoms: Sequence[Atom],
    budget: int,
    count_plain: Callable[[int, int], int],
    advance_plain: Callable[[int, int], int],
) -> int | None:
    """Where the units pass ``budget``: plain text between atoms counts with ``count_plain``
    (``advance_plain(a, k)`` is the offset k units after a); an atom that does not fit
    whole starts the overflow, as X and Mastodon never cut a link."""
    pos = 0
    for start, end, cost in atoms:
        plain = count_plain(pos, start)
        if plain > budget:
            return advance_plain(pos, budget)
        budget -= plain
        if cost > budget:
            return start
        budget -= cost
        pos = end
    if count_plain(pos, length) > budget:
        return advance_plain(pos, budget)
    return None


def grapheme_walkers(
    analysis: TextAnalysis,
) -> tuple[Callable[[int, int], int], Callable[[int, int], int]]:
    clusters = analysis.graphemes

    def advance(start: int, units: int) -> int:
        return clusters.offset_of(clusters.index_at(start) + units)

    return clusters.count_between, advance


def plain_code_points(start: int, end: int) -> int:
    return max(end - start, 0)


def advance_code_points(start: int, units: int) -> int:
    return start + units
