"""Meta's Graph APIs: a Facebook Page, Instagram (business or creator) and Threads.

Sign-in is a long-lived token the user makes with their own Meta app:

- Facebook Page: a Page token.
- Instagram, two families (account option ``ig_login``): *Instagram API with Instagram Login*
  (``instagram``: an Instagram user token, host graph.instagram.com, 60 days, renewed here)
  or *Instagram API with Facebook Login* (``facebook``: a Facebook user or Page token, host
  graph.facebook.com, the Instagram account read from the Page).
- Threads: a Threads user token (60 days, renewed here).

Meta renews a long-lived Instagram or Threads token only once it is at least 24 hours old, so
a sign-in records when its token was issued (``issued_at``) and is renewed no sooner; until
the first renewal its expiry is a guess (``expiry_guessed``).

Facebook can publish at a later time itself (``scheduled_publish_time``) with the account
option ``server_scheduling``. Instagram and Threads fetch images themselves from a public web
address: the account option ``media_base_url`` names the public folder where the user puts
the post's images (``<media_base_url>/<file name>``). Without it a post with images is
refused before anything is sent, and the Accounts page says so beforehand.
"""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from somestudio.domain.first_comment import OutgoingComment
from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import PostRef
from somestudio.domain.inbox.reading import InboxPage
from somestudio.domain.networks.graph_api import GRAPH_API
from somestudio.domain.posts import Account, MediaItem
from somestudio.domain.publish_result import (
    AuthExpired,
    Final,
    OutgoingDelivery,
    PublishError,
    PublishResult,
    Retryable,
    UnknownOutcome,
)
from somestudio.domain.twittertext.urls import extract_urls
from somestudio.domain.utc import utc_now
from somestudio.networks.http import Http, json_body
from somestudio.networks.meta import page_inbox
from somestudio.networks.meta.moderation import (
    HIDE_PERMISSION,
    hide_instagram_comment,
    hide_page_comment,
    hide_threads_reply,
)
from somestudio.networks.publishing import ApiPublisher, mime_of, option, read_media

# The one Graph API version for Facebook and Instagram, publishing and metrics alike, pinned
# with its documented sunset in domain/networks/graph_api.py ("Graph API Changelog —
# Versions", https://developers.facebook.com/docs/graph-api/changelog/versions/).
GRAPH_API_VERSION = GRAPH_API.name
GRAPH = f"https://graph.facebook.com/{GRAPH_API_VERSION}"
INSTAGRAM_GRAPH = f"https://graph.instagram.com/{GRAPH_API_VERSION}"
# Threads has its own versioning (v1.0), not the Graph API's.
THREADS = "https://graph.threads.net/v1.0"

SERVER_SCHEDULING = "server_scheduling"
MEDIA_BASE_URL = "media_base_url"
IG_LOGIN = "ig_login"  # account option: which Instagram API family the token belongs to
INSTAGRAM_LOGIN = "instagram"
FACEBOOK_LOGIN = "facebook"
ISSUED_AT = "issued_at"  # bundle key: epoch seconds when the token we hold was issued
EXPIRY_GUESSED = "expiry_guessed"  # bundle key: "1" until Meta has told us the expiry

MIN_FACEBOOK_LEAD = timedelta(minutes=11)  # Facebook wants 10 minutes to 30 days ahead
MAX_FACEBOOK_LEAD = timedelta(days=29)
TOKEN_LIFETIME_S = 60 * 86400
MIN_RENEW_AGE_S = 24 * 3600  # Meta refuses to renew a token younger than this
RENEW_WITHIN_S = 7 * 24 * 3600
MAX_IMAGE_BYTES = 10_000_000
# Polling a container: Meta suggests about 30 s on average, at most once a minute for 5 min.
POLL_DELAYS_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0, 60.0, 60.0, 60.0)

_RATE_CODES = frozenset({"4", "17", "32", "613", "80001", "80002"})
# Graph error codes that mean the token lacks a permission (10, and the 200-299 range).
_PERMISSION_CODES = frozenset({"10", *(str(c) for c in range(200, 300))})
_NOT_READY = ("24", "4279009")  # Threads: "Media Not Found", the container is not ready yet
_ANY_STATUS = range(100, 600)
_TOKEN_IN_QUERY = re.compile(r"access_token=[^&\s'\")]*")

# What each network's publishing needs, named in the "missing permission" sentence.
PUBLISH_PERMISSION = {
    "Facebook": "pages_manage_posts",
    "Instagram": "instagram_business_content_publish",
    "Threads": "threads_content_publish",
}


def revoked_sentence(network: str, detail: str) -> str:
    """The one sentence for a token Meta no longer accepts (``ui/error_text`` translates it)."""
    return (
        f"{network} no longer accepts this account's sign-in ({detail}): reconnect the "
        "account in Accounts."
    )


