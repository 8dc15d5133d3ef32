"""Issue 13: a storage problem at start-up was told in English to a Finnish user. The window
(``python -m somestudio``) now words the error's code in its language, on stderr and in its
dialog; the file is left byte for byte as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somestudio.store.database import DATABASE_FILE
from tests.faults.conftest import assert_no_traceback, digest, somestudio
from tests.sqlite_files import write_sqlite

pytestmark = pytest.mark.slow


def _english_system(env: dict[str, str]) -> dict[str, str]:
    """The system speaks English, so only the chosen language can bring Finnish."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    env["LANG"] = "C.UTF-8"
    return env


def _notes_app(path: Path) -> None:
    write_sqlite(
        path,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
        "INSERT INTO notes (body) VALUES ('ostoslista')",
    )


def test_the_window_refuses_a_foreign_database_in_finnish(
    env: dict[str, str], data_home: Path
) -> None:
    env = _english_system(env)
    (data_home / "settings.json").write_text(json.dumps({"language": "fi"}), encoding="utf-8")
    db = data_home / DATABASE_FILE
    _notes_app(db)
    before = digest(db)
    files = sorted(p.name for p in data_home.iterdir())
    result = somestudio([], env)
    assert_no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{db} ei ole Some Studion tietokanta" in result.stderr, result.stderr
    assert "toisen ohjelman SQLite-tiedosto" in result.stderr
    assert "Sitä ei muutettu" in result.stderr
    assert "is not a Some Studio database" not in result.stderr
    assert digest(db) == before
    assert sorted(p.name for p in data_home.iterdir()) == files  # not even a -wal or -shm


def test_the_systems_finnish_words_a_data_folder_that_is_a_file(
    env: dict[str, str], tmp_path: Path
) -> None:
    env = _english_system(env)
    env["LANGUAGE"] = "fi_FI:fi"
    a_file = tmp_path / "kansio.txt"
    a_file.write_text("en ole kansio", encoding="utf-8")
    env["SOMESTUDIO_HOME"] = str(a_file)
    result = somestudio([], env)
    assert_no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"Datakansio {a_file} (muuttujasta SOMESTUDIO_HOME) on tiedosto" in result.stderr
    assert a_file.read_text(encoding="utf-8") == "en ole kansio"


def test_the_command_line_keeps_the_english_sentence(env: dict[str, str], data_home: Path) -> None:
    env = _english_system(env)
    (data_home / "settings.json").write_text(json.dumps({"language": "fi"}), encoding="utf-8")
    db = data_home / DATABASE_FILE
    _notes_app(db)
    result = somestudio(["post", "list"], env)
    assert result.returncode == 1
    assert "is not a Some Studio database" in result.stdout + result.stderr
