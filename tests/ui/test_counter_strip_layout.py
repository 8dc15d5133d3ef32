"""The counters wrap in their strip without one coming over another, whatever accounts are
ticked and unticked in whatever order (a new user saw "X 76/280" drawn over "Local archive
76"): the strip's layout is laid out again whenever its counters change, even when the
strip keeps its size."""

from __future__ import annotations

import itertools
import random

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.composer import Target
from somestudio.domain.networks import Network
from somestudio.ui.composer.counter_strip import CounterChip, CounterStrip

NETWORKS = [
    Network.BLUESKY,
    Network.INSTAGRAM,
    Network.LINKEDIN,
    Network.X,
    Network.LOCAL,
    Network.MASTODON,
    Network.THREADS,
]
TARGETS = {
    number: Target(
        number,
        network,
        f"{network.display_name} · Kahvila Aurinko",
        None if network is Network.LOCAL else network.value,
        None,
    )
    for number, network in enumerate(NETWORKS, 1)
}
NAMES = {number: target.label for number, target in TARGETS.items()}


def _settle() -> None:
    """The event loop's turn: layout requests, and chips let go deleted."""
    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _overlapping(strip: CounterStrip) -> list[tuple[str, str]]:
    shown = [chip for chip in strip.findChildren(CounterChip) if chip.isVisible()]
    return [
        (first.name, second.name)
        for first, second in itertools.combinations(shown, 2)
        if first.geometry().intersects(second.geometry())
    ]


def _strip_in_a_column(qtbot: QtBot) -> tuple[QWidget, CounterStrip]:
    """A strip at the top of a column (the room below it stretches), not shown yet."""
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    strip = CounterStrip()
    column.addWidget(strip)
    column.addStretch(1)
    return holder, strip


def test_ticking_and_unticking_never_lays_a_counter_over_another(qtbot: QtBot) -> None:
    holder, strip = _strip_in_a_column(qtbot)
    holder.resize(700, 300)
    holder.show()
    qtbot.waitExposed(holder)
    choices = random.Random(20261205)  # a fixed sequence: the same every run
    for step in range(120):
        if choices.random() < 0.3:  # a post's accounts being brought back in steps
            for number in choices.sample(list(TARGETS), choices.randint(1, 3)):
                strip.prepare(TARGETS[number], NAMES[number])
        ticked = sorted(choices.sample(list(TARGETS), choices.randint(1, len(TARGETS))))
        strip.set_targets([TARGETS[number] for number in ticked], NAMES)
        _settle()
        assert _overlapping(strip) == [], (step, ticked)
        assert sorted(c.target.account_id for c in strip.chips.values()) == ticked


def test_a_chip_wider_than_its_column_ends_in_an_ellipsis_not_a_wider_window(
    qtbot: QtBot,
) -> None:
    """One long chip ("Instagram  ⚠ 16 / 2 200 katso ongelmat") was as wide as its words at
    the least, and the composer's column (and the window) grew by itself beside the Drafts
    panel (a check on the real program): it takes the column's width, its words end in
    "…", and a screen reader still hears them whole."""
    holder, strip = _strip_in_a_column(qtbot)
    strip.set_targets([TARGETS[2]], NAMES)  # Instagram
    (chip,) = strip.chips.values()
    chip.show_count("16 / 2 200", over=True, word="see problems: no picture yet")
    holder.resize(1000, 200)
    holder.show()
    qtbot.waitExposed(holder)
    _settle()
    whole = chip.sizeHint().width()
    assert chip.shown_label() == chip.label() and chip.width() >= whole
    narrow = whole // 2 + 40
    holder.resize(narrow, 200)
    _settle()
    assert holder.minimumSizeHint().width() < whole  # the column may be narrower than it
    assert chip.geometry().right() <= strip.width()
    shown = chip.shown_label()
    assert shown.endswith("…") and len(shown) < len(chip.label())
    assert "16 / 2 200" in chip.accessibleName()
