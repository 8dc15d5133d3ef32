"""Month, week and agenda views over the demo data: filters, gestures, keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QMimeData, QModelIndex, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.calendar import CalendarFilter
from somestudio.app.demo import CAMPAIGN_LABELS
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.domain.posts import ScheduledEntry
from somestudio.store import composition
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.ui.calendar.calendar_page import CalendarPage
from somestudio.ui.calendar.chips import MIME_DELIVERY
from somestudio.ui.calendar.day_model import HeadingRole
from somestudio.ui.calendar.month_grid import delivery_from_mime, delivery_mime
from somestudio.ui.main_window import MainWindow
from somestudio.ui.qtdates import qdate
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE
from tests.accounts_setup import add_archive_account
from tests.conftest import demo_folder
from tests.e2e.conftest import REPO_ROOT

from .a11y import press_menu_key
from .conftest import HELSINKI, MakeWindow


def shown_calendar(
    qtbot: QtBot,
    demo_home: Path,
    make_window: MakeWindow,
    now: Callable[[], datetime] | None = None,
) -> CalendarPage:
    """The window's calendar, on ``now`` (else make_window's clock, on ``demo_home``'s day)."""
    window = make_window(demo_home, now=now)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    page = window.calendar
    qtbot.waitUntil(lambda: not page.model.loading)  # its first month is read on a worker
    return page


def all_month_entries(page: CalendarPage) -> list[ScheduledEntry]:
    return [e for day in page.model.days for e in page.model.entries_on(day)]


