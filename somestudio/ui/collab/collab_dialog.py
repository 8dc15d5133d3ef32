"""A new collaboration (or one to edit): the partner (company, contact, report language)
and the agreement (title, fee, VAT, agreed and payment days, terms, files kept by path)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.collab.service import NewCollaboration
from somestudio.domain.collab.money import MoneyError, parse_money, parse_rate
from somestudio.domain.collab.records import Collaboration
from somestudio.ui.day_edit import DayEdit
from somestudio.ui.file_folders import DOCUMENTS, start_in
from somestudio.ui.i18n import ui_language

DEFAULT_VAT = 25.5  # the Finnish general rate since 1.9.2024


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def named(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


class CollabDialog(QDialog):
    def __init__(
        self,
        today: date,
        on_accept: Callable[[NewCollaboration], str | None],
        parent: QWidget,
        *,
        editing: Collaboration | None = None,
    ) -> None:
        """``on_accept`` saves; it returns an error text to show (and the dialog stays).
        With ``editing``: the fields hold that collaboration, to change it."""
        super().__init__(parent)
        self.setObjectName("CollabDialog")
        self._editing = editing
        self.setWindowTitle(
            self.tr("Edit collaboration") if editing else self.tr("New collaboration")
        )
        self._on_accept = on_accept
        self.company = QLineEdit()
        self.contact = QLineEdit()
        self.language = QComboBox()
        self.language.addItem(self.tr("Finnish"), "fi")
        self.language.addItem(self.tr("English"), "en")
        # A new one's report in the language the window speaks (editing shows the kept one)
        self.language.setCurrentIndex(max(self.language.findData(ui_language()), 0))
        self.title = QLineEdit()
        self.fee = QLineEdit()
        locale = QLocale()
        self.fee.setPlaceholderText(
            self.tr("e.g. %1").replace("%1", locale.toString(650.0, "f", 2))
        )
        self.vat = QLineEdit(locale.toString(DEFAULT_VAT))
        self.agreed = DayEdit(qdate(today))
        self.agreed.setCalendarPopup(True)
        self.has_due = QCheckBox(self.tr("Payment due"))
        self.due = DayEdit(qdate(today).addDays(14))
        self.due.setCalendarPopup(True)
        self.has_due.setChecked(True)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.terms = QPlainTextEdit()
        self.terms.setTabChangesFocus(True)
        self.terms.setFixedHeight(70)
        self.files = QPlainTextEdit()
        self.files.setTabChangesFocus(True)
        self.files.setFixedHeight(50)
        self.files.setPlaceholderText(self.tr("One path a line; the files stay where they are"))
        self.browse = QPushButton(self.tr("Add a file…"))
        self.browse.clicked.connect(self._choose_file)
        self.browse.setAutoDefault(False)
        self.problem = QLabel()
        self.problem.setObjectName("CollabProblem")
        self.problem.setWordWrap(True)
        self._build()
        if editing is not None:
            self._fill(editing)

    def _fill(self, collab: Collaboration) -> None:
        self.company.setText(collab.partner.company)
        self.contact.setText(collab.partner.contact)
        self.language.setCurrentIndex(max(self.language.findData(collab.partner.language), 0))
        self.title.setText(collab.title)
        point = QLocale().decimalPoint()  # as the user types them: "650,00" or "650.00"
        self.fee.setText(f"{collab.fee:.2f}".replace(".", point))
        self.vat.setText(f"{collab.vat_rate.normalize():f}".replace(".", point))
        self.agreed.setDate(qdate(collab.agreed_on))
        self.has_due.setChecked(collab.payment_due is not None)
        if collab.payment_due is not None:
            self.due.setDate(qdate(collab.payment_due))
        self.terms.setPlainText(collab.terms)
        self.files.setPlainText("\n".join(collab.files))

    def _build(self) -> None:
        form = QFormLayout()
        for label, widget in (
            (self.tr("Company"), self.company),
            (self.tr("Contact"), self.contact),
            (self.tr("Language (report, post marking)"), self.language),
            (self.tr("Title"), self.title),
            (self.tr("Fee without VAT (€)"), self.fee),
            (self.tr("VAT %"), self.vat),
            (self.tr("Agreed on"), self.agreed),
            (self.tr("Terms"), self.terms),
        ):
            form.addRow(label, named(widget, label))
        form.addRow(named(self.has_due, self.tr("Payment due")), self.due)
        self.due.setAccessibleName(self.tr("Payment due date"))
        files = QHBoxLayout()
        files.addWidget(named(self.files, self.tr("Attached files")), 1)
        files.addWidget(self.browse)
        self.browse.setAccessibleName(self.tr("Add a file"))
        form.addRow(self.tr("Attached files"), files)
        buttons = QDialogButtonBox()
        word = self.tr("Save changes") if self._editing else self.tr("Add collaboration")
        self.accept_button = buttons.addButton(word, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setAccessibleName(word)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # Enter adds (set once the button is inside this dialog; Qt ignores it before).
        self.accept_button.setDefault(True)

    def _choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Attach a file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        start_in(dialog, DOCUMENTS)
        dialog.fileSelected.connect(self._add_path)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add_path(self, path: str) -> None:
        current = self.files.toPlainText().rstrip("\n")
        self.files.setPlainText(f"{current}\n{path}" if current else path)

    def collected(self) -> NewCollaboration | str:
        """What was typed, or the text saying what is wrong."""
        try:
            fee = parse_money(self.fee.text())
        except MoneyError:
            return self.tr("The fee is not an amount of money (e.g. %1).").replace(
                "%1", QLocale().toString(650.0, "f", 2)
            )
        try:
            vat = parse_rate(self.vat.text())
        except MoneyError:
            return self.tr("The VAT rate is a per cent between 0 and 100 (e.g. %1).").replace(
                "%1", QLocale().toString(DEFAULT_VAT)
            )
        if not self.company.text().strip():
            return self.tr("Name the partner company.")
        return NewCollaboration(
            company=self.company.text(),
            fee=fee,
            vat_rate=Decimal(vat),
            agreed_on=pydate(self.agreed.date()),
            contact=self.contact.text(),
            language=str(self.language.currentData()),
            title=self.title.text(),
            payment_due=pydate(self.due.date()) if self.has_due.isChecked() else None,
            terms=self.terms.toPlainText(),
            files=[p.strip() for p in self.files.toPlainText().splitlines() if p.strip()],
        )

    def typed(self) -> bool:
        """Whether anything was written in it (a cancelled new one is then kept)."""
        lines = (self.company, self.contact, self.title, self.fee)
        return any(field.text().strip() for field in lines) or any(
            box.toPlainText().strip() for box in (self.terms, self.files)
        )

    def submit(self) -> None:
        found = self.collected()
        if isinstance(found, str):
            self.problem.setText(found)
            return
        problem = self._on_accept(found)
        if problem:
            self.problem.setText(problem)
            return
        self.accept()
