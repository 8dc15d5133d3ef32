"""Design tokens: a spacing scale, a type scale and the colours of the light and dark schemes.

Every text colour is paired with the backgrounds it is drawn on, and a test holds each pair
to WCAG 2.2 AA (4.5:1 for text, 3:1 for marks and borders that carry meaning). States are
never shown by colour alone: ``ui/states.py`` gives each a glyph and a word as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from somestudio.domain.delivery_state import DeliveryState


@dataclass(frozen=True)
class Spacing:
    """Multiples of 4 px: gaps inside a control, between controls, between groups, pages."""

    xxs: int = 2
    xs: int = 4
    s: int = 8
    m: int = 12
    l: int = 16  # noqa: E741 - the scale's own name
    xl: int = 24
    xxl: int = 32


@dataclass(frozen=True)
class TypeScale:
    """Point-size factors relative to the application font (which follows the system)."""

    caption: float = 0.85
    body: float = 1.0
    emphasis: float = 1.1
    title: float = 1.3
    heading: float = 1.6


SPACE = Spacing()
TYPE = TypeScale()


@dataclass(frozen=True)
class Colours:
    """The semantic colours of one scheme, as #rrggbb strings."""

    dark: bool
    surface: str  # page and card backgrounds
    surface_alt: str  # alternate rows, wells, chip trays
    raised: str  # cards on the surface (previews, chips' base)
    border: str  # quiet dividers and card edges
    control: str  # edges of check boxes and radio buttons: 3:1 on window and base
    text: str
    text_muted: str  # secondary text: times, handles, hints
    accent: str  # links, selection outlines, the current-time line
    selection: str  # background of selected rows; white text on it meets AA
    success: str
    warning: str
    danger: str
    mention: str  # @mentions, #tags and links inside post text
    states: MappingProxyType[DeliveryState, str]  # chip backgrounds, text is ``text``
    by_hand: str  # chip background for a post waiting to be published by hand
    campaign: tuple[str, ...]  # label/campaign colours, distinguishable in order
    series: tuple[str, ...]  # chart lines and bars: Okabe–Ito, told apart with colour blindness

    def state(self, state: DeliveryState) -> str:
        return self.states[state]


LIGHT = Colours(
    dark=False,
    surface="#ffffff",
    surface_alt="#f3f5f7",
    raised="#ffffff",
    border="#c9d0d8",
    control="#7a8089",
    text="#1b1f24",
    text_muted="#57606a",
    accent="#1f5fbf",
    selection="#2a66c4",
    success="#1a7f37",
    warning="#8a5300",
    danger="#c62828",
    mention="#1a5fb4",
    states=MappingProxyType(
        {
            DeliveryState.DRAFT: "#eceff1",
            DeliveryState.SCHEDULED: "#e3f0fd",
            DeliveryState.PUBLISHING: "#fff6da",
            DeliveryState.PUBLISHED: "#e6f4ea",
            DeliveryState.FAILED: "#fde8e8",
            DeliveryState.NEEDS_ATTENTION: "#fff0dc",
            DeliveryState.MISSED: "#f3e6f5",
        }
    ),
    by_hand="#e0f2f1",
    campaign=("#1f5fbf", "#b3261e", "#1a7f37", "#8250df", "#b35900", "#0b7285", "#a2185b"),
    series=("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"),
)

DARK = Colours(
    dark=True,
    surface="#1f1f1f",
    surface_alt="#2a2a2a",
    raised="#2c2f33",
    border="#4a5058",
    control="#8b939c",
    text="#e8eaed",
    text_muted="#a9b1bb",
    accent="#8ab4f8",
    selection="#3473d5",
    success="#7ed492",
    warning="#f2c661",
    danger="#f28b82",
    mention="#8ab4f8",
    states=MappingProxyType(
        {
            DeliveryState.DRAFT: "#33383d",
            DeliveryState.SCHEDULED: "#1d3652",
            DeliveryState.PUBLISHING: "#453a14",
            DeliveryState.PUBLISHED: "#1e3b26",
            DeliveryState.FAILED: "#552020",
            DeliveryState.NEEDS_ATTENTION: "#4a3116",
            DeliveryState.MISSED: "#3b2643",
        }
    ),
    by_hand="#173b39",
    campaign=("#8ab4f8", "#f28b82", "#7ed492", "#c9a7ff", "#f2b366", "#66d4e0", "#f48fb1"),
    series=("#56B4E9", "#FF8C42", "#2BD9A6", "#E9A3C9", "#F5C242", "#9AD0F5", "#FFFFFF"),
)


def colours(palette: QPalette | None = None) -> Colours:
    """The scheme's colours for ``palette`` (default: the application's)."""
    if palette is None:
        app = QGuiApplication.instance()
        palette = app.palette() if isinstance(app, QGuiApplication) else QPalette()
    return DARK if palette.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _colour(value: str | QColor) -> QColor:
    # Not QColor(a QColor): PySide weighs that call against QColor(Qt.GlobalColor) and makes
    # the whole Qt namespace to do so (14 ms before the first frame: ui/qt_later.py).
    return value if isinstance(value, QColor) else QColor(value)


def contrast_ratio(first: str | QColor, second: str | QColor) -> float:
    """WCAG 2.2 contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted(
        (_luminance(_colour(first)), _luminance(_colour(second))), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
