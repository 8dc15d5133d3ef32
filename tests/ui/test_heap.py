"""Loaded modules' objects are left out of later collections (ui/heap.py)."""

from __future__ import annotations

import gc

from somestudio.ui.heap import freeze_what_is_loaded


def test_objects_there_now_are_frozen_and_later_ones_collected() -> None:
    class Loaded:
        pass

    kept = Loaded()
    try:
        freeze_what_is_loaded()
        assert gc.get_freeze_count() >= 1
        assert not any(o is kept for o in gc.get_objects())  # out of every generation walked

        class Later:
            pass

        later = Later()
        later.cycle = later  # type: ignore[attr-defined]
        assert any(o is later for o in gc.get_objects())  # made afterwards: collected as ever
    finally:
        gc.unfreeze()  # the tests after this one see the collector as it was
