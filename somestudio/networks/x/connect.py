"""Connecting an X account: OAuth 2 with PKCE in the browser for the user's own app (a public
client: no secret), naming the user."""

from __future__ import annotations

from somestudio.domain.publish_result import Final
from somestudio.networks.connect import BrowserRequest, BrowserStart, Connected, WhoseToken
from somestudio.networks.x.publish import API, XClient, authorize_url


def identify(ask: WhoseToken) -> str:
    # "User lookup: Integration Guide" (GET /2/users/me, user context only), X API v2 —
    # https://docs.x.com/x-api/users/lookup/integrate
    me = XClient(ask.http, ask.base or API).me(ask.token)
    return f"@{me.get('username', me['id'])}"


def browser(request: BrowserRequest) -> BrowserStart:
    form = request.form
    client_id = form.text("client_id")
    if not client_id:
        raise Final(
            "enter your X app's client id (from the X developer portal)",
            error_kind="validation",
        )
    form.options["client_id"] = client_id

    def finish(code: str) -> Connected:
        client = XClient(form.http, form.base or API)
        bundle = client.exchange_code(client_id, code, request.redirect_uri, request.verifier)
        token = bundle["access_token"]
        ask = WhoseToken(form.http, form.base, token, form.options, bundle, form.now)
        return Connected(identify(ask), bundle)

    url = authorize_url(client_id, request.redirect_uri, request.challenge, request.state)
    return BrowserStart(url, finish)