def permission_sentence(network: str, permission: str) -> str:
    """The one sentence for a sign-in without a permission it needs (translated likewise)."""
    return (
        f"{network} refused this because the sign-in lacks the {permission} permission: "
        "reconnect the account in Accounts with a token that has it."
    )


def graph_error(
    network: str, exc: PublishError, body: Any = None, *, permission: str = ""
) -> PublishError:
    """Graph error codes: 190 an expired or revoked token, 10/200-299 a missing permission,
    4/17/32/613 rate limits, 24/4279009 a Threads container not ready yet."""
    error = body.get("error") if isinstance(body, dict) else None
    error = error if isinstance(error, dict) else {}
    code = str(error.get("code", "") or getattr(exc, "server_code", ""))
    subcode = str(error.get("error_subcode", ""))
    mapped = _mapped(network, exc, code, subcode, permission)
    mapped.server_code = code  # type: ignore[attr-defined]
    mapped.graph_subcode = subcode  # type: ignore[attr-defined]
    return mapped


def _mapped(
    network: str, exc: PublishError, code: str, subcode: str, permission: str
) -> PublishError:
    status = exc.http_status
    if code == "190" or isinstance(exc, AuthExpired):
        detail = f"Meta error {code}/{subcode}" if code and subcode else f"Meta error {code}"
        if not code:
            detail = f"HTTP {status}"
        return AuthExpired(revoked_sentence(network, detail), http_status=status)
    if code in _RATE_CODES:
        return Retryable(
            f"{network} rate limit reached ({exc.reason})",
            3600.0,
            http_status=status,
            error_kind="rate_limit",
        )
    if (code, subcode) == _NOT_READY:
        return Retryable(
            f"{network} had not finished preparing the post (Media Not Found)",
            60.0,
            http_status=status,
            error_kind="not_ready",
        )
    if code in _PERMISSION_CODES or (status == 403 and not isinstance(exc, Retryable)):
        return Final(
            permission_sentence(network, permission or PUBLISH_PERMISSION.get(network, "")),
            http_status=status,
            error_kind="permission",
        )
    return exc


class GraphClient:
    """Calls to one Graph host; Meta's error codes mapped onto the publishing outcomes."""

    def __init__(self, http: Http, base: str, *, permission: str = "") -> None:
        self.http = http
        self.base = base.rstrip("/")
        self.permission = permission

    def call(self, verb: str, path: str, token: str, *, idempotent: bool, **kw: Any) -> Any:
        url = f"{self.base}/{path.lstrip('/')}"
        response = self.http.request(
            verb, url, idempotent=idempotent, token=token, expect=_ANY_STATUS, **kw
        )
        if not 200 <= response.status_code < 300:
            exc = self.http.error_for(response, idempotent=idempotent)
            raise graph_error(
                self.http.network, exc, json_body(response), permission=self.permission
            )
        try:
            return response.json()
        except ValueError as exc:
            detail = f"{self.http.network} answered HTTP {response.status_code} with no JSON"
            if idempotent:
                raise Retryable(detail, http_status=response.status_code) from exc
            raise UnknownOutcome(detail) from exc

    def me(self, token: str, fields: str = "id,name") -> dict[str, Any]:
        body = self.call("GET", "me", token, idempotent=True, params={"fields": fields})
        if not isinstance(body, dict) or not ("id" in body or "user_id" in body):
            raise Final(f"{self.http.network} did not say whose token this is")
        return body


def origin(base: str) -> str:
    """``https://host`` of a versioned base: Meta's token renewal endpoints have no version."""
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


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


# ---------------------------------------------------------------------- tokens


def new_bundle(token: str, now: float, **extra: str) -> dict[str, str]:
    """A freshly pasted long-lived token: its age and expiry are not known, so it is taken as
    issued now (no renewal for 24 h) with a guessed 60-day expiry."""
    return {
        "access_token": token,
        ISSUED_AT: str(int(now)),
        "expires_at": str(int(now + TOKEN_LIFETIME_S)),
        EXPIRY_GUESSED: "1",
        **extra,
    }


def renewal_due(bundle: Mapping[str, str], now: float) -> bool:
    """Renew when Meta allows it (the token is 24 h old) and it is worth it: the expiry is only
    a guess, or less than a week is left."""
    issued = float(bundle.get(ISSUED_AT, "0") or 0)
    if issued and now - issued < MIN_RENEW_AGE_S:
        return False
    if bundle.get(EXPIRY_GUESSED):
        return True
    expires = float(bundle.get("expires_at", "0") or 0)
    return bool(expires) and expires - now <= RENEW_WITHIN_S


