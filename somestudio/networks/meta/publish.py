"""Meta's Graph APIs: a Facebook Page, Instagram (business or creator) and Threads.

Sign-in is a long-lived token the user makes with their own Meta app (a Page token for a
Page; Instagram and Threads user tokens last 60 days and are renewed here before they
lapse). Facebook can publish at a later time itself (``scheduled_publish_time``) with the
account option ``server_scheduling``.

Instagram and Threads fetch images themselves from a public web address: the account
option ``media_base_url`` names the public folder where the user puts the post's images
(``<media_base_url>/<file name>``). Without it a post with images is refused before
anything is sent, and the Accounts page says so beforehand.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from somestudio.domain.networks.graph_api import GRAPH_API
from somestudio.domain.posts import Account, MediaItem
from somestudio.domain.publish_result import (
    AuthExpired,
    Final,
    OutgoingDelivery,
    PublishError,
    PublishResult,
    Retryable,
)
from somestudio.domain.twittertext.urls import extract_urls
from somestudio.domain.utc import utc_now
from somestudio.networks.http import Http, error_code
from somestudio.networks.publishing import ApiPublisher, mime_of, option, read_media

# The one Graph API version, pinned with its sunset in domain/networks/graph_api.py.
GRAPH = f"https://graph.facebook.com/{GRAPH_API.name}"
THREADS = "https://graph.threads.net/v1.0"
SERVER_SCHEDULING = "server_scheduling"
MEDIA_BASE_URL = "media_base_url"
MIN_FACEBOOK_LEAD = timedelta(minutes=11)  # Facebook wants 10 minutes to 30 days ahead
MAX_FACEBOOK_LEAD = timedelta(days=29)
RENEW_WITHIN_S = 7 * 24 * 3600
_RATE_CODES = frozenset({"4", "17", "32", "613", "80001", "80002"})
MAX_IMAGE_BYTES = 10_000_000


def graph_error(network: str, exc: PublishError) -> PublishError:
    """Graph error codes: 190 is an expired or revoked token, 4/17/32/613 rate limits."""
    code = error_code(exc)
    if code == "190" and not isinstance(exc, AuthExpired):
        return AuthExpired(
            f"{network} says the token expired or was revoked ({exc.reason}). Reconnect the "
            "account in Accounts with a new token.",
            http_status=exc.http_status,
        )
    if code in _RATE_CODES and not isinstance(exc, Retryable):
        return Retryable(
            f"{network} rate limit reached ({exc.reason})",
            3600.0,
            http_status=exc.http_status,
            error_kind="rate_limit",
        )
    return exc


class GraphClient:
    def __init__(self, http: Http, base: str) -> None:
        self.http = http
        self.base = base.rstrip("/")

    def call(self, verb: str, path: str, token: str, *, idempotent: bool, **kw: Any) -> Any:
        try:
            return self.http.json(
                verb, f"{self.base}/{path.lstrip('/')}", idempotent=idempotent, token=token, **kw
            )
        except PublishError as exc:
            raise graph_error(self.http.network, exc) from exc

    def me(self, token: str, fields: str = "id,name") -> dict[str, Any]:
        body = self.call("GET", "me", token, idempotent=True, params={"fields": fields})
        if not isinstance(body, dict) or "id" not in body:
            raise Final(f"{self.http.network} did not say whose token this is")
        return body


def public_url(account: Account, item: MediaItem, network: str) -> str:
    base = option(account, MEDIA_BASE_URL).rstrip("/")
    if not base:
        raise Final(
            f"{network} fetches images from a public web address, and this account has none "
            "set. Put the images in a public folder and enter its address in Accounts, or "
            "post without images.",
            error_kind="setup",
        )
    return f"{base}/{quote(Path(item.path).name)}"


# ---------------------------------------------------------------------- Facebook Page


class FacebookPublisher(ApiPublisher):
    network_name = "Facebook"
    channel = "facebook"

    def __init__(
        self, *args: Any, base: str = GRAPH, now: Callable[[], datetime] = utc_now, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.base = base
        self._now = now

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.check_parts(delivery)
        account = delivery.account
        token = self.sign_in(account)["access_token"]
        page = option(account, "page_id") or "me"
        client = GraphClient(self.http(), self.base)
        message = "\n\n".join(delivery.parts)
        fields: dict[str, Any] = {"message": message}
        urls = extract_urls(message)
        if urls and not delivery.media:
            first = urls[0].url
            fields["link"] = first if "://" in first else f"https://{first}"
        lead = delivery.scheduled_at - self._now()
        scheduled = (
            account.options.get(SERVER_SCHEDULING) is True
            and MIN_FACEBOOK_LEAD <= lead <= MAX_FACEBOOK_LEAD
        )
        if scheduled:
            fields["published"] = "false"
            fields["scheduled_publish_time"] = str(int(delivery.scheduled_at.timestamp()))
        if delivery.media:
            photos = []
            for item in delivery.media[:10]:
                data = read_media(item, max_bytes=MAX_IMAGE_BYTES, network="Facebook")
                uploaded = client.call(
                    "POST",
                    f"{page}/photos",
                    token,
                    idempotent=True,  # unpublished photos are not posts
                    data={"published": "false", "alt_text_custom": item.alt_text},
                    files={"source": (Path(item.path).name, data, mime_of(item))},
                )
                photos.append({"media_fbid": str(uploaded["id"])})
            for index, photo in enumerate(photos):
                fields[f"attached_media[{index}]"] = _json(photo)
        created = client.call("POST", f"{page}/feed", token, idempotent=False, data=fields)
        post_id = str(created["id"])
        return PublishResult(
            remote_id=post_id,
            remote_url=f"https://www.facebook.com/{post_id}",
            published_at=delivery.scheduled_at if scheduled else None,
            details={"handed_off": "scheduled_publish_time"} if scheduled else {},
        )

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return None


def _json(value: Mapping[str, Any]) -> str:
    import json  # noqa: PLC0415

    return json.dumps(dict(value))


# ---------------------------------------------------------------------- Instagram


class InstagramPublisher(ApiPublisher):
    network_name = "Instagram"
    channel = "instagram"

    def __init__(
        self, *args: Any, base: str = GRAPH, sleep: Callable[[float], None] = time.sleep, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.base = base
        self._sleep = sleep

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.check_parts(delivery)
        account = delivery.account
        if not delivery.media:
            raise Final("Instagram posts need at least one image", error_kind="validation")
        urls = [public_url(account, item, "Instagram") for item in delivery.media[:10]]
        token = self.sign_in(account)["access_token"]
        user = option(account, "ig_user_id") or "me"
        client = GraphClient(self.http(), self.base)
        caption = "\n\n".join(delivery.parts)
        if len(urls) == 1:
            container = self._container(
                client,
                user,
                token,
                {"image_url": urls[0], "caption": caption, "alt_text": delivery.media[0].alt_text},
            )
        else:
            children = [
                self._container(
                    client,
                    user,
                    token,
                    {"image_url": url, "is_carousel_item": "true", "alt_text": item.alt_text},
                )
                for url, item in zip(urls, delivery.media, strict=False)
            ]
            container = self._container(
                client,
                user,
                token,
                {"media_type": "CAROUSEL", "children": ",".join(children), "caption": caption},
            )
        made = client.call(
            "POST",
            f"{user}/media_publish",
            token,
            idempotent=False,
            data={"creation_id": container},
        )
        media_id = str(made["id"])
        return PublishResult(remote_id=media_id, remote_url="")

    def _container(self, client: GraphClient, user: str, token: str, fields: dict[str, str]) -> str:
        made = client.call("POST", f"{user}/media", token, idempotent=True, data=fields)
        container = str(made["id"])
        for _ in range(20):  # Instagram fetches the image itself; wait until it has it
            status = client.call(
                "GET", container, token, idempotent=True, params={"fields": "status_code"}
            )
            code = str(status.get("status_code", "FINISHED"))
            if code == "FINISHED":
                return container
            if code in ("ERROR", "EXPIRED"):
                raise Final(
                    f"Instagram could not fetch {fields.get('image_url', 'the image')}; check "
                    "that the public address works in a browser",
                    error_kind="media",
                )
            self._sleep(1.0)
        raise Retryable("Instagram was still processing the image")

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return None


# ---------------------------------------------------------------------- Threads


class ThreadsPublisher(ApiPublisher):
    network_name = "Threads"
    channel = "threads"

    def __init__(self, *args: Any, base: str = THREADS, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.base = base

    def access(self, account: Account) -> str:
        """The token, renewed (another 60 days) when it has less than a week left."""
        with self.account_lock(account.id):
            bundle = self.sign_in(account)
            expires = float(bundle.get("expires_at", "0") or 0)
            if not expires or expires - time.time() > RENEW_WITHIN_S:
                return bundle["access_token"]
            try:
                renewed = renew_threads_token(GraphClient(self.http(), self.base), bundle)
            except (AuthExpired, Final) as exc:
                raise self.needs_reconnect(
                    account, bundle, "Threads refused to renew the token", exc.http_status
                ) from exc
            self.save_sign_in(account, renewed)
            return renewed["access_token"]

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.check_parts(delivery)
        account = delivery.account
        images = [public_url(account, item, "Threads") for item in delivery.media[:1]]
        token = self.access(account)
        user = option(account, "threads_user_id") or "me"
        client = GraphClient(self.http(), self.base)
        ids: list[str] = []
        for index, text in enumerate(delivery.parts):
            fields = {"media_type": "TEXT", "text": text}
            if index == 0 and images:
                fields.update(media_type="IMAGE", image_url=images[0])
            if ids:
                fields["reply_to_id"] = ids[-1]
            made = client.call("POST", f"{user}/threads", token, idempotent=True, data=fields)
            published = client.call(
                "POST",
                f"{user}/threads_publish",
                token,
                idempotent=False,
                data={"creation_id": str(made["id"])},
            )
            ids.append(str(published["id"]))
        details = {"thread_ids": ",".join(ids)} if len(ids) > 1 else {}
        return PublishResult(remote_id=ids[0], details=details)

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return None


def renew_threads_token(client: GraphClient, bundle: Mapping[str, str]) -> dict[str, str]:
    body = client.call(
        "GET",
        "refresh_access_token",
        bundle["access_token"],
        idempotent=True,
        params={"grant_type": "th_refresh_token", "access_token": bundle["access_token"]},
    )
    return {
        **bundle,
        "access_token": str(body["access_token"]),
        "expires_at": str(int(time.time() + float(body.get("expires_in", 60 * 86400)))),
    }
