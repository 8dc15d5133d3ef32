"""A repeating series as one thing (app/series.py), on both backends: a post knows its
place ("2 of 4"), its rule and the other posts; a text given to a post and the later posts
of its series reaches those not yet sent, in one transaction, leaves a published one as it
went out, and is refused whole (nothing changed) while one of them is being sent."""

from __future__ import annotations

from datetime import date, time

import pytest

from somestudio.app.composer import Composer
from somestudio.app.series import SeriesBusyError, SeriesTexts
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Draft
from somestudio.domain.recurrence import WeeklyRule
from somestudio.store import composition
from somestudio.store.database import transaction
from somestudio.store.sql import Sql, run
from tests.integration.scheduling_setup import ZONE, Rig

S = DeliveryState
HOURS = "Kirjasto on auki ma–pe 9–20."
NEW_HOURS = "Kirjasto on auki ma–pe 10–19."


def _series(rig: Rig) -> list[int]:
    draft = Draft(
        base_text=HOURS,
        account_ids=(rig.archive_account, rig.manual_account),
        variants={rig.manual_account: HOURS + " #kirjasto"},
    )
    post = Composer(rig.workspace).save(draft)
    assert post is not None
    return rig.plan.schedule_existing_recurring(
        post, WeeklyRule(frozenset({0}), time(9)), ZONE, date(2026, 11, 22), count=4
    )


def _texts(rig: Rig, post: int) -> tuple[str, dict[int, str]]:
    loaded = composition.load(rig.workspace.connection(), post)
    assert loaded is not None
    return loaded.base_text, dict(loaded.variants)


_SET_STATE = Sql(
    "UPDATE deliveries SET state = :state, published_at = :at WHERE id IN"
    " (SELECT id FROM deliveries WHERE post_id = :post ORDER BY id LIMIT :n)"
)


def _set_state(rig: Rig, post: int, state: DeliveryState, *, accounts: int = 2) -> None:
    """The post's first ``accounts`` deliveries in ``state`` (as the engine leaves them)."""
    at = "2026-11-21T08:00:00Z" if state is S.PUBLISHED else None
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        run(conn, _SET_STATE, {"state": state.value, "at": at, "post": post, "n": accounts})


def test_a_post_knows_its_place_its_rule_and_the_others(rig: Rig) -> None:
    posts = _series(rig)
    series = SeriesTexts(rig.workspace)
    found = series.of_post(posts[1])
    assert found is not None
    assert (found.position, found.total, found.time_zone) == (2, 4, ZONE)
    assert found.rule == WeeklyRule(frozenset({0}), time(9))
    assert [p.post_id for p in found.posts] == posts
    assert all(p.states == (S.SCHEDULED, S.SCHEDULED) for p in found.posts)
    assert [p.post_id for p in found.later()] == posts[2:]
    times = [p.at for p in found.posts]
    assert None not in times and times == sorted(t for t in times if t is not None)
    _set_state(rig, posts[3], S.PUBLISHED, accounts=1)  # out on one account of two
    again = series.of_post(posts[1])
    assert again is not None and [p.post_id for p in again.later()] == [posts[2]]
    assert series.of_post(rig.schedule(3600)) is None  # a post of its own


def test_the_text_reaches_this_post_and_the_later_unsent_ones(rig: Rig) -> None:
    posts = _series(rig)
    _set_state(rig, posts[3], S.PUBLISHED)
    changed = SeriesTexts(rig.workspace).apply_text(
        posts[1], NEW_HOURS, {rig.manual_account: NEW_HOURS + " #kirjasto"}
    )
    assert changed == posts[1:3]
    for post in posts[1:3]:
        assert _texts(rig, post) == (NEW_HOURS, {rig.manual_account: NEW_HOURS + " #kirjasto"})
    # The earlier post and the published one are as they were.
    assert _texts(rig, posts[0]) == (HOURS, {rig.manual_account: HOURS + " #kirjasto"})
    assert _texts(rig, posts[3]) == (HOURS, {rig.manual_account: HOURS + " #kirjasto"})
    # An account's own text given up: it sends the post's text again.
    SeriesTexts(rig.workspace).apply_text(posts[2], NEW_HOURS, {})
    assert _texts(rig, posts[2]) == (NEW_HOURS, {})
    assert _texts(rig, posts[1])[1] == {rig.manual_account: NEW_HOURS + " #kirjasto"}


def test_one_post_being_sent_refuses_the_whole_change(rig: Rig) -> None:
    posts = _series(rig)
    _set_state(rig, posts[3], S.PUBLISHING, accounts=1)
    with pytest.raises(SeriesBusyError, match="being published") as refused:
        SeriesTexts(rig.workspace).apply_text(posts[0], NEW_HOURS, {})
    assert refused.value.positions == (4,)
    for post in posts:
        assert _texts(rig, post)[0] == HOURS


def test_the_composer_saves_this_post_and_the_later_ones_in_one_go(rig: Rig) -> None:
    posts = _series(rig)
    composer = Composer(rig.workspace)
    draft = composer.load(posts[2])
    assert draft is not None
    edited = Draft(
        base_text=NEW_HOURS,
        account_ids=draft.account_ids,
        variants={rig.manual_account: NEW_HOURS + " #kirjasto"},
        post_id=posts[2],
        version=draft.version,
    )
    saved = composer.write(edited, later_in_series=True)
    assert saved is not None and saved.later == (posts[3],)
    assert [_texts(rig, p)[0] for p in posts] == [HOURS, HOURS, NEW_HOURS, NEW_HOURS]
    # Only this post: the later ones keep their text.
    draft = composer.load(posts[0])
    assert draft is not None
    only = composer.write(Draft(
        base_text="Tänään suljettu.", account_ids=draft.account_ids, post_id=posts[0],
        version=draft.version,
    ))  # fmt: skip
    assert only is not None and only.later == ()
    assert [_texts(rig, p)[0] for p in posts] == ["Tänään suljettu.", HOURS, NEW_HOURS, NEW_HOURS]
    # Refused while a later one is being sent: this post is not saved either.
    _set_state(rig, posts[3], S.PUBLISHING)
    draft = composer.load(posts[1])
    assert draft is not None
    with pytest.raises(SeriesBusyError):
        composer.write(
            Draft(base_text="x", account_ids=draft.account_ids, post_id=posts[1],
                  version=draft.version),
            later_in_series=True,
        )  # fmt: skip
    assert _texts(rig, posts[1])[0] == HOURS
