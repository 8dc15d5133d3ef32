"""The review pack (issue 17): a week or a month of the plan gathered for a reviewer outside
the app (a client, a manager) — every post the calendar shows in the period, each with the
accounts it goes to and, per account, the composer's own check of it (its variant or thread,
the fold, the first comment, counts and findings), and its pictures made small enough to be
carried inside one file. The window's writers turn it into one HTML page or a PDF."""

from __future__ import annotations

import io
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.composer import Composer
from somestudio.app.draft_checks import DraftReport, MediaCache, TargetReport, check_draft
from somestudio.app.plan_library import PlanLibrary
from somestudio.app.publish_gate import disclosure_partner
from somestudio.app.studio import Studio
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.drafts import Draft
from somestudio.domain.guidelines import GuidelineFinding
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.posts import ScheduledEntry

THUMB_EDGE = 640  # pixels: the longer side of a picture inside the pack
WEEK = "week"
MONTH = "month"


@dataclass(frozen=True, slots=True)
class ReviewPeriod:
    """Local days ``first`` up to (not including) ``end``: one week or one month."""

    kind: str  # WEEK or MONTH
    first: date
    end: date

    @property
    def last(self) -> date:
        return self.end - timedelta(days=1)

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """The period as aware instants (midnights in ``zone``)."""
        return (
            datetime.combine(self.first, time(0), zone),
            datetime.combine(self.end, time(0), zone),
        )

    @property
    def file_stem(self) -> str:
        if self.kind == WEEK:
            year, week, _ = (self.first + timedelta(days=3)).isocalendar()  # its Thursday's
            return f"review-{year}-W{week:02d}"
        return f"review-{self.first:%Y-%m}"


def month_period(day: date) -> ReviewPeriod:
    first = day.replace(day=1)
    end = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return ReviewPeriod(MONTH, first, end)


def week_period(day: date, first_weekday: int = 1) -> ReviewPeriod:
    """The week holding ``day``, starting on ``first_weekday`` (ISO: 1 Monday … 7 Sunday)."""
    first = day - timedelta(days=(day.isoweekday() - first_weekday) % 7)
    return ReviewPeriod(WEEK, first, first + timedelta(days=7))


def parse_month(text: str) -> ReviewPeriod:
    """``YYYY-MM`` → that month (ValueError with a usable message)."""
    try:
        year, month = text.strip().split("-")
        return month_period(date(int(year), int(month), 1))
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a month like 2026-12") from exc


def parse_week(text: str) -> ReviewPeriod:
    """``YYYY-Www`` (an ISO week, Monday to Sunday) → that week."""
    try:
        year, week = text.strip().upper().split("-W")
        return week_period(date.fromisocalendar(int(year), int(week), 1))
    except ValueError as exc:
        raise ValueError(f"{text!r} is not an ISO week like 2026-W49") from exc


@dataclass(frozen=True, slots=True)
class PackImage:
    """A picture carried inside the pack (a small JPEG or PNG), or a file it could not be."""

    name: str
    mime: str = ""  # "" when there is no picture to show (a video, an unreadable file)
    data: bytes = b""
    alt_text: str = ""


@dataclass(frozen=True, slots=True)
class PackTarget:
    """One account the post goes to: its delivery and the composer's check of its text."""

    report: TargetReport
    state: DeliveryState
    scheduled_at: datetime  # aware, in the pack's zone
    time_zone: str  # the zone the user chose for it
    approval: str = ""  # "waiting" for an editor, "returned" with a comment, or ""
    house: tuple[GuidelineFinding, ...] = ()  # the house style's findings, in the pack's language


@dataclass(frozen=True, slots=True)
class PackPost:
    post_id: int
    when: datetime  # its first delivery, in the pack's zone
    targets: tuple[PackTarget, ...]
    labels: tuple[str, ...] = ()
    images: tuple[PackImage, ...] = ()
    card: LinkCard | None = None
    card_image: PackImage | None = None


@dataclass(frozen=True, slots=True)
class ReviewPack:
    period: ReviewPeriod
    zone: ZoneInfo
    made_at: datetime
    language: str
    posts: tuple[PackPost, ...] = field(default_factory=tuple)


