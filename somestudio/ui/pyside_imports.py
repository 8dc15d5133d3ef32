"""PySide's check of every imported module, made cheap.

PySide6 (6.4 on) hooks ``__import__``: after each import, ``shibokensupport.feature``'s
``feature_imported`` asks ``_mod_uses_pyside(module)``, which reads the module's whole source
through ``inspect.getsource`` to see whether it mentions "PySide6" (for ``from __feature__
import snake_case``, which Some Studio never uses). That source goes through ``linecache``,
which keeps every line of every module for the life of the process: about 6 MiB and 64,000
objects of idle memory for the 700 modules the window imports, and some 12 ms before the
first frame (``benchmarks/startup.py``).

``use_a_cheap_check()`` gives the same answer ("PySide6" in the module's source file) by
reading the file's bytes, keeping nothing. Where the hook is not there (another PySide
version), nothing changes.
"""

from __future__ import annotations

import sys
from types import ModuleType


def _uses_pyside(module: ModuleType) -> bool:
    path = getattr(module, "__file__", None)
    # inspect.getsource finds no source for these either: a built-in or extension module,
    # or byte code only (a bundled app)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:  # noqa: PTH123 - the cheapest read there is
            return b"PySide6" in source.read()
    except OSError:
        return False


def use_a_cheap_check() -> bool:
    """Replace PySide's source check with ``_uses_pyside``; False where there is none."""
    import PySide6.QtCore  # noqa: F401, PLC0415 - loads shibokensupport

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True
