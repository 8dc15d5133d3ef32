"""The Metrics page's Goals and Actions tabs with real widgets on a real database: a goal
added through its dialog shows a named progress bar and its pace in words; a refused goal
keeps the dialog open with what was typed; an action lands on the followers chart and gets
its before/after comparison; removing asks first. The day is injected, never the clock's."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.growth.goals import Goal, Measure, Per
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store import metric_writes
from somestudio.store.database import transaction
from somestudio.ui.i18n import install_language
from somestudio.ui.metrics.page import MetricsPage
from somestudio.ui.tasks import Tasks
from tests.integration.metric_servers import published

from .a11y import unnamed

HELSINKI = ZoneInfo("Europe/Helsinki")
TODAY = date(2026, 4, 29)
FAIR = date(2026, 4, 15)


class ScriptedPrompts:
    def __init__(self, answer: int | None) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def choose(
        self,
        title: str,
        text: str,
        options: Sequence[str],
        on_choice: Callable[[int | None], None],
        *,
        default: int | None = 0,
    ) -> None:
        self.asked.append(text)
        on_choice(self.answer)

    def inform(self, title: str, text: str) -> None:
        self.asked.append(text)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The shipped English catalogue (its plural forms), and the locale put back after."""
    installed = install_language("en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    installed.remove()


@pytest.fixture
def filled(home: Path) -> Iterator[Workspace]:
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        linkedin = account_rows.add_account(
            conn, Network.LINKEDIN, "minna", publish_method=PublishMethod.MANUAL
        )
        value = 140
        for offset in range(-16, 15):
            value += 2 if offset <= 0 else 6 + offset % 2
            day = FAIR + timedelta(days=offset)
            metric_writes.add_account_snapshot(
                conn,
                linkedin,
                datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
                AccountCounts(followers=value),
                "manual",
            )
        for number in (8, 17, 22):
            d = published(conn, linkedin, datetime(2026, 4, number, 7, tzinfo=UTC), f"p{number}")
            metric_writes.add_post_snapshot(
                conn, d, datetime(2026, 4, number, 19, tzinfo=UTC), PostCounts(likes=number)
            )
    yield workspace
    workspace.close()


@pytest.fixture
def page(filled: Workspace, qtbot: QtBot) -> MetricsPage:
    widget = MetricsPage(
        Studio(filled),
        HELSINKI,
        tasks=Tasks(synchronous=True),
        prompts=ScriptedPrompts(0),  # type: ignore[arg-type]
        now=lambda: datetime.combine(TODAY, time(12), HELSINKI),
    )
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.filters.set_range(date(2026, 3, 30), TODAY)
    widget.reload()
    return widget


def test_a_goal_added_in_the_dialog_shows_its_bar_and_pace(page: MetricsPage, qtbot: QtBot) -> None:
    section = page.goal_section
    page.tabs.setCurrentWidget(section)
    assert section.list.item(0).text().startswith("No goals yet")
    section.add_button.click()
    dialog = section.dialog
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
    dialog.title.setText("300 contacts")
    dialog.account.setCurrentIndex(1)  # LinkedIn · minna
    dialog.target.setValue(300)
    dialog.start.setDate(dialog.start.date().addDays(-28))  # 1 April
    dialog.save()
    assert not dialog.isVisible()
    (row,) = section.rows()
    assert row.bar.accessibleName() == "Progress of goal 300 contacts"
    status = section.statuses[0]
    assert status.target is not None and status.target.current is not None
    assert row.status.text().startswith(f"{status.target.current:.0f} of 300.")
    assert "At this pace: reached " in row.status.text()
    assert row.bar.value() == round(status.fraction * 1000)
    assert "Followers or contacts: 300 by" in row.summary.text()
    assert row.summary.text().endswith(" · LinkedIn · minna")  # the network with the account
    assert unnamed(page) == []


def test_a_goals_progress_reaches_a_screen_reader(page: MetricsPage) -> None:
    """The row (title, share, bar, pace) is a widget set on a list item, out of reach of
    assistive technology: the item says the share and the pace itself, as its description
    (found missing by the look-back journey: a screen reader heard the title only)."""
    page._studio.goals().add(Goal("Two a week", Measure.POSTS, 2, date(2026, 4, 6), per=Per.WEEK))
    section = page.goal_section
    page.tabs.setCurrentWidget(section)
    section.reload()
    (row,) = section.rows()
    list_view = QAccessible.queryAccessibleInterface(section.list)
    assert list_view is not None
    cells = [list_view.child(i) for i in range(list_view.childCount())]
    (cell,) = [c for c in cells if c.text(QAccessible.Text.Name) == "Two a week"]
    said = cell.text(QAccessible.Text.Description)
    assert said.splitlines() == [row.percent.text(), row.summary.text(), row.status.text()]
    assert said.startswith("0 %\n2 posts a week")
    assert "This week: 0 of 2. 2 more to go, 5 days left." in said


def test_a_refused_goal_keeps_the_dialog_and_what_was_typed(
    page: MetricsPage, qtbot: QtBot
) -> None:
    section = page.goal_section
    section.add_button.click()
    dialog = section.dialog
    dialog.title.setText("Too soon")
    dialog.deadline.setDate(dialog.start.date())
    dialog.save()
    assert dialog.isVisible()
    assert dialog.problem.text() == "The deadline must come after the start."
    assert dialog.title.text() == "Too soon"
    assert page._studio.goals().goals() == []
    dialog.deadline.setDate(dialog.start.date().addDays(30))  # fixed: the message goes
    assert dialog.problem.isHidden()
    dialog.reject()


def test_the_dialog_shows_the_count_now_and_offers_a_target_above_it(
    page: MetricsPage, qtbot: QtBot
) -> None:
    section = page.goal_section
    section.add_button.click()
    dialog = section.dialog
    dialog.account.setCurrentIndex(1)  # LinkedIn · minna
    found = page._studio.goals().latest_followers(dialog.account.currentData(), TODAY, HELSINKI)
    assert found is not None
    _day, now = found
    assert dialog.current.text().startswith(f"{now:,.0f} (counted ")
    assert dialog.target.value() > now  # never a target already reached
    dialog.target.setValue(5000)  # the user's own target stays through a change of account
    dialog.account.setCurrentIndex(0)
    assert dialog.target.value() == 5000
    dialog.measure.setCurrentIndex(dialog.measure.findData(Measure.VIEWS))
    assert dialog.current.text().startswith("Counted from the start date")
    assert unnamed(dialog) == []
    dialog.reject()


def test_a_cadence_goal_changed_and_removed(page: MetricsPage, qtbot: QtBot) -> None:
    book = page._studio.goals()
    book.add(Goal("Two a week", Measure.POSTS, 2, date(2026, 4, 6), per=Per.WEEK))
    page.goal_section.reload()
    (row,) = page.goal_section.rows()
    assert row.status.text().startswith("This week: 0 of 2. 2 more to go, 5 days left.")
    assert "Kept in 0 of the last 3 weeks." in row.status.text()
    page.goal_section.list.setCurrentRow(0)
    page.goal_section.edit_button.click()
    dialog = page.goal_section.dialog
    assert dialog.kind.currentIndex() == 1 and dialog.per.isVisibleTo(dialog)
    assert not dialog.deadline.isVisibleTo(dialog)
    dialog.target.setValue(1)
    dialog.save()
    assert [g.target for g in book.goals()] == [1]
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.goal_section)
    page.goal_section.list.setCurrentRow(0)
    page.activateWindow()
    page.goal_section.list.setFocus()
    qtbot.waitUntil(page.goal_section.list.hasFocus)
    qtbot.keyClick(page.goal_section.list, Qt.Key.Key_Delete)  # asks, then removes
    assert page.prompts.asked[-1].startswith("Remove the goal “Two a week”?")  # type: ignore[attr-defined]
    assert book.goals() == []


