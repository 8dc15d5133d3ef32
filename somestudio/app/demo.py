"""A realistic month of sample data so a newcomer sees a living calendar at once."""

from __future__ import annotations

import random
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.demo_metrics import add_metric_history
from somestudio.app.demo_texts import DEMO_ALT_TEXTS, DEMO_IMAGES, DEMO_TEXTS
from somestudio.app.workspace import open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import MediaItem
from somestudio.domain.utc import utc_text
from somestudio.store import accounts as account_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction

DEMO_ZONE = "Europe/Helsinki"
_SLOTS = (time(8, 30), time(11, 0), time(14, 15), time(18, 0))


@dataclass(frozen=True, slots=True)
class _DemoAccount:
    network: Network
    handle: str
    name: str
    method: PublishMethod
    instance: str = ""


_ACCOUNTS = (
    _DemoAccount(Network.LOCAL, "arkisto", "Kahvila Aurinko – arkisto", PublishMethod.FOLDER),
    _DemoAccount(
        Network.MASTODON,
        "@aurinko",
        "Kahvila Aurinko",
        PublishMethod.MANUAL,
        "https://mastodon.example",
    ),
    _DemoAccount(Network.BLUESKY, "aurinko.example", "Kahvila Aurinko", PublishMethod.MANUAL),
    _DemoAccount(Network.INSTAGRAM, "kahvila.aurinko", "kahvila.aurinko", PublishMethod.MANUAL),
    _DemoAccount(
        Network.LINKEDIN, "kahvila-aurinko-oy", "Kahvila Aurinko Oy", PublishMethod.MANUAL
    ),
    _DemoAccount(Network.X, "KahvilaAurinko", "@KahvilaAurinko", PublishMethod.MANUAL),
)


