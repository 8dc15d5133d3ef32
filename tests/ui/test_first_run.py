"""The first start: the welcome on an empty data folder (once, never in the demo), a first
account added through it with Qt's real folder chooser, publish-by-hand and Local archive
accounts added from the Accounts page without a keyring, and the empty calendar's hint.
Screenshots in artifacts/first-run-*.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import Accounts
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.secrets import SecretStore
from somestudio.ui.accounts.add_dialogs import ByHandDialog, LocalArchiveDialog
from somestudio.ui.accounts.connect_dialog import ConnectDialog
from somestudio.ui.first_run.welcome_dialog import WelcomeDialog
from somestudio.ui.i18n import install_language
from somestudio.ui.main_window import MainWindow
from somestudio.ui.pages.accounts_page import AccountsPage
from somestudio.ui.tasks import Tasks
from tests.e2e.conftest import REPO_ROOT

from .a11y import clipped, reading_order_problems, tab_chain, unnamed
from .conftest import FIXED_NOON, HELSINKI, MakeWindow


def _shoot(widget: QWidget, name: str) -> None:
    folder = REPO_ROOT / "artifacts"
    folder.mkdir(exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(folder / f"first-run-{name}.png"))


def _welcome(qtbot: QtBot, window: MainWindow) -> WelcomeDialog:
    window.show()
    qtbot.waitExposed(window)
    assert window.show_welcome_if_new()
    welcome = window.welcome
    assert isinstance(welcome, WelcomeDialog)
    qtbot.waitExposed(welcome)
    return welcome


def _button(root: QWidget, accessible_name: str) -> QWidget:
    """A control found the way a screen reader finds it: by its accessible name."""
    found = [w for w in root.findChildren(QWidget) if w.accessibleName() == accessible_name]
    assert len(found) == 1, f"{accessible_name!r}: {found}"
    return found[0]


def _activate(qtbot: QtBot, dialog: QWidget) -> None:
    """The offscreen platform does not activate a new window by itself, as a desktop does."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def _choose_folder_in(qtbot: QtBot, chooser: QFileDialog, folder: Path) -> None:
    """Type the folder into Qt's own chooser and press Enter, as a person would."""
    assert chooser.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert chooser.fileMode() is QFileDialog.FileMode.Directory
    qtbot.waitExposed(chooser)
    name_field = chooser.findChild(QLineEdit, "fileNameEdit")
    assert name_field is not None
    name_field.setFocus()
    # At a person's pace: the chooser's completer reads folders on a thread as one types.
    qtbot.keyClicks(name_field, str(folder), delay=20)
    qtbot.waitUntil(lambda: name_field.text() == str(folder))
    qtbot.keyClick(name_field, Qt.Key.Key_Return)


# The chooser's completer pops up while typing; the offscreen plugin cannot grab the keyboard
# for it (a limit of that plugin only, like the propagateSizeHints one in pyproject.toml).
@pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$")
def test_an_empty_folder_is_welcomed_and_a_local_archive_added_through_it(
    qtbot: QtBot, home: Path, tmp_path: Path, make_window: MakeWindow
) -> None:
    window = make_window(home)
    window.resize(1200, 800)
    welcome = _welcome(qtbot, window)
    assert welcome.windowTitle() == "Welcome to Some Studio"
    assert unnamed(welcome) == []
    _shoot(welcome, "welcome")
    # The calendar behind it says what to do, not a blank grid.
    hint = window.calendar.empty_hint
    qtbot.waitUntil(lambda: not window.calendar.model.loading)  # the month is read on a worker
    qtbot.waitUntil(hint.isVisible)
    assert "No accounts yet" in hint.text.text()

    qtbot.mouseClick(_button(welcome, "Add a Local archive account"), Qt.MouseButton.LeftButton)
    dialog = welcome.dialog
    assert isinstance(dialog, LocalArchiveDialog)
    qtbot.waitExposed(dialog)
    assert dialog.folder.text() == str(home / "archive")  # the suggestion: in the data folder
    assert unnamed(dialog) == []
    assert dialog.focusWidget() is dialog.name
    _activate(qtbot, dialog)
    assert tab_chain(qtbot, dialog.name)[:4] == [
        dialog.name,
        dialog.folder,
        dialog.choose_button,
        dialog.add_button,
    ]
    _shoot(dialog, "local-archive")
    qtbot.mouseClick(_button(dialog, "Choose the archive folder"), Qt.MouseButton.LeftButton)
    chooser = dialog.folder_dialog
    assert isinstance(chooser, QFileDialog)
    archive = tmp_path / "Kahvilan arkisto"
    archive.mkdir()
    _choose_folder_in(qtbot, chooser, archive)
    qtbot.waitUntil(lambda: dialog.folder.text() == str(archive))
    dialog.name.setText("Kahvilan arkisto")
    with qtbot.waitSignal(welcome.account_added, timeout=10_000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.welcome is None)

    accounts = window._studio.accounts()
    assert [(a.network, a.handle, a.options["folder"]) for a in accounts] == [
        (Network.LOCAL, "Kahvilan arkisto", str(archive.resolve()))
    ]
    assert window._settings.value.welcome_seen
    assert "No posts yet" in hint.text.text()
    window.show_page("accounts")
    model = window.accounts.model
    assert [model.account(r).handle for r in range(model.rowCount())] == ["Kahvilan arkisto"]
    window.show_page("compose")
    composer_accounts = window.compose.accounts
    assert [composer_accounts.item(r).text() for r in range(composer_accounts.count())] == [
        "Local archive · Kahvilan arkisto"
    ]


