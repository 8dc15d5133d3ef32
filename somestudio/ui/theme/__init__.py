"""The visual system in one place: scheme (light/dark), tokens (spacing, type, colours),
marks (network logos and monograms), icons (status icons), campaigns (label colours per
scheme) and style (Fusion with visible check boxes). Pages take every colour, size, mark and
icon from here, and read colours when they paint: the scheme can change while the app runs.
"""

from __future__ import annotations

from somestudio.ui.theme.campaigns import campaign_colours, swatch
from somestudio.ui.theme.icons import Status, status_icon
from somestudio.ui.theme.marks import mark_icon, mark_label, network_icon, network_mark
from somestudio.ui.theme.scheme import (
    ENV_THEME,
    ThemeFollower,
    apply_scheme,
    dark_palette,
    is_dark,
    wanted_scheme,
)
from somestudio.ui.theme.tokens import (
    DARK,
    LIGHT,
    SPACE,
    TYPE,
    Colours,
    colours,
    contrast_ratio,
)

__all__ = [
    "DARK",
    "ENV_THEME",
    "LIGHT",
    "SPACE",
    "TYPE",
    "Colours",
    "Status",
    "ThemeFollower",
    "apply_scheme",
    "campaign_colours",
    "colours",
    "contrast_ratio",
    "dark_palette",
    "is_dark",
    "mark_icon",
    "mark_label",
    "network_icon",
    "network_mark",
    "status_icon",
    "swatch",
    "wanted_scheme",
]
