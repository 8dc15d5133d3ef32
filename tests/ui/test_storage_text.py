"""Storage errors reach the window by code: every place that raises one gives a code the
window knows, and the real failures (another program's file, an empty file, a newer or
damaged database, a data folder that is a file or read-only…) are worded in Finnish when
the window speaks Finnish, while ``str(exc)`` stays the English sentence of the CLI and log."""

from __future__ import annotations

import ast
import re
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import somestudio
from somestudio.app.export_targets import InsideDataFolderError, refuse_inside_data_folder
from somestudio.app.paths import DataHome, prepare_home
from somestudio.store import errors
from somestudio.store.database import (
    DATABASE_FILE,
    LATEST_VERSION,
    StorageError,
    open_database,
    verify_integrity,
)
from somestudio.store.migrations import MIGRATIONS, Migration
from somestudio.ui.error_text import error_text
from somestudio.ui.i18n import Installed, install_language
from somestudio.ui.launch import _report_storage_error, _Verification
from somestudio.ui.storage_text import StorageText, known_codes, storage_text
from tests.read_only import read_only_folder
from tests.sqlite_files import damaged_database, write_sqlite

PACKAGE = Path(somestudio.__file__).resolve().parent


def _error_classes() -> set[str]:
    found = {InsideDataFolderError.__name__}
    pending: list[type[BaseException]] = [errors.StorageError]
    while pending:
        cls = pending.pop()
        found.add(cls.__name__)
        pending.extend(cls.__subclasses__())
    return found


def _raise_sites() -> list[tuple[str, ast.Call]]:
    """Every construction of a storage error in the package: (file:line, the call)."""
    names = _error_classes()
    sites = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in names:
                sites.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", node))
    return sites


def _codes_of(call: ast.Call) -> list[str] | None:
    """The literal code(s) a call passes first (both branches of a conditional), else None."""
    if not call.args:
        return None
    first = call.args[0]
    options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
    codes = []
    for option in options:
        if not (isinstance(option, ast.Constant) and isinstance(option.value, str)):
            return None
        codes.append(option.value)
    return codes


def test_every_storage_error_raise_site_gives_a_code_the_window_knows() -> None:
    known = StorageText().templates()
    sites = _raise_sites()
    assert len(sites) >= 25, sites  # the scan finds the raise sites (store, app/paths, exports)
    problems = []
    used: set[str] = set()
    for where, call in sites:
        codes = _codes_of(call)
        if codes is None:
            problems.append(f"{where}: no literal code as the first argument")
            continue
        given = {keyword.arg for keyword in call.keywords}
        for code in codes:
            used.add(code)
            if code not in known:
                problems.append(f"{where}: code {code!r} is not in ui/storage_text.py")
                continue
            missing = set(known[code][1]) - given
            if missing:
                problems.append(f"{where}: {code} lacks the params {sorted(missing)}")
    assert not problems, "\n".join(problems)
    assert set(known) == used, f"codes no error gives: {sorted(set(known) - used)}"


def test_each_sentence_has_a_placeholder_for_each_param() -> None:
    for code, (text, names) in StorageText().templates().items():
        numbers = {int(n) for n in re.findall(r"%(\d)", text)}
        assert numbers == set(range(1, len(names) + 1)), code


@pytest.fixture
def finnish(qapp: object) -> Iterator[Installed]:
    installed = install_language("fi")
    try:
        yield installed
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.c())


def _foreign(path: Path) -> None:
    write_sqlite(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")


def _other_application(path: Path) -> None:
    write_sqlite(
        path, "PRAGMA application_id = 1234", "CREATE TABLE posts (id INTEGER PRIMARY KEY)"
    )


def _no_tables(path: Path) -> None:
    # VACUUM writes the header: a real, table-less SQLite file
    write_sqlite(path, "PRAGMA user_version = 0", "VACUUM")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"my notes, not a database\n" * 50)


def _newer(path: Path) -> None:
    open_database(path)
    write_sqlite(
        path, f"PRAGMA user_version = {LATEST_VERSION + 3}", "PRAGMA journal_mode = DELETE"
    )


def _damaged(path: Path) -> None:
    damaged_database(path)


FILES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "another program's file": (_foreign, "database.foreign_tables", "toisen ohjelman"),
    "another application id": (
        _other_application,
        "database.foreign_application",
        "toiselle sovellukselle",
    ),
    "an SQLite file with no tables": (_no_tables, "database.foreign_no_tables", "taulua"),
    "a 0-byte file": (_empty, "database.empty_file", "tyhjä tiedosto"),
    "not an SQLite file": (_not_sqlite, "database.not_sqlite", "ei ole SQLite-tiedosto"),
    "a newer schema": (_newer, "database.newer_schema", "uudempi versio"),
    "damaged pages": (_damaged, "database.damaged_no_backup", "Sitä ei muutettu"),
}


def _assert_finnish(exc: BaseException, english: str, *, shows: str) -> None:
    said = storage_text(exc)
    assert str(exc) == english  # the CLI's and the log's sentence is unchanged
    assert getattr(exc, "code", None) in known_codes()
    assert said != english, said
    assert shows in said
    assert error_text(exc) == said  # the window's general error wording agrees


@pytest.mark.parametrize("kind", list(FILES))
def test_a_refused_database_file_is_worded_in_finnish(
    kind: str, home: Path, finnish: Installed
) -> None:
    make, code, finnish_words = FILES[kind]
    path = home / DATABASE_FILE
    make(path)
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_database(path)
    if kind == "damaged pages" and caught.value.code == "database.integrity_failed_no_backup":
        code = caught.value.code  # which of the two SQLite notices first depends on the pages
    assert caught.value.code == code, str(caught.value)
    _assert_finnish(caught.value, str(caught.value), shows=str(path))
    assert finnish_words in storage_text(caught.value)
    assert path.read_bytes() == before


