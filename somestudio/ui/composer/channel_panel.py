"""One account's side of the composer: its counter, its own text (or the base text), its
thread and its first comment. (Its preview card is in the preview deck.)"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.composer import Target
from somestudio.app.draft_checks import TargetReport
from somestudio.domain.channels import RULES, Unit
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.threads import THREAD_CHANNELS
from somestudio.ui.composer.counter_strip import counter_text
from somestudio.ui.composer.editor import PostEditor
from somestudio.ui.keyboard import tabbable_in
from somestudio.ui.theme import SPACE, colours

# A part's editor is as tall as its text: this many lines at least, and at most this many (a
# post of 500 characters in the composer's column of a 1024 px window); a longer one scrolls.
PART_EDITOR_LINES = 4
PART_EDITOR_MAX_LINES = 10


class PartEditor(QWidget):
    """One post of a thread: its text and its own counter."""

    changed = Signal()

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Post %1").replace("%1", str(number)))
        self.counter = QLabel()
        self.counter.setObjectName("PartCounter")
        self.editor = PostEditor()
        self.editor.setAccessibleName(self.tr("Thread post %1").replace("%1", str(number)))
        self.editor.set_text(text)
        self.editor.textChanged.connect(self.changed)
        # Fitted to its lines when the text changes their count, and when the width does:
        # after the editor has laid the text out again (Qt tells no size for that).
        self.editor.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit_later = QTimer(self)
        self._fit_later.setSingleShot(True)
        self._fit_later.setInterval(0)
        self._fit_later.timeout.connect(self._fit)
        self.editor.viewport().installEventFilter(self)
        self._fit()
        head = QHBoxLayout()
        head.addWidget(self.label)
        head.addStretch(1)
        head.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.editor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit_later.start()
        return super().eventFilter(watched, event)

    def least_height(self) -> int:
        """The title and the editor at its fewest lines: what the thread's area shows at least."""
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        return self.label.sizeHint().height() + spacing + self._height(PART_EDITOR_LINES)

    def _fit(self) -> None:
        document = self.editor.document()
        lines = 0
        block = document.begin()
        while block.isValid() and lines < PART_EDITOR_MAX_LINES:
            document.documentLayout().blockBoundingRect(block)  # laid out now, if not yet
            lines += max(block.layout().lineCount(), 1)
            block = block.next()
        lines = min(max(lines, PART_EDITOR_LINES), PART_EDITOR_MAX_LINES)
        self.editor.setFixedHeight(self._height(lines))

    def _height(self, lines: int) -> int:
        editor = self.editor
        margins = 2 * (editor.document().documentMargin() + editor.frameWidth())
        # A pixel more than the lines and margins: with none Qt scrolled the last line.
        return math.ceil(lines * editor.fontMetrics().lineSpacing() + margins) + 1


