"""Naming a Mastodon account's sign-in; ``base`` is its instance (there is no default)."""

from __future__ import annotations

from somestudio.domain.publish_result import Final
from somestudio.networks.http import Http
from somestudio.networks.mastodon.publish import MastodonClient


def identify(
    http: Http,
    base: str | None,
    token: str,
    options: dict[str, object],
    bundle: dict[str, str],
    *,
    now: float,
) -> str:
    del options, bundle, now
    if not base:
        raise Final("a Mastodon account needs its instance's address")
    me = MastodonClient(http, base).verify(token)
    acct = str(me["acct"]).lstrip("@")
    host = base.split("://", 1)[-1].rstrip("/")
    return f"@{acct}" if "@" in acct else f"@{acct}@{host}"  # as connect_mastodon names it
