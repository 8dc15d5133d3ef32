"""Bluesky (AT Protocol): app-password session, refreshed, never a login per post.

- Connect: ``com.atproto.server.createSession`` with the handle and an app password, once.
  The keyring keeps the refresh JWT (and the DID); the access JWT lives in memory and is
  renewed with ``refreshSession``, whose new refresh JWT is saved at once. A refused renewal
  marks the account *reconnect*.
- Facets: links, mentions and hashtags found by ``domain.entities`` (code-point spans) are
  sent with UTF-8 byte offsets, as the protocol requires. A mention becomes a facet only
  when its handle resolves to a DID.
- Images: ``uploadBlob`` then ``app.bsky.embed.images`` with the alt text and each image's
  ``aspectRatio`` (lexicon app.bsky.embed.images#image, ``aspectRatio`` refs
  app.bsky.embed.defs#aspectRatio {width, height}, integers >= 1:
  https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/images.json).
- Link card: a post without images whose draft has a card gets
  ``app.bsky.embed.external {external: {uri, title, description, thumb}}``, the thumbnail
  uploaded as a blob first (at most 1,000,000 bytes: lexicon app.bsky.embed.external,
  https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/external.json).
  A record has one embed: images take precedence over the card, as in the official app.
- Language: ``langs`` (lexicon app.bsky.feed.post, "langs": at most 3 BCP-47 tags,
  https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json)
  from the post's language, else the account's ``language`` option.
- Threads: each part replies to the previous one, with the first as ``root``.
- Idempotency: every record's key (rkey) is derived from the delivery's idempotency key, a
  valid TID. Sending again finds the record already there and reuses it; ``reconcile``
  reads the records by those keys.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from somestudio.domain.entities import EntityKind, extract_entities
from somestudio.domain.first_comment import OutgoingComment
from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import PostRef
from somestudio.domain.inbox.reading import InboxPage
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.posts import Account, MediaItem
from somestudio.domain.publish_result import (
    AuthExpired,
    Final,
    OutgoingDelivery,
    PublishError,
    PublishResult,
    Retryable,
)
from somestudio.domain.text import grapheme_count
from somestudio.domain.utc import utc_now
from somestudio.networks.http import Http, error_code
from somestudio.networks.publishing import ApiPublisher, mime_of, option, read_media

DEFAULT_SERVICE = "https://bsky.social"
POST = "app.bsky.feed.post"
LIKE = "app.bsky.feed.like"
_LIKE_EPOCH_US = 1_672_531_200_000_000  # 2023-01-01T00:00:00Z
_YEAR_US = 365 * 24 * 3600 * 1_000_000
MAX_IMAGE_BYTES = 2_000_000  # lexicon app.bsky.embed.images#image: image.maxSize
MAX_THUMB_BYTES = 1_000_000  # lexicon app.bsky.embed.external#external: thumb.maxSize
MAX_LANGS = 3  # lexicon app.bsky.feed.post: langs.maxLength
MAX_TAG_GRAPHEMES = 64
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_RENEW_MARGIN_S = 60


def tid(microseconds: int, clock_id: int) -> str:
    """A TID record key: 53 bits of microseconds and 10 bits of clock id, base32-sortable."""
    value = ((microseconds & ((1 << 53) - 1)) << 10) | (clock_id & 0x3FF)
    chars = []
    for _ in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def record_key(idempotency_key: str, scheduled_at: datetime, index: int) -> str:
    """The rkey of part ``index``: the same for every retry of the delivery, unique per part,
    near the post's time (TIDs sort by time), and unlikely to meet another delivery's."""
    digest = int.from_bytes(hashlib.sha256(idempotency_key.encode()).digest()[:8], "big")
    seconds = int(scheduled_at.timestamp())
    micros = seconds * 1_000_000 + (digest % 900_000) + index
    return tid(micros, digest >> 54)


def like_rkey(post_uri: str) -> str:
    """The rkey of our like of ``post_uri``: the same every time for that post (a repeat
    finds it taken), a valid TID, spread by a hash of the URI."""
    digest = int.from_bytes(hashlib.sha256(f"like:{post_uri}".encode()).digest()[:8], "big")
    # A time in 2023 (not the hash's own 53 bits, which would name a far future): a key
    # sorts by its time, and nothing reads a like's time from its key.
    micros = _LIKE_EPOCH_US + (digest >> 10) % _YEAR_US
    return tid(micros, digest & 0x3FF)


def _byte_offsets(text: str) -> list[int]:
    """UTF-8 byte offset of every code-point position (and the end)."""
    offsets = [0]
    total = 0
    for char in text:
        total += len(char.encode("utf-8", "surrogatepass"))
        offsets.append(total)
    return offsets


def facets(text: str, resolve: Callable[[str], str | None]) -> list[dict[str, Any]]:
    """Rich-text facets for ``text``: links, mentions (resolved to DIDs) and tags."""
    found: list[dict[str, Any]] = []
    offsets = _byte_offsets(text)
    for entity in extract_entities(text).all():
        feature: dict[str, str] | None = None
        if entity.kind is EntityKind.URL:
            uri = entity.text if entity.has_protocol else f"https://{entity.text}"
            feature = {"$type": "app.bsky.richtext.facet#link", "uri": uri}
        elif entity.kind is EntityKind.MENTION:
            handle = entity.text[1:]
            did = resolve(handle) if "." in handle and "@" not in handle else None
            if did:
                feature = {"$type": "app.bsky.richtext.facet#mention", "did": did}
        else:
            tag = entity.text[1:]
            if grapheme_count(tag) <= MAX_TAG_GRAPHEMES:
                feature = {"$type": "app.bsky.richtext.facet#tag", "tag": tag}
        if feature is not None:
            found.append(
                {
                    "index": {
                        "byteStart": offsets[entity.start],
                        "byteEnd": offsets[entity.end],
                    },
                    "features": [feature],
                }
            )
    return found


def jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim of a JWT (epoch seconds), without checking its signature."""
    try:
        payload = token.split(".")[1]
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return None
    exp = data.get("exp") if isinstance(data, dict) else None
    return float(exp) if isinstance(exp, int | float) else None


