"""What every connect flow shares: asking the network whose sign-in a token is.

``identify(http, base, token, options, bundle)`` returns the account's handle as people know
it. It may fill ``options`` with the network's own ids (page id, user id, person id) and may
update ``bundle`` (a token renewed on the way); ``base`` is the API's address (tests point it at
127.0.0.1), or None for the network's default.
"""

from __future__ import annotations

from collections.abc import Callable

from somestudio.networks.http import Http

Identify = Callable[[Http, str | None, str, dict[str, object], dict[str, str]], str]
