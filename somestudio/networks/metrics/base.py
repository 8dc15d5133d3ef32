"""What every metric fetcher shares: the result shapes, the error type, one GET helper.

The HTTP itself is ``networks/http.py``'s, the same as publishing: its session factory, its
timeouts, its ``Retry-After`` / rate-limit reset parsing and its mapping of failures. A read
is idempotent, so a timeout or a dropped connection is *retryable* (a publish's outcome would
be unknown). ``FetchError`` only restates http.py's verdict in the three kinds the metric
rounds act on: retryable (429, 5xx, no answer; with the server's wait when it names one),
auth (401, 403: the account needs reconnecting) and final (other 4xx).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

import requests

from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.publish_result import AuthExpired, PublishError, Retryable, UnknownOutcome
from somestudio.domain.redaction import redact, register_secret
from somestudio.networks.http import USER_AGENT, Http, retry_after_seconds

TIMEOUT = (5.0, 20.0)  # connect, read (seconds)

# remote id → its counts, or None when the network no longer has the post (deleted there).
PostResults = dict[str, PostCounts | None]

# The one parser of Retry-After and rate-limit reset headers (networks/http.py).
retry_after = retry_after_seconds


class FetchErrorKind(StrEnum):
    RETRYABLE = "retryable"
    FINAL = "final"
    AUTH = "auth"


class FetchError(Exception):
    def __init__(
        self,
        kind: FetchErrorKind,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        message = redact(message)  # a server may echo the token it was sent
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after  # seconds to wait, when the server said

    @classmethod
    def of(cls, error: PublishError, url: str) -> FetchError:
        """http.py's verdict on a read of ``url``, in the metric rounds' terms."""
        status = error.http_status
        if isinstance(error, AuthExpired) or status == 403:
            kind = FetchErrorKind.AUTH
        elif isinstance(error, Retryable | UnknownOutcome):
            kind = FetchErrorKind.RETRYABLE
        else:
            kind = FetchErrorKind.FINAL
        wait = error.retry_after if isinstance(error, Retryable) else None
        cause = error.__cause__
        where = f"no answer in time from {url}" if isinstance(cause, requests.Timeout) else url
        return cls(kind, f"{where}: {error.reason}", status=status, retry_after=wait)


@dataclass(frozen=True, slots=True)
class AccountRef:
    """Who to ask about: the account's handle and what the network calls it (user id, DID,
    page id, organisation URN), from the account's options."""

    handle: str
    remote_id: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)


class MetricFetcher(Protocol):
    batch_size: int

    def fetch_posts(self, remote_ids: Sequence[str]) -> PostResults: ...

    def fetch_account(self, account: AccountRef) -> AccountCounts: ...


class HttpFetcher:
    """Base of the fetchers: a session (``networks.http.create_session``), a base URL, a
    bearer token (may be empty)."""

    batch_size = 1
    timeout: tuple[float, float] = TIMEOUT
    network_name = "The network"

    def __init__(self, session: requests.Session, base_url: str, token: str = "") -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.token = token
        if token:
            register_secret(token)

    def headers(self) -> dict[str, str]:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def get_json(self, path: str, params: Any = None, *, allow_404: bool = False) -> Any:
        """GET ``base_url + path`` and return its JSON; None for a 404 or 410 when allowed."""
        url = self.base_url + path
        http = Http(self.session, self.network_name, timeout=self.timeout)
        expect = (200, 404, 410) if allow_404 else (200,)
        try:
            response = http.request(
                "GET", url, idempotent=True, expect=expect, headers=self.headers(), params=params
            )
            if response.status_code in (404, 410):
                return None
            return response.json()
        except PublishError as exc:
            raise FetchError.of(exc, url) from exc
        except ValueError as exc:
            raise FetchError(
                FetchErrorKind.RETRYABLE,
                f"{url} answered {response.status_code} with something that is not JSON",
                status=response.status_code,
            ) from exc


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def malformed(where: str) -> FetchError:
    return FetchError(FetchErrorKind.RETRYABLE, f"unexpected answer from {where}")
