"""Pinterest: a pin on the board the user chose (account option ``board_id``).

Sign-in is an access token from the user's own Pinterest app. A pin is an image (sent as
base64) with the post's text as its description, the first link as the pin's link, and the
image's alt text.

Access tiers ("Understanding our access tiers",
https://developers.pinterest.com/docs/key-concepts/access-tiers/): a newly approved app has
*Trial* access; Pinterest refuses its pins in production ("Apps with Trial access may not
create Pins in production https://api.pinterest.com - use API Sandbox
https://api-sandbox.pinterest.com instead.", code 29) until the app is granted *Standard*
access. The account option ``sandbox`` sends everything to the API Sandbox ("Sandbox",
https://developers.pinterest.com/docs/developer-tools/sandbox/), whose pins only their
creator sees; it needs a sandbox access token (made on the app's page in the developer
portal, "Quickstart tools", https://developers.pinterest.com/docs/developer-tools/quickstart-tools/).

Tokens expire (``expires_in`` of the token answer). With the app's id (option ``app_id``),
its secret and a refresh token (both in the keyring bundle) the publisher renews the access
token itself before it lapses; without them the Accounts page warns before the expiry.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Mapping
from typing import Any

from somestudio.domain.networks.pinterest import DESCRIPTOR
from somestudio.domain.posts import Account
from somestudio.domain.publish_result import (
    AuthExpired,
    Final,
    OutgoingDelivery,
    PublishError,
    PublishResult,
)
from somestudio.domain.twittertext.urls import extract_urls
from somestudio.networks.http import Http
from somestudio.networks.publishing import ApiPublisher, mime_of, option, read_media

API = "https://api.pinterest.com/v5"
SANDBOX_API = "https://api-sandbox.pinterest.com/v5"
SANDBOX = "sandbox"  # account option: True sends everything to the API Sandbox
APP_ID = "app_id"  # account option: the user's Pinterest app id (for renewing the token)
TRIAL_ACCESS = "trial_access"  # error kind: a Trial app's pin refused in production
# What a pasted token is taken to last (the connect dialog lets the user change it).
TOKEN_DAYS = DESCRIPTOR.token.pasted_lifetime_days
MAX_IMAGE_BYTES = 20_000_000
RENEW_MARGIN_S = 24 * 3600  # renew a day before the access token lapses
_TYPES = {"image/jpeg": "image/jpeg", "image/png": "image/png"}


def api_for(options: Mapping[str, object], api: str = API, sandbox_api: str = SANDBOX_API) -> str:
    """The API base for an account: the API Sandbox when its ``sandbox`` option is on."""
    return sandbox_api if options.get(SANDBOX) is True else api


def trial_access_error() -> Final:
    return Final(
        "Pinterest refused the pin because your Pinterest app has Trial access, which may only "
        "pin to the API Sandbox: make a sandbox access token in your Pinterest app and "
        "reconnect this account in Accounts with “Use Pinterest's API Sandbox” ticked, or ask "
        "Pinterest for Standard access.",
        error_kind=TRIAL_ACCESS,
    )


def is_trial_refusal(error: PublishError) -> bool:
    said = error.reason.lower()
    return "trial access" in said or "api-sandbox" in said or "api sandbox" in said


def token_bundle(body: Mapping[str, Any], *, now: float) -> dict[str, str]:
    """The keyring parts of a token answer (``expires_at`` in epoch seconds)."""
    if not isinstance(body.get("access_token"), str):
        raise Final("Pinterest answered the renewal without an access token")
    bundle = {"access_token": str(body["access_token"])}
    if isinstance(body.get("expires_in"), int):
        bundle["expires_at"] = str(int(now + body["expires_in"]))
    if isinstance(body.get("refresh_token"), str):
        bundle["refresh_token"] = str(body["refresh_token"])
    if isinstance(body.get("refresh_token_expires_at"), int):
        bundle["refresh_expires_at"] = str(body["refresh_token_expires_at"])
    return bundle


class PinterestClient:
    def __init__(self, http: Http, api: str = API) -> None:
        self.http = http
        self.api = api.rstrip("/")

    def user(self, token: str) -> dict[str, Any]:
        # "Get user account", GET /user_account,
        # https://developers.pinterest.com/docs/api/v5/user_account-get
        body = self.http.json("GET", f"{self.api}/user_account", idempotent=True, token=token)
        return body if isinstance(body, dict) else {}

    def boards(self, token: str) -> list[tuple[str, str]]:
        """(id, name) of the user's boards."""
        # "List boards", GET /boards, https://developers.pinterest.com/docs/api/v5/boards-list
        body = self.http.json(
            "GET", f"{self.api}/boards", idempotent=True, token=token, params={"page_size": "100"}
        )
        items = body.get("items", []) if isinstance(body, dict) else []
        return [(str(b["id"]), str(b.get("name", ""))) for b in items if isinstance(b, dict)]

    def create_pin(self, token: str, body: dict[str, Any]) -> dict[str, Any]:
        # "Create Pin", POST /pins, https://developers.pinterest.com/docs/api/v5/pins-create
        try:
            answer: dict[str, Any] = self.http.json(
                "POST", f"{self.api}/pins", idempotent=False, token=token, json=body
            )
        except Final as exc:  # a 4xx, whatever its number: the words say what it is
            if is_trial_refusal(exc):
                raise trial_access_error() from exc
            raise
        return answer

    def refresh(
        self, app_id: str, app_secret: str, refresh_token: str, *, now: float
    ) -> dict[str, str]:
        # "Generate OAuth access token", POST /oauth/token (grant_type refresh_token; HTTP Basic
        # with the app id and secret; form body), https://developers.pinterest.com/docs/api/v5/
        # oauth-token — and "Set up authentication and authorization",
        # https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/
        body = self.http.json(
            "POST",
            f"{self.api}/oauth/token",
            idempotent=True,
            auth=(app_id, app_secret),
            data={"grant_type": "refresh_token", "refresh_token": refresh_token},
        )
        if not isinstance(body, dict):
            raise Final("Pinterest answered the renewal with something unexpected")
        return token_bundle(body, now=now)


