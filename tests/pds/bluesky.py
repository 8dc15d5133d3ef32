"""The app's Bluesky client on the test PDS: a publisher signed in to a new account there,
and a record read back from the account's repository."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import requests

from somestudio.networks.bluesky.publish import BlueskyClient, BlueskyPublisher, bundle_of
from somestudio.networks.http import Http, create_session
from tests.networks.support import MemoryCredentials
from tests.pds.server import Pds, PdsAccount, create_account


def connected(
    pds: Pds, name: str, now: datetime
) -> tuple[BlueskyPublisher, MemoryCredentials, PdsAccount]:
    """A new account ``name`` and a publisher holding its session as account 1."""
    who = create_account(pds, name)
    client = BlueskyClient(Http(create_session(), "Bluesky"), pds.url)
    session = client.create_session(who.handle, who.app_password)  # connect: the only login
    credentials = MemoryCredentials({1: bundle_of(session)})
    return BlueskyPublisher(create_session, credentials, now=lambda: now), credentials, who


def get_record(pds: Pds, uri: str) -> dict[str, Any]:
    """A post record as the PDS keeps it (``uri``, ``cid`` and its ``value``)."""
    did, _, rkey = uri.removeprefix("at://").split("/")
    response = requests.get(
        f"{pds.url}/xrpc/com.atproto.repo.getRecord",
        params={"repo": did, "collection": "app.bsky.feed.post", "rkey": rkey},
        timeout=30,
    )
    response.raise_for_status()
    found: dict[str, Any] = response.json()
    return found
