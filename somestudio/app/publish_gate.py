"""What stops a saved post from going out: each account's error findings for the text it
would send (its own text, its thread, or the base text) and for the media.

The composer shows the same checks while the user types; this is the gate in the use cases,
so that no path (the schedule dialog, a shortcut, the calendar, the command line) can put a
delivery on the schedule that its network would refuse or cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from somestudio.app.composer import Composer, Target
from somestudio.app.draft_checks import MediaCache, check_draft
from somestudio.app.workspace import Workspace
from somestudio.domain import composer_messages, guideline_messages, messages, sign_in_messages
from somestudio.domain.collab import disclosure_messages
from somestudio.domain.collab.disclosure import check_disclosure
from somestudio.domain.drafts import Draft
from somestudio.domain.findings import Severity
from somestudio.domain.networks import Network


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about what goes to an account, by code (rendered in any language)."""

    code: str
    severity: Severity
    params: tuple[tuple[str, str | int], ...] = ()
    media: bool = False  # a media finding (its messages are in the composer's catalogue)

    def message_in(self, lang: str) -> str:
        if self.media:
            return composer_messages.render(self.code, lang, dict(self.params))
        if self.code.startswith("collab."):
            return disclosure_messages.render(self.code, lang, dict(self.params))
        if self.code.startswith("account."):
            return sign_in_messages.render(self.code, lang, dict(self.params))
        if self.code.startswith("guideline."):
            return guideline_messages.render(self.code, lang, dict(self.params))
        return messages.render(self.code, lang, dict(self.params))


@dataclass(frozen=True, slots=True)
class AccountProblems:
    account_id: int
    network: Network
    label: str
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


def post_problems(
    workspace: Workspace, post_id: int, account_ids: Iterable[int] | None = None
) -> list[AccountProblems]:
    """Errors and warnings per account of the saved post (only ``account_ids`` if given),
    in the post's account order; accounts without findings are left out."""
    composer = Composer(workspace)
    draft = composer.load(post_id)
    if draft is None:
        return []
    partner = disclosure_partner(workspace, post_id)
    return draft_problems(workspace, draft, account_ids, composer=composer, partner=partner)


def disclosure_partner(workspace: Workspace, post_id: int, paid: bool | None = None) -> str | None:
    """Whom the post's disclosure marking must name: its collaboration's partner; "" for a
    post ticked "paid collaboration" (``paid``, else as saved) but linked to none (the marking
    alone is required); None for a post that needs no marking."""
    from somestudio.store.collabs import partner_of_post  # noqa: PLC0415
    from somestudio.store.plan_library import is_paid  # noqa: PLC0415

    conn = workspace.connection()
    partner = partner_of_post(conn, post_id)
    if partner is not None:
        return partner
    return "" if (is_paid(conn, post_id) if paid is None else paid) else None


def edit_blockers(
    workspace: Workspace, draft: Draft, *, paid: bool | None = None
) -> list[AccountProblems]:
    """The errors that stop ``draft`` from being saved over its post while the post is
    scheduled: the same gate as scheduling, for the accounts it is scheduled on (a scheduled
    post must not lose what scheduling it required, e.g. its disclosure marking)."""
    if draft.post_id is None:
        return []
    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415
    from somestudio.store import deliveries as delivery_rows  # noqa: PLC0415

    rows = delivery_rows.of_post(workspace.connection(), draft.post_id)
    accounts = [r.account_id for r in rows if r.state is DeliveryState.SCHEDULED]
    if not accounts:
        return []
    partner = disclosure_partner(workspace, draft.post_id, paid)
    return only_errors(draft_problems(workspace, draft, accounts, partner=partner))


def draft_problems(
    workspace: Workspace,
    draft: Draft,
    account_ids: Iterable[int] | None = None,
    *,
    composer: Composer | None = None,
    partner: str | None = None,
) -> list[AccountProblems]:
    """Like ``post_problems`` for a post not saved yet (the command line's new posts).
    A post of a paid collaboration with ``partner`` must carry the disclosure marking."""
    composer = composer or Composer(workspace)
    wanted = set(draft.account_ids if account_ids is None else account_ids)
    targets = [t for t in composer.targets() if t.account_id in wanted]
    report = check_draft(draft, targets, lang="en", media=MediaCache())
    house = house_errors(workspace, draft, targets, paid=partner is not None)
    found: list[AccountProblems] = []
    for account_id, target in report.targets.items():
        problems: dict[Problem, None] = {}  # in order, each once
        for rule in house.get(account_id, ()):
            problems[rule] = None
        for finding in report.text_findings:
            problems[Problem(finding.code, finding.severity, finding.params)] = None
        for check in target.posts:
            for finding in check.findings:
                problems[Problem(finding.code, finding.severity, finding.params)] = None
        for media in target.media:
            problems[Problem(media.code, media.severity, media.params, media=True)] = None
        channel = target.target.channel
        if partner is not None and channel is not None:  # the Local archive is no feed
            first = target.thread[0] if target.thread else target.text
            name = target.target.network.display_name
            for item in check_disclosure(first, partner, channel, channel_name=name):
                problems[Problem(item.code, item.severity, item.params)] = None
        if problems:
            network = target.target.network
            found.append(AccountProblems(account_id, network, target.target.label, tuple(problems)))
    return found


def house_errors(
    workspace: Workspace, draft: Draft, targets: Sequence[Target], *, paid: bool
) -> dict[int, tuple[Problem, ...]]:
    """The house style's errors (a banned word, a paid post without its tag, an image without
    the alt text the rules require) by account: they block, as the composer's ✕ says (a post
    with a banned word was scheduled, and its review pack said it passed)."""
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415

    return {
        found.account_id: tuple(
            Problem(f.code, f.severity, f.params)
            for f in found.findings
            if f.severity is Severity.ERROR
        )
        for found in PlanLibrary(workspace).check_draft(draft, targets, paid=paid, lang="en")
    }


def blocking_problems(
    workspace: Workspace, post_id: int, account_ids: Iterable[int] | None = None
) -> list[AccountProblems]:
    """Only the accounts with errors (each with only its errors)."""
    return only_errors(post_problems(workspace, post_id, account_ids))


def only_errors(found: Iterable[AccountProblems]) -> list[AccountProblems]:
    return [AccountProblems(a.account_id, a.network, a.label, a.errors) for a in found if a.errors]
