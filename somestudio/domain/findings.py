"""What a check found: a stable code, how serious it is, where it is, and what to tell the user."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from somestudio.domain.messages import render


class Severity(StrEnum):
    ERROR = "error"  # the network would refuse (or silently cut) the post: blocks scheduling
    WARNING = "warning"  # worth knowing; the post can still go out


Param = str | int


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One finding; ``start``/``end`` are code-point offsets into the checked text."""

    start: int
    end: int
    code: str  # e.g. "x.too_long", "text.nul"; stable, for tests, logs and the UI
    severity: Severity
    params: tuple[tuple[str, Param], ...] = ()
    lang: str = "en"

    @property
    def message(self) -> str:
        """The message in the language the check was asked for."""
        return render(self.code, self.lang, dict(self.params))

    def message_in(self, lang: str) -> str:
        return render(self.code, lang, dict(self.params))

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
        }


def error(code: str, start: int, end: int, lang: str, **params: Param) -> Finding:
    return Finding(start, end, code, Severity.ERROR, tuple(params.items()), lang)


def warning(code: str, start: int, end: int, lang: str, **params: Param) -> Finding:
    return Finding(start, end, code, Severity.WARNING, tuple(params.items()), lang)
