"""The demo's inbox: replies, mentions, likes and follows on the demo's published posts on
Mastodon, Bluesky, Threads and a Facebook Page (some answered, some done, some waiting),
and saved replies in English and Finnish."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import descriptor
from somestudio.store import demo_rows
from somestudio.store.inbox import items as item_rows
from somestudio.store.inbox import saved_replies as saved_rows
from somestudio.store.sql import Conn

SAVED_REPLIES = (
    ("Thanks", "Thank you, {name}! We are glad you liked it.", "en"),
    ("Opening hours", "Hi {name}, we are open Mon–Fri 9–17 and Sat 10–15. Welcome!", "en"),
    (
        "We'll look into it",
        "Thanks for telling us, {name}. We'll look into it and get back to you.",
        "en",
    ),
    ("Kiitos", "Kiitos, {name}! Kiva kuulla, että tykkäsit.", "fi"),
    ("Aukioloajat", "Hei {name}, olemme auki ma–pe 9–17 ja la 10–15. Tervetuloa!", "fi"),
    ("Selvitämme", "Kiitos kun kerroit, {name}. Selvitämme asian ja palaamme siihen pian.", "fi"),
)

_PEOPLE = (
    ("aino@mastodon.social", "Aino Virtanen"),
    ("mikko.bsky.social", "Mikko"),
    ("sara@fosstodon.org", "Sara Lindqvist"),
    ("kahvikerho.bsky.social", "Kahvikerho"),
    ("jonna@mastodon.green", ""),
    ("pekka.bsky.social", "Pekka K."),
    ("lee@hachyderm.io", "Lee Chen"),
)

# The people on the networks beside Mastodon and Bluesky (Facebook shows names only): sample
# content per network, not a list of what networks can do (that is the catalogue's).
_THREADS_PEOPLE = (
    ("@anni.kahvittelee", "Anni"),
    ("@tampereen.ruokablogi", "Tampereen ruokablogi"),
    ("@mikael.h", "Mikael H."),
)
_FACEBOOK_PEOPLE = (("", "Liisa Korhonen"), ("", "Jari Nieminen"), ("", "Kaisa Mäkelä"))
_INSTAGRAM_PEOPLE = (("@liisa.k", "Liisa"), ("@jarin_kuvat", "Jari"), ("@kaisam", "Kaisa"))


def _other_people(network: Network) -> tuple[tuple[str, str], ...]:
    if network is Network.THREADS:
        return _THREADS_PEOPLE
    if network is Network.FACEBOOK:
        return _FACEBOOK_PEOPLE
    if network is Network.INSTAGRAM:
        return _INSTAGRAM_PEOPLE
    return ()


def _only_kind(network: Network) -> InboxKind | None:
    """The one kind a network's inbox reads, where it reads only answers under our posts
    (Threads' replies, Facebook's and Instagram's comments: the catalogue's inbox kinds);
    None where it reads several."""
    capability = descriptor(network).inbox
    if capability is None or len(capability.kinds) != 1:
        return None
    (kind,) = capability.kinds
    return InboxKind(kind)


_SAYINGS = (
    (InboxKind.REPLY, "Onpa hieno! Milloin tämä on saatavilla?"),
    (InboxKind.REPLY, "Is the event open to everyone, or do I need to register?"),
    (InboxKind.MENTION, "Suosittelen lämpimästi, kävin viime viikolla ja palvelu oli loistavaa."),
    (InboxKind.REPLY, "Mitkä ovat aukioloajat lauantaina?"),
    (InboxKind.QUOTE, "This is exactly what our town needed."),
    (InboxKind.LIKE, ""),
    (InboxKind.REPLY, "The link in the post does not open for me."),
    (InboxKind.REPOST, ""),
    (InboxKind.MENTION, "Kiitos upeasta illasta! Nähdään taas ensi kuussa."),
    (InboxKind.FOLLOW, ""),
    (InboxKind.REPLY, "Do you ship to Sweden too?"),
    (InboxKind.LIKE, ""),
)


def add_demo_saved_replies(conn: Conn, now: datetime) -> None:
    for title, body, language in SAVED_REPLIES:
        saved_rows.add(conn, title, body, language, now)


def add_demo_inbox(
    conn: Conn, rng: random.Random, accounts: list[tuple[int, Network]], now: datetime
) -> None:
    """Entries on the API accounts' published posts over the last five weeks; the older
    answerable ones answered (for the community numbers), the newest unread."""
    for account_id, network in accounts:
        published = demo_rows.recent_published(conn, account_id, now, 12)
        people = list(_other_people(network)) or [
            p for p in _PEOPLE if ("bsky" in p[0]) == (network is Network.BLUESKY)
        ]
        threaded = False  # one reply gets an answer from someone else: a thread of two
        for n, (remote_id, published_at) in enumerate(published + published[:6]):
            kind, text = _SAYINGS[(n * 5 + account_id + n // len(published)) % len(_SAYINGS)]
            only = _only_kind(network)
            if only is not None:
                if not kind.answerable:
                    continue
                kind = only
            handle, name = people[(n + account_id) % len(people)]
            created = published_at + timedelta(
                minutes=rng.randint(20, 600) + 700 * (n // len(published))
            )
            if created > now:
                created = now - timedelta(minutes=rng.randint(5, 90))
            entry = Incoming(
                network_item_id=f"demo-{account_id}-{n}",
                kind=kind,
                author=Author(handle, name, f"demo-person-{handle or name}"),
                created_at=created,
                text=text,
                item_post=PostRef(f"demo-reply-{account_id}-{n}") if kind.answerable else None,
                subject=PostRef(remote_id),
                root=PostRef(remote_id),
            )
            item_rows.add(conn, account_id, [entry], created)
            item_id = item_rows.id_of(conn, account_id, entry.network_item_id)
            assert item_id is not None
            old = n >= 5 and now - created > timedelta(days=1)
            if old:
                item_rows.mark_read(conn, [item_id], created)
                item_rows.set_done(conn, item_id, True, created + timedelta(hours=3))
            if kind is InboxKind.REPLY and not threaded:
                threaded = True
                _add_answer_to(conn, account_id, entry, people, now)
            if old and kind.answerable and n % 3 != 2:
                sent = created + timedelta(minutes=rng.randint(15, 60 * 20))
                text = "Kiitos viestistä!" if n % 2 else "Thank you for writing!"
                demo_rows.sent_answer(conn, item_id, text, sent)


def _add_answer_to(
    conn: Conn,
    account_id: int,
    entry: Incoming,
    people: list[tuple[str, str]],
    now: datetime,
) -> None:
    """Someone answering the newest reply, so the conversation shows a thread of two."""
    handle, name = next(p for p in people if p != (entry.author.handle, entry.author.name))
    created = min(now - timedelta(minutes=3), entry.created_at + timedelta(minutes=40))
    answer = Incoming(
        network_item_id=f"demo-{account_id}-answer",
        kind=InboxKind.REPLY,
        author=Author(handle, name, f"demo-person-{handle or name}"),
        created_at=created,
        text="Sama kysymys! / Same question here.",
        item_post=PostRef(f"demo-reply-{account_id}-answer"),
        subject=entry.item_post,
        root=entry.root,
    )
    item_rows.add(conn, account_id, [answer], created)
