# ruff: noqa: F811 - the rig fixture is the Inbox page tests' own, imported
"""The inbox list paints what it has laid out: a row's texts are elided and shaped once and
again only when the entry changes; painting never asks for the rows' spoken descriptions;
a filter read on a worker is shown only if no newer one was asked meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from somestudio.domain.inbox.items import Author, InboxItem, InboxKind, Incoming
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network
from somestudio.ui.inbox import delegate as delegate_module
from somestudio.ui.inbox.model import InboxModel
from tests.ui.test_inbox_page import Rig, _current, rig  # noqa: F401

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_painting_the_list_never_asks_for_the_spoken_descriptions(
    rig: Rig, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = rig.page
    described: list[int] = []
    describe = page.model._describe

    def counted(item: InboxItem, post: str) -> str:
        described.append(item.id)
        return describe(item, post)

    monkeypatch.setattr(page.model, "_describe", counted)
    page.list.viewport().repaint()
    assert described == []
    # A screen reader still hears each row.
    said = page.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert said.startswith("unread, Mention, Sara")
    assert described


def test_a_row_is_laid_out_once_and_again_when_the_entry_changes(
    rig: Rig, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = rig.page
    shaped: list[str] = []
    static = delegate_module._static

    def counted(text: str, font: Any) -> Any:
        shaped.append(text)
        return static(text, font)

    monkeypatch.setattr(delegate_module, "_static", counted)
    page.delegate.forget_layouts()
    page.list.viewport().repaint()
    assert any("Kiitos kahvista" in text for text in shaped)
    first = len(shaped)
    page.list.viewport().repaint()  # nothing changed: nothing is laid out again
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("mention"))
    page.filters.kind.setCurrentIndex(0)  # the same entries, read again
    page.list.viewport().repaint()
    assert len(shaped) == first
    assert _current(page).text == "Kiitos kahvista"
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_E)  # done: its row says so
    page.filters.show_done.setCurrentIndex(2)  # open and done
    page.list.viewport().repaint()
    again = shaped[first:]
    assert any(text.startswith("@ Mention · Done") for text in again), again
    assert len(again) <= 10  # only the changed row (its texts), not the whole list


def _item(n: int) -> InboxItem:
    incoming = Incoming(f"n{n}", InboxKind.MENTION, Author("@a"), T0, f"text {n}")
    return InboxItem(n, 1, Network.MASTODON, incoming, T0)


def test_a_newer_filter_wins_over_an_older_one_that_comes_back_later() -> None:
    jobs: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def find(query: InboxQuery) -> list[InboxItem]:
        return [_item(1)] if query.search == "old" else [_item(2), _item(3)]

    model = InboxModel(find, lambda _ids: {}, lambda item, _post: item.text, run=_later(jobs))
    shown: list[str] = []
    model.load(InboxQuery(search="old"), lambda: shown.append("old"))
    model.load(InboxQuery(search="new"), lambda: shown.append("new"))
    assert model.rowCount() == 0 and model.loading
    read_old, done_old = jobs[0]
    read_new, done_new = jobs[1]
    done_new(read_new())
    done_old(read_old())  # late: not shown
    assert shown == ["new"]
    assert [model.item_at(r).id for r in range(model.rowCount())] == [2, 3]  # type: ignore[union-attr]
    assert model.query.search == "new" and not model.loading


def test_an_entry_changed_while_a_filter_is_read_is_read_again() -> None:
    jobs: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []
    stored = {1: _item(1)}

    def find(_query: InboxQuery) -> list[InboxItem]:
        return list(stored.values())

    model = InboxModel(find, lambda _ids: {}, lambda item, _post: item.text, run=_later(jobs))
    model.load(InboxQuery())
    read_before, done_before = jobs[0]
    before = read_before()  # the worker read the page ...
    stored[1] = replace(_item(1), label="kiitos")  # ... then the entry was labelled
    model.refresh_item(stored[1])
    done_before(before)  # the page read before the change is not shown
    assert model.rowCount() == 0 and len(jobs) == 2
    read_again, done_again = jobs[1]
    done_again(read_again())
    assert model.item_at(0) == stored[1]


def _later(
    jobs: list[tuple[Callable[[], Any], Callable[[Any], None]]],
) -> Callable[[Callable[[], Any], Callable[[Any], None]], None]:
    def run(read: Callable[[], Any], done: Callable[[Any], None]) -> None:
        jobs.append((read, done))

    return run