def test_the_empty_calendar_offers_the_first_post(
    qtbot: QtBot, home: Path, make_window: MakeWindow
) -> None:
    window = make_window(home)
    window.show()
    window.show_page("calendar")
    hint = window.calendar.empty_hint
    qtbot.mouseClick(_button(hint, "Add an account"), Qt.MouseButton.LeftButton)
    assert window.current_page() == "accounts"
    Accounts(window._studio.workspace).add_by_hand(Network.INSTAGRAM, "@kahvila")
    window.show_page("calendar")
    window.calendar.reload()
    assert hint.text.text() == "No posts yet — press Ctrl+N to write your first post."
    _shoot(window, "empty-calendar")
    qtbot.mouseClick(_button(hint, "Write your first post"), Qt.MouseButton.LeftButton)
    assert window.current_page() == "compose"
    window.compose.editor.setPlainText("Ensimmäinen")
    window._studio.save_draft("Ensimmäinen", [window._studio.accounts()[0].id])
    window.calendar.reload()
    assert hint.isHidden()


@pytest.mark.parametrize("language", ["en", "fi"])
@pytest.mark.parametrize("size", [(1024, 768), (800, 600)])
def test_the_empty_calendars_hint_shows_every_line(
    qtbot: QtBot, home: Path, make_window: MakeWindow, language: str, size: tuple[int, int]
) -> None:
    """A new user at 1024 × 768 saw only the tops of the hint's second line: the welcome, a
    window of its own (with no frame where no window manager draws one), lay over it. The
    hint itself has the height of all its lines, behind the welcome and once it is gone."""
    installed = install_language(language)
    try:
        window = make_window(home, locale=installed.locale)
        window.resize(*size)
        welcome = _welcome(qtbot, window)
        hint = window.calendar.empty_hint
        qtbot.waitUntil(lambda: not window.calendar.model.loading)  # read on a worker
        qtbot.waitUntil(hint.isVisible)
        text = hint.text
        assert text.text().startswith(("No accounts yet", "Ei vielä tilejä"))
        lines = text.heightForWidth(text.width()) // text.fontMetrics().lineSpacing()
        assert lines >= 2  # wrapped at these widths, as the user saw it
        assert text.height() >= text.heightForWidth(text.width())
        assert clipped(hint) == []
        qtbot.keyClick(welcome, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.welcome is None)
        assert text.height() >= text.heightForWidth(text.width())
    finally:
        installed.remove()


def test_the_welcome_is_walked_by_tab_in_reading_order(
    qtbot: QtBot, home: Path, make_window: MakeWindow
) -> None:
    window = make_window(home)
    welcome = _welcome(qtbot, window)
    assert welcome.focusWidget() is welcome.local_button  # the first choice, ready
    chain = tab_chain(qtbot, welcome.language)
    assert chain == [
        welcome.language,
        welcome.local_button,
        welcome.by_hand_button,
        welcome.network,
        welcome.sign_in_button,
        welcome.demo_button,
        welcome.skip_button,
    ]
    assert reading_order_problems(chain[:-1], welcome) == []


def test_the_welcome_is_not_shown_again_once_closed(
    qtbot: QtBot, home: Path, make_window: MakeWindow
) -> None:
    window = make_window(home)
    welcome = _welcome(qtbot, window)
    qtbot.keyClick(welcome, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.welcome is None)
    assert window._settings.value.welcome_seen
    window.close()
    again = make_window(home)  # the next start, on the same (still empty) folder
    again.show()
    assert not again.show_welcome_if_new()
    assert again.welcome is None


