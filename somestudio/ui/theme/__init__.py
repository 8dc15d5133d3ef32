"""The visual system in one place: scheme (light/dark), tokens (spacing, type, colours),
marks (network logos and monograms), icons (status icons), campaigns (label colours per
scheme) and style (Fusion with visible check boxes). Pages take every colour, size, mark and
icon from here, and read colours when they paint: the scheme can change while the app runs.

Each name is imported from its module when first asked for: the window's first frame takes
its colours and sizes (``scheme``, ``tokens``) without the modules that use PySide's ``Qt``
namespace (``ui/qt_later.py``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

_HOME = {
    "campaign_colours": "campaigns",
    "swatch": "campaigns",
    "Status": "icons",
    "status_icon": "icons",
    "mark_icon": "marks",
    "mark_label": "marks",
    "network_icon": "marks",
    "network_mark": "marks",
    "ENV_THEME": "scheme",
    "ThemeFollower": "scheme",
    "apply_scheme": "scheme",
    "dark_palette": "scheme",
    "is_dark": "scheme",
    "wanted_scheme": "scheme",
    "DARK": "tokens",
    "LIGHT": "tokens",
    "SPACE": "tokens",
    "TYPE": "tokens",
    "Colours": "tokens",
    "colours": "tokens",
    "contrast_ratio": "tokens",
}

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


def __getattr__(name: str) -> object:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # found directly from now on
    return value
