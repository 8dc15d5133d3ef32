"""The visual system in one place: scheme (light/dark), tokens (spacing, type, colours) and
marks (network logos and monograms). Pages take every colour, size and mark from here.
"""

from __future__ import annotations

from somestudio.ui.theme.marks import mark_icon, network_icon, network_mark
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
    "ThemeFollower",
    "apply_scheme",
    "colours",
    "contrast_ratio",
    "dark_palette",
    "is_dark",
    "mark_icon",
    "network_icon",
    "network_mark",
    "wanted_scheme",
]
