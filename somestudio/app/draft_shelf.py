"""The Drafts list's use cases: undated posts with the composer's own checks, scheduling one
that was dropped on the calendar (never for an account its text has an error for), and
putting it back (undo).

Problems are kept as findings (codes and parameters), rendered in the asked language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from somestudio.app.composer import Composer, Target
from somestudio.app.draft_checks import DraftReport, MediaCache, TargetReport, check_draft
from somestudio.app.planning import Planner, PlanningError
from somestudio.app.publish_gate import disclosure_partner
from somestudio.app.workspace import Workspace
from somestudio.domain.collab.disclosure import check_disclosure
from somestudio.domain.findings import Severity
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_now
from somestudio.store import deliveries as delivery_rows
from somestudio.store import draft_list
from somestudio.store.database import transaction


class ShelfError(PlanningError):
    """A drafts-list change that cannot be made; ``code`` says why (the UI words it):
    "past", "starting", "gone", "no_accounts", "published"."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Problem:
    account: str  # "" for the text as a whole (no account chosen yet)
    severity: Severity
    message: str


@dataclass(frozen=True, slots=True)
class ShelvedDraft:
    post_id: int
    text: str
    created_at: datetime
    accounts: tuple[tuple[int, Network, str], ...]
    problems: tuple[Problem, ...]  # errors first

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


@dataclass(frozen=True, slots=True)
class DropOutcome:
    scheduled: tuple[int, ...]  # delivery ids now scheduled
    held: tuple[int, ...]  # delivery ids kept as drafts (dated) because of an error
    blocking: tuple[Problem, ...]  # the errors that held them

    @property
    def delivery_ids(self) -> tuple[int, ...]:
        return self.scheduled + self.held


def without_network(message: str, network: str) -> str:
    """``message`` without its leading "Network: ": the account label already names it."""
    prefix = f"{network}: "
    if not message.startswith(prefix):
        return message
    rest = message[len(prefix) :]
    return rest[:1].upper() + rest[1:]


def target_problems(
    report: TargetReport, partner: str | None = None, lang: str = "en"
) -> list[Problem]:
    """One account's problems as the composer lists them (each message once), each under
    the account's label ("Network · name"), so the message does not name the network again.
    ``partner`` (``publish_gate.disclosure_partner``): the paid-collaboration marking the
    post must carry, checked as the publish gate does."""
    network = report.target.network.display_name
    label = f"{network} · {report.target.label}"
    found: dict[tuple[Severity, str], Problem] = {}
    channel = report.target.channel
    if partner is not None and channel is not None:  # the Local archive is no feed
        first = report.thread[0] if report.thread else report.text
        for item in check_disclosure(first, partner, channel, channel_name=network, lang=lang):
            found.setdefault(
                (item.severity, item.message),
                Problem(label, item.severity, without_network(item.message, network)),
            )
    for check in report.posts:
        for finding in check.findings:
            found.setdefault(
                (finding.severity, finding.message),
                Problem(label, finding.severity, without_network(finding.message, network)),
            )
    for media in report.media:
        found.setdefault(
            (media.severity, media.message),
            Problem(label, media.severity, without_network(media.message, network)),
        )
    return sorted(found.values(), key=lambda p: p.severity is not Severity.ERROR)


def report_problems(
    report: DraftReport, partner: str | None = None, lang: str = "en"
) -> tuple[Problem, ...]:
    problems: list[Problem] = []
    if not report.targets:
        problems = [Problem("", f.severity, f.message) for f in report.text_findings]
    for target in report.targets.values():
        problems += target_problems(target, partner, lang)
    return tuple(sorted(problems, key=lambda p: p.severity is not Severity.ERROR))


class DraftShelf:
    def __init__(
        self,
        workspace: Workspace,
        planner: Planner | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.workspace = workspace
        self.planner = planner
        self._composer = Composer(workspace)
        self._media = MediaCache()  # for ``drafts``, which one worker thread runs at a time
        self._now = now

    def drafts(self, lang: str) -> list[ShelvedDraft]:
        """Every undated post, newest first, with its problems in ``lang``."""
        targets = self._composer.targets()
        shelved = []
        for row in draft_list.undated_posts(self.workspace.connection()):
            report = self.check(row.post_id, lang, targets, media=self._media)
            partner = disclosure_partner(self.workspace, row.post_id)
            problems = report_problems(report, partner, lang) if report is not None else ()
            shelved.append(
                ShelvedDraft(row.post_id, row.text, row.created_at, row.accounts, problems)
            )
        return shelved

    def check(
        self,
        post_id: int,
        lang: str,
        targets: list[Target] | None = None,
        *,
        media: MediaCache | None = None,
    ) -> DraftReport | None:
        draft = self._composer.load(post_id)
        if draft is None:
            return None
        chosen = self._composer.targets() if targets is None else targets
        return check_draft(draft, chosen, lang=lang, media=media or MediaCache())

    def schedule(self, post_id: int, at: datetime, zone: str, lang: str) -> DropOutcome:
        """Schedule the draft's deliveries at ``at`` (aware) in ``zone``. An account whose
        text has an error is not scheduled: its delivery stays a draft, placed at that time
        so it shows on the calendar, and the errors are returned. Raises PlanningError when
        nothing can be done (gone, no account, in the past, no planner)."""
        planner = self._require_planner()
        if at <= self._now():
            raise ShelfError("past", "that time has already passed; choose a later one")
        report = self.check(post_id, lang)
        if report is None:
            raise ShelfError("gone", f"post {post_id} does not exist or is deleted")
        rows = [
            r
            for r in delivery_rows.of_post(self.workspace.connection(), post_id)
            if r.scheduled_at is None
        ]
        if not rows:
            raise ShelfError("no_accounts", "this post has no account to go to; choose one first")
        partner = disclosure_partner(self.workspace, post_id)
        scheduled: list[int] = []
        held: list[int] = []
        blocking: list[Problem] = []
        try:
            for row in rows:
                target = report.targets.get(row.account_id)
                errors = (
                    [
                        p
                        for p in target_problems(target, partner, lang)
                        if p.severity is Severity.ERROR
                    ]
                    if target is not None
                    else []
                )
                if errors:
                    planner.move(row.id, at, zone)  # stays a draft, now on the calendar
                    held.append(row.id)
                    blocking += errors
                else:
                    planner.reschedule(row.id, at, zone)
                    scheduled.append(row.id)
        except PlanningError:
            self.unschedule(tuple(scheduled + held))  # all or nothing
            raise
        return DropOutcome(tuple(scheduled), tuple(held), tuple(blocking))

    def unschedule(self, delivery_ids: tuple[int, ...]) -> None:
        """Undo a drop: the deliveries are undated drafts again (back on the Drafts list)."""
        conn = self.workspace.writable_connection()
        with transaction(conn):
            changed = draft_list.clear_times(conn, list(delivery_ids), self._now())
        if changed != len(delivery_ids):
            raise ShelfError("published", "some of it was published meanwhile; that part stays")
        planner = self.planner
        if planner is not None and planner.engine is not None and planner.engine.running:
            planner.engine.refresh(list(delivery_ids))

    def delete(self, post_id: int) -> None:
        self._require_planner().delete_post(post_id)

    def restore(self, post_id: int) -> None:
        self._require_planner().restore_post(post_id)

    def _require_planner(self) -> Planner:
        if self.planner is None:
            raise ShelfError("starting", "the scheduler is still starting; try again in a moment")
        return self.planner