def test_the_demo_and_a_used_folder_get_no_welcome(
    qtbot: QtBot, home: Path, demo_home: Path, make_window: MakeWindow
) -> None:
    for folder, demo in ((home, True), (demo_home, True), (demo_home, False)):
        workspace = open_workspace(folder)
        try:
            window = MainWindow(
                Studio(workspace),
                workspace.settings,
                HELSINKI,
                home=folder,
                log_file=folder / "logs" / "x.log",
                demo=demo,
                now=lambda: FIXED_NOON,
            )
            qtbot.addWidget(window)
            window.show()
            assert not window.show_welcome_if_new(), (folder.name, demo)
            window.close()
        finally:
            workspace.close()


def test_the_welcome_starts_the_demo_or_says_how(
    qtbot: QtBot, home: Path, make_window: MakeWindow
) -> None:
    window = make_window(home)
    welcome = _welcome(qtbot, window)
    started: list[bool] = []

    def cannot_start() -> bool:  # no process is started from a test
        started.append(True)
        return False

    welcome._demo_starter = cannot_start
    qtbot.mouseClick(_button(welcome, "Open the demo"), Qt.MouseButton.LeftButton)
    assert started == [True]
    assert "somestudio --demo" in welcome.status.text()
    welcome._demo_starter = lambda: True
    qtbot.mouseClick(_button(welcome, "Open the demo"), Qt.MouseButton.LeftButton)
    assert "own window" in welcome.status.text()
    assert welcome.isVisible()  # the demo is a look around: the welcome stays


def test_choosing_finnish_in_the_welcome_offers_a_restart(
    qtbot: QtBot, home: Path, make_window: MakeWindow
) -> None:
    window = make_window(home)
    welcome = _welcome(qtbot, window)
    welcome.language.setCurrentIndex(welcome.language.findData("fi"))
    assert window._settings.value.language == "fi"
    restart = _button(welcome, "Käynnistä Some Studio uudelleen suomeksi")
    assert isinstance(restart, QPushButton)
    assert restart.text() == "Käynnistä uudelleen suomeksi"  # in the language chosen
    assert restart.isVisible()
    # Said in the chosen language too, not "Some Studio speaks Suomi from the next start."
    assert welcome.status.text() == "Some Studio on suomeksi seuraavasta käynnistyksestä alkaen."
    quits: list[bool] = []
    window.quit_requested.connect(lambda: quits.append(window.restart_wanted))
    qtbot.mouseClick(restart, Qt.MouseButton.LeftButton)
    assert quits == [True]
    welcome.reject()  # as the quit closes it: the welcome comes back after the restart
    assert not window._settings.value.welcome_seen


def test_choosing_english_in_the_finnish_welcome_offers_the_restart_in_english(
    qtbot: QtBot, home: Path, make_window: MakeWindow
) -> None:
    installed = install_language("fi")
    try:
        window = make_window(home)
        welcome = _welcome(qtbot, window)
        welcome.language.setCurrentIndex(welcome.language.findData("en"))
        restart = _button(welcome, "Restart Some Studio in English")
        assert isinstance(restart, QPushButton)
        assert restart.isVisible()
        assert restart.text() == "Restart in English"  # not "Käynnistä uudelleen kielellä English"
        assert welcome.status.text() == "Some Studio speaks English from the next start."
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())


# ---------------------------------------------------------------------- the Accounts page


def _page_without_keyring(qtbot: QtBot, workspace: Workspace) -> AccountsPage:
    page = AccountsPage(
        Studio(workspace),
        accounts=Accounts(workspace, SecretStore(backend=fail.Keyring())),
        tasks=Tasks(synchronous=True),
    )
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    return page


def _menu_action(page: AccountsPage, text: str) -> None:
    menu = page.connect_button.menu()
    assert isinstance(menu, QMenu)
    (action,) = [a for a in menu.actions() if a.text() == text]
    action.trigger()


