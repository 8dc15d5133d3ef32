"""A wrong argument to a Qt call raises ``TypeError``, as it should, instead of ending the
program.

Some Studio loads PySide6's enums without their unscoped shortcuts (``somestudio``'s
``PYSIDE_ENUM_OPTIONS``). PySide builds its error text for a wrong argument from its table of
signatures, which it fills on the first such error; filling it reads
``QListWidgetItem.Type``, ``QTableWidgetItem.Type`` and ``QTreeWidgetItem.Type``, shortcuts
that option leaves out. The lookup failed, and PySide ended the process ("Fatal Python error:
libshiboken: seterror_argument failed to call update_mapping") for any wrong argument to any
Qt call once QtWidgets was loaded: a bug anywhere became a crash, with whatever the user had
open. Those three names are given back here, and the table's warnings about default values
written with other shortcuts (``Qt.AutoConnection``) are left unsaid: the ``TypeError`` says
what matters.
"""

from __future__ import annotations

import warnings
from typing import Any


def keep_wrong_arguments_an_error() -> None:
    """Call after ``use_a_cheap_check`` (the import of QtWidgets here goes through it)."""
    from PySide6.QtWidgets import (  # noqa: PLC0415
        QListWidgetItem,
        QTableWidgetItem,
        QTreeWidgetItem,
    )

    items: tuple[type[Any], ...] = (QListWidgetItem, QTableWidgetItem, QTreeWidgetItem)
    for item in items:
        if not hasattr(item, "Type"):
            item.Type = item.ItemType.Type  # the name PySide reads
    warnings.filterwarnings(
        "ignore", message="pyside_type_init:_resolve_value", category=RuntimeWarning
    )
