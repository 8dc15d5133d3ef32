"""A post's text cut where nothing a network counts or marks can reach across: at line
breaks and, in a long paragraph, at spaces — each with plain ASCII on both sides (a link,
a mention, a tag, an emoji sequence, a combining mark or CR LF cannot span such a cut).

The counters and the link/tag marks work piece by piece and keep what they found per
piece, so a key costs about one piece whatever the length of the paragraph. Cuts in a
paragraph fall at the first safe space at least ``every`` characters after the previous
cut, so an edit moves only the cuts near it: the pieces after it are the same strings as
before and are found in the kept results.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

EVERY = 200  # characters between cuts in a long paragraph, at least
# A line break with something but plain ASCII, another break or nothing beside it.
_UNSAFE_BREAK = re.compile("[^\\x00-\\x0a\\x0e-\\x7f]\n|\n[^\\x00-\\x0a\\x0e-\\x7f]")

Piece = tuple[str, str, str]  # (separator before, the piece, separator after): "", " ", "\n"


def _safe_edge(char: str) -> bool:
    return char == "" or (char < "\x80" and char not in "\r\x0b\x0c")


def lines(text: str) -> list[str]:
    """``text`` cut at the line breaks with plain ASCII (or nothing) on both sides."""
    if "\n" not in text:  # one paragraph
        return [text]
    if _UNSAFE_BREAK.search(text) is None:  # the usual text: every break is a cut
        return text.split("\n")
    return joined_lines(text)


def joined_lines(text: str) -> list[str]:
    """``lines`` the long way: paragraph by paragraph, joined where a break is not safe."""
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


def cut_at_spaces(line: str, every: int = EVERY) -> list[str]:
    """``line`` cut at safe spaces (each cut takes its space out), ``every`` characters or
    more apart; ``" ".join`` of the result is ``line``. A cut is the first space at least
    ``every`` characters after the last one with plain ASCII on both sides: found with
    ``str.find`` (no regular expression steps over every character of a long paragraph).
    The last long line's cuts are kept: on a key the highlighter and the counters cut the
    same paragraph, and the next key's line is cut anew only from the piece it changed
    (``_kept_cuts``)."""
    if len(line) <= every:
        return [line]
    found = _last_cut.get((line, every))
    if found is None:
        kept, start = _kept_cuts(line, every)
        found = (*kept, *_cut(line, every, start))
        _last_cut.clear()
        _last_cut[line, every] = found
    return list(found)


_last_cut: dict[tuple[str, int], tuple[str, ...]] = {}  # one line


def _kept_cuts(line: str, every: int) -> tuple[list[str], int]:
    """The last line's pieces that ``_cut`` would make again at the start of ``line``, and
    where the rest of ``line`` starts. A cut (the first safe space ``every`` characters or
    more after the cut before it) depends on nothing past the character after its space:
    a piece is kept while ``line`` holds the same text as the last line up to there."""
    last = next(iter(_last_cut), None)
    if last is None or last[1] != every:
        return [], 0
    before = last[0]
    same = _common_prefix(line, before)
    cuts = _last_cut[last][:-1]  # the last piece ends at the line's end, not a cut
    # the position after each cut's space (one per piece: its length and its space)
    after_space = list(accumulate(map((1).__add__, map(len, cuts))))
    kept = bisect_right(after_space, min(same - 1, len(line) - 1))
    return list(cuts[:kept]), after_space[kept - 1] if kept else 0


def _common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share from their starts: halving the part not
    yet compared (each step compares a slice in C; the slices add up to one string)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a.startswith(b[low:middle], low):
            low = middle
        else:
            high = middle - 1
    return low


def _cut(line: str, every: int, start: int = 0) -> list[str]:
    """``line`` from ``start`` (0, or just after a cut) cut as ``cut_at_spaces`` says."""
    out: list[str] = []
    end = len(line) - 1  # a cut needs a character after its space
    find = line.find
    while end - start >= every:
        space = find(" ", max(start + every, 1), end)
        while space > 0 and not (_plain(line[space - 1]) and _plain(line[space + 1])):
            space = find(" ", space + 1, end)
        if space <= 0:
            break
        out.append(line[start:space])
        start = space + 1
    out.append(line[start:])
    return out


def _plain(char: str) -> bool:
    """ASCII but line breaks, CR and form/tab feeds."""
    return char < "\x80" and char not in "\n\x0b\x0c\r"


def pieces(text: str, every: int = EVERY) -> list[Piece]:
    """``text`` as pieces with the separators around each; joining each piece with the
    separator after it gives ``text`` back."""
    parts: list[str] = []
    after: list[str] = []
    for line in lines(text):
        if len(line) > every:
            cut = cut_at_spaces(line, every)
            parts += cut
            after += [" "] * (len(cut) - 1)
        else:
            parts.append(line)
        after.append("\n")
    after[-1] = ""
    return list(zip(["", *after[:-1]], parts, after, strict=True))
