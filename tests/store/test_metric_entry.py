"""Numbers imported from CSV on both backends: posts named by number (with an account by
its handle in any case, with or without @, or by number) and accounts, all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from somestudio.app.metric_entry import import_metric_table
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.metric_csv import parse_metric_csv
from somestudio.domain.networks import Network
from somestudio.store import deliveries
from somestudio.store.accounts import account_by_ref, add_account
from somestudio.store.metric_writes import deliveries_of_post
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn, Sql, run
from tests.store.conftest import Connect

NOW = datetime(2027, 3, 28, 1, 0, tzinfo=UTC)
ZONE = ZoneInfo("Europe/Helsinki")


def _published(conn: Conn, post: int, account: int) -> int:
    delivery = add_delivery(
        conn, post, account, scheduled_at=NOW, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    assert deliveries.claim(conn, delivery, NOW)
    assert deliveries.move(
        conn, delivery, DeliveryState.PUBLISHED, NOW, remote_id=f"r{delivery}", published_at=NOW
    )
    return delivery


def test_accounts_and_deliveries_are_found_as_people_name_them(conn: Conn) -> None:
    mastodon = add_account(conn, Network.MASTODON, "@Me")
    bluesky = add_account(conn, Network.BLUESKY, "me.example")
    assert account_by_ref(conn, "me") == mastodon
    assert account_by_ref(conn, "@ME") == mastodon
    assert account_by_ref(conn, "ME.example") == bluesky
    assert account_by_ref(conn, str(bluesky)) == bluesky
    assert account_by_ref(conn, "10000") is None
    assert account_by_ref(conn, "nobody") is None
    post = create_post(conn, "x")
    first, second = _published(conn, post, mastodon), _published(conn, post, bluesky)
    assert deliveries_of_post(conn, post) == [first, second]
    assert deliveries_of_post(conn, 10_000) == []


def test_an_import_writes_all_or_nothing(connect: Connect) -> None:
    conn = connect()
    mastodon = add_account(conn, Network.MASTODON, "@me")
    bluesky = add_account(conn, Network.BLUESKY, "me.example")
    alone = create_post(conn, "one account")
    shared = create_post(conn, "two accounts")
    only = _published(conn, alone, mastodon)
    _published(conn, shared, mastodon)
    on_bluesky = _published(conn, shared, bluesky)
    bad = parse_metric_csv(
        "date,post,account,likes,followers\n"
        f"2027-03-28 10:00,{alone},,5,\n"
        f"2027-03-28 10:00,{shared},,5,\n"
        "2027-03-28 10:00,10000,,5,\n"
        f"2027-03-28 10:00,{alone},nobody,5,\n"
        "2027-03-28 10:00,,nobody,,10\n",
        ZONE,
    )
    result = import_metric_table(connect, bad)
    assert [(p.line, p.message) for p in result.problems] == [
        (3, "the post went to several accounts: add an account column"),
        (4, "no post with this number"),
        (5, "no such account"),
        (6, "no such account"),
    ]
    assert run(conn, Sql("SELECT count(*) FROM metric_snapshots")).fetchone()[0] == 0
    good = parse_metric_csv(
        "date,post,account,likes,followers\n"
        f"2027-03-28 10:00,{alone},,5,\n"
        f"2027-03-28 10:00,{shared},ME.EXAMPLE,7,\n"
        "2027-03-28 10:00,,me,,120\n"
        f"2027-03-28 10:00,,{bluesky},,80\n",
        ZONE,
    )
    dry = import_metric_table(connect, good, dry_run=True)
    assert dry.ok and (dry.posts, dry.accounts) == (2, 2)
    assert run(conn, Sql("SELECT count(*) FROM metric_snapshots")).fetchone()[0] == 0
    done = import_metric_table(connect, good)
    assert done.ok and (done.posts, done.accounts) == (2, 2)
    likes = Sql("SELECT delivery_id, likes FROM metric_snapshots ORDER BY delivery_id")
    assert [tuple(r) for r in run(conn, likes).fetchall()] == [(only, 5), (on_bluesky, 7)]
    followers = Sql("SELECT account_id, followers FROM account_snapshots ORDER BY account_id")
    assert [tuple(r) for r in run(conn, followers).fetchall()] == [(mastodon, 120), (bluesky, 80)]
