"""The first comment in the composer (real widgets, real database, offscreen Qt): a field
per account where the channel takes one, counted by the channel's own rules, listed in the
findings, shown in the preview as a reply, saved and loaded with the post; and the calendar
chip's tooltip that says a comment follows."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QStatusBar
from pytestqt.qtbot import QtBot

from somestudio.domain.channels import RULES
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.first_comment import CommentState
from somestudio.domain.networks import Network
from somestudio.domain.posts import ScheduledEntry
from somestudio.scheduling.events import CommentChanged
from somestudio.store import first_comments as comment_rows
from somestudio.ui.calendar.chips import entry_tooltip
from somestudio.ui.composer.channel_panel import ChannelPanel
from somestudio.ui.notifier import Notifier
from tests.ui.test_composer import MakePage, make_page, tick, type_text, workspace

__all__ = ["make_page", "workspace"]  # the composer tests' fixtures, used here too


def _panel(page: object, account_id: int) -> ChannelPanel:
    panel = page.panel(account_id)  # type: ignore[attr-defined]
    assert isinstance(panel, ChannelPanel)
    return panel


def test_a_first_comment_per_account_counted_previewed_and_saved(make_page: MakePage) -> None:
    page = make_page()
    ids = tick(page, Network.X, Network.BLUESKY, Network.LOCAL)
    type_text(page, "Kesäkahvila aukeaa")
    x, bluesky, local = (_panel(page, ids[n]) for n in (Network.X, Network.BLUESKY, Network.LOCAL))
    assert not x.comment_box.isHidden() and not bluesky.comment_box.isHidden()
    assert local.comment_box.isHidden()  # the Local archive takes no comment
    assert x.comment_editor.accessibleName() == f"First comment for {x.target.label}"

    comment = "Menu: https://example.com/menu " + "😀" * 130
    x.comment_editor.setPlainText(comment)
    page.run_checks()
    count = RULES["x"].count(comment)
    assert count > 280  # weighted: each emoji weighs 2, the link 23
    assert x.comment_counter.text() == f"{count} / 280"
    chip = page.counters.chips[ids[Network.X]]
    assert chip.over and "⚠" in chip.label() and "too long" in chip.label()
    messages = [page.findings.item(i).text() for i in range(page.findings.count())]
    assert any(m.startswith("First comment: ") for m in messages), messages
    page.show()
    shown = page.preview_text(ids[Network.X])
    assert shown.index("Kesäkahvila aukeaa") < shown.index("↳ First comment")
    assert "example.com/menu" in shown.split("↳ First comment")[1]

    x.comment_editor.setPlainText("Menu: https://example.com/menu")
    page.run_checks()
    assert x.comment_counter.text() == "29 / 280"  # 6 + the link's 23
    assert "⚠" not in chip.label(), chip.label()
    assert not page.counters.chips[ids[Network.X]].over
    assert page.current_draft().first_comments == {ids[Network.X]: "Menu: https://example.com/menu"}
    page.save_draft()
    assert page.feedback.text() == "Draft saved to Drafts."
    post_id = page._studio.post_count()  # the only post
    stored = comment_rows.texts_of_post(page._studio.workspace.connection(), post_id)
    assert stored == {ids[Network.X]: "Menu: https://example.com/menu"}

    again = make_page()
    assert again.open_post(post_id)
    assert _panel(again, ids[Network.X]).comment_editor.text() == "Menu: https://example.com/menu"
    assert _panel(again, ids[Network.BLUESKY]).comment_editor.text() == ""
    _panel(again, ids[Network.X]).comment_editor.setPlainText("")  # emptied: no comment
    again.save_draft()
    assert comment_rows.texts_of_post(again._studio.workspace.connection(), post_id) == {}


def test_the_calendar_tooltip_says_a_first_comment_follows() -> None:
    entry = ScheduledEntry(
        delivery_id=1,
        post_id=1,
        account_id=1,
        network=Network.MASTODON,
        account_label="@kahvila",
        state=DeliveryState.SCHEDULED,
        scheduled_at=datetime(2026, 11, 21, 9, tzinfo=UTC),
        time_zone="Europe/Helsinki",
        text="Kesäkahvila aukeaa",
        media_count=0,
        first_comment=True,
    )
    zone = ZoneInfo("Europe/Helsinki")
    assert entry_tooltip(entry, zone).endswith("\n\n+ first comment")
    plain = ScheduledEntry(
        **{**{f: getattr(entry, f) for f in entry.__slots__}, "first_comment": False}
    )
    assert "first comment" not in entry_tooltip(plain, zone)


def test_a_comment_that_did_not_go_out_is_told_and_a_sent_one_is_not(qtbot: QtBot) -> None:
    status = QStatusBar()
    qtbot.addWidget(status)
    notifier = Notifier(status)
    notifier.handle(CommentChanged(1, 7, CommentState.SENT, remote_url="https://x/1"))
    assert notifier.shown == []
    notifier.handle(CommentChanged(1, 7, CommentState.FAILED, "Mastodon refused it (HTTP 422)"))
    assert notifier.shown == [("A first comment was not posted", "Mastodon refused it (HTTP 422).")]
