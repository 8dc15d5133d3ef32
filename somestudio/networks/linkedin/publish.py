"""LinkedIn posts for a person or an organisation page (the Posts API).

Sign-in: an access token from the user's own LinkedIn app (its token generator, or OAuth
in the browser when the app allows PKCE), valid 60 days and, for most apps, not renewable:
the Accounts page counts down and warns a week ahead. Posting needs ``w_member_social``
(a person) or ``w_organization_social`` (a page). Learning *who* a token belongs to needs
``openid profile`` as well (``/v2/userinfo``), so the member id or page id may be entered
instead and then no such call is made.

The commentary is "little text": reserved characters are backslash-escaped or LinkedIn
silently cuts the post. No idempotency key exists, so an unanswered create is an unknown
outcome for the user.

Every versioned call carries ``Linkedin-Version``; once a version is sunset LinkedIn
answers HTTP 426 to everything, which is final here ("Some Studio needs an update").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import quote

from somestudio.domain.channels.linkedin import escape_little_text
from somestudio.domain.first_comment import OutgoingComment
from somestudio.domain.networks.linkedin import DESCRIPTOR
from somestudio.domain.posts import Account, MediaItem
from somestudio.domain.publish_result import Final, OutgoingDelivery, PublishError, PublishResult
from somestudio.networks.http import Http, json_body
from somestudio.networks.publishing import ApiPublisher, mime_of, option, read_media

T = TypeVar("T")

API = "https://api.linkedin.com"
# Linkedin-Version: the Marketing API release (YYYYMM) these bodies follow, pinned with its
# documented sunset in the network's descriptor (domain/networks/linkedin.py, from "Marketing
# API migrations", https://learn.microsoft.com/en-us/linkedin/marketing/integrations/migrations).
# After the sunset every call answers HTTP 426 (202510, used before, was sunset 15 Oct 2026).
VERSION = DESCRIPTOR.api_version.name if DESCRIPTOR.api_version else ""
TOKEN_DAYS = DESCRIPTOR.token.lifetime_days
MAX_IMAGE_BYTES = 10_000_000
PERSON_SCOPE = "w_member_social"
ORGANIZATION_SCOPE = "w_organization_social"
IDENTITY_SCOPES = "openid profile"
NEEDS_UPDATE = "needs_update"  # error kind: this version of Some Studio cannot talk to LinkedIn
MISSING_SCOPE = "missing_scope"  # error kind: the token lacks a permission


def rest_headers() -> dict[str, str]:
    return {"Linkedin-Version": VERSION, "X-Restli-Protocol-Version": "2.0.0"}


def needs_update_error() -> Final:
    return Final(
        "Some Studio needs an update for LinkedIn: LinkedIn no longer accepts the API version "
        f"{VERSION} it uses, so install a newer Some Studio and try again.",
        http_status=426,
        error_kind=NEEDS_UPDATE,
    )


def missing_scope_error(scope: str) -> Final:
    return Final(
        f"LinkedIn refused this because the access token lacks the {scope} permission: make a "
        f"new token with {scope} in your LinkedIn app and reconnect the account in Accounts.",
        http_status=403,
        error_kind=MISSING_SCOPE,
    )


def missing_identity_error() -> Final:
    return Final(
        "LinkedIn would not say whose token this is because it lacks the openid and profile "
        "permissions: add them when you make the token, or enter your member id or page id.",
        http_status=403,
        error_kind=MISSING_SCOPE,
    )


def person_id_of(value: str) -> str:
    """A member id from what the user typed: the id itself or its ``urn:li:person:`` URN."""
    value = value.strip()
    return value.removeprefix("urn:li:person:")


def organization_id_of(value: str) -> str:
    """A page id from what the user typed: the number or its ``urn:li:organization:`` URN."""
    value = value.strip()
    return value.removeprefix("urn:li:organization:")


def author_urn(account: Account) -> str:
    organization = organization_id_of(option(account, "organization_id"))
    if organization:
        return f"urn:li:organization:{organization}"
    person = person_id_of(option(account, "person_id"))
    if not person:
        raise Final(
            "this LinkedIn account has no member id; reconnect it in Accounts",
            error_kind="setup",
        )
    return f"urn:li:person:{person}"


def _mapped(call: Callable[[], T], *, scope: str) -> T:
    """``call``, with LinkedIn's 426 and 403 told as what the user must do."""
    try:
        return call()
    except PublishError as exc:
        if exc.http_status == 426:
            raise needs_update_error() from exc
        if exc.http_status == 403:
            raise missing_scope_error(scope) from exc
        raise


