"""A post the collaboration owes: on which network, by which day. It becomes a paid draft."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from somestudio.domain.networks import Network
from somestudio.ui.collab.collab_dialog import pydate, qdate
from somestudio.ui.day_edit import DayEdit
from somestudio.ui.network_names import network_name


class DeliverableDialog(QDialog):
    def __init__(
        self,
        networks: Sequence[Network],
        today: date,
        on_accept: Callable[[Network, date, int | None], str | None],
        parent: QWidget,
        *,
        posts: Sequence[tuple[int, str, tuple[Network, ...]]] = (),
    ) -> None:
        """``posts``: (id, opening) of posts already written that can be the deliverable
        (a sponsored post written first could not be tied to its collaboration)."""
        super().__init__(parent)
        self.setObjectName("DeliverableDialog")
        self.setWindowTitle(self.tr("Add a post to the collaboration"))
        self._on_accept = on_accept
        self.network = QComboBox()
        self.network.setAccessibleName(self.tr("Network"))
        for network in networks:
            self.network.addItem(network_name(network), network.value)
        self.due = DayEdit(qdate(today).addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setAccessibleName(self.tr("Due on"))
        self.post = QComboBox()
        self.post.setObjectName("DeliverablePost")
        self.post.setAccessibleName(self.tr("Post"))
        self.post.addItem(self.tr("A new draft with the marking"), None)
        self._post_networks: dict[int, tuple[Network, ...]] = {}
        for post_id, opening, goes_to in posts:
            # Where it goes, then its opening words (the same opening twice was two
            # identical rows).
            where = ", ".join(network_name(n) for n in goes_to)
            words = " ".join(opening.split())[:60] or f"#{post_id}"
            self.post.addItem(f"{where}: {words}" if where else words, post_id)
            self._post_networks[post_id] = goes_to
        self.post.currentIndexChanged.connect(self._follow_post)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Network"), self.network)
        form.addRow(self.tr("Due on"), self.due)
        form.addRow(self.tr("Post"), self.post)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(
            self.tr("Add post"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setAccessibleName(self.tr("Add post"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "The post is made as a draft marked as paid, opening with the paid-partnership "
                "marking; write the rest in Compose. Or choose a post you have already written: "
                "it is marked as paid, and its marking and the partner's name are checked."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # Enter adds (set once the button is inside this dialog; Qt ignores it before).
        self.accept_button.setDefault(True)

    def _follow_post(self) -> None:
        """A post already written: the network is one it goes to (Bluesky was listed for a
        post to Mastodon and X)."""
        chosen = self.post.currentData()
        networks = self._post_networks.get(chosen, ()) if isinstance(chosen, int) else ()
        found = self.network.findData(networks[0].value) if networks else -1
        if found >= 0:
            self.network.setCurrentIndex(found)

    def submit(self) -> None:
        if self.network.count() == 0:
            self.problem.setText(self.tr("Add an account on the Accounts page first."))
            return
        network = Network(str(self.network.currentData()))
        chosen = self.post.currentData()
        problem = self._on_accept(
            network, pydate(self.due.date()), chosen if isinstance(chosen, int) else None
        )
        if problem:
            self.problem.setText(problem)
            return
        self.accept()
