"""``Qt``, the namespace of Qt's enums, made when one of them is first used.

PySide makes the ``Qt`` namespace the first time its name is looked up, and with it all of
its 119 enums as Python enums: 14 ms on a 2-core machine, an eighth of what a bare PySide
window needs to show (``benchmarks/startup.py``). The modules the window's first frame is
built from take ``Qt`` from here, so that the namespace is made after that frame, when the
rest of the window is built.

``Qt.X`` reads as it does from ``PySide6.QtCore``; only the attribute lookups are delayed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
else:

    class _Later:
        """Hands out the real namespace's attributes, each looked up once."""

        def __getattr__(self, name: str) -> Any:
            from PySide6 import QtCore  # noqa: PLC0415 - the point of this module

            value = getattr(QtCore.Qt, name)
            setattr(self, name, value)  # the next lookup finds it here
            return value

    Qt = _Later()

__all__ = ["Qt"]
