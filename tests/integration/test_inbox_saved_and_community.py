"""Saved replies and the community numbers on a real database (migration 009)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from somestudio.app.inbox.saved_replies import SavedReplies, SavedReplyError
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace
from somestudio.domain.inbox.items import Author, InboxKind, Incoming, PostRef
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.utc import utc_text
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import items as item_rows

T0 = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # a Monday


@dataclass
class Clock:
    at: datetime = T0

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return (self.at - T0).total_seconds()


def test_saved_replies_are_kept_changed_and_deleted(workspace: Workspace) -> None:
    saved = SavedReplies(workspace.writable_connection, Clock())
    first = saved.add("  Kiitos ", "Kiitos, {name}!", "fi")
    second = saved.add("", "Thank you for writing, {name}. We will answer soon.", "en")
    assert [(r.title, r.language) for r in saved.list()] == [
        ("Kiitos", "fi"),
        ("Thank you for writing, {name}.", "en"),  # no title: its first five words
    ]
    assert saved.update(second, "Thanks", "Thanks, {name}!", "en")
    assert saved.delete(first) and not saved.delete(first)
    assert [(r.id, r.body) for r in saved.list()] == [(second, "Thanks, {name}!")]
    with pytest.raises(SavedReplyError):
        saved.add("Empty", "   ")


def test_the_community_numbers_count_answers_sent(workspace: Workspace) -> None:
    conn = workspace.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(
            conn, Network.MASTODON, "@me", instance_url="https://m.example",
            publish_method=PublishMethod.API,
        )  # fmt: skip
        entries = [
            Incoming(
                f"n{n}",
                kind,
                Author("@a"),
                T0 + timedelta(hours=n),
                "hei",
                PostRef(f"p{n}") if kind.answerable else None,
            )
            for n, kind in enumerate(
                [InboxKind.REPLY, InboxKind.MENTION, InboxKind.LIKE, InboxKind.REPLY]
            )
        ]
        item_rows.add(conn, account, entries, T0)
        ids = [r[0] for r in conn.execute("SELECT id FROM inbox_items ORDER BY id")]
        for item_id, minutes, state in ((ids[0], 30, "sent"), (ids[1], 90, "failed")):
            sent = T0 + timedelta(minutes=minutes)
            conn.execute(
                "INSERT INTO inbox_replies (item_id, text, state, idempotency_key, sent_at,"
                " created_at, updated_at) VALUES (?, 'x', ?, ?, ?, ?, ?)",
                (item_id, state, f"k{item_id}", utc_text(sent), utc_text(sent), utc_text(sent)),
            )
    numbers = Studio(workspace).community(T0 + timedelta(days=3), ZoneInfo("Europe/Helsinki"))
    assert (numbers.weeks[-1].received, numbers.weeks[-1].answered) == (3, 1)
    assert numbers.median_first_answer == timedelta(minutes=30)
    assert numbers.unanswered_over_day == 2  # a failed answer is no answer; a like asks none
