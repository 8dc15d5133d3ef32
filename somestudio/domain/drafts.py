"""What the composer holds: one base text, a variant or a thread per account, attachments.

``to_json``/``from_json`` carry it through the autosave table. JSON escapes characters
SQLite could not store as UTF-8 text (a lone surrogate), so an autosave never fails on what
the user typed or pasted.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from somestudio.domain.link_cards import LinkCard

_VERSION = 1


@dataclass(frozen=True, slots=True)
class Attachment:
    path: str
    alt_text: str = ""
    original_path: str | None = None  # the user's file, when ``path`` is a fixed copy


@dataclass(frozen=True, slots=True)
class Draft:
    """The composer's whole state. ``variants`` maps an account to its own text (absent: the
    base text); ``threads`` maps an account to the parts it goes out as."""

    base_text: str = ""
    account_ids: tuple[int, ...] = ()
    variants: Mapping[int, str] = field(default_factory=dict)
    threads: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    attachments: tuple[Attachment, ...] = ()
    post_id: int | None = None  # the saved post being edited; None for a new one
    language: str = ""  # the post's language (ISO 639-1, e.g. "fi"); "" for not said
    link_card: LinkCard | None = None  # the first link's card, as fetched and edited
    # The optional first comment per account, sent as a reply right after the post.
    first_comments: Mapping[int, str] = field(default_factory=dict)
    # The saved post's version this draft was made from (None for a new post): a save from
    # an older version is refused rather than overwrite what someone else saved since. Not
    # part of equality: the same text from another version is still the same text.
    version: int | None = field(default=None, compare=False)
    # The composer's "Paid collaboration" box and labels as they were (None: not said): kept
    # with unsaved work, so a restart brings them back with the text (the box came back
    # unticked, and the disclosure check with it was off). Saved posts keep them in their
    # own table; not part of equality.
    paid: bool | None = field(default=None, compare=False)
    labels: tuple[str, ...] | None = field(default=None, compare=False)

    def text_for(self, account_id: int) -> str:
        return self.variants.get(account_id, self.base_text)

    @property
    def is_empty(self) -> bool:
        return (
            not self.base_text.strip()
            and not any(v.strip() for v in self.variants.values())
            and not self.threads
            and not self.attachments
        )


def to_json(draft: Draft) -> str:
    return json.dumps(
        {
            "version": _VERSION,
            "post_id": draft.post_id,
            "base_text": draft.base_text,
            "account_ids": list(draft.account_ids),
            "variants": {str(k): v for k, v in draft.variants.items()},
            "threads": {str(k): list(v) for k, v in draft.threads.items()},
            "first_comments": {str(k): v for k, v in draft.first_comments.items()},
            "attachments": [
                {"path": a.path, "alt_text": a.alt_text, "original_path": a.original_path}
                for a in draft.attachments
            ],
            "language": draft.language,
            "link_card": _card_json(draft.link_card),
            "post_version": draft.version,
            "paid": draft.paid,
            "labels": None if draft.labels is None else list(draft.labels),
        },
        ensure_ascii=True,  # lone surrogates become \\udxxx escapes, valid UTF-8 to SQLite
    )


def _card_json(card: LinkCard | None) -> dict[str, Any] | None:
    if card is None:
        return None
    return {
        "url": card.url,
        "title": card.title,
        "description": card.description,
        "image_url": card.image_url,
        "thumb_path": card.thumb_path,
        "hidden": card.hidden,
    }


def _card_of(data: Any) -> LinkCard | None:
    if not isinstance(data, dict):
        return None
    return LinkCard(
        url=str(data["url"]),
        title=str(data.get("title", "")),
        description=str(data.get("description", "")),
        image_url=str(data.get("image_url", "")),
        thumb_path=str(data.get("thumb_path", "")),
        hidden=bool(data.get("hidden", False)),
    )


class DraftFormatError(ValueError):
    pass


def from_json(text: str) -> Draft:
    """The draft in ``text``; raises DraftFormatError for anything that is not one."""
    try:
        data = json.loads(text)
        post_id = data.get("post_id")
        version = data.get("post_version")
        return Draft(
            base_text=str(data["base_text"]),
            account_ids=tuple(int(a) for a in data.get("account_ids", [])),
            variants={int(k): str(v) for k, v in data.get("variants", {}).items()},
            threads={int(k): tuple(str(p) for p in v) for k, v in data.get("threads", {}).items()},
            attachments=tuple(
                Attachment(str(a["path"]), str(a.get("alt_text", "")), a.get("original_path"))
                for a in data.get("attachments", [])
            ),
            post_id=None if post_id is None else int(post_id),
            language=str(data.get("language", "")),
            link_card=_card_of(data.get("link_card")),
            first_comments={int(k): str(v) for k, v in data.get("first_comments", {}).items()},
            version=None if version is None else int(version),
            paid=None if data.get("paid") is None else bool(data["paid"]),
            labels=None
            if data.get("labels") is None
            else tuple(str(label) for label in data["labels"]),
        )
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise DraftFormatError(str(exc)) from exc
