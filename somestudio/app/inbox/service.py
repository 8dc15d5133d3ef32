"""What the Inbox page and ``somestudio inbox`` ask of the inbox: one object, one method per
use case. Reads are quick database queries; ``reply``, ``refresh`` and ``tell_seen`` reach the
network and belong on a background task.

The page's API:

- ``items(InboxQuery)``: newest first, filtered by network, account, kind, unread, done,
  label and a search over text, author, label and our post it is about (``before`` pages on).
- ``counts()``: unread / open / unread answerable (navigation badge, tray).
- ``conversation(item_id)``: the entry, our post it is about, the stored thread around it,
  our answer and its attempts.
- ``mark_read(ids)``, ``set_done(id, done)``, ``set_label(id, label)``, ``labels()``.
- ``check_reply(id, text)``: the channel's checks for the answer (as the composer checks),
  on ``reply_text(id, text)``: the answer exactly as sent (a Mastodon @mention in front).
- ``act(id, InboxAction)``: like the person's post or hide their comment on the network,
  where it allows (``domain.inbox.actions``); doing it again asks the network nothing.
- ``reply(id, text)``: checks, stores the answer with its own key, sends it exactly once.
- ``set_reading(account_id, on)``: reading a network that bills reads (X) is the user's
  choice, off until turned on.
- ``refresh(account_id)``: read the networks now; ``tell_seen(account_id)``: the network's
  own unread mark follows ours (Bluesky ``updateSeen``); ``sources()``: each account's last
  read and its problem (an expired sign-in, a rate limit), for the page to say so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from somestudio.app.inbox.collector import InboxCollector, InboxReport
from somestudio.app.inbox.replies import InboxReplies
from somestudio.domain.channels import RULES
from somestudio.domain.channels.base import ChannelCheck
from somestudio.domain.findings import Severity
from somestudio.domain.first_comment import CommentState
from somestudio.domain.inbox.actions import Hider, InboxAction, Liker, unavailable
from somestudio.domain.inbox.items import InboxItem
from somestudio.domain.inbox.problems import classify_entry
from somestudio.domain.inbox.queries import InboxCounts, InboxQuery
from somestudio.domain.inbox.reading import READING_OPTION, as_reader, reads_inbox
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.redaction import redact
from somestudio.scheduling.clock import Clock, SystemClock
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store import composition
from somestudio.store.database import transaction
from somestudio.store.inbox import cursors as cursor_rows
from somestudio.store.inbox import items as item_rows
from somestudio.store.inbox import replies as reply_rows
from somestudio.store.inbox.replies import ReplyRow


class InboxError(ValueError):
    """A request the inbox cannot do; ``code`` is stable (the UI and CLI word it)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code


@dataclass(frozen=True, slots=True)
class OurPost:
    delivery_id: int
    text: str
    remote_url: str


@dataclass(frozen=True, slots=True)
class Conversation:
    item: InboxItem
    our_post: OurPost | None  # the post of ours the entry is about, when we published it
    thread: tuple[InboxItem, ...]  # stored entries about the same post / thread, oldest first
    reply: ReplyRow | None  # our answer, if one was written
    attempts: tuple[tuple[str, str, str], ...]  # (started_at, outcome, message) of it


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """How an account's collection goes, for the page's account list and its warnings."""

    account_id: int
    label: str
    network: Network
    reads: bool  # the network has an inbox this app reads
    last_read_at: datetime | None
    last_error: str  # redacted detail; "" after a good round
    problem: str  # its code (``domain.inbox.problems.ReadProblem``), for the user's language
    next_read_at: datetime | None  # backing off after failures until then


@dataclass(frozen=True, slots=True)
class ReplyOutcome:
    state: CommentState
    remote_url: str = ""
    reason: str = ""


def with_mention(network: Network, handle: str, text: str) -> str:
    """A Mastodon answer names the person (their server only tells them when mentioned),
    as Mastodon's own app fills in; other networks thread replies by reference."""
    text = text.strip()
    if network is not Network.MASTODON or not handle:
        return text
    mention = "@" + handle.lstrip("@")
    return text if mention.lower() in text.lower() else f"{mention} {text}"