def test_an_action_is_drawn_and_compared(page: MetricsPage, qtbot: QtBot) -> None:
    section = page.action_section
    page.tabs.setCurrentWidget(section)
    section.add_button.click()
    dialog = section.dialog
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
    dialog.day.setDate(dialog.day.date().addDays(-14))  # 15 April
    dialog.note.setText("Job fair")
    dialog.save()
    assert section.list.item(0).text().endswith("Job fair")
    assert page.followers_chart.marker_notes == ["Job fair"]
    assert page.followers_chart.post_dots == 3
    # The Insights tab says it too, set apart in bold as a finding.
    found = [
        page.insights.item(i)
        for i in range(page.insights.count())
        if page.insights.item(i).data(Qt.ItemDataRole.UserRole) == "before_after"
    ]
    assert len(found) == 1
    assert (
        found[0]
        .text()
        .startswith("✔ Job fair (15/04): All accounts together: Follower growth per day")
    )
    assert found[0].font().bold()
    section.list.setCurrentRow(0)
    text = section.result.text()
    assert "14 days before: 2.0 (from 14 counts over 14 days)" in text
    assert "Growth was faster after the action." in text
    assert "95 % interval" in text
    section.window_days.setValue(40)  # beyond the counts: fewer days, still enough
    assert "from 16 counts over 15 days" in section.result.text()
    section.account.setCurrentIndex(1)
    assert "Growth was faster" in section.result.text()
    assert unnamed(page) == []
    section.remove_chosen()
    assert page.followers_chart.marker_notes == []
    assert section.list.item(0).text() == "No actions yet."


