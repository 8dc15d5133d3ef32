"""Schema migrations: ``NNN_name.sql`` files applied in order, each in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_FOLDER = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step. A shipped step's SQL is read only when it is applied: start-up needs
    the numbers alone."""

    version: int
    name: str
    path: Path | None = None
    text: str = ""

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8") if self.path is not None else self.text


def _load() -> tuple[Migration, ...]:
    found: list[Migration] = []
    for path in _FOLDER.iterdir():
        entry = path.name
        stem, dot, suffix = entry.partition(".")
        number, _, name = stem.partition("_")
        if suffix == "sql" and dot and len(number) == 3 and number.isdigit() and name:
            found.append(Migration(int(number), name, path=path))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbers must run 1..n without gaps, found {versions}")
    return tuple(found)


MIGRATIONS = _load()
