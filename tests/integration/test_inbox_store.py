"""The inbox tables on a real SQLite file: one row per (account, network id) whatever is
read again, the list newest first with its filters and search, marks and counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from somestudio.app.workspace import Workspace
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import items as rows

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _entry(n: int, kind: InboxKind, text: str = "", who: str = "bob") -> Incoming:
    return Incoming(
        network_item_id=f"id-{n}",
        kind=kind,
        author=Author(f"@{who}", who.title()),
        created_at=T0 + timedelta(minutes=n),
        text=text,
        item_post=PostRef(f"post-{n}") if kind.answerable else None,
        subject=PostRef("ours-1"),
    )


@pytest.fixture
def accounts(workspace: Workspace) -> tuple[int, int]:
    conn = workspace.writable_connection()
    with transaction(conn):
        masto = account_rows.add_account(
            conn, Network.MASTODON, "@me", instance_url="https://m.example",
            publish_method=PublishMethod.API,
        )  # fmt: skip
        sky = account_rows.add_account(
            conn, Network.BLUESKY, "me.test", publish_method=PublishMethod.API
        )
    return masto, sky


def test_an_entry_read_again_keeps_its_one_row_and_what_the_user_made_of_it(
    workspace: Workspace, accounts: tuple[int, int]
) -> None:
    masto, sky = accounts
    conn = workspace.writable_connection()
    with transaction(conn):
        assert rows.add(conn, masto, [_entry(1, InboxKind.REPLY, "Hei")], T0) == 1
        # The same network id on another account is another entry.
        assert rows.add(conn, sky, [_entry(1, InboxKind.REPLY, "Hei")], T0) == 1
    (item,) = rows.find(conn, InboxQuery(account_ids=frozenset({masto})))
    with transaction(conn):
        assert rows.set_done(conn, item.id, True, T0)
        assert rows.set_label(conn, item.id, " kysymys ")
        assert rows.add(conn, masto, [_entry(1, InboxKind.REPLY, "Hei")], T0) == 0
    again = rows.get(conn, item.id)
    assert again is not None and again.done and again.label == "kysymys" and not again.unread
    assert conn.execute("SELECT count(*) FROM inbox_items").fetchone() == (2,)


def test_the_list_is_newest_first_and_filters_combine(
    workspace: Workspace, accounts: tuple[int, int]
) -> None:
    masto, sky = accounts
    conn = workspace.writable_connection()
    with transaction(conn):
        rows.add(conn, masto, [
            _entry(1, InboxKind.REPLY, "Milloin auki?"),
            _entry(2, InboxKind.LIKE),
            _entry(3, InboxKind.MENTION, "100%_varma", who="anna"),
        ], T0)  # fmt: skip
        rows.add(conn, sky, [_entry(4, InboxKind.QUOTE, "Katsokaa tätä")], T0)
    every = rows.find(conn, InboxQuery())
    assert [i.incoming.network_item_id for i in every] == ["id-4", "id-3", "id-2", "id-1"]
    assert [i.network for i in every] == [Network.BLUESKY] + [Network.MASTODON] * 3
    talk = frozenset({InboxKind.REPLY, InboxKind.MENTION})
    only = rows.find(conn, InboxQuery(networks=frozenset({Network.MASTODON}), kinds=talk))
    assert [i.incoming.network_item_id for i in only] == ["id-3", "id-1"]
    assert [i.text for i in rows.find(conn, InboxQuery(search="AUKI"))] == ["Milloin auki?"]
    assert [i.author.handle for i in rows.find(conn, InboxQuery(search="ann"))] == ["@anna"]
    # LIKE's wildcards in a search are plain characters.
    assert [i.text for i in rows.find(conn, InboxQuery(search="0%_v"))] == ["100%_varma"]
    assert rows.find(conn, InboxQuery(search="%")) != []
    assert rows.find(conn, InboxQuery(search="x%y")) == []
    # Paging on from the last row shown.
    last = every[1]
    from somestudio.domain.utc import utc_text  # noqa: PLC0415

    page = rows.find(conn, InboxQuery(before=(utc_text(last.created_at), last.id)))
    assert [i.incoming.network_item_id for i in page] == ["id-2", "id-1"]
    with transaction(conn):
        assert rows.mark_read(conn, [every[0].id, every[1].id], T0) == 2
        assert rows.set_done(conn, every[0].id, True, T0)
    assert [i.incoming.network_item_id for i in rows.find(conn, InboxQuery(unread_only=True))] == [
        "id-2", "id-1"
    ]  # fmt: skip
    assert [i.incoming.network_item_id for i in rows.find(conn, InboxQuery(done=True))] == ["id-4"]
    counts = rows.counts(conn)
    assert (counts.unread, counts.open, counts.unread_answerable) == (2, 3, 1)
    assert rows.counts(conn, sky).unread == 0


def test_an_entry_knows_our_post_it_is_about_also_deep_in_its_thread(
    workspace: Workspace, accounts: tuple[int, int]
) -> None:
    masto, _sky = accounts
    conn = workspace.writable_connection()
    stamp = "2026-11-20T08:00:00Z"
    with transaction(conn):
        conn.execute(
            "INSERT INTO posts (id, base_text, created_at, updated_at) VALUES (1, 'Auki', ?, ?)",
            (stamp, stamp),
        )
        conn.execute(
            "INSERT INTO deliveries (id, post_id, account_id, scheduled_at, time_zone, state,"
            " idempotency_key, remote_id, updated_at)"
            " VALUES (5, 1, ?, ?, 'UTC', 'published', 'k', 'ours-1', ?)",
            (masto, stamp, stamp),
        )
        deep = Incoming(
            network_item_id="deep",
            kind=InboxKind.REPLY,
            author=Author("@anna"),
            created_at=T0,
            text="Vastaus vastaukseen",
            item_post=PostRef("post-deep"),
            subject=PostRef("someone-elses-reply"),
            root=PostRef("ours-1"),
        )
        rows.add(conn, masto, [_entry(1, InboxKind.LIKE), deep], T0)
        # The same remote id on another account is not ours there.
        rows.add(conn, accounts[1], [_entry(2, InboxKind.LIKE)], T0)
    found = {i.incoming.network_item_id: i.delivery_id for i in rows.find(conn, InboxQuery())}
    assert found == {"id-1": 5, "deep": 5, "id-2": None}
    assert rows.our_post(conn, 5) == ("Auki", "")