class PinterestPublisher(ApiPublisher):
    network_name = "Pinterest"
    channel = "pinterest"

    def __init__(
        self,
        *args: Any,
        api: str = API,
        sandbox_api: str = SANDBOX_API,
        clock: Any = time.time,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.api = api
        self.sandbox_api = sandbox_api
        self._clock = clock

    def client(self, account: Account) -> PinterestClient:
        return PinterestClient(self.http(), api_for(account.options, self.api, self.sandbox_api))

    def access(self, account: Account) -> str:
        """The access token, renewed first when it lapses within a day and can be renewed."""
        with self.account_lock(account.id):
            bundle = self.sign_in(account)
            expires = float(bundle.get("expires_at", "0") or 0)
            now = float(self._clock())
            if not expires or expires - now > RENEW_MARGIN_S:
                return bundle["access_token"]
            refresh = bundle.get("refresh_token", "")
            secret = bundle.get("app_secret", "")
            app_id = option(account, APP_ID)
            if not (refresh and secret and app_id):
                if expires <= now:
                    raise self.needs_reconnect(account, bundle, "the access token has expired")
                return bundle["access_token"]  # still valid; the Accounts page warns
            try:
                renewed = self.client(account).refresh(app_id, secret, refresh, now=now)
            except (AuthExpired, Final) as exc:
                raise self.needs_reconnect(
                    account, bundle, "Pinterest refused to renew it", exc.http_status
                ) from exc
            saved = {**bundle, **renewed}
            self.save_sign_in(account, saved)
            return saved["access_token"]

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
        token = self.access(account)
        pin = self.client(account).create_pin(token, body)
        pin_id = str(pin["id"])
        return PublishResult(
            remote_id=pin_id, remote_url=f"https://www.pinterest.com/pin/{pin_id}/"
        )

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return None
