"""The workspace's planning library: the guideline rulebook (shared as a file), post
templates, hashtag groups, each channel's signature and call to action, labels (campaigns)
with colours, and per post the "paid collaboration" flag and labels the composer sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from somestudio.app.atomic_files import write_bytes_atomically
from somestudio.app.composer import Target
from somestudio.app.export_targets import refuse_inside_data_folder
from somestudio.app.workspace import Workspace
from somestudio.domain.csv_rows import PlannedRow
from somestudio.domain.drafts import Draft
from somestudio.domain.findings import Severity
from somestudio.domain.guidelines import (
    EMPTY,
    GuidelineFinding,
    Rulebook,
    RulebookError,
    check,
    dump_rulebook,
    parse_rulebook,
    rulebook_from_json,
    rulebook_to_json,
)
from somestudio.store import labels as label_rows
from somestudio.store import plan_library as rows
from somestudio.store import planning_options
from somestudio.store.database import transaction
from somestudio.store.post_edits import post_exists

GUIDELINES_KEY = "guidelines"
LABEL_COLOURS = (
    "#607d8b",
    "#e53935",
    "#fb8c00",
    "#fdd835",
    "#43a047",
    "#00897b",
    "#1e88e5",
    "#5e35b1",
    "#d81b60",
    "#6d4c41",
)


@dataclass(frozen=True, slots=True)
class Template:
    id: int
    name: str
    body: str


@dataclass(frozen=True, slots=True)
class HashtagGroup:
    id: int
    name: str
    tags: str


@dataclass(frozen=True, slots=True)
class AccountFindings:
    """Guideline findings for one account: in its own text (``own``) or in the base text."""

    account_id: int
    label: str
    own: bool
    findings: tuple[GuidelineFinding, ...]


class PlanLibrary:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    # -- guidelines
    def rulebook(self) -> Rulebook:
        raw = planning_options.get(self.workspace.connection(), GUIDELINES_KEY)
        if raw is None:
            return EMPTY
        try:
            return rulebook_from_json(raw)
        except RulebookError:
            return EMPTY

    def save_rulebook(self, rulebook: Rulebook) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            planning_options.put(conn, GUIDELINES_KEY, rulebook_to_json(rulebook))

    def import_rulebook(self, path: Path) -> Rulebook:
        """Read a shared guideline file and make it this workspace's; raises RulebookError."""
        from somestudio.app.input_files import (  # noqa: PLC0415
            RULEBOOK_LIMIT,
            InputError,
            read_file,
        )

        try:
            text = read_file(path, RULEBOOK_LIMIT, label=path.name).decode("utf-8-sig")
        except InputError as exc:
            raise RulebookError(str(exc)) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise RulebookError(f"cannot read {path.name}: {exc}") from exc
        rulebook = parse_rulebook(text)
        self.save_rulebook(rulebook)
        return rulebook

    def export_rulebook(self, path: Path) -> None:
        """Raises ``InsideDataFolderError`` (nothing written) for a file in the data folder."""
        refuse_inside_data_folder(path, self.workspace.home)
        write_bytes_atomically(path, dump_rulebook(self.rulebook()).encode("utf-8"))

    def check_draft(
        self,
        draft: Draft,
        targets: Sequence[Target],
        *,
        paid: bool,
        lang: str,
        rulebook: Rulebook | None = None,
    ) -> list[AccountFindings]:
        """The guideline findings of each chosen account's text (its own or the base)."""
        book = self.rulebook() if rulebook is None else rulebook
        if book.is_empty:
            return []
        alts = [a.alt_text for a in draft.attachments]
        chosen = [t for t in targets if t.account_id in draft.account_ids]
        out = []
        for target in chosen:
            own = target.account_id in draft.variants
            text = draft.text_for(target.account_id)
            found = check(
                text, book, paid=paid, channel=target.network.value, alt_texts=alts, lang=lang
            )
            out.append(AccountFindings(target.account_id, target.label, own, tuple(found)))
        if not chosen:
            found = check(draft.base_text, book, paid=paid, alt_texts=alts, lang=lang)
            out.append(AccountFindings(0, "", False, tuple(found)))
        return out

    def csv_check(
        self, row: PlannedRow, targets: Sequence[Target], lang: str
    ) -> list[tuple[Severity, str]]:
        """For the CSV preview: each guideline finding of a row, once per message."""
        book = self.rulebook()
        if book.is_empty:
            return []
        messages: dict[str, Severity] = {}
        channels: list[str | None] = [t.network.value for t in targets] or [None]
        for channel in channels:
            for f in check(row.text, book, channel=channel, alt_texts=row.alt_texts, lang=lang):
                messages.setdefault(f.message, f.severity)
        return [(severity, message) for message, severity in messages.items()]

    # -- templates and hashtag groups
    def templates(self) -> list[Template]:
        return [Template(*t) for t in rows.templates(self.workspace.connection())]

    def save_template(self, name: str, body: str) -> int:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            return rows.save_template(conn, name.strip(), body)

    def delete_template(self, template_id: int) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows.delete_template(conn, template_id)

    def hashtag_groups(self) -> list[HashtagGroup]:
        return [HashtagGroup(*g) for g in rows.hashtag_groups(self.workspace.connection())]

    def save_hashtag_group(self, name: str, tags: str) -> int:
        words = [w if w.startswith("#") else f"#{w}" for w in tags.replace(",", " ").split()]
        conn = self.workspace.writable_connection()
        with transaction(conn):
            return rows.save_hashtag_group(conn, name.strip(), " ".join(dict.fromkeys(words)))

    def delete_hashtag_group(self, group_id: int) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows.delete_hashtag_group(conn, group_id)

    # -- per-channel defaults
    def channel_defaults(self) -> dict[str, tuple[str, str]]:
        """network → (signature, call to action)."""
        return rows.channel_defaults(self.workspace.connection())

    def set_channel_defaults(self, network: str, signature: str, call_to_action: str) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows.set_channel_defaults(conn, network, signature.strip(), call_to_action.strip())

    # -- labels (campaigns) and per-post extras
    def labels(self) -> list[tuple[str, str]]:
        return label_rows.list_labels(self.workspace.connection())

    def save_label(self, name: str, colour: str, old_name: str | None = None) -> None:
        if not name.strip():
            raise ValueError("a label needs a name")
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows.save_label(conn, name.strip(), colour, old_name)

    def delete_label(self, name: str) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows.delete_label(conn, name)

    def post_extras(self, post_id: int) -> tuple[bool, list[str]]:
        """Whether the post is a paid collaboration, and its labels."""
        conn = self.workspace.connection()
        return rows.is_paid(conn, post_id), rows.post_labels(conn, post_id)

    def set_post_extras(self, post_id: int, *, paid: bool, labels: Sequence[str]) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            if not post_exists(conn, post_id):
                return
            rows.set_paid(conn, post_id, paid)
            rows.set_post_labels(conn, post_id, list(dict.fromkeys(labels)))


def with_signature(text: str, addition: str) -> str:
    """``text`` with ``addition`` (a signature, a call to action, hashtags) after a blank
    line, unless it is there already."""
    addition = addition.strip()
    if not addition or addition in text:
        return text
    body = text.rstrip()
    return f"{body}\n\n{addition}" if body else addition
