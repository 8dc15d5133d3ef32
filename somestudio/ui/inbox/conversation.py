"""The right side of the Inbox page: the conversation around the chosen entry (our post, the
stored thread, our answer and its state) and the editor to answer it."""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.inbox.service import Conversation
from somestudio.domain.channels.base import ChannelCheck
from somestudio.domain.inbox.items import InboxItem
from somestudio.ui.failure_text import reason_text
from somestudio.ui.inbox.delegate import when_text
from somestudio.ui.inbox.texts import kind_text, reply_state_text
from somestudio.ui.theme import SPACE, colours


class ConversationView(QTextBrowser):
    """Read-only: what was said, oldest first, the chosen entry marked."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.setObjectName("InboxConversation")
        self.setAccessibleName(self.tr("Conversation"))
        self.setOpenExternalLinks(True)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml(
            "<p>" + html.escape(self.tr("Choose an entry to read the conversation.")) + "</p>"
        )

    def show_conversation(self, talk: Conversation) -> None:
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
        for entry in thread:
            chosen = entry.id == talk.item.id
            head = (
                f"<b>{html.escape(entry.author.label)}</b> "
                f"<span style='color:{scheme.text_muted}'>"
                f"{html.escape(entry.author.handle)} · {html.escape(kind_text(entry.kind))} · "
                f"{html.escape(when_text(entry.created_at, self.zone))}</span>"
            )
            body = _paragraphs(entry.text) if entry.text else ""
            if chosen:
                parts.append(
                    f"<table width='100%' cellpadding='6' style='background:{scheme.surface_alt}'>"
                    f"<tr><td>{head}{body}</td></tr></table>"
                )
            else:
                parts.append(f"<div>{head}{body}</div>")
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
            if talk.reply.last_error and talk.reply.state.value != "sent":
                parts.append(f"<p>{html.escape(reason_text(talk.reply.last_error))}</p>")
        self.setHtml("".join(parts))


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
        self.editor.setMaximumHeight(self.fontMetrics().height() * 6)
        self.editor.textChanged.connect(lambda: self.text_changed.emit(self.text()))
        self.counter = QLabel()
        self.counter.setObjectName("InboxReplyCounter")
        self.counter.setAccessibleName(self.tr("Characters"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("InboxReplyProblem")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        send.setKeys([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        send.setContext(Qt.ShortcutContext.WidgetShortcut)
        send.setWhatsThis(self.tr("Inbox: send the answer"))
        send.activated.connect(lambda: self.send_requested.emit(self.text()))
        leave = QShortcut(QKeySequence("Escape"), self.editor)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.setWhatsThis(self.tr("Inbox: back to the list from the answer"))
        leave.activated.connect(self.leave_requested)
        row = QHBoxLayout()
        row.setSpacing(SPACE.s)
        row.addWidget(self.counter)
        row.addStretch(1)
        row.addWidget(self.saved)
        row.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE.xs)
        layout.addWidget(self.editor)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        self.problem.hide()

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)

    def insert(self, text: str) -> None:
        self.editor.insertPlainText(text)
        self.editor.setFocus()

    def set_answerable(self, item: InboxItem | None, answered: bool) -> None:
        can = item is not None and item.kind.answerable and not answered
        self.editor.setEnabled(can)
        self.send.setEnabled(can)
        self.saved.setEnabled(can)
        if item is not None and not item.kind.answerable:
            self.editor.setPlaceholderText(self.tr("A like, repost or follow takes no answer."))
        elif answered:
            self.editor.setPlaceholderText(self.tr("Answered."))
        else:
            self.editor.setPlaceholderText(self.tr("Write an answer… (r)"))

    def show_check(self, check: ChannelCheck | None) -> None:
        if check is None:
            self.counter.clear()
            self.problem.hide()
            return
        self.counter.setText(f"{check.count}/{check.limit}")
        self.counter.setAccessibleDescription(
            self.tr("%1 of %2 characters")
            .replace("%1", str(check.count))
            .replace("%2", str(check.limit))
        )
        scheme = colours(self.palette())
        colour = scheme.danger if not check.ok else scheme.text_muted
        self.counter.setStyleSheet(f"color: {colour}")
        messages = [f.message for f in check.findings]
        self.show_problem("\n".join(messages))

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
