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
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPen, QWindow
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from somestudio.ui.theme.icons import Status, status_icon
from somestudio.ui.theme.tokens import colours

PE = QStyle.PrimitiveElement
SP = QStyle.StandardPixmap
OUTLINED = (PE.PE_IndicatorCheckBox, PE.PE_IndicatorRadioButton)
PANELS = (PE.PE_PanelButtonCommand, PE.PE_PanelButtonTool)
CHOSEN_BAR = 3  # px: the accent bar along a checked button's bottom
# The icons QDialogButtonBox puts on its buttons (Fusion: a red cross on Cancel and Close,
# nothing on OK or Connect). Words only, given here rather than by answering Qt's style hint
# SH_DialogButtonBox_ButtonsHaveIcons: Qt asks a style's ``styleHint`` hundreds of times per
# dialog laid out (770 for the attention dialog's ten rows), and a Python ``styleHint`` made
# each of them a call into Python, a third of laying a dialog out (``benchmarks/watchdog.py``).
DIALOG_BUTTONS = frozenset(
    (
        SP.SP_DialogOkButton,
        SP.SP_DialogCancelButton,
        SP.SP_DialogHelpButton,
        SP.SP_DialogOpenButton,
        SP.SP_DialogSaveButton,
        SP.SP_DialogCloseButton,
        SP.SP_DialogApplyButton,
        SP.SP_DialogResetButton,
        SP.SP_DialogDiscardButton,
        SP.SP_DialogYesButton,
        SP.SP_DialogNoButton,
        SP.SP_DialogYesToAllButton,
        SP.SP_DialogNoToAllButton,
        SP.SP_DialogSaveAllButton,
        SP.SP_DialogAbortButton,
        SP.SP_DialogRetryButton,
        SP.SP_DialogIgnoreButton,
    )
)
# Qt's message-box icons, drawn as the theme's own (Fusion's are glossy bitmaps of another age).
STATUS_ICONS = {
    SP.SP_MessageBoxCritical: Status.ERROR,
    SP.SP_MessageBoxWarning: Status.WARNING,
    SP.SP_MessageBoxInformation: Status.INFO,
    SP.SP_MessageBoxQuestion: Status.QUESTION,
}


class ThemeStyle(QProxyStyle):
    """Fusion with indicator edges in the theme's ``control`` colour, an accent bar under a
    checked button, the theme's status icons, and dialog buttons as words only (Fusion put
    a red cross on Cancel and Close but nothing on OK or Connect). Only what Qt asks rarely
    is answered in Python: no ``styleHint`` or ``pixelMetric`` here (see
    ``DIALOG_BUTTONS``)."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.setObjectName("ThemeStyle")

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,  # noqa: N803 - Qt's name
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        if standardIcon in DIALOG_BUTTONS:
            return QIcon()  # a dialog's buttons are words only: a null icon shows none
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
        if element == PE.PE_Frame:
            if option.state & QStyle.StateFlag.State_HasFocus and isinstance(
                widget, QAbstractScrollArea
            ):
                self._ring(option, painter, widget)
            return
        if element in PANELS:
            if option.state & QStyle.StateFlag.State_On:
                self._mark_chosen(option, painter)
            return
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

    @staticmethod
    def _ring(option: QStyleOption, painter: QPainter, widget: QAbstractScrollArea) -> None:
        """A text box or a list with the keyboard in it: its frame in the accent colour.
        Fusion draws the same grey frame focused or not, so the composer's text, the
        accounts list or an empty Problems list gave no sign of holding the keyboard (a
        keyboard user's finding; WCAG 2.4.7). Drawn in the frame's own pixels: the
        contents do not move."""
        width = widget.frameWidth()
        if width <= 0:
            return  # no frame to draw it in
        painter.save()
        painter.setPen(QPen(QColor(colours(option.palette).accent), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2
        painter.drawRect(QRectF(option.rect).adjusted(half, half, -half, -half))
        painter.restore()

    @staticmethod
    def _mark_chosen(option: QStyleOption, painter: QPainter) -> None:
        """A bar in the accent colour along a checked button's bottom: Fusion shows a
        checked button only a shade darker, which in the dark scheme could not be told
        from its neighbours (the calendar's Month | Week | Agenda)."""
        colour = QColor(colours(option.palette).accent)
        if not option.state & QStyle.StateFlag.State_Enabled:
            colour.setAlphaF(0.5)
        rect = option.rect.adjusted(2, 0, -2, -2)
        painter.fillRect(
            rect.left(), rect.bottom() - CHOSEN_BAR + 1, rect.width(), CHOSEN_BAR, colour
        )


def install_style(app: QApplication) -> None:
    """Use ``ThemeStyle`` where the application runs on plain Fusion (idempotent)."""
    style = app.style()
    if isinstance(style, ThemeStyle) or style is None or style.name().lower() != "fusion":
        return
    app.setStyle(ThemeStyle())
    # Qt repaints a text box's or a list's frame only when it must: told when the keyboard
    # comes or goes, once per change of focus (no filter on every event).
    app.focusChanged.connect(_repaint_frames)
    app.focusWindowChanged.connect(_keyboard_into_new_window)


def _repaint_frames(old: QWidget | None, new: QWidget | None) -> None:
    for widget in (old, new):
        if isinstance(widget, QAbstractScrollArea):
            widget.update()


def _keyboard_into_new_window(window: QWindow | None) -> None:
    """A dialog opened from a window where the keyboard is used shows where its keyboard is
    at once. Qt marks the focus in a window only once Tab has moved in it, so the first
    control of a dialog opened by a shortcut had no mark until Tab went away and came back
    (a keyboard user's finding)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QApplication) or window is None:
        return
    # (QApplication's active window still the one before: Qt tells this first)
    active = next((w for w in app.topLevelWidgets() if w.windowHandle() is window), None)
    keyboard = Qt.WidgetAttribute.WA_KeyboardFocusChange
    if active is None or active.testAttribute(keyboard):
        return
    parent = active.parentWidget()
    opener = parent.window() if parent is not None else None
    if opener is not None and opener.testAttribute(keyboard):
        active.setAttribute(keyboard)
        focused = active.focusWidget()
        if focused is not None:
            focused.update()
