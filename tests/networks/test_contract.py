"""The contract every registered network keeps, run over ``networks.registry``: a network is
tested here by being registered. Against a loopback server (contract_servers.py) whose answers
come from the per-network tests:

- connecting names the account and notes the network's ids for it;
- a text post goes out (or, where the descriptor says a post needs media, is refused before
  anything is sent), and so does a post with an image and its alt text;
- the metrics fetcher reads a post's counts, exactly the figures the descriptor promises;
- where the descriptor says the app renews the sign-in, a sign-in due for renewal is renewed
  and the new one saved; a refused renewal marks the account for reconnecting;
- where the descriptor says the network takes a first comment, the publisher sends one under
  the published post (and where it says not, the publisher offers none);
- a sign-in the network no longer accepts marks the account for reconnecting, and the next
  send does not try it again.
"""

from __future__ import annotations

import time
from dataclasses import fields
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from somestudio.domain.first_comment import as_commenter
from somestudio.domain.metrics import PostCounts
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import AuthExpired, Final, Publisher
from somestudio.networks.connect import WhoseToken
from somestudio.networks.http import Http
from somestudio.networks.metrics.base import AccountRef
from somestudio.networks.publishing import RECONNECT
from somestudio.networks.registry import REGISTRY, NetworkEntry
from tests.networks.contract_servers import CONTRACTS, Api, Contract, LoopbackSession
from tests.networks.support import MemoryCredentials, comment_of, delivery

REGISTERED = sorted(REGISTRY, key=lambda n: n.value)
RENEWING = [n for n in REGISTERED if n.descriptor.token.renews]
COMMENTING = [n for n in REGISTERED if n.descriptor.first_comment]


def test_every_registered_network_has_a_contract() -> None:
    assert set(CONTRACTS) == set(REGISTRY)


def _bundle(values: dict[str, str]) -> dict[str, str]:
    in_two_days = str(int(time.time()) + 2 * 86400)
    return {k: in_two_days if v == "__in_two_days__" else v for k, v in values.items()}


def _publisher(
    server: HTTPServer, network: Network, bundle: dict[str, str]
) -> tuple[Publisher, MemoryCredentials, Contract]:
    contract = CONTRACTS[network]
    credentials = MemoryCredentials({contract.account.id: _bundle(bundle)})
    entry: NetworkEntry = REGISTRY[network]
    publisher = entry.build_publisher(lambda: LoopbackSession(server), credentials)
    return publisher, credentials, contract


def _image(tmp_path: Path) -> MediaItem:
    path = tmp_path / "pulla.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0jpeg-bytes")
    return MediaItem(str(path), "image/jpeg", "Korvapuusti pellillä")


def _media_if_needed(network: Network, tmp_path: Path) -> list[MediaItem]:
    """An image where the network takes no post without one (Instagram, Pinterest)."""
    rules = network.descriptor.media
    return [_image(tmp_path)] if rules is not None and rules.needs_media else []


@pytest.fixture
def api(httpserver: HTTPServer) -> Api:
    return Api(httpserver)


@pytest.mark.parametrize("network", REGISTERED, ids=str)
def test_publish_text(httpserver: HTTPServer, api: Api, network: Network) -> None:
    publisher, _, contract = _publisher(httpserver, network, CONTRACTS[network].fresh)
    contract.publish(api)
    outgoing = delivery(contract.account, "Avoinna tänään klo 8–16")
    media_rules = network.descriptor.media
    if media_rules is not None and media_rules.needs_media:
        with pytest.raises(Final) as caught:
            publisher.publish(outgoing)
        assert caught.value.error_kind == "validation"
        assert api.seen == []  # refused here, before anything was sent
        return
    result = publisher.publish(outgoing)
    assert result.remote_id
    assert api.seen, "nothing reached the network"


@pytest.mark.parametrize("network", REGISTERED, ids=str)
def test_publish_with_an_image(
    httpserver: HTTPServer, api: Api, network: Network, tmp_path: Path
) -> None:
    publisher, _, contract = _publisher(httpserver, network, CONTRACTS[network].fresh)
    contract.publish(api)
    result = publisher.publish(delivery(contract.account, "Pullapäivä", media=[_image(tmp_path)]))
    assert result.remote_id == contract.remote_id or contract.remote_id.endswith(result.remote_id)
    assert len(api.seen) >= 2 or network is Network.PINTEREST  # the image, then the post


@pytest.mark.parametrize("network", REGISTERED, ids=str)
def test_fetch_metrics_gives_what_the_descriptor_promises(
    httpserver: HTTPServer, api: Api, network: Network
) -> None:
    contract = CONTRACTS[network]
    entry = REGISTRY[network]
    contract.metrics(api)
    base = contract.metrics_base or entry.metrics_address(contract.account.options)
    ref = AccountRef(contract.account.handle, options=dict(contract.account.options))
    fetcher = entry.build_fetcher(LoopbackSession(httpserver), base, "contract-token", ref)
    counts = fetcher.fetch_posts([contract.remote_id])[contract.remote_id]
    assert isinstance(counts, PostCounts)
    reported = {f.name for f in fields(PostCounts) if getattr(counts, f.name) is not None}
    assert reported == set(network.descriptor.metrics)


