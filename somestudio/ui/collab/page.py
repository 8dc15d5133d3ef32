"""The Collaborations page: paid collaborations with their partner, agreement, state and
posts; what is due; and the documents (partner report, income, media kit)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.collab.files import save_drawn
from somestudio.app.collab.partner_report import build_partner_report
from somestudio.app.collab.service import CollabError, Collaborations, NewCollaboration
from somestudio.app.studio import Studio
from somestudio.domain.collab.records import Collaboration
from somestudio.domain.collab.states import ORDER, CollabState, next_state
from somestudio.domain.networks import Network
from somestudio.ui.collab.collab_dialog import CollabDialog
from somestudio.ui.collab.deliverable_dialog import DeliverableDialog
from somestudio.ui.collab.income_dialog import IncomeDialog
from somestudio.ui.collab.media_kit_dialog import MediaKitDialog
from somestudio.ui.collab.model import CollabsModel
from somestudio.ui.collab.partner_pdf import write_partner_pdf
from somestudio.ui.collab.texts import (
    day_text,
    error_text,
    money_text,
    rate_text,
    reminder_text,
    state_word,
)
from somestudio.ui.file_folders import DOCUMENTS, as_kind, remember, start_in
from somestudio.ui.network_names import network_name
from somestudio.ui.prompts import Prompts
from somestudio.ui.storage_text import storage_text
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.titles import page_title


def _utc_now() -> datetime:
    return datetime.now(UTC)


class CollabPage(QWidget):
    open_post_requested = Signal(int)
    data_changed = Signal()  # drafts were made: the calendar and drafts list reload

    def __init__(
        self,
        studio: Studio,
        zone: ZoneInfo,
        *,
        clock: Callable[[], datetime] = _utc_now,
        prompts: Prompts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CollabPage")
        self._studio = studio
        self.collabs: Collaborations = studio.collabs()
        self.zone = zone
        self.clock = clock
        self.prompts = prompts or Prompts(self)
        self.dialog: QWidget | None = None  # the dialog open now (tests reach it here)
        self._new_unsaved: CollabDialog | None = None  # see ``new_collaboration``
        self._build()
        self.reload()

    # -- building
    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        title = page_title(QLabel(self.tr("Collaborations")))
        self.new_button = self._button(
            self.tr("New collaboration…"), self.tr("New collaboration"), self.new_collaboration
        )
        self.income_button = self._button(self.tr("Income…"), self.tr("Income"), self.show_income)
        self.kit_button = self._button(
            self.tr("Media kit…"), self.tr("Media kit"), self.show_media_kit
        )
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        for button in (self.new_button, self.income_button, self.kit_button):
            header.addWidget(button)
        self.reminders = QLabel()
        self.reminders.setObjectName("CollabReminders")
        self.reminders.setWordWrap(True)
        self.reminders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = CollabsModel()
        self.table = QTableView()
        self.table.setObjectName("CollabTable")
        self.table.setAccessibleName(self.tr("Collaborations"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # The title takes what is left and is elided; the short columns (fee, state, due day)
        # keep their whole text: a stretched last column was squeezed below its heading.
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE.l, SPACE.l, SPACE.l, SPACE.l)
        layout.setSpacing(SPACE.m)
        layout.addLayout(header)
        layout.addWidget(self.reminders)
        layout.addWidget(splitter, 1)

    def _build_details(self) -> QWidget:
        box = QWidget()
        self.details = QLabel()
        self.details.setObjectName("CollabDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.forward_button = self._button("", self.tr("Next state"), self.step_forward)
        self.back_button = self._button(self.tr("Step back"), self.tr("Step back"), self.step_back)
        self.attach_button = self._button(
            self.tr("Attach file…"), self.tr("Attach file"), self.choose_file
        )
        self.remove_button = self._button(
            self.tr("Remove…"), self.tr("Remove collaboration"), self.remove
        )
        self.edit_button = self._button(
            self.tr("Edit…"), self.tr("Edit collaboration"), self.edit_collaboration
        )
        self.edit_button.setObjectName("EditCollaboration")
        self.add_post_button = self._button(
            self.tr("Add post…"), self.tr("Add post"), self.add_deliverable
        )
        self.report_button = self._button(
            self.tr("Partner report…"), self.tr("Partner report"), self.choose_report
        )
        self.tasks = Tasks(self)  # the partner report is read and drawn on a worker
        self.outcome = QLabel()
        self.outcome.setObjectName("CollabOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.posts = QListWidget()
        self.posts.setObjectName("CollabPosts")
        self.posts.setAccessibleName(self.tr("Collaboration posts"))
        self.posts.itemActivated.connect(self._open_item)
        self.open_button = self._button(self.tr("Open post"), self.tr("Open post"), self.open_post)
        states = QHBoxLayout()
        states.addWidget(self.forward_button)
        states.addWidget(self.back_button)
        states.addStretch(1)
        states.addWidget(self.edit_button)
        posts = QHBoxLayout()
        posts.addWidget(self.add_post_button)
        posts.addWidget(self.open_button)
        posts.addStretch(1)
        posts.addWidget(self.report_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.details)
        layout.addLayout(states)
        layout.addWidget(QLabel(self.tr("Posts")))
        layout.addWidget(self.posts, 1)
        layout.addLayout(posts)
        more = QHBoxLayout()  # a row of its own: the state buttons' row stays narrow
        more.addWidget(self.attach_button)
        more.addStretch(1)
        more.addWidget(self.remove_button)
        layout.addLayout(more)
        layout.addWidget(self.outcome)
        return box

    # -- reading
    def today(self) -> date:
        return self.clock().astimezone(self.zone).date()

    def current(self) -> Collaboration | None:
        return self.model.collab(self.table.currentIndex().row())

    def _fit_columns(self) -> None:
        """Each column as wide as its cells and its heading with room around it (the due day
        "1.4.2027" is narrower than "Eräpäivä"); a narrow window scrolls the table sideways
        rather than cutting a column short."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            wanted = metrics.horizontalAdvance(title) + 3 * metrics.averageCharWidth()
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    def reload(self, select: int | None = None) -> None:
        chosen = select if select is not None else (c.id if (c := self.current()) else None)
        self.model.set_rows(self.collabs.all())
        self._fit_columns()
        row = self.model.row_of(chosen) if chosen is not None else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_reminders()
        self._show_current()

    def _show_reminders(self) -> None:
        found = self.collabs.reminders(self.today())
        if not found:
            self.reminders.setText(self.tr("Nothing due in the collaborations."))
        else:
            self.reminders.setText("\n".join("⚠ " + reminder_text(r) for r in found))
        self.reminders.setAccessibleName(self.reminders.text())

    def _show_current(self) -> None:
        collab = self.current()
        for button in (
            self.forward_button,
            self.back_button,
            self.remove_button,
            self.edit_button,
            self.attach_button,
            self.add_post_button,
            self.report_button,
        ):
            button.setEnabled(collab is not None)
        self.posts.clear()
        self.open_button.setEnabled(False)
        if collab is None:
            self.details.setText(self.tr("No collaborations yet: add the first one."))
            self.forward_button.setText(self.tr("Next state"))
            return
        following = next_state(collab.state)
        self.forward_button.setEnabled(following is not None)
        self.forward_button.setText(
            self.tr("Move to: %1").replace("%1", state_word(following))
            if following
            else state_word(collab.state)
        )
        self.forward_button.setAccessibleName(self.forward_button.text())
        self.back_button.setEnabled(ORDER.index(collab.state) > 0)
        self.details.setText(self._details(collab))
        for item in collab.deliverables:
            if item.published:
                done = self.tr("published")
            elif item.scheduled:
                done = self.tr("scheduled")
            else:
                done = self.tr("draft")
            text = (
                self.tr("%1 · due %2 · %3")
                .replace("%1", network_name(Network(item.network)))
                .replace("%2", day_text(item.due))
                .replace("%3", done)
            )
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, item.post_id)
            self.posts.addItem(entry)
        if self.posts.count():
            self.posts.setCurrentRow(0)
            self.open_button.setEnabled(True)

    def _details(self, collab: Collaboration) -> str:
        lines = [
            collab.partner.company
            + (f" · {collab.partner.contact}" if collab.partner.contact else ""),
            collab.title,
            self.tr("Fee %1 + VAT %2 % (%3) = %4")
            .replace("%1", money_text(collab.fee))
            .replace("%2", rate_text(collab.vat_rate))
            .replace("%3", money_text(collab.vat))
            .replace("%4", money_text(collab.gross)),
            self.tr("State: %1").replace("%1", state_word(collab.state)),
            (
                # Until it is agreed, the day entered is the day of the offer.
                self.tr("Offered on %1 · payment due %2")
                if collab.state is CollabState.OFFERED
                else self.tr("Agreed on %1 · payment due %2")
            )
            .replace("%1", day_text(collab.agreed_on))
            .replace("%2", day_text(collab.payment_due)),
        ]
        if collab.paid_on:
            lines.append(self.tr("Paid on %1").replace("%1", day_text(collab.paid_on)))
        if collab.terms:
            lines.append(self.tr("Terms: %1").replace("%1", collab.terms))
        for path in collab.files:
            lines.append(self.tr("File: %1").replace("%1", path))
        return "\n".join(line for line in lines if line)

    # -- acting
    def _fail(self, error: CollabError) -> str:
        return error_text(error)

    def new_collaboration(self) -> None:
        """The new collaboration's dialog; one cancelled with words typed in it comes back
        as it was left (Escape threw away the partner, contact and fee typed)."""
        kept, self._new_unsaved = self._new_unsaved, None
        dialog = kept if kept is not None else CollabDialog(self.today(), self._create, self)

        def finished(result: int) -> None:
            self.dialog = None
            if result != QDialog.DialogCode.Accepted.value and dialog.typed():
                self._new_unsaved = dialog  # kept, hidden, for the next New collaboration…
            else:
                dialog.deleteLater()

        if kept is None:
            dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def edit_collaboration(self) -> None:
        collab = self.current()
        if collab is None:
            return
        collab_id = collab.id

        def save(edited: NewCollaboration) -> str | None:
            try:
                self.collabs.edit(collab_id, edited)
            except CollabError as exc:
                return self._fail(exc)
            self.reload(select=collab_id)
            self.data_changed.emit()  # the partner's name may show elsewhere
            return None

        self._open(CollabDialog(self.today(), save, self, editing=collab))

    def _create(self, new: NewCollaboration) -> str | None:
        try:
            collab_id = self.collabs.add(new)
        except CollabError as exc:
            return self._fail(exc)
        self.reload(select=collab_id)
        return None

    def _move(self, wanted: CollabState | None) -> None:
        collab = self.current()
        if collab is None or wanted is None:
            return
        try:
            self.collabs.move(collab.id, wanted, self.today())
        except CollabError as exc:
            self._say(self._fail(exc))
            return
        self.reload(select=collab.id)

    def step_forward(self) -> None:
        collab = self.current()
        if collab is None:
            return
        wanted = next_state(collab.state)
        owed = [d for d in collab.deliverables if not d.published]
        if wanted is not CollabState.DELIVERED or not owed:
            self._move(wanted)
            return
        collab_id = collab.id

        def chosen(index: int | None) -> None:
            current = self.current()
            if index == 0 and current is not None and current.id == collab_id:
                self._move(wanted)

        posts = "\n".join(
            "• "
            + self.tr("%1 · due %2")
            .replace("%1", network_name(Network(d.network)))
            .replace("%2", day_text(d.due))
            for d in owed
        )
        self.prompts.choose(
            self.tr("Not all posts are out"),
            self.tr(
                "These posts owed to %1 are not published yet:\n%2\n\nMove the "
                "collaboration to Delivered anyway?"
            )
            .replace("%1", collab.partner.company)
            .replace("%2", posts),
            [self.tr("Move to Delivered")],
            chosen,
            default=None,
        )

    def step_back(self) -> None:
        collab = self.current()
        if collab is not None and ORDER.index(collab.state) > 0:
            self._move(ORDER[ORDER.index(collab.state) - 1])

    def choose_file(self) -> None:
        collab = self.current()
        if collab is None:
            return
        dialog = QFileDialog(self, self.tr("Attach a file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        start_in(dialog, DOCUMENTS)
        collab_id = collab.id
        dialog.fileSelected.connect(lambda name: self.attach_file(collab_id, Path(name)))
        self._open(dialog)

    def attach_file(self, collab_id: int, path: Path) -> None:
        """Keep the file's path with the collaboration (the file is not copied)."""
        try:
            self.collabs.attach(collab_id, path)
        except CollabError as exc:
            self._say(self._fail(exc))
            return
        self.reload(select=collab_id)

    def remove(self) -> None:
        collab = self.current()
        if collab is None:
            return
        collab_id = collab.id

        def chosen(index: int | None) -> None:
            if index != 0:
                return
            try:
                self.collabs.remove(collab_id)
            except CollabError as exc:
                self._say(self._fail(exc))
                return
            self.reload()

        self.prompts.choose(
            self.tr("Remove collaboration"),
            self.tr(
                "Remove the collaboration with %1? Its posts and costs stay; the partner "
                "report and income no longer count it."
            ).replace("%1", collab.partner.company),
            [self.tr("Remove")],
            chosen,
            default=None,
        )

    def add_deliverable(self) -> None:
        collab = self.current()
        if collab is None:
            return
        networks = list(
            dict.fromkeys(
                a.network for a in self._studio.accounts() if a.network is not Network.LOCAL
            )
        )
        collab_id = collab.id

        def create(network: Network, due: date, post_id: int | None) -> str | None:
            try:
                # The marking in the collaboration's language, not the window's.
                self.collabs.add_deliverable(collab_id, network, due, post_id=post_id)
            except CollabError as exc:
                return self._fail(exc)
            self.reload(select=collab_id)
            self.data_changed.emit()
            return None

        posts = self.collabs.unlinked_posts()
        self._open(DeliverableDialog(networks, self.today(), create, self, posts=posts))

    def _open_item(self, item: QListWidgetItem) -> None:
        post_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(post_id, int):
            self.open_post_requested.emit(post_id)

    def open_post(self) -> None:
        item = self.posts.currentItem()
        if item is not None:
            self._open_item(item)

    def show_income(self) -> None:
        self._open(IncomeDialog(self.collabs, self._studio.workspace.home, self.today, self))

    def show_media_kit(self) -> None:
        self._open(MediaKitDialog(self._studio.workspace, self.zone, self.clock, self))

    def choose_report(self) -> None:
        collab = self.current()
        if collab is None:
            return
        dialog = QFileDialog(self, self.tr("Save the partner report"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        start_in(dialog, DOCUMENTS)
        slug = "".join(c if c.isalnum() else "-" for c in collab.partner.company.lower())
        dialog.selectFile(f"{slug.strip('-') or 'partner'}-report.pdf")
        collab_id = collab.id
        dialog.fileSelected.connect(lambda name: self.save_report(collab_id, as_kind(name, "pdf")))
        self._open(dialog)

    def save_report(self, collab_id: int, path: Path) -> None:
        """Read the collaboration and draw its PDF on a worker ("Saving…" meanwhile, the
        button resting), then say where it was saved or why it could not be."""
        if self.tasks.busy():
            return
        workspace, now, zone = self._studio.workspace, self.clock(), self.zone

        def work() -> Path:
            report = build_partner_report(workspace, collab_id, now)
            save_drawn(
                path, workspace.home, lambda temporary: write_partner_pdf(report, temporary, zone)
            )
            return path

        self.report_button.setEnabled(False)
        self._say(self.tr("Saving…"))
        self.tasks.run(work, self._report_saved, self._report_failed)

    def _report_saved(self, path: Path) -> None:
        self.report_button.setEnabled(True)
        remember(DOCUMENTS, path)
        self._say(self.tr("Partner report saved: %1").replace("%1", str(path)))

    def _report_failed(self, error: BaseException) -> None:
        self.report_button.setEnabled(True)
        if isinstance(error, CollabError):
            self._say(self._fail(error))
        else:  # a refusal (inside the data folder) or a failure to write, in our words
            self._say(self.tr("Could not save: %1").replace("%1", storage_text(error)))

    def _say(self, text: str) -> None:
        self.outcome.setText(text)
        self.outcome.setAccessibleName(text)

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)  # type: ignore[attr-defined]
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]
