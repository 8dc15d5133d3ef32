"""Adding an account that needs no sign-in: a Local archive folder, or publish by hand.

The Accounts page and the first-run welcome open these same dialogs. Neither touches the
keyring, so both work on a computer without one.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.accounts import Accounts, OfflineAccountError
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import connectable
from somestudio.domain.posts import Account
from somestudio.ui.error_text import error_text
from somestudio.ui.network_names import network_name
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import network_icon

# Every network a person may publish to themselves (all but the Local archive), in the
# descriptors' order (domain/networks/catalogue.py).
BY_HAND_NETWORKS = connectable()


class _AddDialog(QDialog):
    """The shared frame: an intro, a form, a status line, Add and Cancel. (Its own texts
    name their context: tr() here would look them up under the subclass's name.)"""

    added = Signal(object)  # the new Account

    def __init__(self, accounts: Accounts, tasks: Tasks, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._tasks = tasks
        self.setMinimumWidth(520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.status = QLabel()
        self.status.setObjectName("AddAccountStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("AddAccountButton")
        self.add_button.clicked.connect(self._add)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.add_button.setDefault(True)  # Enter adds; set once the button is in the dialog

    def _tab_order(self, *fields: QWidget) -> None:
        """Top to bottom as shown: the fields, then Add, then Cancel (the buttons were made
        first, in the shared frame)."""
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        chain = [*fields, self.add_button, cancel]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _line(self, label: str, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(label.rstrip(":"))
        self.form.addRow(label, edit)
        return edit

    def _add(self) -> None:
        raise NotImplementedError

    def _run(self, work: object) -> None:
        self.add_button.setEnabled(False)
        self.status.setText(QCoreApplication.translate("AddAccountDialog", "Adding…"))
        self._tasks.run(work, self._done, self._failed)  # type: ignore[arg-type]

    def _done(self, account: Account) -> None:
        self.status.clear()
        self.added.emit(account)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.status.setText(self.problem(error))

    def problem(self, error: BaseException) -> str:
        if not isinstance(error, OfflineAccountError):
            return error_text(error)
        if error.code == "no_name":
            return QCoreApplication.translate("AddAccountDialog", "Enter the account's name.")
        if error.code == "exists":
            return QCoreApplication.translate(
                "AddAccountDialog", "There already is an account named “%1” here."
            ).replace("%1", error.params.get("name", ""))
        if error.code == "not_a_folder":
            return QCoreApplication.translate(
                "AddAccountDialog", "%1 is a file, not a folder: choose a folder."
            ).replace("%1", error.params.get("folder", ""))
        return QCoreApplication.translate(
            "AddAccountDialog", "The folder %1 cannot be made: choose another one."
        ).replace("%1", error.params.get("folder", ""))


class LocalArchiveDialog(_AddDialog):
    """A name and a folder (suggested: ``archive`` in the data folder, made if missing)."""

    def __init__(self, accounts: Accounts, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(accounts, tasks, parent)
        self.add_button.setText(self.tr("Add Local archive"))
        self.setObjectName("LocalArchiveDialog")
        self.setWindowTitle(self.tr("Add a Local archive"))
        self.intro.setText(
            self.tr(
                "A Local archive writes each post, with its images, into a new folder on this "
                "computer at the post's time. It needs no sign-in: a safe way to try Some "
                "Studio out, or to keep a record of what you publish."
            )
        )
        self.name = self._line(self.tr("Name:"), "ArchiveName")
        self.name.setText(self.tr("Archive"))
        self.folder = QLineEdit(str(accounts.suggested_archive_folder()))
        self.folder.setObjectName("ArchiveFolder")
        self.folder.setAccessibleName(self.tr("Archive folder"))
        self.choose_button = QPushButton(self.tr("Choose folder…"))
        self.choose_button.setObjectName("ChooseArchiveFolder")
        self.choose_button.setAccessibleName(self.tr("Choose the archive folder"))
        self.choose_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        self.form.addRow(self.tr("Folder:"), row)
        note = QLabel(self.tr("A folder that does not exist yet is made when you add the account."))
        note.setWordWrap(True)
        note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.form.addRow("", note)
        self.folder_dialog: QFileDialog | None = None
        self._tab_order(self.name, self.folder, self.choose_button)
        self.name.setFocus()

    def choose_folder(self) -> None:
        """Qt's own folder chooser (the same on every desktop), opened without blocking."""
        current = Path(self.folder.text().strip() or str(self._accounts.suggested_archive_folder()))
        start = current if current.is_dir() else current.parent
        while not start.is_dir() and start != start.parent:
            start = start.parent
        dialog = QFileDialog(self, self.tr("Choose the archive folder"), str(start))
        dialog.setObjectName("ArchiveFolderChooser")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.fileSelected.connect(self._folder_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._forget_chooser)
        self.folder_dialog = dialog
        dialog.open()

    def _forget_chooser(self) -> None:
        self.folder_dialog = None

    def _folder_chosen(self, path: str) -> None:
        if path:
            self.folder.setText(str(Path(path)))
            self.add_button.setFocus()

    def _add(self) -> None:
        name, folder = self.name.text().strip(), self.folder.text().strip()
        if not name:
            self.status.setText(self.tr("Enter the account's name."))
            return
        if not folder:
            self.status.setText(self.tr("Choose the folder the posts are written into."))
            return
        accounts = self._accounts
        self._run(lambda: accounts.add_local_archive(name, Path(folder)))


class ByHandDialog(_AddDialog):
    """Any network, published by the person: a network, a handle, an optional name."""

    def __init__(
        self,
        accounts: Accounts,
        tasks: Tasks,
        parent: QWidget | None = None,
        *,
        network: Network | None = None,
    ) -> None:
        super().__init__(accounts, tasks, parent)
        self.add_button.setText(self.tr("Add account"))
        self.setObjectName("ByHandDialog")
        self.setWindowTitle(self.tr("Add a publish-by-hand account"))
        self.intro.setText(
            self.tr(
                "For any network, also those Some Studio cannot publish to for you: at each "
                "post's time Some Studio reminds you, copies the text and opens the images, "
                "and you publish it yourself. No sign-in is needed."
            )
        )
        self.network = QComboBox()
        self.network.setObjectName("ByHandNetwork")
        self.network.setAccessibleName(self.tr("Network"))
        for each in BY_HAND_NETWORKS:
            self.network.addItem(network_icon(each), network_name(each), each.value)
        if network is not None:
            self.network.setCurrentIndex(max(0, self.network.findData(network.value)))
        self.form.addRow(self.tr("Network:"), self.network)
        self.handle = self._line(self.tr("Handle or account name:"), "ByHandHandle")
        self.handle.setPlaceholderText(self.tr("e.g. @kahvila.aurinko"))
        self.network.setFocus()
        self.display_name = self._line(
            self.tr("Name shown in Some Studio (optional):"), "ByHandName"
        )
        self._tab_order(self.network, self.handle, self.display_name)

    def chosen_network(self) -> Network:
        return Network(str(self.network.currentData()))

    def _add(self) -> None:
        handle, name = self.handle.text().strip(), self.display_name.text().strip()
        if not handle:
            self.status.setText(self.tr("Enter the account's handle or name."))
            return
        accounts, network = self._accounts, self.chosen_network()
        self._run(lambda: accounts.add_by_hand(network, handle, name=name))
