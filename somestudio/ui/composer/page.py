"""The Compose page: one base text, the accounts it goes to, each account's own text or
thread, media, and live checks — kept safe by autosave while the user types."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.composer import Composer, PostConflictError, Target, UnsavableTextError
from somestudio.app.draft_checks import DraftReport, MediaCache, check_draft
from somestudio.app.series import SeriesBusyError, SeriesTexts
from somestudio.app.studio import Studio
from somestudio.domain.channels import RULES
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.delivery_status import DeliveryStatus
from somestudio.domain.drafts import Attachment, Draft
from somestudio.domain.findings import Severity
from somestudio.domain.link_cards import LinkCard, first_link
from somestudio.domain.media import fixable_size
from somestudio.domain.threads import split_thread
from somestudio.domain.utc import utc_now
from somestudio.ui.composer.account_list import AccountList, NoAccountsHint
from somestudio.ui.composer.blocking import problem_lines
from somestudio.ui.composer.channel_panel import ChannelPanel
from somestudio.ui.composer.column_height import ColumnFloor
from somestudio.ui.composer.conflict_dialog import Choice, ConflictDialog
from somestudio.ui.composer.counter_strip import CounterStrip
from somestudio.ui.composer.editor import MAX_TEXT, PostEditor
from somestudio.ui.composer.findings_list import FindingsList, Place
from somestudio.ui.composer.language_choice import LanguageChoice
from somestudio.ui.composer.link_card_box import LinkCardBox
from somestudio.ui.composer.live_counts import Counted, LiveCounts, count_pieces
from somestudio.ui.composer.media_strip import MediaStrip
from somestudio.ui.composer.post_card import CardContent
from somestudio.ui.composer.post_status import failure_entries, locked, status_text
from somestudio.ui.composer.preview_deck import PreviewDeck
from somestudio.ui.composer.report_view import entities_summary, findings_of, overflow_in_base
from somestudio.ui.composer.series_note import SeriesNote
from somestudio.ui.i18n import ui_language
from somestudio.ui.keyboard import focus_ring, step_in_order, tabbable_in
from somestudio.ui.network_names import network_name
from somestudio.ui.prompts import Prompts
from somestudio.ui.qtdates import short_date_time
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme.titles import page_title

log = logging.getLogger(__name__)

AccountIdRole = Qt.ItemDataRole.UserRole + 1
# Counters follow every key (``live_counts``); the full check (findings, the overflow mark)
# waits for a pause in typing, so it does not take the GIL from the keys that follow. When
# the key could not be counted at once, the check starts as soon as the key is painted.
# While one runs, further keys make one more check when it is done (never a queue).
CHECK_DELAY_MS = 30
PANELS_PER_STEP = 2  # channel tabs built in one event-loop turn while unsaved work comes back
PAUSE_MS = 150
AUTOSAVE_DELAY_MS = 800
LINK_DELAY_MS = 700  # a link is read once the user has stopped typing it
# A link that gave no card (offline, no such site, a page without one) is read again after
# this long, not at every pause in the typing (it was read a dozen times in two minutes).
LINK_RETRY_S = 120.0


PICTURE = 480  # thumbnails big enough for a preview card's image grid


def _thumbnail(path: str) -> QImage:
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > PICTURE:
        reader.setScaledSize(size.scaled(PICTURE, PICTURE, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class ComposePage(QWidget):
    draft_saved = Signal(int)
    schedule_requested = Signal(int)  # a saved post id: pick its time
    publish_now_requested = Signal(int)  # a saved post id: send it at once
    checked = Signal()  # a check's results are on screen (for tests and tools)
    accounts_requested = Signal()  # "Open Accounts" where there is no account to post to
    show_in_calendar = Signal(object, int)  # a date and a post: show it in the calendar
    post_loaded = Signal(object)  # the post now in the editor (an id), or None for a new one
    # The accounts whose sign-ins were read (a list of ids) and those nothing can publish to
    # (id -> code): the window's status bar counts the posts that will not go out.
    sign_ins_read = Signal(object, object)

    def __init__(
        self,
        studio: Studio,
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
        in_steps: bool = False,
        prompts: Any = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """With ``in_steps`` (the window) unsaved work from the last session comes back in
        event-loop turns of their own after the page is built (its text, a few channel tabs
        at a time, the rest), a note over the text and tabs meanwhile: a long text for many
        accounts took 0.1-0.3 s at once. Without it (tests, tools) it is back at once.
        ``now``: the window's clock (a post's times say their year when it is not this one;
        a sign-in's expiry is judged by it)."""
        super().__init__(parent)
        self.setObjectName("ComposePage")
        self.setAcceptDrops(True)
        self._studio = studio
        self._now = now
        self._composer = Composer(studio.workspace)
        # Questions (a repeating series' "only this post?"): the window's, or a script's.
        self.prompts = prompts if prompts is not None else Prompts(self)
        self._series_texts = SeriesTexts(studio.workspace)
        self._tasks = tasks or Tasks(self)
        # Reading a link's page may take seconds: its own worker, so checks never wait on it.
        self._link_tasks = Tasks(self, synchronous=self._tasks.synchronous)
        # Which accounts nothing can publish to (the keyring is read): a worker of its own,
        # also where the checks run at once (tests): a keyring's answer waits for nothing.
        self._sign_in_tasks = Tasks(self)
        self._sign_ins_known: tuple[frozenset[int], dict[int, str]] | None = None
        self._fetching: str | None = None  # the link whose card is being read
        self._no_card: dict[str, float] = {}  # links that gave no card: when (``monotonic``)
        self._media_cache = MediaCache()
        self._targets: dict[int, Target] = {}
        self._panels: dict[int, ChannelPanel] = {}
        self._pictures: dict[str, QImage] = {}  # attachment path -> thumbnail
        self._card_pictures: dict[str, QImage] = {}  # link card image path -> image
        self._editing: int | None = None
        self._version: int | None = None  # the edited post's version as loaded or saved here
        self._saved_version: int | None = None  # what the last save left the post at
        self._saved_later: tuple[int, ...] | None = None  # later series posts it changed
        self.conflict_dialog: ConflictDialog | None = None  # open while the user decides
        self._clean = Draft()
        self._autosaved: Draft | None = None
        self._recovered_extras: tuple[bool | None, tuple[str, ...] | None] | None = None
        self._refusal_text = ""  # the feedback line's "Not saved: ..." while it is shown
        self._generation = 0
        self._valid_from = 0  # reports of checks started before this one are dropped
        self._checking = False  # a check is running on the worker
        self._recheck = False  # the text changed while it ran
        self._loading = False
        self.report: DraftReport | None = None

        self.title = page_title(QLabel(self.tr("New post")))
        self.feedback = QLabel()
        self.feedback.setObjectName("ComposeFeedback")
        self.feedback.setWordWrap(True)
        self._confirmed_day: date | None = None
        self._confirmed_post = 0
        self._confirmed_message = ""
        self._saved_message = ""  # "Draft saved …", said of the previous post once one is written
        self.confirmation = QLabel()
        self.show_in_calendar_button = QPushButton(self.tr("Show in calendar"))
        self._build_confirmation()
        self.post_status = QLabel()
        self.post_status.setObjectName("ComposePostStatus")
        # A description, not a name: a name replaces the label's text for a screen reader,
        # which then heard "Where this post stands" and never the accounts' states.
        self.post_status.setAccessibleDescription(self.tr("Where this post stands"))
        self.post_status.setWordWrap(True)
        self.post_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.post_status.hide()
        self.series_note = SeriesNote()
        self._statuses: list[DeliveryStatus] = []
        self._states_at_open: dict[int, DeliveryState] = {}  # delivery → state when opened
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setObjectName("SaveDraft")
        self.save_button.setToolTip(self.tr("Save draft (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_draft)
        save_keys = QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        save_keys.setWhatsThis(self.tr("Save the draft"))
        self.schedule_button = QPushButton(self.tr("Schedule…"))
        self.schedule_button.setObjectName("SchedulePost")
        schedule_keys = QKeySequence("Ctrl+Return", QKeySequence.SequenceFormat.PortableText)
        self.schedule_button.setToolTip(
            self.tr("Save and choose when it goes out (%1)").replace(
                "%1", schedule_keys.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.schedule_button.clicked.connect(self.schedule)
        QShortcut(schedule_keys, self, self.schedule).setWhatsThis(
            self.tr("Save and choose when it goes out")
        )
        self.publish_button = QPushButton(self.tr("Publish now"))
        self.publish_button.setObjectName("PublishNow")
        publish_keys = QKeySequence("Ctrl+Shift+Return", QKeySequence.SequenceFormat.PortableText)
        self.publish_button.setToolTip(
            self.tr("Save and publish at once (%1)").replace(
                "%1", publish_keys.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.publish_button.clicked.connect(self.publish_now)
        QShortcut(publish_keys, self, self.publish_now).setWhatsThis(
            self.tr("Save and publish at once")
        )

        self.editor = PostEditor()
        self.editor.setObjectName("ComposeEditor")
        self.editor.setAccessibleName(self.tr("Post text"))
        self.editor.setPlaceholderText(
            self.tr("Write your post once; fit it to each channel on the right.")
        )
        self._live = LiveCounts()
        self._counted_live = False  # the last key's counts are on the strip already
        self.editor.textChanged.connect(self._live_counters)
        self.editor.textChanged.connect(self._changed)
        self.editor.files_dropped.connect(self._add_files)
        self.editor.text_capped.connect(self._capped)
        self.entities_label = QLabel()
        self.entities_label.setObjectName("ComposeEntities")
        self.entities_label.setWordWrap(True)
        self.overflow_label = QLabel()
        self.overflow_label.setObjectName("ComposeOverflow")
        self.overflow_label.setWordWrap(True)
        self.language = LanguageChoice()
        self.language.set_language(ui_language())
        self.language.currentIndexChanged.connect(self._changed)
        language_label = QLabel(self.tr("Language:"))
        language_label.setBuddy(self.language)
        self.link_card = LinkCardBox()
        self.link_card.changed.connect(self._changed)
        self.media = MediaStrip()
        self.media.changed.connect(self._media_changed)
        self.media.files_chosen.connect(self._add_files)
        self.media.fix_requested.connect(self._fix_media)
        findings_label = QLabel(self.tr("Problems"))
        self.findings = FindingsList()
        self.findings.place_activated.connect(self._jump)
        findings_label.setBuddy(self.findings)

        accounts_label = QLabel(self.tr("Post to:"))
        self.accounts = AccountList()
        self.accounts.setObjectName("ComposeAccounts")
        self.accounts.setAccessibleName(self.tr("Accounts to post to"))
        self.accounts.itemChanged.connect(self._accounts_changed)
        accounts_label.setBuddy(self.accounts)
        self.no_accounts = NoAccountsHint()
        self.no_accounts.accounts_requested.connect(self.accounts_requested)
        self.no_accounts.hide()
        self._locked_note = self.tr(
            "Accounts can't be changed once a post is scheduled or sent — unschedule it "
            "on the calendar first."
        )
        self._sent_note = self.tr(
            "Published on every account: what went out can't be changed from here, so the "
            "text is read-only (labels can still be set). To post it again, duplicate it on "
            "the calendar."
        )
        self._read_only = False  # a post out on every account: ``_set_text_read_only``
        self.accounts_note = QLabel(self._locked_note)
        self.accounts_note.setObjectName("ComposeAccountsNote")
        self.accounts_note.setWordWrap(True)
        self.accounts_note.hide()
        self.counters = CounterStrip()
        self.counters.account_chosen.connect(self.show_account)
        self.channels = QTabWidget()
        self.channels.setObjectName("ComposeChannels")
        self.channels.setDocumentMode(True)
        self.channels.setUsesScrollButtons(True)
        self.channels.currentChanged.connect(self._tab_changed)
        self.previews = PreviewDeck()
        self.no_channels = QLabel(self.tr("Tick an account above to see its counter and preview."))
        self.no_channels.setWordWrap(True)
        self.no_channels.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        text_side = QWidget()
        text_layout = QVBoxLayout(text_side)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.editor, 1)
        text_layout.addWidget(self.overflow_label)
        text_layout.addWidget(self.entities_label)
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        text_layout.addLayout(language_row)
        text_layout.addWidget(self.link_card)
        text_layout.addWidget(self.media)
        problems = QWidget()
        problems_layout = QVBoxLayout(problems)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(findings_label)
        problems_layout.addWidget(self.findings, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(text_side)
        left.addWidget(problems)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        left.setChildrenCollapsible(False)

        channels_side = QWidget()
        right_layout = QVBoxLayout(channels_side)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(accounts_label)
        right_layout.addWidget(self.accounts)
        right_layout.addWidget(self.no_accounts)
        right_layout.addWidget(self.accounts_note)
        right_layout.addWidget(self.counters)
        right_layout.addWidget(self.no_channels, 3)
        right_layout.addWidget(self.channels, 3)
        self.accounts.fit_rows()
        ColumnFloor(channels_side)  # the previews below give way, not the column's parts
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(channels_side)
        right.addWidget(self.previews)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)  # the cards need the height more than the tabs do
        right.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        head = QHBoxLayout()
        # What was just done under the title, as wide as the buttons leave: beside it, in a
        # narrow window (the Drafts panel open, longer Finnish words) "Not scheduled. The
        # post is kept as a draft." stood four lines tall (a new user's finding). A line is
        # kept for it, so nothing below moves when it comes or goes.
        said = QVBoxLayout()
        said.setSpacing(0)
        said.addWidget(self.title)
        said.addWidget(self.feedback)
        self.feedback.setMinimumHeight(self.feedback.fontMetrics().height())
        head.addLayout(said, 1)
        head.addWidget(self.save_button)
        head.addWidget(self.schedule_button)
        head.addWidget(self.publish_button)
        confirmation = QHBoxLayout()
        confirmation.addWidget(self.confirmation, 1)
        confirmation.addWidget(self.show_in_calendar_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(confirmation)
        layout.addWidget(self.post_status)
        layout.addWidget(self.series_note)
        layout.addWidget(self.splitter, 1)
        # Over the splitter while unsaved work comes back in steps (``in_steps``): opaque, so
        # what the steps change under it is laid out but not painted; the splitter itself
        # is laid out as always (hidden, it came back with other sizes).
        self._restoring_note = QLabel(self.tr("Bringing back your unsaved post…"), self)
        self._restoring_note.setObjectName("ComposeRestoring")
        self._restoring_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._restoring_note.setAutoFillBackground(True)
        self._restoring_note.hide()
        self._restoring: Iterator[None] | None = None  # the steps still to come

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_checks)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._link_timer = QTimer(self)
        self._link_timer.setSingleShot(True)
        self._link_timer.setInterval(LINK_DELAY_MS)
        self._link_timer.timeout.connect(self.refresh_link_card)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.autosave)

        self._sign_ins_after_restore = in_steps  # the work back first, then the marks
        self.reload()
        if in_steps:
            self._restoring = self._recover_steps()
            self._restore_step()  # reads the unsaved work: nothing (or its note) shows next
            return
        for _ in self._recover_steps():
            pass
        self._update_buttons()
        self.run_checks()

    # -- unsaved work coming back in steps
    def _restore_step(self) -> None:
        steps, self._restoring = self._restoring, None  # what a step calls runs as usual
        if steps is None:
            return
        if next(steps, StopIteration) is StopIteration:
            self._restored()
            return
        self._restoring = steps
        self._restoring_note.setGeometry(self.splitter.geometry())
        self._restoring_note.show()
        self._restoring_note.raise_()
        QTimer.singleShot(0, self, self._restore_step)  # not after the page is gone

    def finish_restoring(self) -> None:
        """The unsaved work back at once (before anything reads or changes the page)."""
        steps, self._restoring = self._restoring, None
        if steps is not None:
            for _ in steps:
                pass
            self._restored()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._restoring_note.isVisible():
            self._restoring_note.setGeometry(self.splitter.geometry())

    @property
    def restoring(self) -> bool:
        return self._restoring is not None

    def _restored(self) -> None:
        self._restoring = None
        focused = self._restoring_note.isVisible() or self.focusWidget() is None
        self._restoring_note.hide()
        self._update_buttons()
        if focused and self.isVisible():
            self.editor.setFocus()
        self._check_timer.start(0)  # after the page's first layout and paint
        if self._sign_ins_after_restore:
            self._sign_ins_after_restore = False
            self._check_sign_ins()

    # -- the contract with the main window
    @property
    def editing(self) -> int | None:
        return self._editing

    def reload(self) -> None:
        """Re-read the accounts (keeping which are ticked)."""
        checked = set(self.checked_account_ids())
        self._targets = {t.account_id: t for t in self._composer.targets()}
        if len(self._targets) == 1 and not checked and self._editing is None:
            # The only account, on a new post: ticked (a first user's Schedule… stayed off
            # until they found its box).
            checked = set(self._targets)
        self.accounts.blockSignals(True)
        self.accounts.clear()
        for target in self._targets.values():
            name = f"{network_name(target.network)} · {target.label}"
            item = QListWidgetItem(name)
            item.setToolTip(name)  # whole, where the row cuts it
            item.setData(AccountIdRole, target.account_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if target.account_id in checked else Qt.CheckState.Unchecked
            )
            self.accounts.addItem(item)
        self.accounts.blockSignals(False)
        self.accounts.fit_rows()
        self.accounts.setVisible(bool(self._targets))
        self.no_accounts.setVisible(not self._targets)
        self._sync_panels()
        self._check_sign_ins()

    def _check_sign_ins(self) -> None:
        """Mark the accounts a post would not go out to (no usable sign-in here, or on a
        shared workspace none on any computer): seen while ticking, not only when
        scheduling (``app.sign_in_check``)."""
        ids = list(self._targets)
        if not ids or self._sign_ins_after_restore:
            return
        if self._sign_ins_known is not None and self._sign_ins_known[0] == frozenset(ids):
            self._show_sign_ins(self._sign_ins_known[1])  # read once per set of accounts:
            return  # a locked keyring would otherwise ask to be unlocked at every visit
        workspace, now = self._studio.workspace, self._now

        def read() -> dict[int, str]:
            from somestudio.app.accounts import Accounts  # noqa: PLC0415 - networks' modules
            from somestudio.app.sign_in_check import unusable_accounts  # noqa: PLC0415

            return unusable_accounts(Accounts(workspace, now=now), ids)

        def known(unusable: dict[int, str]) -> None:
            self._sign_ins_known = (frozenset(ids), unusable)
            self._show_sign_ins(unusable)
            self.sign_ins_read.emit(ids, unusable)

        self._sign_in_tasks.run(read, known, self._sign_ins_unknown)

    def sign_ins_changed(self) -> None:
        """An account was connected, reconnected or added: read the marks again."""
        self._sign_ins_known = None
        self._check_sign_ins()

    def _show_sign_ins(self, unusable: dict[int, str]) -> None:
        from somestudio.domain import sign_in_messages  # noqa: PLC0415
        from somestudio.ui.theme.icons import Status, status_icon  # noqa: PLC0415

        language = ui_language()
        warning = status_icon(Status.WARNING)
        # Every row the same height and its name in the same place, marked or not.
        side = self.accounts.fontMetrics().height()
        self.accounts.setIconSize(QSize(side, side))  # the mark as tall as the name
        blank = QPixmap(self.accounts.iconSize())
        blank.fill(Qt.GlobalColor.transparent)
        none = QIcon(blank) if unusable else QIcon()
        for row in range(self.accounts.count()):
            item = self.accounts.item(row)
            code = unusable.get(int(item.data(AccountIdRole)))
            text = sign_in_messages.render(code, language, {}) if code else ""
            item.setIcon(warning if code else none)
            item.setToolTip(f"{item.text()}\n{text}" if text else item.text())
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, text)
        self.accounts.fit_rows()  # a row with the mark may be taller

    def _sign_ins_unknown(self, error: BaseException) -> None:
        # Only a mark could not be shown: the schedule dialog checks again, the log says why.
        log.info("checking the accounts' sign-ins failed: %s", type(error).__name__)

    def checked_account_ids(self) -> list[int]:
        return [
            int(item.data(AccountIdRole))
            for item in (self.accounts.item(i) for i in range(self.accounts.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def new_post(self) -> None:
        self.finish_restoring()
        self.feedback.clear()
        self._hide_confirmation()
        self._keep_unsaved_work()
        self._load(Draft(account_ids=tuple(self.checked_account_ids())), clean=None)

    def open_post(self, post_id: int) -> bool:
        """Load an existing post for editing; False if it no longer exists."""
        self.finish_restoring()
        draft = self._composer.load(post_id)
        if draft is None:
            self.feedback.setText(self.tr("That post no longer exists."))
            return False
        self.feedback.clear()
        self._hide_confirmation()
        self._keep_unsaved_work()
        self._load(draft, clean=draft)
        return True

    def save_draft(self) -> None:
        """Save; an opened post of a repeating series whose text changed first asks whether
        the later posts of the series get the text too."""
        editing = self._editing
        if editing is not None and self.series_note.series and self._text_changed():
            # Read again: a later post may have gone out since the post was opened.
            self.series_note.show_series(self._series_texts.of_post(editing))
            if self.series_note.later_count():
                self.series_note.ask(self.prompts, partial(self._save_in_series, editing))
                return
        self._commit()

    def _text_changed(self) -> bool:
        """Whether the text or an account's own text differs from the post as saved."""
        draft, clean = self.current_draft(), self._clean

        def own(d: Draft) -> dict[int, str]:
            return {a: t for a, t in d.variants.items() if t != d.base_text}

        return (draft.base_text, own(draft)) != (clean.base_text, own(clean))

    def _save_in_series(self, post_id: int, later: bool | None) -> None:
        if self._editing != post_id:  # another post was opened meanwhile
            return
        if later is None:
            self.feedback.setText(self.series_note.cancelled_text())
            return
        self._saved_later = None
        saved = self._commit(later_in_series=later)
        if saved is None or saved != post_id:
            return
        said = self.series_note.saved_text(len(self._saved_later or ()) if later else None)
        shown = self.feedback.text()
        self.feedback.setText(said if shown == self.tr("Changes saved.") else f"{said} {shown}")
        self.series_note.show_series(self._series_texts.of_post(post_id))

    def schedule(self) -> None:
        """Save, then ask when it goes out (the window opens the schedule dialog). The text
        stays in the editor until the user has confirmed a time."""
        post_id = self._commit(needs_accounts=True, keep=True)
        if post_id is not None:
            self.schedule_requested.emit(post_id)

    def publish_now(self) -> None:
        post_id = self._commit(needs_accounts=True, keep=True)
        if post_id is not None:
            self.publish_now_requested.emit(post_id)

    def confirm_sent(self, post_id: int, message: str, day: date | None) -> None:
        """The window scheduled (or is publishing) ``post_id``: say so, with a way to the
        calendar on ``day``, and start a new post if this one was in the editor."""
        self.finish_restoring()
        if self._editing == post_id:
            self._load(Draft(account_ids=tuple(self.checked_account_ids())), clean=None)
            if self.isVisible():  # on to the next post: the keys in its text (they stayed on
                self.editor.setFocus()  # "Post to", and what was typed went nowhere)
        self.feedback.clear()
        self.confirmation.setText(message)
        self.confirmation.show()
        self._confirmed_message = message  # said of "the previous post" once another is written
        self._confirmed_day = day
        self._confirmed_post = post_id
        self.show_in_calendar_button.setVisible(day is not None)

    def schedule_cancelled(self, post_id: int) -> None:
        self.finish_restoring()
        if self._editing != post_id:
            return
        if self._studio.scheduled_time(post_id) is not None:
            # Cancelled on a post already scheduled: it stays as it was (the message said it
            # was a draft while the calendar still showed it scheduled).
            self.feedback.setText(self.tr("Nothing changed: the post stays scheduled."))
        else:
            self.feedback.setText(self.tr("Not scheduled. The post is kept as a draft."))

    def _build_confirmation(self) -> None:
        self.confirmation.setObjectName("ComposeConfirmation")
        # No fixed accessible name: a screen reader then reads the label's text ("Scheduled
        # Thu 03/12 12.44 (Helsinki) on 1 account"), not just the word "Confirmation".
        self.confirmation.setAccessibleDescription(self.tr("Confirmation"))
        self.confirmation.setWordWrap(True)
        self.confirmation.hide()
        self.show_in_calendar_button.setObjectName("ShowInCalendar")
        self.show_in_calendar_button.hide()
        self.show_in_calendar_button.clicked.connect(
            lambda: self.show_in_calendar.emit(self._confirmed_day, self._confirmed_post)
        )

    def _hide_confirmation(self) -> None:
        self.confirmation.hide()
        self.show_in_calendar_button.hide()

    def _commit(
        self, *, needs_accounts: bool = False, keep: bool = False, later_in_series: bool = False
    ) -> int | None:
        draft = self.current_draft()
        if not draft.base_text.strip() and not any(v.strip() for v in draft.variants.values()):
            self.feedback.setText(self._write_first())
            return None
        if needs_accounts and not draft.account_ids:
            self.feedback.setText(self._choose_first())
            return None
        if not keep and self._refused_while_scheduled(draft):
            return None
        post_id = self._save(draft, ask=True, later_in_series=later_in_series)
        if post_id is None:
            return None
        self._version = self._saved_version
        if keep:
            # Scheduling or publishing: the saved post stays in the editor until confirmed.
            self._autosaved = None
            if draft.post_id is None:
                self._editing = post_id
                self.title.setText(self.tr("Edit post"))
                self.save_button.setText(self.tr("Save changes"))
            self._clean = replace(draft, post_id=post_id, version=self._version)
            self.feedback.clear()
        elif draft.post_id is not None:
            unreached = self._own_texts_not_reached(draft)
            self._clean = replace(draft, post_id=post_id, version=self._version)
            self._autosaved = None
            if post_id == draft.post_id:
                self.feedback.setText(
                    self.tr(
                        "Changes saved. These channels have their own text or thread, which the"
                        " change to the main text does not reach: %1. Edit them in their tabs"
                        " if needed (a thread: Split again)."
                    ).replace("%1", ", ".join(unreached))
                    if unreached
                    else self.tr("Changes saved.")
                )
                gone = self._published_since_opened()
                if gone:
                    # It went out while being edited: "Changes saved." alone was taken for
                    # the edit having gone out too.
                    self.feedback.setText(
                        self.tr(
                            "Saved, but meanwhile the post was published on %1 as it was before "
                            "your changes: they did not go out there."
                        ).replace(
                            "%1",
                            ", ".join(
                                f"{network_name(g.network)} · {g.account_label}" for g in gone
                            ),
                        )
                    )
        else:
            self._load(Draft(account_ids=draft.account_ids), clean=None)
            self._saved_message = self.tr("Draft saved to Drafts.")
            self.feedback.setText(self._saved_message)
        self.draft_saved.emit(post_id)
        return post_id

    def _own_texts_not_reached(self, draft: Draft) -> list[str]:
        """The channels with their own text or thread, when the main text was changed: the
        change does not reach them (a corrected opening time went out wrong on Mastodon, and
        a sentence added to the main text was missing from a Threads thread, unsaid)."""
        clean = self._clean
        if clean is None or clean.base_text == draft.base_text:
            return []
        return [
            self._tab_name(account_id)
            for account_id in draft.account_ids
            if (account_id in draft.variants or account_id in draft.threads)
            and account_id in self._targets
        ]

    def _paid_ticked(self) -> bool | None:
        """The "Paid collaboration" box, once it shows this post's flag (else: as saved)."""
        tools = getattr(self, "composer_tools", None)
        if tools is None or tools.loaded_post != self._editing:
            return None
        return bool(tools.paid.isChecked())

    def _refused_while_scheduled(self, draft: Draft) -> bool:
        """A scheduled post's changes pass the same gate as scheduling: with an error (too
        long, the paid-collaboration marking gone...) nothing is saved, the post stays as
        scheduled and the edits stay in the editor, with the reason."""
        blocked = self._studio.edit_blockers(draft, paid=self._paid_ticked())
        if not blocked:
            return False
        lines = [line for is_error, line in problem_lines(blocked) if is_error]
        self._refusal_text = self.tr(
            "Not saved: this post is scheduled, and with these changes it could not go "
            "out. Fix this (your edits are still here), or unschedule it on the calendar "
            "first: %1"
        ).replace("%1", " ".join(lines))
        self.feedback.setText(self._refusal_text)
        return True

    def _forget_refusal(self) -> None:
        """The refusal's line goes once its reason has (it stayed after the fix, and after
        the edits were discarded, beside "No problems found")."""
        if self._refusal_text and self.feedback.text() == self._refusal_text:
            self.feedback.clear()
        self._refusal_text = ""

    # -- state
    def current_draft(self) -> Draft:
        self.finish_restoring()
        chosen = tuple(self.checked_account_ids())
        variants: dict[int, str] = {}
        threads: dict[int, tuple[str, ...]] = {}
        comments: dict[int, str] = {}
        for account_id in chosen:
            panel = self._panels.get(account_id)
            if panel is None:
                continue
            comment = panel.first_comment_text()
            if comment.strip():
                comments[account_id] = comment
            variant = panel.variant_text()
            if variant is not None:
                variants[account_id] = variant
            parts = panel.thread_parts()
            if parts:
                threads[account_id] = parts
        paid, labels = self._extras()
        return Draft(
            base_text=self.editor.text(),
            account_ids=chosen,
            variants=variants,
            threads=threads,
            attachments=self.media.attachments(),
            post_id=self._editing,
            language=self.language.language(),
            link_card=self.link_card.card(),
            first_comments=comments,
            version=self._version,
            paid=paid,
            labels=labels,
        )

    def _extras(self) -> tuple[bool | None, tuple[str, ...] | None]:
        """The tools' paid box and labels, for what autosave keeps (none before they exist)."""
        tools = getattr(self, "composer_tools", None)
        if tools is None:
            return None, None
        return bool(tools.paid.isChecked()), tuple(tools.labels)

    def take_recovered_extras(self) -> tuple[bool | None, tuple[str, ...] | None] | None:
        """The paid box and labels of the unsaved work brought back, once (the tools show
        them instead of the saved post's)."""
        extras, self._recovered_extras = self._recovered_extras, None
        return extras

    def panel(self, account_id: int) -> ChannelPanel | None:
        self.finish_restoring()
        return self._panels.get(account_id)

    def is_dirty(self) -> bool:
        draft = self.current_draft()
        return not draft.is_empty and not _same_draft(draft, self._clean)

    def discard_edits(self) -> None:
        """The open post back as it was saved, its unsaved work forgotten (the quit
        question's "Quit without saving": the edits do not come back at the next start)."""
        self.finish_restoring()
        self._load(self._clean, clean=self._clean)
        self._forget_refusal()
        self.autosave()  # nothing unsaved now: what was kept of it goes

    def unsaved_edits_of_scheduled_post(self) -> bool:
        """Edits not saved to a post that will go out by itself: if its time comes before
        they are saved, the post goes out as it was saved (quitting asks first)."""
        if self._editing is None or not self.is_dirty():
            return False
        return self._studio.scheduled_time(self._editing) is not None

    # -- checks
    def run_checks(self) -> None:
        """Check the current draft now (normally a moment after the last change)."""
        self.finish_restoring()
        self._check_timer.stop()
        if self._checking:
            self._recheck = True
            return
        draft = self.current_draft()
        targets = [self._targets[a] for a in draft.account_ids if a in self._targets]
        self._generation += 1
        lang = ui_language()
        cache = self._media_cache
        # Pieces a key could not count at once (a long paragraph pasted): counted with the
        # check, so the keys after it count only what they change.
        missing, self._live.missing = self._live.missing, None

        def check() -> tuple[DraftReport, Counted]:
            report = check_draft(draft, targets, lang=lang, media=cache)
            return report, count_pieces(*missing) if missing is not None else {}

        self._checking = not self._tasks.synchronous
        shown = partial(self._show_checked, self._generation, draft.is_empty)
        self._tasks.run(check, shown, self._checks_failed)

    def _show_checked(
        self, generation: int, empty: bool, result: tuple[DraftReport, Counted]
    ) -> None:
        report, counted = result
        self._live.learn(counted)
        self._show_report(generation, report, empty=empty)

    def _check_done(self) -> None:
        self._checking = False
        if self._recheck:
            self._recheck = False
            self.run_checks()

    def _show_report(self, generation: int, report: DraftReport, *, empty: bool) -> None:
        """``empty``: the draft checked had nothing written or attached."""
        self._check_done()  # starts the next check if keys came meanwhile
        if generation < self._valid_from:
            return  # about a post that is no longer in the editor
        # Shown even if keys came meanwhile: counters one key behind, corrected a moment
        # later, beat counters that wait for the typing to stop. (Marks check the text.)
        self.report = report
        overflow, over_names = overflow_in_base(report)
        self.editor.set_marks(report.base_text, overflow)
        if over_names:
            self.overflow_label.setText(
                self.tr("Too long for %1: the part past the limit is marked red.").replace(
                    "%1", ", ".join(over_names)
                )
            )
        self.overflow_label.setVisible(bool(over_names))
        summary, tip = entities_summary(report.entities)
        self.entities_label.setText(
            self.tr("Links %1 · Mentions %2 · Hashtags %3")
            .replace("%1", str(summary[0]))
            .replace("%2", str(summary[1]))
            .replace("%3", str(summary[2]))
        )
        self.entities_label.setToolTip(tip)
        for account_id, target_report in report.targets.items():
            panel = self._panels.get(account_id)
            if panel is None:
                continue
            self.counters.show_report(account_id, target_report, empty=empty)
            panel.show_report(target_report, report.base_text)
        if report.base_text != self.editor.text():
            self._live_counters()  # keys came meanwhile: the strip keeps their counts
        self._update_previews(report)
        fix_sizes: dict[int, int] = {}
        for i, facts in enumerate(report.media):
            sizes = [
                size
                for r in report.targets.values()
                if r.target.channel and (size := fixable_size(r.target.channel, facts)) is not None
            ]
            if sizes:
                fix_sizes[i] = min(sizes)
        self.media.show_facts(report.media, fix_sizes)
        found = failure_entries(self._statuses)
        # Nothing written or attached yet: no verdict on it (a new post opened with the red
        # "Instagram: a post needs an image or a video." before the first key).
        if not empty:
            found += findings_of(report)
        self.findings.show_entries(found)
        self.checked.emit()  # the house style's findings are added to the list meanwhile
        if self._refusal_text and not any(
            entry.severity is Severity.ERROR for entry in self.findings.entries()
        ):
            self._forget_refusal()

    def _checks_failed(self, error: BaseException) -> None:
        self._check_done()
        self._check_failed(error)

    def _check_failed(self, error: BaseException) -> None:
        log.error("checking the draft failed", exc_info=error)
        self.feedback.setText(self.tr("The checks failed: %1").replace("%1", str(error)))

    # -- autosave
    def autosave(self) -> None:
        """Keep unsaved work in the database now (normally a moment after the last change)."""
        self._autosave_timer.stop()
        if not self._studio.workspace.verified.done():
            self._autosave_timer.start()  # writes wait for the start-up integrity check
            return
        draft = self.current_draft()
        dirty = not draft.is_empty and draft != self._clean
        try:
            if dirty and draft != self._autosaved:
                self._composer.autosave(draft)
                self._autosaved = draft
            elif not dirty and self._autosaved is not None:
                self._composer.discard_autosave()
                self._autosaved = None
        except Exception as exc:  # a full disk or a locked file must not lose the window
            log.exception("autosave failed")
            self.feedback.setText(
                self.tr("Could not keep unsaved work: %1").replace("%1", str(exc))
            )

    # -- link card
    def refresh_link_card(self) -> None:
        """Read the first link's card in the background when the link changed (normally a
        moment after the last keystroke). No link, or a page that cannot be read: no card."""
        self._link_timer.stop()
        url = first_link(self.editor.text())
        current = self.link_card.card()
        if url is None:
            self._fetching = None
            if current is not None:
                self.link_card.set_card(None)
                self._changed()
            return
        if (current is not None and current.url == url) or self._fetching == url:
            return
        tried = self._no_card.get(url)
        if tried is not None and time.monotonic() - tried < LINK_RETRY_S:
            return
        self._fetching = url
        self.link_card.set_fetching(url)
        composer = self._composer
        self._link_tasks.run(
            lambda: composer.link_card(url),
            partial(self._link_card_ready, url),
            partial(self._link_card_failed, url),
        )

    def _link_card_ready(self, url: str, card: LinkCard | None) -> None:
        if self._fetching != url:
            return  # the text has another link by now
        self._fetching = None
        if card is None:
            self._no_card[url] = time.monotonic()
        else:
            self._no_card.pop(url, None)
        self.link_card.set_card(card)
        self.link_card.set_images_attached(bool(self.media.attachments()))
        if card is not None:
            self._changed()

    def _link_card_failed(self, url: str, error: BaseException) -> None:
        # Never a dialog: composing offline is normal, the post simply has no card.
        log.info("reading the card of %s failed: %s", url[:200], error)
        self._link_card_ready(url, None)

    def _previewed_card(self) -> LinkCard | None:
        """The card the previews show: none when removed, or when images take its place
        (a post shows its images instead of a link card)."""
        card = self.link_card.card()
        if card is None or card.hidden or self.media.attachments():
            return None
        return card

    # -- private
    def _changed(self) -> None:
        if self._loading:
            return
        # The last post's confirmation stays while the next one is written (until another
        # post is opened or started): hidden at the first key, it moved the accounts list
        # up under the pointer, and a click meant for one account ticked another. It then
        # says it is the previous post's: read above the new text, "Scheduled Mon 4.1." was
        # taken for the new post's time.
        if self._confirmed_message and not self.confirmation.isHidden():
            self.confirmation.setText(
                self.tr("Previous post: %1").replace("%1", self._confirmed_message)
            )
            self._confirmed_message = ""
        saved = self._saved_message  # so too the draft just saved (it read as this one's)
        if saved:
            self._saved_message = ""
            if self.feedback.text() == saved:
                self.feedback.setText(self.tr("Previous post: %1").replace("%1", saved))
        self._update_buttons()
        self._check_timer.start(PAUSE_MS if self._counted_live else CHECK_DELAY_MS)
        self._counted_live = False
        self._autosave_timer.start()
        self._link_timer.start()

    def _update_buttons(self) -> None:
        has_text = bool(self.editor.text().strip())
        self.save_button.setEnabled(has_text)
        if has_text and self.feedback.text() == self._write_first():
            self.feedback.clear()  # answered: the reminder has done its work
        # A post out on every account has nothing left to schedule or send (both gave
        # "this post has no account to go to").
        sent = self._sent_everywhere()
        for button in (self.schedule_button, self.publish_button):
            button.setEnabled(has_text and bool(self.checked_account_ids()) and not sent)

    def _sent_everywhere(self) -> bool:
        return bool(self._statuses) and all(
            s.state in (DeliveryState.PUBLISHED, DeliveryState.PUBLISHING) for s in self._statuses
        )

    def _set_text_read_only(self, read_only: bool) -> None:
        """A post out on every account: its texts, media and text tools read-only. Saving
        edits to it changed the post's record (and its previews), never what went out, and
        said "Changes saved." Its labels and paid-collaboration flag can still be set, for
        Metrics."""
        self._read_only = read_only
        self.editor.setReadOnly(read_only)
        self.media.setEnabled(not read_only)
        for panel in self._panels.values():
            panel.set_read_only(read_only)
        tools = getattr(self, "composer_tools", None)
        if tools is not None:
            tools.set_text_tools_enabled(not read_only)

    def _save(
        self, draft: Draft, *, ask: bool = False, later_in_series: bool = False
    ) -> int | None:
        """Save ``draft``; its post id, or None (the reason is on the feedback line). When
        the post was saved elsewhere since it was loaded, nothing is overwritten: with
        ``ask`` the user chooses in the conflict dialog, else the text becomes a new draft."""
        try:
            saved = self._composer.write(draft, later_in_series=later_in_series)
            post_id = None if saved is None else saved.post_id
            self._saved_version = None if saved is None else saved.version
            self._saved_later = None if saved is None else saved.later
        except PostConflictError as conflict:
            if ask:
                self._show_conflict(conflict.theirs, draft)
                return None
            post_id = self._save(replace(draft, post_id=None, version=None))
            if post_id is not None:
                self.feedback.setText(
                    self.tr(
                        "Someone else saved that post meanwhile; your text was kept as a new "
                        "draft and theirs was left as it was."
                    )
                )
            return post_id
        except SeriesBusyError as busy:
            self.feedback.setText(self.series_note.busy_text(busy.positions))
            return None
        except UnsavableTextError:
            self.feedback.setText(
                self.tr("The text has a broken character; remove it, then save again.")
            )
            return None
        except Exception as exc:
            if self._studio.workspace.unreachable(exc):
                log.info("saving the draft failed: the shared workspace cannot be reached")
                self.feedback.setText(
                    self.tr(
                        "Nothing was saved: the shared workspace cannot be reached. Your text"
                        " stays here and is kept on this computer; save again once it is back."
                    )
                )
                self.autosave()  # kept on this computer (composer.AUTOSAVE_FILE)
                return None
            log.exception("saving the draft failed")
            self.feedback.setText(self.tr("Could not save: %1").replace("%1", str(exc)))
            return None
        if post_id is None and draft.post_id is not None:
            # Deleted elsewhere (the Drafts list, the calendar) while open here: the text is
            # the user's, so it becomes a new draft instead of being lost.
            post_id = self._save(replace(draft, post_id=None, version=None))
            if post_id is not None:
                if self._editing == draft.post_id:
                    self._editing = post_id
                self.feedback.setText(
                    self.tr("That post was deleted elsewhere; your text was saved as a new draft.")
                )
        elif post_id is None:
            self.feedback.setText(self.tr("That post no longer exists; nothing was saved."))
        return post_id

    def edits_kept_apart(self) -> bool:
        """Whether leaving the open post now would keep its unsaved edits as a new draft
        apart from it (a scheduled post, or edits it could not go out with): the window asks
        the user first."""
        return self.is_dirty() and self._kept_apart_reason(self.current_draft()) is not None

    def _keep_unsaved_work(self) -> None:
        """Before the composer is cleared or another post opened: unsaved work is saved as
        a draft rather than dropped."""
        if not self.is_dirty():
            return
        draft = self.current_draft()
        kept_apart = self._kept_apart_reason(draft)
        if kept_apart is not None:
            saved = self._save(replace(draft, post_id=None, version=None))
            if saved is not None:
                self.draft_saved.emit(saved)
                self.feedback.setText(kept_apart)
            return
        saved = self._save(draft)
        if saved is not None:
            self.draft_saved.emit(saved)
            if saved == draft.post_id or draft.post_id is None:
                self.feedback.setText(self.tr("Your previous text was kept as a draft."))

    def _kept_apart_reason(self, draft: Draft) -> str | None:
        """Why the edits would go to a new draft, not to their post (said once done); None
        when they go to their post."""
        kept_apart: str | None = None
        if draft.post_id is not None and self._studio.edit_blockers(
            draft, paid=self._paid_ticked()
        ):
            # The edits the scheduled post could not go out with.
            kept_apart = self.tr(
                "The scheduled post was left unchanged: your edits could not go out as they "
                "were, so they were kept as a new draft."
            )
        elif draft.post_id is not None and self.unsaved_edits_of_scheduled_post():
            # Nothing changes what a scheduled post says without Save (they were written
            # into the post, under "kept as a draft").
            kept_apart = self.tr(
                "The scheduled post was left as it was saved: your unsaved edits were kept as "
                "a new draft."
            )
        return kept_apart

    # -- a post saved elsewhere meanwhile
    def saved_elsewhere(self) -> None:
        """Another machine committed a change to posts (the change feed): when it is the
        open post, unchanged here it is shown as saved now; changed here, the user is told
        that saving will show both versions (nothing is overwritten either way)."""
        self.finish_restoring()
        if self._editing is None or self._version is None or self.conflict_dialog is not None:
            return
        now = self._composer.saved_version(self._editing)
        if now is None or now == self._version:
            return
        if not self.is_dirty():
            fresh = self._composer.load(self._editing)
            if fresh is not None:
                self._load(fresh, clean=fresh)
                self.feedback.setText(
                    self.tr("This post was just saved elsewhere: shown as saved now.")
                )
            return
        self.feedback.setText(
            self.tr(
                "This post was just saved elsewhere. Your changes here are kept; saving will "
                "show both versions."
            )
        )

    def _show_conflict(self, theirs: Draft, mine: Draft) -> None:
        if self.conflict_dialog is not None:
            self.conflict_dialog.close()
        dialog = ConflictDialog(theirs, mine, self)
        self.conflict_dialog = dialog
        dialog.chosen.connect(lambda choice: self._resolve(choice, theirs, mine))
        dialog.rejected.connect(self._conflict_cancelled)
        dialog.finished.connect(lambda _code: self._conflict_closed(dialog))
        self.feedback.setText(
            self.tr("Not saved yet: someone else saved this post meanwhile. Choose what to keep.")
        )
        dialog.open()

    def _conflict_closed(self, dialog: ConflictDialog) -> None:
        if self.conflict_dialog is dialog:
            self.conflict_dialog = None
        dialog.deleteLater()

    def _conflict_cancelled(self) -> None:
        self.feedback.setText(
            self.tr(
                "Not saved: your text is still here. Saving again will show the other "
                "version again."
            )
        )

    def _resolve(self, choice: Choice, theirs: Draft, mine: Draft) -> None:
        if choice is Choice.KEEP_MINE:
            # Mine over theirs, made from the version they saved (a third save in between
            # asks again).
            self._version = theirs.version
            if self._commit() is not None:
                self.feedback.setText(self.tr("Your text was saved over the other version."))
            return
        copy = self._save(replace(mine, post_id=None, version=None))
        if copy is None:
            return  # the reason is on the feedback line; the text is still in the editor
        self.draft_saved.emit(copy)
        if choice is Choice.TAKE_THEIRS:
            self._load(theirs, clean=theirs)
            self._autosaved = None
            self.feedback.setText(
                self.tr("Their version is open; your text was saved as a new draft.")
            )
        else:
            draft = self._composer.load(copy)
            if draft is not None:
                self._load(draft, clean=draft)
                self._autosaved = None
            self.feedback.setText(
                self.tr(
                    "Your text was saved as a new draft (open here); their version was left "
                    "as it was."
                )
            )

    def _load(self, draft: Draft, *, clean: Draft | None) -> None:
        self.finish_restoring()
        for _ in self._load_steps(draft, clean=clean):
            pass

    def _load_steps(
        self, draft: Draft, *, clean: Draft | None, checks: bool = True
    ) -> Iterator[None]:
        """Load ``draft``; each ``yield`` is a place to let the event loop turn (the panels
        of many accounts are built a few at a time)."""
        self._valid_from = self._generation + 1
        self._loading = True
        try:
            self._editing = draft.post_id
            self._version = draft.version if draft.post_id is not None else None
            self._show_title(editing=draft.post_id is not None)
            changed = self.editor.set_text(draft.base_text)
            self.accounts.blockSignals(True)
            for row in range(self.accounts.count()):
                item = self.accounts.item(row)
                chosen = int(item.data(AccountIdRole)) in draft.account_ids
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.accounts.blockSignals(False)
            # Where a post with a time (or sent) goes is changed on the calendar, not here.
            self._show_statuses(
                self._studio.post_deliveries(draft.post_id) if draft.post_id is not None else []
            )
            self._states_at_open = {s.delivery_id: s.state for s in self._statuses}
            self.series_note.show_series(
                self._series_texts.of_post(draft.post_id) if draft.post_id is not None else None
            )
            for panel in self._panels.values():
                panel.set_variant(None)
                panel.set_thread(())
                panel.set_first_comment("")
            yield
            missing = [a for a in self.checked_account_ids() if a not in self._panels]
            for start in range(0, len(missing), PANELS_PER_STEP):
                for account_id in missing[start : start + PANELS_PER_STEP]:
                    if account_id not in self._panels:  # (a reload between may have built it)
                        self._make_panel(account_id)
                    self.counters.prepare(self._targets[account_id], self._tab_name(account_id))
                yield
            self._sync_panels()
            yield
            for account_id, panel in self._panels.items():
                panel.set_variant(draft.variants.get(account_id))
                panel.set_thread(draft.threads.get(account_id, ()))
                panel.set_first_comment(draft.first_comments.get(account_id, ""))
            self.media.set_attachments(draft.attachments)
            new = draft.post_id is None and not draft.language
            self.language.set_language(ui_language() if new else draft.language)
            self._fetching = None
            self.link_card.set_card(draft.link_card)
            self.link_card.set_images_attached(bool(draft.attachments))
        finally:
            self._loading = False
        self._clean = clean if clean is not None else Draft(account_ids=draft.account_ids)
        if changed:
            self.feedback.setText(
                self.tr(
                    "Part of the text could not be shown as it was (a broken character "
                    "or more than %1 characters) and was changed."
                ).replace("%1", str(MAX_TEXT))
            )
        self._update_buttons()
        self._request_thumbnails()
        if checks:
            self.run_checks()
        self._link_timer.start()
        self.post_loaded.emit(self._editing)

    def _show_title(self, *, editing: bool) -> None:
        self.title.setText(self.tr("Edit post") if editing else self.tr("New post"))
        self.save_button.setText(self.tr("Save changes") if editing else self.tr("Save draft"))

    def _recover_steps(self) -> Iterator[None]:
        draft = self._composer.recovered()
        if draft is None:
            return
        clean: Draft | None = None
        if draft.post_id is not None:
            clean = self._composer.load(draft.post_id)
            if clean is None:
                draft = replace(draft, post_id=None)  # its post is gone: it comes back as new
        self._editing = draft.post_id  # the window asks which post is open at once
        self._show_title(editing=draft.post_id is not None)  # right from the first frame
        yield
        if draft.paid is not None or draft.labels is not None:
            self._recovered_extras = (draft.paid, draft.labels)
        yield from self._load_steps(draft, clean=clean, checks=False)
        self._autosaved = draft
        yield  # the page shows in a turn of its own; its checks start in the next
        if clean is not None and draft.version is not None and clean.version != draft.version:
            self.feedback.setText(
                self.tr(
                    "Unsaved work from your last session is back. The post was saved "
                    "elsewhere since: saving will show both versions."
                )
            )
            return
        self.feedback.setText(self.tr("Unsaved work from your last session is back."))

    def _live_counters(self) -> None:
        """The strip's counts for the accounts that send the base text as one post, from
        this keystroke (only changed paragraphs are counted again); the full check follows
        on the worker and brings the findings and the overflow mark. A change too big to
        count in a moment (a long unbroken paragraph) waits for the check."""
        if self._loading:
            return
        text = self.editor.text()
        live: list[Target] = []
        for account_id in self.counters.chips:
            panel = self._panels.get(account_id)
            if panel is not None and not panel.is_overriding() and not panel.part_editors:
                live.append(self._targets[account_id])
        channels = list(dict.fromkeys(t.channel for t in live if t.channel is not None))
        counts = self._live.count_all(channels, text) if channels else {}
        if counts is None:
            return
        self._counted_live = True  # own texts and threads do not change with this text
        self.counters.show_live(
            [
                (target.account_id, len(text), None)
                if target.channel is None
                else (
                    target.account_id,
                    counts[target.channel],
                    target.limit or RULES[target.channel].text_limit.value,
                )
                for target in live
            ]
        )

    # -- previews
    def _update_previews(self, report: DraftReport) -> None:
        """Hand each card its content; the deck draws them once typing pauses."""
        card = self._previewed_card()
        card_picture = self._card_picture(card.thumb_path) if card is not None else QImage()
        attachments = self.media.attachments()
        pictures = tuple(self._pictures.get(a.path, QImage()) for a in attachments[:4])
        for account_id, target_report in report.targets.items():
            self.previews.update_content(
                account_id,
                CardContent(
                    target=target_report.target,
                    posts=tuple(target_report.thread) or (target_report.text,),
                    fold=target_report.fold,
                    comment=target_report.comment,
                    card=card,
                    card_image=card_picture,
                    images=pictures,
                    image_count=len(attachments),
                    when=self._scheduled_text(account_id),
                ),
            )

    def _show_statuses(self, statuses: list[DeliveryStatus]) -> None:
        self._statuses = statuses
        self._update_buttons()
        fixed = locked(statuses)
        self.accounts.setEnabled(not fixed)
        sent = self._sent_everywhere()
        self._set_text_read_only(sent)
        self.accounts_note.setText(self._sent_note if sent else self._locked_note)
        self.accounts_note.setVisible(fixed)
        status = status_text(statuses, self._now())
        self.post_status.setText(status)
        self.post_status.setVisible(bool(status))

    def refresh_post_state(self) -> None:
        """The open post's per-account states read again (the window calls it when the data
        changed): a delivery that went out while the post was open still said "Scheduled"."""
        if self._editing is None or self.restoring:
            return
        self._say_if_deleted(self._editing)
        statuses = self._studio.post_deliveries(self._editing)
        if statuses != self._statuses:
            self._show_statuses(statuses)

    def _say_if_deleted(self, post_id: int) -> None:
        """The open post deleted (from the Drafts list, the calendar): said, with what its
        text is still good for; said no more once it is back (undone). It read "Not
        scheduled. The post is kept as a draft." under "Edit post" (a new user's finding)."""
        # (Ctrl+S, not a button's name: the button says "Save changes" for an opened post)
        gone = self.tr(
            "This post was deleted (Ctrl+Z brings it back); Ctrl+S keeps its text as a new draft."
        )
        if not self._studio.post_is_live(post_id):
            if self.feedback.text() != gone:
                self.feedback.setText(gone)
        elif self.feedback.text() == gone:
            self.feedback.clear()

    def _published_since_opened(self) -> list[DeliveryStatus]:
        """The open post's deliveries that went out after it was opened (their text is what
        they had then, not the edits being saved)."""
        if self._editing is None:
            return []
        self.refresh_post_state()
        return [
            s
            for s in self._statuses
            if s.state is DeliveryState.PUBLISHED
            and self._states_at_open.get(s.delivery_id) is not DeliveryState.PUBLISHED
        ]

    def post_statuses(self) -> list[DeliveryStatus]:
        """Each account of the edited post: its state and time (empty for a new post)."""
        return list(self._statuses)

    def _scheduled_text(self, account_id: int) -> str:
        """When this account's delivery of the edited post is scheduled, as the user reads a
        time (its own zone, the user's language); "" when it has no time."""
        for status in self._statuses:
            if status.account_id == account_id and status.scheduled_at is not None:
                zone = ZoneInfo(status.time_zone) if status.time_zone else None
                return short_date_time(QLocale(), status.scheduled_at.astimezone(zone))
        return ""

    def _card_picture(self, path: str) -> QImage:
        if not path:
            return QImage()
        image = self._card_pictures.get(path)
        if image is None:
            image = _thumbnail(path)
            self._card_pictures = {path: image}  # one card at a time
        return image

    def preview_text(self, account_id: int) -> str:
        """What ``account_id``'s preview card says, drawn now (for tests and tools)."""
        return self.previews.text_of(account_id)

    def show_account(self, account_id: int) -> None:
        """Open ``account_id``'s tab (from its counter) and put the cursor in its own text,
        if it has one."""
        self.finish_restoring()
        panel = self._panels.get(account_id)
        if panel is None:
            return
        self.channels.setCurrentWidget(panel)
        if panel.is_overriding():
            panel.variant.setFocus()

    def _tab_changed(self, _index: int) -> None:
        panel = self.channels.currentWidget()
        if isinstance(panel, ChannelPanel):
            self.previews.set_current(panel.target.account_id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.previews.restyle()

    def _tab_name(self, account_id: int) -> str:
        target = self._targets[account_id]
        same = [t for t in self._targets.values() if t.network is target.network]
        name = network_name(target.network)
        return name if len(same) == 1 else f"{name} · {target.label}"

    def _sync_panels(self) -> None:
        """One tab per ticked account, in the accounts' order; panels of unticked accounts
        are kept (with their text) until the page is reloaded without them."""
        chosen = self.checked_account_ids()
        for account_id in list(self._panels):
            if account_id not in self._targets:
                self._panels.pop(account_id).deleteLater()
        current = self.channels.currentWidget()
        self.channels.blockSignals(True)
        while self.channels.count():
            self.channels.removeTab(0)
        for account_id in chosen:
            panel = self._panels.get(account_id) or self._make_panel(account_id)
            self.channels.addTab(panel, self._tab_name(account_id))
        if current is not None and self.channels.indexOf(current) >= 0:
            self.channels.setCurrentWidget(current)
        self.channels.blockSignals(False)
        self.channels.setVisible(bool(chosen))
        # With no account at all, the hint above says where to add one: "tick an account
        # above" would point at nothing.
        self.no_channels.setVisible(not chosen and bool(self._targets))
        self.counters.set_targets(
            [self._targets[a] for a in chosen], {a: self._tab_name(a) for a in chosen}
        )
        self.counters.setVisible(bool(chosen))
        self.previews.set_accounts(chosen, {a: self._card_stub(a) for a in chosen})
        self.previews.setVisible(bool(chosen))
        self._tab_changed(self.channels.currentIndex())

    def tab_order(self) -> list[QWidget]:
        """The page's controls in the order of the screen: what is said above the post, the
        tools above the text, the text and what belongs to it, the problems; then the
        accounts, the channel tabs and the chosen tab's own controls, the previews; last the
        buttons that save, schedule and publish, and the Drafts toggle. (Qt's focus chain
        put the tabs' controls, made later, after the toolbar and Drafts: from the tabs,
        Tab jumped to the previews.)"""
        ring = focus_ring(self.window())
        rows: list[list[QWidget]] = []  # the page's rows, top down: header, notes, tools
        layout = self.layout()
        for index in range(layout.count() if layout is not None else 0):
            item = layout.itemAt(index) if layout is not None else None
            if item is None or item.widget() is self.splitter:
                continue
            inner = item.layout()
            parts = [item] if inner is None else [inner.itemAt(i) for i in range(inner.count())]
            widgets = [part.widget() for part in parts if part is not None]
            row = []
            for widget in widgets:
                if widget is not None:
                    row += [widget] if widget.focusPolicy() & Qt.FocusPolicy.TabFocus else []
                    row += tabbable_in(widget, ring)
            rows.append(row)
        header, above = (rows[0], rows[1:]) if rows else ([], [])
        order = [w for row in above for w in row]
        text_side = self.splitter.widget(0)
        if text_side is not None:
            order += tabbable_in(text_side, ring)
        channels_side = self.channels.parentWidget()
        if channels_side is not None:
            order += [
                w for w in tabbable_in(channels_side, ring) if not self.channels.isAncestorOf(w)
            ]
        order.append(self.channels.tabBar())
        panel = self.channels.currentWidget()
        if isinstance(panel, ChannelPanel):
            order += panel.tab_order(ring)
        order += tabbable_in(self.previews, ring)
        return order + header  # Save, Schedule, Publish and the Drafts toggle: last

    def focusNextPrevChild(self, next: bool) -> bool:
        moved = step_in_order(self, self.tab_order(), next)
        return super().focusNextPrevChild(next) if moved is None else moved

    def _make_panel(self, account_id: int) -> ChannelPanel:
        panel = ChannelPanel(self._targets[account_id])
        panel.set_read_only(self._read_only)
        panel.changed.connect(self._changed)
        panel.split_requested.connect(self._split)
        panel.override_requested.connect(self._override)
        self._panels[account_id] = panel
        return panel

    def _write_first(self) -> str:
        return self.tr("Write something first.")

    def _choose_first(self) -> str:
        return self.tr("Choose where it goes first.")

    def _card_stub(self, account_id: int) -> CardContent:
        return CardContent(self._targets[account_id], (self.editor.text(),))

    def _accounts_changed(self, _item: QListWidgetItem) -> None:
        if self.checked_account_ids() and self.feedback.text() == self._choose_first():
            self.feedback.clear()  # answered: the reminder has done its work
        self._sync_panels()
        self._changed()

    def _override(self, account_id: int) -> None:
        panel = self._panels[account_id]
        text = self.editor.text()
        panel.set_variant(text)
        panel.variant.setFocus()
        # Too long for the account: the cursor where its limit falls, in view (the own text
        # opened at its start, its red part out of sight below a few lines).
        checked = self.report.targets.get(account_id) if self.report is not None else None
        if checked is not None and checked.text == text and len(checked.posts) == 1:
            overflow = checked.posts[0].overflow
            if overflow is not None:
                panel.variant.select_span(overflow, overflow)
        self._changed()

    def _split(self, account_id: int) -> None:
        panel = self._panels[account_id]
        target = self._targets[account_id]
        if target.channel is None:
            return
        text = panel.variant_text()
        if text is None:
            text = self.editor.text()
            panel.split_from = text  # the thread says when the main text moves on
        channel, limit, numbered = target.channel, target.limit, panel.numbered.isChecked()
        self._tasks.run(
            lambda: split_thread(text, channel, numbered=numbered, limit=limit),
            lambda parts: self._show_thread(account_id, parts),
            self._check_failed,
        )

    def _show_thread(self, account_id: int, parts: list[str]) -> None:
        panel = self._panels.get(account_id)
        if panel is None:
            return
        if not parts:
            self.feedback.setText(self.tr("There is nothing to split yet."))
            return
        panel.set_thread(parts)
        self.channels.setCurrentWidget(panel)
        self._changed()

    def _media_changed(self) -> None:
        self.link_card.set_images_attached(bool(self.media.attachments()))
        self._request_thumbnails()
        self._changed()

    def _request_thumbnails(self) -> None:
        paths = {a.path for a in self.media.attachments()}
        self._pictures = {p: i for p, i in self._pictures.items() if p in paths}
        for index, attachment in enumerate(self.media.attachments()):
            path = attachment.path
            self._tasks.run(
                partial(_thumbnail, path),
                partial(self._thumbnail_ready, index, path),
            )

    def _thumbnail_ready(self, index: int, path: str, image: QImage) -> None:
        attachments = self.media.attachments()
        if index < len(attachments) and attachments[index].path == path:
            self._pictures[path] = image
            self.media.set_thumbnail(index, image)
            if self.report is not None:
                self._update_previews(self.report)

    def _add_files(self, paths: list[str]) -> None:
        if paths:
            self.media.add(paths)

    def _fix_media(self, index: int) -> None:
        attachments = self.media.attachments()
        report = self.report
        if report is None or not 0 <= index < len(attachments) or index >= len(report.media):
            return
        sizes = [
            size
            for r in report.targets.values()
            if r.target.channel
            and (size := fixable_size(r.target.channel, report.media[index])) is not None
        ]
        if not sizes:
            return
        attachment = attachments[index]
        composer = self._composer
        self.feedback.setText(self.tr("Making a smaller copy…"))
        self._tasks.run(
            lambda: composer.fit_image(attachment, min(sizes)),
            lambda fitted: self._fixed(index, fitted),
            self._fix_failed,
        )

    def _fixed(self, index: int, fitted: object) -> None:
        if isinstance(fitted, Attachment):
            self.media.replace(index, fitted)
            self.feedback.setText(
                self.tr("A smaller copy is attached; the original file is unchanged.")
            )

    def _fix_failed(self, error: BaseException) -> None:
        self.feedback.setText(self.tr("Could not shrink the image: %1").replace("%1", str(error)))

    def _capped(self, left_out: int) -> None:
        self.feedback.setText(
            self.tr(
                "The pasted text was cut to %1 characters (%2 left out); no network takes more."
            )
            .replace("%1", QLocale().toString(MAX_TEXT))
            .replace("%2", QLocale().toString(left_out))
        )

    def _jump(self, place: object) -> None:
        if not isinstance(place, Place):
            return
        if place.kind == "base":
            self.editor.select_span(place.start, place.end)
            return
        if place.kind == "media":
            if place.index >= 0:
                self.media.list.setCurrentRow(place.index)
                self.media.alt_text.setFocus()
            return
        panel = self._panels.get(place.account_id)
        if panel is None:
            return
        self.channels.setCurrentWidget(panel)
        if place.kind == "variant":
            panel.variant.select_span(place.start, place.end)
        elif place.kind == "part" and place.index < len(panel.part_editors):
            panel.part_editors[place.index].editor.select_span(place.start, place.end)
        elif place.kind == "comment":
            panel.comment_editor.select_span(place.start, place.end)

    # -- drag and drop of files anywhere on the page
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self._add_files(paths)
            event.acceptProposedAction()


def _same_draft(a: Draft, b: Draft | None) -> bool:
    """Equal but for the order of the accounts (the list shows them in its own order, the
    post keeps the order they were added in): an opened post left as it was is not a change."""
    if b is None:
        return False
    return replace(a, account_ids=tuple(sorted(a.account_ids))) == replace(
        b, account_ids=tuple(sorted(b.account_ids))
    )
