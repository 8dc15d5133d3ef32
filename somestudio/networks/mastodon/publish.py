"""Mastodon: sign-in per instance, its limits, media with the processing wait, statuses.

- Sign-in: OAuth 2 with PKCE against the instance (the app registers itself there with the
  loopback redirect of this sign-in; that registration's client secret is the instance's,
  kept in the keyring, never embedded), or a pasted access token. Tokens do not expire.
- ``GET /api/v2/instance`` gives ``configuration.statuses.max_characters`` and friends; the
  app keeps them in ``accounts.limits_json`` for the composer.
- Every status is sent with an ``Idempotency-Key`` (the delivery's key; ``<key>-<n>`` for
  part n of a thread): the server returns the same status for a repeated key for an hour,
  so a retry or a reconcile within that hour cannot post twice.
- ``scheduled_at`` hand-off: with the account option ``server_scheduling``, a single post
  sent at least five minutes before its time is queued on the server, which publishes it
  even when this computer is off.
"""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from somestudio.domain.first_comment import OutgoingComment
from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import PostRef
from somestudio.domain.inbox.reading import InboxPage
from somestudio.domain.posts import Account, MediaItem
from somestudio.domain.publish_result import (
    Final,
    OutgoingDelivery,
    PublishResult,
    Retryable,
    UnknownOutcome,
)
from somestudio.domain.utc import utc_now, utc_text
from somestudio.networks import oauth
from somestudio.networks.http import Http
from somestudio.networks.publishing import (
    ApiPublisher,
    mime_of,
    option,
    parse_time,
    read_media,
)

SCOPES = "read write"
SERVER_SCHEDULING = "server_scheduling"  # account option: hand posts to scheduled_at
MIN_SERVER_LEAD = timedelta(minutes=6)  # the server wants at least 5 minutes
KEY_MEMORY_S = 50 * 60  # the server remembers an Idempotency-Key for an hour
MEDIA_WAIT_S = 120.0
MAX_MEDIA_BYTES = 16_000_000


@dataclass(frozen=True, slots=True)
class InstanceLimits:
    title: str
    max_characters: int = 500
    characters_reserved_per_url: int = 23
    max_media_attachments: int = 4

    def as_json(self) -> dict[str, int]:
        return {
            "max_characters": self.max_characters,
            "characters_reserved_per_url": self.characters_reserved_per_url,
            "max_media_attachments": self.max_media_attachments,
        }


def _int(value: object, default: int) -> int:
    ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
    return value if ok and isinstance(value, int) else default


