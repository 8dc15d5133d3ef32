"""What every metric fetcher shares: the result shapes, the error type, one GET helper.

Errors: a read is idempotent, so a timeout or a dropped connection is simply *retryable*
(unlike a publish, whose outcome would be unknown). 429 and 5xx are retryable, with the
server's ``Retry-After`` or rate-limit reset when it names one; 401/403 are *auth* (the
account needs reconnecting); other 4xx are *final*. This mirrors the publishing clients'
classification and converges on their error type once both exist.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any, Protocol

import requests

from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.redaction import redact, register_secret

TIMEOUT = (5.0, 20.0)  # connect, read (seconds)
USER_AGENT = "SomeStudio-metrics/1"

# remote id → its counts, or None when the network no longer has the post (deleted there).
PostResults = dict[str, PostCounts | None]


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
    """Base of the fetchers: a session, a base URL, a bearer token (may be empty)."""

    batch_size = 1
    timeout: tuple[float, float] = TIMEOUT

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
        """GET ``base_url + path`` and return its JSON; None for a 404 when allowed."""
        url = self.base_url + path
        try:
            response = self.session.get(
                url, params=params, headers=self.headers(), timeout=self.timeout
            )
        except requests.Timeout as exc:
            raise FetchError(
                FetchErrorKind.RETRYABLE, f"no answer in time from {url} ({exc})"
            ) from exc
        except requests.RequestException as exc:
            raise FetchError(FetchErrorKind.RETRYABLE, f"could not reach {url}: {exc}") from exc
        if allow_404 and response.status_code in (404, 410):
            return None
        raise_for_status(response)
        try:
            return response.json()
        except ValueError as exc:
            raise FetchError(
                FetchErrorKind.RETRYABLE,
                f"{url} answered {response.status_code} with something that is not JSON",
                status=response.status_code,
            ) from exc


def raise_for_status(response: requests.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    detail = _detail(response)
    if status == 429 or status >= 500:
        raise FetchError(
            FetchErrorKind.RETRYABLE,
            f"HTTP {status}{detail}",
            status=status,
            retry_after=retry_after(response.headers),
        )
    if status in (401, 403):
        raise FetchError(FetchErrorKind.AUTH, f"HTTP {status}{detail}", status=status)
    raise FetchError(FetchErrorKind.FINAL, f"HTTP {status}{detail}", status=status)


def _detail(response: requests.Response) -> str:
    text = response.text.strip().replace("\n", " ")
    return f": {text[:200]}" if text else ""


_RESET_HEADERS = ("x-rate-limit-reset", "x-ratelimit-reset", "ratelimit-reset")


def retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds to wait from ``Retry-After`` (seconds or an HTTP date) or a rate-limit reset
    header (epoch seconds, or an ISO timestamp as Mastodon sends)."""
    from datetime import datetime  # noqa: PLC0415

    moment = time.time() if now is None else now
    lowered = {k.lower(): v for k, v in headers.items()}
    value = lowered.get("retry-after")
    if value:
        if value.strip().isdigit():
            return float(value.strip())
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - moment)
        except (TypeError, ValueError):
            pass
    for name in _RESET_HEADERS:
        value = lowered.get(name)
        if not value:
            continue
        stripped = value.strip()
        if stripped.isdigit():
            number = float(stripped)
            # Epoch seconds, or (ratelimit-reset drafts) seconds from now.
            return max(0.0, number - moment) if number > 1e9 else number
        try:
            return max(0.0, datetime.fromisoformat(stripped).timestamp() - moment)
        except ValueError:
            continue
    return None


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
