"""Every registered network has all it needs to be connected, with nothing written for it in
app/, commands/ or ui/: each sign-in its descriptor offers has a flow in its registry entry, its
connect form is whole, and every text of the form can be translated."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import DESCRIPTORS
from somestudio.domain.networks.connect_form import ConnectForm, FieldKind
from somestudio.domain.networks.descriptor import NetworkDescriptor, SignInKind
from somestudio.networks.registry import REGISTRY, NetworkEntry

TEXTS = Path(__file__).resolve().parents[2] / "somestudio" / "ui" / "accounts" / "connect_texts.py"
REGISTERED = sorted(REGISTRY, key=lambda n: n.value)


def missing_entries(descriptor: NetworkDescriptor, entry: NetworkEntry | None) -> list[str]:
    """What a network lacks to be connected from the window and the command line."""
    if not descriptor.has_api:
        return ["a registry entry for a network without an API"] if entry else []
    if entry is None:
        return ["a registry entry"]
    form, kinds, lacking = descriptor.connect, descriptor.sign_in, []
    secret = [f for f in form.fields if f.secret and f.required]
    if not form.intro:
        lacking.append("an intro for its connect form")
    if SignInKind.TOKEN in kinds and not secret:
        lacking.append("a required secret field for its token")
    if SignInKind.APP_PASSWORD in kinds and (not secret or entry.sign_in is None):
        lacking.append("a password field and a sign_in flow")
    if (SignInKind.OAUTH_BROWSER in kinds) != (entry.browser is not None):
        lacking.append("a browser flow exactly when the descriptor offers the browser")
    if not form.connects_directly and SignInKind.OAUTH_BROWSER not in kinds:
        lacking.append("a way in from the window (a secret to paste, or the browser)")
    lacking.extend(_form_problems(form, entry))
    return lacking


def _form_problems(form: ConnectForm, entry: NetworkEntry) -> list[str]:
    keys = [f.key for f in form.fields]
    found = [] if len(keys) == len(set(keys)) else ["one field per key"]
    loaded = {f.key for f in form.fields if f.kind is FieldKind.LOADED}
    if loaded != set(entry.loaders):
        found.append(f"a loader for each list field ({sorted(loaded)} vs {sorted(entry.loaders)})")
    for f in form.fields:
        if f.shown_when is not None and f.shown_when[0] not in keys:
            found.append(f"{f.key}: shown_when names no field")
        if f.loaded is not None and f.loaded.needs not in keys:
            found.append(f"{f.key}: needs names no field")
        if (f.required or f.for_browser) and f.in_form and not f.missing:
            found.append(f"{f.key}: what the window says when it is left empty")
        if f.kind is FieldKind.CHOICE and not f.choices:
            found.append(f"{f.key}: choices")
    return found


@pytest.mark.parametrize("network", list(DESCRIPTORS), ids=str)
def test_every_network_has_what_connecting_needs(network: Network) -> None:
    assert missing_entries(DESCRIPTORS[network], REGISTRY.get(network)) == []


def test_the_check_finds_what_is_missing() -> None:
    mastodon = REGISTRY[Network.MASTODON]
    from dataclasses import replace  # noqa: PLC0415

    assert missing_entries(DESCRIPTORS[Network.MASTODON], replace(mastodon, browser=None)) == [
        "a browser flow exactly when the descriptor offers the browser"
    ]
    pinterest = REGISTRY[Network.PINTEREST]
    lacking = missing_entries(DESCRIPTORS[Network.PINTEREST], replace(pinterest, loaders={}))
    assert lacking == ["a loader for each list field (['board'] vs [])"]
    bluesky = replace(DESCRIPTORS[Network.BLUESKY], connect=ConnectForm())
    assert missing_entries(bluesky, REGISTRY[Network.BLUESKY]) == [
        "an intro for its connect form",
        "a password field and a sign_in flow",
        "a way in from the window (a secret to paste, or the browser)",
    ]
    assert missing_entries(DESCRIPTORS[Network.X], None) == ["a registry entry"]


def _form_texts() -> set[str]:
    texts = set()
    for descriptor in DESCRIPTORS.values():
        form = descriptor.connect
        texts.add(form.intro)
        texts.add(descriptor.inbox_note)  # shown on the Accounts page
        for f in form.in_form:
            texts |= {f.label, f.accessible, f.placeholder, f.help, f.missing}
            for choice in f.choices:
                texts |= {choice.label, choice.help}
            if f.loaded is not None:
                loaded = f.loaded
                texts |= {loaded.button, loaded.busy, loaded.choose, loaded.none}
                texts.add(loaded.needs_text)
    return texts - {""}


def test_every_text_of_a_connect_form_is_collected_for_translation() -> None:
    tree = ast.parse(TEXTS.read_text(encoding="utf-8"))
    marked = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "translate"
        and isinstance(node.args[1], ast.Constant)
    }
    assert _form_texts() <= marked
