from __future__ import annotations

import json
from pathlib import Path

from somestudio.app.settings import SETTINGS_FILE, Settings, SettingsStore


def test_defaults_when_no_file(tmp_path: Path) -> None:
    assert SettingsStore(tmp_path).value == Settings()
    assert not (tmp_path / SETTINGS_FILE).exists()  # reading never writes


def test_update_persists(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.update(keep_in_tray=True, catch_up_minutes=30)
    again = SettingsStore(tmp_path)
    assert again.value.keep_in_tray is True
    assert again.value.catch_up_minutes == 30
    assert not list(tmp_path.glob(".settings-*"))  # no temporary file left behind


def test_damaged_file_is_set_aside_not_lost(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text("{not json", encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.value == Settings()
    assert (tmp_path / "settings.json.damaged").read_text(encoding="utf-8") == "{not json"


def test_unknown_and_mistyped_keys_are_ignored(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text(
        json.dumps({"keep_in_tray": "yes", "catch_up_minutes": 5, "future_option": 1}),
        encoding="utf-8",
    )
    value = SettingsStore(tmp_path).value
    assert value.keep_in_tray is False
    assert value.catch_up_minutes == 5


def test_a_change_saved_by_another_store_is_kept(tmp_path: Path) -> None:
    """The window's store and ``somestudio workspace use`` (another store, maybe another
    process) on one folder: the window's next change must not save the old address back."""
    window = SettingsStore(tmp_path)
    window.update(catch_up_minutes=30)
    SettingsStore(tmp_path).update(workspace_url="postgresql://me@box/studio")
    window.update(keep_in_tray=False)
    again = SettingsStore(tmp_path).value
    assert again.workspace_url == "postgresql://me@box/studio"
    assert again.catch_up_minutes == 30 and again.keep_in_tray is False
    assert window.value.workspace_url == "postgresql://me@box/studio"
