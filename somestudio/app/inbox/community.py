"""The community numbers for the Metrics page and the monthly report."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from somestudio.domain.inbox.community import CommunityNumbers, community_numbers
from somestudio.store.inbox import community as rows


def load_community(
    conn: sqlite3.Connection, now: datetime, zone: ZoneInfo, weeks: int = 8
) -> CommunityNumbers:
    """The last ``weeks`` weeks up to ``now`` (aware), weeks counted in ``zone``."""
    since = now - timedelta(weeks=weeks + 1)
    return community_numbers(rows.received(conn, since), now, zone, weeks)
