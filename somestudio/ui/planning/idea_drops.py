"""Ideas dragged onto the calendar: a drop of an idea becomes ``dropped(idea_id, wall time)``
(see ``CalendarDrops``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData

from somestudio.ui.calendar.drops import CalendarDrops, id_from_mime, id_mime

MIME_IDEA = "application/x-somestudio-idea"


def idea_mime(idea_id: int, text: str) -> QMimeData:
    return id_mime(MIME_IDEA, idea_id, text)


def idea_from_mime(mime: QMimeData) -> int | None:
    return id_from_mime(MIME_IDEA, mime)


class IdeaDrops(CalendarDrops):
    def __init__(self, calendar: Any) -> None:  # a CalendarPage
        super().__init__(calendar, MIME_IDEA)
