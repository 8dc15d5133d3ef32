"""The main views as a person sees them, for the layout checks: each view shown in a window
of a reasonable size, grabbed to a PNG, and its clipped labels listed.

Used in-process by test_layout_screenshots.py and, for 200 % scaling (QT_SCALE_FACTOR must be
set before Qt starts), as a script: ``python tests/ui/layout_views.py OUT_DIR LANGUAGE DAY``
(the demo built around DAY, YYYY-MM-DD, the window's clock at its noon). Imported by
scripts/screenshots too, so nothing here may import a conftest (they move HOME).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDeadlineTimer, QEventLoop, Qt, QThread, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QDialog, QWidget

if TYPE_CHECKING:
    from somestudio.ui.main_window import MainWindow

WINDOW_SIZE = (1280, 800)
# The window sizes the layout checks run at: a small laptop, the usual, a full-HD screen.
SIZES = {"1024x700": (1024, 700), "1280x800": WINDOW_SIZE, "1920x1080": (1920, 1080)}
HELSINKI = ZoneInfo("Europe/Helsinki")


@dataclass
class Shot:
    name: str
    path: Path
    clipped: list[str]


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _wait_for(signal: SignalInstance, timeout_ms: int = 5000) -> None:
    """Run the event loop until ``signal`` fires (or the time is up: the view shows as is)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _wait_until(ready: Callable[[], bool], timeout_ms: int = 10000) -> None:
    """Run the event loop until ``ready()`` (a page loading on a worker has loaded); fail
    when it never does, rather than look at a "Loading…" note."""
    deadline = QDeadlineTimer(timeout_ms)
    while not ready():
        assert not deadline.hasExpired(), "the view did not finish loading"
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QThread.msleep(5)
    _settle()


def _metrics_loaded(window: QWidget) -> bool:
    pages = getattr(window, "_pages", {})
    if "metrics" not in pages:
        return False
    return not pages["metrics"].tasks.busy()


LAYOUT_POST = (
    "Kahvila Kanelin syyskuun viikonloppu ☕ Uutuutena korvapuustit! "
    "https://kanelikahvila.fi #kahvila @kanelikahvila"
)


# What the Drafts panel holds when it is looked at: (text, for how many accounts).
DRAFTS = (
    (
        "Talven lounaslista: lohikeitto, ruisleipä ja puolukkapiirakka 🥣 Lisää kuvat ja hinnat "
        "ennen julkaisua.",
        2,
    ),
    ("Lahjakortit jouluksi 🎁 — idea: kuva korteista tiskillä, linkki verkkokauppaan.", 0),
)


