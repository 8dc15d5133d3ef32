"""Connecting a Facebook Page, an Instagram account or a Threads profile by its token."""

from __future__ import annotations

from somestudio.networks.http import Http
from somestudio.networks.meta.publish import GRAPH, THREADS, GraphClient, renew_threads_token


def identify_facebook(
    http: Http,
    base: str | None,
    token: str,
    options: dict[str, object],
    bundle: dict[str, str],
    *,
    now: float,
) -> str:
    del bundle, now
    me = GraphClient(http, base or GRAPH).me(token, "id,name")
    options.setdefault("page_id", str(me["id"]))
    return str(me.get("name") or me["id"])


def identify_instagram(
    http: Http,
    base: str | None,
    token: str,
    options: dict[str, object],
    bundle: dict[str, str],
    *,
    now: float,
) -> str:
    del bundle, now
    me = GraphClient(http, base or GRAPH).me(token, "id,username")
    options.setdefault("ig_user_id", str(me["id"]))
    return str(me.get("username") or me["id"])


def identify_threads(
    http: Http,
    base: str | None,
    token: str,
    options: dict[str, object],
    bundle: dict[str, str],
    *,
    now: float,
) -> str:
    del now
    client = GraphClient(http, base or THREADS)
    me = client.me(token, "id,username")
    options.setdefault("threads_user_id", str(me["id"]))
    bundle.update(renew_threads_token(client, bundle))  # learn its 60 days
    return str(me.get("username") or me["id"])
