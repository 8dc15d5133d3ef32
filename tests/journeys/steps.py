"""Steps several journeys take, written the way a person does them."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pytest_httpserver import HTTPServer

from .program import Program
from .screen_reader import Control


def add_local_archive(app: Program, name: str = "Kahvilan arkisto") -> Path:
    """Before the window opens: a Local archive account from the command line."""
    folder = app.base / "archive"
    folder.mkdir()
    app.cli("account", "add", "local", name, "--folder", str(folder))
    return folder


def choose_account(app: Program, label: str) -> Control:
    """Tick an account in "Accounts to post to": click its row, press Space."""
    accounts = app.wait("list", "Accounts to post to")
    item = app.wait("list item", label, within=accounts.ref)
    app.click(item)
    if not app.refresh(item).has("checked"):
        app.key("space")
    app.wait_until("the account ticked", lambda: app.refresh(item).has("checked"))
    return item


def wait_for_publish_minute(zone: ZoneInfo) -> datetime:
    """The whole minute two minutes from now (at least a minute away, at most two)."""
    now = datetime.now(zone)
    return (now + timedelta(minutes=2)).replace(second=0, microsecond=0)


def open_schedule_dialog(app: Program) -> Control:
    app.key("ctrl+Return")
    return app.wait("dialog", "Schedule post", match="startswith")


def schedule_at(app: Program, at: datetime) -> None:
    """In the open Schedule dialog: type the time as a Finn would (14.05), check the day,
    read the summary, press Schedule."""
    dialog = app.wait("dialog", "Schedule post", match="startswith")
    day = app.wait("spin button", "Date:", within=dialog.ref)
    wanted_day = at.strftime("%d/%m/%Y")  # the en_GB short date the journeys run in
    if app.refresh(day).text != wanted_day:
        # Only between 23.00 and midnight (the dialog proposes the next full hour, which
        # is tomorrow then). Qt's date editor steps badly across a month's end by keyboard,
        # so the date is set through its accessible text, as assistive technology may.
        app.set_text(day, wanted_day)
        app.wait_until("the date set", lambda: app.refresh(day).text == wanted_day)
    app.type_into(app.wait("text", "Time", within=dialog.ref), at.strftime("%H.%M"))
    summary = app.wait_until(
        "the summary to name the typed time",
        lambda: app.find("label", "Goes out", match="startswith", within=dialog.ref),
    )
    app.wait_until(
        "the summary to say the local time",
        lambda: (
            at.strftime("%H:%M") in app.refresh(summary).name
            or at.strftime("%H.%M") in app.refresh(summary).name
        ),
    )
    app.step("schedule dialog filled in")
    app.click(app.wait("push button", "Schedule", within=dialog.ref))
    app.wait_gone("dialog", "Schedule post", match="startswith")


def chip_tooltip(app: Program, cell: Control) -> str:
    """Rest the mouse on the first chip in a month cell, as a person does to read it whole;
    the tooltip's text. The chip sits below the day number: the pointer walks down the
    cell's upper part until a tooltip shows."""
    x, top, width, _height = app.refresh(cell).extents or (0, 0, 0, 0)
    for offset in (25, 21, 29, 17, 33, 37):
        app.pointer_to(x + width // 2, top + offset)
        tip = app.find("tool tip", None)
        deadline = time.monotonic() + 3
        while tip is None and time.monotonic() < deadline:
            time.sleep(0.1)
            tip = app.find("tool tip", None)
        if tip is not None and tip.name:
            return tip.name
        app.pointer_to(x + width // 2, top + 4)  # off the chip, so the next rest shows anew
    app.screenshot("no-tooltip")
    raise AssertionError(f"no tooltip over the chips of {cell.name!r}")


def serve_mastodon_sign_in(server: HTTPServer, token: str) -> None:
    """What a Mastodon server answers when an account is added with ``token``: who it is
    (``verify_credentials``) and the server's limits (``/api/v2/instance``). The journeys'
    servers add the endpoints their story needs."""
    server.expect_request(
        "/api/v1/accounts/verify_credentials", headers={"Authorization": f"Bearer {token}"}
    ).respond_with_json({"id": "7", "acct": "kahvila", "display_name": "Kahvila Aurinko"})
    server.expect_request("/api/v2/instance").respond_with_json(
        {"configuration": {"statuses": {"max_characters": 500}}}
    )


def add_mastodon_account(app: Program, server: HTTPServer, token: str) -> None:
    """Before the window opens: the Mastodon account "Kahvila" on ``server`` from the
    command line, its token on standard input (into the keyring)."""
    service = server.url_for("").rstrip("/")
    app.cli("account", "add", "mastodon", "--service", service, "--name", "Kahvila", stdin=token)
