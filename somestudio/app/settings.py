"""User settings in a small JSON file beside the database. Never holds a secret."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
# Allowed ranges of the numbers a person might edit by hand (the Settings page's ranges).
BOUNDS: dict[str, tuple[int, int]] = {"catch_up_minutes": (0, 24 * 60)}


@dataclass(frozen=True, slots=True)
class Settings:
    keep_in_tray: bool = False
    catch_up_minutes: int = 15
    language: str = ""  # empty: follow the system
    local_archive_folder: str = ""
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""
    last_page: str = "calendar"
    drafts_shown: bool = False  # the Drafts list beside Compose and the Calendar
    welcome_seen: bool = False  # the first-run welcome was closed (or an account added)
    # Accounts whose new inbox replies and mentions raise no desktop notification (default:
    # every account notifies).
    inbox_quiet_accounts: list[int] = field(default_factory=list)
    # The folder last chosen in a file dialog, per purpose ("media", "reports", ...).
    last_folders: dict[str, str] = field(default_factory=dict)
    # The workspace in use (`somestudio workspace use`): empty for the data folder's own
    # SQLite file, else its URL as `WorkspaceUrl.display()` writes it (never a password).
    workspace_url: str = ""
    # Who uses this computer, per workspace (its URL as above, "" for the data folder's
    # own file): a member id of that workspace's members (issue 17, approval).
    member_here: dict[str, int] = field(default_factory=dict)
    # The colours the window last showed, "dark" or "light" (empty: not yet known). Its
    # next first frame uses them, and the system's scheme is asked once it shows: asking
    # first costs the 14 ms of PySide's Qt namespace (ui/theme/scheme.py).
    colour_scheme: str = ""


def peek(folder: Path, name: str) -> str:
    """The text setting ``name`` from the data folder's settings file, read without side
    effects ("" when it is not set or cannot be read): for what start-up needs before the
    folder is locked. ``SettingsStore`` deals with a damaged file later."""
    try:
        raw = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    value = raw.get(name, "") if isinstance(raw, dict) else ""
    return value if isinstance(value, str) else ""


class SettingsStore:
    """Loads leniently (a damaged file is set aside, not lost) and saves atomically."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / SETTINGS_FILE
        # What was wrong in the file as loaded (a value out of range was replaced by its
        # default); `somestudio doctor` shows these.
        self.problems: list[str] = []
        self._value = self._load()
        self._stamp = self._file_stamp()

    @property
    def value(self) -> Settings:
        return self._value

    def update(self, **changes: Any) -> Settings:
        """Change some settings and save. The file is read again first when another store
        (``somestudio workspace use`` from a terminal, Settings → Workspace, another part
        of the window) wrote it since: their change is kept, not saved over."""
        if self._file_stamp() != self._stamp:
            self._value = self._load()
        self._value = replace(self._value, **changes)
        self._save()
        self._stamp = self._file_stamp()
        return self._value

    def _file_stamp(self) -> tuple[int, int, int] | None:
        """The file as last seen: each save renames a new file into place (a new inode), so
        a write within the file system's timestamp tick is noticed too."""
        try:
            found = self.path.stat()
        except OSError:
            return None
        return found.st_ino, found.st_mtime_ns, found.st_size

    def _load(self) -> Settings:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError) as exc:
            aside = self.path.with_suffix(".json.damaged")
            with contextlib.suppress(OSError):
                self.path.replace(aside)
            log.warning("settings file %s unreadable (%s); kept it as %s", self.path, exc, aside)
            return Settings()
        if not isinstance(raw, dict):
            return Settings()
        known = {f.name: f.type for f in fields(Settings)}
        defaults = Settings()
        clean: dict[str, Any] = {}
        for name, value in raw.items():
            if name in known and type(value) is type(getattr(defaults, name)):
                if name in BOUNDS and not BOUNDS[name][0] <= value <= BOUNDS[name][1]:
                    low, high = BOUNDS[name]
                    problem = (
                        f"{name} is {value} in {self.path}; it must be between {low} and "
                        f"{high}, so {getattr(defaults, name)} is used"
                    )
                    self.problems.append(problem)
                    log.warning("settings: %s", problem)
                    continue
                clean[name] = value
        return replace(defaults, **clean)

    def _save(self) -> None:
        data = json.dumps(asdict(self._value), indent=2, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).replace(self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
