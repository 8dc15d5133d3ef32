"""The media kit: the creator's channels with followers and growth, average engagement
rate per channel, best posts, and what only the creator knows (audience notes, rates),
with past partners only when the creator opts in. Made from the last 90 days of numbers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from statistics import mean

from somestudio.app.workspace import Workspace
from somestudio.domain.dashboard import MetricsFilter, PostRow
from somestudio.domain.metrics import engagement_rate
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store import collabs as collab_rows
from somestudio.store import metric_queries as metric_rows
from somestudio.store import planning_options
from somestudio.store.database import transaction

WINDOW = timedelta(days=90)
GROWTH = timedelta(days=30)
BEST = 5
OPTIONS_KEY = "media_kit"
_PAST = ("delivered", "invoiced", "paid")


@dataclass(frozen=True, slots=True)
class KitSettings:
    """What the creator writes for the kit (kept in the workspace)."""

    name: str = ""
    audience: str = ""
    rates: str = ""  # one rate a line, as typed ("Instagram post 450 €")
    show_partners: bool = False
    language: str = "fi"


@dataclass(frozen=True, slots=True)
class KitChannel:
    network: Network
    label: str
    followers: int | None
    growth: int | None  # followers gained in the last 30 days (None: no earlier count)
    posts: int  # published in the window
    rate: float | None  # mean engagement rate of those posts


@dataclass(frozen=True, slots=True)
class MediaKit:
    settings: KitSettings
    channels: tuple[KitChannel, ...]
    best: tuple[PostRow, ...]
    partners: tuple[str, ...]  # empty unless opted in
    made_at: datetime


def load_settings(workspace: Workspace, default_language: str = "fi") -> KitSettings:
    """The kit's settings as saved; ``default_language`` until a language was chosen (the
    window passes its own)."""
    raw = planning_options.get(workspace.connection(), OPTIONS_KEY)
    if not isinstance(raw, dict):
        return KitSettings(language=default_language)
    known = {k: v for k, v in raw.items() if k in KitSettings.__dataclass_fields__}
    try:
        settings = KitSettings(**known)
    except TypeError:
        return KitSettings(language=default_language)
    chosen = raw.get("language")
    language = chosen if chosen in ("fi", "en") else default_language
    return replace(settings, language=language, show_partners=bool(settings.show_partners))


def save_settings(workspace: Workspace, settings: KitSettings) -> None:
    conn = workspace.writable_connection()
    with transaction(conn):
        planning_options.put(
            conn,
            OPTIONS_KEY,
            {
                "name": settings.name,
                "audience": settings.audience,
                "rates": settings.rates,
                "show_partners": settings.show_partners,
                "language": settings.language,
            },
        )


def build_media_kit(
    workspace: Workspace, now: datetime, settings: KitSettings | None = None
) -> MediaKit:
    conn = workspace.connection()
    settings = settings or load_settings(workspace)
    channels: list[KitChannel] = []
    for account in account_rows.list_accounts(conn):
        if account.network is Network.LOCAL:
            continue
        followers = metric_rows.followers_before(conn, account.id, now)
        earlier = metric_rows.follower_series(conn, [account.id], now - GROWTH - WINDOW, now)
        before = [p for p in earlier[account.id] if p.fetched_at <= now - GROWTH]
        growth = (
            followers - before[-1].followers
            if followers is not None and before and before[-1].followers is not None
            else None
        )
        posts = metric_rows.published_posts(
            conn, MetricsFilter(account_ids=frozenset({account.id})), now - WINDOW, now
        )
        rates = [
            rate
            for rate in (
                engagement_rate(
                    p.counts, metric_rows.followers_before(conn, account.id, p.published_at)
                )
                for p in posts
                if p.counts.offers_anything()  # a post with no numbers says nothing
            )
            if rate is not None
        ]
        channels.append(
            KitChannel(
                account.network,
                account.label,
                followers,
                growth,
                len(posts),
                mean(rates) if rates else None,
            )
        )
    best = metric_rows.published_posts(conn, MetricsFilter(), now - WINDOW, now, limit=BEST)
    partners = tuple(collab_rows.partner_names(conn, _PAST)) if settings.show_partners else ()
    return MediaKit(settings, tuple(channels), tuple(best), partners, now)
