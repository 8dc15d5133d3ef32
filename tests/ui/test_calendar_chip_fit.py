"""The calendar's painted chips at the sizes people use (1024 × 700 with the Drafts panel
open, 1366 × 850), in Finnish and English: every chip of the demo month and week keeps its
time whole and its first word, the "+N more" line is never cut, and the filter bar fits.
The layout checks cannot see inside custom-painted chips; this reads what each chip will
say from the same function that paints it (``ChipPainter.lines``)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from somestudio.ui.calendar.chip_layout import compact_time
from somestudio.ui.calendar.chips import ChipPainter
from somestudio.ui.calendar.post_chips import PostChip
from somestudio.ui.i18n import install_language
from somestudio.ui.main_window import MainWindow
from tests.conftest import FIXED_DAY, demo_folder

from .conftest import clock_on
from .layout_views import DRAFTS, _wait_for, make_window

SIZES = {"1024x700": (1024, 700), "1366x850": (1366, 850)}
# The demo's day (its "now" is noon there), shown: the same chips whatever today is. The
# live demo's chips depended on the hour it ran (tests/ui/test_calendar_chips.py has the
# posts minutes apart that once covered one another's time).
TODAY = date(2026, 12, 4)


@pytest.fixture
def demo_day_home(tmp_path: Path) -> Path:
    return demo_folder(tmp_path, TODAY)


def _with_drafts(window: MainWindow) -> None:
    studio = window._studio
    accounts = [a.id for a in studio.accounts()]
    for text, chosen in DRAFTS:
        studio.save_draft(text, accounts[:chosen])
    window.show_page("calendar")
    window.calendar.set_mode("month")
    loaded = window.drafts.panel.loaded
    window.drafts.action.trigger()
    _wait_for(loaded)
    QApplication.processEvents()


def _problems(chips: ChipPainter, chip: PostChip, rect: QRect, where: str) -> list[str]:
    """What is wrong with ``chip`` drawn in ``rect``: a time cut or missing, a status wider
    than its line, no word of the post."""
    inner = chips.inner(rect)
    lines = chips.geometry.lines_in(rect.height())
    said = chips.lines(chip, inner.width(), lines)
    when = chips.facts(chip).time
    found: list[str] = []
    if not said.status.startswith((when, compact_time(when))):  # whole, or written tight
        found.append(f"{where}: status {said.status!r} does not begin with {when!r}")
    marks = said.marks * (chips.geometry.mark + 2) + (chips.width(said.more_marks) + 2) * bool(
        said.more_marks
    )
    if lines == 1:
        used = marks + said.text_width + chips.width(said.status)
    else:
        used = marks + chips.width(said.status)
    if used > inner.width():
        found.append(f"{where}: {said} needs {used} px, has {inner.width()}")
    first_word = chip.text.split()[0] if chip.text.split() else ""
    if first_word and not said.text:
        found.append(f"{where}: no word of {chip.text[:30]!r} shown ({inner.width()} px)")
    if said.text and said.text[0] in {"…", ""}:
        found.append(f"{where}: only '…' of the text")
    return found


@pytest.mark.parametrize("size", SIZES)
def test_every_chip_keeps_its_time_whole_and_a_word(
    qtbot: QtBot, demo_day_home: Path, language: str, size: str
) -> None:
    window = make_window(demo_day_home, SIZES[size], now=clock_on(TODAY))
    qtbot.addWidget(window)
    if size == "1024x700":
        _with_drafts(window)
    window.show_page("calendar")
    page = window.calendar
    page.set_mode("month")
    page.set_anchor(TODAY)
    qtbot.waitUntil(lambda: not page.model.loading)  # its first month is read on a worker
    QApplication.processEvents()
    assert window.width() <= SIZES[size][0]  # the calendar fits: the window did not grow
    grid, model = page.grid, page.model
    chips = grid.chip_delegate.chips(grid.font(), grid.palette())
    problems: list[str] = []
    seen = 0
    for day in model.days:
        index = model.index_of(day)
        count = model.post_count(day)
        rects, more = grid._cell_chips(index, count)
        for rect, chip in zip(rects, model.chips_on(day), strict=False):
            problems += _problems(chips, chip, rect, f"month {day}")
            seen += 1
        if more is not None:
            hidden = count - len(rects)
            text = grid.chip_delegate.more_text(grid.font(), grid.palette(), hidden, more.width())
            assert chips.width(text) <= more.width(), (day, text, more.width())
            assert text.startswith(f"+{hidden}")
    assert seen > 20  # the demo month is busy enough to tell

    page.set_mode("week")
    QApplication.processEvents()
    canvas = page.week.canvas
    for placed in canvas._placed:
        problems += _problems(
            canvas._chips_painter(), placed.chip, placed.rect, f"week {placed.chip.text[:20]!r}"
        )
    assert canvas._placed
    for first, second in itertools.combinations(canvas._placed, 2):
        if first.rect.intersects(second.rect):  # a chip over another hides its time
            problems.append(f"week: {first.chip.text[:20]!r} under {second.chip.text[:20]!r}")
    assert problems == []


def test_the_calendar_fits_1024_px_beside_drafts_in_a_long_language(
    qtbot: QtBot, demo_home: Path
) -> None:
    """In the pseudo-translation (strings ~40 % longer) the filter bar once needed 637 px and
    the window grew to 1121 px; now the lists are as wide as their current choice."""
    installed = install_language("en", pseudo=True)
    try:
        window = make_window(demo_home, SIZES["1024x700"], now=clock_on(FIXED_DAY))
        qtbot.addWidget(window)
        _with_drafts(window)
        for mode in ("month", "week", "agenda"):
            window.calendar.set_mode(mode)
            QApplication.processEvents()
            assert window.width() <= 1024, (
                mode,
                window.width(),
                window.minimumSizeHint().width(),
                window.calendar.minimumSizeHint().width(),
                window.drafts.panel.minimumSizeHint().width(),
                [
                    (w.objectName() or type(w).__name__, w.minimumSizeHint().width())
                    for w in window.calendar.findChildren(QWidget)
                    if w.isVisible() and w.minimumSizeHint().width() > 150
                ],
            )
        bar = window.calendar.filters
        assert bar.minimumSizeHint().width() <= 480
        for combo in (bar.account, bar.state, bar.label):
            assert combo.toolTip() == combo.currentText()
            assert combo.view().minimumWidth() >= combo.view().sizeHintForColumn(0)
        window.close()
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())


def test_a_chip_elides_a_long_text_as_the_whole_text_would(qtbot: QtBot) -> None:
    """The painter measures only a prefix of a long post: the words shown are the same."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from PySide6.QtGui import QFont, QFontMetrics  # noqa: PLC0415

    from somestudio.ui.calendar.chips import chip_font, elide_words  # noqa: PLC0415
    from somestudio.ui.theme import colours  # noqa: PLC0415

    del qtbot
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    chips = ChipPainter(QFont(), ZoneInfo("Europe/Helsinki"), colours(app.palette()))
    texts = [
        "Kahvila Kanelin syyskuun viikonloppu ☕ Uutuutena korvapuustit! " * 3,
        "Pitkäsanaisuuskilpailuvoittajaehdokkuus" * 4,
        "i " * 200,
        "e\u0301" * 150 + " loppu",  # combining accents: characters of no width
    ]
    for bold, metrics in (
        (False, QFontMetrics(chip_font(QFont()))),
        (True, QFontMetrics(chips.bold)),
    ):
        for text in texts:
            for width in (20, 47, 90, 140, 300):
                assert chips.elide(text, width, bold) == elide_words(metrics, text, width)


