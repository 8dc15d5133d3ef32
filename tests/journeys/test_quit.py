"""Journey (e): quitting with a post due in 30 minutes asks first.

Nothing publishes while Some Studio is closed, so Ctrl+Q with a post due within the hour
asks; Cancel keeps the window (and the post), Quit anyway quits — and the post is still
scheduled for when the program runs again. (Xvfb has no system tray, so "Keep running in
the tray" is not offered here; the widget tests cover it.)
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from somestudio.store.database import DATABASE_FILE

from .conftest import StartWorld
from .steps import add_local_archive
from .world import ZONE

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

TEXT = "Puolen tunnin päästä: tuoreet joulutortut uunista."


def scheduled(listing: str) -> list[str]:
    return [
        str(d["scheduled_at"])
        for p in json.loads(listing)
        for d in p["deliveries"]
        if d["state"] == "scheduled"
    ]


def test_quit_with_a_post_due_in_30_minutes_asks_first(start_world: StartWorld) -> None:
    app = start_world()
    add_local_archive(app)
    due = (datetime.now(ZoneInfo(ZONE)) + timedelta(minutes=30)).replace(second=0, microsecond=0)
    app.cli(
        "post",
        "add",
        "--text",
        TEXT,
        "--to",
        "Kahvilan arkisto",
        "--at",
        due.strftime("%Y-%m-%dT%H:%M"),
        "--tz",
        ZONE,
    )
    app.start()
    app.step("started with a post due in 30 minutes")

    app.key("ctrl+q")
    question = app.wait("alert", "Quit Some Studio?", match="startswith", timeout=30)
    app.wait("label", "1 post is due in the next hour", match="startswith", within=question.ref)
    assert app.find("push button", "Quit anyway", within=question.ref) is not None
    app.step("asked before quitting")

    app.click(app.wait("push button", "Cancel", within=question.ref))
    app.wait_gone("alert", "Quit Some Studio?", match="startswith")
    app.wait("frame", "Some Studio")
    app.check_alive()
    app.step("cancel keeps the window")

    app.key("ctrl+q")
    question = app.wait("alert", "Quit Some Studio?", match="startswith", timeout=30)
    app.click(app.wait("push button", "Quit anyway", within=question.ref))
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()
    # Everything committed is in the database file itself, none left in SQLite's log (the
    # engine's and the pages' idle threads held connections at the quit): a copy of the
    # file alone, a backup made now, is whole.
    log = app.home / f"{DATABASE_FILE}-wal"
    assert not log.exists() or log.stat().st_size == 0

    # Quitting dropped nothing: the post waits for the next start.
    assert len(scheduled(app.cli("post", "list", "--json"))) == 1
