"""Which computers can publish an account of a shared workspace, as one sentence:
"Can publish from: laptop-jonna (this computer), pi-server (seen 3 min ago)"."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject

from somestudio.app.machines import Publisher


class Publishers(QObject):
    """The words (a QObject for ``tr``'s plural forms; its name is their context)."""

    def seen(self, age: timedelta) -> str:
        minutes = int(age.total_seconds() // 60)
        if minutes < 1:
            return self.tr("seen just now")
        if minutes < 60:
            return self.tr("seen %n min ago", "", minutes)
        hours = minutes // 60
        if hours < 48:
            return self.tr("seen %n h ago", "", hours)
        return self.tr("seen %n days ago", "", hours // 24)

    def entry(self, publisher: Publisher) -> str:
        if publisher.here:
            return self.tr("%1 (this computer)").replace("%1", publisher.name)
        return (
            self.tr("%1 (%2)").replace("%1", publisher.name).replace("%2", self.seen(publisher.age))
        )

    def sentence(self, publishers: list[Publisher]) -> str:
        if not publishers:
            return self.tr("No computer can publish this account — connect it on one.")
        names = ", ".join(self.entry(p) for p in publishers)
        return self.tr("Can publish from: %1").replace("%1", names)


def publishers_sentence(publishers: list[Publisher]) -> str:
    return Publishers().sentence(publishers)
