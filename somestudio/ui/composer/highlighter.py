"""Links, mentions and hashtags coloured as the user types, one paragraph at a time.

A ``QSyntaxHighlighter`` re-highlights only the paragraphs (blocks) a keystroke changed, so
the cost of a key does not grow with the rest of the post. Entities never span a line break
(a link, ``@name`` or ``#tag`` ends at whitespace), so finding them per paragraph gives the
same spans as finding them in the whole text.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from somestudio.domain.entities import EntityKind, extract_entities
from somestudio.ui.composer.positions import Utf16Map
from somestudio.ui.theme import colours

MAX_MARKED_PER_PARAGRAPH = 1000  # a pasted list of links stays responsive


def entity_formats(colour: QColor) -> dict[EntityKind, QTextCharFormat]:
    formats = {}
    for kind in EntityKind:
        fmt = QTextCharFormat()
        fmt.setForeground(colour)
        fmt.setFontUnderline(kind is EntityKind.URL)
        formats[kind] = fmt
    return formats


class EntityHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats = entity_formats(QColor(colours().mention))

    def set_colour(self, colour: QColor) -> None:
        """A new scheme (light/dark): colour everything again."""
        if self._formats[EntityKind.URL].foreground().color() != colour:
            self._formats = entity_formats(colour)
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not any(c in text for c in ".@＠#＃"):  # no link, mention or tag can be here
            return
        entities = extract_entities(text).all()[:MAX_MARKED_PER_PARAGRAPH]
        if not entities:
            return
        positions = Utf16Map(text)
        for entity in entities:
            start = positions.to_doc(entity.start)
            self.setFormat(start, positions.to_doc(entity.end) - start, self._formats[entity.kind])
