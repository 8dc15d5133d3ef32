"""Connecting a Bluesky account: handle and app password for a session (the password itself
is never kept), naming a session, testing a stored one."""

from __future__ import annotations

from somestudio.networks.bluesky.publish import DEFAULT_SERVICE, BlueskyClient, bundle_of
from somestudio.networks.connect import (
    Checked,
    CheckRequest,
    Connected,
    SignInForm,
    WhoseToken,
)


def identify(ask: WhoseToken) -> str:
    client = BlueskyClient(ask.http, ask.base or DEFAULT_SERVICE)
    info = client.get_session(ask.token)
    return f"@{info.get('handle', '')}"


def sign_in(form: SignInForm) -> Connected:
    """A session from the handle and app password (``service``: the PDS, default
    bsky.social); the keyring keeps only the session's tokens."""
    service = (form.text("service") or DEFAULT_SERVICE).rstrip("/")
    handle = form.text("handle").lstrip("@")
    session = BlueskyClient(form.http, service).create_session(handle, form.secret)
    form.options["did"] = session.did
    return Connected(
        session.handle or handle,
        bundle_of(session),
        instance_url=service if service != DEFAULT_SERVICE else "",
    )


def check(request: CheckRequest) -> Checked:
    """The session renewed, then asked whose it is."""
    publisher, account = request.publisher, request.account
    token, _did = publisher.access(account, renew=True)
    info = publisher.client(account).get_session(token)
    return Checked(f"Connected as @{info.get('handle', account.handle)}.")
