"""A realistic month of sample data so a newcomer sees a living calendar at once."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.demo_metrics import add_lifetime, add_metric_history
from somestudio.app.demo_texts import DEMO_ALT_TEXTS, DEMO_IMAGES, demo_image, demo_text
from somestudio.app.planning import SLOTS_OPTION
from somestudio.app.workspace import open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.metrics import AccountCounts
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import not_connected_reason
from somestudio.scheduling.manual import WAITING_REASON
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import demo_rows, metric_writes
from somestudio.store import posts as post_rows
from somestudio.store.sql import Conn, write

DEMO_ZONE = "Europe/Helsinki"
_SLOTS = (time(8, 30), time(11, 0), time(14, 15), time(18, 0))


@dataclass(frozen=True, slots=True)
class _DemoAccount:
    network: Network
    handle: str
    name: str
    method: PublishMethod
    instance: str = ""
    slots: str = ""  # posting slots, so "Add to queue" has somewhere to put a post


# The Mastodon account publishes through its API: its numbers came from there while it was
# connected. A demo stores no sign-in, so its last posts failed saying just that; its
# instance is a reserved ``.example`` name, so nothing is ever fetched from it.
_ACCOUNTS = (
    _DemoAccount(
        Network.LOCAL,
        "arkisto",
        "Kahvila Aurinko – arkisto",
        PublishMethod.FOLDER,
        slots="Mon, Tue, Wed, Thu, Fri 08:30",
    ),
    _DemoAccount(
        Network.MASTODON,
        "@aurinko",
        "Kahvila Aurinko",
        PublishMethod.API,
        "https://mastodon.example",
        slots="Mon, Wed, Fri 08:30; Tue, Thu 14:15",
    ),
    _DemoAccount(
        Network.BLUESKY,
        "aurinko.example",
        "Kahvila Aurinko",
        PublishMethod.MANUAL,
        slots="Mon, Wed, Fri 11:00",
    ),
    _DemoAccount(
        Network.INSTAGRAM,
        "kahvila.aurinko",
        "kahvila.aurinko",
        PublishMethod.MANUAL,
        slots="Tue, Thu 18:00; Sat 11:00",
    ),
    _DemoAccount(
        Network.LINKEDIN,
        "kahvila-aurinko-oy",
        "Kahvila Aurinko Oy",
        PublishMethod.MANUAL,
        slots="Tue 08:30",
    ),
    _DemoAccount(
        Network.X,
        "KahvilaAurinko",
        "@KahvilaAurinko",
        PublishMethod.MANUAL,
        slots="Mon, Tue, Wed, Thu, Fri 11:00",
    ),
)


# The accounts whose inbox the demo shows beside Mastodon's: connected through each
# network's own connection before (no sign-in is stored now), added after the month's posts
# so those stay as they are, each sharing a few of the recent posts. Their addresses are
# reserved names: nothing is ever read from or sent to them.
_INBOX_ACCOUNTS = (
    _DemoAccount(
        Network.BLUESKY,
        "tapahtumat.aurinko.example",
        "Aurinko – tapahtumat",
        PublishMethod.API,
        "https://bsky.example",
        slots="Sat 10:00",
    ),
    _DemoAccount(
        Network.THREADS,
        "kahvila.aurinko",
        "Kahvila Aurinko",
        PublishMethod.API,
        "https://threads.example",
        slots="Wed 12:00",
    ),
    _DemoAccount(
        Network.FACEBOOK,
        "Kahvila Aurinko",
        "Kahvila Aurinko",
        PublishMethod.API,
        "https://facebook.example",
        slots="Fri 15:00",
    ),
)


def build_demo_home(
    home: Path,
    *,
    post_count: int | None = None,
    today: date | None = None,
    zone_name: str = DEMO_ZONE,
    now: datetime | None = None,
) -> None:
    """Fill an empty data folder: accounts, a month of posts in every state, metrics, media.

    ``today`` is the demo's date (its "now" is noon there); without it the demo is live:
    now is now (``now``, aware, when given: a test's clock), and two posts go out minutes
    after it opens. ``post_count`` makes a larger set (spread over two years) for
    benchmarks. ``zone_name``: where the café is, its posts at their wall times there (the
    app gives the user's own zone: in Chicago, the Finnish café's 10.00 posts showed at
    3:00 AM).
    """
    rng = random.Random(2026)  # noqa: S311 - repeatable sample data, not security
    zone = ZoneInfo(zone_name)
    if today is not None:
        now = datetime.combine(today, time(12), zone)
    else:
        now = (now or datetime.now(zone)).astimezone(zone)
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
        with write(conn):
            fill_demo(conn, rng, home=home, now=now, post_count=post_count, live=today is None)
    finally:
        workspace.close()


def fill_demo(
    conn: Conn,
    rng: random.Random,
    *,
    home: Path,
    now: datetime,
    post_count: int | None = None,
    live: bool = False,
) -> None:
    """The demo's rows, in the caller's transaction (``build_demo_home``). ``home`` holds
    its media; ``live`` adds the two posts due minutes after it opens."""
    zone = now.tzinfo
    assert isinstance(zone, ZoneInfo)
    day0 = now.date()
    media_folder = home / "media"
    accounts = [_add_account(conn, a, home, zone.key) for a in _ACCOUNTS]
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
            accounts=accounts,
            media_folder=media_folder,
        )
    _add_account_history(conn, rng, accounts, now)
    if post_count is None:
        add_metric_history(
            conn,
            rng,
            [(i, a.network) for i, a in accounts if a.method is PublishMethod.API],
            now=now,
            zone=zone,
            media_folder=media_folder,
        )
    if post_count is None:
        from somestudio.app.demo_collabs import add_demo_collabs  # noqa: PLC0415
        from somestudio.app.demo_goals import add_demo_goals  # noqa: PLC0415
        from somestudio.app.demo_inbox import (  # noqa: PLC0415
            add_demo_inbox,
            add_demo_saved_replies,
        )

        add_demo_goals(
            conn,
            mastodon=accounts[1][0],
            bluesky=accounts[2][0],
            now=now,
            today=day0,
        )
        add_demo_collabs(conn, now)
        add_demo_saved_replies(conn, now)
        talking = accounts + [_add_account(conn, a, home, zone.key) for a in _INBOX_ACCOUNTS]
        for n, (account_id, _account) in enumerate(talking[len(accounts) :]):
            _share_recent(conn, account_id, source=accounts[1][0], now=now, skip=n)
        add_demo_inbox(
            conn,
            rng,
            [(i, a.network) for i, a in talking if a.method is PublishMethod.API],
            now,
        )
    if live:
        _add_soon(conn, now, archive=accounts[0][0], by_hand=accounts[3][0])


def _share_recent(conn: Conn, account_id: int, *, source: int, now: datetime, skip: int) -> None:
    """Some of ``source``'s recent posts went out on the account too, minutes later (every
    ``skip``-th left out, so each account shares a different few)."""
    for n, (post_id, at) in enumerate(demo_rows.recent_published_posts(conn, source, now, 10)):
        if n % 4 == skip % 4:
            continue
        when = at + timedelta(minutes=2 + n)
        delivery_id = post_rows.add_delivery(
            conn,
            post_id,
            account_id,
            scheduled_at=when,
            time_zone=_zone_name(now),
            state=DeliveryState.PUBLISHED,
        )
        demo_rows.published(conn, delivery_id, when, f"demo-{delivery_id}")
        delivery_rows.append_attempt(
            conn, delivery_id, started_at=when, finished_at=when + timedelta(seconds=1),
            outcome="published",
        )  # fmt: skip


def _zone_name(now: datetime) -> str:
    zone = now.tzinfo
    assert isinstance(zone, ZoneInfo)
    return zone.key


def _add_account(
    conn: Conn, account: _DemoAccount, home: Path, zone: str
) -> tuple[int, _DemoAccount]:
    options: dict[str, object] = {}
    if account.network is Network.LOCAL:
        options["folder"] = str(home / "archive")
    if account.network is not Network.MASTODON and account.instance:
        options["api_base_url"] = account.instance  # a reserved name: never asked
    if account.slots:
        options[SLOTS_OPTION] = {"slots": account.slots, "zone": zone}
    account_id = account_rows.add_account(
        conn,
        account.network,
        account.handle,
        display_name=account.name,
        publish_method=account.method,
        instance_url=account.instance,
        options=options,
    )
    return account_id, account


SOON_TEXTS = (
    "Kokeile! Tämä julkaisu lähtee paikalliseen arkistoon kahden minuutin päästä avaamisesta. "
    "Try it: this post goes to the Local archive two minutes after you opened the demo. ✨",
    "Julkaise käsin: neljän minuutin päästä saat muistutuksen, ja Julkaise käsin -listasta "
    "kopioit tekstin. Publish by hand: in four minutes you get a reminder; copy the text from "
    "the Publish by hand list. 📋",
)


def _add_soon(conn: Conn, now: datetime, *, archive: int, by_hand: int) -> None:
    """Two posts due minutes after the demo opens, so a newcomer sees them really go out."""
    start = now.replace(second=0, microsecond=0)
    for minutes, account_id, text in ((2, archive, SOON_TEXTS[0]), (4, by_hand, SOON_TEXTS[1])):
        post_id = post_rows.create_post(conn, text, labels=["Demo"])
        post_rows.add_delivery(
            conn,
            post_id,
            account_id,
            scheduled_at=(start + timedelta(minutes=minutes)).astimezone(UTC),
            time_zone=_zone_name(now),
            state=DeliveryState.SCHEDULED,
        )


def _add_post(
    conn: Conn,
    *,
    rng: random.Random,
    index: int,
    day: date,
    now: datetime,
    accounts: list[tuple[int, _DemoAccount]],
    media_folder: Path,
) -> None:
    text = demo_text(day, index)
    media: list[MediaItem] = []
    if index % 3 == 0:
        image = demo_image(day, index)
        media.append(MediaItem(str(media_folder / image), "image/jpeg", DEMO_ALT_TEXTS[image]))
    labels: list[str] = []
    if index % 4 == 0:
        labels.append(CAMPAIGN_LABELS[day.month])
    elif index % 7 == 0:
        labels.append("Tapahtumat")
    post_id = post_rows.create_post(conn, text, media=media, labels=labels)
    zone = now.tzinfo
    assert isinstance(zone, ZoneInfo)
    local = datetime.combine(day, _SLOTS[index % len(_SLOTS)], tzinfo=zone)
    when = local.astimezone(UTC)
    past = when < now
    # Future posts go only where they can go out: the API account has no sign-in stored.
    candidates = accounts if past else [a for a in accounts if a[1].method is not PublishMethod.API]
    targets = rng.sample(candidates, k=1 + index % 3)
    api = next(a for a in accounts if a[1].method is PublishMethod.API)
    if past and index % _HELD_EVERY == _HELD_AT and api not in targets:
        targets[0] = api  # the post whose send the server took and then failed (held)
    for account_id, account in targets:
        state = _state_for(index, when, now, account.method)
        delivery_id = post_rows.add_delivery(
            conn, post_id, account_id, scheduled_at=when, time_zone=str(zone.key), state=state
        )
        if state is DeliveryState.PUBLISHED:
            _publish(conn, rng, delivery_id=delivery_id, when=when, now=now, account=account)
        elif state.wants_user:
            _hold(conn, delivery_id, state, when, account)


# A campaign label fitting the month the post is in.
CAMPAIGN_LABELS = {
    1: "Talvi",
    2: "Talvi",
    3: "Kevät",
    4: "Kevät",
    5: "Kevät",
    6: "Kesä",
    7: "Kesä",
    8: "Kesä",
    9: "Syksy",
    10: "Syksy",
    11: "Joulu",
    12: "Joulu",
}

_HELD_EVERY, _HELD_AT = 11, 4  # which posts the API account's server left unknown

MISSED_REASON = "The computer was off at the scheduled time."


def _hold(
    conn: Conn,
    delivery_id: int,
    state: DeliveryState,
    when: datetime,
    account: _DemoAccount,
) -> None:
    """A delivery that waits for the user, with the reason and the tries the engine would
    have logged for it: only what the account's publishing method can meet."""
    network = account.network.display_name
    tries: list[tuple[int, str, str, str, int | None]] = []  # seconds after, outcome, ...
    if state is DeliveryState.MISSED:
        reason = MISSED_REASON
    elif account.method is PublishMethod.MANUAL:
        # Due and not yet confirmed: a reminder in the Publish by hand list, not a failure.
        reason = WAITING_REASON
        tries = [(0, "unknown", "manual", reason, None)]
    elif state is DeliveryState.FAILED:
        reason = not_connected_reason(network, account.name)
        tries = [(1, "final", "auth", reason, None)]
    else:  # needs attention: the server took the post and then failed; was it published?
        reason = f"{network} failed with HTTP 500 after receiving the request"
        tries = [(31, "unknown", "unknown", reason, 500)]
    # Failed and held posts count in the badge; the missed ones were already decided on,
    # so a newcomer's first sight is the calendar, not a dialog.
    demo_rows.hold(conn, delivery_id, seen=state is DeliveryState.MISSED, reason=reason)
    for seconds, outcome, kind, message, status in tries:
        at = when + timedelta(seconds=seconds)
        delivery_rows.append_attempt(
            conn, delivery_id, started_at=at, finished_at=at, outcome=outcome,
            error_kind=kind, message=message, http_status=status,
        )  # fmt: skip