def renew_token(
    http: Http, host: str, bundle: Mapping[str, str], grant_type: str, now: float
) -> dict[str, str]:
    """``GET <host>/refresh_access_token?grant_type=...`` (no version in the path):

    - Instagram: "Refresh Access Token", grant_type ``ig_refresh_token``,
      https://developers.facebook.com/documentation/instagram-platform/reference/refresh_access_token
    - Threads: "Long-Lived Access Tokens", grant_type ``th_refresh_token``,
      https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/
    """
    token = bundle["access_token"]
    try:
        # The documented form puts the token in the query string: keep it out of any message.
        body = GraphClient(http, host).call(
            "GET",
            "refresh_access_token",
            "",
            idempotent=True,
            params={"grant_type": grant_type, "access_token": token},
        )
    except PublishError as exc:
        # A connection error names the URL, query and all (perhaps cut short mid-token).
        said = _TOKEN_IN_QUERY.sub("access_token=[token]", exc.reason.replace(token, "[token]"))
        if said == exc.reason:
            raise
        hidden = copy.copy(exc)
        hidden.reason = said
        hidden.args = (said,)
        raise hidden from None
    renewed = {k: v for k, v in bundle.items() if k != EXPIRY_GUESSED}
    return {
        **renewed,
        "access_token": str(body["access_token"]),
        ISSUED_AT: str(int(now)),
        "expires_at": str(int(now + float(body.get("expires_in", TOKEN_LIFETIME_S)))),
    }


