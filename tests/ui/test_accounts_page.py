"""The Accounts page and its connect dialogs: real widgets, a real gnome-keyring, a Mastodon
server on 127.0.0.1; screenshots in artifacts/accounts-*.png."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import Accounts
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.secrets import SecretStore
from somestudio.store import accounts as rows
from somestudio.store.database import transaction
from somestudio.ui.accounts.connect_dialog import ConnectDialog
from somestudio.ui.pages.accounts_page import AccountsPage
from somestudio.ui.tasks import Tasks
from tests.e2e.conftest import REPO_ROOT

TOKEN = "ui-mastodon-token-1234567"


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


def _page(qtbot: QtBot, workspace: Workspace, store: SecretStore) -> AccountsPage:
    page = AccountsPage(
        Studio(workspace), accounts=Accounts(workspace, store), tasks=Tasks(synchronous=True)
    )
    qtbot.addWidget(page)
    page.resize(1100, 640)
    return page


def _add(
    workspace: Workspace,
    network: Network,
    handle: str,
    *,
    method: PublishMethod = PublishMethod.API,
    **options: object,
) -> int:
    conn = workspace.writable_connection()
    with transaction(conn):
        return rows.add_account(conn, network, handle, publish_method=method, options=options)


def _shoot(widget, name: str) -> Path:
    folder = REPO_ROOT / "artifacts"
    folder.mkdir(exist_ok=True)
    path = folder / f"accounts-{name}.png"
    QApplication.processEvents()  # let the layout settle
    assert widget.grab().save(str(path))
    return path


def _labels(page: AccountsPage) -> dict[str, str]:
    model = page.model
    return {
        str(model.index(r, 1).data()): str(model.index(r, 4).data())
        for r in range(model.rowCount())
    }


def test_health_states_countdown_and_screenshot(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore
) -> None:
    now = time.time()
    blue = _add(workspace, Network.BLUESKY, "aurinko.bsky.social")
    keyring_store.store(blue, {"refresh_jwt": "r-jwt-123456", "did": "did:plc:x"})
    linked = _add(workspace, Network.LINKEDIN, "Kahvila Aurinko", person_id="p1")
    keyring_store.store(
        linked, {"access_token": "li-123456", "expires_at": str(int(now + 3.2 * 86400))}
    )
    x = _add(workspace, Network.X, "@aurinko", client_id="cid")
    keyring_store.store(
        x, {"access_token": "x-123456", "reconnect": "X refused to renew the sign-in"}
    )
    _add(workspace, Network.INSTAGRAM, "kahvila.aurinko")
    _add(workspace, Network.TIKTOK, "@aurinko", method=PublishMethod.MANUAL)
    page = _page(qtbot, workspace, keyring_store)
    page.show()
    labels = _labels(page)
    assert labels == {
        "aurinko.bsky.social": "Connected",
        "Kahvila Aurinko": "⚠ Expires soon",
        "@aurinko": "By hand",  # TikTok (sorted by network: the X row is checked below)
        "kahvila.aurinko": "⚠ Not connected",
    } | {"@aurinko": labels["@aurinko"]}
    model = page.model
    rows_by_network = {
        model.account(r).network: str(model.index(r, 4).data()) for r in range(model.rowCount())
    }
    assert rows_by_network[Network.X] == "⚠ Reconnect"
    assert rows_by_network[Network.TIKTOK] == "By hand"
    row = next(r for r in range(model.rowCount()) if model.account(r).network is Network.LINKEDIN)
    page.table.selectRow(row)
    assert "lapses in 3 days" in page.details.text()
    row = next(r for r in range(model.rowCount()) if model.account(r).network is Network.INSTAGRAM)
    page.table.selectRow(row)
    assert "public image folder" in page.details.text()
    assert page.banner.isHidden()
    _shoot(page, "page")


def test_no_secure_storage_is_said_plainly(qtbot: QtBot, workspace: Workspace) -> None:
    _add(workspace, Network.MASTODON, "@me@m.example")
    _add(workspace, Network.LOCAL, "Arkisto", method=PublishMethod.FOLDER, folder="/tmp")
    page = _page(qtbot, workspace, SecretStore(backend=fail.Keyring()))
    page.show()
    assert page.banner.isVisible()
    assert "No secure storage" in page.banner.text()
    labels = _labels(page)
    assert labels["@me@m.example"] == "⚠ No secure storage"
    assert labels["/tmp"] == "Folder"  # a Local archive is listed by its folder
    _shoot(page, "no-secure-storage")
    page.open_connect(Network.MASTODON)
    dialog = page.dialog
    assert isinstance(dialog, ConnectDialog)
    dialog.line("service").setText("m.example")
    dialog.line("token").setText(TOKEN)
    dialog.connect_button.click()
    assert "No secure keyring" in dialog.status.text()
    assert len(page.model.account(0).handle) > 0 and page.model.rowCount() == 2  # nothing added


def test_connect_test_and_disconnect_mastodon(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    httpserver.expect_request(
        "/api/v1/accounts/verify_credentials", headers={"Authorization": f"Bearer {TOKEN}"}
    ).respond_with_json({"id": "1", "acct": "kahvila", "display_name": "Kahvila"})
    httpserver.expect_request("/api/v2/instance").respond_with_json(
        {"configuration": {"statuses": {"max_characters": 1000}}}
    )
    page = _page(qtbot, workspace, keyring_store)
    page.show()
    page.open_connect(Network.MASTODON)
    dialog = page.dialog
    assert isinstance(dialog, ConnectDialog)
    dialog.line("service").setText(httpserver.url_for(""))
    dialog.line("token").setText(TOKEN)
    _shoot(dialog, "connect-mastodon")
    with qtbot.waitSignal(dialog.connected):
        dialog.connect_button.click()
    assert page.model.rowCount() == 1
    assert _labels(page) == {
        f"@kahvila@{httpserver.url_for('').split('://')[1].rstrip('/')}": "Connected"
    }
    limits = workspace.connection().execute("SELECT limits_json FROM accounts").fetchone()[0]
    assert json.loads(limits)["max_characters"] == 1000
    page.table.selectRow(0)
    page.test_selected()
    assert page.details.text().startswith("✓ Connected as @kahvila")
    asked: list[tuple[str, str, list[str]]] = []

    def choose(title: str, text: str, options: list[str], on_choice: Any, **_: Any) -> None:
        asked.append((title, text, list(options)))
        on_choice(0)

    page.prompts.choose = choose  # type: ignore[method-assign, assignment]
    assert page.disconnect_button.text() == "Remove account…"  # it removes, not signs out
    page.disconnect_button.click()
    assert asked == [
        (
            "Remove Kahvila?",
            "“Kahvila” is removed from Some Studio and its sign-in is deleted from the system "
            "keyring. Posts already published stay on the network.",
            ["Remove"],
        )
    ]
    assert page.model.rowCount() == 0
    assert keyring_store.load(1) is None
    assert page.details.text() == "Removed the account “Kahvila”."


def test_failed_test_shows_the_reason(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/api/v1/accounts/verify_credentials").respond_with_json(
        {"error": "The access token was revoked"}, status=401
    )
    account = _add(workspace, Network.MASTODON, "@me")
    conn = workspace.writable_connection()
    conn.execute(
        "UPDATE accounts SET instance_url = ? WHERE id = ?", (httpserver.url_for(""), account)
    )
    keyring_store.store(account, {"access_token": TOKEN})
    page = _page(qtbot, workspace, keyring_store)
    page.table.selectRow(0)
    page.test_selected()
    assert page.details.text().startswith("✕ Mastodon no longer accepts")
    assert "reconnect the account in accounts" in page.details.text().lower()


@pytest.mark.parametrize(
    "network",
    [Network.BLUESKY, Network.X, Network.INSTAGRAM, Network.PINTEREST, Network.LINKEDIN],
    ids=lambda n: n.value,
)
def test_connect_dialogs_look_right(qtbot: QtBot, workspace: Workspace, network: Network) -> None:
    dialog = ConnectDialog(
        network, Accounts(workspace, SecretStore(backend=fail.Keyring())), Tasks(synchronous=True)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.intro.text()
    if network in (Network.INSTAGRAM,):
        assert "public web address" in dialog.intro.text()
        assert "media_base_url" in dialog.fields
    if network is Network.X:
        assert "No client secret" in dialog.intro.text()
        assert dialog.browser_button.isVisible() and not dialog.connect_button.isVisible()
        assert dialog.line("callback").text() == "http://127.0.0.1:8737/callback"
    if network is Network.BLUESKY:
        assert dialog.line("password").echoMode() == dialog.line("password").EchoMode.Password
    _shoot(dialog, f"connect-{network.value}")


def test_a_linkedin_account_says_why_it_has_no_inbox(qtbot: QtBot, workspace: Workspace) -> None:
    linkedin = _add(workspace, Network.LINKEDIN, "Kahvila Oy")
    mastodon = _add(workspace, Network.MASTODON, "@me@m.example")
    page = _page(qtbot, workspace, SecretStore(backend=fail.Keyring()))
    page.show()
    rows_by_id = {page.model.account(r).id: r for r in range(page.model.rowCount())}
    page.table.selectRow(rows_by_id[linkedin])
    assert page.inbox_note.isVisible()
    assert "Community Management API" in page.inbox_note.text()
    _shoot(page, "linkedin-inbox-note")
    page.table.selectRow(rows_by_id[mastodon])  # Mastodon has an inbox: no note
    assert not page.inbox_note.isVisible()


def test_an_unnamed_account_shows_its_handle_and_the_slot_zone_is_labelled(
    qtbot: QtBot, workspace: Workspace
) -> None:
    conn = workspace.writable_connection()
    with transaction(conn):
        rows.add_account(conn, Network.MASTODON, "@named@m.example", display_name="Kahvila")
    _add(workspace, Network.BLUESKY, "aurinko.bsky.social")  # added without a name
    page = _page(qtbot, workspace, SecretStore(backend=fail.Keyring()))
    page.show()
    names = {str(page.model.index(r, 1).data()): page.model.index(r, 2).data()
             for r in range(page.model.rowCount())}  # fmt: skip
    assert names == {"@named@m.example": "Kahvila", "aurinko.bsky.social": "aurinko.bsky.social"}
    page.table.selectRow(0)
    zone = page.slots_zone
    assert zone.accessibleName()
    buddies = [label for label in page.findChildren(QLabel) if label.buddy() is zone]
    assert len(buddies) == 1 and buddies[0].isVisible() and buddies[0].text().strip()


def test_an_account_posts_still_go_to_is_not_offered_for_removal(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore
) -> None:
    """Said first, instead of a question whose answer would then be refused (a new user
    pressed Enter on Remove and only then read "7 scheduled post(s) still go to …")."""
    from datetime import UTC, datetime  # noqa: PLC0415

    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415
    from somestudio.store import posts as post_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415

    account = _add(workspace, Network.MASTODON, "@me")
    conn = workspace.writable_connection()
    with transaction(conn):
        for day in (2, 3):
            post = post_rows.create_post(conn, f"Päivä {day}")
            post_rows.add_delivery(
                conn, post, account, scheduled_at=datetime(2031, 3, day, 7, tzinfo=UTC),
                time_zone="Europe/Helsinki", state=DeliveryState.SCHEDULED,
            )  # fmt: skip
    page = _page(qtbot, workspace, keyring_store)
    asked: list[str] = []
    page.prompts.choose = lambda title, *_a, **_k: asked.append(title)  # type: ignore[method-assign]
    page.table.selectRow(0)
    page.disconnect_button.click()
    assert asked == []
    assert page.details.text() == (
        "2 scheduled posts still go to “@me”. Unschedule them or move them to another account "
        "first, then remove it."
    )
    assert page.model.rowCount() == 1


def test_an_account_published_by_hand_is_signed_in_and_keeps_its_posts(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    """A municipality published by hand until its Mastodon token came: Connect… on that
    account signs it in, and it stays the one account its scheduled posts go to (a
    second account beside it left them to be published by hand)."""
    from datetime import UTC, datetime  # noqa: PLC0415

    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415
    from somestudio.store import posts as post_rows  # noqa: PLC0415

    httpserver.expect_request(
        "/api/v1/accounts/verify_credentials", headers={"Authorization": f"Bearer {TOKEN}"}
    ).respond_with_json({"id": "1", "acct": "kunta", "display_name": "Kunta"})
    httpserver.expect_request("/api/v2/instance").respond_with_json(
        {"configuration": {"statuses": {"max_characters": 500}}}
    )
    by_hand = Accounts(workspace, keyring_store).add_by_hand(Network.MASTODON, "Kunnan Mastodon")
    conn = workspace.writable_connection()
    with transaction(conn):
        post = post_rows.create_post(conn, "Kirjasto auki tiistaisin 10–18")
        post_rows.add_delivery(
            conn, post, by_hand.id, scheduled_at=datetime(2031, 3, 4, 7, tzinfo=UTC),
            time_zone="Europe/Helsinki", state=DeliveryState.SCHEDULED,
        )  # fmt: skip
    page = _page(qtbot, workspace, keyring_store)
    page.show()
    page.table.selectRow(0)
    assert page.reconnect_button.text() == "Connect…"
    page.test_button.click()  # nothing to test yet: it says what Connect… does
    assert page.details.text().startswith("You publish Kunnan Mastodon by hand")
    page.reconnect_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ConnectDialog)
    assert dialog.windowTitle() == "Connect “Kunnan Mastodon” to Mastodon"
    assert dialog.intro.text().startswith("You publish this account by hand now.")
    dialog.line("service").setText(httpserver.url_for(""))
    dialog.line("token").setText(TOKEN)
    _shoot(dialog, "connect-by-hand")
    with qtbot.waitSignal(dialog.connected):
        dialog.connect_button.click()

    host = httpserver.url_for("").split("://")[1].rstrip("/")
    assert _labels(page) == {f"@kunta@{host}": "Connected"}  # one account, not two
    (account,) = Accounts(workspace, keyring_store).all()
    assert account.id == by_hand.id
    assert account.publish_method is PublishMethod.API
    assert account.handle == f"@kunta@{host}"
    assert account.label == "Kunnan Mastodon"  # the name the user knows it by
    assert keyring_store.load(account.id) == {"access_token": TOKEN}
    going = workspace.connection().execute(
        "SELECT account_id, state FROM deliveries WHERE post_id = ?", (post,)
    )
    assert going.fetchall() == [(by_hand.id, "scheduled")]
    assert page.reconnect_button.text() == "Reconnect…"


def test_connecting_a_by_hand_account_starts_from_its_server(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore
) -> None:
    """Added by hand as @kahvila@mastodon.social, its Connect… dialog started with an empty
    server address."""
    Accounts(workspace, keyring_store).add_by_hand(Network.MASTODON, "@kahvila@mastodon.social")
    page = _page(qtbot, workspace, keyring_store)
    page.table.selectRow(0)
    page.reconnect_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ConnectDialog)
    assert dialog.line("service").text() == "https://mastodon.social"


def test_a_local_archive_shows_its_folder_and_its_test_checks_it(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore, tmp_path: Path
) -> None:
    folder = tmp_path / "arkisto"
    folder.mkdir()
    _add(workspace, Network.LOCAL, "Arkisto", method=PublishMethod.FOLDER, folder=str(folder))
    page = _page(qtbot, workspace, keyring_store)
    page.show()
    assert _labels(page) == {str(folder): "Folder"}
    page.table.selectRow(0)
    assert (
        page.details.text()
        == f"Local archive · Arkisto: Each post is written into its own folder in {folder}."
    )
    page.test_button.click()
    tested = f"✓ The folder {folder} is there, and Some Studio may write into it."
    assert page.details.text() == tested
    page.refresh_health()  # (as it comes back after a test in the window): the answer stays
    assert page.details.text() == tested
    folder.rmdir()  # a drive taken away
    page.test_button.click()
    assert page.details.text() == (
        f"✕ The archive folder {folder} is not there (a drive not connected?). Posts to this "
        "account fail until it is back."
    )
    assert _labels(page) == {str(folder): "⚠ Folder missing"}
    assert page.test_button.isEnabled()
    page.reconnect_button.click()
    assert (
        page.details.text()
        == "Arkisto writes into a folder and signs in nowhere: nothing to reconnect."
    )


def test_coming_back_to_the_app_reads_the_sign_ins_again(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore, tmp_path: Path
) -> None:
    """A folder put back (a drive plugged in, in the file manager) while the Accounts page
    showed "⚠ Folder missing": back in the app, the page says so without another Test (it
    kept "Folder missing" until Test was pressed: a new user's finding)."""
    folder = tmp_path / "arkisto"
    _add(workspace, Network.LOCAL, "Arkisto", method=PublishMethod.FOLDER, folder=str(folder))
    page = _page(qtbot, workspace, keyring_store)
    page.show()
    assert _labels(page) == {str(folder): "⚠ Folder missing"}
    page.table.selectRow(0)
    page.test_button.click()
    assert page.details.text().startswith("✕ The archive folder")
    folder.mkdir()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert _labels(page) == {str(folder): "⚠ Folder missing"}  # leaving reads nothing
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert _labels(page) == {str(folder): "Folder"}
    # and the test's answer under the table, from before, is not left saying the opposite
    assert page.details.text() == (
        f"Local archive · Arkisto: Each post is written into its own folder in {folder}."
    )
    folder.rmdir()
    page.hide()  # another page in view: nothing read for this one
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert _labels(page) == {str(folder): "Folder"}


def test_with_no_account_there_is_nothing_to_test_reconnect_or_remove(
    qtbot: QtBot, workspace: Workspace, keyring_store: SecretStore, tmp_path: Path
) -> None:
    page = _page(qtbot, workspace, keyring_store)
    page.show()
    buttons = (page.test_button, page.reconnect_button, page.disconnect_button)
    assert [b.isEnabled() for b in buttons] == [False, False, False]
    assert page.connect_button.isEnabled()
    _add(workspace, Network.LOCAL, "Arkisto", method=PublishMethod.FOLDER, folder=str(tmp_path))
    page.reload()
    # enabled before a row is chosen (Tab reaches them; each says what it needs)
    assert [b.isEnabled() for b in buttons] == [True, True, True]
