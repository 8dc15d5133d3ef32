"""The composer's use cases: where a post can go, loading and saving it with its variants,
threads and media, and the autosave that brings unsaved work back after a crash.

The autosave is one person's unsaved work on one machine: on the embedded SQLite workspace it
is a row of the file (saved with it in one transaction); on a shared PostgreSQL workspace it
is a file in this machine's data folder (``AUTOSAVE_FILE``), so two people composing on two
machines never take each other's slot, and what was typed survives the server going away.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from somestudio.app.atomic_files import write_bytes_atomically
from somestudio.app.series import apply_to_later
from somestudio.app.shared_media import shared_media
from somestudio.app.workspace import Workspace
from somestudio.domain.channels import RULES
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Attachment, Draft, DraftFormatError, from_json, to_json
from somestudio.domain.first_comment import takes_first_comment
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.media import MediaFacts
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.domain.utc import utc_now
from somestudio.store import accounts as account_rows
from somestudio.store import composition
from somestudio.store import deliveries as delivery_rows
from somestudio.store import drafts as autosave_rows
from somestudio.store import first_comments as first_comment_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction

if TYPE_CHECKING:
    from somestudio.networks.link_preview import LinkPreviewFetcher

log = logging.getLogger(__name__)

SLOT = autosave_rows.MAIN_SLOT
AUTOSAVE_FILE = "unsaved-post.json"  # a shared workspace's autosave, in the data folder
MEDIA_FOLDER = "media"  # in the data folder: fixed copies of attached images
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Target:
    """An account a post can go to, with the channel whose rules check it."""

    account_id: int
    network: Network
    label: str
    channel: str | None  # a key of RULES; None for the Local archive (no network rules)
    limit: int | None  # the account's own text limit (a Mastodon instance's), if known
    takes_comment: bool = False  # a first comment can go out from it
    by_hand: bool = False  # the user publishes it in the network's own app
    handle: str = ""  # as stored ("@name", "name.bsky.social"...): previews show it
    display_name: str = ""
    instance_url: str = ""  # a Mastodon account's server


def account_takes_comment(account: Account | None) -> bool:
    """Whether a first comment can go out from this account (through the network's API)."""
    return (
        account is not None
        and account.publish_method is PublishMethod.API
        and takes_first_comment(account.network)
    )


class UnsavableTextError(ValueError):
    """The text holds a broken character (a lone surrogate) that cannot be stored."""


class _Stale(Exception):  # noqa: N818 - internal: unwinds the save's transaction
    def __init__(self, post_id: int) -> None:
        super().__init__(post_id)
        self.post_id = post_id


class PostConflictError(Exception):
    """Someone saved the post (another machine, window or program) after this draft was
    loaded from it: nothing was written. ``theirs`` is the post as it is saved now."""

    def __init__(self, post_id: int, theirs: Draft) -> None:
        super().__init__(f"post {post_id} was saved elsewhere (now version {theirs.version})")
        self.post_id = post_id
        self.theirs = theirs


@dataclass(frozen=True, slots=True)
class Saved:
    post_id: int
    version: int  # the post's version after this save: the next save names it
    later: tuple[int, ...] = ()  # the later posts of its series given the same text


class Composer:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.link_fetcher: LinkPreviewFetcher | None = None  # None: the default timeouts
        self.shared_media = shared_media(workspace)

    @property
    def media_folder(self) -> Path:
        return self.workspace.home / MEDIA_FOLDER

    def targets(self) -> list[Target]:
        conn = self.workspace.connection()
        limits = composition.account_limits(conn)
        found = []
        for account in account_rows.list_accounts(conn):
            channel = account.network.value if account.network.value in RULES else None
            limit = limits.get(account.id, {}).get("max_characters")
            found.append(
                Target(
                    account.id,
                    account.network,
                    account.label,
                    channel,
                    limit if isinstance(limit, int) and limit > 0 else None,
                    account_takes_comment(account),
                    account.publish_method is PublishMethod.MANUAL,
                    account.handle,
                    account.display_name,
                    account.instance_url,
                )
            )
        return found

    def load(self, post_id: int) -> Draft | None:
        post = composition.load(self.workspace.connection(), post_id)
        if post is None:
            return None
        return Draft(
            base_text=post.base_text,
            account_ids=post.account_ids,
            variants=post.variants,
            threads=post.threads,
            attachments=tuple(
                Attachment(self._readable(m), m.alt_text, m.original_path) for m in post.media
            ),
            post_id=post_id,
            language=post.language,
            link_card=self._readable_card(post.link_card),
            first_comments=first_comment_rows.texts_of_post(self.workspace.connection(), post_id),
            version=post.version,
        )

    def saved_version(self, post_id: int) -> int | None:
        """The post's version as saved now (None: deleted or never there): one row by key."""
        return composition.current_version(self.workspace.connection(), post_id)

    def _readable(self, media: composition.MediaRow) -> str:
        """Where this machine reads the attached file (a shared workspace's copy of a file
        attached on another machine); the stored path when there is none, which the
        composer then shows as unreadable."""
        return self.shared_media.readable_path(media.path, media.sha256)

    def _readable_card(self, card: LinkCard | None) -> LinkCard | None:
        """The card with its picture where this machine reads it (see ``_readable``)."""
        if card is None or card.thumb_sha256 is None:
            return card
        path = self.shared_media.readable_path(card.thumb_path, card.thumb_sha256)
        return dataclasses.replace(card, thumb_path=path)

    def accounts_editable(self, post_id: int) -> bool:
        """Whether the saved post is still an undated draft everywhere, so the accounts it
        goes to may change (once it has a time or went out, they are fixed)."""
        return composition.draft_only(self.workspace.connection(), post_id)

    def save(self, draft: Draft) -> int | None:
        """Save ``draft`` (a new post as drafts for its accounts, or the post it edits) and
        drop the autosave; the post's id, or None when the edited post no longer exists.
        Raises PostConflictError when the post was saved elsewhere since ``draft.version``."""
        saved = self.write(draft)
        return None if saved is None else saved.post_id

    def write(self, draft: Draft, *, later_in_series: bool = False) -> Saved | None:
        """``save``, telling the post's new version too. With ``later_in_series``, the later
        posts of the post's repeating series not yet sent get its text and each account's
        own text in the same transaction (``app.series``): all saved, or nothing, and
        ``SeriesBusyError`` (nothing saved) while one of them is being sent."""
        texts = [
            draft.base_text,
            *draft.variants.values(),
            *(p for t in draft.threads.values() for p in t),
        ]
        texts += [a.alt_text for a in draft.attachments]
        texts += list(draft.first_comments.values())
        if any(_SURROGATE.search(t) for t in texts):
            raise UnsavableTextError("lone surrogate")
        chosen = set(draft.account_ids)
        try:
            return self._write(draft, chosen, later_in_series=later_in_series)
        except _Stale as stale:
            theirs = self.load(stale.post_id)
            if theirs is None:  # deleted in between: as a deleted post
                return None
            raise PostConflictError(stale.post_id, theirs) from None

    def _write(
        self, draft: Draft, chosen: set[int], *, later_in_series: bool = False
    ) -> Saved | None:
        variants = {a: t for a, t in draft.variants.items() if a in chosen and t != draft.base_text}
        threads = {a: parts for a, parts in draft.threads.items() if a in chosen and parts}
        media = [self._media_row(a) for a in draft.attachments]
        conn = self.workspace.writable_connection()
        with transaction(conn):
            post_id = draft.post_id
            if post_id is None:
                post_id = post_rows.create_post(conn, draft.base_text)
                for account_id in draft.account_ids:
                    post_rows.add_delivery(
                        conn,
                        post_id,
                        account_id,
                        scheduled_at=None,
                        time_zone=None,
                        state=DeliveryState.DRAFT,
                    )
            elif draft.account_ids and composition.draft_only(conn, post_id):
                composition.set_draft_accounts(conn, post_id, draft.account_ids)
            # A shared workspace keeps each file's bytes with the post, for other machines.
            media = [
                dataclasses.replace(m, sha256=self.shared_media.keep(conn, m.path)) for m in media
            ]
            card = draft.link_card
            if card is not None and card.thumb_path:
                kept = self.shared_media.keep(conn, card.thumb_path)
                card = dataclasses.replace(card, thumb_sha256=kept)
            written = composition.write(
                conn,
                post_id,
                base_text=draft.base_text,
                variants=variants,
                threads=threads,
                media=media,
                language=draft.language,
                link_card=card,
                version=draft.version if draft.post_id is not None else None,
            )
            if written.conflict:
                raise _Stale(post_id)  # rolls back what this transaction wrote already
            if not written or written.version is None:
                return None
            self._write_first_comments(conn, post_id, draft)
            later: list[int] = []
            if later_in_series and draft.post_id is not None:
                now = utc_now().replace(microsecond=0)
                later = apply_to_later(conn, post_id, draft.base_text, variants, now)
            if self._autosave_file() is None:
                autosave_rows.clear(conn, SLOT)
        self._clear_autosave_file()  # after the commit: the work is in the workspace now
        return Saved(post_id, written.version, tuple(later))

    @staticmethod
    def _write_first_comments(conn: sqlite3.Connection, post_id: int, draft: Draft) -> None:
        """Each delivery's first comment (none where the text is empty, or where the channel
        takes none); a comment on its way out or sent keeps what it went with."""
        now = utc_now()
        for row in delivery_rows.of_post(conn, post_id):
            text = draft.first_comments.get(row.account_id, "")
            account = account_rows.get_account(conn, row.account_id)
            if not account_takes_comment(account):
                text = ""
            first_comment_rows.set_text(conn, row.id, text, now)

    def autosave(self, draft: Draft) -> None:
        """Keep the composer's unsaved state (an empty composer keeps nothing)."""
        keep = not (draft.is_empty and draft.post_id is None)
        path = self._autosave_file()
        if path is not None:
            if keep:
                state = {"format": 1, "workspace": self._workspace_name(), "draft": to_json(draft)}
                write_bytes_atomically(path, json.dumps(state).encode("utf-8"))
            else:
                self._clear_autosave_file()
            return
        conn = self.workspace.writable_connection()
        with transaction(conn):
            if keep:
                autosave_rows.put(conn, SLOT, draft.post_id, to_json(draft))
            else:
                autosave_rows.clear(conn, SLOT)

    def recovered(self) -> Draft | None:
        """Unsaved work left by the last session (after a crash or a kill), if any."""
        path = self._autosave_file()
        if path is not None:
            text = self._autosave_file_text(path)
        else:
            text = autosave_rows.get(self.workspace.connection(), SLOT)
        if text is None:
            return None
        try:
            return from_json(text)
        except DraftFormatError:
            log.warning("the autosaved draft could not be read; it is kept as it is")
            return None

    def discard_autosave(self) -> None:
        if self._autosave_file() is not None:
            self._clear_autosave_file()
            return
        conn = self.workspace.writable_connection()
        with transaction(conn):
            autosave_rows.clear(conn, SLOT)

    def _autosave_file(self) -> Path | None:
        """Where a shared workspace's autosave lives on this machine; None on SQLite."""
        return self.workspace.home / AUTOSAVE_FILE if self.workspace.is_shared else None

    def _workspace_name(self) -> str:
        url = self.workspace.url
        return url.display() if url is not None else ""

    def _autosave_file_text(self, path: Path) -> str | None:
        """The draft kept in ``path`` for this workspace (one kept for another workspace, which
        the data folder used before, waits until that one is open again)."""
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.warning("the unsaved post kept on this computer could not be read; it is kept")
            return None
        if not isinstance(state, dict) or state.get("workspace") != self._workspace_name():
            return None
        draft = state.get("draft")
        return draft if isinstance(draft, str) else None

    def _clear_autosave_file(self) -> None:
        path = self._autosave_file()
        if path is not None and self._autosave_file_text(path) is not None:
            path.unlink(missing_ok=True)

    def link_card(self, url: str) -> LinkCard | None:
        """The card of the page at ``url`` (its picture kept in the media folder), or None
        when it cannot be read: offline, there is simply no card. Call it off the GUI thread."""
        from somestudio.app.link_cards import LinkCards  # noqa: PLC0415 - Pillow, requests

        return LinkCards(self.media_folder, self.link_fetcher).fetch(url)

    def probe(self, attachment: Attachment) -> MediaFacts:
        from somestudio.app import media as media_files  # noqa: PLC0415 - Pillow when needed

        return media_files.probe(Path(attachment.path), attachment.alt_text)

    def fit_image(self, attachment: Attachment, max_bytes: int) -> Attachment:
        """A copy of the image small enough for ``max_bytes`` in the data folder's media/;
        raises ``media.MediaFixError`` when that cannot be done."""
        from somestudio.app import media as media_files  # noqa: PLC0415 - Pillow when needed

        fitted = media_files.fit_image(Path(attachment.path), max_bytes, self.media_folder)
        original = attachment.original_path or attachment.path
        return Attachment(str(fitted), attachment.alt_text, original)

    def _media_row(self, attachment: Attachment) -> composition.MediaRow:
        from somestudio.app import media as media_files  # noqa: PLC0415 - Pillow when needed

        facts = self.probe(attachment)
        return composition.MediaRow(
            path=attachment.path,
            mime_type=media_files.mime_type(facts),
            alt_text=attachment.alt_text,
            width=facts.width or None,
            height=facts.height or None,
            byte_size=facts.byte_size or None,
            duration_ms=facts.duration_ms,
            frame_count=facts.frames,
            original_path=attachment.original_path,
        )
