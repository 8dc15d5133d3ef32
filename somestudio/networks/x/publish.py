"""X: OAuth 2 with PKCE (a public client: the user's own app's client id, no secret), 2-hour
access tokens renewed with the ``offline.access`` refresh token, media with alt text, posts
and threads.

Images go through the one-shot upload; an animated GIF (which that upload's media types do
not include) through the chunked upload: initialize, append, finalize, then the status until
X has processed it.

The X API is pay-per-use: the user's own app spends the credits bought in X's Developer
Console ("X API pay-per-usage pricing and credits",
https://docs.x.com/x-api/getting-started/pricing).

X has no idempotency key. A create that may have gone through (timeout, 5xx) is an unknown
outcome; ``reconcile`` looks for the text among the account's recent posts. Duplicate text
is refused with 403 "duplicate content": final, never retried.
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any

from somestudio.domain.first_comment import OutgoingComment
from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.reading import InboxPage
from somestudio.domain.posts import Account, MediaItem
from somestudio.domain.publish_result import (
    AuthExpired,
    Final,
    OutgoingDelivery,
    PublishResult,
    Retryable,
    UnknownOutcome,
)
from somestudio.domain.twittertext.urls import extract_urls
from somestudio.networks import oauth
from somestudio.networks.http import Http
from somestudio.networks.publishing import ApiPublisher, mime_of, option, read_media

AUTHORIZE_URL = "https://x.com/i/oauth2/authorize"
API = "https://api.x.com"
SCOPES = "tweet.read tweet.write users.read media.write offline.access"
MAX_IMAGE_BYTES = 5_000_000
MAX_GIF_BYTES = 15_000_000
CHUNK_BYTES = 2_000_000  # each append well under the 5 MB a segment may hold
MEDIA_WAIT_S = 120.0  # how long a GIF may stay "processing" before the send is retried later
_RENEW_MARGIN_S = 120


def authorize_url(client_id: str, redirect_uri: str, challenge: str, state: str) -> str:
    # "OAuth 2.0 Authorization Code Flow with PKCE" (step 2, x.com/i/oauth2/authorize),
    # https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token
    return oauth.authorize_url(
        AUTHORIZE_URL,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=SCOPES,
        challenge=challenge,
        state=state,
    )


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
        # "OAuth 2.0 Authorization Code Flow with PKCE" (step 3, POST /2/oauth2/token),
        # https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token
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
        # Same page ("Refresh token": grant_type=refresh_token, needs offline.access).
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
        # "Get my User", GET /2/users/me, https://docs.x.com/x-api/users/get-my-user
        body = self.http.json("GET", f"{self.api}/2/users/me", idempotent=True, token=token)
        data: dict[str, Any] = body.get("data", {}) if isinstance(body, dict) else {}
        if "id" not in data:
            raise Final("X did not say which account this sign-in belongs to")
        return data

    def upload_image(self, token: str, data: bytes) -> str:
        # "Upload media" (one-shot, base64 in JSON), POST /2/media/upload,
        # https://docs.x.com/x-api/media/upload-media — tweet_image; no image/gif here.
        body = self.http.json(
            "POST",
            f"{self.api}/2/media/upload",
            idempotent=True,  # an unused upload expires on its own
            token=token,
            json={"media": base64.b64encode(data).decode("ascii"), "media_category": "tweet_image"},
        )
        return str(body["data"]["id"])

    def upload_chunked(
        self,
        token: str,
        data: bytes,
        media_type: str,
        category: str,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> str:
        """The chunked upload ("Chunked media upload" quickstart,
        https://docs.x.com/x-api/media/quickstart/media-upload-chunked): INIT, APPEND per
        chunk, FINALIZE, then STATUS until processing succeeded. Returns the media id."""
        # "Initialize media upload", POST /2/media/upload/initialize,
        # https://docs.x.com/x-api/media/initialize-media-upload
        started = self.http.json(
            "POST",
            f"{self.api}/2/media/upload/initialize",
            idempotent=True,  # an unused upload session expires on its own
            token=token,
            json={"media_type": media_type, "total_bytes": len(data), "media_category": category},
        )
        media_id = str(started["data"]["id"])
        for index, start in enumerate(range(0, len(data), CHUNK_BYTES)):
            chunk = data[start : start + CHUNK_BYTES]
            # "Append Media upload", POST /2/media/upload/{id}/append,
            # https://docs.x.com/x-api/media/append-media-upload
            self.http.request(
                "POST",
                f"{self.api}/2/media/upload/{media_id}/append",
                idempotent=True,
                token=token,
                json={"media": base64.b64encode(chunk).decode("ascii"), "segment_index": index},
            )
        # "Finalize Media upload", POST /2/media/upload/{id}/finalize,
        # https://docs.x.com/x-api/media/finalize-media-upload
        done = self.http.json(
            "POST", f"{self.api}/2/media/upload/{media_id}/finalize", idempotent=True, token=token
        )
        info = (done.get("data") or {}).get("processing_info") if isinstance(done, dict) else None
        deadline = clock() + MEDIA_WAIT_S
        while isinstance(info, dict) and info.get("state") in ("pending", "in_progress"):
            if clock() > deadline:
                raise Retryable(f"X was still processing the media after {MEDIA_WAIT_S:g} s")
            sleep(float(info.get("check_after_secs") or 1))
            # "Get Media upload status", GET /2/media/upload?command=STATUS,
            # https://docs.x.com/x-api/media/get-media-upload-status
            status = self.http.json(
                "GET",
                f"{self.api}/2/media/upload",
                idempotent=True,
                token=token,
                params={"command": "STATUS", "media_id": media_id},
            )
            info = (status.get("data") or {}).get("processing_info")
        if isinstance(info, dict) and info.get("state") == "failed":
            raise Final(
                "X could not process the animated GIF; try another file", error_kind="media"
            )
        return media_id

    def set_alt_text(self, token: str, media_id: str, text: str) -> None:
        # "Create Media metadata", POST /2/media/metadata,
        # https://docs.x.com/x-api/media/create-media-metadata
        self.http.request(
            "POST",
            f"{self.api}/2/media/metadata",
            idempotent=True,
            token=token,
            json={"id": media_id, "metadata": {"alt_text": {"text": text}}},
        )

    def create_post(self, token: str, body: Mapping[str, Any]) -> dict[str, Any]:
        # "Create or Edit Post", POST /2/tweets, https://docs.x.com/x-api/posts/create-post
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
        # "Get Posts" of a user, GET /2/users/{id}/tweets,
        # https://docs.x.com/x-api/users/get-posts — id and text are the default fields.
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

    def __init__(
        self,
        *args: Any,
        api: str = API,
        sleep: Callable[[float], None] = time.sleep,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.api = api
        self._sleep = sleep
        self._user_ids: dict[int, str] = {}

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
        _check_media(delivery.media)
        for item in delivery.media[:4]:
            media_id = self._upload(client, token, item)
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

    def _upload(self, client: XClient, token: str, item: MediaItem) -> str:
        if mime_of(item) == "image/gif":  # one-shot upload takes no GIF: chunked, tweet_gif
            data = read_media(item, max_bytes=MAX_GIF_BYTES, network="X")
            return client.upload_chunked(token, data, "image/gif", "tweet_gif", sleep=self._sleep)
        return client.upload_image(token, read_media(item, max_bytes=MAX_IMAGE_BYTES, network="X"))

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

    # ------------------------------------------------------------------ first comment
    # A reply post: ``reply.in_reply_to_tweet_id`` = our post. X has no idempotency key, so
    # an unknown outcome is reconciled by our recent posts (the reply's text, since the
    # post's time). X API docs, "Create or Edit Post" (POST /2/tweets):
    # https://docs.x.com/x-api/posts/creation-of-a-post

    def comment(self, comment: OutgoingComment) -> PublishResult:
        token = self.access(comment.account)
        body = {"text": comment.text, "reply": {"in_reply_to_tweet_id": comment.post_remote_id}}
        made = self.client().create_post(token, body)
        return _result(comment.account, [str(made["id"])])

    def reconcile_comment(self, comment: OutgoingComment) -> PublishResult | None:
        token = self.access(comment.account)
        client = self.client()
        me = client.me(token)
        since = (comment.scheduled_at - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
        wanted = _comparable(comment.text)
        for post in client.recent_posts(token, str(me["id"]), since):
            if str(post.get("id")) != comment.post_remote_id and (
                _comparable(str(post.get("text", ""))) == wanted
            ):
                return _result(comment.account, [str(post["id"])])
        return None

    # ------------------------------------------------------------------ inbox
    # Mentions, when the user turned reading on (networks/x/inbox.py); the account's id is
    # asked once per run (GET /2/users/me), as every read is billed.

    def read_inbox(self, account: Account, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
        from somestudio.networks.x import inbox  # noqa: PLC0415 - only when reading is on

        token = self.access(account)
        client = self.client()
        user_id = self._user_ids.get(account.id) or str(client.me(token)["id"])
        self._user_ids[account.id] = user_id

        def get(path: str, params: Mapping[str, str]) -> Any:
            return client.http.json(
                "GET", f"{client.api}/2/{path}", idempotent=True, token=token, params=dict(params)
            )

        return inbox.read(get, user_id, cursor, pages)

    def mark_inbox_seen(self, account: Account, seen_at: datetime) -> None:
        """X keeps no "seen" mark for mentions an app could set: kept locally only."""


def _check_media(media: Any) -> None:
    """Up to 4 images, or one GIF (X's media rules); anything else never leaves."""
    types = [mime_of(item) for item in media]
    if any(not t.startswith("image/") for t in types):
        raise Final("this app sends only images and GIFs to X", error_kind="media")
    if "image/gif" in types and len(types) > 1:
        raise Final("X takes one GIF on its own, without other images", error_kind="media")


def _result(account: Account, ids: list[str]) -> PublishResult:
    handle = account.handle.lstrip("@")
    details = {"thread_ids": ",".join(ids)} if len(ids) > 1 else {}
    return PublishResult(
        remote_id=ids[0], remote_url=f"https://x.com/{handle}/status/{ids[0]}", details=details
    )
