"""Emoji sequences the way twitter-text's emoji parsing groups them (each weighs 2 on X).

twitter-text uses the twemoji pattern. This one follows UTS #51 sequence shapes over the
installed ``regex`` module's Unicode data: keycaps, flags, tag sequences (subdivision flags)
and ZWJ chains of pictographs with an optional skin tone or emoji presentation selector.
A ZWJ chain counts as one emoji for at most four pictographs (the longest recommended
sequences, families and kisses, have four); twemoji only knows the recommended sequences
and counts any other chain element by element, so an invented chain still counts less
here than on X. As in twemoji-parser's own tests, the copyright, registered, trade mark
and chess pawn signs are emoji only with U+FE0F after them, and a pictograph followed by
the text presentation selector U+FE0E is left as text.
"""

from __future__ import annotations

import regex

from somestudio.domain.text import Windows

_TEXT_DEFAULT = r"[\u00A9\u00AE\u2122\u265F]"
_ELEMENT = (
    rf"(?:{_TEXT_DEFAULT}\uFE0F"
    r"|\U0001F3F4[\U000E0020-\U000E007E]++\U000E007F"
    rf"|(?!{_TEXT_DEFAULT})\p{{Extended_Pictographic}}(?!\uFE0E)(?:\uFE0F|\p{{Emoji_Modifier}})?)"
)
EMOJI = regex.compile(
    rf"[#*0-9]\uFE0F?\u20E3"
    rf"|[\U0001F1E6-\U0001F1FF]{{2}}"
    rf"|{_ELEMENT}(?:\u200D{_ELEMENT}){{0,3}}"
)


def emoji_spans(text: str, windows: Windows | None = None) -> list[tuple[int, int]]:
    """Code-point spans of emoji sequences, searched only inside the text's windows."""
    win = Windows(text) if windows is None else windows
    out: list[tuple[int, int]] = []
    for match in EMOJI.finditer(win.joined):
        start = win.to_text(match.start())
        out.append((start, start + match.end() - match.start()))
    return out
