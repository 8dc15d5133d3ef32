"""Walking the window's focus chain (``keyboard.focus_ring``, on Tab in the composer and
when a page takes the keyboard) leaves PySide's record of who owns which Python object as
it was.

PySide makes the widget a getter such as ``nextInFocusChain()`` returns a "child" of the
widget it was asked of (its return-value rule), whatever Qt's parents are. A walk round the
chain so made each widget the child of the one before it, and the window the child of the
last: deleting that last widget (the "Loading…" note in a page's place, deleted when the
page came) then marked every Python object for a Qt-made part of the window dead — an
editor's document, a view's viewport, the menu bar — though Qt's objects lived. Every key
in the composer then failed, and a drag in the month crashed the app (found by a new user's
pass on the real program; the cause found with gdb on ``Shiboken::Object::setParent``)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from somestudio.ui.keyboard import focus_ring, tabbable_in


def _deleted(widget: QWidget) -> None:
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_walk_round_the_focus_chain_keeps_the_windows_objects_alive(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    editor = QPlainTextEdit()
    spin = QSpinBox()  # its line edit is its focus proxy's kind of part
    column.addWidget(editor)
    column.addWidget(spin)
    window.show()
    document, viewport = editor.document(), editor.viewport()  # Qt made these
    first = QLineEdit()  # made after the rest: these two end the chain
    note = QLabel("Loading…")
    column.addWidget(first)
    column.addWidget(note)

    ring = focus_ring(window)
    assert ring[0] is window and editor in ring and first in ring and note in ring
    assert tabbable_in(window, ring) == [editor, spin, first]

    _deleted(note)  # the last in the chain
    assert shiboken6.isValid(document) and shiboken6.isValid(viewport)
    assert editor.document() is document  # still the same Python object, alive
    _deleted(first)
    assert shiboken6.isValid(document) and shiboken6.isValid(viewport)


def test_the_walk_gives_the_same_ring_as_qts_chain(qtbot: QtBot) -> None:
    """The ring is Qt's chain, from the window round, without asking the last widget for
    its next (which is the window)."""
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    fields = [QLineEdit() for _ in range(4)]
    for field in fields:
        column.addWidget(field)
    QWidget.setTabOrder(fields[3], fields[1])
    chain = [window]
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert focus_ring(window) == chain
