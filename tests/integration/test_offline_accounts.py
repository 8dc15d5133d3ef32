"""Accounts with no sign-in (Local archive, publish by hand): added with no keyring at all,
the folder made when missing, a name taken refused by code, a removed one brought back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail

from somestudio.app.accounts import Accounts, OfflineAccountError
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.secrets import SecretStore


@pytest.fixture
def accounts(home: Path) -> Iterator[Accounts]:
    workspace: Workspace = open_workspace(home)
    yield Accounts(workspace, SecretStore(backend=fail.Keyring()))
    workspace.close()


def test_a_local_archive_makes_its_folder_and_needs_no_keyring(
    accounts: Accounts, home: Path
) -> None:
    suggested = accounts.suggested_archive_folder()
    assert suggested == home / "archive"
    account = accounts.add_local_archive("Arkisto", suggested)
    assert suggested.is_dir()
    assert account.publish_method is PublishMethod.FOLDER
    assert account.options["folder"] == str(suggested.resolve())
    assert accounts.health(account).state == "folder"


def test_problems_carry_a_code(accounts: Accounts, tmp_path: Path) -> None:
    in_the_way = tmp_path / "a file"
    in_the_way.write_text("x")
    for call, code in (
        (lambda: accounts.add_local_archive("  ", tmp_path), "no_name"),
        (lambda: accounts.add_local_archive("Arkisto", in_the_way), "not_a_folder"),
        (lambda: accounts.add_by_hand(Network.TIKTOK, " "), "no_name"),
    ):
        with pytest.raises(OfflineAccountError) as caught:
            call()
        assert caught.value.code == code
    accounts.add_by_hand(Network.TIKTOK, "@kahvila")
    with pytest.raises(OfflineAccountError) as caught:
        accounts.add_by_hand(Network.TIKTOK, "@kahvila")
    assert caught.value.code == "exists" and caught.value.params == {"name": "@kahvila"}


def test_a_removed_account_comes_back_when_added_again(accounts: Accounts) -> None:
    first = accounts.add_by_hand(Network.INSTAGRAM, "@kahvila", name="Kahvila")
    accounts.disconnect(first.id)
    assert accounts.all() == []
    again = accounts.add_by_hand(Network.INSTAGRAM, "@kahvila", name="Kahvila Aurinko")
    assert again.id == first.id  # its old posts still point at it
    assert again.display_name == "Kahvila Aurinko"
    assert [a.id for a in accounts.all()] == [first.id]
