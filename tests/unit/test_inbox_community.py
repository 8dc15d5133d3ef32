"""The community numbers: received and answered per week in the user's zone, the median
time to a first answer, and what is unanswered after a day (done entries are settled)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from somestudio.domain.inbox.community import Received, community_numbers
from somestudio.domain.inbox.items import Author
from somestudio.domain.inbox.saved_replies import fill

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2027, 3, 28, 0, 59, tzinfo=UTC)  # Sunday 02:59 in Helsinki, before the shift


def test_weeks_are_counted_in_the_users_zone_with_the_median_first_answer() -> None:
    entries = [
        # Sunday 23:30 UTC is Monday 01:30 in Helsinki: this week, not last.
        Received(datetime(2027, 3, 21, 23, 30, tzinfo=UTC), NOW - timedelta(hours=2)),
        Received(datetime(2027, 3, 22, 8, 0, tzinfo=UTC), datetime(2027, 3, 22, 9, 0, tzinfo=UTC)),
        Received(datetime(2027, 3, 16, 8, 0, tzinfo=UTC), datetime(2027, 3, 16, 8, 30, tzinfo=UTC)),
        Received(datetime(2027, 3, 16, 9, 0, tzinfo=UTC)),  # never answered, still open
        Received(
            datetime(2027, 3, 17, 9, 0, tzinfo=UTC), None, datetime(2027, 3, 17, 10, tzinfo=UTC)
        ),
        Received(NOW - timedelta(hours=3)),  # unanswered, but not yet a day old
    ]
    numbers = community_numbers(entries, NOW, HELSINKI, weeks=3)
    assert [(w.monday, w.received, w.answered) for w in numbers.weeks] == [
        (date(2027, 3, 8), 0, 0),
        (date(2027, 3, 15), 3, 1),
        (date(2027, 3, 22), 3, 2),
    ]
    assert numbers.received == 6 and numbers.answered == 3
    assert numbers.median_first_answer == timedelta(hours=1)
    assert numbers.unanswered_over_day == 1


def test_nothing_answered_has_no_median() -> None:
    numbers = community_numbers([], NOW, HELSINKI)
    assert len(numbers.weeks) == 8 and numbers.median_first_answer is None
    assert numbers.unanswered_over_day == 0


def test_a_saved_reply_names_the_person_or_their_handle() -> None:
    body = "Kiitos, {name}! ({handle}) {other}"
    assert (
        fill(body, Author("@aino@m.example", "Aino")) == "Kiitos, Aino! (@aino@m.example) {other}"
    )
    assert fill(body, Author("lee.bsky.social")) == "Kiitos, lee! (lee.bsky.social) {other}"
    # No display name: the user part of the handle, not the handle with its server.
    assert fill("Hei {name}!", Author("@jonna@mastodon.green")) == "Hei jonna!"
    assert fill("Hei {name}!", Author("@jonna")) == "Hei jonna!"
