"""A label cut to its room ends in "…" (the inbox's "with @someone@their.server" beside the
count was cut mid-letter, with no sign that more was there); a screen reader hears it whole."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from somestudio.ui.elided_label import ElidedLabel

LONG = "with @aino.virtanen.kunnan.viestinta@mastodon.kuntaviestinta.example"


def test_a_label_narrower_than_its_words_ends_in_an_ellipsis(qtbot: QtBot) -> None:
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    count = QLabel("9/500")
    label = ElidedLabel(LONG)
    layout.addWidget(count)
    layout.addWidget(label, 1)
    row.resize(220, 40)
    row.show()
    qtbot.waitExposed(row)
    shown = label.text()
    assert shown.endswith("…") and LONG.startswith(shown[:-1]) and len(shown) > 5
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.full_text() == LONG
    name = QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)
    assert name == LONG  # Qt's own name for a label is the text shown: the cut one
    row.resize(label.sizeHint().width() + count.sizeHint().width() + 60, 40)
    qtbot.waitUntil(lambda: label.text() == LONG)  # room again: whole
    label.setText("with @aino")
    assert label.text() == label.full_text() == "with @aino"
    label.setAccessibleName("Conversation with Aino")
    label.setText("with @aino.virtanen")
    assert label.accessibleName() == "Conversation with Aino"  # a name given stays
