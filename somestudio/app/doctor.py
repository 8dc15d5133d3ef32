"""`somestudio doctor`: everything a support question would ask first, with a verdict each."""

from __future__ import annotations

import concurrent.futures
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from somestudio import __version__
from somestudio.app.paths import DataHome
from somestudio.app.settings import SettingsStore
from somestudio.app.workspace import open_workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.catalogue import ageing_versions
from somestudio.secrets import keyring_status, probe_keyring
from somestudio.store.accounts import list_accounts
from somestudio.store.database import DATABASE_FILE, LATEST_VERSION, StorageError

PROBE_TIMEOUT_S = 20.0
T = TypeVar("T")
_SET_TZ = "set TZ to an IANA zone, e.g. TZ=Europe/Helsinki"


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    value: str
    ok: bool
    advice: str = ""


def run_checks(home: DataHome, *, today: date | None = None) -> list[Check]:
    """Every check; ``today`` (the local date unless given) dates the API version warnings."""
    checks = [Check("version", __version__, ok=True)]
    checks += _storage_checks(home)
    checks += api_version_checks(connected_networks(home), today or date.today())
    checks.append(_keyring_check())
    checks.append(_qt_check())
    checks.append(_zone_check())
    return checks


def _storage_checks(home: DataHome) -> list[Check]:
    source = "SOMESTUDIO_HOME" if home.explicit else "platform default"
    folder = Check("data folder", f"{home.path} ({source})", ok=True)
    db_path = home.path / DATABASE_FILE
    if home.path.exists() and not home.path.is_dir():
        advice = "this is a file, not a folder; point SOMESTUDIO_HOME at a folder"
        return [Check("data folder", str(home.path), ok=False, advice=advice)]
    if not home.path.is_dir():
        if home.explicit:
            return [Check("data folder", str(home.path), ok=False, advice="folder does not exist")]
        return [folder, Check("database", "not created yet (made on first start)", ok=True)]
    chosen = SettingsStore(home.path).value.workspace_url  # `workspace use`: another one
    if not chosen and not db_path.exists():
        return [folder, Check("database", f"{db_path}: not created yet", ok=True)]
    where = chosen or str(db_path)
    try:
        workspace = open_workspace(home.path, full_check=True)
    except StorageError as exc:
        return [folder, Check("database", where, ok=False, advice=str(exc))]
    report = workspace.report
    problems = workspace.settings.problems
    workspace.close()
    checks = [
        folder,
        Check("database", where, ok=True),
        Check("schema version", f"{report.schema_version} (latest {LATEST_VERSION})", ok=True),
        Check("integrity", report.integrity, ok=report.integrity == "ok"),
    ]
    if report.backup:
        checks.append(Check("migration backup", str(report.backup), ok=True))
    checks.append(
        Check("settings", "; ".join(problems), ok=False, advice="fix or delete settings.json")
        if problems
        else Check("settings", "ok", ok=True)
    )
    checks.append(_lock_check(home))
    return checks


def connected_networks(home: DataHome) -> set[Network]:
    """Networks with an account that publishes through their API (none when the database
    cannot be read: the storage checks say why)."""
    if (
        not (home.path / DATABASE_FILE).is_file()
        and not SettingsStore(home.path).value.workspace_url
    ):
        return set()
    try:
        workspace = open_workspace(home.path)
    except StorageError:
        return set()
    try:
        return {
            a.network
            for a in list_accounts(workspace.connection())
            if a.publish_method is PublishMethod.API
        }
    finally:
        workspace.close()


def api_version_checks(networks: set[Network], today: date) -> list[Check]:
    """A warning for each connected network whose pinned API version ends within 60 days
    (or has ended): what to do, and by when."""
    checks = []
    for ageing in ageing_versions(networks, today):
        name, version = ageing.network.display_name, ageing.version
        sunset = ageing.sunset.isoformat()
        if ageing.ended:
            advice = (
                f"{name} stopped serving API version {version.name} on {sunset}: Some Studio "
                f"needs an update to publish to {name}. Install the newest Some Studio."
            )
        else:
            advice = (
                f"Some Studio needs an update before {sunset} for {name}: {name} stops "
                f"serving API version {version.name} then. Install the newest Some Studio "
                "before that date."
            )
        checks.append(
            Check(f"{name} API", f"version {version.name} ends {sunset}", ok=False, advice=advice)
        )
    return checks


