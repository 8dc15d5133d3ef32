"""Bluesky end to end against the real PDS from npm (@atproto/dev-env) on 127.0.0.1."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from PIL import Image
from pytest_httpserver import HTTPServer

from somestudio.app.link_cards import LinkCards
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import AuthExpired
from somestudio.networks.bluesky.publish import (
    record_key,
)
from tests.networks.support import account, delivery
from tests.pds.bluesky import connected, get_record
from tests.pds.server import Pds, PdsAccount, list_posts

pytestmark = pytest.mark.slow
AT = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


def _bsky(pds: Pds, who: PdsAccount):
    return account(Network.BLUESKY, who.handle, instance_url=pds.url)


def test_text_with_facets_at_utf8_byte_offsets(pds: Pds) -> None:
    publisher, _, who = connected(pds, "aino", AT)
    text = f"Hyvää päivää 👋🏽 @{who.handle} katso example.com/ä?x=1 #kesä✨ #Tänään"
    result = publisher.publish(delivery(_bsky(pds, who), text, key="k-text"))
    assert result.remote_id.startswith(f"at://{who.did}/app.bsky.feed.post/")
    record = get_record(pds, result.remote_id)["value"]
    assert record["text"] == text
    data = text.encode()
    spans = {
        data[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(): f["features"][0]
        for f in record["facets"]
    }
    assert spans[f"@{who.handle}"] == {"$type": "app.bsky.richtext.facet#mention", "did": who.did}
    assert spans["example.com/ä?x=1"]["uri"] == "https://example.com/ä?x=1"
    assert spans["#Tänään"] == {"$type": "app.bsky.richtext.facet#tag", "tag": "Tänään"}
    assert "#kesä" in spans  # the tag stops before the emoji
    assert list_posts(pds, who.did) != []


def test_image_with_alt_text(pds: Pds, tmp_path: Path) -> None:
    publisher, _, who = connected(pds, "bertta", AT)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(buffer, "PNG")
    image = tmp_path / "aurinko.png"
    image.write_bytes(buffer.getvalue())
    media = [MediaItem(str(image), "image/png", "Aurinko laskee järven yllä")]
    result = publisher.publish(delivery(_bsky(pds, who), "Ilta", media=media, key="k-image"))
    embed = get_record(pds, result.remote_id)["value"]["embed"]
    assert embed["$type"] == "app.bsky.embed.images"
    (shown,) = embed["images"]
    assert shown["alt"] == "Aurinko laskee järven yllä"
    assert shown["image"]["mimeType"] == "image/png"
    assert shown["image"]["size"] == len(buffer.getvalue())


def test_thread_and_a_retry_that_adds_nothing(pds: Pds) -> None:
    publisher, credentials, who = connected(pds, "celia", AT)
    parts = ["Ketju alkaa 1/3", "Toinen osa 2/3", "Loppu 3/3"]
    outgoing = delivery(_bsky(pds, who), thread=parts, key="k-thread", at=AT)
    first = publisher.publish(outgoing)
    uris = first.details["thread_uris"].split(",")
    root = {"uri": uris[0], "cid": ""}
    records = [get_record(pds, uri)["value"] for uri in uris]
    assert [r["text"] for r in records] == parts
    assert "reply" not in records[0]
    assert records[1]["reply"]["root"]["uri"] == root["uri"]
    assert records[2]["reply"]["parent"]["uri"] == uris[1]
    assert records[2]["reply"]["root"]["uri"] == uris[0]
    # The keys are the delivery's: the same for every retry, valid TIDs.
    assert uris[0].endswith(record_key("k-thread", AT, 0)) and len(uris[0].split("/")[-1]) == 13
    before = list_posts(pds, who.did)
    again = publisher.publish(outgoing)  # a retry: the same records, nothing new
    assert again.remote_id == first.remote_id
    assert again.details == first.details
    assert len(list_posts(pds, who.did)) == len(before) == 3
    found = publisher.reconcile(outgoing)
    assert found is not None and found.remote_id == first.remote_id
    other = delivery(_bsky(pds, who), "Unsent", key="k-never-sent")
    assert publisher.reconcile(other) is None  # nothing at its key: conclusively not sent
    # Never a login per post: one session renewal served every call above.
    assert publisher.refreshes == 1
    assert credentials.bundles[1]["refresh_jwt"] != ""


def test_a_revoked_session_asks_for_reconnect(pds: Pds) -> None:
    publisher, credentials, who = connected(pds, "daniel", AT)
    revoked = requests.post(
        f"{pds.url}/xrpc/com.atproto.server.deleteSession",
        headers={"Authorization": f"Bearer {credentials.bundles[1]['refresh_jwt']}"},
        timeout=30,
    )
    assert revoked.status_code == 200
    with pytest.raises(AuthExpired, match="Reconnect the account"):
        publisher.publish(delivery(_bsky(pds, who), "Ei mene", key="k-revoked"))
    assert credentials.bundles[1]["reconnect"]
    assert list_posts(pds, who.did) == []


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def _blob(pds: Pds, did: str, cid: str) -> bytes:
    response = requests.get(
        f"{pds.url}/xrpc/com.atproto.sync.getBlob", params={"did": did, "cid": cid}, timeout=30
    )
    response.raise_for_status()
    return response.content


def test_link_card_with_an_uploaded_thumbnail_and_langs(
    pds: Pds, httpserver: HTTPServer, tmp_path: Path
) -> None:
    # The page and its og:image come from a loopback server, as the composer fetches them.
    httpserver.expect_request("/kahvila").respond_with_data(
        '<html><head><meta property="og:title" content="Kahvila Aurinko">'
        '<meta property="og:description" content="Pullaa &amp; kahvia joka päivä">'
        '<meta property="og:image" content="/kuvat/kortti.png"></head><body>x</body></html>',
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/kuvat/kortti.png").respond_with_data(
        _png(120, 63), content_type="image/png"
    )
    page = httpserver.url_for("/kahvila")
    card = LinkCards(tmp_path / "media").fetch(page)
    assert card is not None and card.thumb_path
    publisher, _, who = connected(pds, "eeva", AT)
    text = f"Uusi kahvila! {page}"
    outgoing = delivery(_bsky(pds, who), text, key="k-card", language="fi", link_card=card)
    record = get_record(pds, publisher.publish(outgoing).remote_id)["value"]
    assert record["langs"] == ["fi"]
    embed = record["embed"]
    assert embed["$type"] == "app.bsky.embed.external"
    external = embed["external"]
    assert external["uri"] == page
    assert external["title"] == "Kahvila Aurinko"
    assert external["description"] == "Pullaa & kahvia joka päivä"
    thumb = external["thumb"]
    assert thumb["$type"] == "blob" and thumb["mimeType"] == "image/jpeg"
    kept = Path(card.thumb_path).read_bytes()
    assert thumb["size"] == len(kept) <= 1_000_000
    assert _blob(pds, who.did, thumb["ref"]["$link"]) == kept  # the PDS holds the picture


def test_images_carry_aspect_ratio_and_win_over_the_card(pds: Pds, tmp_path: Path) -> None:
    publisher, _, who = connected(pds, "fanni", AT)
    wide = tmp_path / "leveä.png"
    wide.write_bytes(_png(160, 90))
    tall = tmp_path / "pysty.png"
    tall.write_bytes(_png(30, 50))
    media = [
        MediaItem(str(wide), "image/png", "Leveä", width=160, height=90),
        MediaItem(str(tall), "image/png", "Pysty"),  # not probed: read from the bytes
    ]
    card = LinkCard("https://example.com/", "Esimerkki", "Kuvaus")
    outgoing = delivery(
        _bsky(pds, who), "Kaksi kuvaa", media=media, key="k-ratio", language="en", link_card=card
    )
    record = get_record(pds, publisher.publish(outgoing).remote_id)["value"]
    assert record["langs"] == ["en"]
    embed = record["embed"]
    assert embed["$type"] == "app.bsky.embed.images"  # one embed: the images, not the card
    assert [i["aspectRatio"] for i in embed["images"]] == [
        {"width": 160, "height": 90},
        {"width": 30, "height": 50},
    ]


def test_a_card_whose_picture_is_gone_goes_without_a_thumbnail(pds: Pds, tmp_path: Path) -> None:
    publisher, _, who = connected(pds, "greta", AT)
    card = LinkCard("https://example.com/a", "Otsikko", "", thumb_path=str(tmp_path / "gone.jpg"))
    outgoing = delivery(_bsky(pds, who), "Linkki", key="k-nothumb", link_card=card)
    record = get_record(pds, publisher.publish(outgoing).remote_id)["value"]
    assert record["embed"]["external"] == {
        "uri": "https://example.com/a",
        "title": "Otsikko",
        "description": "",
    }
    assert "langs" not in record