def _state_for(index: int, when: datetime, now: datetime, method: PublishMethod) -> DeliveryState:
    if when >= now:
        return DeliveryState.DRAFT if index % 6 == 1 else DeliveryState.SCHEDULED
    if index % 19 == 7:
        return DeliveryState.MISSED  # the computer was off: any account
    if method is PublishMethod.API:
        if now - when < timedelta(days=4):
            return DeliveryState.FAILED  # since the sign-in was removed (the demo keeps none)
        if index % _HELD_EVERY == _HELD_AT:
            return DeliveryState.NEEDS_ATTENTION
    if method is PublishMethod.MANUAL and now - when < timedelta(hours=20):
        return DeliveryState.NEEDS_ATTENTION  # a reminder not yet confirmed
    return DeliveryState.PUBLISHED


def _publish(
    conn: Conn,
    rng: random.Random,
    *,
    delivery_id: int,
    when: datetime,
    now: datetime,
    account: _DemoAccount,
) -> None:
    if account.method is PublishMethod.MANUAL:
        # Reminded at the time; the user posted it and said so a little later.
        done = when + timedelta(minutes=rng.randint(3, 40))
        demo_rows.confirmed(conn, delivery_id, done)
        for at, outcome, message in (
            (when, "unknown", WAITING_REASON),
            (done, "reconciled", "confirmed by the user"),
        ):
            delivery_rows.append_attempt(
                conn, delivery_id, started_at=at, finished_at=at, outcome=outcome,
                error_kind="manual", message=message,
            )  # fmt: skip
        return
    demo_rows.published(conn, delivery_id, when, f"demo-{delivery_id}")
    delivery_rows.append_attempt(
        conn, delivery_id, started_at=when, finished_at=when + timedelta(seconds=1),
        outcome="published",
    )  # fmt: skip
    if account.method is PublishMethod.API:
        add_lifetime(
            conn,
            delivery_id,
            account.network,
            when=when,
            now=now,
            engaged=rng.lognormvariate(3.0, 0.45),
            reach=rng.lognormvariate(3.0, 0.4) * 32,
        )


def _add_account_history(
    conn: Conn,
    rng: random.Random,
    accounts: list[tuple[int, _DemoAccount]],
    now: datetime,
) -> None:
    """Followers: every three days from the API, typed in weekly for the others."""
    today = now.date()
    for account_id, account in accounts:
        if account.network is Network.LOCAL:
            continue
        followers = rng.randint(150, 2400)
        by_api = account.method is PublishMethod.API
        for back in range(60, -1, -1):
            followers += rng.randint(-1, 4)
            day = today - timedelta(days=back)
            if by_api and back % 3 == 0:
                moment = min(datetime.combine(day, time(6), tzinfo=UTC), now)
                counts = AccountCounts(followers, rng.randint(80, 400), 300 - back)
                metric_writes.add_account_snapshot(conn, account_id, moment, counts)
            elif not by_api and day.weekday() == 0:  # typed in on Mondays
                moment = min(datetime.combine(day, time(9), tzinfo=UTC), now)
                counts = AccountCounts(followers, None, None)
                metric_writes.add_account_snapshot(
                    conn, account_id, moment, counts, source="manual"
                )
