"""What a post chip says at a given size, decided before anything is drawn: the post's words
on one or two lines, its networks' marks, and its status (time, state symbol, state word).

As a chip narrows it gives things up in this order: the state word, then all marks but one
(with "+2" for the others), then the "+2", then the marks, then the state symbol. The time is
never cut, and on a one-line chip the post's first word keeps its room while anything else
can be given up. Pure: the text widths come from a ``Fonts`` object (the chip painter)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from somestudio.ui.theme import SPACE

MAX_MARKS = 3  # network marks in a row; more are counted ("+2")
GAP = SPACE.xs  # between the marks, the words and the status


class Fonts(Protocol):
    """Text widths and word-wise elision in the chip's regular and bold fonts."""

    def width(self, text: str, bold: bool = False) -> int: ...

    def elide(self, text: str, width: int, bold: bool) -> str: ...


@dataclass(frozen=True, slots=True)
class ChipFacts:
    """What a chip can say, already in words."""

    text: str
    time: str
    glyph: str
    state: str  # the state word
    count: str = ""  # " 1/3" when the deliveries differ in state and some are published
    networks: int = 1
    progress: str = ""  # the count in words ("1 of 3 published"), for a roomy chip


@dataclass(frozen=True, slots=True)
class ChipLines:
    """The chip as it will be drawn: ``text`` lines (0–2) above or beside the status line."""

    text: tuple[str, ...]
    marks: int  # how many network marks are drawn
    more_marks: str  # "+2" after them, or ""
    status: str  # begins with the whole time
    text_width: int = 0  # a one-line chip: the room its words have (left of the status)


_MERIDIEM = re.compile(r"[\s\u00a0\u202f]*([AaPp])\.?\s?[Mm]\.?$")


def compact_time(time: str) -> str:
    """The time for the narrowest chip, nothing of it lost: "11:00 AM" → "11a", "2:15 PM"
    → "2:15p" (as calendars write it in a tight cell); a 24-hour time stays as it is."""
    found = _MERIDIEM.search(time)
    if found is None:
        return time
    clock = time[: found.start()]
    clock = clock.removesuffix(":00")
    return clock + found.group(1).lower()


def _status_options(facts: ChipFacts) -> list[tuple[str, int]]:
    """Status texts and the most marks to show with each, richest first."""
    full = f"{facts.time} · {facts.glyph} {facts.state}{facts.count}"
    short = f"{facts.time} {facts.glyph}{facts.count}"
    many = min(MAX_MARKS, facts.networks)
    options = [(full, many), (short, many)]
    if facts.progress:  # roomiest: say what "1/3" counts
        said = f"{facts.time} · {facts.glyph} {facts.state} · {facts.progress}"
        options.insert(0, (said, many))
    if facts.networks > 1:
        options += [(short, 1)]
    options += [(short, 0)]
    if facts.count:  # the state's symbol outlasts its count (a cell of just "09:00" hid a draft)
        options.append((f"{facts.time} {facts.glyph}", 0))
    options.append((facts.time, 0))
    if compact_time(facts.time) != facts.time:
        options.append((compact_time(facts.time), 0))
    return options


def _marks_width(fonts: Fonts, facts: ChipFacts, shown: int, mark: int) -> tuple[int, str]:
    if shown == 0:
        return 0, ""
    more = f"+{facts.networks - shown}" if facts.networks > shown else ""
    width = shown * (mark + SPACE.xxs)
    if more:
        width += fonts.width(more) + SPACE.xxs
    return width + GAP - SPACE.xxs, more


def status_line(fonts: Fonts, facts: ChipFacts, width: int, mark: int) -> ChipLines:
    """Marks and status on a line of their own: as much as ``width`` holds, time whole."""
    for status, shown in _status_options(facts):
        marks_w, more = _marks_width(fonts, facts, shown, mark)
        if marks_w + fonts.width(status) <= width:
            return ChipLines((), shown, more, status)
    return ChipLines((), 0, "", compact_time(facts.time))


def _first_word_room(fonts: Fonts, text: str, line: int) -> int:
    words = text.split()
    if not words:
        return 0
    return min(fonts.width(words[0] + "…"), 4 * line)


def one_line(fonts: Fonts, facts: ChipFacts, width: int, mark: int, line: int) -> ChipLines:
    """[marks] words… [status] on one line: the status gives way before the first word."""
    need = _first_word_room(fonts, facts.text, line)
    options = _status_options(facts)
    for status, shown in options:
        marks_w, more = _marks_width(fonts, facts, shown, mark)
        room = width - marks_w - fonts.width(status) - GAP
        if room >= need:
            return ChipLines((fonts.elide(facts.text, room, False),), shown, more, status, room)
    time = facts.time if fonts.width(facts.time) <= width else compact_time(facts.time)
    room = max(0, width - fonts.width(time) - GAP)
    words = fonts.elide(facts.text, room, False) if room >= fonts.width("W…") else ""
    return ChipLines((words,) if words else (), 0, "", time, room)


def two_lines_of_words(fonts: Fonts, text: str, width: int) -> tuple[str, ...]:
    """``text`` broken between words over two lines, the second ended with "…" when it
    goes on; one line when it all fits on it."""
    words = " ".join(text.split())
    first = fonts.elide(words, width, True)
    if first == words or not first:
        return (words,) if words else ()
    body = first[:-1] if first.endswith("…") else first
    if len(body) < len(words) and words[len(body)] != " ":  # the cut is inside a word
        space = body.rfind(" ")
        if space <= 0:  # a first word longer than the line: cut, the rest goes below
            after = words.find(" ", len(body))
            rest = words[after:].strip() if after > 0 else ""
            return (first, fonts.elide(rest, width, True)) if rest else (first,)
        body = body[:space]
    body = body.rstrip()
    rest = words[len(body) :].strip()
    return (body, fonts.elide(rest, width, True)) if rest else (body,)


def chip_lines(
    fonts: Fonts, facts: ChipFacts, *, width: int, lines: int, mark: int, line: int
) -> ChipLines:
    """The chip for ``lines`` lines of ``width`` px: 1 — words and status side by side;
    2 — a line of words, then marks and status; 3 — two lines of words, then those."""
    if lines <= 1:
        return one_line(fonts, facts, width, mark, line)
    status = status_line(fonts, facts, width, mark)
    if lines == 2:
        text: tuple[str, ...] = (fonts.elide(facts.text, width, True),)
    else:
        text = two_lines_of_words(fonts, facts.text, width)
    return ChipLines(tuple(t for t in text if t), status.marks, status.more_marks, status.status)