def normalise_instance(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url:
        raise ValueError("enter the instance's address, e.g. mastodon.social")
    if "://" not in url:
        url = "https://" + url
    return url


class MastodonClient:
    def __init__(self, http: Http, instance_url: str) -> None:
        self.http = http
        self.base = normalise_instance(instance_url)

    def instance(self) -> InstanceLimits:
        # "instance API methods" (View server information, v2),
        # https://docs.joinmastodon.org/methods/instance/#v2
        body = self.http.json("GET", f"{self.base}/api/v2/instance", idempotent=True)
        config = body.get("configuration", {}) if isinstance(body, dict) else {}
        statuses = config.get("statuses", {}) if isinstance(config, dict) else {}
        return InstanceLimits(
            title=str(body.get("title", "")) if isinstance(body, dict) else "",
            max_characters=_int(statuses.get("max_characters"), 500),
            characters_reserved_per_url=_int(statuses.get("characters_reserved_per_url"), 23),
            max_media_attachments=_int(statuses.get("max_media_attachments"), 4),
        )

    def verify(self, token: str) -> dict[str, Any]:
        # "accounts API methods" (Verify account credentials),
        # https://docs.joinmastodon.org/methods/accounts/#verify_credentials
        body = self.http.json(
            "GET", f"{self.base}/api/v1/accounts/verify_credentials", idempotent=True, token=token
        )
        if not isinstance(body, dict) or "acct" not in body:
            raise Final("the instance did not say which account this token belongs to")
        return body

    # ------------------------------------------------------------------ OAuth

    def register_app(self, redirect_uri: str, client_name: str) -> tuple[str, str]:
        # "apps API methods" (Create an application), https://docs.joinmastodon.org/methods/apps/
        # — redirect_uris is "String or Array of Strings", arrays only from 4.3.0 ("added
        # support for multiple redirect_uris"): one redirect as a plain string works on every
        # server from 4.0 to 4.5, where an array gets 422 before 4.3.
        body = self.http.json(
            "POST",
            f"{self.base}/api/v1/apps",
            idempotent=True,
            json={"client_name": client_name, "redirect_uris": redirect_uri, "scopes": SCOPES},
        )
        return str(body["client_id"]), str(body.get("client_secret", ""))

    def authorize_url(self, client_id: str, redirect_uri: str, challenge: str, state: str) -> str:
        # "oauth API methods" (Authorize a user), https://docs.joinmastodon.org/methods/oauth/
        return oauth.authorize_url(
            f"{self.base}/oauth/authorize",
            client_id=client_id,
            redirect_uri=redirect_uri,
            scope=SCOPES,
            challenge=challenge,
            state=state,
        )

    def exchange_code(
        self, client_id: str, client_secret: str, code: str, redirect_uri: str, verifier: str
    ) -> str:
        # "oauth API methods" (Obtain a token), https://docs.joinmastodon.org/methods/oauth/#token
        body = self.http.json(
            "POST",
            f"{self.base}/oauth/token",
            idempotent=True,
            json={
                "grant_type": "authorization_code",
                "client_id": client_id,
                "client_secret": client_secret,
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": verifier,
                "scope": SCOPES,
            },
        )
        return str(body["access_token"])

    # ------------------------------------------------------------------ publishing

    def upload_media(
        self, token: str, item: MediaItem, *, sleep: Callable[[float], None] = time.sleep
    ) -> str:
        data = read_media(item, max_bytes=MAX_MEDIA_BYTES, network="Mastodon")
        name = item.path.rsplit("/", 1)[-1]
        # "media API methods" (Upload media as an attachment, v2; Get media attachment),
        # https://docs.joinmastodon.org/methods/media/#v2 — 202 while still processing.
        response = self.http.request(
            "POST",
            f"{self.base}/api/v2/media",
            idempotent=True,  # an unattached upload is harmless; the server drops it
            token=token,
            files={"file": (name, data, mime_of(item))},
            data={"description": item.alt_text} if item.alt_text else None,
        )
        body = response.json()
        media_id = str(body["id"])
        deadline = time.monotonic() + MEDIA_WAIT_S
        delay = 0.5
        while response.status_code == 202 or not body.get("url"):
            if time.monotonic() > deadline:
                raise Retryable(f"Mastodon was still processing {name} after {MEDIA_WAIT_S:g} s")
            sleep(delay)
            delay = min(delay * 2, 5.0)
            response = self.http.request(
                "GET",
                f"{self.base}/api/v1/media/{media_id}",
                idempotent=True,
                token=token,
                expect=(200, 206),
            )
            body = response.json()
            if response.status_code == 206:
                body = {**body, "url": None}
        return media_id

    def post_status(self, token: str, body: Mapping[str, object], key: str) -> dict[str, Any]:
        # "statuses API methods" (Post a new status), https://docs.joinmastodon.org/methods/
        # statuses/#create — honours Idempotency-Key for an hour.
        result = self.http.json(
            "POST",
            f"{self.base}/api/v1/statuses",
            idempotent=True,  # the Idempotency-Key makes a repeat harmless
            token=token,
            headers={"Idempotency-Key": key},
            json=dict(body),
        )
        if not isinstance(result, dict) or "id" not in result:
            raise UnknownOutcome("Mastodon answered without the new status")
        return result

    def recent_statuses(self, token: str, account_id: str) -> list[dict[str, Any]]:
        # "accounts API methods" (Get account's statuses),
        # https://docs.joinmastodon.org/methods/accounts/#statuses
        body = self.http.json(
            "GET",
            f"{self.base}/api/v1/accounts/{account_id}/statuses",
            idempotent=True,
            token=token,
            params={"limit": 40},
        )
        return [s for s in body if isinstance(s, dict)] if isinstance(body, list) else []

    def replies_to(self, token: str, status_id: str) -> list[dict[str, Any]]:
        """The statuses below ``status_id`` (its context's descendants). Mastodon docs,
        "statuses API methods — Get parent and child statuses in context":
        https://docs.joinmastodon.org/methods/statuses/#context"""
        body = self.http.json(
            "GET",
            f"{self.base}/api/v1/statuses/{status_id}/context",
            idempotent=True,
            token=token,
        )
        found = body.get("descendants", []) if isinstance(body, dict) else []
        return [s for s in found if isinstance(s, dict)]

    def favourite(self, token: str, status_id: str) -> dict[str, Any]:
        """Favourite a status; favouriting it again returns it unchanged (a favourite is
        one per account). Mastodon docs, "statuses API methods — Favourite a status":
        https://docs.joinmastodon.org/methods/statuses/#favourite (no body; scope
        write:favourites; answers the Status)."""
        body = self.http.json(
            "POST",
            f"{self.base}/api/v1/statuses/{quote(status_id, safe='')}/favourite",
            idempotent=True,  # a repeat leaves one favourite
            token=token,
        )
        return body if isinstance(body, dict) else {}


def part_key(key: str, index: int) -> str:
    return key if index == 0 else f"{key}-{index + 1}"


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(html_text: str) -> str:
    """A status's HTML as comparable text: tags gone, entities decoded, no whitespace."""
    return _SPACE.sub("", html.unescape(_TAG.sub(" ", html_text)))


class MastodonPublisher(ApiPublisher):
    network_name = "Mastodon"
    reconcile_is_conclusive = False

    def __init__(
        self,
        *args: Any,
        now: Callable[[], datetime] = utc_now,
        sleep: Callable[[float], None] = time.sleep,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._now = now
        self._sleep = sleep
        self._sent: dict[str, float] = {}  # idempotency key -> monotonic time first sent
        self._sent_lock = threading.Lock()

    def client(self, instance_url: str) -> MastodonClient:
        return MastodonClient(self.http(), instance_url)

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        account = delivery.account
        token = self.sign_in(account)["access_token"]
        client = self.client(account.instance_url)
        with self._sent_lock:
            self._sent.setdefault(delivery.idempotency_key, time.monotonic())
        media_ids = [client.upload_media(token, item, sleep=self._sleep) for item in delivery.media]
        common: dict[str, object] = {"visibility": option(account, "visibility", "public")}
        # ISO 639-1 (POST /api/v1/statuses "language", Mastodon API docs, "Post a new status":
        # https://docs.joinmastodon.org/methods/statuses/#create): the post's, else the account's.
        language = delivery.language.strip() or option(account, "language")
        if language:
            common["language"] = language
        if self._hand_off(delivery):
            body: dict[str, object] = {
                **common,
                "status": delivery.text,
                "scheduled_at": utc_text(delivery.scheduled_at),
            }
            if media_ids:
                body["media_ids"] = media_ids
            queued = client.post_status(token, body, delivery.idempotency_key)
            return PublishResult(
                remote_id=f"scheduled:{queued['id']}",
                remote_url=f"{client.base}/scheduled_statuses",
                published_at=delivery.scheduled_at,
                details={"handed_off": "scheduled_at"},
            )
        ids: list[str] = []
        first: dict[str, Any] = {}
        for index, text in enumerate(delivery.parts):
            body = {**common, "status": text}
            if index == 0 and media_ids:
                body["media_ids"] = media_ids
            if ids:
                body["in_reply_to_id"] = ids[-1]
            status = client.post_status(token, body, part_key(delivery.idempotency_key, index))
            ids.append(str(status["id"]))
            first = first or status
        return _result(first, ids)

    def _hand_off(self, delivery: OutgoingDelivery) -> bool:
        wanted = delivery.account.options.get(SERVER_SCHEDULING) is True
        return (
            wanted
            and len(delivery.parts) == 1
            and delivery.scheduled_at - self._now() >= MIN_SERVER_LEAD
        )

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        """Within the key's hour, sending again returns what the first send created (or
        creates it now, once). Later, the account's recent statuses are searched."""
        with self._sent_lock:
            first_sent = self._sent.get(delivery.idempotency_key)
        if first_sent is not None and time.monotonic() - first_sent < KEY_MEMORY_S:
            return self.publish(delivery)
        account = delivery.account
        token = self.sign_in(account)["access_token"]
        client = self.client(account.instance_url)
        me = client.verify(token)
        wanted = plain(html.escape(delivery.parts[0]))
        since = delivery.scheduled_at - timedelta(minutes=1)
        for status in client.recent_statuses(token, str(me["id"])):
            created = _created(status)
            same = plain(str(status.get("content", ""))) == wanted
            if same and created is not None and created >= since:
                return _result(status, [str(status["id"])])
        return None

    # ------------------------------------------------------------------ first comment
    # A reply status (``in_reply_to_id``) with the comment's own Idempotency-Key.
    # Mastodon docs, "statuses API methods — Post a new status":
    # https://docs.joinmastodon.org/methods/statuses/#create (the key is kept for one hour).

    def comment(self, comment: OutgoingComment) -> PublishResult:
        account = comment.account
        token = self.sign_in(account)["access_token"]
        client = self.client(account.instance_url)
        with self._sent_lock:
            self._sent.setdefault(comment.idempotency_key, time.monotonic())
        body: dict[str, object] = {
            "status": comment.text,
            "in_reply_to_id": comment.post_remote_id,
            "visibility": option(account, "visibility", "public"),
        }
        language = comment.language.strip() or option(account, "language")  # the post's first
        if language:
            body["language"] = language
        status = client.post_status(token, body, comment.idempotency_key)
        return _result(status, [str(status["id"])])

    def reconcile_comment(self, comment: OutgoingComment) -> PublishResult | None:
        """Within the key's hour, sending again returns the first reply; later, the post's
        replies are searched for ours."""
        with self._sent_lock:
            first_sent = self._sent.get(comment.idempotency_key)
        in_memory = first_sent is not None and time.monotonic() - first_sent < KEY_MEMORY_S
        # The first try's time is kept in the database, so this holds after a restart too.
        tried = comment.first_tried_at
        recorded = tried is not None and (self._now() - tried).total_seconds() < KEY_MEMORY_S
        if in_memory or recorded:
            return self.comment(comment)
        account = comment.account
        token = self.sign_in(account)["access_token"]
        client = self.client(account.instance_url)
        me = str(client.verify(token)["id"])
        wanted = plain(html.escape(comment.text))
        for status in client.replies_to(token, comment.post_remote_id):
            mine = str((status.get("account") or {}).get("id", "")) == me
            if (
                mine
                and str(status.get("in_reply_to_id", "")) == comment.post_remote_id
                and plain(str(status.get("content", ""))) == wanted
            ):
                return _result(status, [str(status["id"])])
        return None

    # ------------------------------------------------------------------ inbox
    # Notifications (networks/mastodon/inbox.py); the account's own id tells a reply to us
    # from a mention in someone else's thread.

    def read_inbox(self, account: Account, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
        from somestudio.networks.mastodon import inbox  # noqa: PLC0415 - it imports this module

        token = self.sign_in(account)["access_token"]
        me = str(account.options.get("user_id") or "")
        return inbox.read(self.client(account.instance_url), token, cursor, pages, me)

    def mark_inbox_seen(self, account: Account, seen_at: datetime) -> None:
        """Mastodon's read marker takes a notification id, not a time: kept locally only."""

    def like_entry(self, account: Account, post: PostRef) -> None:
        """Favourite the person's status (``MastodonClient.favourite``)."""
        token = self.sign_in(account)["access_token"]
        self.client(account.instance_url).favourite(token, post.remote_id)


def _created(status: Mapping[str, Any]) -> datetime | None:
    return parse_time(status.get("created_at"))


def _result(status: Mapping[str, Any], ids: Sequence[str]) -> PublishResult:
    details = {"thread_ids": ",".join(ids)} if len(ids) > 1 else {}
    return PublishResult(
        remote_id=str(status["id"]),
        remote_url=str(status.get("url") or status.get("uri") or ""),
        published_at=_created(status),
        details=details,
    )
