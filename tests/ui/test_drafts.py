"""The Drafts list: undated posts beside Compose and the Calendar — saved from the composer,
opened, deleted with undo, and dropped on a month day or a week slot to schedule them (an
account whose text has an error is held back, and the user is told why)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QLocale, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.composer import Composer
from somestudio.app.draft_shelf import Problem, ShelvedDraft
from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Draft
from somestudio.domain.findings import Severity
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.calendar.move_dialog import MoveDialog
from somestudio.ui.drafts.drafts_model import (
    MIME_DRAFT,
    DraftsModel,
    PostIdRole,
    draft_from_mime,
    first_words,
)
from somestudio.ui.main_window import MainWindow
from somestudio.ui.schedule_dialog import ScheduleDialog
from tests.ui.conftest import AHEAD, running_clock, shown_dialog

HELSINKI = ZoneInfo("Europe/Helsinki")
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TOO_LONG_FOR_X = "Liian pitkä teksti X:lle. " * 12  # 312 characters: X allows 280
WEEK_OF = date(2031, 3, 12)  # a Wednesday, far from today and from any DST change
DAY = date(2031, 3, 13)
S = DeliveryState


# -- the model, without widgets


def shelved(post_id: int, text: str, *problems: Problem) -> ShelvedDraft:
    accounts = ((1, Network.X, "Kahvila X"), (2, Network.MASTODON, "@aroma"))
    return ShelvedDraft(post_id, text, datetime(2031, 1, 1, tzinfo=UTC), accounts, problems)


def test_model_rows_show_first_words_networks_and_problems(qtbot: QtBot) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    model = DraftsModel()
    error = Problem("X · Kahvila X", Severity.ERROR, "Too long (312/280)")
    warning = Problem("Mastodon · @aroma", Severity.WARNING, "No alt text")
    model.set_drafts(
        [
            shelved(7, "Joulutorttuja tänään!\nTervetuloa 🎄"),
            shelved(5, TOO_LONG_FOR_X, error, warning),
            shelved(3, "Glögiä", warning),
        ]
    )
    assert model.rowCount() == 3
    rows = [str(model.index(r).data()).split("\n") for r in range(3)]
    assert rows[0] == ["Joulutorttuja tänään! Tervetuloa 🎄", "X, Mastodon", "No problems"]
    assert rows[1][0].endswith("…") and len(rows[1][0]) <= 61
    assert rows[1][2].startswith("⚠ 1 error") and rows[1][2].endswith(": Too long (312/280)")
    assert rows[2][2].startswith("1 warning")
    tip = str(model.index(1).data(Qt.ItemDataRole.ToolTipRole))
    assert "• X · Kahvila X: Too long (312/280)" in tip and "• Mastodon · @aroma: No alt" in tip
    spoken = str(model.index(1).data(Qt.ItemDataRole.AccessibleTextRole))
    assert "X, Mastodon" in spoken and "Too long" in spoken
    assert [model.index(r).data(PostIdRole) for r in range(3)] == [7, 5, 3]
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    mime = model.mimeData([model.index(1)])
    assert mime.hasFormat(MIME_DRAFT) and draft_from_mime(mime) == 5
    assert model.row_of(3) == 2 and model.row_of(99) is None
    QLocale.setDefault(QLocale.c())


def test_first_words_cut_at_a_word() -> None:
    assert first_words("Hyvää  huomenta\n\nkaikille") == "Hyvää huomenta kaikille"
    assert first_words("yksi kaksi kolme neljä", 14) == "yksi kaksi…"
    assert first_words("x" * 30, 10) == "x" * 10 + "…"


# -- in the window


class ScriptedPrompts:
    def __init__(self) -> None:
        self.told: list[tuple[str, str]] = []

    def choose(
        self,
        title: str,
        text: str,
        options: Sequence[str],
        on_choice: Callable[[int | None], None],
        *,
        default: int | None = 0,
    ) -> None:
        on_choice(None)

    def inform(self, title: str, text: str) -> None:
        self.told.append((title, text))


@pytest.fixture
def rig(qtbot: QtBot, home: Path) -> Iterator[tuple[MainWindow, Workspace, ScriptedPrompts]]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "kahvila", display_name="Kahvila X")
        account_rows.add_account(conn, Network.MASTODON, "@aroma")
    clock = running_clock(AHEAD)
    window = MainWindow(
        Studio(workspace), workspace.settings, HELSINKI, home=home, log_file=home / "x.log",
        now=clock,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.attach_planner(Planner(workspace, now=clock))
    prompts = ScriptedPrompts()
    window.prompts = prompts  # type: ignore[assignment]
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    yield window, workspace, prompts
    workspace.close()
    QLocale.setDefault(QLocale.c())


def show_drafts(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Shift+D, as a person would: the list shows (read afresh) and takes the focus."""
    with qtbot.waitSignal(window.drafts.panel.loaded, timeout=5000):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_D, CTRL | SHIFT)
    assert window.drafts.isVisible()


