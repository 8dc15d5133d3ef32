"""Screenshots for docs/screenshots/: every page of Some Studio on the demo data, in Finnish
and English, light and dark, at 1366 × 850, as <page>-<language>-<theme>.png, plus the
monthly report's first page as report-<language>.png (paper: the same in either theme).

Run it through scripts/screenshots, which pins the clock with libfaketime to DEMO_NOW so the
calendar, "today" and the report's month are the same whenever the pictures are made. The
views are the ones the layout tests check (tests/ui/layout_views.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

DEMO_DAY = date(2026, 12, 10)  # a Thursday in the café's December; scripts/screenshots agrees
ZONE = ZoneInfo("Europe/Helsinki")
SIZE = (1366, 850)
# Fixed, since the Settings page shows it; made with mode 700, never followed as a symlink,
# and removed only when it carries MARKER.
DEMO_HOME = Path("/tmp/somestudio-demo")  # noqa: S108
MARKER = ".made-by-scripts-screenshots"
LANGUAGES = ("fi", "en")
THEMES = ("light", "dark")
POSTS = {
    "fi": "Joulun aukioloajat ovat täällä! 🎄 Glögiä ja piparkakkuja koko joulukuun, "
    "pöydän voi varata netistä: https://example.com/kahvila-aurinko/joulu "
    "#joulu #tampere @kahvila_aurinko",
    "en": "Our Christmas opening hours are here! 🎄 Mulled wine and gingerbread all December; "
    "book a table online: https://example.com/kahvila-aurinko/christmas "
    "#christmas #tampere @kahvila_aurinko",
}
# The post open in Compose goes to four networks, with a photo (Instagram needs one).
COMPOSER_ACCOUNTS = ("Bluesky", "Instagram", "Mastodon", "X ")
COMPOSER_IMAGE = "winter.jpg"  # one of the demo's photos, in its media folder
FILE_NAMES = {"composer": "compose"}


def quiet_offscreen_notes() -> None:
    """The offscreen platform says, for every window, that it cannot pass size hints on."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler  # noqa: PLC0415

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def wait(ms: int) -> None:
    """Let the event loop run ``ms`` milliseconds: lists read off the GUI thread arrive."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save_png(image: object, path: Path) -> None:
    """Save a QImage/QPixmap as a small PNG: pngquant when it is there, else Pillow."""
    from PIL import Image  # noqa: PLC0415

    raw = path.with_suffix(".raw.png")
    assert image.save(str(raw))  # type: ignore[attr-defined]
    quant = shutil.which("pngquant")
    if quant is not None:
        done = subprocess.run(
            [quant, "--quality=70-95", "--speed=1", "--strip", "--force", "--output", str(path),
             str(raw)],
            check=False,
        )  # fmt: skip
        if done.returncode == 0:
            raw.unlink()
            return
    with Image.open(raw) as picture:
        picture.save(path, optimize=True)
    raw.unlink()


def fresh_demo_home() -> Path:
    """The demo's data folder, built anew: always the same path, since Settings shows it."""
    from somestudio.app.demo import build_demo_home  # noqa: PLC0415

    if DEMO_HOME.is_symlink() or DEMO_HOME.exists():
        if DEMO_HOME.is_symlink() or not (DEMO_HOME / MARKER).is_file():
            raise SystemExit(f"screenshots: {DEMO_HOME} exists and is not ours; move it away")
        shutil.rmtree(DEMO_HOME)
    DEMO_HOME.mkdir(mode=0o700)
    (DEMO_HOME / MARKER).touch()
    build_demo_home(DEMO_HOME, today=DEMO_DAY)
    return DEMO_HOME


def shoot_window(language: str, theme: str, out: Path) -> list[Path]:
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QDialog  # noqa: PLC0415

    from somestudio.ui.theme import apply_scheme  # noqa: PLC0415
    from tests.ui.layout_views import make_window, views  # noqa: PLC0415

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_scheme(app, Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
    home = fresh_demo_home()
    window = make_window(home, SIZE)
    written = []
    for name, show in views(
        window,
        post_text=POSTS[language],
        post_accounts=COMPOSER_ACCOUNTS,
        post_images=[home / "media" / COMPOSER_IMAGE],
    ):
        widget = show()
        wait(400)
        path = out / f"{FILE_NAMES.get(name, name)}-{language}-{theme}.png"
        save_png(widget.grab(), path)
        written.append(path)
        if isinstance(widget, QDialog):
            widget.close()
            widget.deleteLater()
    window.close()
    window._studio.workspace.close()  # the window does not own it
    window.deleteLater()
    wait(50)
    return written


def shoot_report(language: str, out: Path) -> Path:
    from somestudio.app.metrics_report import build_report, last_full_month  # noqa: PLC0415
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415
    from somestudio.ui.metrics.report_pdf import render_report_pages  # noqa: PLC0415

    workspace = open_workspace(fresh_demo_home())
    try:
        report = build_report(workspace.connection, last_full_month(DEMO_DAY), ZONE)
    finally:
        workspace.close()
    rendered = render_report_pages(report)
    path = out / f"report-{language}.png"
    save_png(rendered.pages[0], path)
    return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, nargs="?", default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    today = datetime.now(ZONE).date()
    if today != DEMO_DAY:
        sys.stderr.write(
            f"screenshots: the clock says {today}, not {DEMO_DAY}: run scripts/screenshots "
            "(it fixes the clock with libfaketime)\n"
        )
        return 2
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from somestudio.ui.i18n import install_language  # noqa: PLC0415

    quiet_offscreen_notes()
    app = QApplication(["somestudio-screenshots"])
    app.setCursorFlashTime(0)  # a text cursor that blinks would be in some pictures, not others
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    written: list[Path] = []
    try:
        for language in LANGUAGES:
            installed = install_language(language)
            try:
                for theme in THEMES:
                    written += shoot_window(language, theme, out)
                written.append(shoot_report(language, out))
            finally:
                installed.remove()
    finally:
        if not DEMO_HOME.is_symlink() and (DEMO_HOME / MARKER).is_file():
            shutil.rmtree(DEMO_HOME, ignore_errors=True)
    size = sum(p.stat().st_size for p in written)
    sys.stdout.write(f"screenshots: wrote {len(written)} pictures ({size // 1024} KiB) to {out}\n")
    del app
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main(sys.argv[1:]))
