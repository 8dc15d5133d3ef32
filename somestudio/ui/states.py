"""How a delivery state is shown: a glyph and a word as well as a colour (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import ScheduledEntry

GLYPHS: dict[DeliveryState, str] = {
    DeliveryState.DRAFT: "✎",
    DeliveryState.SCHEDULED: "◷",
    DeliveryState.PUBLISHING: "⇡",
    DeliveryState.PUBLISHED: "✓",
    DeliveryState.FAILED: "✕",
    DeliveryState.NEEDS_ATTENTION: "!",
    DeliveryState.MISSED: "⊘",
}

BACKGROUNDS: dict[DeliveryState, str] = {
    DeliveryState.DRAFT: "#eceff1",
    DeliveryState.SCHEDULED: "#e3f2fd",
    DeliveryState.PUBLISHING: "#fff8e1",
    DeliveryState.PUBLISHED: "#e8f5e9",
    DeliveryState.FAILED: "#ffebee",
    DeliveryState.NEEDS_ATTENTION: "#fff3e0",
    DeliveryState.MISSED: "#f3e5f5",
}


def state_name(state: DeliveryState) -> str:
    names = {
        DeliveryState.DRAFT: QCoreApplication.translate("DeliveryState", "Draft"),
        DeliveryState.SCHEDULED: QCoreApplication.translate("DeliveryState", "Scheduled"),
        DeliveryState.PUBLISHING: QCoreApplication.translate("DeliveryState", "Publishing"),
        DeliveryState.PUBLISHED: QCoreApplication.translate("DeliveryState", "Published"),
        DeliveryState.FAILED: QCoreApplication.translate("DeliveryState", "Failed"),
        DeliveryState.NEEDS_ATTENTION: QCoreApplication.translate(
            "DeliveryState", "Needs attention"
        ),
        DeliveryState.MISSED: QCoreApplication.translate("DeliveryState", "Missed"),
    }
    return names[state]


# A post due on an account published by hand waits for the user: a reminder, not a failure.
BY_HAND_GLYPH = "📋"
BY_HAND_BACKGROUND = "#e0f2f1"


def entry_glyph(entry: ScheduledEntry) -> str:
    return BY_HAND_GLYPH if entry.waiting_by_hand else GLYPHS[entry.state]


def entry_state_name(entry: ScheduledEntry) -> str:
    if entry.waiting_by_hand:
        return QCoreApplication.translate("DeliveryState", "To publish by hand")
    return state_name(entry.state)


def entry_background(entry: ScheduledEntry) -> str:
    return BY_HAND_BACKGROUND if entry.waiting_by_hand else BACKGROUNDS[entry.state]
