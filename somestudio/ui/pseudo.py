"""Pseudo-translation for layout checks: every string about 40 % longer, with accents.

``SOMESTUDIO_PSEUDO=1`` turns it on (on top of the chosen language): "Save draft" shows as
"[Šàvé ðŕàƒţ ·· ··]". A label that clips, a button that is too narrow or a text pieced
together from fragments shows at once; the brackets tell where a string starts and ends.
Placeholders (%1, %n, %L1), HTML tags and entities and keyboard mnemonics (&) are kept.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QObject, QTranslator

ENV_PSEUDO = "SOMESTUDIO_PSEUDO"
GROWTH = 0.4

_ACCENTED = str.maketrans(
    "abcdefghiklmnoprstuwyzABCDEGHIJKLNOPRSTUWYZ",
    "àƀçðéƒĝĥîķĺɱñöþŕšţûŵýžÅßÇÐÉĜĤÎĴĶĹÑÖÞŔŠŢÛŴÝŽ",
)
# What must survive untouched: placeholders, tags, entities, a mnemonic's ampersand.
_KEEP = re.compile(r"%L?\d|%L?n|<[^>]*>|&[a-zA-Z]+;|&#\d+;|&&|&")


def pseudo(text: str) -> str:
    if not text or not any(ch.isalpha() for ch in text):
        return text
    parts: list[str] = []
    visible = 0
    pos = 0
    for match in _KEEP.finditer(text):
        plain = text[pos : match.start()]
        parts.append(plain.translate(_ACCENTED))
        visible += len(plain)
        parts.append(match.group())
        pos = match.end()
    rest = text[pos:]
    parts.append(rest.translate(_ACCENTED))
    visible += len(rest)
    pad = max(2, math.ceil(visible * GROWTH) - 2)  # the brackets count too
    # Padding in short words, so that wrapping labels wrap as real text would.
    filler = " ".join("·" * min(4, pad - i) for i in range(0, pad, 4))
    return f"[{''.join(parts)} {filler}]"


class PseudoTranslator(QTranslator):
    """Lengthens whatever the other catalogues (or the source) say.

    Installed last, so Qt asks it first; it asks the real translators itself.
    """

    def __init__(self, inner: list[QTranslator], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inner = inner

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        text = ""
        for translator in self._inner:
            text = translator.translate(context, source_text, disambiguation, n) or ""
            if text:
                break
        return pseudo(text or source_text)

    def isEmpty(self) -> bool:
        return False
