"""Connecting a LinkedIn account by its access token."""

from __future__ import annotations

from somestudio.domain.publish_result import PublishError
from somestudio.networks.connect import Checked, CheckRequest, WhoseToken
from somestudio.networks.linkedin.publish import (
    API,
    MISSING_SCOPE,
    LinkedInClient,
    organization_id_of,
    person_id_of,
)


def identify(ask: WhoseToken) -> str:
    """Who posts: the page or member id the user gave (no call: posting scopes cannot read
    who a token is), or else the member from ``/v2/userinfo`` (needs openid profile; a 403
    there is the ``Final`` that says so)."""
    options = ask.options
    organization = organization_id_of(str(options.get("organization_id") or ""))
    person = person_id_of(str(options.get("person_id") or ""))
    for key, value in (("organization_id", organization), ("person_id", person)):
        if value:
            options[key] = value
        else:
            options.pop(key, None)
    if organization:
        return f"urn:li:organization:{organization}"
    if person:
        return f"urn:li:person:{person}"
    info = LinkedInClient(ask.http, ask.base or API).userinfo(ask.token)
    options["person_id"] = str(info["sub"])
    return str(info.get("name") or info["sub"])


def check(request: CheckRequest) -> Checked:
    """Whose the stored token is (``/v2/userinfo``); a token with only the posting scopes,
    stored with a member or page id, cannot be checked but by posting, and says so."""
    account = request.account
    token = request.publisher.sign_in(account)["access_token"]
    client = LinkedInClient(request.http, request.base or API)
    try:
        info = client.userinfo(token)
    except PublishError as exc:
        if exc.error_kind == MISSING_SCOPE and (
            account.options.get("person_id") or account.options.get("organization_id")
        ):
            return Checked(
                "The sign-in is stored. LinkedIn lets Some Studio check a token without the "
                "openid and profile permissions only by posting with it."
            )
        raise
    return Checked(f"Connected as {info.get('name') or info['sub']}.")