def views(
    window: QWidget,
    *,
    post_text: str = LAYOUT_POST,
    post_accounts: int | Sequence[str] = 3,
    post_images: Sequence[Path] = (),
) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """(name, show it and return the widget to grab) for every view worth looking at; the
    composer holds ``post_text`` (and ``post_images``) for the first ``post_accounts``
    accounts, or for those whose name starts with one of them ("Mastodon", "X ·")."""
    from somestudio.app.planning import Planner  # noqa: PLC0415
    from somestudio.ui.main_window import MainWindow  # noqa: PLC0415
    from somestudio.ui.schedule_dialog import ScheduleDialog  # noqa: PLC0415

    assert isinstance(window, MainWindow)

    def calendar(mode: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.show_page("calendar")
            window.calendar.set_mode(mode)
            _wait_until(lambda: not window.calendar.model.loading)  # read on a worker
            return window

        return show

    def page(key: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.show_page(key)
            if key == "metrics":  # imported and loaded on workers: wait for the numbers
                _wait_until(lambda: _metrics_loaded(window))
            return window

        return show

    def composer() -> QWidget:
        window.show_page("compose")
        compose = window.compose
        for row in range(compose.accounts.count()):
            item = compose.accounts.item(row)
            if isinstance(post_accounts, int):
                wanted = row < post_accounts
            else:
                wanted = item.text().startswith(tuple(post_accounts))
            if wanted:
                item.setCheckState(Qt.CheckState.Checked)
        compose.editor.setPlainText(post_text)
        if post_images:
            compose.media.add([str(path) for path in post_images])
        compose.run_checks()
        return window

    def drafts() -> QWidget:
        """The calendar with the Drafts panel beside it, its list read (two drafts in it)."""
        studio = window._studio
        accounts = [a.id for a in studio.accounts()]
        for text, chosen in DRAFTS:
            studio.save_draft(text, accounts[:chosen])
        window.show_page("calendar")
        window.calendar.set_mode("month")
        _wait_until(lambda: not window.calendar.model.loading)  # read on a worker
        if not window.drafts.action.isChecked():
            loaded = window.drafts.panel.loaded
            window.drafts.action.trigger()
            _wait_for(loaded)
        return window

    def schedule() -> QWidget:
        studio = window._studio
        post_id = studio.save_draft("Viikkotiedote", [studio.accounts()[0].id])
        planner = Planner(studio.workspace, now=window._now)
        dialog = ScheduleDialog(planner, post_id, HELSINKI.key, window, now=window._now)
        dialog.repeat.setCurrentIndex(1)
        dialog.show()
        return dialog

    def attention() -> QWidget:
        """The posts waiting for a decision (the demo has missed and failed ones)."""
        from somestudio.ui.attention_dialog import AttentionDialog  # noqa: PLC0415

        dialog = AttentionDialog(
            window._studio, Planner(window._studio.workspace, now=window._now), HELSINKI, window
        )
        dialog.show()
        return dialog

    def reminders() -> QWidget:
        """The posts due to be published by hand."""
        from somestudio.app.reminders import Reminders  # noqa: PLC0415
        from somestudio.ui.reminders_dialog import RemindersDialog  # noqa: PLC0415

        dialog = RemindersDialog(
            Reminders(window._studio.workspace), HELSINKI, window.prompts, window, now=window._now
        )
        dialog.show()
        return dialog

    def report() -> QWidget:
        from somestudio.ui.metrics.report_dialog import ReportDialog  # noqa: PLC0415

        dialog = ReportDialog(window._studio, HELSINKI, window, today=window._today())
        dialog.show()
        return dialog

    def review_pack() -> QWidget:
        """File → Export review pack… on the calendar's month."""
        window.export_review_pack()
        dialog = window.review_pack_dialog
        dialog.show()
        return dialog

    def shortcuts() -> QWidget:
        window.show_shortcuts()
        dialog = window.shortcuts_dialog
        dialog.show()
        return dialog

    yield "calendar-month", calendar("month")
    yield "calendar-week", calendar("week")
    yield "calendar-agenda", calendar("agenda")
    yield "composer", composer
    for key in ("metrics", "accounts", "settings", "inbox"):
        yield key, page(key)
    if "plan" in getattr(window, "_labels", {}):
        yield "plan", page("plan")
    if "collab" in getattr(window, "_labels", {}):
        yield "collab", page("collab")
    yield "drafts", drafts
    yield "schedule-dialog", schedule
    yield "attention-dialog", attention
    yield "reminders-dialog", reminders
    yield "report-dialog", report
    yield "review-pack-dialog", review_pack
    yield "shortcuts-dialog", shortcuts


def take_shots(
    window: QWidget, folder: Path, prefix: str, size: tuple[int, int] = WINDOW_SIZE
) -> list[Shot]:
    """Show each view in ``window`` (made at ``size``), save its PNG, list its clipped text."""
    try:
        from .a11y import clipped  # noqa: PLC0415
    except ImportError:  # run as a script: this folder is on sys.path
        from a11y import clipped  # type: ignore[import-not-found,no-redef]  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    for name, show in views(window):
        widget = show()
        _settle()
        path = folder / f"{prefix}-{name}.png"
        widget.grab().save(str(path))
        problems = [str(c) for c in clipped(widget)]
        if widget.width() > size[0] or widget.height() > size[1]:
            problems.append(f"the view needs {widget.width()} × {widget.height()} px")
        shots.append(Shot(name, path, problems))
        if isinstance(widget, QDialog):
            widget.close()
            widget.deleteLater()
    return shots


def make_window(
    home: Path,
    size: tuple[int, int] = WINDOW_SIZE,
    *,
    now: Callable[[], datetime] | None = None,
) -> MainWindow:
    """The window on ``home`` with its clock ``now`` (tests give one on the day their demo
    is built around); without it the real clock, which scripts/screenshots pins with
    libfaketime."""
    from somestudio.app.studio import Studio  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.domain.utc import utc_now  # noqa: PLC0415
    from somestudio.ui.main_window import MainWindow  # noqa: PLC0415

    workspace = open_workspace(home)
    window = MainWindow(
        Studio(workspace),
        workspace.settings,
        HELSINKI,
        home=home,
        log_file=home / "x.log",
        now=now or utc_now,
    )
    window.resize(*size)
    window.show()
    _settle()
    return window


def main(argv: list[str]) -> int:
    """Script mode: one window under QT_SCALE_FACTOR (from the environment); JSON out. The
    demo is built around the day given and the window's clock stands at its noon: the
    pictures do not change with the date."""
    import tempfile  # noqa: PLC0415

    from somestudio.app.demo import build_demo_home  # noqa: PLC0415
    from somestudio.ui.i18n import install_language  # noqa: PLC0415

    out, language, day = Path(argv[0]), argv[1], date.fromisoformat(argv[2])
    app = QApplication([])
    installed = install_language(language)
    home = Path(tempfile.mkdtemp(prefix="somestudio-layout-"))
    build_demo_home(home, today=day)
    noon = datetime.combine(day, time(12), HELSINKI)
    window = make_window(home, now=lambda: noon)
    shots = take_shots(window, out, f"{language}-scale{app.devicePixelRatio():g}")
    print(json.dumps([{"name": s.name, "path": str(s.path), "clipped": s.clipped} for s in shots]))
    installed.remove()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main(sys.argv[1:]))
