"""The right side of the Inbox page: the conversation around the chosen entry (our post, the
stored thread, our answer and its state) and the editor to answer it."""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.inbox.service import Conversation
from somestudio.domain.channels.base import ChannelCheck
from somestudio.domain.inbox.items import InboxItem
from somestudio.ui.elided_label import ElidedLabel
from somestudio.ui.failure_text import reason_text
from somestudio.ui.inbox.delegate import when_text
from somestudio.ui.inbox.texts import (
    entry_problem_text,
    kind_text,
    nothing_to_answer_text,
    problem_text,
    reply_state_text,
)
from somestudio.ui.theme import SPACE, colours
from somestudio.ui.theme.tokens import Colours


class ConversationView(QTextBrowser):
    """Read-only: what was said, oldest first, the chosen entry marked."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setObjectName("InboxConversation")
        self.setAccessibleName(self.tr("Conversation"))
        self.setOpenExternalLinks(True)
        # Wide enough for an entry's head at the deepest indent: its time (kept whole) fits.
        widest_time = self.fontMetrics().horizontalAdvance("00/00/0000 00:00 AM")
        self.setMinimumWidth(widest_time + MAX_DEPTH * INDENT + 4 * SPACE.m)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml(
            "<p>" + html.escape(self.tr("Choose an entry to read the conversation.")) + "</p>"
        )

    def _notes(self, entry: InboxItem, source_problem: str, *, said_below: bool = False) -> str:
        """What was done to the entry here and what went wrong with it, under its text
        (``said_below``: its problem is why our answer failed, said once under the answer)."""
        scheme = colours(self.palette())
        lines = []
        if entry.liked_at is not None:
            lines.append("♥ " + self.tr("You liked this."))
        if entry.hidden_at is not None:
            lines.append(self.tr("Hidden: only its author still sees it."))
        muted = "".join(
            f"<p style='color:{scheme.text_muted}'>{html.escape(line)}</p>" for line in lines
        )
        warned = (
            [entry_problem_text(entry.problem, entry.network)]
            if entry.problem and not (said_below and entry.problem != "entry.hidden_elsewhere")
            else []
        )
        if source_problem and source_problem != entry.problem:  # the same reason once
            warned.append(
                self.tr("Reading this account's inbox: %1").replace(
                    "%1", problem_text(source_problem)
                )
            )
        return muted + "".join(
            f"<p style='color:{scheme.danger}'>⚠ {html.escape(line)}</p>" for line in warned
        )

    def show_conversation(self, talk: Conversation, source_problem: str = "") -> None:
        """``source_problem``: why the entry's account cannot be read now (a code), if so."""
        scheme = colours(self.palette())
        parts: list[str] = []
        if talk.our_post is not None:
            parts.append(
                f"<p style='color:{scheme.text_muted}'>"
                + html.escape(self.tr("Your post"))
                + "</p><blockquote>"
                + _paragraphs(talk.our_post.text)
                + "</blockquote>"
            )
        thread = list(talk.thread) or [talk.item]
        if talk.item.id not in {t.id for t in thread}:
            thread.append(talk.item)
        depths = thread_depths(thread)
        why_not_sent = answer_failure(talk)
        for entry in thread:
            chosen = entry.id == talk.item.id
            handle = entry.author.handle if entry.author.handle != entry.author.label else ""
            said = [handle, kind_text(entry.kind), when_text(entry.created_at, self.zone)]
            # Each part whole on its line: a time never splits as "10:36" / "PM".
            head = (
                f"<b>{html.escape(entry.author.label)}</b> "
                f"<span style='color:{scheme.text_muted}'>"
                + " · ".join(_unbroken(p) for p in said if p)
                + "</span>"
            )
            body = _paragraphs(entry.text) if entry.text else ""
            notes = (
                self._notes(entry, source_problem, said_below=bool(why_not_sent))
                if chosen
                else self._notes(entry, "")
            )
            parts.append(_indented(head + body + notes, depths[entry.id], chosen, scheme))
        url = talk.item.incoming.item_post.url if talk.item.incoming.item_post else ""
        if url:
            parts.append(
                f"<p><a href='{html.escape(url, quote=True)}'>"
                + html.escape(self.tr("Open on the network"))
                + "</a></p>"
            )
        if talk.reply is not None:
            state = reply_state_text(talk.reply.state.value)
            parts.append(
                "<hr><p><b>"
                + html.escape(self.tr("Your answer"))
                + f"</b> <span style='color:{scheme.text_muted}'>"
                + html.escape(state)
                + "</span></p><blockquote>"
                + _paragraphs(talk.reply.text)
                + "</blockquote>"
            )
            if why_not_sent:
                parts.append(f"<p style='color:{scheme.danger}'>⚠ {html.escape(why_not_sent)}</p>")
        self.setHtml("".join(parts))


