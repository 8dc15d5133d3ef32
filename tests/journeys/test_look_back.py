"""Journey: looking back at what worked, and taking the month's wins to the meeting.

On the demo data (a month of posts around today and four months of numbers before it):
Metrics (Ctrl+3) → the period from the last 30 days to the last 90 (its list opened with the
mouse): more posts published in it → Posts: the period's top posts → the Goals tab: a goal
and, as a screen reader hears it, its share, what it is and where it stands → the Actions
tab: what the café did → Monthly report…: the last full month, Save PDF…, Qt's file dialog,
the path typed into its file-name field → the dialog says where it saved → the PDF is
there, titled with that month, with its wins, headline numbers, goals and channels.

The demo is built for the real "now" (as ``--demo`` builds it), so nothing here names a
date: only what any day's demo shows.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from somestudio.app.demo import build_demo_home

from .conftest import StartWorld
from .program import Program

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

GOAL = "Mastodon +60 seuraajaa · followers"
WORKSHOP = "Työpaja kirjastossa · workshop at the library"


def posts_in_period(app: Program) -> int:
    """The number the Metrics summary line gives ("N posts published in this period…")."""
    summary = app.wait("label", "published in this period", match="contains")
    found = re.match(r"(\d+) posts? published", summary.name)
    assert found, summary.name
    return int(found.group(1))


def choose_period(app: Program, shown: str, wanted: str) -> None:
    """Open the period list (a combo box says its value, as Qt names one on Linux, and what
    it is for through the caption it is labelled by) with the mouse and click ``wanted``."""
    box = app.wait("combo box", shown)
    assert box.labelled_by == ["Period"], box
    app.click(box)
    app.click(app.wait("list item", wanted))
    app.wait("combo box", wanted)


def test_look_back_at_the_month_and_report_it(start_world: StartWorld) -> None:
    app = start_world()
    app.home.mkdir(parents=True, exist_ok=True)
    build_demo_home(app.home)  # what ``--demo`` opens on, in the journey's own data folder
    app.start()

    app.key("ctrl+3")
    app.wait("table", "Totals per channel")
    last_30 = app.wait_until("the numbers of the last 30 days", lambda: posts_in_period(app))
    app.step("metrics, last 30 days")

    choose_period(app, "Last 30 days", "Last 90 days")
    app.wait_until(
        "more posts in the last 90 days", lambda: (n := posts_in_period(app)) > last_30 and n
    )
    totals = app.wait("table", "Totals per channel")
    app.wait("table cell", "Mastodon", within=totals.ref)
    app.step("metrics, last 90 days")

    app.click(app.wait("page tab", "Posts"))
    top = app.wait("table", "Top posts")
    app.wait_until(
        "the top posts of the period",
        lambda: len([c for c in app.children(top) if c.role == "table cell"]) > 0,
    )
    app.step("top posts of the last 90 days")

    app.click(app.wait("page tab", "Goals"))
    goals = app.wait("list", "Goals")
    goal = app.wait("list item", GOAL, within=goals.ref)
    # What a screen reader says after the title: the share, what the goal is, where it is.
    share, what, where = goal.description.splitlines()
    assert re.fullmatch(r"\d+ %", share), goal.description
    assert what.startswith("Followers or contacts: ") and "Mastodon" in what, goal.description
    assert " of " in where, goal.description
    app.step("goals")

    app.click(app.wait("page tab", "Actions"))
    actions = app.wait("list", "Your actions")
    app.wait("list item", WORKSHOP, match="contains", within=actions.ref)
    app.wait("list item", "new profile photo", match="contains", within=actions.ref)
    app.step("actions")

    target = app.base / "monthly-report.pdf"
    app.click(app.wait("push button", "Monthly report…"))
    dialog = app.wait("dialog", "Monthly report", match="startswith")
    # The last full month is offered (a combo box is named by what it shows).
    month = app.wait("combo box", None, within=dialog.ref).name
    assert re.fullmatch(r"\w+ \d{4}", month), month
    app.step("monthly report dialog")
    app.click(app.wait("push button", "Save PDF…", within=dialog.ref))
    chooser = app.wait("dialog", "Save report", match="startswith", timeout=60)
    app.type_into(
        app.wait("text", "File name", match="startswith", within=chooser.ref), str(target)
    )
    app.step("file dialog with the path typed")
    app.key("Return")
    app.wait_gone("dialog", "Save report", match="startswith")
    app.wait("label", f"Saved {target}", within=dialog.ref)
    app.step("monthly report saved")
    app.click(app.wait("push button", "Close", within=dialog.ref))
    app.wait_gone("dialog", "Monthly report", match="startswith")

    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    (app.base / "monthly-report.txt").write_text(text, encoding="utf-8")
    assert f"Monthly report — {month}" in text or f"Monthly report\n{month}" in text, text
    for heading in ("Wins of the month", "Goals", "Headline numbers", "Engagements per channel"):
        assert heading in text, (heading, text)
    assert "Mastodon" in text, text

    quit_demo(app)


def quit_demo(app: Program) -> None:
    """Ctrl+Q; the demo's two posts due minutes after it opened may still be waiting, and
    then quitting asks first."""
    app.key("ctrl+q")
    asked = app.wait_until(
        "the program to quit or ask first",
        lambda: (
            (app.proc is not None and app.proc.poll() is not None)
            or app.find("alert", "Quit Some Studio?", match="startswith")
        ),
    )
    if not isinstance(asked, bool):
        app.click(app.wait("push button", "Quit anyway", within=asked.ref))
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()
