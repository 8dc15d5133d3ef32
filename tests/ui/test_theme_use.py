"""Pages use the visual system: no colour is written anywhere in ui/ but in ui/theme/, check
boxes and radio buttons can be seen in both schemes, and chips take the scheme's colours."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from somestudio.domain.delivery_state import DeliveryState
from somestudio.ui import states
from somestudio.ui.theme import DARK, LIGHT, TYPE, apply_scheme, colours, contrast_ratio
from tests.ui.conftest import MakeWindow

UI = Path(__file__).resolve().parents[2] / "somestudio" / "ui"
HEX = re.compile(
    r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\brgba?\(|\b(?:background-)?color\s*:\s*[a-z]+"
)

# Folders allowed their own colours for now: none (calendar/ and composer/ have switched).
NOT_YET: tuple[str, ...] = ()


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_scheme(app, Qt.ColorScheme.Dark if request.param == "dark" else Qt.ColorScheme.Light)
    yield str(request.param)
    apply_scheme(app, Qt.ColorScheme.Light)


def _colour_literals(path: Path) -> list[str]:
    """Hex colours and rgb() in strings, and QColor/QBrush built from numbers or names."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [f"{node.lineno}: {m}" for m in HEX.findall(node.value)]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QColor":
            if node.args and all(isinstance(a, ast.Constant) for a in node.args):
                found.append(f"{node.lineno}: QColor({ast.unparse(node.args[0])}, …)")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            named = node.value.attr == "GlobalColor" and node.attr != "transparent"
            if named:
                found.append(f"{node.lineno}: Qt.GlobalColor.{node.attr}")
    return found


def test_no_page_writes_its_own_colours() -> None:
    offenders = {
        str(path.relative_to(UI)): found
        for path in sorted(UI.rglob("*.py"))
        if not str(path.relative_to(UI)).startswith(("theme/", *NOT_YET))
        and (found := _colour_literals(path))
    }
    assert offenders == {}, "take colours from somestudio.ui.theme (colours(), LIGHT, DARK)"


def test_the_literal_finder_finds_literals(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'a = "color: #c62828;"\nb = QColor(229, 57, 53)\nc = Qt.GlobalColor.gray\n'
        'd = "Week #12"\ne = Qt.GlobalColor.transparent\nf = "QLabel { color: red }"\n',
        encoding="utf-8",
    )
    assert [f.split(":")[0] for f in _colour_literals(sample)] == ["1", "2", "3", "6"]


def _edge_contrast(widget: QWidget) -> float:
    """The strongest contrast of any pixel in the indicator's square against the window."""
    widget.resize(widget.sizeHint())
    image: QImage = widget.grab().toImage()
    window = widget.palette().color(widget.backgroundRole())
    side = min(image.height(), 24)
    return max(
        contrast_ratio(image.pixelColor(x, y), window) for x in range(side) for y in range(side)
    )


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_unticked_indicators_stand_out_from_the_window(
    qtbot: QtBot, scheme: str, kind: type[QCheckBox] | type[QRadioButton]
) -> None:
    control = kind("Julkaise")
    qtbot.addWidget(control)
    assert not control.isChecked()
    assert colours().dark == (scheme == "dark")
    assert _edge_contrast(control) >= 3.0


def test_item_view_check_indicators_stand_out_in_dark(qtbot: QtBot, scheme: str) -> None:
    from PySide6.QtWidgets import QListWidget, QListWidgetItem  # noqa: PLC0415

    view = QListWidget()
    qtbot.addWidget(view)
    item = QListWidgetItem("Mastodon")
    item.setCheckState(Qt.CheckState.Unchecked)
    view.addItem(item)
    view.resize(200, 60)
    image = view.viewport().grab().toImage()
    base = view.palette().color(view.viewport().backgroundRole())
    rect = view.visualItemRect(item)
    best = max(
        contrast_ratio(image.pixelColor(x, y), base)
        for x in range(rect.left(), rect.left() + rect.height())
        for y in range(rect.top(), rect.bottom())
    )
    assert best >= 3.0


def test_state_colours_follow_the_scheme_when_read(scheme: str) -> None:
    expected = DARK if scheme == "dark" else LIGHT
    background, text = states.state_colours(DeliveryState.SCHEDULED)
    assert (background, text) == (expected.state(DeliveryState.SCHEDULED), expected.text)
    assert contrast_ratio(QColor(text), QColor(background)) >= 4.5


