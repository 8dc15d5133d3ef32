"""Repeating series as a person works with them: which series a post belongs to ("post 2
of 4", its rule, the other posts and where they stand), and one text given to a post and
the later posts of its series at once.

A later post that went out (on any of its accounts) is never changed; one being sent
refuses the whole change (``SeriesBusyError``), as whether it reached its network is not
known yet. The change is one transaction: all the posts, or none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from somestudio.app.workspace import Workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.recurrence import Rule, rule_from_spec
from somestudio.domain.utc import utc_now
from somestudio.store import deliveries as delivery_rows
from somestudio.store import series as series_rows
from somestudio.store.database import transaction
from somestudio.store.sql import Conn

S = DeliveryState


class SeriesBusyError(ValueError):
    """A post of the change is being sent right now: nothing was changed. ``positions``
    are those posts' places in the series."""

    def __init__(self, positions: tuple[int, ...]) -> None:
        places = ", ".join(map(str, positions))
        super().__init__(
            f"post {places} of the series is being published right now; nothing was changed"
        )
        self.positions = positions


@dataclass(frozen=True, slots=True)
class SeriesPost:
    post_id: int
    position: int
    states: tuple[DeliveryState, ...]  # each account's delivery
    at: datetime | None  # the earliest time of its deliveries

    @property
    def sent(self) -> bool:
        """Out on one of its accounts: a change to the series leaves it as it went."""
        return S.PUBLISHED in self.states

    @property
    def being_sent(self) -> bool:
        return S.PUBLISHING in self.states


@dataclass(frozen=True, slots=True)
class PostSeries:
    series_id: int
    position: int  # the asked post's place (1 = the first)
    total: int  # how many posts the series was made with
    rule: Rule | None
    time_zone: str
    posts: tuple[SeriesPost, ...]  # the live ones, first first (the asked post among them)

    def later(self) -> tuple[SeriesPost, ...]:
        """The posts after the asked one that a change would reach (not sent anywhere)."""
        return tuple(p for p in self.posts if p.position > self.position and not p.sent)


def series_of(conn: Conn, post_id: int) -> PostSeries | None:
    found = series_rows.of_post(conn, post_id)
    if found is None:
        return None
    info, position = found
    posts = []
    for member in series_rows.members(conn, info.series_id):
        rows = delivery_rows.of_post(conn, member.post_id)
        times = [r.scheduled_at for r in rows if r.scheduled_at is not None]
        posts.append(
            SeriesPost(
                member.post_id,
                member.position,
                tuple(r.state for r in rows),
                min(times) if times else None,
            )
        )
    return PostSeries(
        info.series_id, position, info.total, rule_from_spec(info.rule), info.time_zone,
        tuple(posts),
    )  # fmt: skip


def apply_to_later(
    conn: Conn,
    post_id: int,
    base_text: str,
    variants: Mapping[int, str],
    now: datetime,
    *,
    this_post: bool = False,
) -> list[int]:
    """Give the later posts of ``post_id``'s series (and, with ``this_post``, the post
    itself) this text and each account's own text, in the caller's transaction; the ids
    changed. Raises ``SeriesBusyError`` (before writing) when one of them, or the post
    itself, is being sent."""
    found = series_of(conn, post_id)
    if found is None:
        return []
    later = found.later()
    reached = [
        p for p in found.posts if (p.position == found.position and not p.sent) or p in later
    ]
    busy = tuple(p.position for p in reached if p.being_sent)
    if busy:
        raise SeriesBusyError(busy)
    changed = []
    for post in reached:
        if post.post_id == post_id and not this_post:
            continue
        if series_rows.set_texts(conn, post.post_id, base_text, variants, now):
            changed.append(post.post_id)
    return changed


class SeriesTexts:
    """The series use cases on a workspace."""

    def __init__(self, workspace: Workspace, *, now: Callable[[], datetime] = utc_now) -> None:
        self.workspace = workspace
        self._now = now

    def of_post(self, post_id: int) -> PostSeries | None:
        """The series ``post_id`` belongs to (None: it is in none)."""
        return series_of(self.workspace.connection(), post_id)

    def apply_text(self, post_id: int, base_text: str, variants: Mapping[int, str]) -> list[int]:
        """This text (and each account's own) for the post and the later posts of its
        series not yet sent, all in one transaction; the ids changed, first first. Raises
        ``SeriesBusyError`` (nothing changed) when one of them is being sent."""
        now = self._now().replace(microsecond=0)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            return apply_to_later(conn, post_id, base_text, variants, now, this_post=True)
