"""What every connect flow shares: asking the network whose sign-in a token is, and the
whole sign-ins (form, browser, test) each network registers in ``networks/registry.py``.

``identify(WhoseToken(http, base, token, options, bundle, now))`` returns the account's handle as
people know it. It may fill ``options`` with the network's own ids (page id, user id, person id)
and may update ``bundle`` (a token renewed on the way, when it was issued); ``base`` is the API's
address (tests point it at 127.0.0.1), or None for the network's default; ``now`` is the clock
(epoch seconds). A refusal is a ``PublishError`` whose reason tells the user what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from somestudio.domain.posts import Account
from somestudio.networks.http import Http


@dataclass(frozen=True, slots=True)
class WhoseToken:
    """What a connect flow asks about: a token, with the dicts it may fill (see above)."""

    http: Http
    base: str | None
    token: str
    options: dict[str, object]
    bundle: dict[str, str]
    now: float


class Identify(Protocol):
    def __call__(self, ask: WhoseToken) -> str: ...


# ---------------------------------------------------------------------- whole sign-ins
# The registry (networks/registry.py) gives each network the flows below; the app runs them
# for any network alike and keeps what they return (app/accounts.py). A flow raises a
# ``PublishError`` whose reason tells the user what to do.


@dataclass(frozen=True, slots=True)
class SignInForm:
    """A connect form as filled in: ``secret`` is its sign-in secret (token, app password),
    ``extra`` its other secrets (kept in the keyring beside it), ``values`` the rest by field
    key (``domain/networks/<name>.py`` lists them), ``options`` the account's options so far
    (a flow may add the network's ids)."""

    http: Http
    base: str | None
    secret: str
    values: Mapping[str, object]
    options: dict[str, object]
    now: float
    extra: Mapping[str, str] = field(default_factory=dict)

    def text(self, key: str) -> str:
        value = self.values.get(key)
        return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True, slots=True)
class Connected:
    """Whose sign-in it is and what to keep: ``bundle`` goes to the keyring only; ``limits``
    are the server's own (a Mastodon instance's)."""

    handle: str
    bundle: dict[str, str]
    instance_url: str = ""
    name: str = ""
    limits: dict[str, int] | None = None


class SignInFlow(Protocol):
    def __call__(self, form: SignInForm) -> Connected: ...


def by_token(identify: Identify) -> SignInFlow:
    """The usual sign-in: a pasted access token, named by the network's ``identify``."""

    def sign_in(form: SignInForm) -> Connected:
        bundle = {"access_token": form.secret, **form.extra}
        ask = WhoseToken(form.http, form.base, form.secret, form.options, bundle, form.now)
        return Connected(identify(ask), bundle)

    return sign_in


@dataclass(frozen=True, slots=True)
class BrowserRequest:
    """A browser sign-in about to start: the form (its ``secret`` is empty) and the loopback
    redirect's address, with the PKCE pair and state made for it."""

    form: SignInForm
    redirect_uri: str
    challenge: str
    verifier: str
    state: str
    app_name: str


@dataclass(frozen=True, slots=True)
class BrowserStart:
    """Where to send the browser, and what to do with the code the redirect brings back."""

    url: str
    finish: Callable[[str], Connected]
    secrets: tuple[str, ...] = ()  # made on the way (a client secret): redacted from now on


class BrowserFlow(Protocol):
    def __call__(self, request: BrowserRequest) -> BrowserStart: ...


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """Testing a stored sign-in: the network's publisher (it reads and renews the sign-in),
    the account, and a client for the network's API at ``base`` (None: its default)."""

    publisher: Any
    account: Account
    http: Http
    base: str | None
    now: float


@dataclass(frozen=True, slots=True)
class Checked:
    message: str  # for the user: "Connected as …"
    limits: dict[str, int] | None = None  # the server's limits, read again


class CheckFlow(Protocol):
    def __call__(self, request: CheckRequest) -> Checked: ...


def check_by_identify(identify: Identify) -> CheckFlow:
    """The usual test: the stored token (renewed first where the network renews), named."""

    def check(request: CheckRequest) -> Checked:
        account, publisher = request.account, request.publisher
        if account.network.descriptor.token.renews:
            token = publisher.access(account)  # renews a lapsing token where it can
        else:
            token = publisher.sign_in(account)["access_token"]
        options = dict(account.options)
        bundle = {"access_token": token}
        who = identify(WhoseToken(request.http, request.base, token, options, bundle, request.now))
        return Checked(f"Connected as {who}.")

    return check


class ChoiceLoader(Protocol):
    """(value, name) pairs a form's list field offers, read with the form's sign-in."""

    def __call__(self, form: SignInForm) -> list[tuple[str, str]]: ...