@dataclass(frozen=True, slots=True)
class Session:
    access_jwt: str
    refresh_jwt: str
    did: str
    handle: str


class BlueskyClient:
    def __init__(self, http: Http, service: str = DEFAULT_SERVICE) -> None:
        self.http = http
        self.base = (service or DEFAULT_SERVICE).rstrip("/")

    def _url(self, method: str) -> str:
        return f"{self.base}/xrpc/{method}"

    def call(
        self, verb: str, method: str, *, idempotent: bool, token: str | None = None, **kw: Any
    ) -> Any:
        try:
            return self.http.json(verb, self._url(method), idempotent=idempotent, token=token, **kw)
        except Final as exc:
            if error_code(exc) in _TOKEN_ERRORS and not isinstance(exc, AuthExpired):
                auth = AuthExpired(exc.reason, http_status=exc.http_status)
                auth.server_code = error_code(exc)  # type: ignore[attr-defined]
                raise auth from exc
            raise

    def create_session(self, identifier: str, password: str) -> Session:
        body = self.call(
            "POST",
            "com.atproto.server.createSession",
            idempotent=True,
            json={"identifier": identifier, "password": password},
        )
        return _session(body)

    def refresh_session(self, refresh_jwt: str) -> Session:
        body = self.call(
            "POST", "com.atproto.server.refreshSession", idempotent=True, token=refresh_jwt
        )
        return _session(body)

    def get_session(self, access_jwt: str) -> dict[str, Any]:
        body = self.call("GET", "com.atproto.server.getSession", idempotent=True, token=access_jwt)
        return body if isinstance(body, dict) else {}

    def resolve_handle(self, handle: str) -> str | None:
        try:
            body = self.call(
                "GET",
                "com.atproto.identity.resolveHandle",
                idempotent=True,
                params={"handle": handle},
            )
        except Final:
            return None
        did = body.get("did") if isinstance(body, dict) else None
        return did if isinstance(did, str) else None

    def upload_blob(self, token: str, data: bytes, mime: str) -> dict[str, Any]:
        body = self.call(
            "POST",
            "com.atproto.repo.uploadBlob",
            idempotent=True,  # blobs are addressed by content: a repeat is the same blob
            token=token,
            data=data,
            headers={"Content-Type": mime},
        )
        blob: dict[str, Any] = body["blob"]
        return blob

    def create_record(
        self, token: str, repo: str, rkey: str, record: dict[str, Any], collection: str = POST
    ) -> dict[str, Any]:
        body: dict[str, Any] = self.call(
            "POST",
            "com.atproto.repo.createRecord",
            idempotent=True,  # the rkey makes a repeat fail instead of posting twice
            token=token,
            json={"repo": repo, "collection": collection, "rkey": rkey, "record": record},
        )
        return body

    def get_record(self, repo: str, rkey: str, collection: str = POST) -> dict[str, Any] | None:
        try:
            body: dict[str, Any] = self.call(
                "GET",
                "com.atproto.repo.getRecord",
                idempotent=True,
                params={"repo": repo, "collection": collection, "rkey": rkey},
            )
        except Final as exc:
            if exc.http_status in (400, 404) and error_code(exc) in ("RecordNotFound", ""):
                return None
            raise
        return body


