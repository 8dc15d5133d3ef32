"""Light or dark: follow the system's colour scheme (Qt 6 ``QStyleHints.colorScheme``).

Where the platform theme already hands Qt a dark palette (KDE, GNOME with the portal) this
does nothing. Where it only reports the scheme, or nothing (a plain X11 session, the
offscreen platform), a dark Fusion palette is set here, and the scheme's changes are
followed while the window is open. ``SOMESTUDIO_THEME=dark`` or ``=light`` overrides the
system (for screenshots and checks). Custom-painted parts take their colours from
``tokens.colours()`` when they paint, so a change of scheme needs only a repaint; on plain
Fusion, ``style.ThemeStyle`` keeps check boxes and radio buttons visible in both.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from somestudio.ui.qt_later import Qt
from somestudio.ui.theme.tokens import DARK, colours, contrast_ratio

ENV_THEME = "SOMESTUDIO_THEME"
SCHEMES = ("dark", "light")  # what Settings.colour_scheme remembers

R = QPalette.ColorRole
G = QPalette.ColorGroup


def is_dark(palette: QPalette) -> bool:
    return palette.color(R.Window).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        R.Window: "#2b2b2b",
        R.WindowText: DARK.text,
        R.Base: DARK.surface,
        R.AlternateBase: DARK.surface_alt,
        R.ToolTipBase: "#3a3a3a",
        R.ToolTipText: DARK.text,
        R.PlaceholderText: DARK.text_muted,
        R.Text: DARK.text,
        R.Button: "#353535",
        R.ButtonText: DARK.text,
        R.BrightText: "#ff6b6b",
        R.Light: "#4a4a4a",
        R.Midlight: "#3f3f3f",
        R.Mid: "#505050",
        R.Dark: "#1a1a1a",
        R.Shadow: "#000000",
        R.Highlight: DARK.selection,
        R.HighlightedText: "#ffffff",
        R.Link: DARK.accent,
        R.LinkVisited: "#c58af9",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role, colour in {
        R.WindowText: "#7f7f7f",
        R.Text: "#7f7f7f",
        R.ButtonText: "#7f7f7f",
        R.Highlight: "#505050",
        R.HighlightedText: "#a0a0a0",
    }.items():
        palette.setColor(G.Disabled, role, QColor(colour))
    return palette


def wanted_scheme(app: QGuiApplication) -> Qt.ColorScheme:
    override = os.environ.get(ENV_THEME, "").strip().lower()
    if override == "dark":
        return Qt.ColorScheme.Dark
    if override == "light":
        return Qt.ColorScheme.Light
    return app.styleHints().colorScheme()


def apply_scheme(app: QGuiApplication, scheme: Qt.ColorScheme, *, style: bool = True) -> None:
    """Make the application palette match ``scheme`` (Unknown leaves it as it is). Without
    ``style`` the palette only: ``install_theme_style`` puts ``ThemeStyle`` in later."""
    dark = {Qt.ColorScheme.Dark: True, Qt.ColorScheme.Light: False}.get(scheme)
    _apply(app, dark, style=style)


def _apply(app: QGuiApplication, dark: bool | None, *, style: bool) -> None:
    """``apply_scheme`` with the scheme as True (dark), False (light) or None (unknown):
    it needs no ``Qt`` enum, for the window's first frame."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    if style and isinstance(app, QApplication):
        from somestudio.ui.theme.style import install_style  # noqa: PLC0415

        install_style(app)
    ours = bool(app.property("somestudioDarkPalette"))
    if dark is True and not is_dark(app.palette()):
        app.setPalette(dark_palette())
        app.setProperty("somestudioDarkPalette", True)
    elif dark is False and ours:
        standard = QApplication.style() if isinstance(app, QApplication) else None
        app.setPalette(standard.standardPalette() if standard is not None else QPalette())
        app.setProperty("somestudioDarkPalette", False)
    if style:
        _readable_selection_on_theme_style(app)
    elif isinstance(app, QApplication) and _on_fusion(app):
        # What ThemeStyle will want (set before any widget: one with a style sheet keeps the
        # palette it was polished with).
        _readable_selection(app)


