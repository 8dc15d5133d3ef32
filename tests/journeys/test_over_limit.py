"""Journey (b): a text too long for X cannot be scheduled to X, and the dialog says why.

The café has an X account it publishes by hand (added from the command line before the
window opens). 395 characters are fine elsewhere but not on X: the composer's Problems say
so, the Schedule dialog lists the problem by the account, explains why it cannot schedule,
and its Schedule button does nothing; nothing is stored as scheduled and the text stays.
"""

from __future__ import annotations

import json

import pytest

from .conftest import StartWorld
from .steps import choose_account, open_schedule_dialog

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

# 395 characters, none of them a link (a link would count as 23 on X).
SENTENCE = "Joulun glogi ja korvapuustit odottavat kahvilassa joka paiva kello kahdeksasta. "
TEXT = (SENTENCE * 5)[:395]
X_ACCOUNT = "X · @kahvila"


def scheduled_deliveries(listing: str) -> list[dict[str, object]]:
    """The scheduled deliveries in ``somestudio post list --json``."""
    return [
        delivery
        for post in json.loads(listing)
        for delivery in post["deliveries"]
        if delivery["state"] == "scheduled"
    ]


def test_over_limit_text_cannot_be_scheduled_to_x(start_world: StartWorld) -> None:
    app = start_world()
    assert len(TEXT) == 395
    app.cli("account", "add", "x", "--handle", "@kahvila", "--by-hand")
    app.start()

    app.key("ctrl+1")
    editor = app.wait("text", "Post text")
    app.type_into(editor, TEXT)
    choose_account(app, X_ACCOUNT)
    problems = app.wait("list", "Problems found")
    app.wait("list item", "395/280", match="contains", within=problems.ref)
    app.step("problems say too long")

    dialog = open_schedule_dialog(app)
    blocking = app.wait("list", "Problems that stop scheduling", within=dialog.ref)
    line = app.wait("list item", "395/280", match="contains", within=blocking.ref)
    assert line.name.startswith(X_ACCOUNT), line.name
    assert "too long" in line.name, line.name
    app.wait("label", f"Cannot schedule: {X_ACCOUNT}", match="startswith", within=dialog.ref)
    schedule = app.wait("push button", "Schedule", within=dialog.ref)
    assert not schedule.has("enabled"), schedule.states
    app.step("the dialog says why")

    # Pressing it anyway, and Enter, change nothing: the dialog stays and says why.
    app.click(schedule)
    app.key("Return")
    assert app.find("dialog", "Schedule post", match="startswith") is not None
    app.click(app.wait("push button", "Cancel", within=dialog.ref))
    app.wait_gone("dialog", "Schedule post", match="startswith")
    assert app.refresh(editor).text == TEXT  # nothing the user wrote is lost
    app.step("cancelled, text kept")

    assert scheduled_deliveries(app.cli("post", "list", "--json")) == []

    app.key("ctrl+q")
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()