def _session(body: Any) -> Session:
    if not isinstance(body, dict) or "accessJwt" not in body:
        raise Final("Bluesky answered the sign-in without a session")
    return Session(
        access_jwt=str(body["accessJwt"]),
        refresh_jwt=str(body["refreshJwt"]),
        did=str(body["did"]),
        handle=str(body.get("handle", "")),
    )


_TOKEN_ERRORS = frozenset({"ExpiredToken", "InvalidToken", "AuthenticationRequired"})


def bundle_of(session: Session) -> dict[str, str]:
    """What the keyring keeps: the refresh JWT and who it is for (never the app password)."""
    expiry = jwt_expiry(session.refresh_jwt)
    bundle = {"refresh_jwt": session.refresh_jwt, "did": session.did, "handle": session.handle}
    if expiry is not None:
        bundle["expires_at"] = str(int(expiry))  # epoch seconds, as every bundle keeps it
    return bundle


def post_langs(language: str, account_default: str) -> list[str]:
    """The record's ``langs``: the post's language, else the account's (comma-separated)."""
    chosen = language.strip() or account_default
    return [lang.strip() for lang in chosen.split(",") if lang.strip()][:MAX_LANGS]


def aspect_ratio(item: MediaItem, data: bytes) -> dict[str, int] | None:
    """{width, height} of an image: as probed when attached, else read from its bytes."""
    width, height = item.width, item.height
    if not (width and height):
        from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 - only when not probed

        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
        except (UnidentifiedImageError, OSError, ValueError):
            return None
    if not (width and height and width > 0 and height > 0):
        return None
    return {"width": int(width), "height": int(height)}


def _thumb_bytes(path: str) -> tuple[bytes, str] | None:
    """The card's kept picture, if it is still there and small enough (else no thumbnail:
    the card goes without one rather than the post not at all)."""
    if not path:
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if not data or len(data) > MAX_THUMB_BYTES:
        return None
    mime = mime_of(MediaItem(path))
    return (data, mime) if mime.startswith("image/") else None


def _quietly(read: Callable[[], dict[str, Any] | None]) -> dict[str, Any] | None:
    try:
        return read()
    except PublishError:
        return None


def _uploader(client: BlueskyClient, data: bytes, mime: str) -> Callable[[str, str], Any]:
    return lambda token, _did: client.upload_blob(token, data, mime)