def test_a_failed_migration_is_worded_in_finnish(home: Path, finnish: Installed) -> None:
    path = home / DATABASE_FILE
    open_database(path)
    broken = [*MIGRATIONS, Migration(LATEST_VERSION + 1, "test_step", text="INSERT INTO nowhere")]
    with pytest.raises(StorageError) as caught:
        open_database(path, migrations=broken)
    assert caught.value.code == "database.migration_failed"
    _assert_finnish(caught.value, str(caught.value), shows="test_step")
    assert "epäonnistui" in storage_text(caught.value)


def test_a_data_folder_that_is_a_file_or_missing_is_worded_in_finnish(
    tmp_path: Path, finnish: Installed
) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(StorageError) as caught:
        prepare_home(DataHome(a_file, explicit=True))
    assert caught.value.code == "folder.is_a_file_from_env"
    _assert_finnish(caught.value, str(caught.value), shows=str(a_file))
    assert "on tiedosto eikä kansio" in storage_text(caught.value)
    with pytest.raises(StorageError) as caught:
        prepare_home(DataHome(a_file / "studio", explicit=True))
    assert caught.value.code == "folder.parent_is_a_file"
    _assert_finnish(caught.value, str(caught.value), shows=str(a_file))
    assert "ei voi luoda" in storage_text(caught.value)


@pytest.fixture
def readonly_folder(tmp_path: Path) -> Iterator[Path]:
    with read_only_folder(tmp_path) as folder:
        yield folder


def test_a_read_only_data_folder_is_worded_in_finnish(
    readonly_folder: Path, finnish: Installed
) -> None:
    with pytest.raises(StorageError) as caught:
        prepare_home(DataHome(readonly_folder, explicit=True))
    assert caught.value.code == "folder.not_writable"
    _assert_finnish(caught.value, str(caught.value), shows=str(readonly_folder))
    assert "kirjoittaa" in storage_text(caught.value)


def test_a_data_folder_that_cannot_be_made_says_why_in_finnish(
    readonly_folder: Path, finnish: Installed
) -> None:
    target = readonly_folder / "studio"
    with pytest.raises(StorageError) as caught:
        prepare_home(DataHome(target, explicit=True))
    assert caught.value.code == "folder.parent_not_writable"
    _assert_finnish(caught.value, str(caught.value), shows=str(readonly_folder))
    assert "ei voi luoda" in storage_text(caught.value)
    assert not target.exists()


def test_an_export_inside_the_data_folder_is_worded_in_finnish(
    home: Path, finnish: Installed
) -> None:
    with pytest.raises(InsideDataFolderError) as caught:
        refuse_inside_data_folder(home / DATABASE_FILE, home)
    _assert_finnish(caught.value, str(caught.value), shows=str(home))
    assert "Mitään ei kirjoitettu" in storage_text(caught.value)


def test_an_unknown_code_or_a_missing_param_falls_back_to_the_english_sentence(
    finnish: Installed,
) -> None:
    unknown = StorageError("database.from_the_future", "The database is odd.", path="/x")
    assert storage_text(unknown) == "The database is odd."
    short = StorageError("database.newer_schema", "Newer, somehow.", path="/x")
    assert storage_text(short) == "Newer, somehow."
    assert storage_text(ValueError("plain")) == "plain"


def test_the_integrity_verdict_beside_the_window_is_told_in_finnish(
    home: Path, finnish: Installed, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    """The background check's failure crosses to the GUI thread as the error itself, so the
    window words its code (start-up prints it on stderr; offscreen shows no dialog)."""
    path = home / DATABASE_FILE
    _damaged(path)
    verdict: Future[str] = Future()
    verification = _Verification()
    with qtbot.waitSignal(verification.failed) as blocker:
        verification.watch(verdict)
        threading.Thread(target=lambda: _fail_into(verdict, path)).start()
    error = blocker.args[0]
    assert isinstance(error, StorageError)
    _report_storage_error(QApplication.instance(), error)  # type: ignore[arg-type]
    printed = capsys.readouterr().err
    assert printed.startswith("somestudio: Tietokanta ")
    assert str(path) in printed and "Sitä ei muutettu" in printed
    assert "It was not changed" not in printed


def _fail_into(verdict: Future[str], path: Path) -> None:
    try:
        verdict.set_result(verify_integrity(path))
    except StorageError as exc:
        verdict.set_exception(exc)


def test_a_recorded_workspace_out_of_reach_is_told_in_finnish_with_the_way_back(
    home: Path, finnish: Installed, capsys: pytest.CaptureFixture[str]
) -> None:
    """The settings name a PostgreSQL workspace whose server is not there: the window's
    start-up says so in Finnish and how to work in the computer's own workspace."""
    import socket  # noqa: PLC0415

    from somestudio.app.settings import SettingsStore  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://studio@127.0.0.1:{port}/plan?connect_timeout=3"
    SettingsStore(home).update(workspace_url=url)
    with pytest.raises(StorageError) as caught:
        open_workspace(home)
    assert caught.value.code == "workspace.unreachable"
    _report_storage_error(QApplication.instance(), caught.value)  # type: ignore[arg-type]
    printed = capsys.readouterr().err
    assert printed.startswith(f"somestudio: Työtilaan {url} ei saada yhteyttä")
    assert "suorita: somestudio workspace use sqlite" in printed
    assert not (home / DATABASE_FILE).exists()  # nothing written in the data folder
