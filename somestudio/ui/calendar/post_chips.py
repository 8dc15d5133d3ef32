"""One calendar chip per post: a post's deliveries on one day, grouped, with the state that
most wants the user (a failure over a scheduled one) and how many of them went out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.domain.posts import ScheduledEntry

S = DeliveryState

# Most urgent first: what the user must act on, then what is on its way, then what is done.
# A draft on a day beside scheduled deliveries is one the user must act on (its text had an
# error when the post was dropped there): it will not go out, so the chip says draft.
URGENCY: dict[DeliveryState, int] = {
    S.FAILED: 0,
    S.NEEDS_ATTENTION: 1,
    S.MISSED: 2,
    S.DRAFT: 3,
    S.PUBLISHING: 4,
    S.SCHEDULED: 5,
    S.PUBLISHED: 6,
}


def urgency(entry: ScheduledEntry) -> tuple[int, int]:
    # A reminder to publish by hand is a need for attention, but not a failure: after them.
    return URGENCY[entry.state], int(entry.waiting_by_hand)


@dataclass(frozen=True, slots=True)
class PostChip:
    """A post's deliveries that a chip stands for, earliest first. What a paint asks of it
    again and again (its lead, networks, progress) is worked out once, when it is made."""

    entries: tuple[ScheduledEntry, ...]
    lead: ScheduledEntry = field(init=False, compare=False, repr=False)
    networks: tuple[Network, ...] = field(init=False, compare=False, repr=False)
    published: int = field(init=False, compare=False, repr=False)
    scheduled: int = field(init=False, compare=False, repr=False)
    mixed: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        entries = self.entries
        # The delivery that says the chip's state: the most urgent one.
        object.__setattr__(self, "lead", min(entries, key=urgency))
        object.__setattr__(self, "networks", tuple(dict.fromkeys(e.network for e in entries)))
        object.__setattr__(self, "published", sum(1 for e in entries if e.state is S.PUBLISHED))
        object.__setattr__(self, "scheduled", sum(1 for e in entries if e.state is S.SCHEDULED))
        states = {(e.state, e.waiting_by_hand, e.approval) for e in entries}
        object.__setattr__(self, "mixed", len(states) > 1)

    @property
    def first(self) -> ScheduledEntry:
        return self.entries[0]

    @property
    def post_id(self) -> int:
        return self.entries[0].post_id

    @property
    def scheduled_at(self) -> datetime:
        return self.entries[0].scheduled_at

    @property
    def text(self) -> str:
        return self.entries[0].text

    @property
    def media_count(self) -> int:
        return self.entries[0].media_count

    @property
    def delivery_ids(self) -> tuple[int, ...]:
        return tuple(e.delivery_id for e in self.entries)

    def contains(self, entry: ScheduledEntry) -> bool:
        return any(e.delivery_id == entry.delivery_id for e in self.entries)


def group_by_post(entries: Iterable[ScheduledEntry]) -> list[PostChip]:
    """One chip per post among ``entries`` (one day's, in time order), ordered by the time of
    each post's first delivery."""
    groups: dict[int, list[ScheduledEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.post_id, []).append(entry)
    return [PostChip(tuple(group)) for group in groups.values()]


def chips_by_day(
    by_day: dict[date, list[ScheduledEntry]],
) -> dict[date, list[PostChip]]:
    return {day: group_by_post(entries) for day, entries in by_day.items()}


class ChipWords(QObject):
    """Plural phrases, in a class so that lupdate reads their ``%n`` forms."""

    def published(self, done: int, total: int) -> str:
        return self.tr("%1 of %n published", "", total).replace("%1", str(done))

    def scheduled(self, waiting: int, total: int) -> str:
        return self.tr("%1 of %n scheduled", "", total).replace("%1", str(waiting))


def partly_scheduled(chip: PostChip) -> bool:
    """Some of the post's deliveries go out as scheduled while the one the chip's state
    names does not (a draft left beside them, a failure): the chip says how many go."""
    return chip.published == 0 and chip.scheduled > 0 and chip.lead.state is not S.SCHEDULED


def progress_text(chip: PostChip) -> str:
    """The "2 of 3 published" of a post to several accounts ("2 of 4 scheduled" while none
    is published and some wait beside a draft or a failure); empty for one account."""
    total = len(chip.entries)
    if total < 2:
        return ""
    if partly_scheduled(chip):
        return ChipWords().scheduled(chip.scheduled, total)
    return ChipWords().published(chip.published, total)


def first_words(text: str, limit: int = 80) -> str:
    """The text on one line, cut at a word boundary near ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip(" ,.;:") + "…"


def local_day(entry: ScheduledEntry, zone: ZoneInfo) -> date:
    return entry.scheduled_at.astimezone(zone).date()
