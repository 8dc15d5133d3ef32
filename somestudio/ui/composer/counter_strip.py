"""Every ticked account's counter at once: the network's mark, the account and "212 / 300",
wrapping onto a second line rather than hiding in tabs. The one over its limit says so with
a symbol and a word as well as the danger colour; clicking one opens that account's tab."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from somestudio.app.composer import Target
from somestudio.app.draft_checks import TargetReport
from somestudio.domain.channels import ChannelCheck
from somestudio.ui.composer.flow_layout import FlowLayout
from somestudio.ui.theme import SPACE, colours, mark_icon

MARK = 16
OVER = "⚠"


def counter_text(check: ChannelCheck) -> str:
    locale = QLocale()
    return f"{locale.toString(check.count)} / {locale.toString(check.limit)}"


class CounterChip(QToolButton):
    """One account's counter; a button so keyboard and screen readers reach it."""

    def __init__(self, target: Target, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.name = name
        self.setObjectName("CounterChip")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(MARK, MARK))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.counter = ""
        self.over = False
        self._shown: tuple[str, bool, str] | None = None
        self.refresh_icon()
        self.show_count("…", over=False)

    def refresh_icon(self) -> None:
        self.setIcon(mark_icon(self.target.network, dark=colours(self.palette()).dark))

    def show_count(self, counter: str, *, over: bool, word: str = "") -> None:
        """``over``: marked in the danger colour, with a symbol and ``word`` (what is wrong)."""
        if self._shown == (counter, over, word):
            return  # unchanged: no relayout
        self._shown = (counter, over, word)
        self.counter, self.over = counter, over
        self.setText(f"{self.name}  {OVER} {counter} {word}" if over else f"{self.name}  {counter}")
        self.setAccessibleName(
            self.tr("%1: %2").replace("%1", self.name).replace("%2", counter)
            + (f", {word}" if over else "")
        )
        self.setToolTip(self.tr("Show the text for %1").replace("%1", self.name))
        palette = self.palette()
        parent = self.parentWidget()
        scheme = colours(parent.palette() if parent is not None else None)
        role = QPalette.ColorRole.ButtonText
        palette.setColor(role, QColor(scheme.danger if over else scheme.text))
        self.setPalette(palette)


class CounterStrip(QWidget):
    account_chosen = Signal(int)  # account id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CounterStrip")
        self.setAccessibleName(self.tr("Counters"))
        self._layout = FlowLayout(self, spacing=SPACE.xs)
        self.chips: dict[int, CounterChip] = {}

    def set_targets(self, targets: list[Target], names: dict[int, str]) -> None:
        """One chip per target, in order; chips of targets still there keep their count."""
        wanted = [t.account_id for t in targets]
        if wanted == list(self.chips):
            return
        for account_id in list(self.chips):
            if account_id not in wanted:
                self.chips.pop(account_id).deleteLater()
        while self._layout.takeAt(0) is not None:
            pass
        kept = self.chips
        self.chips = {}
        for target in targets:
            chip = kept.get(target.account_id)
            if chip is None:
                chip = CounterChip(target, names[target.account_id], self)
                chip.clicked.connect(
                    lambda _=False, a=target.account_id: self.account_chosen.emit(a)
                )
            self.chips[target.account_id] = chip
            self._layout.addWidget(chip)
            chip.show()
        self.updateGeometry()

    def show_report(self, account_id: int, report: TargetReport) -> None:
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
        too_long = any(c.overflow is not None for c in posts) or (
            report.comment_check is not None and report.comment_check.overflow is not None
        )
        word = self.tr("too long") if too_long else self.tr("see problems")
        chip.show_count(counter, over=not report.ok, word=word)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.heightForWidth(width)