def listed(window: MainWindow) -> list[str]:
    model = window.drafts.panel.model
    return [str(model.index(r).data()).split("\n")[0] for r in range(model.rowCount())]


def delete_by_key(qtbot: QtBot, window: MainWindow, post_id: int) -> None:
    """Choose the draft in the list and press Delete, as a person would; the list is read
    again."""
    panel = window.drafts.panel
    assert panel.select_post(post_id)
    panel.list.setFocus()
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClick(panel.list, Qt.Key.Key_Delete)


def save(workspace: Workspace, text: str, accounts: tuple[int, ...] = (1, 2)) -> int:
    post_id = Composer(workspace).save(Draft(base_text=text, account_ids=accounts))
    assert post_id is not None
    return post_id


def test_drafts_saved_in_the_composer_are_listed_and_open_again(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    window, _workspace, _prompts = rig
    window.show_page("compose")
    compose = window.compose
    show_drafts(qtbot, window)
    panel = window.drafts.panel
    assert listed(window) == [] and panel.empty.isVisible()
    items = [compose.accounts.item(i) for i in range(compose.accounts.count())]
    next(i for i in items if i.text().startswith("X ·")).setCheckState(Qt.CheckState.Checked)

    compose.editor.setFocus()
    compose.editor.setPlainText("Aamukahvi ja pulla 4 €")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClick(compose.editor, Qt.Key.Key_S, CTRL)  # Save draft
    assert compose.feedback.text() == "Draft saved to Drafts."
    assert listed(window) == ["Aamukahvi ja pulla 4 €"]
    assert str(panel.model.index(0).data()).split("\n")[1:] == ["X", "No problems"]

    compose.editor.setPlainText("Kesäterassi aukeaa")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClick(compose.editor, Qt.Key.Key_N, CTRL)  # a new post keeps the text
    assert listed(window) == ["Kesäterassi aukeaa", "Aamukahvi ja pulla 4 €"]

    compose.editor.setPlainText(TOO_LONG_FOR_X)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.mouseClick(compose.schedule_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ScheduleDialog)
    assert dialog is not None
    dialog.reject()  # Schedule… → Cancel: it stays a draft
    assert listed(window)[0].startswith("Liian pitkä teksti X:lle.")
    assert "312/280" in str(panel.model.index(0).data()).split("\n")[2]

    panel.select_post(panel.model.draft(1).post_id)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # opens it in the composer
    assert window.current_page() == "compose"
    assert compose.editor.toPlainText() == "Kesäterassi aukeaa"
    assert compose.editing == panel.model.draft(1).post_id


def test_the_list_shows_the_draft_being_edited(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    """The Drafts list's highlight stayed on the draft last clicked while another post was
    open in the composer (a new user's finding): it follows the post being edited, and a
    new post has none."""
    window, workspace, _prompts = rig
    first = save(workspace, "Aamukahvi ja pulla 4 €")
    second = save(workspace, "Kesäterassi aukeaa")
    window.show_page("compose")
    show_drafts(qtbot, window)
    panel = window.drafts.panel
    panel.select_post(first)
    window.open_post(second)  # as from the calendar
    opened = window.compose.editing
    assert opened == second
    assert panel.current_post_id() == second
    window.new_post()
    assert panel.current_post_id() is None
    window.compose.editor.setPlainText("Lounaskeitto tänään")
    with (
        qtbot.waitSignal(panel.loaded, timeout=5000),
        qtbot.waitSignal(window.compose.draft_saved) as saved,
    ):
        window.compose.save_draft()  # "Draft saved to Drafts.": the composer starts anew
    assert window.compose.editing is None
    assert panel.current_post_id() == saved.args[0]  # and the list shows where it went


def test_delete_then_undo_brings_the_draft_back(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    window, workspace, _prompts = rig
    first = save(workspace, "Ensimmäinen")
    save(workspace, "Toinen")
    window.show_page("calendar")
    show_drafts(qtbot, window)
    panel = window.drafts.panel
    assert listed(window) == ["Toinen", "Ensimmäinen"]
    delete_by_key(qtbot, window, first)
    assert listed(window) == ["Toinen"]
    assert "Draft deleted" in window.status.currentMessage()

    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClick(panel.list, Qt.Key.Key_Z, CTRL)
    assert listed(window) == ["Toinen", "Ensimmäinen"]

    assert panel.select_post(first)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert listed(window) == ["Toinen"]


def test_a_draft_deleted_while_open_keeps_the_text_written_since(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    """The post open in the composer is deleted from the Drafts list; the words typed since
    are the user's: Ctrl+N keeps them as a new draft instead of clearing them away."""
    window, workspace, _prompts = rig
    first = save(workspace, "Ensimmäinen")
    window.open_post(first)
    window.compose.editor.setPlainText("Ensimmäinen, ja vielä pari sanaa")
    show_drafts(qtbot, window)
    panel = window.drafts.panel
    delete_by_key(qtbot, window, first)
    assert listed(window) == []

    window.compose.editor.setFocus()
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClick(window.compose.editor, Qt.Key.Key_N, CTRL)
    assert listed(window) == ["Ensimmäinen, ja vielä pari sanaa"]
    assert window.compose.editor.toPlainText() == ""
    assert "saved as a new draft" in window.compose.feedback.text()


def drag_and_drop(target: QWidget, pos: QPoint, mime: QMimeData) -> QDropEvent:
    """What Qt delivers when a row of the list is dragged and released over ``target``."""
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, actions, mime, button, none)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(pos), actions, mime, button, none)
    QApplication.sendEvent(target, drop)
    return drop


def dragged(window: MainWindow, post_id: int) -> QMimeData:
    model = window.drafts.panel.model
    row = model.row_of(post_id)
    assert row is not None
    return model.mimeData([model.index(row)])


def local(at: datetime) -> tuple[date, time]:
    wall = at.astimezone(HELSINKI)
    return wall.date(), wall.time()


def test_a_draft_dropped_on_a_month_day_is_scheduled_at_nine_and_undo_returns_it(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    window, workspace, prompts = rig
    post_id = save(workspace, "Kanelipullat uunista 🥐")
    window.show_page("calendar")
    show_drafts(qtbot, window)
    calendar = window.calendar
    calendar.set_anchor(WEEK_OF)
    grid = calendar.grid
    point = grid.visualRect(calendar.model.index_of(DAY)).center()

    with qtbot.waitSignal(window.drafts.panel.loaded, timeout=5000):
        event = drag_and_drop(grid.viewport(), point, dragged(window, post_id))
    assert event.isAccepted()
    entries = calendar.model.entries_on(DAY)
    assert sorted(e.network.value for e in entries) == ["mastodon", "x"]
    assert {e.state for e in entries} == {S.SCHEDULED}
    assert {local(e.scheduled_at) for e in entries} == {(DAY, time(9, 0))}
    assert listed(window) == [] and prompts.told == []
    assert "Scheduled for" in window.status.currentMessage()

    with qtbot.waitSignal(window.drafts.panel.loaded, timeout=5000):
        window.undo_stack.undo()
    assert calendar.model.entries_on(DAY) == []
    assert listed(window) == ["Kanelipullat uunista 🥐"]


def test_a_draft_dropped_on_a_week_slot_skips_the_account_its_text_is_wrong_for(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    window, workspace, prompts = rig
    post_id = save(workspace, TOO_LONG_FOR_X)
    window.show_page("calendar")
    show_drafts(qtbot, window)
    calendar = window.calendar
    calendar.set_mode("week")
    calendar.set_anchor(WEEK_OF)
    canvas = calendar.week.canvas
    column = next(
        c
        for c in range(7)
        if (found := canvas.time_at(QPoint(int(canvas.gutter + (c + 0.5) * canvas.day_width()), 0)))
        and found.date() == DAY
    )
    x = int(canvas.gutter + (column + 0.5) * canvas.day_width())
    point = QPoint(x, canvas.y_of(time(14, 37)))  # snaps to the quarter hour: 14.30

    with qtbot.waitSignal(window.drafts.panel.loaded, timeout=5000):
        event = drag_and_drop(canvas, point, dragged(window, post_id))
    assert event.isAccepted()
    states = {
        e.network.value: (e.state, local(e.scheduled_at))
        for e in Studio(workspace).entries_between(
            datetime(2031, 3, 1, tzinfo=UTC), datetime(2031, 4, 1, tzinfo=UTC)
        )
    }
    assert states == {
        "mastodon": (S.SCHEDULED, (DAY, time(14, 30))),
        "x": (S.DRAFT, (DAY, time(14, 30))),  # held back, on the calendar as a draft
    }
    ((title, text),) = prompts.told
    assert title == "Errors block scheduling"
    assert "X · Kahvila X" in text and "312" in text and "Mastodon" not in text

    with qtbot.waitSignal(window.drafts.panel.loaded, timeout=5000):
        window.undo_stack.undo()
    assert listed(window)[0].startswith("Liian pitkä")
    assert (
        Studio(workspace).entries_between(
            datetime(2031, 3, 1, tzinfo=UTC), datetime(2031, 4, 1, tzinfo=UTC)
        )
        == []
    )


def test_a_drop_in_the_past_is_refused_with_a_reason(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    window, workspace, prompts = rig
    post_id = save(workspace, "Myöhässä")
    window.show_page("calendar")
    show_drafts(qtbot, window)
    calendar = window.calendar
    calendar.set_anchor(date(2001, 3, 12))
    grid = calendar.grid
    point = grid.visualRect(calendar.model.index_of(date(2001, 3, 13))).center()
    drag_and_drop(grid.viewport(), point, dragged(window, post_id))
    ((_title, text),) = prompts.told
    assert text == "That time has already passed. Drop the draft on a later time."
    assert window.undo_stack.count() == 0 or not window.undo_stack.canUndo()
    assert listed(window) == ["Myöhässä"]


def test_the_drafts_key_brings_the_list_beside_the_calendar_and_is_remembered(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    window, workspace, _prompts = rig
    post_id = save(workspace, "Muistettu luonnos")
    window.show_page("metrics")
    assert not window.drafts.isVisible()
    window.navigation.setFocus()
    show_drafts(qtbot, window)  # from a page it does not stand beside: on to the calendar
    assert window.current_page() == "calendar"
    assert QApplication.focusWidget() is window.drafts.panel.list
    window.show_page("accounts")
    assert not window.drafts.isVisible()  # not beside the other pages
    window.show_page("compose")
    assert window.drafts.isVisible()
    toggle = window.compose.findChild(QWidget, "DraftsToggle")
    assert toggle is not None and toggle.isChecked()  # type: ignore[attr-defined]

    panel = window.drafts.panel
    with qtbot.waitSignal(panel.open_requested) as opened:
        rect = panel.list.visualRect(panel.model.index(0))
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [post_id]
    assert window.compose.editor.toPlainText() == "Muistettu luonnos"

    window.save_state()
    assert workspace.settings.value.drafts_shown is True
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not window.drafts.isVisible()
    window.save_state()
    assert workspace.settings.value.drafts_shown is False


def test_the_drafts_panel_keeps_its_width_when_the_last_draft_goes_and_comes_back(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    """The calendar beside the list does not move when the count goes from one draft to
    none and back (a new user saw its columns shift 15-20 pixels)."""
    window, workspace, _prompts = rig
    only = save(workspace, "Ainoa luonnos")
    window.show_page("calendar")
    show_drafts(qtbot, window)
    panel = window.drafts.panel
    for _ in range(5):
        QApplication.processEvents()
    widths = [window.drafts.width()]
    delete_by_key(qtbot, window, only)
    assert listed(window) == [] and panel.empty.isVisible()
    for _ in range(5):
        QApplication.processEvents()
    widths.append(window.drafts.width())
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Z, CTRL)
    assert listed(window) == ["Ainoa luonnos"]
    for _ in range(5):
        QApplication.processEvents()
    widths.append(window.drafts.width())
    assert widths == [widths[0]] * 3


def test_an_empty_list_says_drafts_on_a_day_are_in_the_calendar(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    """ "No drafts" beside a calendar showing ✎ drafts read as a contradiction (a new
    user's finding): the list holds drafts without a day, and says where the others are."""
    window, _workspace, _prompts = rig
    window.show_page("calendar")
    show_drafts(qtbot, window)
    panel = window.drafts.panel
    assert panel.empty.isVisible()
    assert panel.empty.text().startswith("No drafts without a day.")
    assert "in the calendar, marked ✎" in panel.empty.text()


def test_the_composer_says_when_the_post_open_in_it_is_deleted(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    """Deleted from the Drafts list while open, the post still read "Edit post" with "Not
    scheduled. The post is kept as a draft." (a new user's finding); undone, it is back."""
    window, workspace, _prompts = rig
    first = save(workspace, "Ensimmäinen")
    window.open_post(first)
    window.compose.feedback.setText("Not scheduled. The post is kept as a draft.")
    show_drafts(qtbot, window)
    panel = window.drafts.panel
    delete_by_key(qtbot, window, first)
    said = window.compose.feedback.text()
    assert said.startswith("This post was deleted (Ctrl+Z brings it back);")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClick(panel.list, Qt.Key.Key_Z, CTRL)
    assert listed(window) == ["Ensimmäinen"]
    assert window.compose.feedback.text() == ""


def test_a_selected_drafts_network_marks_stand_out_from_the_selection(qtbot: QtBot) -> None:
    """Instagram's pink mark on the selection's blue all but vanished (a new user's finding):
    on a selected row the marks are drawn in the row's text colour (3:1 and more against
    the highlight), not in the network's own."""
    from PySide6.QtGui import QColor, QPalette  # noqa: PLC0415
    from PySide6.QtWidgets import QListView  # noqa: PLC0415

    from somestudio.ui.drafts.drafts_delegate import DraftsDelegate  # noqa: PLC0415
    from somestudio.ui.theme import colours, contrast_ratio  # noqa: PLC0415
    from somestudio.ui.theme.marks import mark_colour  # noqa: PLC0415

    model = DraftsModel()
    accounts = ((1, Network.INSTAGRAM, "kahvila.aurinko"),)
    model.set_drafts(
        [ShelvedDraft(4, "Kids cookie class", datetime(2031, 1, 1, tzinfo=UTC), accounts, ())]
    )
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(DraftsDelegate(view))
    view.resize(260, 120)
    view.show()
    qtbot.waitExposed(view)
    brand = QColor(mark_colour(Network.INSTAGRAM, dark=colours().dark))  # the scheme in use

    def brand_pixels() -> int:
        """Pixels of the row near Instagram's colour (by hue and all, not by lightness:
        the selection's blue is as light as Instagram's pink)."""
        image = view.viewport().grab().toImage()
        rect = view.visualRect(model.index(0))

        def near(colour: QColor) -> bool:
            return (
                abs(colour.red() - brand.red())
                + abs(colour.green() - brand.green())
                + abs(colour.blue() - brand.blue())
            ) < 60

        return sum(
            near(image.pixelColor(x, y))
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
        )

    assert brand_pixels() > 20  # unselected: the mark in Instagram's colour
    view.setCurrentIndex(model.index(0))
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    text = view.palette().color(QPalette.ColorRole.HighlightedText)
    assert contrast_ratio(text, highlight) >= 3.0
    assert brand_pixels() == 0  # selected: drawn in the row's text colour


# The offscreen platform cannot grab the keyboard for a popup menu (a real display can).
@pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$")
def test_by_keyboard_a_draft_is_put_on_a_day_undone_and_the_panel_closed_with_escape(
    qtbot: QtBot, rig: tuple[MainWindow, Workspace, ScriptedPrompts]
) -> None:
    """Dragging was the only way to put a draft on a day (a keyboard user opened it and
    scheduled it from Compose), and Escape did nothing in the panel. The row's menu (Shift+F10)
    has Put on a day…, which asks the day and the time and schedules as a drop does, one step
    to undo; Escape closes the panel and the keys go back to the page."""
    window, workspace, prompts = rig
    post_id = save(workspace, "Kanelipullat uunista 🥐")
    window.show_page("calendar")
    show_drafts(qtbot, window)
    panel = window.drafts.panel
    assert QApplication.focusWidget() is panel.list
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.current_post_id() == post_id
    qtbot.keyClick(panel.list, Qt.Key.Key_F10, SHIFT)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert [a.text().replace("&", "") for a in menu.actions()] == [
        "Open",
        "Put on a day…",
        "Delete",
    ]
    qtbot.keyClick(menu, Qt.Key.Key_P)  # its mnemonic
    dialog = shown_dialog(qtbot, MoveDialog)
    assert dialog.windowTitle() == "Put draft on a day"
    assert dialog.zone.text() == "Europe/Helsinki"
    dialog.day.setDate(QDate(DAY.year, DAY.month, DAY.day))
    dialog.at.setFocus()
    dialog.at.selectAll()
    qtbot.keyClicks(dialog.at, "10.30")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClick(dialog.at, Qt.Key.Key_Return)  # the default button: Schedule
    assert window.calendar.anchor == DAY  # the calendar went to the day it was put on
    entries = window.calendar.model.entries_on(DAY)
    assert sorted(e.network.value for e in entries) == ["mastodon", "x"]
    assert {local(e.scheduled_at) for e in entries} == {(DAY, time(10, 30))}
    assert listed(window) == [] and prompts.told == []
    assert "Scheduled for" in window.status.currentMessage()

    with qtbot.waitSignal(panel.loaded, timeout=5000):
        window.undo_stack.undo()
    assert listed(window) == ["Kanelipullat uunista 🥐"]

    window.activateWindow()  # (offscreen, no window manager gives it back after the dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Escape)
    assert not window.drafts.isVisible()
    assert not window.drafts.action.isChecked()
    focus = QApplication.focusWidget()
    assert focus is not None and window.calendar.isAncestorOf(focus)
