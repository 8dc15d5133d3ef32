"""Every ticked account's counter at once: the network's mark, the account and "212 / 300",
wrapping onto a second line rather than hiding in tabs. The one over its limit says so with
a symbol and a word as well as the danger colour; clicking one opens that account's tab."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QSizePolicy,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QWidget,
)

from somestudio.app.composer import Target
from somestudio.app.draft_checks import TargetReport
from somestudio.domain.channels import ChannelCheck
from somestudio.domain.findings import Severity
from somestudio.ui.composer.flow_layout import FlowLayout
from somestudio.ui.theme import SPACE, colours, mark_icon

MARK = 16
STEP = 16  # px: chips widen in steps, so a new digit rarely reflows the strip
OVER = "⚠"
_ZEROS = str.maketrans("123456789", "000000000")
KEPT_WIDTHS = 256
LEAST_CHARS = 14  # a chip narrower than its words keeps about this many characters


def counter_text(check: ChannelCheck) -> str:
    locale = QLocale()
    return f"{locale.toString(check.count)} / {locale.toString(check.limit)}"


class CounterChip(QToolButton):
    """One account's counter; a button so keyboard and screen readers reach it.

    Its words are painted, not set with ``setText``: a new count then repaints the chip
    alone, where ``setText`` would lay out the whole column on every key. Its width grows
    in steps, so the strip reflows only when a count gains digits or the warning."""

    def __init__(self, target: Target, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.name = name
        self.setObjectName("CounterChip")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(MARK, MARK))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Its words wide, narrower where the column is (``minimumSizeHint``)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.counter = ""
        self.over = False
        self.word = ""
        self.other_problem = False  # the last check found more wrong than the length
        self.comment_long = False  # ... such as a first comment past the limit
        self._label = ""
        self._hint = QSize()
        self._hints: dict[int, QSize] = {}  # size hints by the label's width in pixels
        self._widths: dict[str, int] = {}  # label widths, digits as zeros (``_label_width``)
        self._tabular: bool | None = None  # the font's digits all as wide (None: not known)
        self._shown: tuple[str, bool, str] | None = None
        self.refresh_icon()
        self.show_count("…", over=False)

    def refresh_icon(self) -> None:
        self.setIcon(mark_icon(self.target.network, dark=colours(self.palette()).dark))

    def show_count(self, counter: str, *, over: bool, word: str = "") -> None:
        """``over``: marked in the danger colour, with a symbol and ``word`` (what is wrong)."""
        if self._shown == (counter, over, word):
            return  # unchanged: nothing to draw
        was_over = self._shown is not None and self._shown[1]
        self._shown = (counter, over, word)
        self.counter, self.over, self.word = counter, over, word
        self._label = f"{self.name}  {OVER} {counter} {word}" if over else f"{self.name}  {counter}"
        self._resize_for_label()
        self.setAccessibleName(
            self.tr("%1: %2").replace("%1", self.name).replace("%2", counter)
            + (f", {word}" if over else "")
        )
        if over != was_over or not self.toolTip():
            self.setToolTip(self.tr("Show the text for %1").replace("%1", self.name))
            self._colour()
        self.update()

    def _colour(self) -> None:
        palette = self.palette()
        parent = self.parentWidget()
        scheme = colours(parent.palette() if parent is not None else None)
        palette.setColor(
            QPalette.ColorRole.ButtonText, QColor(scheme.danger if self.over else scheme.text)
        )
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        hints = getattr(self, "_hints", None)  # None while the button is being made
        if hints is not None and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            hints.clear()
            self._widths.clear()
            self._tabular = None
            self._resize_for_label()
        parent = self.parentWidget()
        if event.type() == QEvent.Type.PaletteChange and parent is not None:
            scheme = colours(parent.palette())
            wanted = QColor(scheme.danger if self.over else scheme.text)
            if self.palette().color(QPalette.ColorRole.ButtonText) != wanted:
                self.refresh_icon()
                self._colour()

    def label(self) -> str:
        """The words on the chip."""
        return self._label

    def _label_width(self) -> int:
        """The label's width in pixels. A count changes on every key: where the font's
        digits are all as wide (most are), the width is kept per label with its digits as
        zeros, plus a pixel either side for any kerning beside a digit."""
        metrics = self.fontMetrics()
        if self._tabular is None:
            self._tabular = len({metrics.horizontalAdvance(d) for d in "0123456789"}) == 1
        if not self._tabular:
            return metrics.horizontalAdvance(self._label)
        shape = self._label.translate(_ZEROS)
        width = self._widths.get(shape)
        if width is None:
            if len(self._widths) > KEPT_WIDTHS:
                self._widths.clear()
            width = self._widths[shape] = metrics.horizontalAdvance(shape) + 2
        return width

    def _resize_for_label(self) -> None:
        width = self._label_width()
        hint = self._hints.get(width)
        if hint is None:  # the style asked once per width (a key changes only the digits)
            option = QStyleOptionToolButton()
            self.initStyleOption(option)
            option.text = self._label
            option.rect.setWidth(width)
            hint = self.style().sizeFromContents(
                QStyle.ContentsType.CT_ToolButton,
                option,
                QSize(width + MARK + SPACE.s, max(MARK, self.fontMetrics().height())),
                self,
            )
            hint.setWidth((hint.width() + STEP - 1) // STEP * STEP)
            self._hints[width] = hint
        if hint != self._hint:
            self._hint = hint
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return self._hint

    def minimumSizeHint(self) -> QSize:
        """Narrower than its words where the column is (the label then ends in "…"): as
        wide as its words, one long chip ("Instagram  16 / 2 200 · katso ongelmat") made
        the composer's column, and the window, wider by itself (a check on the real
        program, beside the Drafts panel)."""
        least = MARK + SPACE.s + self.fontMetrics().averageCharWidth() * LEAST_CHARS
        return QSize(min(self._hint.width(), least), self._hint.height())

    def shown_label(self) -> str:
        """The words as painted: the whole label, or its start and "…" in a narrower chip."""
        spare = self._hint.width() - self.width()
        if spare <= 0:
            return self._label
        room = self._label_width() - spare
        return self.fontMetrics().elidedText(self._label, Qt.TextElideMode.ElideRight, room)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        strip = self.parentWidget()
        if isinstance(strip, CounterStrip) and strip.move_from(self, event.key()):
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()  # a tool button takes Space only; Enter opened nothing
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        strip = self.parentWidget()
        if isinstance(strip, CounterStrip):
            strip.make_tab_stop(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.text = self.shown_label()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)


class CounterStrip(QWidget):
    """The chips are one stop on the Tab key's way, as a toolbar's buttons are: Tab comes to
    the chip last chosen (at first the first), the arrow keys, Home and End go from chip to
    chip, Enter or Space opens its account's tab. With every chip a stop of its own, Tab
    from the text to Split into thread went through each ticked account's chip (about ten
    keys: a keyboard user's finding)."""

    account_chosen = Signal(int)  # account id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CounterStrip")
        self.setAccessibleName(self.tr("Counters"))
        self._layout = FlowLayout(self, spacing=SPACE.xs)
        self.chips: dict[int, CounterChip] = {}
        self._ready: dict[int, CounterChip] = {}  # made ahead (``prepare``), not yet shown
        self._tab_stop: int | None = None  # the account whose chip Tab comes to

    def prepare(self, target: Target, name: str) -> None:
        """Make ``target``'s chip now (its mark drawn), to be shown by a later
        ``set_targets``: a page bringing many accounts back makes a few per event-loop turn."""
        if target.account_id not in self.chips and target.account_id not in self._ready:
            chip = self._ready[target.account_id] = self._new_chip(target, name)
            chip.hide()

    def _new_chip(self, target: Target, name: str) -> CounterChip:
        chip = CounterChip(target, name, self)
        chip.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # ``_choose_tab_stop`` picks the one
        chip.clicked.connect(lambda _=False, a=target.account_id: self.account_chosen.emit(a))
        return chip

    def set_targets(self, targets: list[Target], names: dict[int, str]) -> None:
        """One chip per target, in order; chips of targets still there keep their count."""
        wanted = [t.account_id for t in targets]
        if wanted == list(self.chips):
            return
        for account_id in list(self.chips):
            if account_id not in wanted:
                gone = self.chips.pop(account_id)
                gone.hide()  # not left in sight, in its old place, until it is deleted
                gone.deleteLater()
        while self._layout.takeAt(0) is not None:
            pass
        kept = self.chips
        self.chips = {}
        for target in targets:
            chip = kept.get(target.account_id)
            if chip is None:
                chip = self._ready.pop(target.account_id, None)
                name = names[target.account_id]
                if chip is not None and (chip.target, chip.name) != (target, name):
                    chip.deleteLater()  # made for an account since changed
                    chip = None
                if chip is None:
                    chip = self._new_chip(target, name)
            self.chips[target.account_id] = chip
            self._layout.addWidget(chip)
            chip.show()
        self._choose_tab_stop()
        self.updateGeometry()

    def _choose_tab_stop(self) -> None:
        """The chip last chosen stays the Tab stop while its account is ticked; else the
        first."""
        if self._tab_stop not in self.chips:
            self._tab_stop = next(iter(self.chips), None)
        for account_id, chip in self.chips.items():
            chip.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus
                if account_id == self._tab_stop
                else Qt.FocusPolicy.ClickFocus
            )

    def make_tab_stop(self, chip: CounterChip) -> None:
        """``chip`` has the focus: Tab comes back to it."""
        account_id = chip.target.account_id
        if self.chips.get(account_id) is chip and self._tab_stop != account_id:
            self._tab_stop = account_id
            self._choose_tab_stop()

    def move_from(self, chip: CounterChip, key: int) -> bool:
        """The focus to the chip ``key`` points to from ``chip``; False for any other key."""
        chips = list(self.chips.values())
        if chip not in chips:
            return False
        index = chips.index(chip)
        forward = Qt.Key.Key_Right if self.isLeftToRight() else Qt.Key.Key_Left
        backward = Qt.Key.Key_Left if self.isLeftToRight() else Qt.Key.Key_Right
        if key in (forward, Qt.Key.Key_Down):
            index = min(index + 1, len(chips) - 1)
        elif key in (backward, Qt.Key.Key_Up):
            index = max(index - 1, 0)
        elif key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End:
            index = len(chips) - 1
        else:
            return False
        chips[index].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def show_report(self, account_id: int, report: TargetReport, *, empty: bool = False) -> None:
        """``empty``: nothing written or attached yet, so no verdict (a new post's counters
        said "⚠ 0 / 2,200 see problems" beside an empty problems list)."""
        chip = self.chips.get(account_id)
        if chip is None:
            return
        posts = report.posts
        if not posts:
            counter = QLocale().toString(len(report.text))
        elif len(posts) == 1:
            counter = counter_text(posts[0])
        else:
            counter = self.tr("%n posts", "", len(posts))
        comment = report.comment_check
        chip.comment_long = comment is not None and comment.overflow is not None
        chip.other_problem = (
            any(
                f.severity is Severity.ERROR and not f.code.endswith(".too_long")
                for check in posts
                for f in check.findings
            )
            or (comment is not None and not comment.ok and not chip.comment_long)
            or any(m.severity is Severity.ERROR for m in report.media)
        )
        too_long = any(c.overflow is not None for c in posts) or chip.comment_long
        word = self.tr("too long") if too_long else self.tr("see problems")
        chip.show_count(counter, over=not report.ok and not empty, word=word)

    def show_live(self, counts: list[tuple[int, int, int | None]]) -> None:
        """Counts from the keystroke itself (``live_counts``), as (account id, count, limit
        or None): the strip changes at once, keeping what the last full check found besides
        the post's length."""
        locale = QLocale()
        too_long_word, see_word = self.tr("too long"), self.tr("see problems")
        limits: dict[int, str] = {}
        for account_id, count, limit in counts:
            chip = self.chips.get(account_id)
            if chip is None:
                continue
            if limit is None:
                chip.show_count(locale.toString(count), over=chip.other_problem, word=chip.word)
                continue
            too_long = count > limit or chip.comment_long
            limit_text = limits.get(limit)
            if limit_text is None:
                limit_text = limits[limit] = locale.toString(limit)
            chip.show_count(
                f"{locale.toString(count)} / {limit_text}",
                over=too_long or chip.other_problem,
                word=too_long_word if too_long else see_word,
            )

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.heightForWidth(width)
