"""The community numbers for the Metrics page and the monthly report."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from somestudio.domain.dashboard import MetricsFilter
from somestudio.domain.inbox.community import CommunityNumbers, community_numbers
from somestudio.store.inbox import community as rows
from somestudio.store.sql import Conn


def load_community(
    conn: Conn,
    now: datetime,
    zone: ZoneInfo,
    weeks: int = 8,
    flt: MetricsFilter | None = None,
) -> CommunityNumbers:
    """The last ``weeks`` weeks up to ``now`` (aware), weeks counted in ``zone``; of the
    networks and accounts ``flt`` names (the Metrics page's filters; empty: all). Its label
    does not apply: an inbox entry carries no campaign."""
    since = now - timedelta(weeks=weeks + 1)
    flt = flt or MetricsFilter()
    found = rows.received(conn, since, (n.value for n in flt.networks), flt.account_ids)
    return community_numbers(found, now, zone, weeks)
