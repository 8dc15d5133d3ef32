"""Connecting a LinkedIn account by its access token."""

from __future__ import annotations

from somestudio.networks.http import Http
from somestudio.networks.linkedin.publish import API, LinkedInClient


def identify(
    http: Http,
    base: str | None,
    token: str,
    options: dict[str, object],
    bundle: dict[str, str],
    *,
    now: float,
) -> str:
    del bundle, now
    info = LinkedInClient(http, base or API).userinfo(token)
    options.setdefault("person_id", str(info["sub"]))
    return str(info.get("name") or info["sub"])