def answer_failure(talk: Conversation) -> str:
    """Why our answer did not go out, said once (under the answer): where the entry's own
    problem names it plainly (their post deleted, a block) that; else the stored reason in
    the window's language (it names the account: "no sign-in is stored for …"); else the
    entry's problem. "" when the answer went out or there is none."""
    reply, item = talk.reply, talk.item
    if reply is None or reply.state.value == "sent":
        return ""
    problem = item.problem if item.problem != "entry.hidden_elsewhere" else ""
    if problem in ("entry.gone", "entry.blocked"):
        return entry_problem_text(problem, item.network)
    if reply.last_error:
        return reason_text(reply.last_error)
    return entry_problem_text(problem, item.network) if problem else ""


MAX_DEPTH = 4
INDENT = SPACE.l  # per level of the thread


def thread_depths(thread: list[InboxItem]) -> dict[int, int]:
    """How deep each entry sits in the thread: 0 under our post, one more under each entry
    it answers (its ``subject`` or, for a comment's reply, its ``root`` among the entries)."""
    by_post = {t.incoming.item_post.remote_id: t for t in thread if t.incoming.item_post}
    depths: dict[int, int] = {}

    def depth(entry: InboxItem, seen: frozenset[int]) -> int:
        if entry.id in depths:
            return depths[entry.id]
        parent = None
        for ref in (entry.incoming.subject, entry.incoming.root):
            found = by_post.get(ref.remote_id) if ref is not None else None
            if found is not None and found.id != entry.id and found.id not in seen:
                parent = found
                break
        level = 0 if parent is None else min(MAX_DEPTH, depth(parent, seen | {entry.id}) + 1)
        depths[entry.id] = level
        return level

    for entry in thread:
        depth(entry, frozenset())
    return depths


def _indented(content: str, depth: int, chosen: bool, scheme: Colours) -> str:
    """One entry of the thread: a thread line per level before it, the chosen one on its own
    background (Qt's rich text has no left borders: narrow cells draw the lines)."""
    cells = "".join(
        f"<td width='{INDENT - 2}'></td><td width='2' bgcolor='{scheme.border}'></td>"
        for _ in range(depth)
    )
    background = f" bgcolor='{scheme.surface_alt}'" if chosen else ""
    edge = f" bgcolor='{scheme.accent}'" if chosen else ""  # the chosen one: an accent edge
    return (
        "<table width='100%' cellspacing='0' cellpadding='0' style='margin-top:4px'><tr>"
        + cells
        + f"<td width='4'{edge}></td><td width='6'{background}></td>"
        + f"<td{background}>{content}</td></tr></table>"
    )


def _unbroken(text: str) -> str:
    """``text`` escaped, kept on one line: its spaces no-break spaces (Qt's rich text has no
    ``white-space: nowrap`` for a span, and reads a narrow no-break space, which a locale's
    time uses before "PM", as a plain breakable one)."""
    return "&nbsp;".join(html.escape(part) for part in text.split())


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())


