"""Connecting a Mastodon account: a pasted token or the browser (the app registered on the
instance for this one sign-in), naming a sign-in, testing a stored one. ``base`` is the
instance (there is no default)."""

from __future__ import annotations

from somestudio.domain.publish_result import Final
from somestudio.networks.connect import (
    BrowserRequest,
    BrowserStart,
    Checked,
    CheckRequest,
    Connected,
    SignInForm,
    WhoseToken,
)
from somestudio.networks.http import Http
from somestudio.networks.mastodon.publish import MastodonClient, normalise_instance


def identify(ask: WhoseToken) -> str:
    base = ask.base
    if not base:
        raise Final("a Mastodon account needs its instance's address")
    me = MastodonClient(ask.http, base).verify(ask.token)
    return _handle(str(me["acct"]), base)


def _handle(acct: str, base: str) -> str:
    acct = acct.lstrip("@")
    host = base.split("://", 1)[-1].rstrip("/")
    return f"@{acct}" if "@" in acct else f"@{acct}@{host}"


def instance_of(form: SignInForm) -> str:
    """The instance's address from the form (``https://`` added when left out)."""
    try:
        return normalise_instance(form.text("service"))
    except ValueError as exc:
        raise Final(str(exc), error_kind="validation") from exc


def _connected(http: Http, base: str, token: str, extra: dict[str, str]) -> Connected:
    client = MastodonClient(http, base)
    me = client.verify(token)
    limits = client.instance()
    return Connected(
        _handle(str(me["acct"]), base),
        {"access_token": token, **extra},
        instance_url=base,
        name=str(me.get("display_name") or ""),
        limits=limits.as_json(),
    )


def sign_in(form: SignInForm) -> Connected:
    """A pasted token, checked with the instance, whose limits are read for the composer."""
    return _connected(form.http, instance_of(form), form.secret, dict(form.extra))


def browser(request: BrowserRequest) -> BrowserStart:
    """Registers the app on the instance for this sign-in's redirect (a network call)."""
    form = request.form
    base = instance_of(form)
    client = MastodonClient(form.http, base)
    client_id, client_secret = client.register_app(request.redirect_uri, request.app_name)

    def finish(code: str) -> Connected:
        token = client.exchange_code(
            client_id, client_secret, code, request.redirect_uri, request.verifier
        )
        extra = {"client_id": client_id, "client_secret": client_secret}
        return _connected(form.http, base, token, extra)

    url = client.authorize_url(client_id, request.redirect_uri, request.challenge, request.state)
    return BrowserStart(url, finish, secrets=(client_secret,))


def check(request: CheckRequest) -> Checked:
    """Whose the stored token is, and the instance's limits read again."""
    publisher, account = request.publisher, request.account
    token = publisher.sign_in(account)["access_token"]
    client = publisher.client(account.instance_url)
    me = client.verify(token)
    limits = client.instance().as_json()
    return Checked(
        f"Connected as @{me['acct']}; the instance's limits are up to date.", limits=limits
    )
