"""A December of the plan for the review pack tests, in Helsinki: posts inside the month and
week 49, and posts just outside them (a minute before, a minute after — one of them inside
December in UTC but in January in Helsinki), on X, Mastodon and Bluesky; a variant too long
for X, a Bluesky thread, a picture, and text that tries to be HTML."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image

from somestudio.app.composer import Composer
from somestudio.app.planning import Planner
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.drafts import Attachment
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
HOSTILE = '<script>alert("x")</script> & <img src=https://evil.example/p.png> Joulu'
THREAD = ("Ketjun eka osa 🧵", "Ketjun toka osa", "Ketjun kolmas osa")
X_TOO_LONG = "Liian pitkä X:lle. " + "a" * 300
FOLDED = "Joulun aukioloajat. " + "Tervetuloa kahville ja pullalle! " * 12 + "LOPPU"


@dataclass(frozen=True)
class Plan:
    studio: Studio
    x: int
    mastodon: int
    bluesky: int
    linkedin: int
    hostile: int  # 7.12. 10.00, X and Mastodon, X has a variant too long for it (a draft)
    thread: int  # 3.12. 18.30, Bluesky as a thread, with a picture (scheduled)
    folded: int  # 15.12. 12.00, LinkedIn, folded behind "see more" (scheduled)
    last_minute: int  # 31.12. 23.59 Helsinki: inside December
    before: int  # 30.11. 23.59 Helsinki: outside December, inside week 49
    after: int  # 1.1.2027 00.30 Helsinki (31.12. 22.30 UTC): outside December


def local(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HELSINKI)


def make_plan(workspace: Workspace, pictures: Path) -> Plan:
    conn = workspace.writable_connection()
    with transaction(conn):
        x = account_rows.add_account(conn, Network.X, "@kahvila", display_name="Kahvila")
        mastodon = account_rows.add_account(
            conn,
            Network.MASTODON,
            "kahvila",
            display_name="Kahvila",
            instance_url="https://mastodon.example",
        )
        bluesky = account_rows.add_account(conn, Network.BLUESKY, "kahvila.bsky.social")
        linkedin = account_rows.add_account(
            conn, Network.LINKEDIN, "kahvila", display_name="Kahvila Oy"
        )
    studio = Studio(workspace)
    planner = Planner(workspace, now=lambda: NOW)
    composer = Composer(workspace)
    zone = HELSINKI.key

    hostile = studio.save_draft(HOSTILE, [x, mastodon], scheduled_at=local(2026, 12, 7, 10, 0),
                                time_zone=zone)  # fmt: skip
    draft = composer.load(hostile)
    assert draft is not None
    from dataclasses import replace  # noqa: PLC0415

    composer.save(replace(draft, variants={x: X_TOO_LONG}))

    picture = pictures / "pulla.png"
    Image.new("RGB", (1600, 900), (200, 120, 40)).save(picture)
    thread = studio.save_draft(THREAD[0], [bluesky], scheduled_at=local(2026, 12, 3, 18, 30),
                               time_zone=zone)  # fmt: skip
    draft = composer.load(thread)
    assert draft is not None
    composer.save(
        replace(
            draft,
            threads={bluesky: THREAD},
            attachments=(Attachment(str(picture), "Pulla uunipellillä"),),
        )
    )
    folded = planner.schedule_post(FOLDED, [linkedin], at=local(2026, 12, 15, 12, 0), zone=zone)
    last_minute = planner.schedule_post(
        "Vuoden viimeinen minuutti", [mastodon], at=local(2026, 12, 31, 23, 59), zone=zone
    )
    before = planner.schedule_post(
        "Marraskuun viimeinen", [mastodon], at=local(2026, 11, 30, 23, 59), zone=zone
    )
    after = planner.schedule_post(
        "Uuden vuoden eka", [mastodon], at=local(2027, 1, 1, 0, 30), zone=zone
    )
    return Plan(
        studio, x, mastodon, bluesky, linkedin, hostile, thread, folded, last_minute, before, after
    )
