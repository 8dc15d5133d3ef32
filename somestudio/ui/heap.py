"""The modules' objects out of the garbage collector's way once they are loaded.

After start-up the process holds some 450,000 objects the collector tracks: classes, functions
and constants of 700 modules, which live as long as the process. Each full collection walks
them all (tens of milliseconds), and a view that makes many objects at once (a year of
Metrics, a long text's checks) sets collections off while it works. ``gc.freeze()`` moves
every object there is now into a generation the collector never walks; objects made later are
collected as before. Called when start-up is done and when a page's modules have come in.
"""

from __future__ import annotations

import gc


def freeze_what_is_loaded() -> None:
    """Leave today's objects out of future collections. No collection first (it would take
    the GUI thread as long as the ones this saves): what is already garbage among them stays,
    a few kilobytes. (It does not ask how many are frozen: ``gc.get_freeze_count`` walks them
    all, 10-25 ms of the GUI thread.)"""
    from somestudio.ui.gui_gc import something_frozen  # noqa: PLC0415

    gc.freeze()
    something_frozen()
