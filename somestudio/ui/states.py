"""How a delivery state is shown: a glyph and a word as well as a colour (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.domain.delivery_state import DeliveryState

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
    tr = QCoreApplication.translate
    names = {
        DeliveryState.DRAFT: tr("DeliveryState", "Draft"),
        DeliveryState.SCHEDULED: tr("DeliveryState", "Scheduled"),
        DeliveryState.PUBLISHING: tr("DeliveryState", "Publishing"),
        DeliveryState.PUBLISHED: tr("DeliveryState", "Published"),
        DeliveryState.FAILED: tr("DeliveryState", "Failed"),
        DeliveryState.NEEDS_ATTENTION: tr("DeliveryState", "Needs attention"),
        DeliveryState.MISSED: tr("DeliveryState", "Missed"),
    }
    return names[state]
