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


def test_a_missing_somestudio_home_is_created_with_its_parents_private(tmp_path: Path) -> None:
    target = tmp_path / "new" / "studio"
    assert prepare_home(DataHome(target, explicit=True)) == target
    assert target.is_dir()  # was refused: "does not exist. Create it, or unset ..."
    assert target.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700


def test_a_home_under_a_file_is_refused_saying_why(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(DataFolderError) as info:
        prepare_home(DataHome(blocker / "studio", explicit=True))
    assert info.value.code == "folder.parent_is_a_file"
    assert str(blocker) in str(info.value)
    assert blocker.is_file()
