from __future__ import annotations

from pathlib import Path

import pytest

from somestudio.app.paths import ENV_HOME, DataHome, prepare_home, resolve_home
from somestudio.store.database import DataFolderError


def test_override_wins(tmp_path: Path) -> None:
    home = resolve_home({ENV_HOME: str(tmp_path)})
    assert home == DataHome(tmp_path, explicit=True)


def test_default_is_the_platform_data_folder(tmp_path: Path) -> None:
    home = resolve_home({})
    assert not home.explicit
    assert home.path.name == "somestudio"


def test_default_folder_is_created_on_first_run(tmp_path: Path) -> None:
    target = tmp_path / "share" / "somestudio"
    assert prepare_home(DataHome(target, explicit=False)) == target
    assert target.is_dir()


def test_explicit_missing_folder_is_an_error_not_a_new_empty_workspace(tmp_path: Path) -> None:
    target = tmp_path / "typo"
    with pytest.raises(DataFolderError, match="does not exist") as info:
        prepare_home(DataHome(target, explicit=True))
    assert ENV_HOME in str(info.value)
    assert not target.exists()
