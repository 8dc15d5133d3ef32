"""Journey (c): a saved draft has a home — find it in Drafts, drag it onto a day.

Save a draft with Ctrl+S → go to the Calendar → show the Drafts list → the draft is there
with its first words → drag it with the mouse onto tomorrow's cell of the month → it is
scheduled for 09.00 that day, leaves the Drafts list and the day counts it.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from .conftest import StartWorld
from .steps import add_local_archive, choose_account
from .world import ZONE

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

TEXT = "Huomenna uusi joulukahvi: kanelia ja kardemummaa."
FIRST_WORDS = "Huomenna uusi joulukahvi"


def month_cell_name(day: datetime) -> str:
    """The start of a month cell's accessible name in the en_GB journeys:
    'Friday, 4 December 2026 — 0 posts'."""
    return f"{day.strftime('%A')}, {day.day} {day.strftime('%B %Y')} — "


def test_draft_found_in_drafts_and_dragged_onto_a_day(start_world: StartWorld) -> None:
    app = start_world()
    add_local_archive(app)
    app.start()

    app.key("ctrl+1")
    editor = app.wait("text", "Post text")
    app.type_into(editor, TEXT)
    choose_account(app, "Local archive · Kahvilan arkisto")
    app.key("ctrl+s")
    app.wait("label", "Draft saved to Drafts.")
    app.wait_until("the editor emptied for the next post", lambda: app.refresh(editor).text == "")
    app.step("draft saved")

    app.key("ctrl+2")
    app.wait("table", "Month")
    app.click(app.wait("check box", "Show drafts"))
    drafts = app.wait("list", "Drafts")
    draft = app.wait("list item", FIRST_WORDS, match="startswith", within=drafts.ref)
    assert "Local archive" in draft.name, draft.name
    app.step("the draft in drafts")

    tomorrow = datetime.now(ZoneInfo(ZONE)) + timedelta(days=1)
    cell = app.wait("table cell", month_cell_name(tomorrow), match="startswith")
    assert cell.name.endswith("— 0 posts"), cell.name
    app.drag(draft, cell)

    app.wait("table cell", month_cell_name(tomorrow) + "1 post", match="startswith")
    app.wait_gone("list item", FIRST_WORDS, match="startswith", within=drafts.ref)
    app.step("dropped on tomorrow")

    posts = json.loads(app.cli("post", "list", "--json"))
    deliveries = [d for p in posts if p["text"] == TEXT for d in p["deliveries"]]
    assert [d["state"] for d in deliveries] == ["scheduled"], deliveries
    when = datetime.fromisoformat(str(deliveries[0]["scheduled_at"]).replace("Z", "+00:00"))
    local = when.astimezone(ZoneInfo(ZONE))
    assert (local.date(), local.hour, local.minute) == (tomorrow.date(), 9, 0), local

    app.key("ctrl+q")
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()