def _lock_check(home: DataHome) -> Check:
    from somestudio.app.instance_lock import LOCK_FILE, LockState, lock_state  # noqa: PLC0415

    path = home.path / LOCK_FILE
    state = lock_state(path)
    if state is LockState.FREE:
        return Check("instance lock", "free (nothing is running on this folder)", ok=True)
    try:
        pid = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0].strip()
    except OSError:
        pid = "?"
    if state is LockState.HELD:
        return Check("instance lock", f"held by pid {pid} (Some Studio is running)", ok=True)
    return Check(
        "instance lock",
        f"stale (pid {pid} is gone or now another program)",
        ok=False,
        advice="no Some Studio process holds it; the next start takes it over",
    )


def _with_timeout(func: Callable[[], T], seconds: float) -> T:
    # A locked keyring can sit on an unlock prompt forever; doctor must still finish. A daemon
    # thread: a pool's worker would be joined at exit and hang the process after the report.
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def work() -> None:
        try:
            future.set_result(func())
        except BaseException as exc:
            future.set_exception(exc)

    threading.Thread(target=work, name="doctor-probe", daemon=True).start()
    return future.result(timeout=seconds)


def _keyring_check() -> Check:
    try:
        status = _with_timeout(keyring_status, PROBE_TIMEOUT_S)
    except concurrent.futures.TimeoutError:
        return Check("keyring", "no answer", ok=False, advice="the keyring did not answer in time")
    if status.secure:
        # Choosing a backend asks nothing of the keyring daemon: ask it something real.
        try:
            _with_timeout(probe_keyring, PROBE_TIMEOUT_S)
        except concurrent.futures.TimeoutError:
            return Check(
                "keyring",
                f"{status.backend} (not answering)",
                ok=False,
                advice="the keyring did not answer in time; is it locked or is its service "
                "(e.g. gnome-keyring-daemon) stopped?",
            )
        except Exception as exc:
            return Check(
                "keyring",
                f"{status.backend} (not answering)",
                ok=False,
                advice=f"the keyring refused a read ({type(exc).__name__}: {exc}); start "
                "its service (e.g. gnome-keyring-daemon) or unlock it",
            )
    verdict = "secure" if status.secure else "NOT secure"
    advice = (
        ""
        if status.secure
        else (
            f"{status.reason}; accounts that need a token cannot be connected until a system "
            "keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager) works"
        )
    )
    return Check("keyring", f"{status.backend} ({verdict})", ok=status.secure, advice=advice)


def probe_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "qt-probe"]
    return [sys.executable, "-m", "somestudio", "qt-probe"]


def _qt_check() -> Check:
    # In a child process: a Qt platform that cannot start aborts the whole process.
    try:
        done = subprocess.run(
            probe_command(), capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return Check("Qt platform", "no answer", ok=False, advice="Qt did not start in time")
    if done.returncode == 0:
        return Check("Qt platform", done.stdout.strip(), ok=True)
    lines = done.stderr.strip().splitlines() or ["unknown error"]
    detail = next((ln for ln in lines if "could not" in ln.lower()), lines[-1]).rstrip(".")
    display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or "none"
    return Check(
        "Qt platform",
        f"cannot start (display: {display})",
        ok=False,
        advice=f"{detail}. Run the README's set-up command as root to install Qt's libraries.",
    )


def _zone_check() -> Check:
    import tzlocal  # noqa: PLC0415 - only doctor and scheduling need it

    try:
        name = tzlocal.get_localzone_name()
    except (ValueError, LookupError) as exc:
        return Check(
            "time zone", "unknown", ok=False, advice=f"{exc}; set TZ, e.g. TZ=Europe/Helsinki"
        )
    if not name:
        return Check("time zone", "unknown", ok=False, advice="set TZ, e.g. TZ=Europe/Helsinki")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder ("Europe")
        return Check("time zone", name, ok=False, advice="not a known IANA zone; install tzdata")
    return Check("time zone", name, ok=True)


def format_report(checks: list[Check]) -> str:
    width = max(len(c.name) for c in checks)
    lines = []
    for check in checks:
        mark = "ok " if check.ok else "!! "
        lines.append(f"{mark}{check.name.ljust(width)}  {check.value}")
        if check.advice:
            lines.append(f"   {' ' * width}  → {check.advice}")
    return "\n".join(lines)


def is_healthy(checks: list[Check]) -> bool:
    return all(c.ok for c in checks)