def test_a_publish_by_hand_instagram_account_is_added_without_a_keyring(
    qtbot: QtBot, workspace: Workspace
) -> None:
    page = _page_without_keyring(qtbot, workspace)
    assert page.banner.isVisible()  # no keyring here, and it says so
    _menu_action(page, "Publish by hand (any network)…")
    dialog = page.dialog
    assert isinstance(dialog, ByHandDialog)
    networks = [dialog.network.itemText(i) for i in range(dialog.network.count())]
    # Every network but the Local archive, in the descriptors' order (the Add account menu's).
    assert networks == [
        "Bluesky",
        "Mastodon",
        "X",
        "LinkedIn",
        "Facebook Page",
        "Instagram",
        "Threads",
        "Pinterest",
        "TikTok",
        "YouTube",
    ]
    assert unnamed(dialog) == []
    _activate(qtbot, dialog)
    assert tab_chain(qtbot, dialog.network) == [
        dialog.network,
        dialog.handle,
        dialog.display_name,
        dialog.add_button,
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel),
    ]
    dialog.network.setCurrentIndex(networks.index("Instagram"))
    qtbot.keyClicks(dialog.handle, "@kahvila.aurinko")
    dialog.display_name.setText("Kahvila Aurinko")
    _shoot(dialog, "by-hand")
    qtbot.keyClick(dialog.handle, Qt.Key.Key_Return)  # Enter adds (it does not cancel)
    (account,) = Studio(workspace).accounts()
    assert (account.network, account.handle, account.publish_method) == (
        Network.INSTAGRAM,
        "@kahvila.aurinko",
        PublishMethod.MANUAL,
    )
    assert page.model.rowCount() == 1
    assert str(page.model.index(0, 4).data()) == "By hand"
    # The same name again is refused in words, and nothing is added twice.
    _menu_action(page, "Publish by hand (any network)…")
    again = page.dialog
    assert isinstance(again, ByHandDialog)
    again.network.setCurrentIndex(networks.index("Instagram"))
    again.handle.setText("@kahvila.aurinko")
    again.add_button.click()
    assert again.status.text() == "There already is an account named “@kahvila.aurinko” here."
    assert len(Studio(workspace).accounts()) == 1


def test_tiktok_opens_the_by_hand_dialog(qtbot: QtBot, workspace: Workspace) -> None:
    page = _page_without_keyring(qtbot, workspace)
    page.open_connect(Network.TIKTOK)  # nothing to sign in to: the one by-hand dialog
    dialog = page.dialog
    assert isinstance(dialog, ByHandDialog)
    assert dialog.chosen_network() is Network.TIKTOK


def test_a_local_archive_is_added_from_the_accounts_page_without_a_keyring(
    qtbot: QtBot, workspace: Workspace, home: Path
) -> None:
    page = _page_without_keyring(qtbot, workspace)
    _menu_action(page, "Local archive (a folder on this computer)…")
    dialog = page.dialog
    assert isinstance(dialog, LocalArchiveDialog)
    (home / "archive").write_text("a file in the way")
    dialog.add_button.click()
    assert "is a file, not a folder" in dialog.status.text()
    dialog.folder.setText(str(home / "posts" / "archive"))  # made when missing
    dialog.add_button.click()
    assert not dialog.isVisible()
    (account,) = Studio(workspace).accounts()
    assert account.publish_method is PublishMethod.FOLDER
    assert Path(str(account.options["folder"])).is_dir()
    assert str(page.model.index(0, 4).data()) == "Folder"


def test_the_no_keyring_message_is_all_finnish(qtbot: QtBot, workspace: Workspace) -> None:
    installed = install_language("fi")
    try:
        page = _page_without_keyring(qtbot, workspace)
        text = page.banner.text()
        assert text.startswith("Ei turvallista tallennusta")
        assert "avainnippu" in text
        assert "no keyring service" not in text  # the reason was English before
        assert "avainnippupalvelu (kuten GNOME Keyring tai KWallet) ei ole käynnissä" in text
        assert "Lisää tili" in text  # and it says where to add the ones that work
        assert page.connect_button.text() == QCoreApplication.translate(
            "AccountsPage", "Add account"
        )
        _shoot(page, "no-keyring-fi")
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())


def test_signing_in_without_a_keyring_says_so_in_finnish(
    qtbot: QtBot, workspace: Workspace
) -> None:
    installed = install_language("fi")
    try:
        page = _page_without_keyring(qtbot, workspace)
        _menu_action(page, "Mastodon…")
        dialog = page.dialog
        assert isinstance(dialog, ConnectDialog)
        dialog.line("service").setText("m.example")
        dialog.line("token").setText("a-token-123456")
        dialog.connect_button.click()
        text = dialog.status.text()
        assert text.startswith("Turvallista avainnippua ei ole käytettävissä"), text
        assert "Paikallinen arkisto" in text
        assert page.model.rowCount() == 0
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())


def test_text_brought_back_after_a_crash_gets_no_welcome(
    qtbot: QtBot, home: Path, make_window: MakeWindow
) -> None:
    first = make_window(home)
    first.show_page("compose")
    first.compose.editor.setPlainText("Kesken jäänyt ajatus")
    first.compose.autosave()  # then the process dies: no welcome was ever closed
    again = make_window(home)
    again.show()
    assert again.current_page() == "compose"
    assert not again.show_welcome_if_new()