def test_thin_data_is_said_plainly(page: MetricsPage) -> None:
    page._studio.timeline().add_action(date(2026, 1, 10), "Workshop")
    page.action_section.reload()
    page.action_section.list.setCurrentRow(0)
    assert "The data cannot tell" in page.action_section.result.text()


def test_finnish_words_and_dates(page: MetricsPage) -> None:
    finnish = install_language("fi")
    try:
        book = page._studio.goals()
        book.add(Goal("300", Measure.FOLLOWERS, 300, date(2026, 4, 1), date(2026, 12, 31), None, 1))
        book.add(Goal("Kaksi", Measure.POSTS, 2, date(2026, 4, 6), per=Per.WEEK))
        page.goal_section.reload()
        target, cadence = page.goal_section.rows()
        projected = page.goal_section.statuses[0].target.pace.projected  # type: ignore[union-attr]
        assert projected is not None
        assert f"Tällä tahdilla tavoite täyttyy {projected.day}.{projected.month}." in (
            target.status.text()
        )
        assert target.bar.accessibleName() == "Tavoitteen 300 edistyminen"
        assert cadence.status.text() == (
            "Tällä viikolla: 0 / 2. Vielä 2 puuttuu, 5 päivää jäljellä. "
            "Pidetty 0 viikkona 3 viime viikosta."
        )
    finally:
        finnish.remove()


def test_an_action_tied_to_an_account_is_compared_on_it(page: MetricsPage) -> None:
    page._studio.timeline().add_action(FAIR, "New profile photo", account_id=1)
    page.action_section.reload()
    page.action_section.list.setCurrentRow(0)
    assert page.action_section.account.currentData() == 1
    assert "Growth was faster after the action." in page.action_section.result.text()
    page.action_section.account.setCurrentIndex(0)  # the user's choice then stands
    page.action_section.window_days.setValue(10)
    assert page.action_section.account.currentIndex() == 0


def test_the_actions_buttons_stay_put_as_the_comparison_changes(
    page: MetricsPage, qtbot: QtBot
) -> None:
    section = page.action_section
    page.tabs.setCurrentWidget(section)
    page.show()
    qtbot.waitExposed(page)
    layout = section.layout()
    assert layout is not None
    section.result.setText("Choose an action.")
    layout.activate()
    before = section.add_button.mapTo(section, section.add_button.rect().topLeft()).y()
    section.result.setText(" ".join(["A long comparison that wraps over many lines."] * 8))
    layout.activate()
    after = section.add_button.mapTo(section, section.add_button.rect().topLeft()).y()
    assert after == before


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Tällä tahdilla tavoite täyttyy 14.3..", "Tällä tahdilla tavoite täyttyy 14.3."),
        ("Tällä tahdilla tavoite täyttyy 9.4.2027.", "Tällä tahdilla tavoite täyttyy 9.4.2027."),
        ("At this pace: reached 14/03.", "At this pace: reached 14/03."),
    ],
)
def test_a_pace_sentence_ends_in_one_full_stop(text: str, said: str) -> None:
    """A Finnish date of this year ends in its own full stop; one of another year does not
    (the sentence ran on into the next: "täyttyy 9.4.2027 Se on …")."""
    from somestudio.ui.metrics.goal_text import sentence_end  # noqa: PLC0415

    assert sentence_end(text) == said


