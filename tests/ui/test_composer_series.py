"""A post of a repeating series opened in the composer (real widgets, scripted prompts): it
says which post of the series it is, and saving a changed text asks whether the later posts
get it too ("Only this post" / "This and the later posts (N)" / Cancel), Enter keeping the
narrow choice; what was chosen is said after saving."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from somestudio.app.composer import Composer
from somestudio.app.planning import Planner
from somestudio.app.series import PostSeries
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.drafts import Draft
from somestudio.domain.networks import Network
from somestudio.domain.recurrence import MonthlyRule, WeeklyRule
from somestudio.store import accounts as account_rows
from somestudio.store import composition
from somestudio.store.database import transaction
from somestudio.store.sql import Sql, run
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.composer.series_note import SeriesNote
from somestudio.ui.i18n import install_language
from somestudio.ui.prompts import Prompts
from somestudio.ui.tasks import Tasks

from .scripted_prompts import ScriptedPrompts

HOURS = "Kirjasto on auki ma–pe 9–20."
NEW_HOURS = "Kirjasto on auki ma–pe 10–19."
ZONE = "Europe/Helsinki"


@dataclass
class Rig:
    workspace: Workspace
    page: ComposePage
    prompts: ScriptedPrompts
    posts: list[int]

    def texts(self) -> list[str]:
        conn = self.workspace.connection()
        found = [composition.load(conn, p) for p in self.posts]
        return [f.base_text if f is not None else "" for f in found]


@pytest.fixture
def rig(qtbot: QtBot, home: Path) -> Iterator[Rig]:
    # English with its plural forms ("1 later post"), times as in the United Kingdom.
    english = install_language(
        "en", system=QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        account = account_rows.add_account(conn, Network.MASTODON, "@kirjasto")
    post = Composer(workspace).save(Draft(base_text=HOURS, account_ids=(account,)))
    assert post is not None
    posts = Planner(workspace).schedule_existing_recurring(
        post, WeeklyRule(frozenset({0}), time(9)), ZONE, date(2030, 1, 1), count=4
    )
    prompts = ScriptedPrompts()
    page = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True), prompts=prompts)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    yield Rig(workspace, page, prompts, posts)
    workspace.close()
    english.remove()


def test_an_opened_post_says_it_is_one_of_a_series(rig: Rig) -> None:
    assert rig.page.open_post(rig.posts[1])
    note = rig.page.series_note
    assert not note.isHidden()
    assert note.text() == "Post 2 of 4 in a repeating series (every week on Monday at 09:00)"
    rig.page.new_post()
    assert note.isHidden()


def test_saving_a_changed_text_asks_and_the_later_posts_get_it(rig: Rig) -> None:
    rig.page.open_post(rig.posts[1])
    rig.page.editor.setPlainText(NEW_HOURS)
    rig.prompts.answers = [1]
    rig.page.save_draft()
    ((title, text, options, default),) = rig.prompts.asked
    assert title == "Repeating series"
    assert text.startswith("This is post 2 of 4 in a repeating series.")
    assert options == ["Only this post", "This and the later posts (2)"]
    assert default == 0  # Enter: only this post
    assert rig.texts() == [HOURS, NEW_HOURS, NEW_HOURS, NEW_HOURS]
    assert rig.page.feedback.text() == (
        "Changes saved to this post and 2 later posts of its series."
    )
    assert not rig.page.is_dirty()


def test_only_this_post_leaves_the_others_and_says_so(rig: Rig) -> None:
    rig.page.open_post(rig.posts[0])
    rig.page.editor.setPlainText(NEW_HOURS)
    rig.prompts.answers = [0]
    rig.page.save_draft()
    assert rig.texts() == [NEW_HOURS, HOURS, HOURS, HOURS]
    assert rig.page.feedback.text() == (
        "Changes saved to this post only; the other posts of the series keep their text."
    )


def test_cancel_saves_nothing_and_keeps_the_edits(rig: Rig) -> None:
    rig.page.open_post(rig.posts[0])
    rig.page.editor.setPlainText(NEW_HOURS)
    rig.prompts.answers = [None]
    rig.page.save_draft()
    assert rig.texts() == [HOURS] * 4
    assert rig.page.editor.text() == NEW_HOURS and rig.page.is_dirty()
    assert rig.page.feedback.text() == "Not saved. Your changes are still here."


def test_no_question_without_a_changed_text_or_later_posts(rig: Rig) -> None:
    rig.page.open_post(rig.posts[1])
    rig.page.save_draft()  # nothing changed
    rig.page.open_post(rig.posts[3])  # the last one: no later post
    rig.page.editor.setPlainText(NEW_HOURS)
    rig.page.save_draft()
    assert rig.prompts.asked == []
    assert rig.texts() == [HOURS, HOURS, HOURS, NEW_HOURS]


def test_a_later_post_being_sent_refuses_and_keeps_the_edits(rig: Rig) -> None:
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        run(
            conn,
            Sql("UPDATE deliveries SET state = 'publishing' WHERE post_id = :post"),
            {"post": rig.posts[3]},
        )
    rig.page.open_post(rig.posts[1])
    rig.page.editor.setPlainText(NEW_HOURS)
    rig.prompts.answers = [1]
    rig.page.save_draft()
    assert rig.texts() == [HOURS] * 4
    assert rig.page.editor.text() == NEW_HOURS
    assert rig.page.feedback.text().startswith(
        "Nothing was saved: post 4 of the series is being published right now."
    )


def test_enter_in_the_real_question_saves_this_post_only(rig: Rig, qtbot: QtBot) -> None:
    rig.page.prompts = Prompts(rig.page)
    rig.page.show()
    rig.page.open_post(rig.posts[1])
    rig.page.editor.setPlainText(NEW_HOURS)
    rig.page.save_draft()
    box = rig.page.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    named = {b.accessibleName(): b for b in box.findChildren(QPushButton)}
    assert set(named) == {"Only this post", "This and the later posts (2)", "Cancel"}
    assert box.defaultButton() is named["Only this post"]
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert rig.texts() == [HOURS, NEW_HOURS, HOURS, HOURS]


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (MonthlyRule(-1, time(8)), "on the last day of every month at 08:00"),
        (MonthlyRule(-1, time(8), interval=2), "on the last day of every 2 months at 08:00"),
        (MonthlyRule(15, time(12, 30)), "every month on day 15 at 12:30"),
        (MonthlyRule(1, time(9), interval=3), "every 3 months on day 1 at 09:00"),
        (
            WeeklyRule(frozenset({0, 4}), time(9), interval=2),
            "every 2 weeks on Monday, Friday at 09:00",
        ),
    ],
)
def test_the_rule_in_words(rule: WeeklyRule | MonthlyRule, words: str, rig: Rig) -> None:
    note = SeriesNote()
    note.show_series(PostSeries(1, 3, 5, rule, ZONE, ()))
    assert note.text() == f"Post 3 of 5 in a repeating series ({words})"


def test_the_line_and_the_question_in_finnish(rig: Rig) -> None:
    finnish = install_language("fi")
    try:
        rig.page.open_post(rig.posts[1])
        line = rig.page.series_note.text()
        rig.page.editor.setPlainText(NEW_HOURS)
        rig.prompts.answers = [1]
        rig.page.save_draft()
        feedback = rig.page.feedback.text()
    finally:
        finnish.remove()
    assert line == "Julkaisu 2/4 toistuvassa sarjassa (joka viikko maanantaina klo 9.00)"
    ((_title, _text, options, _default),) = rig.prompts.asked
    assert options == ["Vain tämä julkaisu", "Tämä ja myöhemmät julkaisut (2)"]
    assert feedback == "Muutokset tallennettu tähän julkaisuun ja sarjan 2 myöhempään julkaisuun."


def test_the_question_counts_the_later_posts_as_they_are_when_saving(rig: Rig) -> None:
    """A later post that went out after this one was opened is not offered (nor changed)."""
    rig.page.open_post(rig.posts[1])
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        run(
            conn,
            Sql(
                "UPDATE deliveries SET state = 'published', published_at = '2030-01-14T07:00:00Z'"
                " WHERE post_id = :post"
            ),
            {"post": rig.posts[3]},
        )
    rig.page.editor.setPlainText(NEW_HOURS)
    rig.prompts.answers = [1]
    rig.page.save_draft()
    assert rig.prompts.asked[0][2] == ["Only this post", "This and the later post (1)"]
    assert rig.texts() == [HOURS, NEW_HOURS, NEW_HOURS, HOURS]
    assert rig.page.feedback.text() == "Changes saved to this post and 1 later post of its series."
