"""The Drafts list: undated posts, newest first — each with its first words,
the networks it goes to and its problems. A row can be dragged onto the calendar."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from somestudio.ui.calendar.drops import id_from_mime, id_mime
from somestudio.ui.network_names import network_name

if TYPE_CHECKING:  # the app module loads with the first read of the list, off start-up's path
    from somestudio.app.draft_shelf import ShelvedDraft

_Index = QModelIndex | QPersistentModelIndex
MIME_DRAFT = "application/x-somestudio-draft"
PostIdRole = int(Qt.ItemDataRole.UserRole) + 1
LinesRole = int(Qt.ItemDataRole.UserRole) + 2  # (first words, accounts, problems)
SeverityRole = int(Qt.ItemDataRole.UserRole) + 3  # "error", "warning" or ""
NetworksRole = int(Qt.ItemDataRole.UserRole) + 4  # the draft's networks, each once
FIRST_WORDS = 60  # characters of the text a row shows


def draft_mime(post_id: int, text: str) -> QMimeData:
    return id_mime(MIME_DRAFT, post_id, text)


def draft_from_mime(mime: QMimeData) -> int | None:
    return id_from_mime(MIME_DRAFT, mime)


def first_words(text: str, limit: int = FIRST_WORDS) -> str:
    """The start of the text on one line, cut at a word where it is long."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
    return cut.rstrip(" ,.;:") + "…"


class DraftsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._drafts: list[ShelvedDraft] = []

    def set_drafts(self, drafts: Sequence[ShelvedDraft]) -> None:
        self.beginResetModel()
        self._drafts = list(drafts)
        self.endResetModel()

    def draft(self, row: int) -> ShelvedDraft:
        return self._drafts[row]

    def row_of(self, post_id: int) -> int | None:
        for row, draft in enumerate(self._drafts):
            if draft.post_id == post_id:
                return row
        return None

    # -- what a row says
    def title(self, draft: ShelvedDraft) -> str:
        return first_words(draft.text) or self.tr("(no text)")

    def accounts_text(self, draft: ShelvedDraft) -> str:
        names = dict.fromkeys(network_name(network) for _id, network, _label in draft.accounts)
        return ", ".join(names) if names else self.tr("No account chosen")

    def problems_text(self, draft: ShelvedDraft) -> str:
        if draft.errors:
            first = next(p for p in draft.problems if p.severity.value == "error")
            return self.tr("⚠ %n errors: %1", "", draft.errors).replace("%1", first.message)
        if draft.warnings:
            return self.tr("%n warnings", "", draft.warnings)
        return self.tr("No problems")

    def tooltip(self, draft: ShelvedDraft) -> str:
        accounts = ", ".join(
            f"{network_name(network)} · {label}" for _id, network, label in draft.accounts
        )
        lines = [draft.text.strip()[:400], "", accounts or self.tr("No account chosen")]
        for problem in draft.problems:
            where = f"{problem.account}: " if problem.account else ""
            lines.append(f"• {where}{problem.message}")
        return "\n".join(lines)

    # -- Qt
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drafts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        draft = self._drafts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(
                (self.title(draft), self.accounts_text(draft), self.problems_text(draft))
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(draft)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(
                (self.title(draft), self.accounts_text(draft), self.problems_text(draft))
            )
        if role == PostIdRole:
            return draft.post_id
        if role == LinesRole:
            return (self.title(draft), self.accounts_text(draft), self.problems_text(draft))
        if role == NetworksRole:
            return list(dict.fromkeys(network for _id, network, _label in draft.accounts))
        if role == SeverityRole:
            return "error" if draft.errors else "warning" if draft.warnings else ""
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [MIME_DRAFT]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        valid = [i for i in indexes if i.isValid()]
        if not valid:
            return QMimeData()
        draft = self._drafts[valid[0].row()]
        return draft_mime(draft.post_id, draft.text)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
