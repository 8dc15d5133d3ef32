"""Four months of published posts and numbers before the demo month, so the metrics view
has periods to compare, lifetimes to draw and patterns for insights to find: posts with
an image and posts at 18:00 do better in the sample data (as they often do for a café).

Only accounts that publish through an API have numbers, and only those their network
reports (no views on Mastodon); a post's counts grow fast in its first hours, then flatten,
and no snapshot is later than the demo's now."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.demo_texts import DEMO_ALT_TEXTS, demo_image, demo_text
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import DESCRIPTORS
from somestudio.domain.posts import MediaItem
from somestudio.store import demo_rows, metric_writes
from somestudio.store import posts as post_rows
from somestudio.store.sql import Conn

FIRST_DAY, LAST_DAY = 130, 4  # days before today (then the sign-in was removed)
PER_ACCOUNT = 120
_TIMES = (time(8, 30), time(11, 0), time(14, 15), time(18, 0))
# What each network reports, from its descriptor.
_VIEWS = frozenset(n for n, d in DESCRIPTORS.items() if "views" in d.metrics)
_QUOTES = frozenset(n for n, d in DESCRIPTORS.items() if "quotes" in d.metrics)
_LIFETIME_HOURS = (0.25, 1, 3, 6, 12, 24, 48, 96, 168)
_HALF_LIFE_HOURS = 4.0  # half of a post's likes come in its first four hours


def add_metric_history(
    conn: Conn,
    rng: random.Random,
    accounts: list[tuple[int, Network]],
    *,
    now: datetime,
    zone: ZoneInfo,
    media_folder: Path,
) -> None:
    today = now.date()
    for account_id, network in accounts:
        for i in range(PER_ACCOUNT):
            day = today - timedelta(days=FIRST_DAY - (i * (FIRST_DAY - LAST_DAY)) // PER_ACCOUNT)
            at = _TIMES[rng.randrange(len(_TIMES))]
            when = datetime.combine(day, at, zone).astimezone(UTC)
            with_image = rng.random() < 0.45
            _post(
                conn,
                rng,
                account_id,
                network,
                when=when,
                now=now,
                zone=zone,
                with_image=with_image,
                media_folder=media_folder,
            )
        _earlier_followers(conn, rng, account_id, today)


def _post(
    conn: Conn,
    rng: random.Random,
    account_id: int,
    network: Network,
    *,
    when: datetime,
    now: datetime,
    zone: ZoneInfo,
    with_image: bool,
    media_folder: Path,
) -> None:
    day = when.astimezone(zone).date()
    index = rng.randrange(1000)
    text = demo_text(day, index)
    media = []
    if with_image:
        image = demo_image(day, index)
        media.append(MediaItem(str(media_folder / image), "image/jpeg", DEMO_ALT_TEXTS[image]))
    post_id = post_rows.create_post(conn, text, media=media)
    delivery_id = post_rows.add_delivery(
        conn,
        post_id,
        account_id,
        scheduled_at=when,
        time_zone=str(getattr(when.tzinfo, "key", "UTC")),
        state=DeliveryState.PUBLISHED,
    )
    demo_rows.published(conn, delivery_id, when, f"demo-{delivery_id}")
    reach = rng.lognormvariate(3.0, 0.4) * 32  # views: how many saw it
    final = rng.lognormvariate(3.0, 0.45)  # how many engaged
    if with_image:
        final *= 2.0
    if when.astimezone(zone).hour == 18:
        final *= 1.8
    add_lifetime(conn, delivery_id, network, when=when, now=now, engaged=final, reach=reach)


def add_lifetime(
    conn: Conn,
    delivery_id: int,
    network: Network,
    *,
    when: datetime,
    now: datetime | None,
    engaged: float,
    reach: float,
) -> None:
    """The snapshots of a post published at ``when`` that were fetched by ``now``: counts
    that never fall, most of them in the first hours."""
    for hours in _LIFETIME_HOURS:
        at = when + timedelta(hours=hours)
        if now is not None and at > now:
            break
        share = 1 - 0.5 ** (hours / _HALF_LIFE_HOURS)
        likes = int(engaged * share)
        counts = PostCounts(
            likes=likes,
            reposts=likes // 6,
            replies=likes // 9,
            quotes=likes // 30 if network in _QUOTES else None,
            views=int(reach * share) if network in _VIEWS else None,
        )
        metric_writes.add_post_snapshot(conn, delivery_id, at, counts)


def _earlier_followers(conn: Conn, rng: random.Random, account_id: int, today: date) -> None:
    found = demo_rows.first_followers(conn, account_id)
    if found is None:
        return
    first, followers = found
    moment = first - timedelta(days=3)
    while moment.date() >= today - timedelta(days=FIRST_DAY + 10):
        followers = max(0, followers - rng.randint(0, 9))
        metric_writes.add_account_snapshot(
            conn, account_id, moment, AccountCounts(followers, rng.randint(80, 400), None)
        )
        moment -= timedelta(days=3)
