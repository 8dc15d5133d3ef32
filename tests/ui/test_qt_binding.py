"""Guards against a known-bad Qt binding: PySide6 6.12.0 releases a reference to None each time
QModelIndex.data() returns no value, and Python 3.11 aborts once None's count reaches zero.
Run in a child process, since the failure is an abort of the whole interpreter."""

from __future__ import annotations

import subprocess
import sys

_LOOP = """
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication

class Empty(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 1
    def columnCount(self, parent=QModelIndex()):
        return 1
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None

app = QApplication([])
model = Empty()
index = model.index(0, 0)
for _ in range(200_000):
    index.data(Qt.ItemDataRole.UserRole)
print("survived")
"""


def test_model_index_data_returning_none_keeps_python_alive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _LOOP], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
