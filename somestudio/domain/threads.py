"""Splitting a long text into a thread of posts that each fit the channel's own counter.

A part ends at a sentence end if one fits, else at a space between words, else (a very long
word) at the last grapheme-cluster boundary that fits. A cut never falls inside a link, a
mention, a hashtag or a grapheme cluster; the whitespace at a cut is dropped. With
``numbered`` each part gets `` i/n`` at its end, counted like the rest of the part.

A single link, mention, hashtag or cluster longer than the whole limit cannot be cut: its
part is left too long (the composer's counter shows it) rather than broken.

A line of three or more dashes (``---``, as a break in Markdown) ends a part where the writer
put it, and is not sent: a thread of short posts written on purpose (each short enough for
one post, Split gave back one post). Each piece between such lines is then split as above.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import RULES
from somestudio.domain.networks.catalogue import DESCRIPTORS

# The channels whose descriptor says a post may be a thread of replies.
THREAD_CHANNELS: tuple[str, ...] = tuple(
    d.channel for d in DESCRIPTORS.values() if d.threads and d.channel is not None
)

# Whitespace a line may break at: not the no-break spaces (U+00A0, U+2007, U+202F, U+2060).
_GAP = regex.compile(r"[^\S\u00a0\u2007\u202f\u2060]+")
# A sentence ends with terminal punctuation, maybe closing quotes or brackets, then a gap.
_SENTENCE_END = regex.compile(
    r"[.!?\u2026\u203c\u2047-\u2049\u3002\uff01\uff1f\u0964\u06d4]+[\"'\u2019\u201d\u00bb)\]]*"
    r"(?=[^\S\u00a0\u2007\u202f\u2060])"
)
_TRAILING_GAP = regex.compile(r"[^\S\u00a0\u2007\u202f\u2060]+\Z")
# The writer's own break: a line of three or more dashes, nothing else on it but spaces.
POST_BREAK = "---"
_BREAK_LINE = regex.compile(r"^[^\S\n]*-{3,}[^\S\n]*$", regex.MULTILINE)


@dataclass(frozen=True, slots=True)
class ThreadPart:
    """One post of a thread: ``text[start:end]`` of the input, plus its numbering."""

    start: int
    end: int
    text: str


Cut = tuple[int, int]  # (end of this part, start of the next) as code-point offsets


def fits(channel: str, text: str, limit: int | None = None) -> bool:
    """Whether ``text`` is within ``channel``'s length limits (``limit``: per account)."""
    rule = RULES[channel]
    cap = rule.text_limit.value if limit is None else limit
    if rule.count(text) > cap:
        return False
    if rule.byte_limit is not None:  # Bluesky: 3000 UTF-8 bytes as well
        return len(text.encode("utf-8", "surrogatepass")) <= rule.byte_limit.value
    return True


def split_thread(
    text: str, channel: str, *, numbered: bool = False, limit: int | None = None
) -> list[str]:
    """The parts' texts (see :func:`plan_thread`)."""
    return [part.text for part in plan_thread(text, channel, numbered=numbered, limit=limit)]


def plan_thread(
    text: str, channel: str, *, numbered: bool = False, limit: int | None = None
) -> list[ThreadPart]:
    """Split ``text`` for ``channel`` (one of :data:`THREAD_CHANNELS`); ``limit`` overrides the
    channel's limit (a Mastodon instance's). Blank text gives no parts; text that fits gives
    one part (numbered ``1/1`` only if asked)."""
    if channel not in THREAD_CHANNELS:
        raise ValueError(f"{channel} has no threads")
    if not text.strip():
        return []
    pieces = [(start, _Cuts(text[start:end])) for start, end in _pieces(text)]
    digits = 1
    while True:
        reserve = f" {'9' * digits}/{'9' * digits}" if numbered else ""
        ok = _fitter(channel, reserve, limit)
        spans = [
            (start + a, start + b) for start, cuts in pieces for a, b in _split(cuts.text, cuts, ok)
        ]
        if not numbered or len(str(len(spans))) <= digits:
            break
        digits = len(str(len(spans)))
    total = len(spans)
    return [
        ThreadPart(a, b, text[a:b] + (f" {i}/{total}" if numbered else ""))
        for i, (a, b) in enumerate(spans, start=1)
    ]


def has_post_breaks(text: str) -> bool:
    """Whether the writer put a break (a ``---`` line) in ``text``."""
    return _BREAK_LINE.search(text) is not None


def post_breaks(text: str) -> list[tuple[int, int]]:
    """Where the writer's breaks (``---`` lines) are: code-point spans."""
    return [m.span() for m in _BREAK_LINE.finditer(text)]


