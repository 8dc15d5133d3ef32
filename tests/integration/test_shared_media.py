"""Attached files on a shared PostgreSQL workspace (issue 17, the always-on box): a post with
an image saved on the laptop is shown by another desk's composer and published by the box's
engine, two data folders (two machines) where the laptop's file does not exist; its bytes
come from the workspace (``media_blobs``, once per content hash). A file the workspace does
not hold fails the delivery with its name, never a traceback. A solo SQLite workspace keeps
its files where they are and no bytes in the database."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image

from somestudio.app.composer import Composer
from somestudio.app.csv_import import CsvImporter
from somestudio.app.planning import Planner
from somestudio.app.scheduler import create_engine
from somestudio.app.settings import SettingsStore
from somestudio.app.shared_media import MISSING_KIND, SharedMedia
from somestudio.app.shared_workspace import move_workspace
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Attachment, Draft
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.media import MediaKind
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import Retryable
from somestudio.scheduling.local_archive import METADATA
from somestudio.scheduling.publishers import default_publishers
from somestudio.secrets import SecretStore
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import media_blobs
from somestudio.store.database import transaction
from somestudio.store.engines import make_engine
from somestudio.store.sql import Sql, run
from somestudio.store.workspace_url import WorkspaceUrl
from tests.integration.engine_fakes import FakeClock, ManualAlarms
from tests.networks import support
from tests.networks.support import MemoryCredentials
from tests.postgres_server import PostgresServer

START = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
ZONE = "Europe/Helsinki"
_BLOBS = Sql("SELECT sha256, bytes, byte_size FROM media_blobs ORDER BY sha256")
_HASHES = Sql("SELECT sha256 FROM media ORDER BY id")


@pytest.fixture
def two_desks(
    tmp_path: Path, postgres: PostgresServer, pg_url: WorkspaceUrl, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Workspace, Workspace]]:
    """The laptop and the always-on box: two data folders on one PostgreSQL workspace."""
    monkeypatch.setattr(
        "somestudio.app.shared_workspace.keyring_password", lambda _url: lambda: postgres.password
    )
    # A shared workspace's engine asks this machine's keyring which accounts it serves.
    monkeypatch.setattr("somestudio.app.accounts.secret_store", MemoryCredentials)
    opened = []
    for name in ("laptop", "box"):
        home = tmp_path / name
        home.mkdir()
        SettingsStore(home).update(workspace_url=pg_url.display())
        opened.append(open_workspace(home))
    try:
        yield opened[0], opened[1]
    finally:
        for workspace in opened:
            workspace.close()


def _png(path: Path, colour: str = "orange") -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), colour).save(path, "PNG")
    return path.read_bytes()


def _archive_account(workspace: Workspace, folder: Path) -> int:
    folder.mkdir()
    conn = workspace.writable_connection()
    with transaction(conn):
        return account_rows.add_account(
            conn,
            Network.LOCAL,
            "archive",
            publish_method=PublishMethod.FOLDER,
            options={"folder": str(folder)},
        )


def _save(workspace: Workspace, account: int, text: str, picture: Path) -> int:
    draft = Draft(
        base_text=text,
        account_ids=(account,),
        attachments=(Attachment(str(picture), "An orange square"),),
    )
    post_id = Composer(workspace).save(draft)
    assert post_id is not None
    return post_id


def _publish_on(box: Workspace, post_ids: list[int]) -> list[int]:
    """The box's engine (its own clock and alarms) publishing what is due within a minute,
    with ``post_ids`` scheduled from the box (through the planner's gate, which reads the
    post's media too)."""
    clock = FakeClock(START)
    alarms = ManualAlarms(clock)
    engine = create_engine(
        box, clock=clock, alarms=alarms, publishers=default_publishers(now=clock.now)
    )
    planner = Planner(box, engine, now=clock.now)
    engine.start()
    try:
        due = START + timedelta(seconds=30)
        deliveries = [d for post in post_ids for d in planner.schedule_existing(post, due, ZONE)]
        alarms.advance(60)
    finally:
        engine.shutdown()
    return deliveries


def test_the_box_publishes_a_post_with_an_image_attached_on_the_laptop(
    two_desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    laptop, box = two_desks
    archive = tmp_path / "archive"
    account = _archive_account(laptop, archive)
    picture = tmp_path / "laptop-pictures" / "sunset.png"
    data = _png(picture)
    sha = hashlib.sha256(data).hexdigest()
    first = _save(laptop, account, "Ilta", picture)
    second = _save(laptop, account, "Ilta taas", picture)  # the same file: one blob

    conn = box.store_connection()
    assert [tuple(r) for r in run(conn, _BLOBS).fetchall()] == [(sha, data, len(data))]
    assert [r[0] for r in run(conn, _HASHES).fetchall()] == [sha, sha]

    picture.unlink()  # the laptop is closed: its file is nowhere the box can read
    # The other desk's composer shows it: its own copy, in its data folder.
    loaded = Composer(box).load(first)
    assert loaded is not None
    (attachment,) = loaded.attachments
    copy = Path(attachment.path)
    assert copy == box.home / "media" / "shared" / sha / "sunset.png"
    assert copy.read_bytes() == data
    facts = Composer(box).probe(attachment)
    assert (facts.kind, facts.width, facts.height) == (MediaKind.IMAGE, 64, 48)
    # The calendar's thumbnails too (the copy is written once, then found).
    assert Studio(box).first_images([first, second]) == {first: str(copy), second: str(copy)}

    deliveries = _publish_on(box, [first, second])
    for delivery in deliveries:
        row = delivery_rows.get(box.store_connection(), delivery)
        assert row is not None and row.state is DeliveryState.PUBLISHED, row
    folders = sorted(p for p in archive.iterdir() if not p.name.startswith("."))
    assert len(folders) == 2
    for folder in folders:
        assert (folder / "01-sunset.png").read_bytes() == data
        metadata = json.loads((folder / METADATA).read_text(encoding="utf-8"))
        assert metadata["media"][0]["alt_text"] == "An orange square"


def test_a_file_the_workspace_does_not_hold_fails_the_delivery_with_its_name(
    two_desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    laptop, box = two_desks
    archive = tmp_path / "archive"
    account = _archive_account(laptop, archive)
    picture = tmp_path / "laptop-pictures" / "harbour.png"
    _png(picture, "navy")
    post = _save(laptop, account, "Satama", picture)
    clock = FakeClock(START)
    (delivery,) = Planner(laptop, None, now=clock.now).schedule_existing(
        post, START + timedelta(seconds=30), ZONE
    )
    picture.unlink()
    conn = laptop.writable_connection()
    with transaction(conn):  # e.g. attached before its bytes were kept (an older version)
        run(conn, Sql("DELETE FROM media_blobs"))

    assert _publish_on(box, []) == []
    row = delivery_rows.get(box.store_connection(), delivery)
    assert row is not None and row.state is DeliveryState.FAILED
    reason = str(row.last_error)
    assert "harbour.png" in reason and "not in the shared workspace" in reason
    assert "attach it again" in reason and "Traceback" not in reason
    (attempt,) = delivery_rows.attempts(box.store_connection(), delivery)
    assert attempt.outcome == "final" and attempt.error_kind == MISSING_KIND
    assert not [p for p in archive.iterdir() if not p.name.startswith(".")]


def test_the_attaching_machine_uses_its_own_file_while_it_holds_those_bytes(
    two_desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    laptop, _box = two_desks
    picture = tmp_path / "laptop-pictures" / "sunset.png"
    data = _png(picture)
    sha = hashlib.sha256(data).hexdigest()
    conn = laptop.writable_connection()
    media = SharedMedia(laptop.home, laptop.store_connection, shared=True)
    with transaction(conn):
        assert media.keep(conn, str(picture)) == sha
    assert media.local_path(str(picture), sha) == str(picture)
    _png(picture, "green")  # changed since: the workspace's bytes are what was attached
    copy = Path(media.local_path(str(picture), sha))
    assert copy != picture and copy.read_bytes() == data


def test_a_solo_workspace_keeps_its_files_where_they_are(home: Path, tmp_path: Path) -> None:
    workspace = open_workspace(home)
    try:
        assert not workspace.is_shared
        account = _archive_account(workspace, tmp_path / "archive")
        picture = tmp_path / "pictures" / "sunset.png"
        _png(picture)
        post = _save(workspace, account, "Ilta", picture)
        conn = workspace.store_connection()
        assert run(conn, _BLOBS).fetchall() == []
        assert [r[0] for r in run(conn, _HASHES).fetchall()] == [None]
        loaded = Composer(workspace).load(post)
        assert loaded is not None and loaded.attachments[0].path == str(picture)
        assert not (home / "media" / "shared").exists()
    finally:
        workspace.close()


def test_a_file_too_big_for_the_workspace_stays_where_it_was_attached(
    two_desks: tuple[Workspace, Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, _box = two_desks
    picture = tmp_path / "laptop-pictures" / "sunset.png"
    data = _png(picture)
    monkeypatch.setattr("somestudio.app.shared_media.MAX_SHARED_BYTES", len(data) - 1)
    conn = laptop.writable_connection()
    media = SharedMedia(laptop.home, laptop.store_connection, shared=True)
    with transaction(conn):
        assert media.keep(conn, str(picture)) is None
    assert run(laptop.store_connection(), _BLOBS).fetchall() == []


def test_a_spreadsheet_import_keeps_its_images_in_the_workspace(
    two_desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    laptop, box = two_desks
    _archive_account(laptop, tmp_path / "archive")
    data = _png(tmp_path / "sheet" / "kuva.png")
    source = tmp_path / "sheet" / "plan.csv"
    source.write_text(
        "text,accounts,date,time,media\nKuva,archive,2026-12-01,09:00,kuva.png\n", "utf-8"
    )
    importer = CsvImporter(laptop, now=lambda: START)
    preview = importer.preview(source, zone=ZONE)
    assert preview.ok, preview.errors
    (post,) = importer.apply(preview)
    sha = hashlib.sha256(data).hexdigest()
    assert [tuple(r) for r in run(box.store_connection(), _BLOBS).fetchall()] == [
        (sha, data, len(data))
    ]
    (tmp_path / "sheet" / "kuva.png").unlink()
    loaded = Composer(box).load(post)
    assert loaded is not None and Path(loaded.attachments[0].path).read_bytes() == data


def test_a_copy_that_cannot_be_written_here_is_a_retry(
    two_desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    laptop, box = two_desks
    picture = tmp_path / "laptop-pictures" / "sunset.png"
    _png(picture)
    conn = laptop.writable_connection()
    with transaction(conn):
        sha = SharedMedia(laptop.home, laptop.store_connection, shared=True).keep(
            conn, str(picture)
        )
    picture.unlink()
    (box.home / "media").mkdir()
    (box.home / "media" / "shared").write_bytes(b"")  # in the way of the copies' folder
    media = SharedMedia(box.home, box.store_connection, shared=True)
    item = MediaItem(str(picture), sha256=sha)
    outgoing = support.delivery(support.account(Network.LOCAL), media=[item])
    with pytest.raises(Retryable) as caught:
        media.localize(outgoing)
    assert "sunset.png" in caught.value.reason and "could not be copied" in caught.value.reason
    # Where it is shown (a thumbnail, the composer), the stored path stands, read as missing.
    assert media.readable_path(str(picture), sha) == str(picture)


def test_a_workspace_moved_back_to_sqlite_reads_missing_files_from_its_blobs(
    home: Path, tmp_path: Path
) -> None:
    """``workspace move --to sqlite:PATH`` copies ``media_blobs`` and the hashes as they are:
    the SQLite workspace reads a file that is not on this computer from its blob."""
    workspace = open_workspace(home)
    try:
        data = _png(tmp_path / "elsewhere" / "sunset.png")
        sha = hashlib.sha256(data).hexdigest()
        conn = workspace.writable_connection()
        with transaction(conn):
            media_blobs.put(conn, sha, data, "2026-11-21T08:00:00Z")
        (tmp_path / "elsewhere" / "sunset.png").unlink()
        media = SharedMedia(workspace.home, workspace.store_connection, shared=False)
        copy = Path(media.local_path(str(tmp_path / "elsewhere" / "sunset.png"), sha))
        assert copy.parent.parent == home / "media" / "shared" and copy.read_bytes() == data
        with transaction(conn):  # a solo save keeps nothing
            assert media.keep(conn, str(copy)) is None
    finally:
        workspace.close()


def test_a_link_cards_picture_goes_along_or_the_card_goes_without_it(
    two_desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    laptop, box = two_desks
    account = _archive_account(laptop, tmp_path / "archive")
    thumb = laptop.home / "media" / "card-kahvila.png"  # where the laptop kept the picture
    data = _png(thumb, "brown")
    card = LinkCard("https://kahvila.example/", "Kahvila", thumb_path=str(thumb))
    draft = Draft(base_text="Uusi sivu https://kahvila.example/", account_ids=(account,))
    post = Composer(laptop).save(dataclasses.replace(draft, link_card=card))
    assert post is not None
    thumb.unlink()  # on the laptop only
    copied = Composer(box).load(post)  # the box shows the card with its own copy
    assert copied is not None and copied.link_card is not None
    assert Path(copied.link_card.thumb_path).read_bytes() == data
    assert Path(copied.link_card.thumb_path).parent.parent == box.home / "media" / "shared"

    media = SharedMedia(box.home, box.store_connection, shared=True)
    planner = Planner(box, None, now=FakeClock(START).now)
    (delivery,) = planner.schedule_existing(post, START + timedelta(seconds=30), ZONE)
    outgoing = delivery_rows.load_outgoing(box.store_connection(), delivery)
    assert outgoing is not None and outgoing.link_card is not None
    sent = media.localize(outgoing)
    assert sent.link_card is not None
    assert Path(sent.link_card.thumb_path).read_bytes() == data
    conn = laptop.writable_connection()
    with transaction(conn):
        run(conn, Sql("DELETE FROM media_blobs"))
    shutil.rmtree(box.home / "media" / "shared")
    without = media.localize(outgoing)  # nowhere to be had: the card goes without a picture
    assert without.link_card is not None and without.link_card.thumb_path == ""


@pytest.fixture
def keyring(keyring_store: SecretStore, monkeypatch: pytest.MonkeyPatch) -> SecretStore:
    monkeypatch.setattr("somestudio.app.accounts._store", keyring_store)
    return keyring_store


def test_a_move_into_postgresql_takes_attached_files_and_card_pictures_along(
    home: Path, tmp_path: Path, keyring: SecretStore, postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    workspace = open_workspace(home)
    try:
        account = _archive_account(workspace, tmp_path / "archive")
        picture = tmp_path / "pictures" / "sunset.png"
        data = _png(picture)
        thumb = home / "media" / "card.png"
        card_data = _png(thumb, "brown")
        draft = Draft(
            base_text="Ilta https://kahvila.example/",
            account_ids=(account,),
            attachments=(Attachment(str(picture)), Attachment(str(tmp_path / "gone.png"))),
            link_card=LinkCard("https://kahvila.example/", thumb_path=str(thumb)),
        )
        assert Composer(workspace).save(draft) is not None
    finally:
        workspace.close()

    moved = move_workspace(pg_url.display(), home, postgres.password)
    assert moved.media_files == 2 and moved.media_not_found == (str(tmp_path / "gone.png"),)
    engine = make_engine(pg_url, lambda: postgres.password)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT sha256, bytes FROM media_blobs")).all()
        blobs = {str(r[0]): bytes(r[1]) for r in rows}
        hashes = conn.execute(sa.text("SELECT sha256 FROM media ORDER BY position")).all()
        card = conn.execute(sa.text("SELECT thumb_sha256 FROM link_cards")).scalar_one()
    engine.dispose()
    sha = hashlib.sha256(data).hexdigest()
    card_sha = hashlib.sha256(card_data).hexdigest()
    assert blobs == {sha: data, card_sha: card_data}
    assert [r[0] for r in hashes] == [sha, None]  # a file not found here keeps its row as it was
    assert card == card_sha