@pytest.mark.parametrize("network", REGISTERED, ids=str)
def test_connecting_names_the_account_and_notes_its_ids(
    httpserver: HTTPServer, api: Api, network: Network
) -> None:
    contract = CONTRACTS[network]
    contract.identify(api)
    options: dict[str, object] = {}
    bundle = {"access_token": "contract-token-123456", "refresh_jwt": "r"}
    base = contract.metrics_base or None  # Mastodon: the instance; others: their default
    http = Http(LoopbackSession(httpserver), network.display_name)
    ask = WhoseToken(http, base, "contract-token-123456", options, bundle, now=0.0)
    who = REGISTRY[network].identify(ask)
    assert who == contract.handle
    assert set(contract.ids) <= set(options)
    assert api.seen, "the network was asked"


@pytest.mark.parametrize("network", RENEWING, ids=str)
def test_a_sign_in_due_for_renewal_is_renewed_and_saved(
    httpserver: HTTPServer, api: Api, network: Network, tmp_path: Path
) -> None:
    contract = CONTRACTS[network]
    assert contract.due_for_renewal is not None and contract.renew is not None
    publisher, credentials, _ = _publisher(httpserver, network, contract.due_for_renewal)
    contract.renew(api)
    before = _bundle(contract.due_for_renewal)
    media = _media_if_needed(network, tmp_path)
    publisher.publish(delivery(contract.account, "Uusi päivä", media=media))
    saved = credentials.bundles[contract.account.id]
    assert saved != before and RECONNECT not in saved
    assert credentials.saves >= 1


@pytest.mark.parametrize("network", RENEWING, ids=str)
def test_a_refused_renewal_marks_the_account_for_reconnecting(
    httpserver: HTTPServer, api: Api, network: Network, tmp_path: Path
) -> None:
    contract = CONTRACTS[network]
    assert contract.due_for_renewal is not None and contract.refuse_renewal is not None
    publisher, credentials, _ = _publisher(httpserver, network, contract.due_for_renewal)
    contract.refuse_renewal(api)
    media = _media_if_needed(network, tmp_path)
    with pytest.raises(AuthExpired, match=r"[Rr]econnect"):
        publisher.publish(delivery(contract.account, "Ei mene", media=media))
    assert credentials.bundles[contract.account.id].get(RECONNECT)


@pytest.mark.parametrize("network", COMMENTING, ids=str)
def test_a_first_comment_goes_out_under_the_post(
    httpserver: HTTPServer, api: Api, network: Network
) -> None:
    publisher, _, contract = _publisher(httpserver, network, CONTRACTS[network].fresh)
    assert contract.comment is not None, "the descriptor says it takes a first comment"
    contract.comment(api)
    commenter = as_commenter(publisher)
    assert commenter is not None
    text = "Menu-in-the-comments-42"
    result = commenter.comment(comment_of(contract.account, text, post_id=contract.remote_id))
    assert result.remote_id
    assert any(text in body for body in api.bodies), "the comment's text reached the network"


@pytest.mark.parametrize("network", [n for n in REGISTERED if n not in COMMENTING], ids=str)
def test_a_network_without_first_comments_offers_none(
    httpserver: HTTPServer, network: Network
) -> None:
    publisher, _, _ = _publisher(httpserver, network, CONTRACTS[network].fresh)
    assert as_commenter(publisher) is None


@pytest.mark.parametrize("network", COMMENTING, ids=str)
def test_a_refused_sign_in_on_a_first_comment_marks_the_account(
    httpserver: HTTPServer, api: Api, network: Network
) -> None:
    publisher, credentials, contract = _publisher(httpserver, network, CONTRACTS[network].fresh)
    api.refuse_everything()
    commenter = as_commenter(publisher)
    assert commenter is not None
    with pytest.raises(AuthExpired):
        commenter.comment(comment_of(contract.account, "Ei mene", post_id=contract.remote_id))
    assert credentials.bundles[contract.account.id].get(RECONNECT)


@pytest.mark.parametrize("network", REGISTERED, ids=str)
def test_an_expired_sign_in_marks_the_account_for_reconnecting(
    httpserver: HTTPServer, api: Api, network: Network, tmp_path: Path
) -> None:
    publisher, credentials, contract = _publisher(httpserver, network, CONTRACTS[network].fresh)
    api.refuse_everything()
    outgoing = delivery(contract.account, "Ei mene", media=[_image(tmp_path)])
    with pytest.raises(AuthExpired):
        publisher.publish(outgoing)
    reason = credentials.bundles[contract.account.id].get(RECONNECT)
    assert reason, "the account must show Reconnect"
    calls = len(api.seen)
    with pytest.raises(AuthExpired, match="reconnected"):
        publisher.publish(outgoing)
    assert len(api.seen) == calls  # no second try with a sign-in known to be refused