def build_demo_home(
    home: Path, *, post_count: int | None = None, today: date | None = None
) -> None:
    """Fill an empty data folder: accounts, a month of posts in every state, metrics, media.

    ``post_count`` makes a larger set (spread over two years) for benchmarks.
    """
    rng = random.Random(2026)  # noqa: S311 - repeatable sample data, not security
    zone = ZoneInfo(DEMO_ZONE)
    now = datetime.now(zone) if today is None else datetime.combine(today, time(12), zone)
    day0 = now.date()
    media_folder = home / "media"
    media_folder.mkdir(exist_ok=True)
    source = resources.files("somestudio.app") / "demo_media"
    for name in DEMO_IMAGES:
        with resources.as_file(source / name) as src:
            shutil.copyfile(src, media_folder / name)
    (home / "archive").mkdir(exist_ok=True)  # where the Local archive account publishes
    workspace = open_workspace(home)
    workspace.settings.update(local_archive_folder=str(home / "archive"))
    conn = workspace.writable_connection()
    try:
        with transaction(conn):
            ids = [
                account_rows.add_account(
                    conn,
                    a.network,
                    a.handle,
                    display_name=a.name,
                    publish_method=a.method,
                    instance_url=a.instance,
                    options={"folder": str(home / "archive")} if a.network is Network.LOCAL else {},
                )
                for a in _ACCOUNTS
            ]
            count = post_count or 48
            span_days = 35 if post_count is None else max(35, post_count // 14)
            for i in range(count):
                offset = -span_days // 2 + (i * span_days) // count
                _add_post(
                    conn,
                    rng=rng,
                    index=i,
                    day=day0 + timedelta(days=offset),
                    now=now,
                    account_ids=ids,
                    media_folder=media_folder,
                )
            _add_account_history(conn, rng, ids, day0)
            if post_count is None:
                add_metric_history(
                    conn,
                    rng,
                    [(i, a.network) for i, a in zip(ids, _ACCOUNTS, strict=True)],
                    today=day0,
                    zone=zone,
                    media_folder=media_folder,
                )
            if today is None:
                _add_soon(conn, now, archive=ids[0], by_hand=ids[3])
    finally:
        workspace.close()


SOON_TEXTS = (
    "Kokeile! Tämä julkaisu lähtee paikalliseen arkistoon kahden minuutin päästä avaamisesta. "
    "Try it: this post goes to the Local archive two minutes after you opened the demo. ✨",
    "Julkaise käsin: neljän minuutin päästä saat muistutuksen, ja Julkaise käsin -listasta "
    "kopioit tekstin. Publish by hand: in four minutes you get a reminder; copy the text from "
    "the Publish by hand list. 📋",
)


def _add_soon(conn: sqlite3.Connection, now: datetime, *, archive: int, by_hand: int) -> None:
    """Two posts due minutes after the demo opens, so a newcomer sees them really go out."""
    start = now.replace(second=0, microsecond=0)
    for minutes, account_id, text in ((2, archive, SOON_TEXTS[0]), (4, by_hand, SOON_TEXTS[1])):
        post_id = post_rows.create_post(conn, text, labels=["Demo"])
        post_rows.add_delivery(
            conn,
            post_id,
            account_id,
            scheduled_at=(start + timedelta(minutes=minutes)).astimezone(UTC),
            time_zone=DEMO_ZONE,
            state=DeliveryState.SCHEDULED,
        )


def _add_post(
    conn: sqlite3.Connection,
    *,
    rng: random.Random,
    index: int,
    day: date,
    now: datetime,
    account_ids: list[int],
    media_folder: Path,
) -> None:
    text = DEMO_TEXTS[index % len(DEMO_TEXTS)]
    media: list[MediaItem] = []
    if index % 3 == 0:
        image = DEMO_IMAGES[index % len(DEMO_IMAGES)]
        media.append(MediaItem(str(media_folder / image), "image/jpeg", DEMO_ALT_TEXTS[image]))
    labels = ["Kevät 2027"] if index % 4 == 0 else (["Tapahtumat"] if index % 7 == 0 else [])
    post_id = post_rows.create_post(conn, text, media=media, labels=labels)
    zone = now.tzinfo
    assert isinstance(zone, ZoneInfo)
    local = datetime.combine(day, _SLOTS[index % len(_SLOTS)], tzinfo=zone)
    when = local.astimezone(UTC)
    targets = rng.sample(account_ids, k=1 + index % 3)
    for account_id in targets:
        state = _state_for(index, when < now, account_id == account_ids[0])
        delivery_id = post_rows.add_delivery(
            conn, post_id, account_id, scheduled_at=when, time_zone=str(zone.key), state=state
        )
        if state is DeliveryState.PUBLISHED:
            _publish(conn, rng, delivery_id, when)
        elif state.wants_user:
            # Failed and held posts count in the badge; the missed ones were already decided
            # on, so a newcomer's first sight is the calendar, not a dialog.
            conn.execute(
                "UPDATE deliveries SET seen_by_user = ?, last_error = ? WHERE id = ?",
                (int(state is DeliveryState.MISSED), _ERRORS[state], delivery_id),
            )
            network = _ACCOUNTS[account_ids.index(account_id)].network
            _add_attempts(conn, delivery_id, state, when, network.display_name)


_ERRORS = {
    DeliveryState.FAILED: "The network refused the post: text too long for this channel.",
    DeliveryState.NEEDS_ATTENTION: "No answer from the network after sending; check the post.",
    DeliveryState.MISSED: "The computer was off at the scheduled time.",
}


def _add_attempts(
    conn: sqlite3.Connection,
    delivery_id: int,
    state: DeliveryState,
    when: datetime,
    network: str,
) -> None:
    """The tries that led to a failed or held post, as the engine would have logged them."""
    tries: list[tuple[int, str, str, str, int | None]] = []  # seconds after, outcome, ...
    if state is DeliveryState.FAILED:
        tries = [
            (1, "retryable", "server", f"{network} is unavailable for now (HTTP 503)", 503),
            (62, "final", "validation", _ERRORS[state], 422),
        ]
    elif state is DeliveryState.NEEDS_ATTENTION:
        tries = [(31, "unknown", "unknown", _ERRORS[state], None)]
    for seconds, outcome, kind, message, status in tries:
        at = utc_text(when + timedelta(seconds=seconds))
        conn.execute(
            "INSERT INTO attempts (delivery_id, started_at, finished_at, outcome, error_kind,"
            " message, http_status) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (delivery_id, at, at, outcome, kind, message, status),
        )


def _state_for(index: int, past: bool, is_archive: bool) -> DeliveryState:
    if past:
        if index % 17 == 5 and not is_archive:
            return DeliveryState.FAILED
        if index % 19 == 7:
            return DeliveryState.MISSED
        if index % 23 == 11 and not is_archive:
            return DeliveryState.NEEDS_ATTENTION
        return DeliveryState.PUBLISHED
    return DeliveryState.DRAFT if index % 6 == 1 else DeliveryState.SCHEDULED


def _publish(
    conn: sqlite3.Connection, rng: random.Random, delivery_id: int, when: datetime
) -> None:
    conn.execute(
        "UPDATE deliveries SET published_at = ?, remote_id = ?, attempt_count = 1 WHERE id = ?",
        (utc_text(when), f"demo-{delivery_id}", delivery_id),
    )
    conn.execute(
        "INSERT INTO attempts (delivery_id, started_at, finished_at, outcome) VALUES (?, ?, ?, ?)",
        (delivery_id, utc_text(when), utc_text(when + timedelta(seconds=1)), "published"),
    )
    likes = rng.randint(3, 60)
    for hours in (1, 6, 24, 72):
        grow = min(1.0, hours / 24)
        conn.execute(
            "INSERT INTO metric_snapshots (delivery_id, fetched_at, likes, reposts, replies,"
            " views, source) VALUES (?, ?, ?, ?, ?, ?, 'api')",
            (
                delivery_id,
                utc_text(when + timedelta(hours=hours)),
                int(likes * grow),
                int(likes * grow / 6),
                int(likes * grow / 9),
                int(likes * grow * 31),
            ),
        )


def _add_account_history(
    conn: sqlite3.Connection, rng: random.Random, account_ids: list[int], today: date
) -> None:
    for account_id in account_ids[1:]:
        followers = rng.randint(150, 2400)
        for back in range(60, -1, -3):
            followers += rng.randint(-2, 12)
            moment = datetime.combine(today - timedelta(days=back), time(6), tzinfo=UTC)
            conn.execute(
                "INSERT INTO account_snapshots (account_id, fetched_at, followers, following,"
                " posts_count, source) VALUES (?, ?, ?, ?, ?, 'api')",
                (account_id, utc_text(moment), followers, rng.randint(80, 400), 300 - back),
            )
