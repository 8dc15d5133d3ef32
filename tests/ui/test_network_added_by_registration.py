"""A network is added by a descriptor and one registration: a made-up network ("Kahvi",
tests/networks/extra_network.py) that app/, commands/ and ui/ were never told about has its
connect dialog, its command-line options and its sign-in, against a server on 127.0.0.1."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from somestudio.app.accounts import Accounts
from somestudio.app.workspace import Workspace
from somestudio.cli import main
from somestudio.domain.networks import Network
from somestudio.secrets import SecretStore
from somestudio.ui.accounts.connect_dialog import ConnectDialog
from somestudio.ui.tasks import Tasks
from tests.networks.extra_network import SERVER_LABEL, SHOP_LABEL, extra_network

TOKEN = "kahvi-token-1234567890"


@pytest.fixture
def kahvi(monkeypatch: pytest.MonkeyPatch) -> Iterator[Network]:
    with extra_network(monkeypatch) as network:
        yield network


@pytest.fixture
def roastery(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request(
        "/me", headers={"Authorization": f"Bearer {TOKEN}"}
    ).respond_with_json({"name": "paahtimo"})
    return httpserver


def test_the_connect_dialog_draws_the_new_networks_form_and_connects(
    qtbot: QtBot,
    workspace: Workspace,
    keyring_store: SecretStore,
    kahvi: Network,
    roastery: HTTPServer,
) -> None:
    dialog = ConnectDialog(kahvi, Accounts(workspace, keyring_store), Tasks(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Connect Kahvi"
    assert dialog.intro.text() == "Paste the token your roastery gave you."
    assert list(dialog.fields) == ["service", "token", "shop_number", "name"]
    assert dialog.line("service").accessibleName() == SERVER_LABEL
    assert dialog.line("shop_number").accessibleName() == SHOP_LABEL
    assert dialog.line("token").echoMode() == dialog.line("token").EchoMode.Password
    assert dialog.connect_button.isVisible()
    assert not hasattr(dialog, "browser_button")  # the descriptor offers no browser sign-in

    dialog.line("token").setText(TOKEN)
    dialog.connect_button.click()
    assert dialog.status.text() == "Enter the roastery's address."  # the form's own words
    assert roastery.log == []

    dialog.line("service").setText(roastery.url_for(""))
    dialog.line("shop_number").setText(" 7 ")
    with qtbot.waitSignal(dialog.connected) as connected:
        dialog.connect_button.click()
    account = connected.args[0]
    assert (account.network, account.handle) == (kahvi, "@paahtimo")
    assert account.instance_url == roastery.url_for("").rstrip("/")
    assert account.options == {"shop_number": "7"}
    assert keyring_store.load(account.id) == {"access_token": TOKEN}


@pytest.fixture
def cli_keyring(
    home: Path, keyring_store: SecretStore, monkeypatch: pytest.MonkeyPatch
) -> SecretStore:
    """The command line on ``home``, keeping sign-ins in the test's keyring."""
    monkeypatch.setenv("SOMESTUDIO_HOME", str(home))
    monkeypatch.setattr("somestudio.app.accounts.secret_store", lambda: keyring_store)
    return keyring_store


def test_the_command_line_takes_the_new_networks_options(
    capsys: pytest.CaptureFixture[str],
    cli_keyring: SecretStore,
    kahvi: Network,
    roastery: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    def cli(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = cli("account", "add", "--help")
    assert code == 0
    assert "Kahvi: the coffee shop's number" in out
    assert "kahvi" in out and "--shop-number" in out

    code, _, err = cli("account", "add", "kahvi", "--shop-number", "7", stdin=TOKEN)
    assert code == 2 and "needs its roastery (--service URL)" in err
    code, _, err = cli("account", "add", "mastodon", "--shop-number", "7", stdin=TOKEN)
    assert code == 2 and "--shop-number is not an option of Mastodon" in err
    assert roastery.log == []

    added, out, err = cli(
        "account",
        "add",
        "kahvi",
        "--service",
        roastery.url_for(""),
        "--shop-number",
        "7",
        stdin=TOKEN + "\n",
    )
    assert added == 0, err
    account_id = int(out.strip())
    code, out, _ = cli("account", "list", "--json")
    (listed,) = json.loads(out)
    assert (listed["id"], listed["network"], listed["handle"]) == (account_id, "kahvi", "@paahtimo")
    assert listed["options"] == {"shop_number": "7"}
    assert cli_keyring.load(account_id) == {"access_token": TOKEN}