class LinkedInClient:
    def __init__(self, http: Http, api: str = API) -> None:
        self.http = http
        self.api = api.rstrip("/")

    def userinfo(self, token: str) -> dict[str, Any]:
        # "Sign In with LinkedIn using OpenID Connect" (API Request to Retrieve Member Details),
        # https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
        # — needs the openid and profile scopes; unversioned, so no Linkedin-Version header.
        try:
            body = self.http.json("GET", f"{self.api}/v2/userinfo", idempotent=True, token=token)
        except PublishError as exc:
            if exc.http_status == 403:
                raise missing_identity_error() from exc
            raise
        if not isinstance(body, dict) or "sub" not in body:
            raise Final("LinkedIn did not say which member this token belongs to")
        return body

    def upload_image(self, token: str, owner: str, item: MediaItem, *, scope: str) -> str:
        # "Images API" (Initialize Image Upload), https://learn.microsoft.com/en-us/linkedin/
        # marketing/community-management/shares/images-api — POST /rest/images?action=
        # initializeUpload, then PUT the bytes to the returned uploadUrl.
        start = _mapped(
            lambda: self.http.json(
                "POST",
                f"{self.api}/rest/images",
                idempotent=True,
                token=token,
                headers=rest_headers(),
                params={"action": "initializeUpload"},
                json={"initializeUploadRequest": {"owner": owner}},
            ),
            scope=scope,
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

    def create_post(self, token: str, body: Mapping[str, Any], *, scope: str) -> str:
        # "Posts API" (Create a Post), https://learn.microsoft.com/en-us/linkedin/marketing/
        # community-management/shares/posts-api — 201 with the new URN in x-restli-id.
        response = _mapped(
            lambda: self.http.request(
                "POST",
                f"{self.api}/rest/posts",
                idempotent=False,
                token=token,
                headers=rest_headers(),
                json=dict(body),
                expect=(201,),
            ),
            scope=scope,
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
        # "MultiImage API", https://learn.microsoft.com/en-us/linkedin/marketing/
        # community-management/shares/multiimage-post-api
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
        scope = ORGANIZATION_SCOPE if ":organization:" in author else PERSON_SCOPE
        images = [
            (client.upload_image(token, author, item, scope=scope), item.alt_text)
            for item in delivery.media[:20]
        ]
        # LinkedIn has no threads: the parts go out as one post, in order.
        text = "\n\n".join(delivery.parts)
        urn = client.create_post(token, post_body(author, text, images), scope=scope)
        return PublishResult(
            remote_id=urn,
            remote_url=f"https://www.linkedin.com/feed/update/{urn}/" if urn else "",
        )

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return None  # no key to look a post up by: the user checks the page

    # ------------------------------------------------------------------ first comment
    # A comment by the post's author under the post. LinkedIn docs, "Comments API"
    # (Create a Comment: POST /rest/socialActions/{target URN}/comments with actor, object,
    # message.text; w_member_social / w_organization_social):
    # https://learn.microsoft.com/en-us/linkedin/marketing/integrations/community-management/shares/comments-api
    # No idempotency key: an unknown outcome is looked up among the post's comments.

    def comment(self, comment: OutgoingComment) -> PublishResult:
        token = self.sign_in(comment.account)["access_token"]
        author = author_urn(comment.account)
        urn = comment.post_remote_id
        response = self.http().request(
            "POST",
            f"{self.api}/rest/socialActions/{quote(urn, safe='')}/comments",
            idempotent=False,
            token=token,
            headers=rest_headers(),
            json={"actor": author, "object": urn, "message": {"text": comment.text}},
            expect=(200, 201),
        )
        body = json_body(response)
        made = body if isinstance(body, dict) else {}
        comment_urn = str(made.get("$URN") or response.headers.get("x-restli-id", ""))
        return PublishResult(remote_id=comment_urn, remote_url=comment.post_remote_url)

    def reconcile_comment(self, comment: OutgoingComment) -> PublishResult | None:
        token = self.sign_in(comment.account)["access_token"]
        author = author_urn(comment.account)
        found = self.http().json(
            "GET",
            f"{self.api}/rest/socialActions/{quote(comment.post_remote_id, safe='')}/comments",
            idempotent=True,
            token=token,
            headers=rest_headers(),
        )
        elements = found.get("elements", []) if isinstance(found, dict) else []
        for item in elements:
            if not isinstance(item, dict):
                continue
            text = (item.get("message") or {}).get("text")
            if item.get("actor") == author and text == comment.text:
                return PublishResult(
                    remote_id=str(item.get("$URN", "")), remote_url=comment.post_remote_url
                )
        return None
