"""How a delivery state is shown: a glyph and a word as well as a colour (never colour alone)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.posts import ScheduledEntry
from somestudio.ui.theme.tokens import LIGHT, Colours, colours

GLYPHS: dict[DeliveryState, str] = {
    DeliveryState.DRAFT: "✎",
    DeliveryState.SCHEDULED: "◷",
    DeliveryState.PUBLISHING: "⇡",
    DeliveryState.PUBLISHED: "✓",
    DeliveryState.FAILED: "✕",
    DeliveryState.NEEDS_ATTENTION: "!",
    DeliveryState.MISSED: "⊘",
}

# Deprecated, for the calendar until it takes ``state_colours``: the light scheme's chip
# colours, which its callers pair with dark text in both schemes.
BACKGROUNDS: Mapping[DeliveryState, str] = LIGHT.states


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
BY_HAND_BACKGROUND = LIGHT.by_hand  # deprecated: see BACKGROUNDS


# A contributor's post waiting for an editor, or returned with a comment (issue 17).
APPROVAL_GLYPHS: dict[str, str] = {"waiting": "⏳", "returned": "↩"}


def approval_name(approval: str) -> str:
    if approval == "returned":
        return QCoreApplication.translate("DeliveryState", "Returned for changes")
    return QCoreApplication.translate("DeliveryState", "Waiting for approval")


def entry_glyph(entry: ScheduledEntry) -> str:
    if entry.approval:
        return APPROVAL_GLYPHS.get(entry.approval, APPROVAL_GLYPHS["waiting"])
    return BY_HAND_GLYPH if entry.waiting_by_hand else GLYPHS[entry.state]


def entry_state_name(entry: ScheduledEntry) -> str:
    if entry.approval:
        return approval_name(entry.approval)
    if entry.waiting_by_hand:
        return QCoreApplication.translate("DeliveryState", "To publish by hand")
    return state_name(entry.state)


def entry_background(entry: ScheduledEntry) -> str:
    """Deprecated (light in both schemes, for dark text): use ``entry_colours``."""
    return BY_HAND_BACKGROUND if entry.waiting_by_hand else BACKGROUNDS[entry.state]


def state_colours(state: DeliveryState, scheme: Colours | None = None) -> tuple[str, str]:
    """(background, text) of a chip in ``state``, in the current scheme unless given.
    Read it when painting, not when building: the scheme can change while the app runs."""
    scheme = scheme or colours()
    return scheme.state(state), scheme.text


def entry_colours(entry: ScheduledEntry, scheme: Colours | None = None) -> tuple[str, str]:
    """(background, text) of ``entry``'s chip: by hand, or its state's."""
    scheme = scheme or colours()
    if entry.waiting_by_hand or entry.approval == "waiting":
        return scheme.by_hand, scheme.text
    return state_colours(entry.state, scheme)
