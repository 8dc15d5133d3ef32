"""The counters on every key, from the paragraphs that changed: a post's count in every
network's unit is the sum of its paragraphs' counts plus one per line break — where the
break has plain ASCII on both sides (a link, an emoji sequence or CR LF cannot reach across
it). Paragraphs not split there are counted together. Each chunk is counted between line
breaks, as it stands in the post (a link right after a line break is found as in the whole
text), once for all networks (one shared analysis), then looked up; the full check
(findings, the overflow) follows on a worker. A property test holds these sums to
``RULES[channel].count`` of the whole text."""

from __future__ import annotations

from collections.abc import Sequence

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import RULES

# Characters counted anew on one key at most; past that (a long unbroken paragraph, a
# paste) the GUI thread leaves the counting to the worker's full check.
BUDGET = 4000


def _safe_edge(char: str) -> bool:
    return char == "" or (char < "\x80" and char not in "\r\x0b\x0c")


def chunks(text: str) -> list[str]:
    """``text`` cut at the line breaks with plain ASCII (or nothing) on both sides."""
    out: list[str] = []
    pending: list[str] = []
    for paragraph in text.split("\n"):
        if pending and not (_safe_edge(pending[-1][-1:]) and _safe_edge(paragraph[:1])):
            pending.append(paragraph)
            continue
        if pending:
            out.append("\n".join(pending))
        pending = [paragraph]
    out.append("\n".join(pending))
    return out


class LiveCounts:
    """Counts per channel of the text last asked about, chunk by chunk."""

    def __init__(self) -> None:
        # (after a line break, chunk, before a line break) -> channel -> count
        self._counted: dict[tuple[bool, str, bool], dict[str, int]] = {}

    def count(self, channel: str, text: str) -> int:
        counts = self.count_all([channel], text, budget=None)
        assert counts is not None
        return counts[channel]

    def count_all(
        self, channels: Sequence[str], text: str, *, budget: int | None = BUDGET
    ) -> dict[str, int] | None:
        """Each channel's count of ``text``; None when more than ``budget`` characters would
        have to be counted anew."""
        parts = chunks(text)
        last = len(parts) - 1
        keys = [(index > 0, part, index < last) for index, part in enumerate(parts)]
        before = self._counted
        wanted = set(channels)
        fresh = [k for k in dict.fromkeys(keys) if not wanted <= before.get(k, {}).keys()]
        if budget is not None and sum(len(k[1]) for k in fresh) > budget:
            return None
        now = {k: before.get(k, {}) for k in keys}
        for key in fresh:
            lead, part, trail = key
            # Counted as it stands in the post: between its line breaks (then taken off).
            analysis = TextAnalysis("\n" * lead + part + "\n" * trail)  # one for every rule
            edges = lead + trail
            counts = dict(now[key])
            for channel in wanted - counts.keys():
                counts[channel] = RULES[channel].count(analysis) - edges
            now[key] = counts
        self._counted = now  # only the current chunks are kept
        return {c: last + sum(now[k][c] for k in keys) for c in channels}