class RenewingPublisher(ApiPublisher):
    """A publisher whose 60-day token it renews itself (Instagram Login, Threads)."""

    grant_type = ""

    def __init__(self, *args: Any, clock: Callable[[], float] = time.time, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._clock = clock

    def token_host(self, account: Account) -> str:
        raise NotImplementedError

    def renews(self, account: Account) -> bool:
        return True

    def access(self, account: Account) -> str:
        """The token, renewed when due (see ``renewal_due``)."""
        with self.account_lock(account.id):
            bundle = self.sign_in(account)
            now = self._clock()
            if not self.renews(account) or not renewal_due(bundle, now):
                return bundle["access_token"]
            try:
                renewed = renew_token(
                    self.http(), self.token_host(account), bundle, self.grant_type, now
                )
            except (AuthExpired, Final) as exc:
                raise self.needs_reconnect(
                    account,
                    bundle,
                    f"{self.network_name} refused to renew the token",
                    exc.http_status,
                ) from exc
            self.save_sign_in(account, renewed)
            return renewed["access_token"]


# ---------------------------------------------------------------------- containers


def wait_until_finished(
    client: GraphClient,
    container: str,
    token: str,
    *,
    field: str,
    sleep: Callable[[float], None],
    what: str,
) -> None:
    """Poll the container until ``FINISHED``; ERROR and EXPIRED are final (with Meta's
    reason), and a container still in progress after about 5 minutes is retried later."""
    fields = "status_code,status" if field == "status_code" else "status,error_message"
    for delay in (0.0, *POLL_DELAYS_S):
        if delay:
            sleep(delay)
        body = client.call("GET", container, token, idempotent=True, params={"fields": fields})
        state = str(body.get(field, "") or "").upper()
        if state in ("FINISHED", "PUBLISHED"):
            return
        if state in ("ERROR", "EXPIRED"):
            reason = str(body.get("error_message") or body.get("status") or state)
            raise Final(
                f"{client.http.network} could not prepare {what} ({state}: {reason}); check "
                "that each image's public address opens in a browser, then try again",
                error_kind="media",
            )
    raise Retryable(
        f"{client.http.network} was still preparing {what} after 5 minutes",
        60.0,
        error_kind="not_ready",
    )


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
        client = GraphClient(self.http(), self.base, permission="pages_manage_posts")
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
                # "Page Photos": POST /{page-id}/photos, unpublished, later attached to the post
                # https://developers.facebook.com/docs/graph-api/reference/page/photos/
                uploaded = client.call(
                    "POST",
                    f"{page}/photos",
                    token,
                    idempotent=True,  # unpublished photos are not posts
                    data={"published": "false", "alt_text_custom": item.alt_text},
                    files={"source": (Path(item.path).name, data, mime_of(item))},
                )
                photos.append({"media_fbid": str(uploaded["id"])})
            # A list parameter goes as one JSON array, as Meta's own SDK encodes it.
            fields["attached_media"] = json.dumps(photos)
        # "Page Feed": POST /{page-id}/feed with message, link, published, scheduled_publish_time
        # https://developers.facebook.com/docs/graph-api/reference/page/feed/
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

    # ------------------------------------------------------------------ first comment
    # A comment by the Page under its own post. Graph API reference, "/{object-id}/comments"
    # (Publishing: ``message``): https://developers.facebook.com/docs/graph-api/reference/object/comments
    # No idempotency key: an unknown outcome is looked up among the post's comments.

    # An answer to an inbox entry is a comment on the person's comment (POST
    # /{comment-id}/comments, needs pages_manage_engagement: "Comments and @mentions",
    # https://developers.facebook.com/documentation/pages-api/comments-mentions); a reply to
    # a reply goes under its top-level comment (``ReplyTarget.root_id``).

    def comment(self, comment: OutgoingComment) -> PublishResult:
        token = self.sign_in(comment.account)["access_token"]
        client = GraphClient(self.http(), self.base, permission=_answer_permission(comment))
        return _comment_under(client, token, comment, _target(comment))

    def reconcile_comment(self, comment: OutgoingComment) -> PublishResult | None:
        token = self.sign_in(comment.account)["access_token"]
        client = GraphClient(self.http(), self.base)
        page = option(comment.account, "page_id")
        found = client.call(
            "GET",
            f"{_target(comment)}/comments",
            token,
            idempotent=True,
            params={
                "fields": "id,message,from",
                "filter": "stream",
                "order": "reverse_chronological",
            },
        )
        for item in _data(found):
            author = str((item.get("from") or {}).get("id", ""))
            if item.get("message") == comment.text and (not page or author == page):
                return _comment_result(str(item["id"]), comment.post_remote_url)
        return None

    # ------------------------------------------------------------------ inbox
    # Comments under the Page's recent posts (networks/meta/page_inbox.py).

    def read_inbox(self, account: Account, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
        token = self.sign_in(account)["access_token"]
        client = GraphClient(
            self.http(), self.base, permission=page_inbox.READ_PERMISSION["facebook"]
        )
        graph = page_inbox.Graph(client.call, token)
        return page_inbox.read_facebook(graph, option(account, "page_id") or "me", cursor, pages)

    def mark_inbox_seen(self, account: Account, seen_at: datetime) -> None:
        """Facebook keeps no "seen" mark for comments an app could set: kept locally only."""

    def hide_entry(self, account: Account, post: PostRef) -> None:
        """Hide the person's comment under the Page's post (networks/meta/moderation.py)."""
        token = self.sign_in(account)["access_token"]
        client = GraphClient(self.http(), self.base, permission=HIDE_PERMISSION["facebook"])
        hide_page_comment(client, token, post.remote_id)


# ---------------------------------------------------------------------- Instagram


def is_video(item: MediaItem) -> bool:
    return mime_of(item).startswith("video/")


def _instagram_item(url: str, item: MediaItem, *, carousel: bool) -> dict[str, str]:
    """One container's media fields ("Content Publishing",
    https://developers.facebook.com/docs/instagram-platform/content-publishing/): an image
    by ``image_url`` with its ``alt_text`` ("alt_text field for image posts", 24 March 2025;
    "Reels and stories are not supported"); a video alone is a reel (``media_type=REELS``,
    the VIDEO type is gone since November 2023: Graph API changelog, 28 June 2022,
    https://developers.facebook.com/docs/graph-api/changelog/out-of-cycle-changes/
    june-28-2022), a video in a carousel ``media_type=VIDEO`` with ``is_carousel_item``."""
    if is_video(item):
        fields = {"media_type": "VIDEO" if carousel else "REELS", "video_url": url}
    else:
        fields = {"image_url": url, "alt_text": item.alt_text}
    if carousel:
        fields["is_carousel_item"] = "true"
    return fields


MAX_CAROUSEL = 20  # "Threads Posts": a carousel has at most 20 images and videos


def _threads_item(url: str, item: MediaItem) -> dict[str, str]:
    """An image or video's fields on ``POST /{threads-user-id}/threads`` ("Threads Posts",
    https://developers.facebook.com/documentation/threads/posts), with its ``alt_text``
    ("Accessibility": for images and videos,
    https://developers.facebook.com/documentation/threads/posts/accessibility)."""
    if is_video(item):
        fields = {"media_type": "VIDEO", "video_url": url}
    else:
        fields = {"media_type": "IMAGE", "image_url": url}
    if item.alt_text.strip():
        fields["alt_text"] = item.alt_text
    return fields


def instagram_login(account: Account) -> str:
    """``instagram`` (Instagram Login) or ``facebook`` (Facebook Login, the default of
    accounts connected before both existed)."""
    return option(account, IG_LOGIN) or FACEBOOK_LOGIN


class InstagramPublisher(RenewingPublisher):
    """Content publishing, the same three steps on both hosts ("Content Publishing",
    https://developers.facebook.com/docs/instagram-platform/content-publishing/):
    ``POST /{ig-user-id}/media`` makes a container, ``GET /{container-id}?fields=status_code``
    until FINISHED ("IG Container", https://developers.facebook.com/docs/instagram-platform/
    instagram-graph-api/reference/ig-container), then ``POST /{ig-user-id}/media_publish``."""

    network_name = "Instagram"
    channel = "instagram"
    grant_type = "ig_refresh_token"

    def __init__(
        self,
        *args: Any,
        base: str = GRAPH,
        instagram_base: str = INSTAGRAM_GRAPH,
        sleep: Callable[[float], None] = time.sleep,
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        self.base = base
        self.instagram_base = instagram_base
        self._sleep = sleep

    def renews(self, account: Account) -> bool:
        return instagram_login(account) == INSTAGRAM_LOGIN

    def token_host(self, account: Account) -> str:
        return origin(self.instagram_base)

    def api_base(self, account: Account) -> str:
        return self.instagram_base if self.renews(account) else self.base

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.check_parts(delivery)
        account = delivery.account
        if not delivery.media:
            raise Final("Instagram posts need at least one image", error_kind="validation")
        urls = [public_url(account, item, "Instagram") for item in delivery.media[:10]]
        token = self.access(account)
        user = option(account, "ig_user_id") or "me"
        permission = (
            "instagram_business_content_publish"
            if self.renews(account)
            else "instagram_content_publish"
        )
        client = GraphClient(self.http(), self.api_base(account), permission=permission)
        caption = "\n\n".join(delivery.parts)
        if len(urls) == 1:
            fields = _instagram_item(urls[0], delivery.media[0], carousel=False)
            container = self._container(client, user, token, {**fields, "caption": caption})
        else:
            # A carousel may mix images and videos ("Content Publishing": carousel posts
            # "containing multiple images and videos").
            children = [
                self._container(client, user, token, _instagram_item(url, item, carousel=True))
                for url, item in zip(urls, delivery.media, strict=False)
            ]
            container = self._container(
                client,
                user,
                token,
                {"media_type": "CAROUSEL", "children": ",".join(children), "caption": caption},
            )
        # "Content Publishing", step 2: POST /{ig-user-id}/media_publish with creation_id
        # https://developers.facebook.com/docs/instagram-platform/content-publishing/
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
        # "Content Publishing", step 1: POST /{ig-user-id}/media (image_url, caption, alt_text,
        # is_carousel_item, children) https://developers.facebook.com/docs/instagram-platform/
        # content-publishing/ — then GET /{container-id}?fields=status_code ("IG Container",
        # https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/
        # ig-container) until FINISHED.
        made = client.call("POST", f"{user}/media", token, idempotent=True, data=fields)
        container = str(made["id"])
        what = fields.get("image_url") or fields.get("video_url") or "the carousel"
        wait_until_finished(
            client, container, token, field="status_code", sleep=self._sleep, what=what
        )
        return container

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return None

    # ------------------------------------------------------------------ first comment
    # A comment by the account under its own media. Instagram Platform reference, "Comments"
    # (IG Media, Creating: ``message``):
    # https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-media/comments
    # Needs instagram_manage_comments (Facebook Login) / instagram_business_manage_comments.

    # An answer to an inbox entry: POST /{ig-comment-id}/replies with ``message`` ("Replies",
    # IG Comment reference, https://developers.facebook.com/docs/instagram-platform/
    # instagram-graph-api/reference/ig-comment/replies); a reply to a reply goes under its
    # top-level comment (``ReplyTarget.root_id``), as Instagram threads one level.

    def comment(self, comment: OutgoingComment) -> PublishResult:
        # On the account's own host: graph.instagram.com with Instagram Login.
        token = self.access(comment.account)
        client = GraphClient(
            self.http(),
            self.api_base(comment.account),
            permission=self._read_permission(comment.account) if comment.reply_to else "",
        )
        if comment.reply_to is None:
            return _comment_under(client, token, comment)
        return _comment_under(client, token, comment, _target(comment), edge="replies")

    def _read_permission(self, account: Account) -> str:
        login = "instagram" if self.renews(account) else "instagram-facebook-login"
        return page_inbox.READ_PERMISSION[login]

    def reconcile_comment(self, comment: OutgoingComment) -> PublishResult | None:
        token = self.access(comment.account)
        client = GraphClient(self.http(), self.api_base(comment.account))
        edge = "replies" if comment.reply_to is not None else "comments"
        found = client.call(
            "GET",
            f"{_target(comment)}/{edge}",
            token,
            idempotent=True,
            params={"fields": "id,text,username"},
        )
        handle = comment.account.handle.lstrip("@").lower()
        for item in _data(found):
            author = str(item.get("username", "")).lower()
            if item.get("text") == comment.text and (not author or author == handle):
                return _comment_result(str(item["id"]), comment.post_remote_url)
        return None

    # ------------------------------------------------------------------ inbox
    # Comments under the account's recent media (networks/meta/page_inbox.py), on the
    # account's own host like publishing.

    def read_inbox(self, account: Account, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
        token = self.access(account)
        client = GraphClient(
            self.http(), self.api_base(account), permission=self._read_permission(account)
        )
        graph = page_inbox.Graph(client.call, token)
        user = option(account, "ig_user_id") or "me"
        return page_inbox.read_instagram(graph, user, account.handle, cursor, pages)

    def mark_inbox_seen(self, account: Account, seen_at: datetime) -> None:
        """Instagram keeps no "seen" mark for comments an app could set: kept locally only."""

    def hide_entry(self, account: Account, post: PostRef) -> None:
        """Hide the comment under the account's media, on its own host (moderation.py)."""
        login = "instagram" if self.renews(account) else "instagram-facebook-login"
        client = GraphClient(self.http(), self.api_base(account), permission=HIDE_PERMISSION[login])
        hide_instagram_comment(client, self.access(account), post.remote_id)


# ---------------------------------------------------------------------- Threads

PROGRESS = "thread_progress"  # bundle key: JSON {idempotency key: [part state, ...]}
MAX_KEPT_THREADS = 20


class ThreadsPublisher(RenewingPublisher):
    """Each part: ``POST /{user}/threads`` makes a container (a reply names the part before
    in ``reply_to_id``), ``GET /{container-id}?fields=status`` until FINISHED, then
    ``POST /{user}/threads_publish`` ("Threads Posts",
    https://developers.facebook.com/docs/threads/posts; "Publishing" reference,
    https://developers.facebook.com/documentation/threads/reference/publishing).

    Each part's container and published id are recorded with the sign-in as soon as known,
    so a retry after any failure continues the thread where it stopped and never posts a
    part twice; a part whose publish had an unknown outcome is never sent blind."""

    network_name = "Threads"
    channel = "threads"
    grant_type = "th_refresh_token"

    def __init__(
        self,
        *args: Any,
        base: str = THREADS,
        sleep: Callable[[float], None] = time.sleep,
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        self.base = base
        self._sleep = sleep
        # The same progress in memory: it still holds when the keyring refuses a write.
        self._progress: dict[tuple[int, str], list[dict[str, str]]] = {}

    def token_host(self, account: Account) -> str:
        return origin(self.base)

    # ------------------------------------------------------------------ progress

    def progress(self, account: Account, key: str) -> list[dict[str, str]]:
        remembered = self._progress.get((account.id, key))
        if remembered is not None:
            return [dict(p) for p in remembered]
        try:
            bundle = self.credentials.load(account.id) or {}
            found = json.loads(bundle.get(PROGRESS, "{}")).get(key, [])
        except Exception:
            found = []
        return [dict(p) for p in found if isinstance(p, dict)]

    def _record(
        self,
        account: Account,
        key: str,
        parts: list[dict[str, str]] | None,
        *,
        must_keep: bool = False,
    ) -> None:
        """Keep the thread's progress (None: the thread is done). ``must_keep``: raise when
        the keyring cannot store it (before a publish, when nothing was sent yet)."""
        if parts is None:
            self._progress.pop((account.id, key), None)
        else:
            self._progress[(account.id, key)] = [dict(p) for p in parts]
        with self.account_lock(account.id):
            try:
                bundle = self.credentials.load(account.id)
                if bundle is None:
                    return
                known = json.loads(bundle.get(PROGRESS, "{}"))
                known.pop(key, None)
                if parts is not None:
                    known[key] = parts  # newest last
                while len(known) > MAX_KEPT_THREADS:  # threads given up long ago
                    known.pop(next(iter(known)))
                updated = {k: v for k, v in bundle.items() if k != PROGRESS}
                if known:
                    updated[PROGRESS] = json.dumps(known, separators=(",", ":"))
                self.credentials.save(account.id, updated)
            except Exception as exc:
                if must_keep:
                    raise Retryable(
                        f"the thread's progress could not be saved in the system keyring: {exc}",
                        error_kind="keyring",
                    ) from exc

    # ------------------------------------------------------------------ publishing

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.check_parts(delivery)
        account = delivery.account
        # Every attached image and video (up to 20, a carousel when more than one): only
        # the first image went out before, and a video went as an IMAGE.
        media = [
            (public_url(account, item, "Threads"), item) for item in delivery.media[:MAX_CAROUSEL]
        ]
        token = self.access(account)
        user = option(account, "threads_user_id") or "me"
        key = delivery.idempotency_key
        parts = self.progress(account, key)
        ids: list[str] = []
        for index, text in enumerate(delivery.parts):
            while len(parts) <= index:
                parts.append({})
            state = parts[index]
            if not state.get("post"):
                permission = "threads_manage_replies" if index else "threads_content_publish"
                client = GraphClient(self.http(), self.base, permission=permission)
                fields = {"media_type": "TEXT", "text": text}
                carousel: Callable[[], dict[str, str]] | None = None
                if index == 0 and len(media) == 1:
                    fields.update(_threads_item(*media[0]))
                elif index == 0 and media:
                    # The items are made only when a new carousel container is (not when
                    # an earlier try's container is reused).
                    def carousel(client: GraphClient = client) -> dict[str, str]:
                        children = self._carousel_items(client, user, token, media)
                        return {"media_type": "CAROUSEL", "children": ",".join(children)}

                if ids:
                    fields["reply_to_id"] = ids[-1]
                what = f"part {index + 1}" if len(delivery.parts) > 1 else "the post"
                try:
                    self._publish_part(
                        client,
                        account=account,
                        context=(user, token, key, what),
                        parts=parts,
                        index=index,
                        fields=fields,
                        carousel=carousel,
                    )
                except PublishError as exc:
                    raise _with_progress(exc, ids, len(delivery.parts)) from exc
            ids.append(parts[index]["post"])
        self._record(account, key, None)
        details = {"thread_ids": ",".join(ids)} if len(ids) > 1 else {}
        return PublishResult(remote_id=ids[0], details=details)

    def _carousel_items(
        self,
        client: GraphClient,
        user: str,
        token: str,
        media: list[tuple[str, MediaItem]],
    ) -> list[str]:
        """Carousel posts, step 1: one item container per image or video
        (``is_carousel_item=true``), each FINISHED before the carousel is made ("Threads
        Posts", Carousel posts, https://developers.facebook.com/documentation/threads/posts).
        Unpublished containers expire on their own, so a retry may make new ones."""
        made: list[str] = []
        for number, (url, item) in enumerate(media, start=1):
            fields = {**_threads_item(url, item), "is_carousel_item": "true"}
            body = client.call("POST", f"{user}/threads", token, idempotent=True, data=fields)
            container = str(body["id"])
            wait_until_finished(
                client,
                container,
                token,
                field="status",
                sleep=self._sleep,
                what=f"carousel item {number}",
            )
            made.append(container)
        return made

    def _publish_part(
        self,
        client: GraphClient,
        *,
        account: Account,
        context: tuple[str, str, str, str],
        parts: list[dict[str, str]],
        index: int,
        fields: dict[str, str],
        carousel: Callable[[], dict[str, str]] | None = None,
    ) -> None:
        user, token, key, what = context
        state = parts[index]
        container = state.get("container", "")
        if container:
            # The container from an earlier try: reuse it unless it expired (24 h) or failed.
            body = client.call(
                "GET", container, token, idempotent=True, params={"fields": "status"}
            )
            status = str(body.get("status", "")).upper()
            if state.get("sent") and status == "PUBLISHED":
                raise UnknownOutcome(
                    f"Threads shows {what} as published but did not say its id; check the "
                    "thread on Threads and publish the rest by hand"
                )
            if status in ("EXPIRED", "ERROR"):
                container = ""
        if not container:
            # "Publishing" reference: POST /{threads-user-id}/threads
            # https://developers.facebook.com/documentation/threads/reference/publishing
            data = {**fields, **carousel()} if carousel is not None else fields
            made = client.call("POST", f"{user}/threads", token, idempotent=True, data=data)
            container = str(made["id"])
            parts[index] = state = {"container": container}
            self._record(account, key, parts)  # an unpublished container: no harm if lost
        # "Threads API Troubleshooting": GET /{threads-container-id}?fields=status
        # https://developers.facebook.com/docs/threads/troubleshooting
        wait_until_finished(client, container, token, field="status", sleep=self._sleep, what=what)
        state["sent"] = "1"
        self._record(account, key, parts, must_keep=True)
        try:
            # "Publishing" reference: POST /{threads-user-id}/threads_publish
            published = client.call(
                "POST",
                f"{user}/threads_publish",
                token,
                idempotent=False,
                data={"creation_id": container},
            )
        except (Retryable, Final):
            # Refused outright: nothing was published, so the next try may send it again.
            state.pop("sent", None)
            self._record(account, key, parts)
            raise
        state["post"] = str(published["id"])
        state.pop("sent", None)
        self._record(account, key, parts)

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        """The thread, when every part was published and recorded before an interruption."""
        parts = self.progress(delivery.account, delivery.idempotency_key)
        ids = [p.get("post", "") for p in parts]
        if len(ids) < len(delivery.parts) or not all(ids):
            return None
        details = {"thread_ids": ",".join(ids)} if len(ids) > 1 else {}
        return PublishResult(remote_id=ids[0], details=details)

    # ------------------------------------------------------------------ first comment
    # A reply: a container with ``reply_to_id`` = our post, then threads_publish once the
    # container is FINISHED. Threads docs, "Create Replies":
    # https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies/create-replies
    # (needs threads_manage_replies). The container's ``status`` (IN_PROGRESS, FINISHED,
    # ERROR, EXPIRED): "Threads API Troubleshooting",
    # https://developers.facebook.com/docs/threads/troubleshooting

    comment_sleep: Callable[[float], None] = staticmethod(time.sleep)

    def comment(self, comment: OutgoingComment) -> PublishResult:
        token = self.access(comment.account)
        user = option(comment.account, "threads_user_id") or "me"
        client = GraphClient(self.http(), self.base)
        fields = {"media_type": "TEXT", "text": comment.text, "reply_to_id": comment.post_remote_id}
        made = client.call("POST", f"{user}/threads", token, idempotent=True, data=fields)
        container = str(made["id"])
        for _ in range(30):
            status = client.call(
                "GET", container, token, idempotent=True, params={"fields": "status"}
            )
            state = str(status.get("status", "FINISHED"))
            if state == "FINISHED":
                break
            if state in ("ERROR", "EXPIRED"):
                raise Final("Threads could not prepare the first comment", error_kind="media")
            self.comment_sleep(1.0)
        else:
            raise Retryable("Threads was still preparing the first comment")
        published = client.call(
            "POST",
            f"{user}/threads_publish",
            token,
            idempotent=False,
            data={"creation_id": container},
        )
        return _comment_result(str(published["id"]), "")

    def reconcile_comment(self, comment: OutgoingComment) -> PublishResult | None:
        """Our reply among the post's replies. Threads docs, "Reply Management" reference
        (GET /{threads-media-id}/replies):
        https://developers.facebook.com/documentation/threads/reference/reply-management"""
        token = self.access(comment.account)
        client = GraphClient(self.http(), self.base)
        found = client.call(
            "GET",
            f"{comment.post_remote_id}/replies",
            token,
            idempotent=True,
            params={"fields": "id,text,is_reply_owned_by_me,permalink"},
        )
        for item in _data(found):
            if item.get("is_reply_owned_by_me") and item.get("text") == comment.text:
                return _comment_result(str(item["id"]), str(item.get("permalink", "")))
        return None

    # ------------------------------------------------------------------ inbox
    # Replies under the account's recent posts (networks/meta/threads_inbox.py).

    def read_inbox(self, account: Account, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
        from somestudio.networks.meta import threads_inbox  # noqa: PLC0415 - it imports this

        graph = threads_inbox.Graph(GraphClient(self.http(), self.base).call, self.access(account))
        user = option(account, "threads_user_id") or "me"
        return threads_inbox.read(graph, user, cursor, pages)

    def mark_inbox_seen(self, account: Account, seen_at: datetime) -> None:
        """Threads keeps no "seen" mark for replies an app could set: kept locally only."""

    def hide_entry(self, account: Account, post: PostRef) -> None:
        """Hide the reply under the account's post (networks/meta/moderation.py)."""
        client = GraphClient(self.http(), self.base, permission=HIDE_PERMISSION["threads"])
        hide_threads_reply(client, self.access(account), post.remote_id)


def progress_sentence(done: int, total: int) -> str:
    """What a retry of a half-published thread does (``ui/error_text`` translates it)."""
    return (
        f"Parts 1–{done} of {total} are published on Threads; a retry continues with part "
        f"{done + 1}."
    )


def _with_progress(exc: PublishError, ids: list[str], total: int) -> PublishError:
    """``exc`` told with what already went out, so a half-published thread is never silent."""
    if not ids:
        return exc
    said = f"{exc.reason} {progress_sentence(len(ids), total)}"
    if isinstance(exc, AuthExpired):
        return AuthExpired(said, http_status=exc.http_status)
    if isinstance(exc, Retryable):
        return Retryable(
            said, exc.retry_after, http_status=exc.http_status, error_kind=exc.error_kind
        )
    copy = type(exc)(said, http_status=exc.http_status, error_kind=exc.error_kind)
    return copy


def _data(body: Any) -> list[dict[str, Any]]:
    found = body.get("data", []) if isinstance(body, dict) else []
    return [item for item in found if isinstance(item, dict)]


def _target(comment: OutgoingComment) -> str:
    """What the comment goes under: our post, or for an answer to an inbox entry the
    person's comment (its top-level comment when it is itself a reply)."""
    if comment.reply_to is None:
        return comment.post_remote_id
    return comment.reply_to.root_id or comment.reply_to.parent_id or comment.post_remote_id


def _answer_permission(comment: OutgoingComment) -> str:
    return "pages_manage_engagement" if comment.reply_to is not None else ""


def _comment_under(
    client: GraphClient,
    token: str,
    comment: OutgoingComment,
    target: str = "",
    *,
    edge: str = "comments",
) -> PublishResult:
    """A comment under our own Facebook post or Instagram media: POST /{id}/comments with
    ``message`` (the references are named at each publisher's first comment); an answer
    under the person's comment (``target``, Instagram's ``replies`` edge)."""
    made = client.call(
        "POST",
        f"{target or comment.post_remote_id}/{edge}",
        token,
        idempotent=False,
        data={"message": comment.text},
    )
    return _comment_result(str(made["id"]), comment.post_remote_url)


def _comment_result(comment_id: str, post_url: str) -> PublishResult:
    """A first comment: its id, and the post's address (comments have no page of their own)."""
    return PublishResult(remote_id=comment_id, remote_url=post_url)
