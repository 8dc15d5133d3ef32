"""``somestudio import`` and ``somestudio export`` in-process on a real data folder, and the
calendar feed kept in a folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from somestudio.app.calendar_feed import FEED_FILE, CalendarFeed, calendar_bytes
from somestudio.app.planning import Planner
from somestudio.app.workspace import open_workspace
from somestudio.store import posts as post_rows
from tests.integration.cli_run import cli


@pytest.fixture
def accounts(either_cli_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """On both backends (tests/integration/either_backend.py)."""
    cli_home = either_cli_home
    folder = tmp_path / "archive"
    folder.mkdir()
    assert cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(folder))[0] == 0
    assert cli(capsys, "account", "add", "x", "kahvila", "--by-hand")[0] == 0
    return cli_home


def posts(home: Path) -> int:
    workspace = open_workspace(home)
    try:
        return post_rows.count_posts(workspace.store_connection())
    finally:
        workspace.close()


def test_import_with_errors_changes_nothing_and_lists_row_column(
    accounts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "plan.csv"
    source.write_text(
        "text;accounts;date;time\n"
        "Hyvä;Arkisto;1.12.2031;9.00\n"
        "Huono;Arkisto;31.11.2031;9.00\n"
        f"{'x' * 281};kahvila;1.12.2031;9.00\n"
        "Kuka;Nobody;1.12.2031;9.00\n",
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "import", str(source))
    assert code == 2 and out == ""
    assert f"{source}:3:C (date): " in err and "31.11.2031" in err
    assert f"{source}:4:A (text): " in err and "281/280" in err
    assert f"{source}:5:B (accounts): " in err and "Nobody" in err
    assert "nothing imported: 3 problems" in err
    assert posts(accounts) == 0


def test_wrong_encoding_then_the_right_one(
    accounts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes("teksti;tilit;päivä;aika\nPäivää;Arkisto;1.12.2031;9.00\n".encode("cp1252"))
    code, _, err = cli(capsys, "import", str(source))
    assert code == 2 and f"{source}:1:C" in err and "Windows-1252" in err
    code, out, err = cli(capsys, "import", "--dry-run", "--encoding", "cp1252", str(source))
    assert code == 0 and "row 2: 2031-12-01 07:00 UTC → Arkisto: Päivää" in out
    assert "dry run: 1 posts would be imported" in err
    assert posts(accounts) == 0
    code, _, err = cli(capsys, "import", "--encoding", "cp1252", str(source))
    assert code == 0 and "imported 1 posts" in err
    assert posts(accounts) == 1


def test_buffer_file_with_to_and_hootsuite_with_date_order(
    accounts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buffer = tmp_path / "buffer.csv"
    buffer.write_text(
        "Text,Image URL,Tags,Posting Time\nFrom Buffer,,news,2031-12-01 09:00\n", encoding="utf-8"
    )
    code, _, err = cli(capsys, "import", str(buffer))
    assert code == 2 and "no accounts" in err
    assert cli(capsys, "import", "--to", "Arkisto", str(buffer))[0] == 0
    hootsuite = tmp_path / "hootsuite.csv"
    hootsuite.write_text("03/12/2031 10:30,From Hootsuite,https://example.com\n", encoding="utf-8")
    code, _, err = cli(capsys, "import", "--to", "Arkisto", str(hootsuite))
    assert code == 2 and "1:A" in err and "date order" in err
    code, out, _ = cli(
        capsys, "import", "--to", "Arkisto", "--date-order", "dmy", "--lang", "fi", str(hootsuite)
    )
    assert code == 0 and "2031-12-03 08:30 UTC" in out
    assert posts(accounts) == 2


def test_export_csv_and_ics_then_import_the_csv_again(
    accounts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "plan.csv"
    source.write_text(
        "text,accounts,date,time,labels\n"
        '"Eka, rivi",Arkisto,2031-12-01,09:00,Joulu\n'
        "Toka,kahvila,2031-12-02,10:00,\n",
        encoding="utf-8",
    )
    assert cli(capsys, "import", str(source))[0] == 0
    exported = tmp_path / "out.csv"
    code, _, err = cli(capsys, "export", "--csv", str(exported), "--delimiter", ";")
    assert code == 0 and "wrote 2 rows" in err
    assert exported.read_text(encoding="utf-8-sig").startswith("text;accounts;date;time;zone")
    ics = tmp_path / "plan.ics"
    code, _, err = cli(capsys, "export", "--ics", str(ics), "--account", "Arkisto")
    assert code == 0 and "wrote 1 events" in err
    calendar = Calendar.from_ical(ics.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["description"]) == "Eka, rivi"
    assert event.decoded("dtstart") == datetime(2031, 12, 1, 7, tzinfo=UTC)
    assert str(event.get("dtstart").params["TZID"]) == "Europe/Helsinki"
    assert calendar.walk("VTIMEZONE")
    code, _, err = cli(capsys, "export", "--ics", str(tmp_path / "nowhere" / "x.ics"))
    assert code == 2 and "--ics" in err
    code, _, _ = cli(capsys, "export", "--csv", "a.csv", "--ics", "b.ics")
    assert code == 2
    # The export imports again: two more posts, the same plan twice.
    assert cli(capsys, "import", str(exported))[0] == 0
    assert posts(accounts) == 4


def test_the_feed_is_rewritten_only_when_the_plan_changes(home: Path, tmp_path: Path) -> None:
    from somestudio.domain.networks import Network  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415

    workspace = open_workspace(home)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account = account_rows.add_account(conn, Network.X, "kahvila")
        feed = CalendarFeed(workspace)
        assert feed.refresh() is None
        folder = tmp_path / "feed"
        folder.mkdir()
        path = feed.configure(folder)
        assert path == folder / FEED_FILE and path.read_bytes().startswith(b"BEGIN:VCALENDAR")
        assert b"BEGIN:VEVENT" not in path.read_bytes()
        written = path.stat().st_mtime_ns
        assert feed.refresh() == path and path.stat().st_mtime_ns == written
        at = datetime(2031, 12, 1, 7, tzinfo=UTC)
        Planner(workspace).schedule_post("Uusi\nrivi", [account], at=at, zone="Europe/Helsinki")
        feed.refresh()
        data = path.read_bytes()
        assert data == calendar_bytes(workspace)
        (event,) = Calendar.from_ical(data).walk("VEVENT")
        assert str(event["description"]) == "Uusi\nrivi" and "X · kahvila: Uusi" in str(
            event["summary"]
        )
        assert [p.name for p in folder.iterdir()] == [FEED_FILE]  # no temporary file left
        assert feed.configure(None) is None and feed.settings() is None
    finally:
        workspace.close()


def test_a_post_to_several_accounts_at_once_is_one_event(home: Path, tmp_path: Path) -> None:
    """Six posts to three accounts made eighteen events (a new user's finding): a post's
    accounts at the same moment, with the same text and state, are one event naming them;
    an account moved to another time has its own."""
    from somestudio.domain.networks import Network  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415

    workspace = open_workspace(home)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            x = account_rows.add_account(conn, Network.X, "kahvila")
            mastodon = account_rows.add_account(conn, Network.MASTODON, "@aroma")
            bluesky = account_rows.add_account(conn, Network.BLUESKY, "aroma.example")
            second_x = account_rows.add_account(conn, Network.X, "toinen")
        planner = Planner(workspace)
        at = datetime(2031, 12, 1, 7, tzinfo=UTC)
        planner.schedule_post(
            "Joulupuuro tänään!", [x, mastodon, bluesky], at=at, zone="Europe/Helsinki"
        )
        two = planner.schedule_post(
            "Glögiä huomenna", [x, second_x, mastodon], at=at, zone="Europe/Helsinki"
        )
        (moved,) = conn.execute(
            "SELECT id FROM deliveries WHERE post_id = ? AND account_id = ?", (two, mastodon)
        ).fetchone()
        planner.move(moved, datetime(2031, 12, 2, 7, tzinfo=UTC), "Europe/Helsinki")
        events = Calendar.from_ical(calendar_bytes(workspace)).walk("VEVENT")
        summaries = sorted(str(e["summary"]) for e in events)
        assert summaries == [
            "Mastodon · @aroma: Glögiä huomenna",
            "X · kahvila, X · toinen: Glögiä huomenna",  # a network twice: by name
            "X, Mastodon, Bluesky: Joulupuuro tänään!",
        ]
        (three,) = [e for e in events if "Joulupuuro" in str(e["summary"])]
        assert str(three["description"]) == (
            "Joulupuuro tänään!\n\nX · kahvila\nMastodon · @aroma\nBluesky · aroma.example"
        )
    finally:
        workspace.close()