def test_a_sum_goal_says_which_posts_it_could_not_count(page: MetricsPage) -> None:
    """Engagements count the posts published from the goal's start: a post without numbers
    is left out and said so; with none to count the goal says that, not "too little data"."""
    conn = page._studio.workspace.writable_connection()
    with transaction(conn):
        published(conn, 1, datetime(2026, 4, 27, 7, tzinfo=UTC), "no numbers yet")
    book = page._studio.goals()
    book.add(Goal("Late", Measure.ENGAGEMENTS, 500, date(2026, 4, 23), date(2026, 5, 31), None, 1))
    book.add(Goal("April", Measure.ENGAGEMENTS, 500, date(2026, 4, 1), date(2026, 5, 31)))
    page.goal_section.reload()
    late, april = page.goal_section.rows()
    assert late.status.text() == (
        "0 of 500. The 1 post published since 23/04 has no numbers for this goal yet (not "
        "fetched, or the network does not report them): only posts published from the "
        "goal's start count."
    )
    assert april.status.text().startswith(
        "47 of 500. Not counted: 1 post published since the start without numbers for this goal. "
    )
    finnish = install_language("fi")
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))
        page.goal_section.reload()
        late, april = page.goal_section.rows()
        assert late.status.text().startswith(
            "0 / 500. 23.4. alkaen on julkaistu 1 julkaisu, mutta sillä ei ole vielä lukuja "
            "tähän tavoitteeseen"
        )
        assert "Ei laskettu: 1 alusta alkaen julkaistu julkaisu" in april.status.text()
    finally:
        finnish.remove()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_the_followers_chart_marks_the_actions_the_actions_tab_lists(page: MetricsPage) -> None:
    """The chart's dashed lines are the Actions tab's actions of the chosen period and
    accounts: a collaboration delivered is listed too (not removable there), and an action
    tied to another account than the filter's is not drawn."""
    from decimal import Decimal  # noqa: PLC0415

    from somestudio.app.collab.service import Collaborations, NewCollaboration  # noqa: PLC0415
    from somestudio.domain.collab.states import CollabState  # noqa: PLC0415

    conn = page._studio.workspace.writable_connection()
    with transaction(conn):
        mastodon = account_rows.add_account(
            conn, Network.MASTODON, "@kahvila", publish_method=PublishMethod.API
        )
    collabs = Collaborations(page._studio.workspace)
    collab = collabs.add(
        NewCollaboration(
            company="Paahtimo Kulma",
            fee=Decimal("650.00"),
            vat_rate=Decimal("25.5"),
            agreed_on=date(2026, 4, 1),
            title="Spring menu",
        )
    )
    collabs.move(collab, CollabState.AGREED, date(2026, 4, 1))
    collabs.move(collab, CollabState.DELIVERED, date(2026, 4, 12))
    timeline = page._studio.timeline()
    timeline.add_action(FAIR, "Job fair")
    timeline.add_action(date(2026, 4, 20), "New photo", account_id=mastodon)
    timeline.add_action(date(2026, 3, 1), "Before the period")
    page.action_section.reload()
    page.reload()
    section = page.action_section
    listed = [section.list.item(row).text() for row in range(section.list.count())]
    assert listed == [
        "20/04 · New photo · Mastodon · @kahvila",
        "15/04 · Job fair",
        "12/04 · Paahtimo Kulma: Spring menu (collaboration delivered)",
        "01/03 · Before the period",
    ]
    # The period is 30 March to 29 April: every listed action but the first of March.
    assert page.followers_chart.marker_notes == [
        "Paahtimo Kulma: Spring menu",
        "Job fair",
        "New photo",
    ]
    page.filters.account.setCurrentIndex(page.filters.account.findData(1))  # LinkedIn
    assert page.followers_chart.marker_notes == ["Paahtimo Kulma: Spring menu", "Job fair"]
    section.list.setCurrentRow(2)  # the collaboration: compared, not removed here
    assert "Follower growth per day" in section.result.text()
    assert not section.remove_button.isEnabled()
    section.remove_chosen()
    assert section.list.count() == 4