def test_the_agendas_day_headings_meet_aa(qtbot: QtBot, scheme: str) -> None:
    """A day's heading took the disabled grey of a row that cannot be chosen: #bebebe on
    white, 1.9:1 (a new user's finding). Read from the pixels as shown, in both schemes."""
    from datetime import UTC, date, datetime  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from PySide6.QtCore import QLocale  # noqa: PLC0415

    from somestudio.domain.networks import Network  # noqa: PLC0415
    from somestudio.domain.posts import ScheduledEntry  # noqa: PLC0415
    from somestudio.ui.calendar.agenda_view import AgendaModel, AgendaView  # noqa: PLC0415

    day = date(2031, 3, 20)
    entry = ScheduledEntry(
        delivery_id=1, post_id=1, account_id=1, network=Network.LOCAL, account_label="arkisto",
        state=DeliveryState.SCHEDULED, scheduled_at=datetime(2031, 3, 20, 7, tzinfo=UTC),
        time_zone="Europe/Helsinki", text="Glögi ja korvapuusti tänään", media_count=0,
    )  # fmt: skip
    model = AgendaModel(ZoneInfo("Europe/Helsinki"), QLocale())
    model.set_days({day: [entry], date(2031, 3, 21): [entry]})
    view = AgendaView(model)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    assert colours().dark == (scheme == "dark")
    image = view.viewport().grab().toImage()
    background = view.viewport().palette().color(view.viewport().backgroundRole())
    for row in (0, 2):  # each heading: its darkest (lightest, in dark) pixel against the list
        rect = view.visualRect(model.index(row, 0))
        shown = max(
            (image.pixelColor(x, y) for x in range(rect.left(), rect.right())
             for y in range(rect.top(), rect.bottom())),
            key=lambda colour: contrast_ratio(colour, background),
        )  # fmt: skip
        assert contrast_ratio(shown, background) >= 4.5, (scheme, shown.name(), background.name())


def test_old_state_names_stay_light_for_dark_text() -> None:
    assert dict(states.BACKGROUNDS) == dict(LIGHT.states)
    assert LIGHT.by_hand == states.BY_HAND_BACKGROUND


def _colours_in(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    }


def test_the_month_plan_paints_campaigns_in_the_schemes_colours(
    qtbot: QtBot, home: Path, scheme: str
) -> None:
    """Two campaigns, one never given a colour (the database's default grey) and one given
    the theme's fourth: each shows its own theme colour, the dark variant in dark, also when
    the scheme changed after the plan was built."""
    from datetime import UTC, datetime, timedelta  # noqa: PLC0415
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415
    from somestudio.app.planning import Planner  # noqa: PLC0415
    from somestudio.app.studio import Studio  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.domain.networks import Network  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415
    from somestudio.ui.planning.month_plan_view import MonthPlanView  # noqa: PLC0415
    from somestudio.ui.theme.campaigns import UNCHOSEN  # noqa: PLC0415

    zone = ZoneInfo("Europe/Helsinki")
    workspace = open_workspace(home)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account_rows.add_account(conn, Network.MASTODON, "@kanelikahvila")
        first = datetime(2031, 1, 6, 10, 0, tzinfo=zone)
        planner = Planner(workspace, now=lambda: first.astimezone(UTC) - timedelta(days=3))
        PlanLibrary(workspace).save_label("Talvi", LIGHT.campaign[3])
        planner.schedule_post("Glögi", [1], at=first, zone=zone.key, labels=["Joulu"])
        planner.schedule_post(
            "Pulla", [1], at=first + timedelta(days=7), zone=zone.key, labels=["Talvi"]
        )
        assert dict(Studio(workspace).labels())["Joulu"] == UNCHOSEN
        # Built in the other scheme, shown after the switch: colours are read when painting.
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        wanted = Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light
        other_scheme = Qt.ColorScheme.Light if scheme == "dark" else Qt.ColorScheme.Dark
        apply_scheme(app, other_scheme)
        view = MonthPlanView(Studio(workspace), zone)
        qtbot.addWidget(view)
        view.set_month(2031, 1)
        apply_scheme(app, wanted)
        view.resize(900, 300)
        view.show()
        qtbot.waitExposed(view)
        seen = _colours_in(view.table.viewport().grab().toImage())
    finally:
        workspace.close()
    expected = DARK if scheme == "dark" else LIGHT
    other = LIGHT if scheme == "dark" else DARK
    assert expected.campaign[3] in seen  # Talvi, as chosen
    assert expected.campaign[0] in seen  # Joulu: the first colour nobody chose
    assert other.campaign[3] not in seen
    assert UNCHOSEN not in seen