def test_week_view_places_chips_at_their_local_time(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    page = shown_calendar(qtbot, demo_home, make_window)
    qtbot.keyClick(
        page, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert page.mode == "week"
    canvas = page.week.canvas
    assert canvas._placed, "the demo week has posts"
    for placed in canvas._placed:
        local = placed.entry.scheduled_at.astimezone(HELSINKI)
        assert placed.rect.top() == canvas.y_of(local.time())
        assert canvas.entry_at(placed.rect.center()) is not None
        moment = canvas.time_at(placed.rect.topLeft() + QPoint(1, 1))
        assert moment is not None and moment.date() == local.date()
    assert page.title.text().startswith("Week ")


def test_week_navigation_moves_by_a_week(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    page = shown_calendar(qtbot, demo_home, make_window)
    page.set_mode("week")
    page.set_anchor(date(2026, 11, 18))
    qtbot.keyClick(page, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.anchor == date(2026, 11, 25)
    assert "Week 48" in page.title.text()


def test_agenda_lists_days_with_headings(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    page = shown_calendar(qtbot, demo_home, make_window)
    page.set_mode("agenda")
    model = page.agenda_model
    assert model.rowCount() > 10
    assert model.entry(0) is None  # a day heading first
    entries = [model.entry(r) for r in range(model.rowCount()) if model.entry(r) is not None]
    times = [e.scheduled_at for e in entries if e is not None]
    assert times == sorted(times)
    assert page.title.text().startswith("Agenda · ")


def test_the_agendas_arrows_go_from_post_to_post_past_the_day_headings(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    """A day's heading took the keyboard without showing it: the first Down, and one at
    each new day, seemed to do nothing (a new user's finding)."""
    today = date(2026, 12, 5)
    noon = datetime.combine(today, time(12), HELSINKI)
    page = shown_calendar(qtbot, demo_folder(tmp_path, today), make_window, lambda: noon)
    page.set_mode("agenda")
    agenda, model = page.agenda, page.agenda_model
    assert agenda.currentIndex().isValid()
    start = agenda.currentIndex().row()  # today's first post, under its heading
    assert model.entry(start - 1) is None and model.entry(start) is not None
    agenda.setFocus()
    qtbot.waitUntil(agenda.hasFocus)
    visited = []
    for _ in range(12):
        qtbot.keyClick(agenda, Qt.Key.Key_Down)
        visited.append(agenda.currentIndex().row())
    assert all(model.entry(row) is not None for row in visited), visited
    posts = [r for r in range(start + 1, max(visited) + 1) if model.entry(r) is not None]
    assert visited == posts[: len(visited)]
    assert len(posts) < max(visited) - start  # headings were passed by
    # a screen reader hears the day with each post, its heading being passed by
    row = visited[0]
    entry = model.entry(row)
    assert entry is not None
    day = entry.scheduled_at.astimezone(page._zone).date()
    said = str(model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole))
    assert said.startswith(QLocale().toString(qdate(day), QLocale.FormatType.LongFormat) + ", ")


CHICAGO = ZoneInfo("America/Chicago")


def long_date(day: date) -> str:
    return QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)


def agenda_top(page: CalendarPage) -> QModelIndex:
    """The row at the top of the agenda as shown."""
    return page.agenda.indexAt(QPoint(SPACE.s, SPACE.s))


def heading_at_top(page: CalendarPage) -> str:
    top = agenda_top(page)
    assert top.isValid() and page.agenda_model.entry(top.row()) is None, "no heading at the top"
    return str(top.data())


CHICAGO_DAY = date(2026, 12, 5)


def chicago_calendar(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow, size: tuple[int, int]
) -> MainWindow:
    """The demo's calendar as an American in Chicago sees it, at 10:00 on ``CHICAGO_DAY``,
    the window ``size``, shown and active."""
    window = make_window(
        demo_folder(tmp_path, CHICAGO_DAY),
        locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
        zone=CHICAGO,
        now=lambda: datetime.combine(CHICAGO_DAY, time(10), CHICAGO),
    )
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.show_page("calendar")
    return window


def test_today_in_the_agenda_brings_todays_posts_to_the_top(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    """Today and Ctrl+Home left the agenda at the top of the month: on the 5th it showed the
    1st's posts, today's out of sight (a new user's finding, 1024×768 in Chicago). Today's
    heading comes to the top, its first post chosen, the days before it above."""
    today = CHICAGO_DAY
    window = chicago_calendar(qtbot, tmp_path, make_window, (1024, 768))
    page = window.calendar
    agenda = page.agenda
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page, Qt.Key.Key_A, modifiers)
    qtbot.keyClick(page, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.title.text() == "Agenda · January 2027"
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    assert page.title.text() == "Agenda · December 2026"
    assert heading_at_top(page) == long_date(today) == "Saturday, December 5, 2026"
    chosen = agenda.current_entry()
    assert chosen is not None and chosen.scheduled_at.astimezone(CHICAGO).date() == today
    assert agenda.currentIndex().row() == agenda_top(page).row() + 1  # the day's first post
    assert agenda.selectionModel().isSelected(agenda.currentIndex())
    # Ctrl+Home from inside the list, moved down it, comes back as well.
    agenda.setFocus()
    qtbot.waitUntil(agenda.hasFocus)
    for _ in range(3):
        qtbot.keyClick(agenda, Qt.Key.Key_PageDown)
    assert agenda_top(page).data() != long_date(today)
    qtbot.keyClick(agenda, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert heading_at_top(page) == long_date(today)
    assert agenda.current_entry() == chosen
    # The days before today are above it, from the month's first.
    agenda.scrollToTop()
    assert heading_at_top(page) == long_date(date(2026, 12, 1))


@contextmanager
def agenda_of(
    qtbot: QtBot,
    home: Path,
    folder: Path,
    *,
    days: Iterable[int],
    hours: Iterable[int],
    clock: list[datetime],
) -> Iterator[tuple[Workspace, CalendarPage]]:
    """A calendar in its agenda over a Local archive account with a post on each of
    ``days`` of December 2026 at each of ``hours`` (Chicago), its clock ``clock[0]``."""
    workspace = open_workspace(home)
    account = add_archive_account(workspace, folder, "arkisto")
    hours = tuple(hours)
    with transaction(conn := workspace.writable_connection()):
        for day in days:
            for hour in hours:
                post = post_rows.create_post(conn, f"Joulukuun {day}. päivä klo {hour}")
                post_rows.add_delivery(
                    conn, post, account, scheduled_at=datetime(2026, 12, day, hour, tzinfo=CHICAGO),
                    time_zone=CHICAGO.key, state=DeliveryState.SCHEDULED,
                )  # fmt: skip
    page = CalendarPage(Studio(workspace), CHICAGO, now=lambda: clock[0])
    try:
        qtbot.addWidget(page)
        page.resize(1024, 700)
        page.show()
        qtbot.waitExposed(page)
        with qtbot.waitActive(page):
            page.activateWindow()
        qtbot.waitUntil(lambda: not page.model.loading)  # its first month is read on a worker
        modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(page, Qt.Key.Key_A, modifiers)
        yield workspace, page
    finally:
        page.close()  # quiet before its workspace closes: no timer or worker reads it after
        for timer in page.findChildren(QTimer):
            timer.stop()
        for tasks in page.findChildren(Tasks):
            tasks.wait()
        workspace.close()


def test_today_without_posts_shows_the_next_day_with_posts_or_the_months_last(
    qtbot: QtBot, home: Path, tmp_path: Path
) -> None:
    """A day without posts brings the next day with posts to the top; a day after the
    month's last posts shows the month's end. Nothing says the calendar is empty."""
    clock = [datetime(2026, 12, 5, 10, tzinfo=CHICAGO)]
    # none on the 5th to the 7th, none after the 11th
    days = (1, 2, 3, 4, 8, 9, 10, 11)
    with agenda_of(qtbot, home, tmp_path, days=days, hours=range(8, 16), clock=clock) as (
        _workspace,
        page,
    ):
        assert heading_at_top(page) == long_date(date(2026, 12, 8))
        chosen = page.agenda.current_entry()
        assert chosen is not None and chosen.text == "Joulukuun 8. päivä klo 8"
        assert page.empty_hint.isHidden()
        clock[0] = datetime(2026, 12, 20, 10, tzinfo=CHICAGO)
        qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
        agenda, model = page.agenda, page.agenda_model
        last = model.index(model.rowCount() - 1, 0)
        assert agenda.viewport().rect().contains(agenda.visualRect(last))
        assert model.entry(last.row()).text == "Joulukuun 11. päivä klo 15"  # type: ignore[union-attr]
        assert page.empty_hint.isHidden()
        assert page.title.text().endswith("2026")


def test_state_filter_applies_to_every_view(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    page = shown_calendar(qtbot, demo_home, make_window)
    before = len(all_month_entries(page))
    index = page.filters.state.findData(DeliveryState.PUBLISHED.value)
    page.filters.state.setCurrentIndex(index)
    month = all_month_entries(page)
    assert 0 < len(month) < before
    assert {e.state for e in month} == {DeliveryState.PUBLISHED}
    # The agenda starts at the chosen day: start it at the first published post, not at
    # today (on the 1st of a month the demo has published nothing from today on).
    first = min(e.scheduled_at for e in month)
    page.set_anchor(first.astimezone(page._zone).date())
    page.set_mode("agenda")
    model = page.agenda_model
    states = {model.entry(r).state for r in range(model.rowCount()) if model.entry(r)}  # type: ignore[union-attr]
    assert states == {DeliveryState.PUBLISHED}


def test_account_and_label_filters(qtbot: QtBot, demo_home: Path, make_window: MakeWindow) -> None:
    page = shown_calendar(qtbot, demo_home, make_window)
    campaigns = [
        label
        for e in all_month_entries(page)
        for label in e.labels
        if label in CAMPAIGN_LABELS.values()
    ]
    if not campaigns:  # early on the 1st the demo's campaign posts are in the month before
        page.set_anchor(page.today().replace(day=1) - timedelta(days=1))
        campaigns = [
            label
            for e in all_month_entries(page)
            for label in e.labels
            if label in CAMPAIGN_LABELS.values()
        ]
    campaign = campaigns[0]
    account_id = all_month_entries(page)[0].account_id
    page.set_filter(CalendarFilter(account_ids=frozenset({account_id})))
    assert {e.account_id for e in all_month_entries(page)} == {account_id}
    page.set_filter(CalendarFilter(label=campaign))
    labelled = all_month_entries(page)
    assert labelled and all(campaign in e.labels for e in labelled)
    assert page.filters.label.findData(campaign) > 0  # offered in the label list


def test_dropping_a_chip_on_another_day_keeps_its_wall_time(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    page = shown_calendar(qtbot, demo_home, make_window)
    entry = next(e for e in all_month_entries(page) if e.state is DeliveryState.SCHEDULED)
    target = page.model.index(5, 3)
    with qtbot.waitSignal(page.entry_moved, timeout=1000) as moved:
        assert page.grid.drop_delivery(entry.delivery_id, target)
    moved_entry, wall = moved.args
    assert moved_entry.delivery_id == entry.delivery_id
    assert wall.date() == page.model.day_at(target)
    assert wall.time() == entry.scheduled_at.astimezone(HELSINKI).time()


def test_dropping_a_post_that_went_out_says_why_nothing_moved(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    """It did nothing, silently (a new user dragged a published post and saw nothing)."""
    page = shown_calendar(qtbot, demo_home, make_window)
    published = [e for e in all_month_entries(page) if e.state is DeliveryState.PUBLISHED]
    if not published:  # early in the month the demo's published posts are in the month before
        page.set_anchor(page.today().replace(day=1) - timedelta(days=1))
        published = [e for e in all_month_entries(page) if e.state is DeliveryState.PUBLISHED]
    entry = published[0]
    moved: list[object] = []
    page.entry_moved.connect(lambda *args: moved.append(args))
    with qtbot.waitSignal(page.not_moved, timeout=1000) as said:
        page.grid.drop_delivery(entry.delivery_id, page.model.index(5, 3))
    assert said.args[0].startswith("A post that has gone out")
    assert moved == []


def test_chip_hit_testing_and_double_click(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    page = shown_calendar(qtbot, demo_home, make_window)
    entry = all_month_entries(page)[0]
    center = page.grid.chip_center(entry)
    assert center is not None
    # One chip per post: the chip answers with one of that post's deliveries.
    assert (hit := page.grid.entry_at(center)) is not None and hit.post_id == entry.post_id
    with qtbot.waitSignal(page.entry_activated, timeout=1000) as activated:
        qtbot.mouseDClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert activated.args[0].post_id == entry.post_id


def test_week_drop_snaps_to_quarter_hours(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    page = shown_calendar(qtbot, demo_home, make_window)
    page.set_mode("week")
    canvas = page.week.canvas
    y = canvas.y_of(time(13, 52))
    moment = canvas.time_at(QPoint(canvas.gutter + 5, y))
    assert moment is not None and moment.time() == time(13, 45)
    assert isinstance(moment, datetime) and moment.tzinfo is None  # a wall time, zone applied later


def test_a_dragged_chip_goes_along_as_a_picture_of_itself(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    """A drag showed nothing but the pointer: the chip's picture now follows it, held where
    it was grabbed, in the month and in the week."""
    page = shown_calendar(qtbot, demo_home, make_window)
    entry = all_month_entries(page)[0]
    center = page.grid.chip_center(entry)
    assert center is not None
    found = page.grid._drag.ghost(center)
    assert found is not None
    picture, hot_spot = found
    rect = page.grid.chip_rect_at(center)
    assert rect is not None and picture.size() == rect.size()
    assert hot_spot == center - rect.topLeft()
    image = picture.toImage()
    assert len({image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}) > 4
    assert page.grid._drag.ghost(QPoint(-5, -5)) is None  # no chip there

    page.set_mode("week")
    canvas = page.week.canvas
    qtbot.waitUntil(lambda: bool(canvas._placed))
    placed = canvas._placed[0]
    found = canvas._drag.ghost(placed.rect.center())
    assert found is not None and found[0].size() == placed.rect.size()


def test_delivery_mime_round_trip() -> None:
    entry = ScheduledEntry(
        delivery_id=42,
        post_id=1,
        account_id=1,
        network=Network.LOCAL,
        account_label="arkisto",
        state=DeliveryState.SCHEDULED,
        scheduled_at=datetime(2026, 11, 21, 9, tzinfo=UTC),
        time_zone="Europe/Helsinki",
        text="hei",
        media_count=0,
    )
    mime = delivery_mime(entry)
    assert mime.hasFormat(MIME_DELIVERY)
    assert delivery_from_mime(mime) == 42
    assert delivery_from_mime(QMimeData()) is None


def test_the_week_is_walked_by_keyboard_and_heard(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    """The week had no keyboard at all: the arrows now move between chips (framed),
    Enter opens the post, the Menu key opens its menu, and a screen reader hears the chip."""
    page = shown_calendar(qtbot, demo_home, make_window)
    page.set_mode("week")
    page.focus_view()
    canvas = page.week.canvas
    qtbot.waitUntil(canvas.hasFocus)
    order = canvas.keyboard_order()
    assert len(order) >= 2, "the demo week has posts"
    assert canvas.current_chip() == order[0].chip
    face = QAccessible.queryAccessibleInterface(canvas)
    assert face is not None
    assert face.text(QAccessible.Text.Description) == canvas.chip_text(order[0].chip)
    assert order[0].chip.text.split()[0] in face.text(QAccessible.Text.Description)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.current_chip() == order[1].chip
    assert face.text(QAccessible.Text.Description) == canvas.chip_text(order[1].chip)
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert canvas.current_chip() == order[0].chip
    qtbot.keyClick(canvas, Qt.Key.Key_End)
    assert canvas.current_chip() == order[-1].chip
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    width = int(canvas.day_width())
    columns = {p.rect.left() // width for p in order}
    if len(columns) > 1:
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
        chip = canvas.current_chip()
        assert chip is not None
        assert next(p for p in order if p.chip == chip).rect.left() // width > min(columns)
        qtbot.keyClick(canvas, Qt.Key.Key_Left)
        assert canvas.current_chip() == order[0].chip
    # The frame: drawn around the chosen chip while the week has the keyboard.
    image = canvas.grab(order[0].rect.adjusted(-2, -2, 2, 2)).toImage()
    highlight = canvas.palette().color(QPalette.ColorRole.Highlight)
    assert image.pixelColor(1, image.height() // 2) == highlight
    with qtbot.waitSignal(page.entry_menu_requested) as menu:
        press_menu_key(canvas)
    assert menu.args is not None and menu.args[0] == order[0].chip.lead
    with qtbot.waitSignal(page.entry_activated) as opened:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert opened.args == [order[0].chip.lead]


def _drag_over(target: QWidget, pos: QPoint, mime: QMimeData) -> QDragMoveEvent:
    """What Qt sends while a dragged chip is held over ``target`` at ``pos``."""
    actions = Qt.DropAction.MoveAction
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(pos, actions, mime, button, none))
    move = QDragMoveEvent(pos, actions, mime, button, none)
    QApplication.sendEvent(target, move)
    return move


def test_a_dragged_post_shows_the_day_and_time_it_would_go_to(
    qtbot: QtBot, demo_home: Path, make_window: MakeWindow
) -> None:
    """The day under a dragged chip is marked (month), and the quarter hour with its time
    written beside it (week); leaving or dropping takes the mark away."""
    page = shown_calendar(qtbot, demo_home, make_window)
    entry = next(e for e in all_month_entries(page) if e.state is DeliveryState.SCHEDULED)
    mime = delivery_mime(entry)
    grid = page.grid
    target = page.model.index(3, 4)
    assert page.model.day_at(target) is not None
    spot = grid.visualRect(target).center()
    before = grid.viewport().grab().toImage()
    assert _drag_over(grid.viewport(), spot, mime).isAccepted()
    assert grid.drop_cell() == (3, 4)
    marked = grid.viewport().grab().toImage()
    highlight = grid.palette().color(QPalette.ColorRole.Highlight)
    edge = grid.visualRect(target).topLeft() + QPoint(grid.visualRect(target).width() // 2, 1)
    assert marked.pixelColor(edge) == highlight and before.pixelColor(edge) != highlight
    marked.save(str(shots() / "calendar-drop-month.png"))
    QApplication.sendEvent(grid.viewport(), QDragLeaveEvent())
    assert grid.drop_cell() is None

    qtbot.keyClick(
        page, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    canvas = page.week.canvas
    day = canvas._days[2]
    spot = QPoint(int(canvas.gutter + 2.5 * canvas.day_width()), canvas.y_of(time(14, 20)))
    assert _drag_over(canvas, spot, mime).isAccepted()
    assert canvas.drop_at() == datetime.combine(day, time(14, 15))
    image = page.week.grab().toImage()
    image.save(str(shots() / "calendar-drop-week.png"))
    band = canvas.grab().toImage().pixelColor(QPoint(spot.x(), canvas.y_of(time(14, 15))))
    assert band == highlight  # the band's top edge
    drop = QDropEvent(
        QPointF(spot),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas, drop)
    assert canvas.drop_at() is None


def shots() -> Path:
    folder = REPO_ROOT / "artifacts"
    folder.mkdir(exist_ok=True)
    return folder


def test_the_agenda_keeps_the_readers_place_when_a_post_goes_out(
    qtbot: QtBot, home: Path, tmp_path: Path
) -> None:
    """A post going out meanwhile reads the calendar again: the agenda jumped back to the
    anchor day (before: to the month's first) while the user read further down. The same
    day stays at the top and the same post chosen; Today still goes to today."""
    clock = [datetime(2026, 12, 5, 8, tzinfo=CHICAGO)]
    with agenda_of(qtbot, home, tmp_path, days=range(1, 29), hours=(9, 12, 15), clock=clock) as (
        workspace,
        page,
    ):
        agenda = page.agenda
        assert heading_at_top(page) == long_date(date(2026, 12, 5))
        agenda.setFocus()
        qtbot.waitUntil(agenda.hasFocus)
        for _ in range(3):
            qtbot.keyClick(agenda, Qt.Key.Key_PageDown)
        qtbot.keyClick(agenda, Qt.Key.Key_Down)
        chosen = agenda.current_entry()
        assert chosen is not None
        top = agenda_top(page)
        top_day = page.agenda_model.day_of(top.row())
        assert top_day is not None and top_day > date(2026, 12, 8)
        with transaction(workspace.writable_connection()):  # a post of the 5th goes out
            workspace.writable_connection().execute(
                f"UPDATE deliveries SET state = '{DeliveryState.PUBLISHED.value}' WHERE id = ("
                "SELECT MIN(id) FROM deliveries)"
            )
        page.reload()
        assert page.agenda_model.day_of(agenda_top(page).row()) == top_day
        assert agenda.current_entry() is not None
        assert agenda.current_entry().delivery_id == chosen.delivery_id  # type: ignore[union-attr]
        qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
        assert heading_at_top(page) == long_date(date(2026, 12, 5))


def test_the_agenda_says_which_posts_are_threads(qtbot: QtBot, home: Path, tmp_path: Path) -> None:
    """A thread and a single post looked alike in the agenda and the day list (a new user's
    finding): a thread's row has 🧵 and its count after the state, and says "Thread: 3
    posts" to a screen reader and in its tooltip."""
    clock = [datetime(2026, 12, 5, 8, tzinfo=CHICAGO)]
    with agenda_of(qtbot, home, tmp_path, days=(7,), hours=(9, 12), clock=clock) as (
        workspace,
        page,
    ):
        conn = workspace.writable_connection()
        delivery, post, account = conn.execute(
            "SELECT id, post_id, account_id FROM deliveries ORDER BY id LIMIT 1"
        ).fetchone()
        with transaction(conn):
            composition.write(
                conn,
                post,
                base_text="Joulukuun 7. päivä klo 9",
                variants={},
                threads={account: ["Yksi.", "Kaksi.", "Kolme."]},
                media=[],
            )
        page.reload()
        model = page.agenda_model
        rows = {
            entry.delivery_id: model.index(row, 0)
            for row in range(model.rowCount())
            if (entry := model.entry(row)) is not None
        }
        assert len(rows) == 2
        thread = rows.pop(delivery)
        (single,) = rows.values()
        assert "🧵 3" in str(thread.data(HeadingRole))
        assert "🧵" not in str(single.data(HeadingRole))
        said = str(thread.data(Qt.ItemDataRole.AccessibleTextRole))
        assert "Thread: 3 posts" in said
        assert "Thread" not in str(single.data(Qt.ItemDataRole.AccessibleTextRole))
        assert "Thread: 3 posts" in str(thread.data(Qt.ItemDataRole.ToolTipRole))


def test_the_weeks_day_headings_fit_their_columns(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    """Beside the Drafts panel the week's headings ran into each other ("Sun 11/29Mon 11/30",
    a check on the real program): each is as much of "Sun 11/29" as its column holds."""
    window = chicago_calendar(qtbot, tmp_path, make_window, (1400, 768))
    page = window.calendar
    page.set_mode("week")
    header = page.week.header
    assert header.shown_labels()[0] == "Sun 11/29"  # room: the day and month
    window.resize(1024, 768)
    window.drafts.action.trigger()
    qtbot.waitUntil(lambda: page.week.canvas.day_width() < 95)
    width = page.week.canvas.day_width()
    metrics = header.fontMetrics()
    bold = QFont(header.font())
    bold.setBold(True)
    for label in header.shown_labels():
        assert (
            max(metrics.horizontalAdvance(label), QFontMetrics(bold).horizontalAdvance(label))
            <= width
        )
    assert header.shown_labels()[0].startswith("Sun")
