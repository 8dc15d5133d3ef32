"""Which computers can publish an account of a shared workspace, as one sentence:
"Can publish from: laptop-jonna (this computer), pi-server (seen 3 min ago)"."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from somestudio.app.machines import Publisher


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Publishers", text, "", n)


def seen_text(age: timedelta) -> str:
    minutes = int(age.total_seconds() // 60)
    if minutes < 1:
        return _tr("seen just now")
    if minutes < 60:
        return _tr("seen %n min ago", minutes)
    hours = minutes // 60
    if hours < 48:
        return _tr("seen %n h ago", hours)
    return _tr("seen %n days ago", hours // 24)


def publishers_sentence(publishers: list[Publisher]) -> str:
    if not publishers:
        return _tr("No computer can publish this account — connect it on one.")
    names = [
        _tr("%1 (this computer)").replace("%1", p.name)
        if p.here
        else _tr("%1 (%2)").replace("%1", p.name).replace("%2", seen_text(p.age))
        for p in publishers
    ]
    return _tr("Can publish from: %1").replace("%1", ", ".join(names))
