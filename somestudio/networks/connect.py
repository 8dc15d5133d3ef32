"""What every connect flow shares: asking the network whose sign-in a token is.

``identify(WhoseToken(http, base, token, options, bundle, now))`` returns the account's handle as
people know it. It may fill ``options`` with the network's own ids (page id, user id, person id)
and may update ``bundle`` (a token renewed on the way, when it was issued); ``base`` is the API's
address (tests point it at 127.0.0.1), or None for the network's default; ``now`` is the clock
(epoch seconds). A refusal is a ``PublishError`` whose reason tells the user what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from somestudio.networks.http import Http


@dataclass(frozen=True, slots=True)
class WhoseToken:
    """What a connect flow asks about: a token, with the dicts it may fill (see above)."""

    http: Http
    base: str | None
    token: str
    options: dict[str, object]
    bundle: dict[str, str]
    now: float


class Identify(Protocol):
    def __call__(self, ask: WhoseToken) -> str: ...
