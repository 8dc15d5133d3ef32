"""The counters on every key, from the pieces that changed: a post's count in every
network's unit is the sum of its pieces' counts plus one per separator — the text is cut
at line breaks and, in a long paragraph, at spaces, each with plain ASCII on both sides (a
link, an emoji sequence or CR LF cannot reach across it: ``text_pieces``). Each piece is
counted between its separators, as it stands in the post (a link right after a line break
is found as in the whole text), once for all networks (one shared analysis), then looked
up; the full check (findings, the overflow) follows on a worker. A property test holds
these sums to ``RULES[channel].count`` of the whole text.

A text too big to count on one key (a long paragraph pasted or loaded) is counted on the
worker with the full check (``count_pieces``) and learnt (``learn``), so the keys after it
count only the piece they changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import RULES
from somestudio.ui.composer.piece_analysis import analysis_of
from somestudio.ui.composer.text_pieces import EVERY, Piece, pieces

# Characters counted anew on one key at most; past that (a paste, a loaded post) the GUI
# thread leaves the counting to the worker's full check.
BUDGET = 4000
KEPT_SPARE = 64  # pieces no longer in the text kept beyond twice those in it, at most

Counted = dict[Piece, dict[str, int]]


def count_pieces(
    channels: Iterable[str],
    wanted: Iterable[Piece],
    analyse: Callable[[str], TextAnalysis] = TextAnalysis,
) -> Counted:
    """Each piece's count in each channel's unit (the separators around it left out);
    pure, so the worker can run it (``analyse``: the GUI thread shares its analyses with
    the highlighter, ``piece_analysis``)."""
    channels = list(channels)
    out: Counted = {}
    for key in wanted:
        before, part, after = key
        # Counted as it stands in the post: between its separators (then taken off).
        analysis = analyse(before + part + after)  # one for every rule
        edges = len(before) + len(after)  # a space or a line break: one unit in every rule
        out[key] = {c: RULES[c].count(analysis) - edges for c in channels}
    return out


class LiveCounts:
    """Counts per channel of the text last asked about, piece by piece. The sums over the
    last text's pieces are kept, so a key adds and takes away only the pieces it changed
    (a paragraph of 60,000 characters is some 300 pieces)."""

    def __init__(self, every: int = EVERY) -> None:
        self._every = every
        self._counted: Counted = {}
        self._keys: list[Piece] = []  # the pieces last counted, in order
        self._sums: dict[str, int] = {}  # their counts summed, per channel
        # What the last over-budget key would have had to count: for the worker.
        self.missing: tuple[tuple[str, ...], tuple[Piece, ...]] | None = None

    def count(self, channel: str, text: str) -> int:
        counts = self.count_all([channel], text, budget=None)
        assert counts is not None
        return counts[channel]

    def count_all(
        self, channels: Sequence[str], text: str, *, budget: int | None = BUDGET
    ) -> dict[str, int] | None:
        """Each channel's count of ``text``; None when more than ``budget`` characters would
        have to be counted anew (``missing`` then says which pieces)."""
        keys = pieces(text, self._every)
        wanted = set(channels)
        counted = self._counted
        gone: list[Piece] | None = None  # None: summed from scratch
        came = keys
        if wanted <= self._sums.keys():
            start, old_end, new_end = _changed_span(self._keys, keys)
            gone, came = self._keys[start:old_end], keys[start:new_end]
        fresh = [k for k in dict.fromkeys(came) if not wanted <= counted.get(k, {}).keys()]
        if budget is not None and sum(len(k[1]) for k in fresh) > budget:
            self.missing = (tuple(sorted(wanted)), tuple(fresh))
            return None
        self.missing = None
        for key, counts in count_pieces(wanted, fresh, analysis_of).items():
            counted[key] = {**counted.get(key, {}), **counts}
        if gone is None:
            each = [counted[k] for k in keys]
            sums = {c: sum(map(itemgetter(c), each)) for c in wanted}
        else:
            sums = {
                c: self._sums[c]
                - sum(counted[k][c] for k in gone)
                + sum(counted[k][c] for k in came)
                for c in wanted
            }
        self._keys, self._sums = keys, sums
        if len(counted) > 2 * len(keys) + KEPT_SPARE:  # only the current pieces are kept
            self._counted = {k: counted[k] for k in keys}
        separators = len(keys) - 1
        return {c: separators + sums[c] for c in channels}

    def learn(self, counted: Counted) -> None:
        """Counts made elsewhere (the worker): the next key finds them."""
        for key, counts in counted.items():
            self._counted[key] = {**self._counted.get(key, {}), **counts}


def _changed_span(old: list[Piece], new: list[Piece]) -> tuple[int, int, int]:
    """Where ``new`` differs from ``old``: ``old[start:old_end]`` became
    ``new[start:new_end]``; before and after, the two are the same."""
    start, shorter = 0, min(len(old), len(new))
    while start < shorter and old[start] == new[start]:
        start += 1
    old_end, new_end = len(old), len(new)
    while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
        old_end -= 1
        new_end -= 1
    return start, old_end, new_end
