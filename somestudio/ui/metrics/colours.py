"""Series colours (kept here for the metrics page's imports): the theme's Okabe–Ito set,
told apart with colour blindness too, and its lighter variant for dark backgrounds."""

from __future__ import annotations

from somestudio.ui.theme.tokens import DARK, LIGHT

LIGHT_SERIES = LIGHT.series
DARK_SERIES = DARK.series
