"""The Inbox page: one list across accounts (newest first), its filters and search, the
conversation of the chosen entry and the answer to it. Keyboard first: j/k move, r answers,
e marks done, f likes, h hides, / searches, l labels, Ctrl+Shift+R puts in a saved reply."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.inbox.service import InboxError, InboxService
from somestudio.app.studio import Studio
from somestudio.domain.inbox.actions import InboxAction
from somestudio.domain.inbox.items import InboxItem
from somestudio.domain.inbox.queries import InboxCounts, InboxQuery
from somestudio.domain.inbox.reading import has_inbox
from somestudio.domain.inbox.saved_replies import SavedReply, fill
from somestudio.ui.i18n import ui_language
from somestudio.ui.inbox.conversation import ConversationView, ReplyEditor
from somestudio.ui.inbox.delegate import InboxDelegate, one_line, when_text
from somestudio.ui.inbox.done_command import DoneCommand
from somestudio.ui.inbox.empty import Emptiness, EmptyState
from somestudio.ui.inbox.entry_actions import EntryActions
from somestudio.ui.inbox.filters import InboxFilters
from somestudio.ui.inbox.model import InboxModel
from somestudio.ui.inbox.saved_replies import SavedRepliesDialog, saved_menu
from somestudio.ui.inbox.seen import SeenTeller
from somestudio.ui.inbox.texts import (
    entry_problem_short,
    kind_word,
    no_entries_text,
    nothing_to_answer_text,
    problem_text,
    reply_error_text,
    reply_state_text,
)
from somestudio.ui.network_names import network_name
from somestudio.ui.prompts import Prompts
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.titles import page_title


class InboxPage(QWidget):
    counts_changed = Signal(object)  # InboxCounts

    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        *,
        tasks: Tasks | None = None,
        prompts: Prompts | None = None,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("InboxPage")
        self.undo_stack = undo_stack  # the window's: marking done is undone with Ctrl+Z
        self._studio = studio
        self.zone = zone
        self.tasks = tasks or Tasks(self)
        self.prompts = prompts or Prompts(self)
        self.saved_dialog: SavedRepliesDialog | None = None
        self.saved_menu_shown: QMenu | None = None  # the last saved-replies menu shown
        self._sending: set[int] = set()
        self._current_id: int | None = None
        # Answers typed and not sent, per entry, while the page lives: moving to another entry
        # emptied the box and the words were gone.
        self._unsent: dict[int, str] = {}
        self._source_problems: dict[int, str] = {}  # account id -> why it cannot be read
        # The network's own unread mark follows what is read here (Bluesky updateSeen).
        self.seen = SeenTeller(
            lambda account_id: self.inbox.tell_seen(account_id, only_read=True), self.tasks, self
        )

        self.filters = InboxFilters()
        self.filters.changed.connect(self.reload_list)
        self.filters.search.returnPressed.connect(self._search_done)
        # Esc in the search is the field's own key (not a shortcut: the answer box has Esc).
        self.filters.search.installEventFilter(self)
        self.filters.search.setAccessibleDescription(
            self.tr("Esc clears the search; Esc again goes back to the list.")
        )
        self.sources = QLabel()
        self.sources.setObjectName("InboxSources")
        self.sources.setWordWrap(True)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sources.hide()
        # The list reads on a pool of its own: a reply being sent never holds up a filter.
        self._list_tasks = Tasks(self, synchronous=self.tasks.synchronous)
        self.model = InboxModel(
            self.inbox.items, self.inbox.our_post_texts, self._describe, run=self._list_tasks.run
        )
        self.list = QListView()
        self.list.setObjectName("InboxList")
        self.list.setAccessibleName(self.tr("Inbox entries"))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setModel(self.model)
        self.delegate = InboxDelegate(zone, self.list)
        self.list.setItemDelegate(self.delegate)
        selection = self.list.selectionModel()
        selection.currentChanged.connect(lambda current, _old: self._show_row(current.row()))
        self.empty = EmptyState()
        self.empty.clear_requested.connect(self.clear_filters)
        self.empty.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(SPACE.m, SPACE.m, SPACE.xs, SPACE.m)
        left_layout.setSpacing(SPACE.s)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.sources)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty, 1)

        self.reply_button = self._button("InboxReply", self.tr("Answer"), self.start_reply)
        self.reply_button.setToolTip(self.tr("Write an answer (r)"))
        self.done_button = self._button("InboxDone", self.tr("Mark done"), self.toggle_done)
        self.done_button.setToolTip(self.tr("Mark done or not done (e)"))
        self.label_button = self._button("InboxLabel", self.tr("Label…"), self.ask_label)
        self.label_button.setToolTip(self.tr("Give the entry a label (l)"))
        self.entry_actions = EntryActions(lambda: self.inbox, self.current_item, self.tasks, self)
        self.entry_actions.said.connect(self._say)
        self.entry_actions.acted.connect(self._acted)
        self.like_button, self.hide_button = self.entry_actions.buttons()
        # Two rows: what is done here (answer, done, label), then what is done on the
        # network (like, hide); five in one row made the page wider than a 1024 px window
        # with the Drafts panel open.
        here = QHBoxLayout()
        here.setSpacing(SPACE.s)
        for button in (self.reply_button, self.done_button, self.label_button):
            here.addWidget(button)
        here.addStretch(1)
        there = QHBoxLayout()
        there.setSpacing(SPACE.s)
        for button in (self.like_button, self.hide_button):
            there.addWidget(button)
        there.addStretch(1)
        actions = QVBoxLayout()
        actions.setSpacing(SPACE.xs)
        actions.addLayout(here)
        actions.addLayout(there)
        self.conversation = ConversationView(zone)
        self.editor = ReplyEditor()
        self.editor.send_requested.connect(self.send_reply)
        self.editor.text_changed.connect(self._check_reply)
        self.editor.saved_requested.connect(self.show_saved_menu)
        self.editor.leave_requested.connect(self.list.setFocus)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(SPACE.xs, SPACE.m, SPACE.m, SPACE.m)
        right_layout.setSpacing(SPACE.s)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.conversation, 1)
        right_layout.addWidget(self.editor)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("InboxSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.title = page_title(QLabel(self.tr("Inbox")))
        self.title.setContentsMargins(SPACE.s, SPACE.s, SPACE.s, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)  # the title keeps its own height

        self._shortcut("J", self.tr("Inbox: next entry"), self.next_item)
        self._shortcut("K", self.tr("Inbox: previous entry"), self.previous_item)
        self._shortcut("R", self.tr("Inbox: answer the entry"), self.start_reply)
        self._shortcut("E", self.tr("Inbox: mark done or not done"), self.toggle_done)
        self._shortcut("L", self.tr("Inbox: label the entry"), self.ask_label)
        self._shortcut(
            "F",
            self.tr("Inbox: like their post"),
            lambda: self.entry_actions.run(InboxAction.LIKE),
        )
        self._shortcut(
            "H",
            self.tr("Inbox: hide the comment"),
            lambda: self.entry_actions.run(InboxAction.HIDE),
        )
        self._shortcut("/", self.tr("Inbox: search"), self.focus_search)
        self._shortcut("Ctrl+Shift+R", self.tr("Inbox: put in a saved reply"), self.show_saved_menu)
        # Reading an entry for a moment marks it read (not merely passing over it with j/k).
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(600)
        self._read_timer.timeout.connect(self._mark_current_read)
        self._choosing_for_user = False
        self._talk_soon = QTimer(self)
        self._talk_soon.setSingleShot(True)
        self._talk_soon.setInterval(40)
        self._talk_soon.timeout.connect(self.show_conversation)
        self._show_item(None)

    @property
    def inbox(self) -> InboxService:
        return self._studio.inbox()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _shortcut(self, keys: str, description: str, slot: object) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setWhatsThis(description)
        shortcut.activated.connect(slot)
        return shortcut

    # -- loading
    def reload(self) -> None:
        """Accounts, the sources' problems, the list (keeping the chosen entry) and counts."""
        self.filters.set_accounts(self._studio.accounts())
        self._show_sources()
        self.reload_list()
        self.update_counts()

    def reload_list(self) -> None:
        """The list for the filters, read on a worker; shown (keeping the chosen entry) when
        it is in."""
        self.model.load(self.filters.query(), self._list_loaded)

    def _list_loaded(self) -> None:
        keep = self._current_id
        has_rows = self.model.rowCount() > 0
        self._show_emptiness()
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and has_rows:
            row = 0
        # The entry chosen for the user (opening the page, a filter) is read like any other
        # once the user sees it (the page on screen), not while the page is built unseen.
        self._choosing_for_user = True
        try:
            self._select(row)
        finally:
            self._choosing_for_user = False
        if row < 0:
            self._show_item(None)

    def _show_emptiness(self) -> None:
        """The list, or why it is empty: no entry yet, every entry done, or the filters."""
        has_rows = self.model.rowCount() > 0
        if not has_rows:
            source = self._empty_source()
            if not self.inbox.items(InboxQuery(done=None, limit=1)):
                said = ""
                accounts = self._studio.accounts()
                if not accounts:  # nothing can come before an account is there
                    said = self.tr(
                        "Nothing here yet. Connect an account on the Accounts page: the"
                        " replies and mentions it gets then come in here by themselves."
                    )
                elif not any(map(has_inbox, accounts)):  # no reply can come in for any
                    # (A Local archive is neither signed in nor published by hand.)
                    said = self.tr(
                        "Nothing comes in here for your accounts: replies reach Some Studio"
                        " only from accounts signed in to their network (not from a Local"
                        " archive, nor from accounts you publish by hand). Connect one on the"
                        " Accounts page."
                    )
                self.empty.show_state(Emptiness.NOTHING, said)
            elif source:
                self.empty.show_state(Emptiness.SOURCE, source)
            elif self.filters.narrowed():
                self.empty.show_state(Emptiness.FILTERED)
            else:
                self.empty.show_state(Emptiness.ALL_DONE)
        if self.list.hasFocus() and not has_rows:
            # The list goes away: the keyboard goes where the user can go on from.
            filtered = self.empty.state in (Emptiness.FILTERED, Emptiness.SOURCE)
            target = self.empty.clear if filtered else self.empty.label
        else:
            target = None
        self.list.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if not has_rows:
            self._show_item(None)
        if target is not None:
            target.setFocus()

    def _empty_source(self) -> str:
        """Why the network or account the filters chose has no entry at all (done or not,
        whatever else is chosen), or "" when it has some or none is chosen."""
        query = self.filters.query()
        if not query.networks and not query.account_ids:
            return ""
        scope = InboxQuery(
            networks=query.networks, account_ids=query.account_ids, done=None, limit=1
        )
        if self.inbox.items(scope):
            return ""
        account = self.filters.account.currentData()
        if account is not None:
            chosen = next((a for a in self._studio.accounts() if a.id == int(account)), None)
            if chosen is not None:
                name = f"{network_name(chosen.network)} · {chosen.label}"
                return no_entries_text(chosen.network, name)
        network = next(iter(query.networks), None)
        return no_entries_text(network, network_name(network)) if network is not None else ""

    def clear_filters(self) -> None:
        self.filters.clear()
        self.list.setFocus()

    def update_counts(self) -> InboxCounts:
        counts = self.inbox.counts()
        self.counts_changed.emit(counts)
        return counts

    def _show_sources(self) -> None:
        lines = []
        self._source_problems = {}
        for source in self.inbox.sources():
            if not source.problem:
                continue
            self._source_problems[source.account_id] = source.problem
            lines.append(
                f"⚠ {network_name(source.network)} · {source.label}: "
                + problem_text(source.problem)
            )
        self.sources.setText("\n".join(lines))
        self.sources.setAccessibleName("\n".join(lines))
        self.sources.setVisible(bool(lines))

    def _describe(self, item: InboxItem, post: str) -> str:
        """The row as a screen reader says it."""
        parts = [
            self.tr("unread") if item.unread else "",
            kind_word(item.kind),
            item.author.label,
            network_name(item.network),
            when_text(item.created_at, self.zone),
            one_line(item.text),
            self.tr("on “%1”").replace("%1", one_line(post)) if post else "",
            self.tr("done") if item.done else "",
            self.tr("liked") if item.liked_at is not None else "",
            self.tr("hidden") if item.hidden_at is not None else "",
            entry_problem_short(item.problem, item.network) if item.problem else "",
        ]
        return ", ".join(p for p in parts if p)

    # -- moving
    def current_item(self) -> InboxItem | None:
        return self.model.item_at(self.list.currentIndex().row())

    def _select(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            return
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list.scrollTo(index)

    def next_item(self) -> None:
        row = self.list.currentIndex().row() + 1
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        self._select(min(row, self.model.rowCount() - 1))
        self.list.setFocus()

    def previous_item(self) -> None:
        self._select(max(0, self.list.currentIndex().row() - 1))
        self.list.setFocus()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        escape = (
            watched is self.filters.search
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        )
        if not escape:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the field takes Esc itself
            return False
        self._leave_search()
        return True

    def _leave_search(self) -> None:
        """Esc in the search: the first clears it, the next goes back to the list."""
        if self.filters.search.text():
            self.filters.search.clear()
            self.filters.apply_now()
        elif self.model.rowCount():
            self.list.setFocus()

    def _search_done(self) -> None:
        self.filters.apply_now()
        if self.model.rowCount():  # nothing found: the search stays to be changed
            self.list.setFocus()

    def _show_row(self, row: int) -> None:
        self._show_item(self.model.item_at(row))

    def _show_item(self, item: InboxItem | None) -> None:
        changed = item is None or item.id != self._current_id
        if changed and self._current_id is not None:
            self._keep_unsent(self._current_id)
        self._current_id = item.id if item is not None else None
        for button in (self.done_button, self.label_button):
            button.setEnabled(item is not None)
        self.entry_actions.show_item(item)
        answered = item is not None and (
            (bool(item.reply_state) and item.reply_state != "failed") or item.id in self._sending
        )
        self._show_answer_button(item, answered)
        if item is None:
            self._talk_soon.stop()
            self.conversation.show_nothing()
            self.editor.set_answerable(None, False)
            self.editor.show_check(None)
            return
        self.done_button.setText(self.tr("Mark not done") if item.done else self.tr("Mark done"))
        self.done_button.setAccessibleName(self.done_button.text())
        self._talk_soon.start()  # j held down: only where it stops is read and drawn
        self.editor.set_answerable(item, answered)
        if changed:
            self.editor.show_check(None)
            self.editor.show_problem("")
            # (after the check is cleared: a kept answer is checked again as it comes back)
            self.editor.set_text("" if answered else self._unsent.get(item.id, ""))
        if item.unread and (not self._choosing_for_user or self._seen_by_user()):
            self._read_timer.start()

    def _keep_unsent(self, item_id: int) -> None:
        """The answer typed under entry ``item_id``, kept for when it is shown again."""
        typed = self.editor.text()
        if typed.strip() and item_id not in self._sending:
            self._unsent[item_id] = typed
        else:
            self._unsent.pop(item_id, None)

    def _seen_by_user(self) -> bool:
        """The page is on screen (not merely built, nor behind another page or minimised)."""
        window = self.window()
        return self.isVisible() and not window.isMinimized()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown with an unread entry chosen and in the conversation: it is read after the
        same moment as any entry the user stops on."""
        super().showEvent(event)
        item = self.current_item()
        if item is not None and item.unread and self._seen_by_user():
            self._read_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Gone from the screen before the moment passed: the entry stays unread."""
        super().hideEvent(event)
        self._read_timer.stop()

    def _show_answer_button(self, item: InboxItem | None, answered: bool) -> None:
        """Answer is on only where there is something to answer; off, it says why (the same
        words the r key says)."""
        why = self._why_no_answer(item, answered) if item is not None else ""
        self.reply_button.setEnabled(item is not None and not why)
        tip = why or self.tr("Write an answer (r)")
        self.reply_button.setToolTip(tip)
        self.reply_button.setAccessibleDescription(tip)

    def _why_no_answer(self, item: InboxItem, answered: bool) -> str:
        if not item.kind.answerable:
            return nothing_to_answer_text(item.kind)
        if item.id in self._sending:
            return self.tr("The answer is being sent.")
        if answered:
            return reply_error_text("reply.taken")
        return ""

    def show_conversation(self) -> None:
        """The chosen entry's conversation (our post, the thread, our answer)."""
        self._talk_soon.stop()
        item = self.current_item()
        talk = self.inbox.conversation(item.id) if item is not None else None
        if talk is None:
            self.conversation.show_nothing()
        else:
            problem = self._source_problems.get(talk.item.account_id, "")
            self.conversation.show_conversation(talk, problem)

    def _say(self, text: str) -> None:
        self.editor.show_problem(text)

    def _acted(self, item_id: int) -> None:
        """A like or hide came back (done or refused): the row and its thread say so."""
        self._refresh(item_id)
        if item_id == self._current_id:
            self.show_conversation()

    def _mark_current_read(self) -> None:
        item = self.current_item()
        if item is None or not item.unread:
            return
        self._read(item)
        self._refresh(item.id)
        self.update_counts()

    def _read(self, item: InboxItem) -> None:
        if self.inbox.mark_read([item.id]):
            self.seen.read(item.account_id, item.network)

    def _refresh(self, item_id: int) -> InboxItem | None:
        item = self.inbox.item(item_id)
        if item is not None:
            self.model.refresh_item(item)
            if item_id == self._current_id:
                self._show_item(item)
        return item

    # -- acting
    def start_reply(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if not self.editor.editor.isEnabled():
            answered = bool(item.reply_state) and item.reply_state != "failed"
            self.editor.show_problem(self._why_no_answer(item, answered))
            return
        self.editor.editor.setFocus()

    def toggle_done(self) -> None:
        """Mark the entry done (or not done again), as a step the window can undo. An entry
        the view no longer shows (done, under Open) leaves the list at once and the next one
        is chosen."""
        item = self.current_item()
        if item is None:
            return
        command = DoneCommand(self, item.id, not item.done)
        if self.undo_stack is not None:
            self.undo_stack.push(command)  # push runs it
        else:
            command.redo()

    def set_done(self, item_id: int, done: bool, *, undoing: bool = False) -> None:
        """Store done or not done and show it: the row changes or, no longer in the view,
        leaves it (undoing brings it back, chosen again)."""
        self.inbox.set_done(item_id, done)
        item = self.inbox.item(item_id)
        if item is None:
            return
        if done and item.unread:
            self._read(item)
            item = self.inbox.item(item_id) or item
        wanted = self.model.query.done
        row = self.model.row_of(item_id)
        if undoing:
            self._current_id = item_id
            self.reload_list()
        elif row >= 0 and wanted is not None and wanted != item.done:
            self._leave_list(row)
        else:
            self._refresh(item_id)
        self.update_counts()

    def _leave_list(self, row: int) -> None:
        """Take the row out of the view and choose the one that took its place (or the one
        before, at the end), keeping the keyboard in the list."""
        focused = self.list.hasFocus()
        self.model.drop_row(row)
        left = self.model.rowCount()
        if left:
            self._select(min(row, left - 1))
            if focused:
                self.list.setFocus()
        else:
            self._show_item(None)
        self._show_emptiness()

    def ask_label(self) -> None:
        item = self.current_item()
        if item is None:
            return
        item_id = item.id

        def answered(text: str | None) -> None:
            if text is None:
                return
            self.inbox.set_label(item_id, text.strip())
            self._refresh(item_id)

        self.prompts.ask_text(
            self.tr("Label"),
            self.tr("A word to find the entry by (empty: no label)."),
            self.tr("Label"),
            self.tr("Set label"),
            answered,
        )

    def _check_reply(self, text: str) -> None:
        item = self.current_item()
        if item is None or not item.kind.answerable or not text.strip():
            self.editor.show_check(None)
            return
        try:
            check = self.inbox.check_reply(item.id, text, ui_language())
            sent, typed = self.inbox.reply_text(item.id, text), text.strip()
        except InboxError:
            self.editor.show_check(None)
            return
        # The count is of what is sent: what the app puts in front is said beside it.
        added = sent[: len(sent) - len(typed)].strip() if sent.endswith(typed) else ""
        self.editor.show_check(check, added)

    def send_reply(self, text: str) -> None:
        item = self.current_item()
        if item is None or item.id in self._sending:
            return
        item_id = item.id
        if not text.strip():
            self.editor.show_problem(reply_error_text("reply.empty"))
            return
        check = self.inbox.check_reply(item_id, text, ui_language())
        if check is not None and not check.ok:
            self.editor.show_check(check)
            return
        self._sending.add(item_id)
        if self.editor.editor.hasFocus():
            # The box is closed while it sends: the keyboard goes back to the list (j/k, e),
            # not to whatever Qt would choose next (the navigation).
            self.list.setFocus()
        self.editor.set_answerable(item, True)
        self._show_answer_button(item, True)
        self.editor.show_problem(self.tr("Sending…"))
        inbox = self.inbox
        language = ui_language()
        self.tasks.run(
            lambda: inbox.reply(item_id, text, language),
            on_done=lambda outcome: self._sent(item_id, outcome),
            on_error=lambda exc: self._send_failed(item_id, text, exc),
        )

    def _sent(self, item_id: int, outcome: object) -> None:
        self._sending.discard(item_id)
        state = getattr(outcome, "state", None)
        if getattr(state, "value", "") == "sent":
            self.inbox.set_done(item_id, True)  # answered: done, as a person would mark it
            answered = self.inbox.item(item_id)
            if answered is not None and answered.unread:
                self._read(answered)
            self._unsent.pop(item_id, None)
            if item_id == self._current_id:
                self.editor.set_text("")
                self.editor.show_problem(self.tr("Sent."))
        self._refresh(item_id)
        if state is not None and getattr(state, "value", "") != "sent":
            self._say_not_sent(item_id, getattr(state, "value", ""))
        self.update_counts()

    def _say_not_sent(self, item_id: int, state: str) -> None:
        """Under the editor: that the answer did not go out, with the same short reason as
        its row ("⚠ Not connected · The answer could not be sent"); the reason in full is
        said once, under the answer in the conversation."""
        item = self.inbox.item(item_id)
        if item_id != self._current_id or item is None:
            return
        if state == "failed":
            said = reply_state_text("failed")
            if item.problem:
                said = f"⚠ {entry_problem_short(item.problem, item.network)} · {said}"
            self.editor.show_problem(said)
        elif state == "needs_attention":
            self.editor.show_problem(reply_state_text(state))
        else:
            self.editor.show_problem(self.tr("The answer waits to be sent again."))

    def _send_failed(self, item_id: int, text: str, exc: BaseException) -> None:
        self._sending.discard(item_id)
        item = self._refresh(item_id)
        if item_id != self._current_id:
            return
        code = exc.code if isinstance(exc, InboxError) else ""
        detail = str(exc) if code == "reply.checks" else ""
        if item is not None and not item.reply_state:
            self.editor.set_answerable(item, False)
            if not self.editor.text():
                self.editor.set_text(text)  # nothing the user wrote is lost
        self.editor.show_problem(reply_error_text(code, detail))

    # -- saved replies
    def show_saved_menu(self) -> None:
        if not self.editor.saved.isEnabled():
            return
        language = ui_language()
        menu = saved_menu(
            self._studio.saved_replies().list(),
            language,
            self.insert_saved,
            self.manage_saved,
            self,
        )
        self.saved_menu_shown = menu
        menu.aboutToHide.connect(menu.deleteLater)
        where = self.editor.saved.mapToGlobal(self.editor.saved.rect().bottomLeft())
        menu.popup(where)

    def insert_saved(self, reply: SavedReply) -> None:
        item = self.current_item()
        if item is None:
            return
        self.editor.insert(fill(reply.body, item.author))

    def manage_saved(self) -> None:
        if self.saved_dialog is None:
            dialog = SavedRepliesDialog(self._studio.saved_replies(), self)
            dialog.finished.connect(self._forget_saved_dialog)
            self.saved_dialog = dialog
        self.saved_dialog.open()

    def _forget_saved_dialog(self) -> None:
        if self.saved_dialog is not None:
            self.saved_dialog.deleteLater()
            self.saved_dialog = None