class ReplyEditor(QWidget):
    """Write the answer: the channel's live counter beside it, Send (Ctrl+Return)."""

    send_requested = Signal(str)
    text_changed = Signal(str)
    saved_requested = Signal()
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("InboxReplyEditor")
        self.editor.setAccessibleName(self.tr("Your answer"))
        self.editor.setPlaceholderText(self.tr("Write an answer… (r)"))
        self.editor.setTabChangesFocus(True)
        # A fixed height, as the line under it (below): the answer box stays where it is
        # whatever the conversation above holds or the entry chosen.
        self.editor.setFixedHeight(self.fontMetrics().height() * 6)
        self.editor.textChanged.connect(lambda: self.text_changed.emit(self.text()))
        self.counter = QLabel()
        self.counter.setObjectName("InboxReplyCounter")
        self.counter.setAccessibleName(self.tr("Characters"))
        # What the app puts in front of the answer (a Mastodon @mention), counted with it:
        # said beside the count, so the count is of what is sent and reads so.
        self.added = ElidedLabel()  # a long handle ends in "…" rather than widening the page
        self.added.setObjectName("InboxReplyAdded")
        self._added_why = self.tr(
            "Mastodon tells a person only when they are mentioned: the mention goes out "
            "with the answer and counts in its length."
        )
        self.added.hide()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("InboxReplyProblem")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # What is said under the answer has room kept for three lines, said or not (a longer
        # message scrolls there): a message coming or going never moves the answer box.
        self.problem_area = QScrollArea()
        self.problem_area.setObjectName("InboxReplyProblemArea")
        self.problem_area.setWidget(self.problem)
        self.problem_area.setWidgetResizable(True)
        self.problem_area.setFrameShape(QFrame.Shape.NoFrame)
        self.problem_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.problem_area.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + SPACE.xs)
        self.problem_area.viewport().setAutoFillBackground(False)
        self.problem.setAutoFillBackground(False)
        self.saved = QPushButton(self.tr("Saved replies"))
        self.saved.setObjectName("InboxSavedReplies")
        self.saved.setAccessibleName(self.tr("Saved replies"))
        self.saved.setToolTip(self.tr("Put a saved reply into the answer (Ctrl+Shift+R)"))
        self.saved.clicked.connect(self.saved_requested)
        self.send = QPushButton(self.tr("Send answer"))
        self.send.setObjectName("InboxSend")
        self.send.setAccessibleName(self.tr("Send answer"))
        self.send.setToolTip(self.tr("Send the answer (Ctrl+Return)"))
        self.send.clicked.connect(lambda: self.send_requested.emit(self.text()))
        send = QShortcut(self.editor)
        send.setKeys(
            [
                QKeySequence("Ctrl+Return", QKeySequence.SequenceFormat.PortableText),
                QKeySequence("Ctrl+Enter", QKeySequence.SequenceFormat.PortableText),
            ]
        )
        send.setContext(Qt.ShortcutContext.WidgetShortcut)
        send.setWhatsThis(self.tr("Inbox: send the answer"))
        send.activated.connect(lambda: self.send_requested.emit(self.text()))
        leave = QShortcut(
            QKeySequence("Escape", QKeySequence.SequenceFormat.PortableText), self.editor
        )
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.setWhatsThis(self.tr("Inbox: back to the list from the answer"))
        leave.activated.connect(self.leave_requested)
        row = QHBoxLayout()
        row.setSpacing(SPACE.s)
        row.addWidget(self.counter)
        row.addWidget(self.added)
        row.addStretch(1)
        row.addWidget(self.saved)
        row.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE.xs)
        layout.addWidget(self.editor)
        layout.addWidget(self.problem_area)
        layout.addLayout(row)
        self.problem.hide()

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)

    def insert(self, text: str) -> None:
        """Put ``text`` (a saved reply) at the cursor, a space apart from a word before it."""
        cursor = self.editor.textCursor()
        before = self.editor.toPlainText()[: cursor.position()]
        if before and not before[-1].isspace():
            text = " " + text
        self.editor.insertPlainText(text)
        self.editor.setFocus()

    def set_answerable(self, item: InboxItem | None, answered: bool) -> None:
        can = item is not None and item.kind.answerable and not answered
        self.editor.setEnabled(can)
        self.send.setEnabled(can)
        self.saved.setEnabled(can)
        if item is None:
            self.editor.setPlaceholderText(self.tr("Choose an entry to answer it."))
        elif not item.kind.answerable:
            self.editor.setPlaceholderText(nothing_to_answer_text(item.kind))
        elif answered:
            self.editor.setPlaceholderText(self.tr("Answered."))
        else:
            self.editor.setPlaceholderText(self.tr("Write an answer… (r)"))

    def show_check(self, check: ChannelCheck | None, added: str = "") -> None:
        """The channel's count and findings for the answer as sent; ``added``: what the app
        puts in front of what was typed (counted in ``check``)."""
        if check is None:
            self.counter.clear()
            self.added.clear()
            self.added.hide()
            self.problem.hide()
            return
        self.counter.setText(f"{check.count}/{check.limit}")
        described = (
            self.tr("%1 of %2 characters")
            .replace("%1", str(check.count))
            .replace("%2", str(check.limit))
        )
        if added:
            said = self.tr("with %1").replace("%1", added)
            self.added.setText(said)
            self.added.setAccessibleName(said)
            self.added.setToolTip(f"{said}\n{self._added_why}")  # whole, if cut beside
            described = f"{described}, {said}"
        else:
            self.added.clear()
        self.added.setVisible(bool(added))
        self.counter.setAccessibleDescription(described)
        scheme = colours(self.palette())
        colour = scheme.danger if not check.ok else scheme.text_muted
        self.counter.setStyleSheet(f"color: {colour}")
        self.added.setStyleSheet(f"color: {scheme.text_muted}")
        messages = [f.message for f in check.findings]
        self.show_problem("\n".join(messages))

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
