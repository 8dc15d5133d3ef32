"""Facebook Page: a pasted Page token, Graph API, server-side scheduling."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import (
    Budget,
    NetworkDescriptor,
    ServerScheduling,
    SignInKind,
)
from somestudio.domain.networks.graph_api import GRAPH_API

DESCRIPTOR = NetworkDescriptor(
    network=Network.FACEBOOK,
    name="Facebook Page",
    mark="facebook",
    name_is_brand=False,
    colour="#1877f2",
    channel="facebook",
    sign_in=(SignInKind.TOKEN,),
    first_comment=True,
    # scheduled_publish_time: 10 minutes to 30 days ahead (Graph API, Page feed).
    server_scheduling=ServerScheduling(timedelta(minutes=15), timedelta(days=29)),
    metrics=frozenset({"likes", "reposts", "replies"}),
    metrics_budget=Budget(200, timedelta(hours=1), 1),
    api_version=GRAPH_API,
)
