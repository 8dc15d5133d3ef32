"""Naming a Mastodon account's sign-in; ``base`` is its instance (there is no default)."""

from __future__ import annotations

from somestudio.domain.publish_result import Final
from somestudio.networks.connect import WhoseToken
from somestudio.networks.mastodon.publish import MastodonClient


def identify(ask: WhoseToken) -> str:
    base = ask.base
    if not base:
        raise Final("a Mastodon account needs its instance's address")
    me = MastodonClient(ask.http, base).verify(ask.token)
    acct = str(me["acct"]).lstrip("@")
    host = base.split("://", 1)[-1].rstrip("/")
    return f"@{acct}" if "@" in acct else f"@{acct}@{host}"  # as connect_mastodon names it