@pytest.mark.parametrize("chosen", ["#fdd835", "#000080", "#607d8b", "#ffffff", "#000000"])
def test_any_campaign_colour_stands_out_from_the_surface(chosen: str) -> None:
    from somestudio.ui.theme.campaigns import campaign_colours  # noqa: PLC0415

    for palette in (LIGHT, DARK):
        shown = campaign_colours([("Oma", chosen)], palette)["Oma"]
        assert contrast_ratio(shown, palette.surface) >= 3.0, (chosen, palette.dark, shown)


def test_message_icons_are_the_themes_in_both_schemes(scheme: str) -> None:
    from PySide6.QtWidgets import QStyle  # noqa: PLC0415

    from somestudio.ui.theme.icons import Status, status_pixmap  # noqa: PLC0415

    expected = DARK if scheme == "dark" else LIGHT
    style = QApplication.style()
    icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
    image = icon.pixmap(32, 32).toImage()
    assert image.pixelColor(6, 16).name() == expected.danger  # the disc, left of the cross
    assert image.pixelColor(16, 16).name() == expected.surface  # the cross
    warning = status_pixmap(Status.WARNING, 32, dark=expected.dark).toImage()
    assert warning.pixelColor(16, 28).name() == expected.warning


def test_dialog_buttons_are_words_only(qtbot: QtBot, scheme: str) -> None:
    from PySide6.QtWidgets import QDialogButtonBox  # noqa: PLC0415

    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert all(button.icon().isNull() for button in box.buttons())


def test_a_chart_redraws_in_the_new_schemes_colours(qtbot: QtBot) -> None:
    """The scheme changes while the Metrics page is open: the lines follow."""
    from datetime import UTC, datetime  # noqa: PLC0415

    from somestudio.domain.metrics import AccountPoint  # noqa: PLC0415
    from somestudio.ui.metrics.charts import FollowersChart  # noqa: PLC0415

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_scheme(app, Qt.ColorScheme.Light)
    chart = FollowersChart()
    qtbot.addWidget(chart)
    points = [
        AccountPoint(datetime(2030, 1, day, tzinfo=UTC), followers=100 + day) for day in (1, 2)
    ]
    chart.set_series({"Mastodon · Kanelikahvila": points})

    def line_colour() -> str:
        (curve,) = chart.getPlotItem().listDataItems()
        return str(curve.opts["pen"].color().name())

    assert line_colour() == LIGHT.series[0].lower()
    try:
        apply_scheme(app, Qt.ColorScheme.Dark)
        QApplication.processEvents()
        assert line_colour() == DARK.series[0].lower()
    finally:
        apply_scheme(app, Qt.ColorScheme.Light)


