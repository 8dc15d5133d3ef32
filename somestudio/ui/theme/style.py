"""Controls that can be seen in both schemes.

Fusion (the style on X11 without a desktop's own, and offscreen) outlines check boxes and
radio buttons in the window colour made 40 % darker: about 1.2:1 against a dark window and
1.7:1 against a light one, so an unticked box all but disappears. ``ThemeStyle`` draws
Fusion's indicator and then its edge again in the scheme's ``control`` colour (3:1 or more
against window and base, WCAG 2.2 non-text contrast). Other styles (Breeze, Windows, macOS)
draw their own, visible indicators and are left alone. Colours are read at paint time, so a
change of scheme needs only a repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from somestudio.ui.theme.tokens import colours

PE = QStyle.PrimitiveElement
OUTLINED = (PE.PE_IndicatorCheckBox, PE.PE_IndicatorRadioButton)


class ThemeStyle(QProxyStyle):
    """Fusion with indicator edges in the theme's ``control`` colour."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.setObjectName("ThemeStyle")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in OUTLINED:
            return
        scheme = colours(option.palette)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        focused = bool(
            option.state & QStyle.StateFlag.State_HasFocus
            and option.state & QStyle.StateFlag.State_KeyboardFocusChange
        )
        colour = QColor(scheme.accent if focused else scheme.control)
        if not enabled:
            colour.setAlphaF(0.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.setPen(QPen(colour, 1.0))
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == PE.PE_IndicatorRadioButton:
            side = min(rect.width(), rect.height())
            circle = QRectF(0, 0, side, side)
            circle.moveCenter(rect.center())
            painter.drawEllipse(circle)
        else:
            painter.drawRect(rect)
        painter.restore()


def install_style(app: QApplication) -> None:
    """Use ``ThemeStyle`` where the application runs on plain Fusion (idempotent)."""
    style = app.style()
    if isinstance(style, ThemeStyle) or style is None or style.name().lower() != "fusion":
        return
    app.setStyle(ThemeStyle())
