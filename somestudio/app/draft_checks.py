"""Checking a whole draft for the accounts it goes to: each account's text (its variant or
the base text) or each part of its thread by that channel's rules, the fold, and the media.

Runs off the GUI thread: the composer calls :func:`check_draft` after each pause in typing.
One :class:`TextAnalysis` of the base text is shared by every account that uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from somestudio.app.composer import Target
from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.channels import RULES, ChannelCheck
from somestudio.domain.drafts import Attachment, Draft
from somestudio.domain.entities import Entities
from somestudio.domain.findings import Finding, Severity, warning
from somestudio.domain.folds import fold_offset
from somestudio.domain.media import MediaFacts, MediaFinding, check_media
from somestudio.domain.threads import THREAD_CHANNELS, post_breaks


@dataclass(frozen=True, slots=True)
class TargetReport:
    target: Target
    text: str  # what goes out (variant or base); for a thread, its parts joined
    uses_base: bool
    posts: tuple[ChannelCheck, ...]  # one per post: the text, or each part of the thread
    thread: tuple[str, ...]  # the parts, when it goes out as a thread
    fold: int | None  # where the feed folds the (first) post behind "see more"
    media: tuple[MediaFinding, ...]
    entities: Entities | None  # of a variant's text (the base text's are on the report)
    comment: str = ""  # the first comment, if any (sent as a reply right after the post)
    comment_check: ChannelCheck | None = None  # the comment by the same channel's rules

    @property
    def ok(self) -> bool:
        comment_ok = self.comment_check is None or self.comment_check.ok
        return (
            comment_ok
            and all(c.ok for c in self.posts)
            and not any(f.severity.value == "error" for f in self.media)
        )


@dataclass(frozen=True, slots=True)
class DraftReport:
    base_text: str
    entities: Entities
    text_findings: tuple[Finding, ...]  # NUL, broken characters... in the base text
    targets: dict[int, TargetReport]
    media: tuple[MediaFacts, ...]


class MediaCache:
    """Probe results by file (path, size, modification time), so a keystroke re-probes
    nothing. Used from one worker thread at a time."""

    def __init__(self) -> None:
        self._facts: dict[tuple[str, int, int], MediaFacts] = {}

    def facts(self, attachment: Attachment) -> MediaFacts:
        from somestudio.app import media as media_files  # noqa: PLC0415 - Pillow when needed

        path = Path(attachment.path)
        try:
            stat = path.stat()
            key = (attachment.path, stat.st_size, stat.st_mtime_ns)
        except OSError:
            return media_files.probe(path, attachment.alt_text)
        found = self._facts.get(key)
        if found is None:
            found = media_files.probe(path)
            self._facts[key] = found
        return replace(found, alt_text=attachment.alt_text)


def check_draft(
    draft: Draft, targets: Sequence[Target], *, lang: str, media: MediaCache
) -> DraftReport:
    base = TextAnalysis(draft.base_text)
    facts = tuple(media.facts(a) for a in draft.attachments)
    chosen = [t for t in targets if t.account_id in draft.account_ids]
    reports = {t.account_id: _target(draft, t, base, facts, lang) for t in chosen}
    return DraftReport(
        base_text=draft.base_text,
        entities=base.entities,
        text_findings=tuple(base.text_findings(lang)),
        targets=reports,
        media=facts,
    )


# What only the network's API refuses: its own app converts formats, crops and shrinks what
# a person uploads there. For an account published by hand these inform, they do not block.
API_ONLY_MEDIA = frozenset(
    {"media.format", "media.too_big", "media.aspect", "media.video_length", "media.video_not_sent"}
)


def _as_by_hand(finding: MediaFinding) -> MediaFinding:
    if finding.code in API_ONLY_MEDIA and finding.severity is Severity.ERROR:
        return replace(finding, severity=Severity.WARNING)
    return finding


def with_break_warnings(check: ChannelCheck, text: str, title: str, lang: str) -> ChannelCheck:
    """A writer's ``---`` line in a text sent as one post is sent as it is: said, where it
    is (a new user split X into a thread at them, and Bluesky and Mastodon would have
    posted the dashes)."""
    code = "post_break.one_post" if check.channel in THREAD_CHANNELS else "post_break.no_thread"
    found = [warning(code, start, end, lang, channel=title) for start, end in post_breaks(text)]
    return replace(check, findings=check.findings + tuple(found)) if found else check


def _target(
    draft: Draft,
    target: Target,
    base: TextAnalysis,
    facts: tuple[MediaFacts, ...],
    lang: str,
) -> TargetReport:
    variant = draft.variants.get(target.account_id)
    analysis = base if variant is None else TextAnalysis(variant)
    thread = tuple(draft.threads.get(target.account_id, ()))
    channel = target.channel
    title = target.network.display_name
    media = tuple(check_media(channel or "", facts, title=title, lang=lang))
    if target.by_hand:
        media = tuple(_as_by_hand(f) for f in media)
    posts: tuple[ChannelCheck, ...] = ()
    comment = (
        draft.first_comments.get(target.account_id, "").strip() if target.takes_comment else ""
    )
    comment_check: ChannelCheck | None = None
    if channel is not None:
        rule = RULES[channel]
        texts = thread or (analysis,)
        posts = tuple(rule.check(t, limit_override=target.limit, lang=lang) for t in texts)
        if not thread:
            posts = (with_break_warnings(posts[0], analysis.text, title, lang), *posts[1:])
        if comment:  # a reply is a post of the same channel: the same counting and limit
            comment_check = rule.check(comment, limit_override=target.limit, lang=lang)
    first = thread[0] if thread else analysis.text
    return TargetReport(
        target=target,
        text="\n\n".join(thread) if thread else analysis.text,
        uses_base=variant is None,
        posts=posts,
        thread=thread,
        fold=fold_offset(first, channel) if channel else None,
        media=media,
        entities=None if variant is None else analysis.entities,
        comment=comment,
        comment_check=comment_check,
    )
