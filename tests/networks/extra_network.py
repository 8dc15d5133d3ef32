"""A network that does not exist, added for one test the way a real one is added: a descriptor
(with its connect form) and one registry entry — nothing in app/, commands/ or ui/ is told.

``Network`` is an enum, so the test gives it one more member for its duration (and takes it
back); the descriptor goes into the catalogue's dict and the entry into the registry's."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from somestudio.domain.networks import Network, catalogue
from somestudio.domain.networks.connect_form import TOKEN, ConnectField, ConnectForm, FieldKind
from somestudio.domain.networks.descriptor import NetworkDescriptor, SignInKind
from somestudio.networks import registry
from somestudio.networks.connect import Connected, SignInForm, WhoseToken
from somestudio.networks.publishing import ApiPublisher

VALUE = "kahvi"
SHOP_LABEL = "Coffee shop number"
SERVER_LABEL = "Roastery server"


def _identify(ask: WhoseToken) -> str:
    me = ask.http.json(
        "GET", f"{ask.base}/me", idempotent=True, headers={"Authorization": f"Bearer {ask.token}"}
    )
    return f"@{me['name']}"


def _sign_in(form: SignInForm) -> Connected:
    """Asks the roastery server (the form's address) whose token it is."""
    service = form.text("service").rstrip("/")
    ask = WhoseToken(form.http, service, form.secret, form.options, {}, form.now)
    return Connected(_identify(ask), {"access_token": form.secret}, instance_url=service)


FORM = ConnectForm(
    intro="Paste the token your roastery gave you.",
    fields=(
        ConnectField(
            "service",
            FieldKind.ADDRESS,
            SERVER_LABEL,
            required=True,
            missing="Enter the roastery's address.",
            cli_help="the roastery's address",
            cli_missing="a Kahvi account needs its roastery (--service URL)",
        ),
        TOKEN,
        ConnectField(
            "shop_number",
            FieldKind.TEXT,
            SHOP_LABEL,
            option="shop_number",
            cli_help="the coffee shop's number",
        ),
    ),
)


@contextmanager
def extra_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[Network]:
    member = str.__new__(Network, VALUE)
    member._name_ = VALUE.upper()
    member._value_ = VALUE
    monkeypatch.setitem(Network._member_map_, VALUE.upper(), member)
    monkeypatch.setitem(Network._value2member_map_, VALUE, member)
    monkeypatch.setattr(Network, "_member_names_", [*Network._member_names_, VALUE.upper()])
    descriptor = NetworkDescriptor(
        network=member,
        name="Kahvi",
        colour="#6f4e37",
        sign_in=(SignInKind.TOKEN,),
        connect=FORM,
    )
    monkeypatch.setitem(catalogue._DESCRIBED, member, descriptor)
    entry = registry.NetworkEntry(member, ApiPublisher, object, "", _identify, sign_in=_sign_in)
    monkeypatch.setitem(registry._REGISTERED, member, entry)
    yield member