class ChannelPanel(QWidget):
    changed = Signal()  # the variant or the thread was edited
    split_requested = Signal(int)  # account id
    override_requested = Signal(int)  # account id: start own text from the base text

    def __init__(self, target: Target, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self._preview_of: tuple[TargetReport, str, LinkCard | None] | None = None
        self.setObjectName("ChannelPanel")
        self.counter = QLabel()
        self.counter.setObjectName("ChannelCounter")
        font = self.counter.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.counter.setFont(font)
        self.counter.setToolTip(self._unit_tip())
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.override_button = QPushButton(self.tr("Write own text"))
        self.override_button.setToolTip(self.tr("Give this account its own version of the post"))
        self.override_button.clicked.connect(
            lambda: self.override_requested.emit(target.account_id)
        )
        self.reset_button = QPushButton(self.tr("Reset to base text"))
        self.reset_button.setToolTip(self.tr("Drop this account's own text and use the base text"))
        self.reset_button.clicked.connect(self.reset_to_base)
        self.variant = PostEditor()
        self.variant.setObjectName("VariantEditor")
        self.variant.setAccessibleName(self.tr("Own text for %1").replace("%1", target.label))
        self.variant.setMinimumHeight(self.variant.fontMetrics().lineSpacing() * 4)
        self.variant.textChanged.connect(self.changed)
        self.variant.hide()  # shown while the account has its own text

        self.split_button = QPushButton(self.tr("Split into thread"))
        self.split_button.setToolTip(
            self.tr(
                "Cut the text into posts that each fit, at sentence and word ends. A line of "
                "three dashes (---) starts a new post where you put it."
            )
        )
        self.split_button.clicked.connect(lambda: self.split_requested.emit(target.account_id))
        self.numbered = QCheckBox(self.tr("Number the posts (1/n)"))
        self.join_button = QPushButton(self.tr("Back to one post"))
        self.join_button.clicked.connect(lambda: self.set_thread(()))
        self._parts: list[PartEditor] = []
        self.split_from: str | None = None  # the main text the thread was split from, here
        self._read_only = False  # ``set_read_only``
        parts_holder = QWidget()
        self.parts_box = QVBoxLayout(parts_holder)
        # Room on the right: the parts' counters sat against the area's scroll bar.
        self.parts_box.setContentsMargins(0, 0, SPACE.s, 0)
        self.parts_scroll = _ThreadArea()
        self.parts_scroll.setWidgetResizable(True)
        self.parts_scroll.setWidget(parts_holder)
        self.parts_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self._build_first_comment(target)

        # The count itself shows in the page's counter strip, with every other account's;
        # the panel keeps it (for tools and tests) but gives its line to the notes.
        self.counter.hide()
        head = QHBoxLayout()
        head.addWidget(self.status, 1)
        corner = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        head.addWidget(self.override_button, 0, corner)
        head.addWidget(self.reset_button, 0, corner)
        thread_row = QHBoxLayout()
        thread_row.addWidget(self.split_button)
        thread_row.addWidget(self.numbered)
        thread_row.addStretch(1)
        thread_row.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.variant, 1)
        layout.addLayout(thread_row)
        layout.addWidget(self.parts_scroll, 2)
        layout.addWidget(self.comment_box)
        layout.addStretch(0)
        can_thread = target.channel in THREAD_CHANNELS
        for widget in (self.split_button, self.numbered):
            widget.setVisible(can_thread)
        self.parts_scroll.setVisible(False)
        self._sync_buttons()

    def _build_first_comment(self, target: Target) -> None:
        """An optional reply from the same account, sent right after the post."""
        self.comment_box = QWidget(self)  # parented first: shown alone it would be a window
        self.comment_label = QLabel(self.tr("First comment (optional)"))
        self.comment_counter = QLabel()
        self.comment_counter.setObjectName("CommentCounter")
        self.comment_editor = PostEditor()
        self.comment_editor.setObjectName("FirstCommentEditor")
        self.comment_editor.setAccessibleName(
            self.tr("First comment for %1").replace("%1", target.label)
        )
        self.comment_editor.setToolTip(
            self.tr(
                "Posted as a reply from this account right after the post, e.g. a link or "
                "hashtags. Leave empty for none."
            )
        )
        self.comment_label.setBuddy(self.comment_editor)
        line = self.comment_editor.fontMetrics().lineSpacing()
        self.comment_editor.setFixedHeight(line * 3 + 12)
        self.comment_editor.textChanged.connect(self.changed)
        head = QHBoxLayout()
        head.addWidget(self.comment_label)
        head.addStretch(1)
        head.addWidget(self.comment_counter)
        box = QVBoxLayout(self.comment_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(head)
        box.addWidget(self.comment_editor)
        self.comment_box.setVisible(target.takes_comment)

    def tab_order(self, ring: list[QWidget]) -> list[QWidget]:
        """The panel's controls top down, as laid out (the comment box, parented first, came
        first in Qt's focus chain): own text, the thread and its parts, the first comment.
        ``ring``: the window's focus chain (keyboard.focus_ring), for the parts' order."""
        return [
            self.override_button,
            self.reset_button,
            self.variant,
            self.split_button,
            self.numbered,
            self.join_button,
            self.parts_scroll,
            *tabbable_in(self.parts_scroll, ring),
            self.comment_editor,
        ]

    def first_comment_text(self) -> str:
        return self.comment_editor.text() if self.target.takes_comment else ""

    def set_first_comment(self, text: str) -> None:
        self.comment_editor.blockSignals(True)
        self.comment_editor.set_text(text)
        self.comment_editor.blockSignals(False)

    # -- state
    def is_overriding(self) -> bool:
        return not self.variant.isHidden()

    def variant_text(self) -> str | None:
        return self.variant.text() if self.is_overriding() else None

    def set_variant(self, text: str | None) -> None:
        self.variant.blockSignals(True)
        self.variant.set_text(text or "")
        self.variant.blockSignals(False)
        self.variant.setVisible(text is not None)
        self._sync_buttons()

    def reset_to_base(self) -> None:
        self.set_variant(None)
        self.changed.emit()

    def thread_parts(self) -> tuple[str, ...]:
        return tuple(p.editor.text() for p in self._parts)

    def set_thread(self, parts: tuple[str, ...] | list[str]) -> None:
        if not parts:
            self.split_from = None
        for part in self._parts:
            self.parts_box.removeWidget(part)
            part.deleteLater()
        self._parts = []
        for number, text in enumerate(parts, start=1):
            editor = PartEditor(number, text)
            editor.editor.setReadOnly(self._read_only)
            editor.changed.connect(self.changed)
            self.parts_box.addWidget(editor)
            self._parts.append(editor)
        if self._parts:  # a part's title and its fewest lines, however short the window
            self.parts_scroll.setMinimumHeight(self._parts[0].least_height())
        self.parts_scroll.setVisible(bool(self._parts))
        self._sync_buttons()
        self.changed.emit()

    @property
    def part_editors(self) -> list[PartEditor]:
        return list(self._parts)

    def set_read_only(self, read_only: bool) -> None:
        """The texts shown but not editable (a post out on every account: what went out
        cannot be changed from here)."""
        self._read_only = read_only
        for editor in (self.variant, self.comment_editor, *(p.editor for p in self._parts)):
            editor.setReadOnly(read_only)
        for button in (self.override_button, self.reset_button, self.split_button,
                       self.join_button, self.numbered):  # fmt: skip
            button.setEnabled(not read_only)

    def _sync_buttons(self) -> None:
        overriding = self.is_overriding()
        self.override_button.setVisible(not overriding)
        self.reset_button.setVisible(overriding)
        threaded = bool(self._parts)
        self.join_button.setVisible(threaded)
        self.split_button.setText(
            self.tr("Split again") if threaded else self.tr("Split into thread")
        )

    # -- report
    def show_report(self, report: TargetReport, main_text: str = "") -> None:
        """``main_text``: the post's main text now (the thread says when it was split from
        another)."""
        posts = report.posts
        if not posts:
            self.counter.setText(QLocale().toString(len(report.text)))
        elif len(posts) == 1:
            self.counter.setText(counter_text(posts[0]))
        else:
            over = sum(not c.ok for c in posts)
            self.counter.setText(
                self.tr("%n posts", "", len(posts))
                + ("" if not over else " · " + self.tr("%n too long", "", over))
            )
        self._colour(self.counter, all(c.ok for c in posts))
        for part, check in zip(self._parts, posts, strict=False):
            part.counter.setText(counter_text(check))
            self._colour(part.counter, check.ok)
            part.editor.set_marks(part.editor.text(), check.overflow)
        self._show_comment_check(report)
        if report.posts and len(report.posts) == 1 and not report.uses_base:
            self.variant.set_marks(report.text, report.posts[0].overflow)
        notes = []
        if report.target.limit is not None:
            notes.append(self.tr("This server allows %Ln characters.", "", report.target.limit))
        if posts and not posts[0].limit_confirmed:
            # Said of what we know, not of the network (it read as a fault of the account).
            notes.append(
                self.tr("The network does not publish this limit: it is our best knowledge.")
            )
        if report.uses_base and not report.thread:
            notes.append(self.tr("Goes out with the main text."))
        if self._parts and not self.is_overriding():
            # The thread's posts do not follow the main text: a typo mended there after the
            # split went out unmended here, and nothing said so (a new user's finding).
            if self.split_from is not None and self.split_from != main_text:
                notes.append(
                    self.tr(
                        "The main text has changed since these posts were split from it: "
                        "Split again to take the change, or edit them here."
                    )
                )
            else:
                notes.append(
                    self.tr(
                        "These posts are this account's own: the main text does not reach them."
                    )
                )
        self.status.setText(" ".join(notes))
        self.status.setVisible(bool(notes))

    def _show_comment_check(self, report: TargetReport) -> None:
        check = report.comment_check
        self.comment_counter.setText(counter_text(check) if check is not None else "")
        if check is not None:
            self._colour(self.comment_counter, check.ok)
            shown = self.comment_editor.text()  # the check counted it without edge spaces
            if shown.startswith(report.comment):
                self.comment_editor.set_marks(shown, check.overflow)

    def _colour(self, label: QLabel, ok: bool) -> None:
        # Red text is never the only sign: the strip and the findings say what is wrong.
        if label.property("over") == (not ok):
            return  # unchanged: no restyle
        label.setProperty("over", not ok)
        palette = label.palette()
        scheme = colours(self.palette())
        palette.setColor(
            QPalette.ColorRole.WindowText, QColor(scheme.danger if not ok else scheme.text)
        )
        label.setPalette(palette)
        label.setAccessibleDescription("" if ok else self.tr("Too long"))

    def _unit_tip(self) -> str:
        channel = self.target.channel
        if channel is None:
            return self.tr("Characters (the Local archive has no limit)")
        unit = RULES[channel].text_limit.unit
        tips = {
            Unit.WEIGHTED: self.tr(
                "Weighted characters, as X counts: most letters 1, emoji and CJK 2, links 23"
            ),
            Unit.GRAPHEMES: self.tr("Characters as people see them (an emoji counts once)"),
            Unit.UTF16: self.tr("UTF-16 units: an emoji or rare character counts 2"),
            Unit.UTF8: self.tr("Bytes of UTF-8: letters like ä take 2, emoji 4 or more"),
            Unit.CODE_POINTS: self.tr("Unicode code points"),
            Unit.THREADS: self.tr("Characters; an emoji counts its UTF-8 bytes"),
        }
        return tips.get(unit, "")


class _ThreadArea(QScrollArea):
    """The thread's parts, scrolled: it asks for its least height (a part's title and four
    lines), not the whole thread's. Asked for all of it, the thread made the composer's
    column as tall as every part (the window grew past a 1024 × 768 screen on "Split into
    thread"; a check on the real program); it takes more where the column has it."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())
