"""Which machines can publish each account (revision 0017), on both backends: a machine's
list is replaced whole when it records, one account is added or dropped when connected or
disconnected there, a removed account has no publisher, and nothing but ids, names and
times is kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from somestudio.domain.networks import Network
from somestudio.store import machines
from somestudio.store.accounts import add_account, remove_account
from somestudio.store.sql import Conn, Sql, run

NOW = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def _names(conn: Conn) -> dict[int, list[str]]:
    return {a: [m.name for m in found] for a, found in machines.publishers(conn).items()}


def test_each_machine_records_the_accounts_it_can_publish(conn: Conn) -> None:
    mastodon = add_account(conn, Network.MASTODON, "me")
    bluesky = add_account(conn, Network.BLUESKY, "me.example")
    x = add_account(conn, Network.X, "kahvila")
    machines.record(conn, "a" * 32, "laptop-jonna", [mastodon, bluesky], NOW)
    machines.record(conn, "b" * 32, "pi-server", [mastodon], NOW + timedelta(minutes=3))
    assert _names(conn) == {mastodon: ["pi-server", "laptop-jonna"], bluesky: ["laptop-jonna"]}
    found = machines.publishers(conn)[mastodon]
    assert found[0] == machines.Machine("b" * 32, "pi-server", NOW + timedelta(minutes=3))
    assert x not in machines.publishers(conn)

    # Recorded again (its keyring changed meanwhile): the list is replaced, not added to.
    machines.record(conn, "a" * 32, "laptop-jonna", [x], NOW + timedelta(minutes=5))
    assert _names(conn) == {mastodon: ["pi-server"], x: ["laptop-jonna"]}

    # Connected here / its token gone from here: one account at a time.
    machines.hold(conn, "b" * 32, "pi-server", bluesky, holds=True, now=NOW)
    machines.hold(conn, "b" * 32, "pi-server", mastodon, holds=False, now=NOW)
    assert _names(conn) == {bluesky: ["pi-server"], x: ["laptop-jonna"]}


def test_a_removed_account_has_no_publisher(conn: Conn) -> None:
    kept = add_account(conn, Network.MASTODON, "me")
    gone = add_account(conn, Network.BLUESKY, "me.example")
    machines.record(conn, "a" * 32, "laptop", [kept, gone], NOW)
    remove_account(conn, gone)
    assert _names(conn) == {kept: ["laptop"]}  # hidden at once, even before it is forgotten
    machines.forget_account(conn, gone)
    rows = run(conn, Sql("SELECT machine_id, account_id FROM machine_accounts")).fetchall()
    assert [tuple(r) for r in rows] == [("a" * 32, kept)]
