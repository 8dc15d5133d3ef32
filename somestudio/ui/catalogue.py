"""The translation catalogues: Qt Linguist sources (.ts) in resources/translations, compiled
to .qm by lrelease.

The .ts files are the source and are committed; the .qm files are built, never committed:

- in a checkout, ``scripts/run-app`` and ``scripts/run-tests`` compile them beside the .ts
  (``python -m somestudio.ui.catalogue``), and so does ``build.spec`` before bundling;
- a wheel carries whatever .qm files the source tree had when it was built, and always the
  .ts files. When a .qm is missing or older than its .ts (``pipx install .`` from a fresh
  clone), the first start compiles the .ts into the user's cache folder with the lrelease
  that ships inside the PySide6 wheel, keyed by the .ts file's contents.

This module needs no Qt: build.spec and the scripts call it before any QApplication exists.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import sys
from pathlib import Path

from somestudio import APP_ID

log = logging.getLogger(__name__)

LANGUAGES = ("en", "fi")  # English is the source language; its catalogue holds plural forms
CATALOGUE = "somestudio_{language}.ts"
LRELEASE_TIMEOUT = 60
# Without source locations: line numbers change with every edit, and the .ts diffs stay small.
LUPDATE_OPTIONS = ("-extensions", "py", "-recursive", "-locations", "none", "-no-obsolete")


def translations_folder() -> Path:
    """resources/translations in a checkout, a wheel or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    package = Path(__file__).resolve().parents[1]
    candidates = [
        *([Path(bundle) / "resources"] if bundle else []),
        package / "resources",
        package.parent / "resources",
    ]
    for candidate in candidates:
        if (candidate / "translations").is_dir():
            return candidate / "translations"
    return candidates[-1] / "translations"


def ts_file(language: str, folder: Path | None = None) -> Path:
    return (folder or translations_folder()) / CATALOGUE.format(language=language)


def qt_tool(name: str) -> Path | None:
    """A Qt tool (lrelease, lupdate): the one inside the PySide6 wheel (a run-time
    dependency), else pyside6-NAME or NAME on PATH."""
    spec = importlib.util.find_spec("PySide6")
    names = (f"{name}.exe", name) if os.name == "nt" else (name,)
    if spec is not None and spec.origin:
        for candidate_name in names:
            candidate = Path(spec.origin).parent / candidate_name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    for command in (f"pyside6-{name}", name):
        found = shutil.which(command)
        if found:
            return Path(found)
    return None


def lrelease() -> Path | None:
    return qt_tool("lrelease")


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm`` (written atomically); False when lrelease is missing or fails."""
    tool = lrelease()
    if tool is None:
        log.warning("no lrelease found: cannot compile %s", ts)
        return False
    import subprocess  # noqa: PLC0415 - the window's start compiles nothing as a rule
    import tempfile  # noqa: PLC0415

    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=qm.parent, prefix=".", suffix=".qm")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        result = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(tmp)],
            capture_output=True,
            text=True,
            timeout=LRELEASE_TIMEOUT,
            check=False,
        )
        if result.returncode != 0 or not tmp.is_file() or tmp.stat().st_size == 0:
            log.warning("lrelease failed on %s: %s", ts, result.stderr.strip())
            return False
        tmp.chmod(0o644)  # mkstemp made it private; it is a plain data file
        tmp.replace(qm)
        return True
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lrelease failed on %s: %s", ts, exc)
        return False
    finally:
        tmp.unlink(missing_ok=True)


def _up_to_date(qm: Path, ts: Path) -> bool:
    try:
        return qm.stat().st_mtime >= ts.stat().st_mtime
    except OSError:
        return False


def cache_folder() -> Path:
    import platformdirs  # noqa: PLC0415 - only when a catalogue has to be compiled

    return platformdirs.user_cache_path(APP_ID, appauthor=False) / "translations"


def qm_file(language: str, folder: Path | None = None) -> Path | None:
    """A compiled catalogue for ``language`` that matches its .ts, compiling one if needed."""
    ts = ts_file(language, folder)
    beside = ts.with_suffix(".qm")
    if not ts.is_file():
        return beside if beside.is_file() else None  # a bundle may carry the .qm alone
    # A bundle's .qm were compiled from these very .ts by build.spec; copying them into the
    # bundle does not keep their modification times, so they are not compared.
    if _up_to_date(beside, ts) or (getattr(sys, "frozen", False) and beside.is_file()):
        return beside
    import hashlib  # noqa: PLC0415 - only for a catalogue compiled into the cache

    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    try:
        cached = cache_folder() / f"{ts.stem}-{digest}.qm"
    except Exception:  # no usable cache folder: an old .qm is better than none
        log.exception("no cache folder for compiled translations")
        return beside if beside.is_file() else None
    if cached.is_file() or compile_ts(ts, cached):
        return cached
    return beside if beside.is_file() else None


def build_all(folder: Path | None = None, *, force: bool = False) -> list[Path]:
    """Compile every .ts in the folder whose .qm is missing or older; the .qm files written."""
    written = []
    for language in LANGUAGES:
        ts = ts_file(language, folder)
        qm = ts.with_suffix(".qm")
        if ts.is_file() and (force or not _up_to_date(qm, ts)):
            if not compile_ts(ts, qm):
                raise RuntimeError(f"could not compile {ts}")
            written.append(qm)
    return written


def update(source: Path, folder: Path | None = None) -> None:
    """Bring the .ts files up to date with the strings in ``source`` (lupdate): new strings
    come in unfinished, existing translations stay, strings no longer in the code go.
    English keeps only the messages with plural forms ("%n posts")."""
    import subprocess  # noqa: PLC0415

    tool = qt_tool("lupdate")
    if tool is None:
        raise RuntimeError("lupdate not found (it comes with PySide6)")
    folder = folder or translations_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        only_plurals = ["-pluralonly"] if language == "en" else []
        command = [
            str(tool),
            *LUPDATE_OPTIONS,
            *only_plurals,
            "-source-language",
            "en",
            "-target-language",
            language,
            str(source),
            "-ts",
            str(ts_file(language, folder)),
        ]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=LRELEASE_TIMEOUT, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"lupdate failed: {result.stderr.strip() or result.stdout}")


def main(argv: list[str] | None = None) -> int:
    """``python -m somestudio.ui.catalogue [--force]``: compile the catalogues beside their
    sources; ``... update``: refresh the .ts files from the code first."""
    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        if "update" in args:
            update(Path(__file__).resolve().parents[1])
        build_all(force="--force" in args or "update" in args)
    except RuntimeError as exc:
        print(f"somestudio: {exc}", file=sys.stderr)  # noqa: T201
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
