"""Inbox entries, the community numbers' rows and the read budget on both backends: one row
per (account, network id), the list newest first with its filters, search and paging,
marks, counts and conversations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from somestudio.app.inbox.community import load_community
from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.inbox.community import Received
from somestudio.domain.inbox.items import Author, InboxItem, InboxKind, Incoming, PostRef
from somestudio.domain.inbox.problems import EntryProblem
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_text
from somestudio.store import deliveries
from somestudio.store.accounts import add_account, remove_account
from somestudio.store.inbox import community, reads
from somestudio.store.inbox import items as rows
from somestudio.store.posts import add_delivery, create_post
from somestudio.store.sql import Conn, Sql, run

T0 = datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
HIDDEN = EntryProblem.HIDDEN_ELSEWHERE.value
_ANSWER = Sql(
    "INSERT INTO inbox_replies (item_id, text, state, idempotency_key, sent_at, created_at,"
    " updated_at) VALUES (:item, 'x', :state, :key, :at, :at, :at)"
)


def _entry(n: int, kind: InboxKind, text: str = "", who: str = "bob", **kw: object) -> Incoming:
    return Incoming(
        network_item_id=f"id-{n}",
        kind=kind,
        author=Author(f"@{who}", who.title()),
        created_at=T0 + timedelta(minutes=n),
        text=text,
        item_post=PostRef(f"post-{n}") if kind.answerable else None,
        subject=PostRef("ours-1"),
        **kw,  # type: ignore[arg-type]
    )


def _ids(found: list[InboxItem]) -> list[str]:
    return [i.incoming.network_item_id for i in found]


def _accounts(conn: Conn) -> tuple[int, int]:
    return add_account(conn, Network.MASTODON, "@me"), add_account(conn, Network.BLUESKY, "me")


def test_an_entry_read_again_keeps_its_row_and_follows_the_networks_hiding(conn: Conn) -> None:
    masto, sky = _accounts(conn)
    assert rows.add(conn, masto, [_entry(1, InboxKind.COMMENT, "Hei")], T0) == 1
    assert rows.add(conn, sky, [_entry(1, InboxKind.COMMENT, "Hei")], T0) == 1
    (item,) = rows.find(conn, InboxQuery(account_ids=frozenset({masto})))
    assert rows.set_done(conn, item.id, True, T0)
    assert rows.set_label(conn, item.id, " kysymys ")
    hidden = _entry(1, InboxKind.COMMENT, "Hei", hidden=True)
    assert rows.add(conn, masto, [hidden], T0 + timedelta(hours=1)) == 0
    again = rows.get(conn, item.id)
    assert again is not None and again.done and not again.unread
    assert (again.label, again.problem, again.read_at) == ("kysymys", HIDDEN, T0)
    assert rows.reseen(conn, masto, [hidden]) == 0
    # Shown again (the network says not hidden: ``hidden=False``; None would say nothing).
    assert rows.reseen(conn, masto, [_entry(1, InboxKind.COMMENT, hidden=False)]) == 1
    assert rows.reseen(conn, masto, [hidden]) == 1
    assert rows.reseen(conn, masto, [_entry(1, InboxKind.COMMENT)]) == 0  # says nothing
    assert rows.get(conn, item.id).problem == HIDDEN  # type: ignore[union-attr]
    assert rows.set_problem(conn, item.id, "entry.gone")
    assert rows.reseen(conn, masto, [hidden]) == 0  # another problem stays
    assert run(conn, Sql("SELECT count(*) FROM inbox_items")).fetchone()[0] == 2
    assert rows.get(conn, 10_000) is None
    assert not rows.set_done(conn, 10_000, True, T0)


def test_the_list_is_newest_first_and_filters_combine(conn: Conn) -> None:
    masto, sky = _accounts(conn)
    rows.add(conn, masto, [
        _entry(1, InboxKind.REPLY, "Milloin auki?"),
        _entry(2, InboxKind.LIKE),
        _entry(3, InboxKind.MENTION, "100%_varma", who="anna"),
    ], T0)  # fmt: skip
    rows.add(conn, sky, [_entry(4, InboxKind.QUOTE, "Katsokaa tätä")], T0)
    every = rows.find(conn, InboxQuery(done=None))
    assert _ids(every) == ["id-4", "id-3", "id-2", "id-1"]
    assert [i.network for i in every] == [Network.BLUESKY] + [Network.MASTODON] * 3
    talk = frozenset({InboxKind.REPLY, InboxKind.MENTION})
    masto_talk = InboxQuery(networks=frozenset({Network.MASTODON}), kinds=talk)
    assert _ids(rows.find(conn, masto_talk)) == ["id-3", "id-1"]
    assert _ids(rows.find(conn, InboxQuery(account_ids=frozenset({sky, masto}), limit=2))) == [
        "id-4", "id-3"
    ]  # fmt: skip
    assert [i.text for i in rows.find(conn, InboxQuery(search="AUKI"))] == ["Milloin auki?"]
    assert [i.author.handle for i in rows.find(conn, InboxQuery(search="ann"))] == ["@anna"]
    assert [i.text for i in rows.find(conn, InboxQuery(search="0%_v"))] == ["100%_varma"]
    assert rows.find(conn, InboxQuery(search="x%y")) == []
    assert rows.set_label(conn, every[1].id, "Vienti")  # found by its label, # or not
    for needle in ("vienti", "#vien", "#VIENTI"):
        assert _ids(rows.find(conn, InboxQuery(search=needle))) == ["id-3"]
    assert _ids(rows.find(conn, InboxQuery(search="#"))) == ["id-3"]  # any labelled
    assert rows.set_label(conn, every[1].id, "")
    assert rows.find(conn, InboxQuery(search="a\\b")) == []
    last = every[1]
    page = rows.find(conn, InboxQuery(before=(utc_text(last.created_at), last.id)))
    assert _ids(page) == ["id-2", "id-1"]
    assert rows.mark_read(conn, [every[0].id, every[1].id, every[1].id], T0) == 2
    assert rows.mark_read(conn, [every[0].id], T0) == 0
    assert rows.mark_read(conn, [], T0) == 0
    assert rows.set_done(conn, every[0].id, True, T0)
    assert _ids(rows.find(conn, InboxQuery(unread_only=True))) == ["id-2", "id-1"]
    assert _ids(rows.find(conn, InboxQuery(done=True))) == ["id-4"]
    assert rows.set_label(conn, every[3].id, "Kysymys")
    assert rows.set_label(conn, every[2].id, "asiakas")
    assert rows.labels(conn) == ["asiakas", "Kysymys"]
    assert _ids(rows.find(conn, InboxQuery(label="Kysymys"))) == ["id-1"]
    counts = rows.counts(conn)
    assert (counts.unread, counts.open, counts.unread_answerable) == (2, 3, 1)
    assert type(counts.unread) is int
    assert rows.counts(conn, sky).unread == 0
    assert rows.oldest_unread(conn, masto) == T0 + timedelta(minutes=1)
    assert rows.oldest_unread(conn, sky) is None
    assert rows.set_done(conn, every[0].id, False, T0)
    done_again = rows.get(conn, every[0].id)
    assert done_again is not None and not done_again.done and not done_again.unread
    remove_account(conn, sky)
    assert _ids(rows.find(conn, InboxQuery(done=None))) == ["id-3", "id-2", "id-1"]


def test_liking_and_hiding_are_noted_once(conn: Conn) -> None:
    masto, _sky = _accounts(conn)
    rows.add(conn, masto, [_entry(1, InboxKind.COMMENT, "Hei")], T0)
    (item,) = rows.find(conn, InboxQuery())
    assert rows.set_problem(conn, item.id, "entry.like_failed")
    assert rows.mark_acted(conn, item.id, "liked_at", T0)
    assert not rows.mark_acted(conn, item.id, "liked_at", T0 + timedelta(hours=1))
    assert rows.mark_acted(conn, item.id, "hidden_at", T0 + timedelta(hours=2))
    acted = rows.get(conn, item.id)
    assert acted is not None
    assert (acted.liked_at, acted.hidden_at, acted.problem) == (T0, T0 + timedelta(hours=2), "")


def test_an_entry_knows_our_post_also_deep_in_its_thread(conn: Conn) -> None:
    masto, sky = _accounts(conn)
    post = create_post(conn, "Auki")
    ours = add_delivery(
        conn, post, masto, scheduled_at=T0, time_zone="UTC", state=DeliveryState.SCHEDULED
    )
    assert deliveries.claim(conn, ours, T0)
    assert deliveries.move(
        conn, ours, DeliveryState.PUBLISHED, T0, remote_id="ours-1", published_at=T0
    )
    deep = Incoming(
        network_item_id="deep",
        kind=InboxKind.REPLY,
        author=Author("@anna"),
        created_at=T0 + timedelta(minutes=5),
        text="Vastaus vastaukseen",
        item_post=PostRef("post-deep"),
        subject=PostRef("someone-elses-reply"),
        root=PostRef("ours-1"),
    )
    rows.add(conn, masto, [_entry(1, InboxKind.LIKE), _entry(2, InboxKind.REPLY), deep], T0)
    rows.add(conn, sky, [_entry(3, InboxKind.LIKE)], T0)
    found = {i.incoming.network_item_id: i.delivery_id for i in rows.find(conn, InboxQuery())}
    assert found == {"id-1": ours, "id-2": ours, "deep": ours, "id-3": None}
    assert rows.our_post(conn, ours) == ("Auki", "")
    assert rows.our_post(conn, 10_000) is None
    assert rows.our_post_texts(conn, [ours, ours, 10_000]) == {ours: "Auki"}
    assert rows.our_post_texts(conn, []) == {}
    (entry,) = rows.find(conn, InboxQuery(search="vastaukseen"))
    # The conversation: the answerable entries about our post or in its thread, oldest first.
    assert _ids(rows.around(conn, entry)) == ["id-2", "deep"]
    lone = Incoming("lone", InboxKind.MENTION, Author("@x"), T0, "hei", PostRef("p"))
    rows.add(conn, masto, [lone], T0)
    (alone,) = rows.find(conn, InboxQuery(search="hei"))
    assert rows.around(conn, alone) == [alone]


def test_the_community_rows_count_answers_sent(conn: Conn) -> None:
    masto, sky = _accounts(conn)
    kinds = [InboxKind.REPLY, InboxKind.MENTION, InboxKind.LIKE, InboxKind.REPLY]
    entries = [
        Incoming(f"n{n}", kind, Author("@a"), T0 + timedelta(hours=n), "hei",
                 PostRef(f"p{n}") if kind.answerable else None)
        for n, kind in enumerate(kinds)
    ]  # fmt: skip
    rows.add(conn, masto, entries, T0)
    rows.add(conn, sky, [entries[0]], T0)
    ids = [i.id for i in reversed(rows.find(conn, InboxQuery(account_ids=frozenset({masto}))))]
    for item_id, minutes, state in ((ids[0], 30, "sent"), (ids[1], 90, "failed")):
        at = utc_text(T0 + timedelta(minutes=minutes))
        run(conn, _ANSWER, {"item": item_id, "state": state, "key": f"k{item_id}", "at": at})
    answered = Received(T0, T0 + timedelta(minutes=30), None)
    since = T0 + timedelta(hours=2)
    assert sorted(community.received(conn, T0), key=repr) == sorted(
        [
            answered,
            Received(T0 + timedelta(hours=1), None, None),
            Received(T0 + timedelta(hours=3), None, None),
            Received(T0, None, None),
        ],
        key=repr,
    )
    # Older than ``since``: only those still open and unanswered.
    assert len(community.received(conn, since)) == 3
    assert sorted(community.received(conn, T0, account_ids=[masto]), key=repr) == sorted(
        [answered, Received(T0 + timedelta(hours=1), None, None),
         Received(T0 + timedelta(hours=3), None, None)],
        key=repr,
    )  # fmt: skip
    assert community.received(conn, T0, networks=["bluesky"]) == [Received(T0, None, None)]
    assert community.received(conn, T0, networks=["x"], account_ids=[masto]) == []


def test_the_read_budget_counts_a_day_of_requests(conn: Conn) -> None:
    masto, sky = _accounts(conn)
    for minutes in (0, 10, 20):
        reads.spend(conn, masto, T0 + timedelta(minutes=minutes))
    reads.spend(conn, sky, T0)
    assert reads.spent(conn, masto, T0 - timedelta(minutes=1)) == 3
    assert reads.spent(conn, masto, T0 + timedelta(minutes=5)) == 2
    # A request a day later prunes what is older than a day.
    reads.spend(conn, masto, T0 + timedelta(days=1, minutes=15))
    assert reads.spent(conn, masto, T0 - timedelta(days=1)) == 2
    assert reads.spent(conn, sky, T0 - timedelta(days=1)) == 1


def test_the_community_numbers_of_the_metrics_page(conn: Conn) -> None:
    masto, sky = _accounts(conn)
    kinds = [InboxKind.REPLY, InboxKind.MENTION, InboxKind.LIKE, InboxKind.REPLY]
    entries = [
        Incoming(f"n{n}", kind, Author("@a"), T0 + timedelta(hours=n), "hei",
                 PostRef(f"p{n}") if kind.answerable else None)
        for n, kind in enumerate(kinds)
    ]  # fmt: skip
    rows.add(conn, masto, entries, T0)
    rows.add(conn, sky, entries[:1], T0)
    first = rows.id_of(conn, masto, "n0")
    assert first is not None and rows.id_of(conn, masto, "none") is None
    at = utc_text(T0 + timedelta(minutes=30))
    run(conn, _ANSWER, {"item": first, "state": "sent", "key": "k", "at": at})
    zone = ZoneInfo("Europe/Helsinki")
    numbers = load_community(conn, T0 + timedelta(days=3), zone)
    received = sum(w.received for w in numbers.weeks)
    assert (received, sum(w.answered for w in numbers.weeks)) == (4, 1)
    assert numbers.median_first_answer == timedelta(minutes=30)
    assert numbers.unanswered_over_day == 3
    mastodon_only = MetricsFilter(networks=frozenset({Network.MASTODON}))
    only = load_community(conn, T0 + timedelta(days=3), zone, flt=mastodon_only)
    assert (sum(w.received for w in only.weeks), only.unanswered_over_day) == (3, 2)


def test_search_finds_entries_by_the_text_of_our_post_they_are_about(conn: Conn) -> None:
    """The row and the conversation show our post: its words find the entry too (the post
    its subject names, else its thread's root), and only on the account that published it."""
    masto, sky = _accounts(conn)
    published = {}
    for remote, text in (("ours-1", "Uusi kahvila avattu!"), ("ours-2", "Korvapuusti 100%")):
        post = create_post(conn, text)
        ours = add_delivery(
            conn, post, masto, scheduled_at=T0, time_zone="UTC", state=DeliveryState.SCHEDULED
        )
        assert deliveries.claim(conn, ours, T0)
        assert deliveries.move(
            conn, ours, DeliveryState.PUBLISHED, T0, remote_id=remote, published_at=T0
        )
        published[remote] = ours
    deep = Incoming(
        network_item_id="deep",
        kind=InboxKind.REPLY,
        author=Author("@anna"),
        created_at=T0 + timedelta(minutes=5),
        text="Vastaus",
        item_post=PostRef("post-deep"),
        subject=PostRef("someone-elses-reply"),
        root=PostRef("ours-2"),
    )
    # Its subject is our post ours-1; its root ours-2 is not the post it is about.
    both = Incoming(
        "both", InboxKind.REPLY, Author("@eero"), T0 + timedelta(minutes=6), "Hei",
        PostRef("post-both"), subject=PostRef("ours-1"), root=PostRef("ours-2"),
    )  # fmt: skip
    rows.add(conn, masto, [_entry(1, InboxKind.REPLY, "Hienoa"), deep, both], T0)
    rows.add(conn, sky, [_entry(2, InboxKind.REPLY, "Kiva")], T0)  # "ours-1" of another account
    assert _ids(rows.find(conn, InboxQuery(search="KAHVILA"))) == ["both", "id-1"]
    assert _ids(rows.find(conn, InboxQuery(search="korvapuusti"))) == ["deep"]
    assert _ids(rows.find(conn, InboxQuery(search="i 100%"))) == ["deep"]
    assert rows.find(conn, InboxQuery(search="i 1%0")) == []  # % is a plain character
    assert _ids(rows.find(conn, InboxQuery(search="kahvila", unread_only=True))) == [
        "both", "id-1"
    ]  # fmt: skip
