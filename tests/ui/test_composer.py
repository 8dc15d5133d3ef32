"""The composer page with real widgets, a real database and real files (offscreen Qt).

Checks run synchronously here (``Tasks(synchronous=True)``) so each assertion sees the
result of the text it just set; one test runs the real thread pool.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QLocale, QMimeData, QRect, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from somestudio.app.composer import Composer
from somestudio.app.draft_checks import check_draft
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.channels import RULES
from somestudio.domain.drafts import Draft
from somestudio.domain.networks import Network
from somestudio.domain.text import utf16_offset
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.ui.composer import page as page_module
from somestudio.ui.composer.editor import MAX_TEXT
from somestudio.ui.composer.flow_layout import FlowLayout
from somestudio.ui.composer.page import ComposePage
from somestudio.ui.tasks import Tasks

FAMILY = "👩‍👩‍👧‍👦"  # one cluster: four astral people joined by three ZWJ, 11 UTF-16 units
MakePage = Callable[[], ComposePage]


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    ws = open_workspace(home)
    conn = ws.writable_connection()
    with transaction(conn):
        for network, handle in (
            (Network.X, "kahvila"),
            (Network.BLUESKY, "aurinko.example"),
            (Network.LINKEDIN, "aurinko-oy"),
            (Network.LOCAL, "arkisto"),
        ):
            account_rows.add_account(conn, network, handle)
        mastodon = account_rows.add_account(conn, Network.MASTODON, "@aurinko")
        conn.execute(
            "UPDATE accounts SET limits_json = ? WHERE id = ?",
            (json.dumps({"max_characters": 600}), mastodon),
        )
    yield ws
    ws.close()
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def make_page(qtbot: QtBot, workspace: Workspace) -> MakePage:
    def make() -> ComposePage:
        page = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True))
        qtbot.addWidget(page)
        page.resize(1280, 800)
        return page

    return make


def tick(page: ComposePage, *networks: Network) -> dict[Network, int]:
    ids = {}
    for row in range(page.accounts.count()):
        item = page.accounts.item(row)
        target = page._targets[int(item.data(Qt.ItemDataRole.UserRole + 1))]
        if target.network in networks:
            item.setCheckState(Qt.CheckState.Checked)
            ids[target.network] = target.account_id
    return ids


def type_text(page: ComposePage, text: str) -> None:
    page.editor.setPlainText(text)
    page.run_checks()


def test_live_counter_per_channel_in_its_own_unit(make_page: MakePage) -> None:
    page = make_page()
    ids = tick(page, Network.X, Network.MASTODON, Network.BLUESKY, Network.LINKEDIN)
    type_text(page, "Kahvia ☕ " + "a" * 250 + " https://kahvila.fi/" + "x" * 80)
    counters = {n: page.panel(i).counter.text() for n, i in ids.items()}  # type: ignore[union-attr]
    text = page.editor.text()
    assert counters[Network.X] == f"{RULES['x'].count(text)} / 280"
    assert RULES["x"].count(text) == 9 + 1 + 250 + 1 + 23  # the link weighs 23, ☕ weighs 2
    assert counters[Network.BLUESKY] == f"{len(text)} / 300"
    assert counters[Network.MASTODON] == f"{RULES['mastodon'].count(text)} / 600"  # instance
    assert counters[Network.LINKEDIN].endswith("/ 3,000")  # en_GB groups digits
    # All four at once in the strip; the one over its limit says so in words, not colour only.
    chips = page.counters.chips
    assert list(chips) == page.checked_account_ids()
    bluesky = chips[ids[Network.BLUESKY]]
    assert bluesky.label() == f"Bluesky  ⚠ {len(text)} / 300 too long"
    assert bluesky.accessibleName() == f"Bluesky: {len(text)} / 300, too long"
    linkedin = chips[ids[Network.LINKEDIN]]
    assert linkedin.label() == f"LinkedIn  {counters[Network.LINKEDIN]}"
    assert not linkedin.over and bluesky.over


def test_the_counter_strip_shows_every_account_and_opens_its_tab(make_page: MakePage) -> None:
    page = make_page()
    page.resize(1024, 700)
    page.show()
    ids = tick(page, Network.X, Network.MASTODON, Network.BLUESKY, Network.LINKEDIN, Network.LOCAL)
    type_text(page, "Kahvia")
    strip = page.counters
    for chip in strip.chips.values():  # every chip fully inside the strip: none scrolled away
        assert chip.isVisible()
        assert strip.rect().contains(chip.geometry()), chip.label()
        assert chip.accessibleName().startswith(chip.name + ": ")
    assert strip.chips[ids[Network.LOCAL]].counter == "6"  # no limit: the length alone
    mastodon = page.panel(ids[Network.MASTODON])
    assert mastodon is not None
    mastodon.override_button.click()
    page.show_account(ids[Network.X])
    strip.chips[ids[Network.MASTODON]].click()
    assert page.channels.currentWidget() is mastodon
    assert page.focusWidget() is mastodon.variant


def test_the_counters_are_one_tab_stop_walked_by_the_arrow_keys(
    qtbot: QtBot, make_page: MakePage
) -> None:
    """Tab from the text goes through the counters once, not once per account (a keyboard
    user pressed Tab about ten times to get from the text to Split into thread); the arrow
    keys go from counter to counter, Enter opens its account's tab, and Tab comes back to the
    counter last chosen."""
    page = make_page()
    page.resize(1024, 700)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    ids = tick(page, Network.X, Network.MASTODON, Network.BLUESKY, Network.LINKEDIN, Network.LOCAL)
    type_text(page, "Kahvia")
    strip = page.counters
    chips = list(strip.chips.values())
    assert len(chips) == 5

    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def walk(key: Qt.Key, modifier: Qt.KeyboardModifier, stop: Callable[[QWidget], bool]) -> int:
        """Presses ``key`` until ``stop`` holds for the focus; how many chips it passed."""
        passed = 0
        for _ in range(40):
            QTest.keyClick(focus(), key, modifier)
            if stop(focus()):
                return passed
            passed += focus() in chips
        raise AssertionError(f"never reached; the focus is on {QApplication.focusWidget()}")

    page.editor.setFocus()
    tab, no = Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier
    assert walk(tab, no, lambda w: w is chips[0]) == 0
    assert walk(tab, no, lambda w: isinstance(w, QPushButton) and "Split" in w.text()) == 0
    page.editor.setFocus()
    walk(tab, no, lambda w: w is chips[0])
    QTest.keyClick(chips[0], Qt.Key.Key_Right)
    QTest.keyClick(focus(), Qt.Key.Key_Right)
    assert QApplication.focusWidget() is chips[2]
    QTest.keyClick(chips[2], Qt.Key.Key_End)
    assert QApplication.focusWidget() is chips[4]
    QTest.keyClick(chips[4], Qt.Key.Key_Right)  # the last stays the last
    assert QApplication.focusWidget() is chips[4]
    QTest.keyClick(chips[4], Qt.Key.Key_Home)
    QTest.keyClick(chips[0], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is chips[1]
    # Tab leaves the strip, Shift+Tab comes back to the counter chosen last.
    QTest.keyClick(chips[1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() not in chips
    QTest.keyClick(focus(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is chips[1]
    QTest.keyClick(chips[1], Qt.Key.Key_Space)
    assert page.channels.currentWidget() is page.panel(chips[1].target.account_id)
    QTest.keyClick(chips[2], Qt.Key.Key_Return)  # Enter too (it opened nothing)
    assert page.channels.currentWidget() is page.panel(chips[2].target.account_id)
    assert chips[1].target.account_id in ids.values()


@pytest.mark.parametrize(
    ("unit", "repeat", "overflow_cp", "unit_len"),
    [("𝒜", 310, 300, 2), (FAMILY, 301, 300 * 7, 11), ("ä", 305, 300, 1)],
)
def test_overflow_marked_at_the_right_utf16_position(
    make_page: MakePage, unit: str, repeat: int, overflow_cp: int, unit_len: int
) -> None:
    page = make_page()
    tick(page, Network.BLUESKY)
    type_text(page, unit * repeat)
    report = page.report
    assert report is not None
    (target,) = report.targets.values()
    assert target.posts[0].overflow == overflow_cp
    assert page.editor.overflow_marked() == (300 * unit_len, repeat * unit_len)
    assert page.overflow_label.isVisibleTo(page) and "Bluesky" in page.overflow_label.text()


def test_clicking_a_finding_selects_its_span(make_page: MakePage) -> None:
    page = make_page()
    tick(page, Network.X)
    text = "😀 " + FAMILY + " " + "b" * 300 + "\x00"
    type_text(page, text)
    rows = {page.findings.item(r).text(): r for r in range(page.findings.count())}
    too_long = next(r for message, r in rows.items() if message.startswith("X: too long"))
    nul = next(r for message, r in rows.items() if "NUL" in message)
    check = RULES["x"].check(text)
    overflow = check.overflow
    assert overflow is not None
    page.findings.activate(too_long)
    cursor = page.editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (
        utf16_offset(text, overflow),
        utf16_offset(text, len(text)),
    )
    page.findings.activate(nul)
    cursor = page.editor.textCursor()
    assert cursor.selectedText() == "\x00"


def test_links_mentions_hashtags_are_marked_and_counted(make_page: MakePage) -> None:
    page = make_page()
    tick(page, Network.MASTODON)
    type_text(page, "𝒜 Katso https://kahvila.fi #kahvi ja @aurinko@mastodon.example")
    assert page.entities_label.text() == "Links 1 · Mentions 1 · Hashtags 1"
    marked = sorted(page.editor.entity_marks())
    text = page.editor.text()
    expected = [
        (utf16_offset(text, text.index(word)), utf16_offset(text, text.index(word) + len(word)))
        for word in ("https://kahvila.fi", "#kahvi", "@aurinko@mastodon.example")
    ]
    assert marked == sorted(expected)


def test_own_text_for_one_account_and_reset(make_page: MakePage) -> None:
    page = make_page()
    ids = tick(page, Network.X, Network.MASTODON)
    type_text(page, "Pohjateksti " + "a" * 300)
    x_panel = page.panel(ids[Network.X])
    assert x_panel is not None
    x_panel.override_button.click()
    assert not x_panel.variant.isHidden() and x_panel.variant.text() == page.editor.text()
    x_panel.variant.setPlainText("Lyhyt X-versio")
    page.run_checks()
    assert page.current_draft().variants == {ids[Network.X]: "Lyhyt X-versio"}
    assert x_panel.counter.text() == "14 / 280"
    page.show()
    assert "Lyhyt X-versio" in page.preview_text(ids[Network.X])
    x_panel.reset_button.click()
    page.run_checks()
    assert page.current_draft().variants == {}
    assert x_panel.counter.text() == f"{RULES['x'].count(page.editor.text())} / 280"


def test_split_into_thread_and_edit_parts(make_page: MakePage) -> None:
    page = make_page()
    ids = tick(page, Network.X)
    sentence = "Tänään paahdamme uutta kahvia ja leivomme korvapuusteja koko kylälle. "
    type_text(page, sentence * 12)
    panel = page.panel(ids[Network.X])
    assert panel is not None
    panel.numbered.setChecked(True)
    panel.split_button.click()
    parts = panel.part_editors
    assert len(parts) >= 3
    page.run_checks()
    for number, part in enumerate(parts, start=1):
        assert part.editor.text().endswith(f" {number}/{len(parts)}")
        count, limit = (int(x) for x in part.counter.text().split(" / "))
        assert count <= limit == 280
    parts[0].editor.setPlainText("Muokattu ensimmäinen osa 1/9")
    page.run_checks()
    assert page.current_draft().threads[ids[Network.X]][0] == "Muokattu ensimmäinen osa 1/9"
    assert panel.counter.text() == f"{len(parts)} posts"
    panel.join_button.click()
    assert page.current_draft().threads == {}


def test_a_line_of_dashes_starts_a_new_post_of_the_thread(make_page: MakePage) -> None:
    """Short posts written as a thread on purpose: Split gave back one post, as the text
    fit. The button says how, and each ``---`` line starts a post, not sent itself."""
    page = make_page()
    ids = tick(page, Network.X)
    type_text(page, "Uusi kahvila avattu!\n---\nTervetuloa huomenna klo 9.")
    panel = page.panel(ids[Network.X])
    assert panel is not None
    assert "---" in panel.split_button.toolTip()
    panel.split_button.click()
    assert [part.editor.text() for part in panel.part_editors] == [
        "Uusi kahvila avattu!",
        "Tervetuloa huomenna klo 9.",
    ]
    page.run_checks()
    assert list(page.current_draft().threads[ids[Network.X]]) == [
        "Uusi kahvila avattu!",
        "Tervetuloa huomenna klo 9.",
    ]


def test_a_line_of_dashes_sent_in_one_post_is_said(make_page: MakePage) -> None:
    """Split into thread on X only: Bluesky and Mastodon would have posted the "---" line
    with "No problems found" (a new user's finding). Each account that sends it in one post
    is told, where the line is; one with no threads is told to remove it."""
    page = make_page()
    ids = tick(page, Network.X, Network.BLUESKY, Network.LINKEDIN)
    text = "Uusi kahvila avattu!\n---\nTervetuloa huomenna klo 9."
    type_text(page, text)
    x = page.panel(ids[Network.X])
    assert x is not None
    x.split_button.click()
    page.run_checks()
    said = [e.message for e in page.findings.entries() if "---" in e.message]
    assert said == [
        "Bluesky: the line of dashes (---) goes out as it is, in one post. To start a new "
        "post there, use Split into thread for this account too; else remove the line.",
        "LinkedIn: the line of dashes (---) goes out as it is; LinkedIn has no threads. "
        "Remove the line, or give this account its own text.",
    ]
    report = page.report
    assert report is not None
    (finding,) = [
        f for f in report.targets[ids[Network.BLUESKY]].posts[0].findings if "break" in f.code
    ]
    assert text[finding.start : finding.end] == "---"


def test_media_drop_unreadable_and_shrink(make_page: MakePage, tmp_path: Path) -> None:
    page = make_page()
    tick(page, Network.BLUESKY)
    type_text(page, "Kuvia")
    big = tmp_path / "iso.png"
    Image.effect_noise((1400, 1000), 90).convert("RGB").save(big)
    original = big.read_bytes()
    notes = tmp_path / "muistio.txt"
    notes.write_text("ei kuva")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(big)), QUrl.fromLocalFile(str(notes))])
    page.editor.insertFromMimeData(mime)  # a drop on the editor attaches, never pastes a path
    page.run_checks()
    assert page.editor.text() == "Kuvia"
    assert [Path(a.path).name for a in page.media.attachments()] == ["iso.png", "muistio.txt"]
    messages = [page.findings.item(r).text() for r in range(page.findings.count())]
    assert any("muistio.txt is not an image or video" in m for m in messages)
    assert any(m.startswith("Bluesky: iso.png is 3.") for m in messages)
    page.media.list.setCurrentRow(0)
    assert page.media.fix_button.isVisibleTo(page)
    assert page.media.fix_button.text() == "Shrink to 2.0 MB"
    page.media.fix_button.click()
    fixed = page.media.attachments()[0]
    assert fixed.original_path == str(big) and big.read_bytes() == original
    assert Path(fixed.path).parent == Composer(page._studio.workspace).media_folder
    page.run_checks()
    messages = [page.findings.item(r).text() for r in range(page.findings.count())]
    assert not any("iso" in m and "MB" in m for m in messages)
    page.media.list.setCurrentRow(1)
    page.media.remove_button.click()
    assert len(page.media.attachments()) == 1


def test_autosave_brings_work_back_and_save_clears_it(make_page: MakePage) -> None:
    page = make_page()
    ids = tick(page, Network.X, Network.MASTODON)
    type_text(page, "Kesken jäänyt ajatus 𝒜")
    page.panel(ids[Network.MASTODON]).override_button.click()  # type: ignore[union-attr]
    page.autosave()
    again = make_page()
    assert again.editor.text() == "Kesken jäänyt ajatus 𝒜"
    assert set(again.checked_account_ids()) == set(ids.values())
    assert again.current_draft().variants == {ids[Network.MASTODON]: "Kesken jäänyt ajatus 𝒜"}
    assert again.feedback.text() == "Unsaved work from your last session is back."
    again.save_draft()
    assert again.feedback.text() == "Draft saved to Drafts."
    assert again._studio.has_unsaved_draft() is False
    third = make_page()
    assert third.editor.text() == ""


def test_in_the_window_unsaved_work_comes_back_in_steps_and_whole(
    qtbot: QtBot, workspace: Workspace, make_page: MakePage
) -> None:
    page = make_page()
    ids = tick(page, Network.X, Network.MASTODON, Network.BLUESKY, Network.LINKEDIN)
    text = "Kesken jäänyt ajatus 𝒜 https://kahvila.fi #kahvi\n\n" * 400  # 20,000 characters
    type_text(page, text)
    page.panel(ids[Network.MASTODON]).override_button.click()  # type: ignore[union-attr]
    page.autosave()
    wanted = page.current_draft()

    def in_steps(*, kept: bool = True) -> ComposePage:
        shown = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True), in_steps=True)
        if kept:
            qtbot.addWidget(shown)
        shown.resize(1280, 800)
        shown.show()
        return shown

    again = in_steps()
    note = again.findChild(QLabel, "ComposeRestoring")
    assert note is not None

    def restoring(shown: ComposePage) -> bool:
        return shown.restoring

    assert restoring(again)  # built at once; the work comes back in turns of its own
    QApplication.processEvents()
    assert not note.isHidden() and note.geometry() == again.splitter.geometry()  # over it
    steps = 0
    while restoring(again):
        QApplication.processEvents()  # one step a turn (a few tabs at a time)
        steps += 1
        assert steps < 50
    assert steps >= 4
    assert note.isHidden()
    assert again.current_draft() == wanted
    assert again.feedback.text() == "Unsaved work from your last session is back."
    assert set(again.counters.chips) == set(ids.values())
    assert again.channels.count() == len(ids)
    # Anything that reads the page meanwhile gets the whole of it (as does an autosave at
    # quit): nothing half-restored is saved over the work.
    third = in_steps()
    QApplication.processEvents()
    assert restoring(third)
    third.autosave()
    assert not restoring(third)
    assert third.current_draft() == wanted
    assert make_page().current_draft() == wanted
    gone = in_steps(kept=False)  # a page deleted meanwhile: its steps stop with it
    QApplication.processEvents()
    gone.close()
    gone.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for _ in range(10):
        QApplication.processEvents()


def test_opening_another_post_keeps_unsaved_work_as_a_draft(make_page: MakePage) -> None:
    page = make_page()
    tick(page, Network.X)
    type_text(page, "Ensimmäinen")
    page.save_draft()
    first_id = page._studio.post_count()
    type_text(page, "Toinen, tallentamatta")
    before = page._studio.post_count()
    assert page.open_post(first_id)
    assert page._studio.post_count() == before + 1
    assert page.feedback.text() == "Your previous text was kept as a draft."
    assert page.editor.text() == "Ensimmäinen" and page.editing == first_id


def test_a_pasted_megabyte_is_cut_and_checked(make_page: MakePage) -> None:
    page = make_page()
    tick(page, Network.X, Network.BLUESKY)
    mime = QMimeData()
    mime.setText("a" * 1_000_000)
    page.editor.insertFromMimeData(mime)
    page.run_checks()
    assert len(page.editor.text()) == MAX_TEXT
    assert "cut to 65,536 characters" in page.feedback.text()
    assert page.editor.overflow_marked() == (280, MAX_TEXT)


def test_bad_characters_give_findings_not_crashes(make_page: MakePage) -> None:
    page = make_page()
    tick(page, Network.X, Network.BLUESKY, Network.LOCAL)
    rtl = "\u202eשלום\u200f עולם\u202c " + FAMILY * 40 + "\x00"
    type_text(page, rtl)
    messages = [page.findings.item(r).text() for r in range(page.findings.count())]
    assert sum("NUL" in m for m in messages) == 1  # once, not once per channel
    page.new_post()
    assert page.current_draft().base_text == ""
    # A lone surrogate (from an old autosave or an import) would be dropped by Qt, shifting
    # every offset after it: it is shown as U+FFFD and the user is told.
    page._load(Draft(base_text="rikki \ud800 merkki"), clean=None)
    assert page.editor.text() == "rikki \ufffd merkki"
    assert "broken character" in page.feedback.text()


def test_checks_on_the_real_thread_pool(qtbot: QtBot, workspace: Workspace) -> None:
    page = ComposePage(Studio(workspace))
    qtbot.addWidget(page)
    tick(page, Network.X)
    panel = page.panel(page.checked_account_ids()[0])
    assert panel is not None
    qtbot.keyClicks(page.editor, "Hei maailma")
    qtbot.waitUntil(lambda: panel.counter.text() == "11 / 280", timeout=5000)


def test_counters_follow_each_key_and_checks_do_not_queue(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The strip counts each key at once; the full check waits for a pause, and a slow one
    (a long post on a busy machine) is followed by one more check for the keys typed
    meanwhile, not one per key."""
    calls: list[str] = []

    def slow_check(draft: Draft, *args: object, **kwargs: object) -> object:
        calls.append(draft.base_text)
        time.sleep(0.15)
        return check_draft(draft, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(page_module, "check_draft", slow_check)
    page = ComposePage(Studio(workspace))
    qtbot.addWidget(page)
    tick(page, Network.X)
    qtbot.waitUntil(lambda: not page._checking, timeout=5000)
    calls.clear()
    chip = page.counters.chips[page.checked_account_ids()[0]]
    for count, letter in enumerate("abcde", start=1):
        page.editor.insertPlainText(letter)
        assert chip.counter == f"{count} / 280"  # from the key itself
        qtbot.wait(40)  # a fast typist: no pause, so no check yet
    assert calls == []
    qtbot.waitUntil(lambda: calls == ["abcde"], timeout=5000)  # the pause: one check
    for letter in "fghij":  # typed while it runs
        page.editor.insertPlainText(letter)
        qtbot.wait(15)
    qtbot.waitUntil(
        lambda: page.report is not None and page.report.base_text == "abcdefghij", timeout=5000
    )
    assert calls == ["abcde", "abcdefghij"]  # one more check, not one per key


def test_tasks_deliver_errors_on_the_gui_thread(qtbot: QtBot) -> None:
    tasks = Tasks()
    errors: list[BaseException] = []
    results: list[object] = []

    def fail() -> None:
        raise ValueError("rikki")

    tasks.run(fail, results.append, errors.append)
    tasks.run(lambda: 42, results.append, errors.append)
    qtbot.waitUntil(lambda: len(errors) + len(results) == 2, timeout=5000)
    assert results == [42] and isinstance(errors[0], ValueError)


def test_the_counter_strips_lines_are_its_least_height(qtbot: QtBot) -> None:
    # A column too short for the wrapped chips laid the next widget over their last line.
    strip = QWidget()
    qtbot.addWidget(strip)
    layout = FlowLayout(strip, spacing=4)
    for _ in range(6):
        chip = QWidget()
        chip.setFixedSize(100, 20)
        layout.addWidget(chip)
    layout.setGeometry(QRect(0, 0, 250, 20))  # two chips a line: three lines
    assert layout.minimumSize().height() == layout.heightForWidth(250) == 3 * 20 + 2 * 4


def test_an_empty_post_shows_no_problems_until_something_is_written(
    make_page: MakePage, workspace: Workspace
) -> None:
    """Instagram ticked on a new, empty post: its "needs an image" shows once there is a
    post to judge, not before the first key (two new users read it as a fault at once)."""
    conn = workspace.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.INSTAGRAM, "kahvila.aurinko")
    page = make_page()
    ids = tick(page, Network.INSTAGRAM)
    page.run_checks()
    assert page.findings.entries() == []
    chip = page.counters.chips[ids[Network.INSTAGRAM]]

    def marked() -> bool:
        return bool(chip.over)

    assert not marked()  # nor its counter ("⚠ 0 / 2,200 see problems" beside no problem)
    type_text(page, "Uusi kahvilista")
    messages = [e.message for e in page.findings.entries()]
    assert any("a post needs an image or a video" in m for m in messages), messages
    assert marked()
    type_text(page, "")
    assert page.findings.entries() == []
    assert not marked()


def test_unsaved_work_comes_back_with_its_paid_collaboration_box_and_labels(
    make_page: MakePage,
) -> None:
    """The text, accounts and threads came back after a restart, the Paid collaboration box
    unticked: the disclosure check was off for a sponsored post."""
    from somestudio.ui.planning.composer_tools import attach_composer_tools  # noqa: PLC0415

    page = make_page()
    tools = attach_composer_tools(page, page._studio)
    tick(page, Network.X)
    type_text(page, "Yhteistyössä Glow Lighting Co: uusi valaisin")
    tools.paid.setChecked(True)
    tools.labels = ["Glow"]
    page.autosave()
    again = make_page()
    restored = attach_composer_tools(again, again._studio)
    again.run_checks()
    assert again.editor.text() == "Yhteistyössä Glow Lighting Co: uusi valaisin"
    assert restored.paid.isChecked()
    assert restored.labels == ["Glow"]
    again.save_draft()  # and the saved post keeps them
    saved = again._studio.workspace
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415

    post_id = saved.connection().execute("SELECT max(id) FROM posts").fetchone()[0]
    assert PlanLibrary(saved).post_extras(post_id) == (True, ["Glow"])


def test_youtube_asks_for_a_video_from_the_start_and_a_moved_file_is_missing(
    make_page: MakePage, workspace: Workspace, tmp_path: Path
) -> None:
    """YouTube said "a post needs an image or a video", then "only a video" once an image
    was added; a moved file read "photo.jpg — not an image or video"."""
    conn = workspace.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.YOUTUBE, "kahvila")
    page = make_page()
    tick(page, Network.YOUTUBE)
    type_text(page, "Uusi video")
    messages = [e.message for e in page.findings.entries()]
    assert "YouTube needs a video." in messages, messages
    assert not any("an image or a video" in m for m in messages)
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (40, 30), "white").save(photo)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    page.editor.insertFromMimeData(mime)
    page.run_checks()
    photo.unlink()  # moved or deleted after it was attached
    type_text(page, "Uusi video!")
    page.run_checks()
    messages = [e.message for e in page.findings.entries()]
    assert any("photo.jpg is missing" in m and str(photo) in m for m in messages), messages
    assert not any("not an image or video" in m for m in messages)
    row = page.media.list.item(0).text()
    assert "missing" in row and str(photo) in row and "not an image" not in row


