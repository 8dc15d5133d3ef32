"""The pytest side of the screen reader: ``atspi_driver.py`` run by the system Python, and the
controls it reports."""

from __future__ import annotations

import json
import select
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).with_name("atspi_driver.py")


class DriverError(AssertionError):
    pass


class Driver:
    """The pytest side of atspi_driver.py: one long-lived system-Python process."""

    def __init__(self, pid: int, env: Mapping[str, str], log: Path) -> None:
        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(DRIVER), str(pid)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=dict(env),
            text=True,
            encoding="utf-8",
        )
        self._next = 0
        first = self._readline(60)
        if not json.loads(first).get("ready"):
            raise DriverError(f"the AT-SPI driver did not start: {first}")

    def _readline(self, timeout: float) -> str:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            raise DriverError(f"the AT-SPI driver did not answer within {timeout} s")
        line = self.proc.stdout.readline()
        if not line:
            raise DriverError(
                f"the AT-SPI driver exited (it needs {SYSTEM_PYTHON} with Debian's "
                "python3-pyatspi; ./scripts/run-tests installs it):\n"
                + Path(self._log.name).read_text(encoding="utf-8", errors="replace")
            )
        return line

    def call(self, cmd: str, **args: Any) -> Any:
        assert self.proc.stdin is not None
        self._next += 1
        request = {"id": self._next, "cmd": cmd, **args}
        self.proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        patience = float(args.get("timeout", 0)) + 60
        reply = json.loads(self._readline(patience))
        if not reply.get("ok"):
            raise DriverError(f"{cmd} {args}: {reply.get('error')}")
        return reply.get("result")

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._log.close()


@dataclass
class Control:
    """A control as AT-SPI reports it at the moment it was found."""

    ref: int
    role: str
    name: str
    states: list[str]
    extents: tuple[int, int, int, int] | None
    text: str | None
    description: str
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def of(cls, info: dict[str, Any]) -> Control:
        box = info.get("extents")
        return cls(
            ref=int(info["ref"]),
            role=str(info["role"]),
            name=str(info["name"]),
            states=list(info["states"]),
            extents=tuple(box) if box else None,
            text=info.get("text"),
            description=str(info.get("description", "")),
            raw=info,
        )

    @property
    def center(self) -> tuple[int, int]:
        if not self.extents or self.extents[2] <= 0 or self.extents[3] <= 0:
            raise DriverError(f"{self.role} {self.name!r} has no place on screen")
        x, y, w, h = self.extents
        return x + w // 2, y + h // 2

    @property
    def labelled_by(self) -> list[str]:
        """The labels a combo box is labelled by (reported for combo boxes only)."""
        return [str(name) for name in self.raw.get("labelled_by", [])]

    def has(self, state: str) -> bool:
        return state in self.states
