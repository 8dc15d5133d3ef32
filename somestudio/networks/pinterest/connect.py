"""Connecting a Pinterest account by its access token (the board is chosen after)."""

from __future__ import annotations

from collections.abc import Mapping

from somestudio.networks.connect import SignInForm, WhoseToken
from somestudio.networks.pinterest.publish import APP_ID, PinterestClient, api_for


def identify(ask: WhoseToken) -> str:
    """The token's user, asked in production or, with the ``sandbox`` option, in the API
    Sandbox (``base`` is then the sandbox's address when given)."""
    client = PinterestClient(ask.http, ask.base or api_for(ask.options))
    return str(client.user(ask.token).get("username") or "pinterest")


def renews(options: Mapping[str, object], bundle: Mapping[str, str]) -> bool:
    """A Pinterest sign-in with its app's id, secret and a refresh token renews itself."""
    return bool(bundle.get("refresh_token") and bundle.get("app_secret")) and bool(
        options.get(APP_ID)
    )


def boards(form: SignInForm) -> list[tuple[str, str]]:
    """(id, name) of the token's user's boards, from the API Sandbox with ``sandbox``."""
    client = PinterestClient(form.http, form.base or api_for(form.options))
    return client.boards(form.secret)
