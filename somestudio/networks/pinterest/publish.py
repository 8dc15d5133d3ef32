"""Pinterest: a pin on the board the user chose (account option ``board_id``).

Sign-in is an access token from the user's own Pinterest app. A pin is an image (sent as
base64) with the post's text as its description, the first link as the pin's link, and the
image's alt text.
"""

from __future__ import annotations

import base64
from typing import Any

from somestudio.domain.publish_result import Final, OutgoingDelivery, PublishResult
from somestudio.domain.twittertext.urls import extract_urls
from somestudio.networks.http import Http
from somestudio.networks.publishing import ApiPublisher, mime_of, option, read_media

API = "https://api.pinterest.com/v5"
MAX_IMAGE_BYTES = 20_000_000
_TYPES = {"image/jpeg": "image/jpeg", "image/png": "image/png"}


class PinterestClient:
    def __init__(self, http: Http, api: str = API) -> None:
        self.http = http
        self.api = api.rstrip("/")

    def user(self, token: str) -> dict[str, Any]:
        body = self.http.json("GET", f"{self.api}/user_account", idempotent=True, token=token)
        return body if isinstance(body, dict) else {}

    def boards(self, token: str) -> list[tuple[str, str]]:
        """(id, name) of the user's boards."""
        body = self.http.json(
            "GET", f"{self.api}/boards", idempotent=True, token=token, params={"page_size": "100"}
        )
        items = body.get("items", []) if isinstance(body, dict) else []
        return [(str(b["id"]), str(b.get("name", ""))) for b in items if isinstance(b, dict)]

    def create_pin(self, token: str, body: dict[str, Any]) -> dict[str, Any]:
        answer: dict[str, Any] = self.http.json(
            "POST", f"{self.api}/pins", idempotent=False, token=token, json=body
        )
        return answer


class PinterestPublisher(ApiPublisher):
    network_name = "Pinterest"
    channel = "pinterest"

    def __init__(self, *args: Any, api: str = API, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api = api

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.check_parts(delivery)
        account = delivery.account
        board = option(account, "board_id")
        if not board:
            raise Final("choose the board to pin to in Accounts", error_kind="setup")
        if not delivery.media:
            raise Final("a pin needs an image", error_kind="validation")
        item = delivery.media[0]
        content_type = _TYPES.get(mime_of(item))
        if content_type is None:
            raise Final("Pinterest takes JPEG or PNG images", error_kind="media")
        data = read_media(item, max_bytes=MAX_IMAGE_BYTES, network="Pinterest")
        text = "\n\n".join(delivery.parts)
        body: dict[str, Any] = {
            "board_id": board,
            "description": text[:800],
            "media_source": {
                "source_type": "image_base64",
                "content_type": content_type,
                "data": base64.b64encode(data).decode("ascii"),
            },
        }
        title = option(account, "title")
        if title:
            body["title"] = title[:100]
        if item.alt_text:
            body["alt_text"] = item.alt_text[:500]
        urls = extract_urls(text)
        if urls:
            link = urls[0].url
            body["link"] = link if "://" in link else f"https://{link}"
        token = self.sign_in(account)["access_token"]
        pin = PinterestClient(self.http(), self.api).create_pin(token, body)
        pin_id = str(pin["id"])
        return PublishResult(
            remote_id=pin_id, remote_url=f"https://www.pinterest.com/pin/{pin_id}/"
        )

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return None
