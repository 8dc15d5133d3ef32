"""Qt's own texts that its Finnish catalogue (qtbase_fi.qm) leaves in English.

That catalogue predates some of Qt's current source texts ("&Look in:" with its mnemonic)
and keeps key names as "Return". Our catalogue is asked before Qt's, so a text given here in
Qt's own context wins: the file dialog and the key names read Finnish in the Finnish window.
This function is never called; it is here for pyside6-lupdate to find the texts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_text_gaps() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QShortcut", "Return"),
    )