class InboxService:
    def __init__(
        self,
        connection: Callable[[], sqlite3.Connection],
        publishers: PublisherRegistry,
        *,
        clock: Clock | None = None,
        collector: InboxCollector | None = None,
        replies: InboxReplies | None = None,
    ) -> None:
        self._connection = connection
        self._publishers = publishers
        self._clock = clock or SystemClock()
        self._collector = collector or InboxCollector(connection, publishers, now=self._clock.now)
        self._replies = replies or InboxReplies(connection, publishers, clock=self._clock)

    def _now(self) -> datetime:
        return self._clock.now().replace(microsecond=0)

    # ------------------------------------------------------------------ reading

    def items(self, query: InboxQuery | None = None) -> list[InboxItem]:
        return item_rows.find(self._connection(), query or InboxQuery())

    def item(self, item_id: int) -> InboxItem | None:
        return item_rows.get(self._connection(), item_id)

    def counts(self, account_id: int | None = None) -> InboxCounts:
        return item_rows.counts(self._connection(), account_id)

    def our_post_texts(self, delivery_ids: Iterable[int]) -> dict[int, str]:
        """The text of each of our posts named (for the list's "on your post" line)."""
        return item_rows.our_post_texts(self._connection(), delivery_ids)

    def labels(self) -> list[str]:
        return item_rows.labels(self._connection())

    def conversation(self, item_id: int) -> Conversation | None:
        conn = self._connection()
        item = item_rows.get(conn, item_id)
        if item is None:
            return None
        ours = None
        if item.delivery_id is not None:
            found = item_rows.our_post(conn, item.delivery_id)
            if found is not None:
                ours = OurPost(item.delivery_id, *found)
        return Conversation(
            item=item,
            our_post=ours,
            thread=tuple(item_rows.around(conn, item)),
            reply=reply_rows.get(conn, item_id),
            attempts=tuple(reply_rows.attempts(conn, item_id)),
        )

    # ------------------------------------------------------------------ marking

    def mark_read(self, item_ids: Iterable[int]) -> int:
        with transaction(self._connection()) as conn:
            return item_rows.mark_read(conn, item_ids, self._now())

    def set_done(self, item_id: int, done: bool = True) -> bool:
        with transaction(self._connection()) as conn:
            return item_rows.set_done(conn, item_id, done, self._now())

    def set_label(self, item_id: int, label: str) -> bool:
        with transaction(self._connection()) as conn:
            return item_rows.set_label(conn, item_id, label)

    # ------------------------------------------------------------------ answering

    def reply_text(self, item_id: int, text: str) -> str:
        """The answer exactly as it will be sent (Mastodon: the person's @mention in front),
        what the counter counts and the page shows."""
        item = self._answerable(item_id)
        return with_mention(item.network, item.author.handle, text)

    def check_reply(self, item_id: int, text: str, lang: str = "en") -> ChannelCheck | None:
        """The channel's checks for the answer as it will be sent (``reply_text``: with the
        mention put in front; None: no text rules)."""
        item = self._answerable(item_id)
        rule = RULES.get(item.network.value)
        if rule is None:
            return None
        limit = composition.account_limits(self._connection()).get(item.account_id, {})
        chars = limit.get("max_characters")
        override = chars if isinstance(chars, int) and chars > 0 else None
        return rule.check(self.reply_text(item_id, text), limit_override=override, lang=lang)

    def reply(self, item_id: int, text: str, lang: str = "en") -> ReplyOutcome:
        """Check, store and send the answer, exactly once. Raises ``InboxError`` for empty
        text ('reply.empty'), text the channel refuses ('reply.checks'), an entry that takes
        no answer ('reply.not_answerable'), one already answered or on its way
        ('reply.taken') or one whose last answer may have gone out ('reply.unknown')."""
        if not text.strip():
            raise InboxError("reply.empty", "the reply is empty")
        self._answerable(item_id)
        check = self.check_reply(item_id, text, lang)
        if check is not None and not check.ok:
            problems = "; ".join(f.message for f in check.findings if f.severity is Severity.ERROR)
            raise InboxError("reply.checks", problems)
        sent = self.reply_text(item_id, text)  # what was checked, to the character
        with transaction(self._connection()) as conn:
            if not reply_rows.put(conn, item_id, sent, self._now()):
                current = reply_rows.get(conn, item_id)
                if current is not None and current.state is CommentState.NEEDS_ATTENTION:
                    raise InboxError(
                        "reply.unknown",
                        "the last answer may have gone out; check the conversation on the "
                        f"network first ({current.last_error})",
                    )
                raise InboxError("reply.taken", "this entry was already answered")
        state = self._replies.send(item_id)
        conn = self._connection()
        row = reply_rows.get(conn, item_id)
        assert row is not None
        outcome = ReplyOutcome(state or row.state, row.remote_url, row.last_error)
        self._note_reply_problem(item_id, outcome.state)
        return outcome

    def _note_reply_problem(self, item_id: int, state: CommentState) -> None:
        """A failed answer leaves the entry saying why (its post deleted, a block, the
        sign-in); a sent one clears what it said."""
        conn = self._connection()
        code = ""
        if state is CommentState.FAILED:
            failed = reply_rows.last_failure(conn, item_id)
            if failed is not None:
                code = classify_entry(*failed)
        with transaction(conn):
            item_rows.set_problem(conn, item_id, code)

    def _answerable(self, item_id: int) -> InboxItem:
        item = item_rows.get(self._connection(), item_id)
        if item is None:
            raise InboxError("item.missing", f"there is no inbox entry {item_id}")
        if not item.kind.answerable or item.incoming.item_post is None:
            raise InboxError("reply.not_answerable", "a like, repost or follow takes no reply")
        return item

    # ------------------------------------------------------------------ like, hide

    def act(self, item_id: int, action: InboxAction) -> bool:
        """Like the person's post or hide their comment on the network. True when the
        network was asked now; False when it was done before (nothing is asked again).
        Raises ``InboxError``: 'item.missing', an ``Unavailable`` code (the network or the
        entry's kind has no such action), or the entry's new problem code when the network
        refused (kept with the entry, which stays in the inbox)."""
        conn = self._connection()
        item = item_rows.get(conn, item_id)
        if item is None:
            raise InboxError("item.missing", f"there is no inbox entry {item_id}")
        why = unavailable(item, action)
        if why is not None:
            raise InboxError(why.value, f"cannot {action.value} this entry")
        if (item.liked_at if action is InboxAction.LIKE else item.hidden_at) is not None:
            return False
        account = account_rows.get_account(conn, item.account_id)
        doer: object = None
        if account is not None and account.publish_method is PublishMethod.API:
            doer = self._publishers.find(account)
        post = item.incoming.item_post
        assert post is not None  # unavailable() checked
        try:
            if action is InboxAction.LIKE and isinstance(doer, Liker):
                doer.like_entry(account, post)  # type: ignore[arg-type]
            elif action is InboxAction.HIDE and isinstance(doer, Hider):
                doer.hide_entry(account, post)  # type: ignore[arg-type]
            else:
                raise InboxError("action.network", f"cannot {action.value} on this account")
        except InboxError:
            raise
        except Exception as exc:  # the network refused: the entry says why and stays
            detail = redact(str(exc)) or type(exc).__name__
            code = classify_entry(
                str(getattr(exc, "kind", "")),
                getattr(exc, "error_kind", None),
                getattr(exc, "http_status", None),
                detail,
            )
            with transaction(self._connection()) as write:
                item_rows.set_problem(write, item_id, code)
            raise InboxError(code, detail) from exc
        column = "liked_at" if action is InboxAction.LIKE else "hidden_at"
        with transaction(self._connection()) as write:
            item_rows.mark_acted(write, item_id, column, self._now())
        return True

    # ------------------------------------------------------------------ networks

    def refresh(self, account_id: int | None = None) -> InboxReport:
        return self._collector.refresh(account_id)

    def sources(self) -> list[SourceStatus]:
        """Each account's collection: when it was last read and what went wrong, if
        anything (an expired sign-in, a rate limit): entries already read stay either way."""
        conn = self._connection()
        found = []
        for account in account_rows.list_accounts(conn):
            state = cursor_rows.load(conn, account.id)
            found.append(
                SourceStatus(
                    account.id,
                    account.label,
                    account.network,
                    reads_inbox(account),
                    state.last_read_at,
                    state.last_error,
                    state.problem,
                    state.next_read_at,
                )
            )
        return found

    def set_reading(self, account_id: int, on: bool) -> bool:
        """Turn reading on or off for an account whose network bills reads (X: ``opt_in``);
        False when there is no such account or its inbox is not opt-in."""
        conn = self._connection()
        account = account_rows.get_account(conn, account_id)
        capability = account.network.descriptor.inbox if account is not None else None
        if account is None or capability is None or not capability.opt_in:
            return False
        with transaction(conn):
            return account_rows.set_options(
                conn, account_id, {**account.options, READING_OPTION: on}
            )

    def tell_seen(self, account_id: int, *, only_read: bool = False) -> bool:
        """The network's own unread mark follows ours up to now (False: it keeps none).
        ``only_read``: no further than just before the oldest entry still unread here, so an
        entry the user has not read stays unread in the network's own app too (the Inbox page
        tells this as entries are read)."""
        conn = self._connection()
        account = account_rows.get_account(conn, account_id)
        if account is None:
            return False
        reader = as_reader(self._publishers.find(account))
        if reader is None:
            return False
        # The clock's own time, not cut to the second: an entry indexed earlier within the
        # same second would otherwise stay unseen.
        seen_at = self._clock.now()
        if only_read:
            unread = item_rows.oldest_unread(conn, account_id)
            if unread is not None:
                seen_at = min(seen_at, unread - timedelta(seconds=1))
        reader.mark_inbox_seen(account, seen_at)
        return True


def open_inbox(
    connection: Callable[[], sqlite3.Connection], publishers: PublisherRegistry | None = None
) -> InboxService:
    """The service over a workspace's connection. Pass the engine's publishers when an engine
    runs in this process (one client per account renews its sign-in); the default registry
    reads tokens from the keyring."""
    if publishers is None:
        from somestudio.app.accounts import secret_store  # noqa: PLC0415 - keyring on demand
        from somestudio.scheduling.publishers import (  # noqa: PLC0415
            default_publishers,
            register_network_publishers,
        )

        publishers = register_network_publishers(default_publishers(), secret_store())
    return InboxService(connection, publishers)
