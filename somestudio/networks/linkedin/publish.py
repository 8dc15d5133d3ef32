"""LinkedIn posts for a person or an organisation page (the Posts API).

Sign-in: an access token from the user's own LinkedIn app (its token generator, or OAuth
in the browser when the app allows PKCE), valid 60 days and, for most apps, not renewable:
the Accounts page counts down and warns a week ahead. The commentary is "little text":
reserved characters are backslash-escaped or LinkedIn silently cuts the post. No
idempotency key exists, so an unanswered create is an unknown outcome for the user.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from somestudio.domain.channels.linkedin import escape_little_text
from somestudio.domain.networks.linkedin import DESCRIPTOR
from somestudio.domain.posts import Account, MediaItem
from somestudio.domain.publish_result import Final, OutgoingDelivery, PublishResult
from somestudio.networks.http import Http
from somestudio.networks.publishing import ApiPublisher, mime_of, option, read_media

API = "https://api.linkedin.com"
# Linkedin-Version: the API release (YYYYMM) these bodies follow; pinned, with its documented
# sunset, in the network's descriptor (domain/networks/linkedin.py).
VERSION = DESCRIPTOR.api_version.name if DESCRIPTOR.api_version else ""
TOKEN_DAYS = DESCRIPTOR.token.lifetime_days
MAX_IMAGE_BYTES = 10_000_000


def rest_headers() -> dict[str, str]:
    return {"Linkedin-Version": VERSION, "X-Restli-Protocol-Version": "2.0.0"}


def author_urn(account: Account) -> str:
    organization = option(account, "organization_id")
    if organization:
        return f"urn:li:organization:{organization}"
    person = option(account, "person_id")
    if not person:
        raise Final(
            "this LinkedIn account has no member id; reconnect it in Accounts",
            error_kind="setup",
        )
    return f"urn:li:person:{person}"


class LinkedInClient:
    def __init__(self, http: Http, api: str = API) -> None:
        self.http = http
        self.api = api.rstrip("/")

    def userinfo(self, token: str) -> dict[str, Any]:
        body = self.http.json("GET", f"{self.api}/v2/userinfo", idempotent=True, token=token)
        if not isinstance(body, dict) or "sub" not in body:
            raise Final("LinkedIn did not say which member this token belongs to")
        return body

    def upload_image(self, token: str, owner: str, item: MediaItem) -> str:
        start = self.http.json(
            "POST",
            f"{self.api}/rest/images",
            idempotent=True,
            token=token,
            headers=rest_headers(),
            params={"action": "initializeUpload"},
            json={"initializeUploadRequest": {"owner": owner}},
        )
        value = start["value"]
        self.http.request(
            "PUT",
            str(value["uploadUrl"]),
            idempotent=True,
            token=token,
            data=read_media(item, max_bytes=MAX_IMAGE_BYTES, network="LinkedIn"),
            headers={"Content-Type": mime_of(item)},
            expect=(200, 201),
        )
        return str(value["image"])

    def create_post(self, token: str, body: Mapping[str, Any]) -> str:
        response = self.http.request(
            "POST",
            f"{self.api}/rest/posts",
            idempotent=False,
            token=token,
            headers=rest_headers(),
            json=dict(body),
            expect=(201,),
        )
        return response.headers.get("x-restli-id", "")


def post_body(author: str, text: str, images: Sequence[tuple[str, str]]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "author": author,
        "commentary": escape_little_text(text),
        "visibility": "PUBLIC",
        "distribution": {
            "feedDistribution": "MAIN_FEED",
            "targetEntities": [],
            "thirdPartyDistributionChannels": [],
        },
        "lifecycleState": "PUBLISHED",
        "isReshareDisabledByAuthor": False,
    }
    if len(images) == 1:
        body["content"] = {"media": {"id": images[0][0], "altText": images[0][1]}}
    elif images:
        body["content"] = {
            "multiImage": {"images": [{"id": urn, "altText": alt} for urn, alt in images]}
        }
    return body


class LinkedInPublisher(ApiPublisher):
    network_name = "LinkedIn"
    channel = "linkedin"

    def __init__(self, *args: Any, api: str = API, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api = api

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.check_parts(delivery)
        account = delivery.account
        token = self.sign_in(account)["access_token"]
        client = LinkedInClient(self.http(), self.api)
        author = author_urn(account)
        images = [
            (client.upload_image(token, author, item), item.alt_text)
            for item in delivery.media[:20]
        ]
        # LinkedIn has no threads: the parts go out as one post, in order.
        urn = client.create_post(token, post_body(author, "\n\n".join(delivery.parts), images))
        return PublishResult(
            remote_id=urn,
            remote_url=f"https://www.linkedin.com/feed/update/{urn}/" if urn else "",
        )

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return None  # no key to look a post up by: the user checks the page