def install_theme_style(app: QGuiApplication) -> None:
    """``ThemeStyle`` on plain Fusion (idempotent): what ``apply_scheme(..., style=False)``
    left for later, having already made the selection readable."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    if not isinstance(app, QApplication):
        return
    from somestudio.ui.theme.style import install_style  # noqa: PLC0415

    install_style(app)
    _readable_selection_on_theme_style(app)  # a palette already readable is left as it is


def _on_fusion(app: QGuiApplication) -> bool:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    style = QApplication.style() if isinstance(app, QApplication) else None
    return style is not None and style.name().lower() == "fusion"


def _readable_selection_on_theme_style(app: QGuiApplication) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from somestudio.ui.theme.style import ThemeStyle  # noqa: PLC0415

    if isinstance(app, QApplication) and isinstance(app.style(), ThemeStyle):
        _readable_selection(app)


def _readable_selection(app: QGuiApplication) -> None:
    """On our Fusion, selected rows' text meets AA: Fusion's own light blue gives white text
    only 3.7:1. A desktop's own style keeps its colours."""
    palette = app.palette()
    if contrast_ratio(palette.color(R.Highlight), palette.color(R.HighlightedText)) >= 4.5:
        return
    wanted = QColor(colours(palette).selection)
    for group in (G.Active, G.Inactive):
        palette.setColor(group, R.Highlight, wanted)
        palette.setColor(group, R.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)


class ThemeFollower(QObject):
    """Applies the wanted scheme now and whenever the system's changes. With ``style_later``
    (the app's start) the palette only, until ``install_style()``: importing the style and
    Qt calling into it cost 15-25 ms before the first frame, which Fusion paints the same
    (the window's first frame holds no check box, radio button, message icon or selection).

    With ``remembered`` ("dark" or "light": the scheme the window last showed, which
    ``follow``'s ``remember`` is told of) the first frame takes that one, and ``follow()``
    asks the system once the window shows: asking is the first use of PySide's
    ``Qt`` namespace (ui/qt_later.py), 14 ms the first frame need not wait for. Only a
    system whose scheme changed while the window was closed shows the old one for a moment.
    Without it (the first start) the system is asked at once."""

    def __init__(
        self,
        app: QGuiApplication,
        *,
        style_later: bool = False,
        remembered: str = "",
    ) -> None:
        super().__init__(app)
        self._app = app
        self._style = not style_later
        self._remember: Callable[[str], None] | None = None
        self._following = False
        override = os.environ.get(ENV_THEME, "").strip().lower()
        first = override if override in SCHEMES else remembered
        if first in SCHEMES:
            _apply(app, first == "dark", style=self._style)
        else:
            self.follow()

    def follow(self, remember: Callable[[str], None] | None = None) -> None:
        """Take the system's scheme now, and its changes from now on (idempotent);
        ``remember`` is told the scheme shown ("dark" or "light") now and at each change."""
        self._remember = remember or self._remember
        if not self._following:
            self._following = True
            # Unknown (no desktop scheme) counts as light here: the dark colours the frame
            # took from memory are undone, as no start would have set them.
            dark = wanted_scheme(self._app) == Qt.ColorScheme.Dark
            _apply(self._app, dark, style=self._style)
            if not os.environ.get(ENV_THEME):
                self._app.styleHints().colorSchemeChanged.connect(self._changed)
        self._tell()

    def install_style(self) -> None:
        """Put in the style that ``style_later`` left out (idempotent)."""
        self._style = True
        install_theme_style(self._app)

    def _changed(self, scheme: Qt.ColorScheme) -> None:
        apply_scheme(self._app, scheme, style=self._style)
        self._tell()

    def _tell(self) -> None:
        # SOMESTUDIO_THEME (screenshots, checks) is not the user's scheme: not remembered.
        if self._remember is not None and not os.environ.get(ENV_THEME):
            self._remember("dark" if is_dark(self._app.palette()) else "light")
