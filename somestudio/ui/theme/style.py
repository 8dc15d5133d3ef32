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

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

from somestudio.ui.theme.icons import Status, status_icon
from somestudio.ui.theme.tokens import colours

PE = QStyle.PrimitiveElement
SP = QStyle.StandardPixmap
OUTLINED = (PE.PE_IndicatorCheckBox, PE.PE_IndicatorRadioButton)
# Qt's message-box icons, drawn as the theme's own (Fusion's are glossy bitmaps of another age).
STATUS_ICONS = {
    SP.SP_MessageBoxCritical: Status.ERROR,
    SP.SP_MessageBoxWarning: Status.WARNING,
    SP.SP_MessageBoxInformation: Status.INFO,
    SP.SP_MessageBoxQuestion: Status.QUESTION,
}


class ThemeStyle(QProxyStyle):
    """Fusion with indicator edges in the theme's ``control`` colour, the theme's status
    icons, and dialog buttons as words only (Fusion put a red cross on Cancel and Close but
    nothing on OK or Connect)."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.setObjectName("ThemeStyle")

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,  # noqa: N803 - Qt's name
    ) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,  # noqa: N803 - Qt's name
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        status = STATUS_ICONS.get(standardIcon)
        if status is not None:
            palette = option.palette if option is not None else None
            return status_icon(status, dark=colours(palette).dark)
        return super().standardIcon(standardIcon, option, widget)

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
        painter.setBrush(Qt.BrushStyle.NoBrush)
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