def build_review_pack(
    studio: Studio,
    period: ReviewPeriod,
    zone: ZoneInfo,
    *,
    language: str,
    now: datetime | None = None,
) -> ReviewPack:
    """Every post with a delivery in ``period`` (as the calendar lists them: any state), in
    time order; each checked as the composer checks it, in ``language``."""
    start, end = period.bounds(zone)
    by_post: dict[int, list[ScheduledEntry]] = defaultdict(list)
    for entry in studio.entries_between(start, end):
        by_post[entry.post_id].append(entry)
    composer = Composer(studio.workspace)
    targets = {t.account_id: t for t in composer.targets()}
    cache = MediaCache()
    library = PlanLibrary(studio.workspace)
    posts: list[PackPost] = []
    for post_id, entries in by_post.items():
        draft = composer.load(post_id)
        if draft is None:
            continue
        wanted = {e.account_id: e for e in entries if e.account_id in targets}
        checked = Draft(
            base_text=draft.base_text,
            account_ids=tuple(a for a in draft.account_ids if a in wanted),
            variants=draft.variants,
            threads=draft.threads,
            attachments=draft.attachments,
            post_id=draft.post_id,
            language=draft.language,
            link_card=draft.link_card,
            first_comments=draft.first_comments,
        )
        report = check_draft(checked, list(targets.values()), lang=language, media=cache)
        paid = disclosure_partner(studio.workspace, post_id) is not None
        house = {
            found.account_id: found.findings
            for found in library.check_draft(
                checked, list(targets.values()), paid=paid, lang=language
            )
        }
        posts.append(_post(post_id, draft, report, wanted, zone, house=house))
    posts.sort(key=lambda p: (p.when, p.post_id))
    made = (now or datetime.now(UTC)).astimezone(zone)
    return ReviewPack(period, zone, made, language, tuple(posts))


def _post(
    post_id: int,
    draft: Draft,
    report: DraftReport,
    entries: dict[int, ScheduledEntry],
    zone: ZoneInfo,
    *,
    house: dict[int, tuple[GuidelineFinding, ...]],
) -> PackPost:
    packed = tuple(
        PackTarget(
            report.targets[account_id],
            entry.state,
            entry.scheduled_at.astimezone(zone),
            entry.time_zone,
            entry.approval,
            house.get(account_id, ()),
        )
        for account_id, entry in sorted(
            entries.items(), key=lambda item: (item[1].scheduled_at, item[0])
        )
        if account_id in report.targets
    )
    labels = next(iter(entries.values())).labels if entries else ()
    card = draft.link_card if draft.link_card is not None and draft.link_card.shown else None
    card_image = None
    if card is not None and card.thumb_path:
        card_image = small_picture(Path(card.thumb_path), "")
    return PackPost(
        post_id=post_id,
        when=min(t.scheduled_at for t in packed) if packed else datetime.min.replace(tzinfo=zone),
        targets=packed,
        labels=labels,
        images=tuple(small_picture(Path(a.path), a.alt_text) for a in draft.attachments),
        card=card,
        card_image=card_image,
    )


def small_picture(path: Path, alt_text: str) -> PackImage:
    """``path`` as a picture at most ``THUMB_EDGE`` pixels across (JPEG, or PNG where it has
    transparency); a video or a file that cannot be read comes back without data."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                image = ImageOps.exif_transpose(opened)
                image.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.LANCZOS)
                out = io.BytesIO()
                if image.mode in ("RGBA", "LA", "P"):
                    image.convert("RGBA").save(out, "PNG", optimize=True)
                    mime = "image/png"
                else:
                    image.convert("RGB").save(out, "JPEG", quality=80)
                    mime = "image/jpeg"
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        return PackImage(path.name, alt_text=alt_text)
    return PackImage(path.name, mime, out.getvalue(), alt_text)


def state_counts(pack: ReviewPack) -> dict[DeliveryState, int]:
    """How many deliveries of the pack are in each state (for its summary line)."""
    counts: dict[DeliveryState, int] = defaultdict(int)
    for post in pack.posts:
        for target in post.targets:
            counts[target.state] += 1
    return dict(counts)
