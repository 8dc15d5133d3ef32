"""Settings → Workspace: which workspace this computer uses, and choosing another (issue 17).

The data folder's own SQLite file is the default. A shared PostgreSQL workspace is chosen by
its address (``postgresql://name@server/database``) and password; the choice is tried on a
worker (``Studio.use_workspace``: the server reached, the schema created or brought up to
date, the password kept in the system keyring only once the server accepted it, then the
address recorded in the settings — never the password) and takes effect when Some Studio
starts next, as ``somestudio workspace use`` does on the command line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from somestudio.app.studio import Studio
from somestudio.ui.pages.settings_page import _note, path_field_width
from somestudio.ui.storage_text import storage_text
from somestudio.ui.tasks import Tasks

IN_USE_MOST = 110  # characters: the file's path in its sentence, at most


class WorkspaceGroup(QGroupBox):
    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Workspace"), parent)
        self.setObjectName("WorkspaceGroup")
        self._studio = studio
        self._tasks = Tasks(self)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        width = self.fontMetrics().averageCharWidth() * 44

        self.in_use = QLineEdit(self._in_use_text())
        self.in_use.setReadOnly(True)
        self.in_use.setAccessibleName(self.tr("Workspace in use"))
        # "This computer's own file (…)" around the path: room for both
        self.in_use.setMinimumWidth(max(width, path_field_width(self.in_use, most=IN_USE_MOST)))
        self.in_use.setCursorPosition(0)
        form.addRow(self.tr("In use:"), self.in_use)

        self.address = QLineEdit()
        self.address.setObjectName("WorkspaceAddress")
        self.address.setPlaceholderText(self.tr("postgresql://name@server/somestudio"))
        self.address.setAccessibleName(self.tr("Shared workspace address"))
        self.address.setMinimumWidth(width)
        self.address.returnPressed.connect(self.use_shared)
        form.addRow(self.tr("Shared workspace:"), self.address)

        self.password = QLineEdit()
        self.password.setObjectName("WorkspacePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password of the shared workspace"))
        self.password.setMinimumWidth(width)
        self.password.returnPressed.connect(self.use_shared)
        form.addRow(self.tr("Password:"), self.password)

        buttons = QHBoxLayout()
        self.use_button = QPushButton(self.tr("Use this workspace"))
        self.use_button.setObjectName("UseWorkspace")
        self.use_button.clicked.connect(self.use_shared)
        self.own_button = QPushButton(self.tr("Use this computer's own file"))
        self.own_button.setObjectName("UseOwnFile")
        self.own_button.clicked.connect(self.use_own_file)
        self.own_button.setVisible(studio.workspace.is_shared)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.own_button)
        buttons.addStretch(1)
        form.addRow("", buttons)

        self.result = QLabel()
        self.result.setObjectName("WorkspaceResult")
        self.result.setWordWrap(True)
        self.result.setMinimumWidth(width)
        self.result.hide()
        form.addRow("", self.result)
        note = _note(
            self.tr(
                "A shared workspace on a PostgreSQL server keeps one plan for several computers"
                " and people. The password is kept in the system keyring, never in the"
                " settings. To take this computer's posts along, first run"
                " “somestudio workspace move --to ADDRESS”."
            ),
            "WorkspaceNote",
        )
        form.addRow("", note)

    def _in_use_text(self) -> str:
        url = self._studio.workspace.url
        if url is not None and self._studio.workspace.is_shared:
            return url.display()
        return self.tr("This computer's own file (%1)").replace(
            "%1", str(self._studio.workspace.database.path)
        )

    def use_shared(self) -> None:
        text = self.address.text().strip()
        if not text:
            self._say(self.tr("Enter the shared workspace's address first."))
            self.address.setFocus()
            return
        password = self.password.text() or None
        self._busy(self.tr("Connecting to %1…").replace("%1", text))
        self._tasks.run(
            lambda: self._studio.use_workspace(text, password), self._chosen, self._failed
        )

    def use_own_file(self) -> None:
        self._busy(self.tr("Choosing this computer's own file…"))
        self._tasks.run(
            lambda: self._studio.use_workspace("sqlite", None), self._chosen, self._failed
        )

    def _chosen(self, chosen: object) -> None:
        self.password.clear()
        self._idle()
        url = str(getattr(chosen, "url", ""))
        if url:
            text = self.tr("Chosen: %1. Some Studio opens it the next time it starts.")
            self._say(text.replace("%1", url))
        else:
            self._say(
                self.tr(
                    "Chosen: this computer's own file. Some Studio opens it the next time"
                    " it starts."
                )
            )

    def _failed(self, error: BaseException) -> None:
        self.password.clear()  # a refused password is not kept anywhere, not even here
        self._idle()
        self._say(storage_text(error))

    def _busy(self, text: str) -> None:
        self.use_button.setEnabled(False)
        self.own_button.setEnabled(False)
        self._say(text)

    def _idle(self) -> None:
        self.use_button.setEnabled(True)
        self.own_button.setEnabled(True)

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.setAccessibleName(text)
        self.result.show()
