"""Income from collaborations for a year: per month and per partner, expected against
paid, costs entered by hand, what is left; a CSV for bookkeeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.collab.files import save_text
from somestudio.app.collab.income_csv import income_csv
from somestudio.app.collab.service import CollabError, Collaborations
from somestudio.domain.collab.income import Figures
from somestudio.domain.collab.money import MoneyError, parse_money
from somestudio.ui.collab.collab_dialog import pydate, qdate
from somestudio.ui.collab.texts import day_text, error_text, money_text
from somestudio.ui.day_edit import DayEdit
from somestudio.ui.file_folders import DOCUMENTS, as_kind, remember, start_in
from somestudio.ui.storage_text import storage_text


class IncomeDialog(QDialog):
    def __init__(
        self, collabs: Collaborations, home: Path, today: Callable[[], date], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("IncomeDialog")
        self.setWindowTitle(self.tr("Income from collaborations"))
        self.resize(720, 640)
        self._collabs = collabs
        self._home = home
        self._today = today
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.year.setAccessibleName(self.tr("Year"))
        self.year.valueChanged.connect(self.reload)
        self.months = self._table(self.tr("Income per month"))
        self.partners = self._table(self.tr("Income per partner"))
        self.summary = QLabel()
        self.summary.setObjectName("IncomeSummary")
        self.summary.setWordWrap(True)
        self.cost_day = DayEdit(qdate(today()))
        self.cost_day.setCalendarPopup(True)
        self.cost_day.setAccessibleName(self.tr("Cost date"))
        self.cost_amount = QLineEdit()
        self.cost_amount.setAccessibleName(self.tr("Cost amount (€)"))
        self.cost_amount.setPlaceholderText(self.tr("Amount (€)"))
        self.cost_note = QLineEdit()
        self.cost_note.setAccessibleName(self.tr("What the cost was for"))
        self.cost_note.setPlaceholderText(self.tr("What for"))
        self.add_cost_button = QPushButton(self.tr("Add cost"))
        self.add_cost_button.setAccessibleName(self.tr("Add cost"))
        self.add_cost_button.clicked.connect(self.add_cost)
        self.costs = QListWidget()
        self.costs.setObjectName("IncomeCosts")
        self.costs.setAccessibleName(self.tr("Costs of the year"))
        self.costs.setMaximumHeight(110)  # the months and partners keep the room
        self.remove_cost_button = QPushButton(self.tr("Remove cost"))
        self.remove_cost_button.setAccessibleName(self.tr("Remove cost"))
        self.remove_cost_button.setAutoDefault(False)
        self.remove_cost_button.setEnabled(False)
        self.remove_cost_button.clicked.connect(self.remove_cost)
        self.costs.currentRowChanged.connect(
            lambda row: self.remove_cost_button.setEnabled(row >= 0)
        )
        self.csv_button = QPushButton(self.tr("Export CSV for bookkeeping…"))
        self.csv_button.setAccessibleName(self.tr("Export CSV for bookkeeping"))
        self.csv_button.clicked.connect(self._choose_csv)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.accept)
        self._build(close)
        self.reload()

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setHorizontalHeaderLabels(
            [
                "",
                self.tr("Expected"),
                self.tr("Paid"),
                self.tr("Costs"),
                self.tr("Profit"),
            ]
        )
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _build(self, close: QPushButton) -> None:
        top = QFormLayout()
        top.addRow(self.tr("Year"), self.year)
        cost = QHBoxLayout()
        for widget in (self.cost_day, self.cost_amount, self.cost_note):
            cost.addWidget(widget, 1 if widget is self.cost_note else 0)
        cost.addWidget(self.add_cost_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.months, 2)
        layout.addWidget(self.partners, 1)
        layout.addWidget(QLabel(self.tr("A cost (date, amount, what for):")))
        layout.addLayout(cost)
        costs = QHBoxLayout()
        costs.addWidget(self.costs, 1)
        costs.addWidget(self.remove_cost_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(costs)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.add_cost_button.setDefault(True)  # Enter in the cost fields adds the cost

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, Figures]]) -> None:
        table.setRowCount(len(rows))
        for row, (name, figures) in enumerate(rows):
            values = [name] + [
                money_text(v)
                for v in (figures.expected, figures.paid, figures.costs, figures.profit)
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)
        for column in range(1, table.columnCount()):
            table.resizeColumnToContents(column)

    def reload(self) -> None:
        income = self._collabs.income(self.year.value())
        locale = QLocale()
        months = [
            (locale.standaloneMonthName(m, QLocale.FormatType.LongFormat), income.months[m])
            for m in range(1, 13)
        ]
        months.append((self.tr("Year"), income.total))
        self._fill(self.months, months)
        partners = sorted(income.partners.items())
        if income.other.costs:
            partners.append((self.tr("Other costs"), income.other))
        self._fill(self.partners, partners)
        self._fill_costs()
        total = income.total
        self.summary.setText(
            self.tr(
                "All amounts without VAT. Expected %1, paid %2, still to come %3; costs %4; "
                "profit so far %5."
            )
            .replace("%1", money_text(total.expected))
            .replace("%2", money_text(total.paid))
            .replace("%3", money_text(total.outstanding))
            .replace("%4", money_text(total.costs))
            .replace("%5", money_text(total.profit))
        )

    def _fill_costs(self) -> None:
        year = self.year.value()
        names = {c.id: c.partner.company for c in self._collabs.all()}
        self.costs.clear()
        for cost in self._collabs.costs():
            if cost.day.year != year:
                continue
            parts = [day_text(cost.day), money_text(cost.amount), cost.note]
            if cost.collab_id in names:
                parts.append(names[cost.collab_id])
            item = QListWidgetItem(" · ".join(p for p in parts if p))
            item.setData(Qt.ItemDataRole.UserRole, cost.id)
            self.costs.addItem(item)
        self.remove_cost_button.setEnabled(self.costs.currentRow() >= 0)

    def remove_cost(self) -> None:
        if self.costs.currentRow() < 0:
            return
        item = self.costs.currentItem()
        try:
            self._collabs.remove_cost(int(item.data(Qt.ItemDataRole.UserRole)))
        except CollabError as exc:
            self.outcome.setText(error_text(exc))
            self.reload()
            return
        self.outcome.setText(self.tr("Cost removed: %1").replace("%1", item.text()))
        self.reload()

    def add_cost(self) -> None:
        try:
            amount = parse_money(self.cost_amount.text())
        except MoneyError:
            self.outcome.setText(self.tr("The cost is not an amount of money (e.g. 49,90)."))
            return
        self._collabs.add_cost(pydate(self.cost_day.date()), amount, self.cost_note.text().strip())
        self.cost_amount.clear()
        self.cost_note.clear()
        self.outcome.setText(self.tr("Cost added."))
        self.reload()

    def _choose_csv(self) -> None:
        dialog = QFileDialog(self, self.tr("Export income"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        start_in(dialog, DOCUMENTS)
        dialog.selectFile(f"income-{self.year.value()}.csv")
        dialog.fileSelected.connect(lambda name: self.export_csv(as_kind(name, "csv")))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_csv(self, path: Path) -> bool:
        text = income_csv(self._collabs.all(), self._collabs.costs(), self.year.value())
        try:
            save_text(path, self._home, text)
        except OSError as exc:
            self.outcome.setText(self.tr("Could not save: %1").replace("%1", storage_text(exc)))
            return False
        remember(DOCUMENTS, path)
        self.outcome.setText(self.tr("Saved %1").replace("%1", str(path)))
        return True