def test_the_only_account_is_ticked_on_a_new_post(qtbot: QtBot, tmp_path: Path) -> None:
    """A first user's Schedule… stayed off until they found the one account's box."""
    (tmp_path / "one").mkdir()
    workspace = open_workspace(tmp_path / "one")
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            only = account_rows.add_account(conn, Network.MASTODON, "@kunta")
        page = ComposePage(Studio(workspace), tasks=Tasks(synchronous=True))
        qtbot.addWidget(page)
        assert page.checked_account_ids() == [only]
        type_text(page, "Kirjasto auki")
        assert page.schedule_button.isEnabled()
    finally:
        workspace.close()


def test_own_text_for_a_too_long_post_opens_where_the_limit_falls(make_page: MakePage) -> None:
    """Write own text on a text too long for X opened the copy at its start, its red part
    out of sight below (a new user saw nothing marked): the cursor is where X's limit
    falls, in view."""
    page = make_page()
    ids = tick(page, Network.X)
    type_text(page, "Pohjateksti. " * 40)  # 520 characters: X allows 280
    page.run_checks()
    x_panel = page.panel(ids[Network.X])
    assert x_panel is not None
    page.show()
    page.channels.setCurrentWidget(x_panel)
    x_panel.override_button.click()
    variant = x_panel.variant
    cursor = variant.textCursor()
    assert cursor.position() == 280 and not cursor.hasSelection()
    assert variant.viewport().rect().contains(variant.cursorRect())


def test_a_thread_says_the_main_text_no_longer_reaches_it(make_page: MakePage) -> None:
    """A typo mended in the main text after Split into thread went out unmended in the
    thread's posts, and nothing said so (a new user's finding): the thread says its posts
    are the account's own, and when the main text has moved on since the split."""
    page = make_page()
    ids = tick(page, Network.X)
    sentence = "Tänään paahdamme uutta kahvia ja leivomme korvapuusteja koko kylälle. "
    type_text(page, sentence * 6)
    panel = page.panel(ids[Network.X])
    assert panel is not None
    panel.split_button.click()
    assert len(panel.part_editors) >= 2
    page.run_checks()
    assert "the main text does not reach them" in panel.status.text()
    page.editor.setPlainText(sentence.replace("Tänään", "Huomenna") * 6)
    page.run_checks()
    assert "The main text has changed since these posts were split" in panel.status.text()
    panel.split_button.click()  # "Split again"
    page.run_checks()
    assert "has changed" not in panel.status.text()
    assert panel.part_editors[0].editor.text().startswith("Huomenna")