def _pieces(text: str) -> list[tuple[int, int]]:
    """The spans between the writer's breaks that hold more than whitespace."""
    bounds = [0]
    for line in _BREAK_LINE.finditer(text):
        bounds += [line.start(), line.end()]
    bounds.append(len(text))
    pairs = zip(bounds[::2], bounds[1::2], strict=True)
    return [(a, b) for a, b in pairs if text[a:b].strip()]


def _fitter(channel: str, reserve: str, limit: int | None) -> Callable[[str], bool]:
    def ok(part: str) -> bool:
        return fits(channel, part + reserve, limit)

    return ok


class _Cuts:
    """Where a part may end: sentence ends, gaps between words, cluster boundaries."""

    def __init__(self, text: str) -> None:
        self.text = text
        analysis = TextAnalysis(text)
        self.clusters = analysis.graphemes
        self.entities = sorted((e.start, e.end) for e in analysis.entities.all())
        self._entity_starts = [a for a, _ in self.entities]
        gaps = [(m.start(), m.end()) for m in _GAP.finditer(text)]
        self.words: list[Cut] = [(a, b) for a, b in gaps if self.allowed(a) and self.allowed(b)]
        gap_at = {a: b for a, b in self.words}
        ends = {m.end() for m in _SENTENCE_END.finditer(text)}
        ends |= {a for a, b in self.words if "\n" in text[a:b]}  # a line break ends one too
        self.sentences: list[Cut] = [(a, gap_at[a]) for a in sorted(ends) if a in gap_at]
        self._anywhere: list[Cut] | None = None

    def allowed(self, offset: int) -> bool:
        """Not inside a cluster, a link, a mention or a hashtag."""
        if self.clusters.inside(offset):
            return False
        i = bisect_right(self._entity_starts, offset - 1) - 1
        return not (i >= 0 and self.entities[i][0] < offset < self.entities[i][1])

    @property
    def anywhere(self) -> list[Cut]:
        """Every allowed boundary (for a word longer than a whole part); built when needed."""
        if self._anywhere is None:
            bounds = (b for _, b in self.clusters.spans())
            self._anywhere = [(b, b) for b in bounds if self.allowed(b)]
        return self._anywhere


def _split(text: str, cuts: _Cuts, ok: Callable[[str], bool]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    first = _GAP.match(text)
    start = first.end() if first else 0
    trailing = _TRAILING_GAP.search(text, start)
    end_of_text = len(text) if trailing is None else trailing.start()
    # A space can carry a combining mark: then the cluster belongs to the text.
    clusters = cuts.clusters
    if clusters.inside(start):
        start = clusters.offset_of(clusters.index_at(start) - 1)
    if clusters.inside(end_of_text):
        end_of_text = clusters.offset_of(clusters.index_at(end_of_text))
    while start < end_of_text:
        if ok(text[start:end_of_text]):
            spans.append((start, end_of_text))
            break
        cut = _best_cut(text, cuts, start, end_of_text, ok)
        spans.append((start, cut[0]))
        start = cut[1]
    return spans


def _best_cut(text: str, cuts: _Cuts, start: int, stop: int, ok: Callable[[str], bool]) -> Cut:
    words = _furthest(text, cuts.words, start, stop, ok)
    sentences = _furthest(text, cuts.sentences, start, stop, ok)
    # A sentence end, unless it would leave the part less than half as long as words allow.
    if sentences is not None and (words is None or 2 * (sentences[0] - start) >= words[0] - start):
        return sentences
    if words is not None:
        return words
    anywhere = _furthest(text, cuts.anywhere, start, stop, ok)
    if anywhere is not None:
        return anywhere
    # Nothing fits: the part is the unbreakable run up to the next allowed cut.
    following = [c for c in (_after(cuts.words, start), _after(cuts.anywhere, start)) if c]
    return min(following) if following else (stop, stop)


def _after(candidates: Sequence[Cut], start: int) -> Cut | None:
    """The first candidate that ends a non-empty part from ``start``."""
    i = bisect_right(candidates, (start, 1 << 62))
    return candidates[i] if i < len(candidates) else None


def _furthest(
    text: str, candidates: Sequence[Cut], start: int, stop: int, ok: Callable[[str], bool]
) -> Cut | None:
    """The last candidate in (start, stop) whose part fits, by galloping then bisecting
    (the count grows with the part, so the fitting candidates come first)."""
    lo = bisect_right(candidates, (start, 1 << 62))
    hi = bisect_right(candidates, (stop, -1))
    if lo >= hi or not ok(text[start : candidates[lo][0]]):
        return None
    good, step = lo, 1
    while good + step < hi and ok(text[start : candidates[good + step][0]]):
        good += step
        step *= 2
    bad = min(good + step, hi)
    while bad - good > 1:
        mid = (good + bad) // 2
        if ok(text[start : candidates[mid][0]]):
            good = mid
        else:
            bad = mid
    return candidates[good]
