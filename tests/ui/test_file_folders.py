"""File dialogs open in the folder last chosen for their purpose (kept in the settings),
else Pictures for media and Documents for reports and exports — never the working folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QStandardPaths
from pytestqt.qtbot import QtBot

from somestudio.app.settings import SettingsStore
from somestudio.ui import file_folders
from somestudio.ui.composer.media_strip import MediaStrip
from somestudio.ui.file_folders import DOCUMENTS, MEDIA, remember_in, start_folder


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SettingsStore]:
    work = tmp_path / "working-folder"
    work.mkdir()
    monkeypatch.chdir(work)  # where the app was started: never where a dialog opens
    settings = SettingsStore(tmp_path)
    remember_in(settings)
    yield settings
    remember_in(None)


def _expected(kind: QStandardPaths.StandardLocation) -> str:
    found = QStandardPaths.writableLocation(kind)
    return found if found and Path(found).is_dir() else str(Path.home())


def test_the_media_dialog_starts_in_pictures_then_where_the_user_last_chose(
    qtbot: QtBot, store: SettingsStore, tmp_path: Path
) -> None:
    strip = MediaStrip()
    qtbot.addWidget(strip)
    strip.choose_files()
    dialog = strip.dialog
    assert dialog is not None
    opened = dialog.directory().absolutePath()
    assert opened != str(Path.cwd())
    assert opened == _expected(QStandardPaths.StandardLocation.PicturesLocation)
    photos = tmp_path / "kuvat"
    photos.mkdir()
    (photos / "pulla.png").write_bytes(b"not really a png")
    dialog.filesSelected.emit([str(photos / "pulla.png")])
    dialog.reject()
    qtbot.waitUntil(lambda: strip.dialog is None)
    assert SettingsStore(tmp_path).value.last_folders == {MEDIA: str(photos)}  # kept on disk
    strip.choose_files()
    assert strip.dialog is not None
    assert strip.dialog.directory().absolutePath() == str(photos)
    strip.dialog.reject()
    # reports and exports keep their own folder, starting in Documents
    assert start_folder(DOCUMENTS) == _expected(QStandardPaths.StandardLocation.DocumentsLocation)


def test_a_folder_that_is_gone_falls_back_to_the_default(store: SettingsStore) -> None:
    store.update(last_folders={DOCUMENTS: "/no/such/folder/anywhere"})
    assert start_folder(DOCUMENTS) == _expected(QStandardPaths.StandardLocation.DocumentsLocation)
    file_folders.remember(DOCUMENTS, "")  # nothing chosen: nothing changes
    assert store.value.last_folders == {DOCUMENTS: "/no/such/folder/anywhere"}


@pytest.mark.parametrize(
    ("typed", "kinds", "saved"),
    [
        ("raportti-2026-11.csv", ("pdf",), "raportti-2026-11.csv.pdf"),  # the wrong kind
        ("raportti.PDF", ("pdf",), "raportti.PDF"),
        ("raportti", ("pdf",), "raportti.pdf"),
        ("kalenteri.ics", ("ics",), "kalenteri.ics"),
        ("v1.2 suunnitelma", ("csv",), "v1.2 suunnitelma.csv"),
    ],
)
def test_a_file_saved_as_one_kind_is_named_as_that_kind(
    typed: str, kinds: tuple[str, ...], saved: str
) -> None:
    """A PDF saved under "raportti-2026-11.csv" was written under that name and said
    "Saved …csv" (a new user's slip): the right ending is added, nothing typed is lost."""
    folder = Path("/tmp/somewhere")
    assert file_folders.as_kind(folder / typed, *kinds) == folder / saved


def test_the_monthly_report_saved_under_another_kinds_name_is_a_pdf_by_name(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_home: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

    from somestudio.app.studio import Studio  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415
    from somestudio.ui.tasks import Tasks  # noqa: PLC0415

    typed = tmp_path / "raportti-2026-11.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(typed), ""))
    workspace = open_workspace(demo_home)
    try:
        dialog = ReportDialog(
            Studio(workspace),
            ZoneInfo("Europe/Helsinki"),
            today=date(2026, 12, 3),
            tasks=Tasks(synchronous=True),
        )
        qtbot.addWidget(dialog)
        dialog.save("pdf")
        saved = tmp_path / "raportti-2026-11.csv.pdf"
        qtbot.waitUntil(saved.exists, timeout=30_000)
        assert saved.read_bytes().startswith(b"%PDF") and not typed.exists()
        assert dialog.outcome.text() == f"Saved {saved}"
    finally:
        workspace.close()