def test_the_tightest_chip_writes_the_time_short_but_whole() -> None:
    assert compact_time("11:00\u202fAM") == "11a"
    assert compact_time("2:15 PM") == "2:15p"
    assert compact_time("9:30 a.m.") == "9:30a"
    assert compact_time("14.15") == "14.15"  # a 24-hour time is short already


class _Chars:
    """Widths as characters (each 7 px): enough to say what fits, without a font."""

    def width(self, text: str, bold: bool = False) -> int:
        return 7 * len(text)

    def elide(self, text: str, width: int, bold: bool) -> str:
        return text[: max(0, width // 7 - 1)] + "…" if 7 * len(text) > width else text


def test_a_narrow_chip_keeps_the_states_symbol_before_its_count() -> None:
    """A draft beside a scheduled delivery in a narrow cell read "09:00" only: the symbol
    and its count went together. The symbol stays while it fits."""
    from somestudio.ui.calendar.chip_layout import ChipFacts, status_line  # noqa: PLC0415

    facts = ChipFacts("Joulutortut", "09:00", "✎", "Draft", count=" ◷1/2", networks=2)
    assert status_line(_Chars(), facts, 7 * len("09:00 ✎ ◷1/2"), 12).status == "09:00 ✎ ◷1/2"
    assert status_line(_Chars(), facts, 7 * len("09:00 ✎"), 12).status == "09:00 ✎"
    assert status_line(_Chars(), facts, 7 * len("09:00"), 12).status == "09:00"
