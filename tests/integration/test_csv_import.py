"""Bulk import and export on a real data folder: the preview's checks, all-or-nothing writes,
and an export that re-imports to the same posts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from somestudio.app.csv_export import export_csv
from somestudio.app.csv_import import CsvImporter, ImportPreview, ImportRefusedError
from somestudio.app.planning import Planner
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.csv_table import TextEncoding
from somestudio.domain.entities import text_facts
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
ZONE = "Europe/Helsinki"


def _accounts(ws: Workspace) -> None:
    conn = ws.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "kahvila", display_name="Kahvila X")
        mastodon = account_rows.add_account(
            conn, Network.MASTODON, "@aurinko", instance_url="https://m.example"
        )
        conn.execute(
            "UPDATE accounts SET limits_json = ? WHERE id = ?",
            (json.dumps({"max_characters": 1000}), mastodon),
        )
        account_rows.add_account(conn, Network.LOCAL, "arkisto", display_name="Arkisto")


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    _accounts(ws)
    yield ws
    ws.close()


def importer(ws: Workspace) -> CsvImporter:
    return CsvImporter(ws, now=lambda: NOW)


def preview_of(ws: Workspace, path: Path, **kwargs: object) -> ImportPreview:
    return importer(ws).preview(path, zone=ZONE, **kwargs)  # type: ignore[arg-type]


def count(ws: Workspace, table: str) -> int:
    return int(ws.connection().execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def image(folder: Path, name: str, size: tuple[int, int] = (60, 40)) -> Path:
    path = folder / name
    Image.new("RGB", size, "orange").save(path)
    return path


def test_a_finnish_spreadsheet_file_is_previewed_then_imported(
    workspace: Workspace, tmp_path: Path
) -> None:
    image(tmp_path, "kuva.png")
    source = tmp_path / "joulukuu.csv"
    source.write_bytes(
        "\ufeffTeksti;Tilit;Päivä;Aika;Kuvat;Vaihtoehtoinen teksti;Tunnisteet;Luonnos\r\n"
        "Joulutorttuja tänään! 🎄;Kahvila X, mastodon;1.12.2026;9.00;kuva.png;"
        "Torttuja pellillä;Joulu;\r\n"
        "Luonnos ilman päivää;Arkisto;;;;;;kyllä\r\n".encode()
    )
    preview = preview_of(workspace, source)
    assert preview.errors == ()
    assert preview.ok and preview.delimiter == ";"
    first, _ = preview.rows
    assert first.accounts == ("Kahvila X", "@aurinko")
    assert first.channels[0].counter.endswith("/280")
    assert count(workspace, "posts") == 0  # a preview writes nothing
    ids = importer(workspace).apply(preview)
    assert len(ids) == 2
    conn = workspace.connection()
    deliveries = conn.execute(
        "SELECT post_id, account_id, state, scheduled_at, time_zone FROM deliveries ORDER BY id"
    ).fetchall()
    assert deliveries == [
        (ids[0], 1, "scheduled", "2026-12-01T07:00:00Z", ZONE),
        (ids[0], 2, "scheduled", "2026-12-01T07:00:00Z", ZONE),
        (ids[1], 3, "draft", None, None),
    ]
    media = conn.execute("SELECT path, alt_text, width, mime_type FROM media").fetchall()
    assert media == [(str(tmp_path / "kuva.png"), "Torttuja pellillä", 60, "image/png")]
    assert conn.execute("SELECT name FROM labels").fetchall() == [("Joulu",)]
    # Each imported text's length and hashtags stored with it, for the metrics view.
    stored = conn.execute("SELECT base_text, text_length, text_hashtags FROM posts").fetchall()
    assert [(length, tags) for _, length, tags in stored] == [text_facts(t) for t, _, _ in stored]


def test_malformed_rows_import_nothing_and_each_problem_names_row_and_column(
    workspace: Workspace, tmp_path: Path
) -> None:
    image(tmp_path, "ok.png")
    source = tmp_path / "plan.csv"
    source.write_text(
        "text,accounts,date,time,media\n"
        "Fine,Arkisto,2026-12-01,09:00,ok.png\n"
        "Bad date,Arkisto,2026-12-32,09:00,\n"
        "Unknown account,Somebody,2026-12-01,09:00,\n"
        f"{'x' * 300},Kahvila X,2026-12-01,09:00,\n"
        "Missing media,Arkisto,2026-12-01,09:00,poissa.jpg\n",
        encoding="utf-8",
    )
    preview = preview_of(workspace, source)
    assert not preview.ok
    assert [(p.row, p.where(), p.code) for p in preview.errors] == [
        (3, "3:C (date)", "csv.bad_date"),
        (4, "4:B (accounts)", "csv.unknown_account"),
        (5, "5:A (text)", "csv.channel"),
        (6, "6:E (media)", "csv.media_missing"),
    ]
    too_long = preview.errors[2].line()
    assert "Kahvila X" in too_long and "300/280" in too_long
    assert "poissa.jpg" in preview.errors[3].line()
    with pytest.raises(ImportRefusedError):
        importer(workspace).apply(preview)
    assert count(workspace, "posts") == count(workspace, "deliveries") == 0


def test_wrong_encoding_names_row_column_and_byte(workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes("teksti;tilit\nHyvää huomenta;Arkisto\n".encode("cp1252"))
    preview = preview_of(workspace, source)
    (found,) = preview.errors
    assert (found.code, found.where()) == ("csv.not_utf8", "2:A")
    assert "byte 16" in found.message() and "Windows-1252" in found.message()
    with pytest.raises(ImportRefusedError):
        importer(workspace).apply(preview)
    assert count(workspace, "posts") == 0
    # Chosen explicitly, Windows-1252 reads (a draft: no date needed).
    source.write_bytes("teksti;tilit;luonnos\nHyvää huomenta;Arkisto;x\n".encode("cp1252"))
    chosen = preview_of(workspace, source, encoding=TextEncoding.CP1252)
    assert chosen.ok and chosen.rows[0].planned.text == "Hyvää huomenta"


def test_warnings_do_not_block_but_errors_anywhere_do(workspace: Workspace, tmp_path: Path) -> None:
    image(tmp_path, "ilman-alt.png")
    source = tmp_path / "m.csv"
    source.write_text(
        "text,accounts,date,time,media\nKuva,mastodon,2026-12-01,09:00,ilman-alt.png\n",
        encoding="utf-8",
    )
    preview = preview_of(workspace, source)
    assert preview.ok and preview.problems  # the missing alt text is a warning
    assert all(p.severity.value == "warning" for p in preview.problems)


def test_an_instance_limit_counts(workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "long.csv"
    source.write_text(
        f"text,accounts,date,time\n{'y' * 900},mastodon,2026-12-01,09:00\n"
        f"{'y' * 1001},mastodon,2026-12-01,09:00\n",
        encoding="utf-8",
    )
    preview = preview_of(workspace, source)
    assert [p.where() for p in preview.errors] == ["3:A (text)"]
    assert preview.rows[0].channels[0].counter == "900/1000"


def test_a_time_that_passed_after_the_preview_is_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    source = tmp_path / "soon.csv"
    source.write_text("text,accounts,date,time\nx,Arkisto,2026-11-01,14:05\n", encoding="utf-8")
    preview = preview_of(workspace, source)
    assert preview.ok
    later = CsvImporter(workspace, now=lambda: datetime(2026, 11, 1, 13, tzinfo=UTC))
    with pytest.raises(ImportRefusedError):
        later.apply(preview)
    assert count(workspace, "posts") == 0


def _snapshot(ws: Workspace) -> list[tuple[object, ...]]:
    conn = ws.connection()
    rows = conn.execute(
        "SELECT COALESCE(d.text_override, p.base_text), a.handle, d.state, d.scheduled_at,"
        " d.time_zone, (SELECT group_concat(path || '=' || alt_text, '|') FROM"
        " (SELECT path, alt_text FROM media m WHERE m.post_id = p.id ORDER BY position)),"
        " (SELECT group_concat(name, ',') FROM (SELECT l.name FROM post_labels pl JOIN labels l"
        " ON l.id = pl.label_id WHERE pl.post_id = p.id ORDER BY l.name))"
        " FROM deliveries d JOIN posts p ON p.id = d.post_id JOIN accounts a ON a.id = d.account_id"
        " WHERE p.deleted_at IS NULL"
    ).fetchall()
    return sorted(rows, key=repr)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_export_re_imports_to_the_same_posts(
    workspace: Workspace, tmp_path: Path, delimiter: str
) -> None:
    photo = image(tmp_path, "photo.png")
    planner = Planner(workspace, now=lambda: NOW)
    at = datetime(2026, 12, 5, 8, 30, tzinfo=UTC)
    from somestudio.domain.posts import MediaItem  # noqa: PLC0415

    planner.schedule_post(
        'Rivi 1\nRivi 2, "lainaus"; ja ä 🎄',
        [1, 2],
        at=at,
        zone=ZONE,
        media=[MediaItem(str(photo), "image/png", "Kuvaus, pilkulla")],
        labels=["Joulu", "Kampanja"],
    )
    planner.schedule_post("New York", [3], at=at, zone="America/New_York")
    from somestudio.app.studio import Studio  # noqa: PLC0415

    studio = Studio(workspace)
    studio.save_draft("Päiväämätön luonnos", [3])
    studio.save_draft("Luonnos ajalla", [1], scheduled_at=at, time_zone=ZONE)
    before = _snapshot(workspace)
    target = tmp_path / "export.csv"
    assert export_csv(workspace, target, delimiter=delimiter) == 4
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")

    (tmp_path / "other").mkdir()
    other = open_workspace(tmp_path / "other")
    try:
        _accounts(other)
        again = CsvImporter(other, now=lambda: NOW)
        preview = again.preview(target, zone="UTC")
        assert preview.errors == ()
        again.apply(preview)
        assert _snapshot(other) == before
    finally:
        other.close()


def test_export_one_account(workspace: Workspace, tmp_path: Path) -> None:
    planner = Planner(workspace, now=lambda: NOW)
    at = datetime(2026, 12, 5, 8, 30, tzinfo=UTC)
    planner.schedule_post("Kaikille", [1, 2, 3], at=at, zone=ZONE)
    planner.schedule_post("Vain X", [1], at=at, zone=ZONE)
    target = tmp_path / "x.csv"
    assert export_csv(workspace, target, account_id=3) == 1
    text = target.read_text(encoding="utf-8-sig")
    assert "Kaikille" in text and "Vain X" not in text and "Arkisto" in text


def test_a_contributors_dated_rows_wait_for_approval(workspace: Workspace, tmp_path: Path) -> None:
    """Issue 17: a contributor's import asks for approval of each dated row (its deliveries
    stay drafts at that time); an undated draft stays a plain draft."""
    from somestudio.app.team import Team  # noqa: PLC0415
    from somestudio.domain.members import ApprovalState, Role  # noqa: PLC0415
    from somestudio.store import members as member_rows  # noqa: PLC0415

    team = Team(workspace)
    team.add_member("Olli", Role.OWNER)
    team.choose_me(team.add_member("Cia", Role.CONTRIBUTOR).id)
    source = tmp_path / "joulukuu.csv"
    source.write_bytes(
        "Teksti;Tilit;Päivä;Aika;Luonnos\r\n"
        "Joulutorttuja tänään!;Arkisto;1.12.2026;9.00;\r\n"
        "Luonnos ilman päivää;Arkisto;;;kyllä\r\n".encode()
    )
    dated, undated = importer(workspace).apply(preview_of(workspace, source))
    conn = workspace.connection()
    states = conn.execute("SELECT post_id, state, scheduled_at FROM deliveries ORDER BY id")
    assert states.fetchall() == [
        (dated, "draft", "2026-12-01T07:00:00Z"),
        (undated, "draft", None),
    ]
    found = member_rows.approval(conn, dated)
    assert found is not None and (found.state, found.requested_by) == (ApprovalState.WAITING, "Cia")
    assert member_rows.approval(conn, undated) is None
