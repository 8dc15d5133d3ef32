"""Campaign (label) colours in the current scheme.

A label stores a colour. The theme's campaign colours are stored as their light variant and
shown as the scheme's (the dark variant in the dark scheme). A label nobody gave a colour
keeps the database's default, and is given the next campaign colour not already taken, in
name order, so the campaigns of a month read apart. Any other colour a person picked is kept
in hue and made lighter or darker until it stands out from the scheme's surface (3:1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from somestudio.ui.theme.tokens import DARK, LIGHT, Colours, colours, contrast_ratio

UNCHOSEN = "#607d8b"  # labels.colour's default in the database: no colour chosen
MIN_CONTRAST = 3.0


def campaign_slot(stored: str) -> int | None:
    """The theme campaign colour ``stored`` names (either scheme's variant), if any."""
    wanted = stored.strip().lower()
    for palette in (LIGHT.campaign, DARK.campaign):
        for slot, colour in enumerate(palette):
            if colour.lower() == wanted:
                return slot
    return None


def readable(colour: str, scheme: Colours) -> str:
    """``colour`` in its own hue, lightened (dark scheme) or darkened until it reaches 3:1
    against the scheme's surface."""
    result = QColor(colour)
    if not result.isValid():
        return scheme.campaign[0]
    hue, saturation = result.hslHueF(), result.hslSaturationF()
    lightness = result.lightnessF()
    step = 0.04 if scheme.dark else -0.04
    while contrast_ratio(result, scheme.surface) < MIN_CONTRAST and 0.0 <= lightness <= 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        result = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
        if lightness in (0.0, 1.0):
            break
    return result.name()


def campaign_colours(
    labels: Iterable[tuple[str, str]], scheme: Colours | None = None
) -> Mapping[str, str]:
    """name → colour (#rrggbb) of every label in ``scheme`` (default: the current one).
    Call it when painting: the scheme can change while the app runs."""
    return _colours(tuple(labels), (scheme or colours()).dark)


@cache
def _colours(labels: tuple[tuple[str, str], ...], dark: bool) -> Mapping[str, str]:
    scheme = DARK if dark else LIGHT
    slots = {name: campaign_slot(stored) for name, stored in labels}
    taken = {slot for slot in slots.values() if slot is not None}
    free = [slot for slot in range(len(scheme.campaign)) if slot not in taken]
    free = free or list(range(len(scheme.campaign)))
    result: dict[str, str] = {}
    unchosen = 0
    for name, stored in sorted(labels, key=lambda label: label[0].lower()):
        slot = slots[name]
        if slot is None and stored.strip().lower() == UNCHOSEN:
            slot = free[unchosen % len(free)]
            unchosen += 1
        result[name] = scheme.campaign[slot] if slot is not None else readable(stored, scheme)
    return result


def swatch(colour: str, size: int = 16) -> QIcon:
    """A small rounded square in ``colour``: a campaign's mark in lists and menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 3, 3)
    painter.end()
    return QIcon(pixmap)