class BlueskyPublisher(ApiPublisher):
    network_name = "Bluesky"
    channel = "bluesky"
    # Records are read back by their keys; nothing at a key means nothing was created there.
    reconcile_is_conclusive = True

    def __init__(self, *args: Any, now: Callable[[], datetime] = utc_now, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._now = now
        self._access: dict[int, tuple[str, float]] = {}
        self._access_lock = threading.Lock()
        self.refreshes = 0

    def client(self, account: Account) -> BlueskyClient:
        return BlueskyClient(self.http(), account.instance_url or DEFAULT_SERVICE)

    # ------------------------------------------------------------------ session

    def access(self, account: Account, *, renew: bool = False) -> tuple[str, str]:
        """(access JWT, DID) for the account, renewed with the refresh JWT when due."""
        with self.account_lock(account.id):
            bundle = self.sign_in(account)
            with self._access_lock:
                cached = self._access.get(account.id)
            if cached and not renew and cached[1] - time.time() > _RENEW_MARGIN_S:
                return cached[0], bundle["did"]
            try:
                session = self.client(account).refresh_session(bundle["refresh_jwt"])
            except AuthExpired as exc:
                raise self.needs_reconnect(
                    account, bundle, "the session expired or was revoked", exc.http_status
                ) from exc
            except Final as exc:
                raise self.needs_reconnect(account, bundle, exc.reason, exc.http_status) from exc
            self.refreshes += 1
            self.save_sign_in(account, bundle_of(session))
            expiry = jwt_expiry(session.access_jwt) or time.time() + 600
            with self._access_lock:
                self._access[account.id] = (session.access_jwt, expiry)
            return session.access_jwt, session.did

    def forget(self, account_id: int) -> None:
        with self._access_lock:
            self._access.pop(account_id, None)

    def _with_access(self, account: Account, call: Callable[[str, str], Any]) -> Any:
        token, did = self.access(account)
        try:
            return call(token, did)
        except AuthExpired:  # the access JWT lapsed early: renew once and try again
            token, did = self.access(account, renew=True)
            return call(token, did)

    # ------------------------------------------------------------------ publishing

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        self.check_parts(delivery)
        account = delivery.account
        client = self.client(account)
        embed: dict[str, Any] | None = None
        if delivery.media:
            embed = self._images(account, client, delivery.media)
        elif delivery.link_card is not None and delivery.link_card.shown:
            embed = self._external(account, client, delivery.link_card)
        langs = post_langs(delivery.language, option(account, "language"))
        root: dict[str, str] | None = None
        parent: dict[str, str] | None = None
        refs: list[dict[str, str]] = []
        for index, text in enumerate(delivery.parts):
            record: dict[str, Any] = {
                "$type": POST,
                "text": text,
                "createdAt": self._now().isoformat().replace("+00:00", "Z"),
            }
            found = facets(text, client.resolve_handle)
            if found:
                record["facets"] = found
            if langs:
                record["langs"] = langs
            if index == 0 and embed:
                record["embed"] = embed
            if root and parent:
                record["reply"] = {"root": root, "parent": parent}
            rkey = record_key(delivery.idempotency_key, delivery.scheduled_at, index)
            ref = self._create(account, client, rkey, record)
            refs.append(ref)
            root = root or ref
            parent = ref
        return self._result(account, refs)

    def _create(
        self,
        account: Account,
        client: BlueskyClient,
        rkey: str,
        record: dict[str, Any],
        collection: str = POST,
    ) -> dict[str, str]:
        def create(token: str, did: str) -> dict[str, str]:
            try:
                made = client.create_record(token, did, rkey, record, collection)
            except AuthExpired:
                raise
            except PublishError:
                # A record already at this key (a retry; the PDS answers a taken key with an
                # error, 500 included) is this delivery's: reuse it. Otherwise the error holds.
                existing = _quietly(lambda: client.get_record(did, rkey, collection))
                if existing is None:
                    raise
                made = existing
            return {"uri": str(made["uri"]), "cid": str(made["cid"])}

        result: dict[str, str] = self._with_access(account, create)
        return result

    def _images(
        self, account: Account, client: BlueskyClient, media: Sequence[MediaItem]
    ) -> dict[str, Any]:
        images = []
        for item in media[:4]:
            mime = mime_of(item)
            if not mime.startswith("image/"):
                raise Final(
                    f"{item.path} is not an image; this app sends only images to Bluesky",
                    error_kind="media",
                )
            data = read_media(item, max_bytes=MAX_IMAGE_BYTES, network="Bluesky")
            blob = self._with_access(account, _uploader(client, data, mime))
            image: dict[str, Any] = {"image": blob, "alt": item.alt_text}
            ratio = aspect_ratio(item, data)
            if ratio is not None:
                image["aspectRatio"] = ratio
            images.append(image)
        return {"$type": "app.bsky.embed.images", "images": images}

    def _external(self, account: Account, client: BlueskyClient, card: LinkCard) -> dict[str, Any]:
        external: dict[str, Any] = {
            "uri": card.url,
            "title": card.title,
            "description": card.description,
        }
        thumb = _thumb_bytes(card.thumb_path)
        if thumb is not None:
            data, mime = thumb
            external["thumb"] = self._with_access(account, _uploader(client, data, mime))
        return {"$type": "app.bsky.embed.external", "external": external}

    def _result(self, account: Account, refs: Sequence[dict[str, str]]) -> PublishResult:
        first = refs[0]["uri"]
        rkey = first.rsplit("/", 1)[-1]
        handle = account.handle.lstrip("@")
        details = {"thread_uris": ",".join(r["uri"] for r in refs)} if len(refs) > 1 else {}
        return PublishResult(
            remote_id=first,
            remote_url=f"https://bsky.app/profile/{handle}/post/{rkey}",
            details=details,
        )

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        account = delivery.account
        bundle = self.sign_in(account)
        client = self.client(account)
        refs = []
        for index in range(len(delivery.parts)):
            rkey = record_key(delivery.idempotency_key, delivery.scheduled_at, index)
            found = client.get_record(bundle["did"], rkey)
            if found is None:
                return None
            refs.append({"uri": str(found["uri"]), "cid": str(found["cid"])})
        return self._result(account, refs)

    # ------------------------------------------------------------------ first comment
    # A reply record under our post: ``reply {root, parent}`` both the post's strong ref
    # (uri + cid), created at an rkey derived from the comment's own key, so a retry finds
    # the record instead of making a second one. Bluesky docs, "Posts" (Replies section):
    # https://docs.bsky.app/docs/advanced-guides/posts

    comment_reconcile_is_conclusive = True  # a missing record at its rkey was never made

    def comment(self, comment: OutgoingComment) -> PublishResult:
        account = comment.account
        client = self.client(account)
        root, parent = self._reply_refs(account, client, comment)
        record: dict[str, Any] = {
            "$type": POST,
            "text": comment.text,
            "createdAt": self._now().isoformat().replace("+00:00", "Z"),
            "reply": {"root": root, "parent": parent},
        }
        found = facets(comment.text, client.resolve_handle)
        if found:
            record["facets"] = found
        langs = post_langs(comment.language, option(account, "language"))  # the post's first
        if langs:
            record["langs"] = langs
        ref = self._create(account, client, _comment_rkey(comment), record)
        return self._result(account, [ref])

    def reconcile_comment(self, comment: OutgoingComment) -> PublishResult | None:
        account = comment.account
        bundle = self.sign_in(account)
        found = self.client(account).get_record(bundle["did"], _comment_rkey(comment))
        if found is None:
            return None
        return self._result(account, [{"uri": str(found["uri"]), "cid": str(found["cid"])}])

    def _reply_refs(
        self, account: Account, client: BlueskyClient, comment: OutgoingComment
    ) -> tuple[dict[str, str], dict[str, str]]:
        """(root, parent): our post twice for a first comment; for an answer to an inbox
        entry, the thread's first post and the entry's post, as the notification named them
        (the AppView gives each with its CID; a post on another PDS is not read back)."""
        target = comment.reply_to
        if target is None:
            post = self._post_ref(account, client, comment.post_remote_id)
            return post, post
        if not target.parent_cid or not (target.root_id and target.root_cid):
            raise Final("Bluesky needs the post's content id to reply to it; fetch the inbox again")
        parent = {"uri": target.parent_id, "cid": target.parent_cid}
        return {"uri": target.root_id, "cid": target.root_cid}, parent

    def _post_ref(self, account: Account, client: BlueskyClient, uri: str) -> dict[str, str]:
        """The strong ref (uri + cid) of our own post, read back from the repository."""
        repo, _, rkey = uri.removeprefix("at://").partition(f"/{POST}/")
        found = client.get_record(repo, rkey) if repo and rkey else None
        if found is None:
            raise Retryable(f"Bluesky did not find the post {uri} to reply to (yet)")
        return {"uri": str(found["uri"]), "cid": str(found["cid"])}

    # ------------------------------------------------------------------ like
    # An app.bsky.feed.like record: ``subject`` the post's strong ref (uri + cid),
    # ``createdAt``. Bluesky docs, "Liking and reposting":
    # https://docs.bsky.app/docs/tutorials/like-repost (lexicon app.bsky.feed.like, key
    # "tid"). Its rkey is made from the liked post's URI, so a second like of the same post
    # lands on the same key and is read back instead of making a second record.

    def like_entry(self, account: Account, post: PostRef) -> None:
        if not post.cid:
            raise Final("Bluesky needs the post's content id to like it; fetch the inbox again")
        record: dict[str, Any] = {
            "$type": LIKE,
            "subject": {"uri": post.remote_id, "cid": post.cid},
            "createdAt": self._now().isoformat().replace("+00:00", "Z"),
        }
        self._create(account, self.client(account), like_rkey(post.remote_id), record, LIKE)

    # ------------------------------------------------------------------ inbox
    # Notifications, through the same renewed session (networks/bluesky/inbox.py).

    def read_inbox(self, account: Account, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
        from somestudio.networks.bluesky import inbox  # noqa: PLC0415 - it imports this module

        return inbox.read(
            self.client(account), lambda call: self._with_access(account, call), cursor, pages
        )

    def mark_inbox_seen(self, account: Account, seen_at: datetime) -> None:
        from somestudio.networks.bluesky import inbox  # noqa: PLC0415 - it imports this module

        inbox.mark_seen(
            self.client(account), lambda call: self._with_access(account, call), seen_at
        )


def _comment_rkey(comment: OutgoingComment) -> str:
    return record_key(comment.idempotency_key, comment.scheduled_at, 0)
