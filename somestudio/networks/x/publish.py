"""X: OAuth 2 with PKCE (a public client: the user's own app's client id, no secret), 2-hour
access tokens renewed with the ``offline.access`` refresh token, media with alt text, posts
and threads.

X has no idempotency key. A create that may have gone through (timeout, 5xx) is an unknown
outcome; ``reconcile`` looks for the text among the account's recent posts. Duplicate text
is refused with 403 "duplicate content": final, never retried.
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from somestudio.domain.posts import Account
from somestudio.domain.publish_result import (
    AuthExpired,
    Final,
    OutgoingDelivery,
    PublishResult,
    UnknownOutcome,
)
from somestudio.domain.twittertext.urls import extract_urls
from somestudio.networks.http import Http
from somestudio.networks.publishing import ApiPublisher, mime_of, option, read_media

AUTHORIZE_URL = "https://x.com/i/oauth2/authorize"
API = "https://api.x.com"
SCOPES = "tweet.read tweet.write users.read media.write offline.access"
MAX_IMAGE_BYTES = 5_000_000
_RENEW_MARGIN_S = 120


def authorize_url(client_id: str, redirect_uri: str, challenge: str, state: str) -> str:
    query = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": SCOPES,
        "state": state,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    return f"{AUTHORIZE_URL}?{urlencode(query)}"


def token_bundle(body: Mapping[str, Any], *, now: float | None = None) -> dict[str, str]:
    """The keyring bundle from a token answer (``expires_at``: epoch seconds)."""
    moment = time.time() if now is None else now
    if "access_token" not in body:
        raise Final("X answered the sign-in without an access token")
    bundle = {
        "access_token": str(body["access_token"]),
        "expires_at": str(int(moment + float(body.get("expires_in", 7200)))),
    }
    if body.get("refresh_token"):
        bundle["refresh_token"] = str(body["refresh_token"])
    return bundle


class XClient:
    def __init__(self, http: Http, api: str = API) -> None:
        self.http = http
        self.api = api.rstrip("/")

    def exchange_code(
        self, client_id: str, code: str, redirect_uri: str, verifier: str
    ) -> dict[str, str]:
        body = self.http.json(
            "POST",
            f"{self.api}/2/oauth2/token",
            idempotent=True,
            data={
                "grant_type": "authorization_code",
                "client_id": client_id,
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": verifier,
            },
        )
        return token_bundle(body)

    def refresh(self, client_id: str, refresh_token: str) -> dict[str, str]:
        body = self.http.json(
            "POST",
            f"{self.api}/2/oauth2/token",
            idempotent=True,
            data={
                "grant_type": "refresh_token",
                "client_id": client_id,
                "refresh_token": refresh_token,
            },
        )
        return token_bundle(body)

    def me(self, token: str) -> dict[str, Any]:
        body = self.http.json("GET", f"{self.api}/2/users/me", idempotent=True, token=token)
        data: dict[str, Any] = body.get("data", {}) if isinstance(body, dict) else {}
        if "id" not in data:
            raise Final("X did not say which account this sign-in belongs to")
        return data

    def upload_image(self, token: str, data: bytes) -> str:
        body = self.http.json(
            "POST",
            f"{self.api}/2/media/upload",
            idempotent=True,  # an unused upload expires on its own
            token=token,
            json={"media": base64.b64encode(data).decode("ascii"), "media_category": "tweet_image"},
        )
        return str(body["data"]["id"])

    def set_alt_text(self, token: str, media_id: str, text: str) -> None:
        self.http.request(
            "POST",
            f"{self.api}/2/media/metadata",
            idempotent=True,
            token=token,
            json={"id": media_id, "metadata": {"alt_text": {"text": text}}},
        )

    def create_post(self, token: str, body: Mapping[str, Any]) -> dict[str, Any]:
        try:
            answer = self.http.json(
                "POST", f"{self.api}/2/tweets", idempotent=False, token=token, json=dict(body)
            )
        except Final as exc:
            if exc.http_status == 403 and "duplicate" in exc.reason.lower():
                raise Final(
                    "X refuses duplicate content: this exact text was already posted on the "
                    "account. Change the text, then try again.",
                    http_status=403,
                    error_kind="duplicate",
                ) from exc
            raise
        data: dict[str, Any] = answer.get("data", {}) if isinstance(answer, dict) else {}
        if "id" not in data:
            raise UnknownOutcome("X answered without the new post's id")
        return data

    def recent_posts(self, token: str, user_id: str, since: str) -> list[dict[str, Any]]:
        body = self.http.json(
            "GET",
            f"{self.api}/2/users/{user_id}/tweets",
            idempotent=True,
            token=token,
            params={"max_results": "20", "start_time": since},
        )
        found = body.get("data", []) if isinstance(body, dict) else []
        return [p for p in found if isinstance(p, dict)]


def _comparable(text: str) -> str:
    """Text without its links (X rewrites them to t.co) and without whitespace."""
    for url in reversed(extract_urls(text)):
        text = text[: url.start] + text[url.end :]
    return re.sub(r"\s+", "", re.sub(r"https://t\.co/\w+", "", text))


class XPublisher(ApiPublisher):
    network_name = "X"
    channel = "x"
    reconcile_is_conclusive = False

    def __init__(self, *args: Any, api: str = API, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api = api

    def client(self) -> XClient:
        return XClient(self.http(), self.api)

    def access(self, account: Account) -> str:
        with self.account_lock(account.id):
            bundle = self.sign_in(account)
            expires = float(bundle.get("expires_at", "0") or 0)
            if expires - time.time() > _RENEW_MARGIN_S:
                return bundle["access_token"]
            refresh = bundle.get("refresh_token", "")
            client_id = option(account, "client_id")
            if not refresh or not client_id:
                raise self.needs_reconnect(account, bundle, "the 2-hour sign-in ended")
            try:
                renewed = self.client().refresh(client_id, refresh)
            except (AuthExpired, Final) as exc:
                raise self.needs_reconnect(
                    account, bundle, "X refused to renew it", exc.http_status
                ) from exc
            renewed.setdefault("refresh_token", refresh)
            self.save_sign_in(account, renewed)
            return renewed["access_token"]

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.check_parts(delivery)
        account = delivery.account
        token = self.access(account)
        client = self.client()
        media_ids = []
        for item in delivery.media[:4]:
            if not mime_of(item).startswith("image/"):
                raise Final("this app sends only images to X", error_kind="media")
            media_id = client.upload_image(
                token, read_media(item, max_bytes=MAX_IMAGE_BYTES, network="X")
            )
            if item.alt_text:
                client.set_alt_text(token, media_id, item.alt_text)
            media_ids.append(media_id)
        ids: list[str] = []
        for index, text in enumerate(delivery.parts):
            body: dict[str, Any] = {"text": text}
            if index == 0 and media_ids:
                body["media"] = {"media_ids": media_ids}
            if ids:
                body["reply"] = {"in_reply_to_tweet_id": ids[-1]}
            ids.append(str(client.create_post(token, body)["id"]))
        return _result(account, ids)

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        account = delivery.account
        token = self.access(account)
        client = self.client()
        me = client.me(token)
        since = (delivery.scheduled_at - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
        wanted = _comparable(delivery.parts[0])
        for post in client.recent_posts(token, str(me["id"]), since):
            if _comparable(str(post.get("text", ""))) == wanted:
                return _result(account, [str(post["id"])])
        return None


def _result(account: Account, ids: list[str]) -> PublishResult:
    handle = account.handle.lstrip("@")
    details = {"thread_ids": ",".join(ids)} if len(ids) > 1 else {}
    return PublishResult(
        remote_id=ids[0], remote_url=f"https://x.com/{handle}/status/{ids[0]}", details=details
    )
