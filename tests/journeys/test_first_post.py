"""Journey (a): a café owner's first post, from an empty data folder to the archive.

First run → the welcome → add a Local archive account → test it on the Accounts page →
compose a Finnish post with an emoji, a link and an image attached through "Add images or
video…" (Qt's own file dialog, the path typed into its file-name field) → schedule it for
the whole minute two minutes from now by typing the time → the confirmation names it → Show
in calendar → the post is on its day → at its minute it lands in the archive folder → the
calendar says it is published (the day's list, and the chip's tooltip when the mouse rests
on it).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from .conftest import StartWorld
from .program import Program
from .steps import chip_tooltip, choose_account, schedule_at, wait_for_publish_minute
from .world import ZONE

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

TEXT = "Glögi ja korvapuusti tänään klo 14–16 ☕🥐 tervetuloa! https://kahvila.example/joulu"
ACCOUNT = "Kahvilan arkisto"


def add_local_archive_in_welcome(app: Program, folder: str) -> None:
    app.wait("dialog", "Welcome to Some Studio", timeout=60)
    app.step("welcome")
    app.click(app.wait("push button", "Add a Local archive account"))
    dialog = app.wait("dialog", "Add a Local archive", match="startswith")
    app.type_into(app.wait("text", "Name", within=dialog.ref), ACCOUNT)
    app.type_into(app.wait("text", "Archive folder", within=dialog.ref), folder)
    app.step("local archive filled in")
    app.click(app.wait("push button", "Add Local archive", within=dialog.ref))
    app.wait_gone("dialog", "Add a Local archive", match="startswith")
    app.wait_gone("dialog", "Welcome to Some Studio")


def attach_image(app: Program, path: str) -> None:
    app.click(app.wait("push button", "Add images or video…"))
    chooser = app.wait("dialog", "Add images or video", match="startswith", timeout=60)
    app.type_into(app.wait("text", "File name", within=chooser.ref), path)
    app.step("file dialog with the path typed")
    app.key("Return")
    app.wait_gone("dialog", "Add images or video", match="startswith")
    attached = app.wait("list", "Attached images and videos")
    app.wait_until(
        "the image in the attached list",
        lambda: any(c.name.startswith("glogi.png") for c in app.children(attached)),
    )


def confirmation_text(app: Program) -> str:
    """What the composer's confirmation line says, as a screen reader hears it."""
    return app.wait("label", "Scheduled ", match="startswith").name


def test_first_post_lands_in_the_archive(start_world: StartWorld) -> None:
    app = start_world()
    archive = app.base / "Kahvilan arkisto"
    image = app.base / "glogi.png"
    Image.new("RGB", (1200, 800), (180, 90, 40)).save(image)

    app.start()
    add_local_archive_in_welcome(app, str(archive))
    app.step("account added")

    # On the Accounts page the archive is listed by its folder, and its test checks it.
    app.key("ctrl+4")
    cell = app.wait("table cell", str(archive))
    app.click(cell)
    app.click(app.wait("push button", "Test connection"))
    tested = app.wait("label", f"✓ The folder {archive} is there", match="startswith")
    assert tested.name.endswith("Some Studio may write into it."), tested.name
    app.step("the archive tested")

    app.key("ctrl+1")
    editor = app.wait("text", "Post text")
    app.type_into(editor, TEXT)
    choose_account(app, f"Local archive · {ACCOUNT}")
    attach_image(app, str(image))
    app.step("composed")

    zone = ZoneInfo(ZONE)
    at = wait_for_publish_minute(zone)
    app.key("ctrl+Return")
    schedule_at(app, at)

    said = confirmation_text(app)
    assert said.startswith("Scheduled") and "on 1 account" in said, said
    assert at.strftime("%H.%M") in said or at.strftime("%H:%M") in said, said
    assert app.refresh(editor).text == ""  # the editor empties once the user confirmed
    app.step("confirmation")

    app.click(app.wait("push button", "Show in calendar"))
    day_list = app.wait("list", "Posts on the selected day")
    entry = app.wait("list item", f"{ACCOUNT}, Scheduled: Glögi", match="contains")
    assert at.strftime("%H:%M") in entry.name, entry.name
    assert app.find("table cell", f"{at.day} {at.strftime('%B')}", match="contains") is not None
    app.step("on the calendar")

    # The promise: at its minute, without anyone touching anything, the post is written out.
    wait = (at - datetime.now(zone)).total_seconds() + 90
    # A post is written into a hidden folder and renamed into place when whole.
    folders = app.wait_until(
        "the post in the archive folder",
        lambda: [f for f in archive.iterdir() if f.is_dir() and not f.name.startswith(".")],
        timeout=max(wait, 30),
    )
    assert len(folders) == 1, folders
    folder = folders[0]
    assert (folder / "post.txt").read_text(encoding="utf-8").strip() == TEXT
    images = [f.name for f in folder.glob("*.png")]
    assert len(images) == 1 and images[0].endswith("glogi.png"), list(folder.iterdir())
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["media"][0]["file"] == images[0], metadata
    assert metadata["time_zone"] == ZONE, metadata

    app.wait(
        "list item",
        f"{ACCOUNT}, Published: Glögi",
        match="contains",
        within=day_list.ref,
        timeout=60,
    )
    cell = app.wait("table cell", f"{at.day} {at.strftime('%B %Y')} — 1 post", match="contains")
    tip = chip_tooltip(app, cell)
    assert tip.startswith("✓ Published · ") and "Glögi ja korvapuusti" in tip, tip
    app.step("published")
    assert datetime.now(zone) >= at - timedelta(seconds=1)

    app.key("ctrl+q")
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()
