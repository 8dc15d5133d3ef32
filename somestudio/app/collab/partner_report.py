"""What the partner report shows: the collaboration's published posts with their reach and
engagement, beside the creator's own average on the same account (their other posts of the
90 days before the first collaboration post), so the partner sees how the posts did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import mean

from somestudio.app.workspace import Workspace
from somestudio.domain.collab.records import Collaboration
from somestudio.domain.dashboard import MetricsFilter, PostRow
from somestudio.domain.metrics import engagement_rate
from somestudio.domain.networks import Network
from somestudio.store import collabs as rows
from somestudio.store import metric_queries as metric_rows

BASELINE = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class ReportPost:
    network: Network
    account_label: str
    published_at: datetime
    text: str
    url: str | None
    views: int | None
    engagements: int | None  # None: the network gave no numbers for it (yet)
    rate: float | None  # engagements per view (or per follower)


@dataclass(frozen=True, slots=True)
class Baseline:
    """The creator's own average on one account, from ``posts`` other posts."""

    network: Network
    account_label: str
    posts: int
    views: float | None
    engagements: float | None
    rate: float | None


@dataclass(frozen=True, slots=True)
class PartnerReport:
    collab: Collaboration
    language: str
    posts: tuple[ReportPost, ...]
    baselines: tuple[Baseline, ...]
    made_at: datetime

    @property
    def total_views(self) -> int | None:
        """None when no network reported views (not 0: nothing was counted)."""
        views = [p.views for p in self.posts if p.views is not None]
        return sum(views) if views else None

    @property
    def total_engagements(self) -> int:
        return sum(p.engagements or 0 for p in self.posts)


def _published(workspace: Workspace, collab: Collaboration) -> list[PostRow]:
    conn = workspace.connection()
    post_ids = [d.post_id for d in collab.deliverables if d.post_id is not None]
    ids = rows.published_deliveries(conn, post_ids)
    return metric_rows.posts_by_delivery(conn, ids)


def _rate(workspace: Workspace, row: PostRow) -> float | None:
    if not row.counts.offers_anything():  # no numbers yet: not a rate of 0
        return None
    followers = metric_rows.followers_before(
        workspace.connection(), row.account_id, row.published_at
    )
    return engagement_rate(row.counts, followers)


def build_partner_report(
    workspace: Workspace, collab_id: int, now: datetime, language: str | None = None
) -> PartnerReport:
    conn = workspace.connection()
    collab = rows.collaboration(conn, collab_id)
    if collab is None:
        from somestudio.app.collab.service import CollabError  # noqa: PLC0415

        raise CollabError("collab.not_found", id=str(collab_id))
    published = _published(workspace, collab)
    posts = tuple(
        ReportPost(
            r.network,
            r.account_label,
            r.published_at,
            r.text,
            r.remote_url,
            r.counts.views,
            r.engagements if r.counts.offers_anything() else None,
            _rate(workspace, r),
        )
        for r in published
    )
    own = {r.delivery_id for r in published}
    baselines: list[Baseline] = []
    for account_id in dict.fromkeys(r.account_id for r in published):
        first = min(r.published_at for r in published if r.account_id == account_id)
        others = [
            r
            for r in metric_rows.published_posts(
                conn, MetricsFilter(account_ids=frozenset({account_id})), first - BASELINE, first
            )
            if r.delivery_id not in own
        ]
        sample = next(r for r in published if r.account_id == account_id)
        others = [r for r in others if r.counts.offers_anything()]
        views = [r.counts.views for r in others if r.counts.views is not None]
        rates = [x for x in (_rate(workspace, r) for r in others) if x is not None]
        baselines.append(
            Baseline(
                sample.network,
                sample.account_label,
                len(others),
                mean(views) if views else None,
                mean(r.engagements for r in others) if others else None,
                mean(rates) if rates else None,
            )
        )
    return PartnerReport(collab, language or collab.partner.language, posts, tuple(baselines), now)