def test_a_legend_line_for_an_account_starts_with_its_mark(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel  # noqa: PLC0415

    from somestudio.ui.metrics.chart_parts import Legend  # noqa: PLC0415

    legend = Legend()
    qtbot.addWidget(legend)
    legend.set_entries([("Mastodon · Kanelikahvila", QColor(LIGHT.series[0]))])
    marks = legend.findChildren(QLabel, "NetworkMark")
    assert len(marks) == 1 and not marks[0].pixmap().isNull()
    legend.set_entries([("This period", QColor(LIGHT.series[0]))])
    from PySide6.QtCore import QEvent  # noqa: PLC0415

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # old lines go
    assert legend.findChildren(QLabel, "NetworkMark") == []
    assert legend.names() == ["This period"]


def test_selected_rows_text_meets_aa(scheme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette = app.palette()
    highlight = palette.color(palette.ColorRole.Highlight)
    text = palette.color(palette.ColorRole.HighlightedText)
    assert contrast_ratio(highlight, text) >= 4.5
    assert highlight.name() == (DARK if scheme == "dark" else LIGHT).selection


def test_the_colour_menu_offers_the_themes_campaign_colours(
    qtbot: QtBot, home: Path, scheme: str
) -> None:
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.ui.planning.campaigns_view import CampaignsView  # noqa: PLC0415

    workspace = open_workspace(home)
    try:
        library = PlanLibrary(workspace)
        library.save_label("Joulu", LIGHT.campaign[0])
        view = CampaignsView(library)
        qtbot.addWidget(view)
        assert view.colour == LIGHT.campaign[1]  # a new label starts with a free colour
        view.colour_menu.aboutToShow.emit()
        actions = [a for a in view.colour_menu.actions() if not a.isSeparator()]
        assert len(actions) == len(LIGHT.campaign) + 1  # then "Other colour…"
        expected = DARK if scheme == "dark" else LIGHT
        shown = actions[2].icon().pixmap(16, 16).toImage().pixelColor(8, 8).name()
        assert shown == expected.campaign[2]
        actions[2].trigger()
        view.name.setText("Talvi")
        view.save_label()
        assert dict(library.labels())["Talvi"] == LIGHT.campaign[2]  # stored as the light one
    finally:
        workspace.close()


def test_the_metrics_filters_marks_follow_a_scheme_change(qtbot: QtBot) -> None:
    """X's mark is black in light and light in dark: the filters' icons change with it."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    from somestudio.domain.networks import Network  # noqa: PLC0415
    from somestudio.domain.posts import Account  # noqa: PLC0415
    from somestudio.ui.metrics.filter_bar import FilterBar  # noqa: PLC0415
    from somestudio.ui.theme.marks import mark_colour  # noqa: PLC0415

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_scheme(app, Qt.ColorScheme.Light)
    bar = FilterBar(ZoneInfo("Europe/Helsinki"))
    qtbot.addWidget(bar)
    bar.set_accounts([Account(1, Network.X, "kanelikahvila")], [])

    def inks() -> set[str]:
        found = set()
        for combo in (bar.channel, bar.account):
            image = combo.itemIcon(1).pixmap(24, 24).toImage()
            found |= {
                image.pixelColor(x, y).name()
                for x in range(24)
                for y in range(24)
                if image.pixelColor(x, y).alpha() == 255
            }
        return found

    assert inks() == {mark_colour(Network.X, dark=False)}
    try:
        apply_scheme(app, Qt.ColorScheme.Dark)
        QApplication.processEvents()
        assert inks() == {mark_colour(Network.X, dark=True)}
    finally:
        apply_scheme(app, Qt.ColorScheme.Light)


@pytest.mark.parametrize("page", ["compose", "calendar", "plan", "metrics", "accounts", "settings"])
def test_page_icons_are_drawn_in_the_palettes_text_colours(scheme: str, page: str) -> None:
    from PySide6.QtCore import QSize  # noqa: PLC0415
    from PySide6.QtGui import QIcon, QPalette  # noqa: PLC0415

    from somestudio.ui.theme.icons import page_icon  # noqa: PLC0415

    palette = QApplication.palette()
    for mode, role in (
        (QIcon.Mode.Normal, QPalette.ColorRole.WindowText),
        (QIcon.Mode.Selected, QPalette.ColorRole.HighlightedText),
    ):
        image = page_icon(page).pixmap(QSize(20, 20), mode).toImage()
        solid = {
            image.pixelColor(x, y).name()
            for x in range(20)
            for y in range(20)
            if image.pixelColor(x, y).alpha() == 255
        }
        assert solid == {palette.color(role).name()}, (page, mode)


def test_every_page_has_a_title_in_one_style_from_the_type_scale(
    home: Path, make_window: MakeWindow
) -> None:
    window = make_window(home)
    for key in ("compose", "plan", "inbox", "metrics", "accounts", "settings"):
        window.page(key)
    titles = {label.text(): label.font() for label in window.findChildren(QLabel, "PageTitle")}
    pages = {"New post", "Plan", "Inbox", "Metrics", "Accounts", "Settings"}
    assert pages <= set(titles)  # Inbox had none
    wanted = QApplication.font().pointSizeF() * TYPE.title
    for text in pages:
        font = titles[text]
        # Plan's was big and bold, the others the body's size and weight.
        assert font.pointSizeF() == pytest.approx(wanted), text
        assert font.weight() == QFont.Weight.DemiBold, text


@pytest.mark.parametrize("kind", ["tool", "push"])
def test_a_chosen_button_stands_out_from_its_neighbours(
    qtbot: QtBot, scheme: str, kind: str
) -> None:
    """The calendar's Month | Week | Agenda: in the dark scheme Fusion drew the chosen one
    like the others (a new user's finding). A checked button carries a mark in the accent
    colour that stands 3:1 from the button (WCAG 2.2 non-text contrast); an unchecked one
    none."""
    from PySide6.QtWidgets import QPushButton, QToolButton  # noqa: PLC0415

    def made(checked: bool) -> QWidget:
        button = QToolButton() if kind == "tool" else QPushButton()
        button.setText("Agenda")
        button.setCheckable(True)
        button.setChecked(checked)
        qtbot.addWidget(button)
        button.resize(90, 28)
        return button

    def accent_pixels(button: QWidget) -> int:
        image = button.grab().toImage()
        accent = QColor(colours().accent)
        return sum(
            image.pixelColor(x, y).rgb() == accent.rgb()
            for x in range(image.width())
            for y in range(image.height())
        )

    chosen, other = made(True), made(False)
    assert accent_pixels(other) == 0
    assert accent_pixels(chosen) >= 60  # a bar along the bottom, not a stray pixel
    face = chosen.grab().toImage().pixelColor(chosen.width() // 2, 4)
    assert contrast_ratio(QColor(colours().accent), face) >= 3.0


def test_a_text_box_or_a_list_holding_the_keyboard_has_an_accent_frame(
    qtbot: QtBot, scheme: str
) -> None:
    """Fusion drew the same grey frame round the composer's text, the accounts list or an
    empty Problems list whether the keyboard was in it or not (a keyboard user's finding;
    WCAG 2.4.7): the one holding it has its frame in the accent colour, the others not."""
    from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QVBoxLayout  # noqa: PLC0415

    holder = QWidget()
    qtbot.addWidget(holder)
    text, listed = QPlainTextEdit(), QListWidget()
    listed.addItems(["Bluesky", "Mastodon"])
    layout = QVBoxLayout(holder)
    layout.addWidget(text)
    layout.addWidget(listed)
    holder.resize(300, 300)
    holder.show()
    with qtbot.waitActive(holder):
        holder.activateWindow()
    accent = QColor(colours().accent).rgb()

    def framed(widget: QWidget) -> bool:
        image = widget.grab().toImage()
        edge = [(0, image.height() // 2), (image.width() // 2, 0), (image.width() - 1, 9)]
        return all(image.pixelColor(x, y).rgb() == accent for x, y in edge)

    text.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(text.hasFocus)
    assert framed(text) and not framed(listed)
    listed.setFocus(Qt.FocusReason.MouseFocusReason)  # by mouse too: a text box shows it
    qtbot.waitUntil(listed.hasFocus)
    assert framed(listed) and not framed(text)


def test_a_dialog_opened_from_the_keyboard_shows_its_focus_at_once(qtbot: QtBot) -> None:
    """Qt marks the focus in a window only once Tab has moved in it: the first control of a
    dialog opened by a shortcut had no mark until Tab went away and came back (a keyboard
    user's finding). A dialog opened from a window where the keyboard is used marks it at
    once; one opened from a window only clicked in, as Qt does."""
    from PySide6.QtWidgets import QComboBox, QDialog, QPushButton, QVBoxLayout  # noqa: PLC0415

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_scheme(app, Qt.ColorScheme.Light)  # (the theme's style in)
    keyboard = Qt.WidgetAttribute.WA_KeyboardFocusChange
    for used in (False, True):
        window = QWidget()
        qtbot.addWidget(window)
        column = QVBoxLayout(window)
        column.addWidget(QPushButton("Yksi"))
        column.addWidget(QPushButton("Kaksi"))
        window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        if used:
            qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        assert window.testAttribute(keyboard) is used
        dialog = QDialog(window)
        QVBoxLayout(dialog).addWidget(QComboBox())
        dialog.show()
        with qtbot.waitActive(dialog):
            dialog.activateWindow()
        handle = dialog.windowHandle()
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is handle)  # noqa: B023
        assert dialog.testAttribute(keyboard) is used
        dialog.close()
        window.close()
