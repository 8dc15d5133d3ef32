"""The one way this app talks HTTP: a session factory and a request helper that maps every
failure onto the publishing outcomes of ``domain.publish_result``.

- Every call has a timeout (connect, read) and a whole-request deadline (``deadline.py``: a
  server trickling one byte at a time is cut off); TLS certificates are always verified; requests
  carry a User-Agent; urllib3's own retries are off (the engine retries, with its backoff).
- *Retryable*: nothing reached the server (connection refused, name not found, connect
  timeout), 429 and 503 (the server says it did not do it), other 5xx and dropped
  connections on idempotent calls. ``retry_after`` comes from ``Retry-After`` (seconds or an
  HTTP date) or a rate-limit reset header (``x-rate-limit-reset`` epoch seconds on X,
  ``X-RateLimit-Reset`` an ISO time on Mastodon, ``ratelimit-reset`` on Bluesky).
- *Final*: 4xx (validation, permission); 401 is ``AuthExpired`` (the user must reconnect).
- *Unknown outcome*: the request was sent but no answer came (read timeout, connection reset
  mid-response, a 5xx other than 503) on a call that is not idempotent.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Container, Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from somestudio import __version__
from somestudio.domain.publish_result import (
    AuthExpired,
    Final,
    PublishError,
    Retryable,
    UnknownOutcome,
)
from somestudio.domain.redaction import redact, register_secret
from somestudio.networks.deadline import (
    ABORTED,
    DEFAULT_DEADLINE,
    DeadlineSession,
    RequestDeadlineExceeded,
    WatchedAdapter,
)
from somestudio.networks.secure_url import PlainHttpRefusedError

DEFAULT_TIMEOUT = (5.0, 30.0)  # seconds: connect, then each read
USER_AGENT = f"SomeStudio/{__version__} (desktop app)"
_RESET_HEADERS = ("x-rate-limit-reset", "x-ratelimit-reset", "ratelimit-reset")
_MESSAGE_LIMIT = 300

SessionFactory = Callable[[], requests.Session]


def create_session(
    *, user_agent: str = USER_AGENT, deadline: float = DEFAULT_DEADLINE
) -> requests.Session:
    """A session for one thread: no automatic retries, verification on, our User-Agent, a
    deadline on each whole request."""
    session = DeadlineSession(deadline=deadline)
    adapter = WatchedAdapter(max_retries=0)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = user_agent
    session.verify = True
    return session


def retry_after_seconds(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds the server asks us to wait, if it says (never negative)."""
    moment = time.time() if now is None else now
    lowered = {k.lower(): v for k, v in headers.items()}
    value = lowered.get("retry-after", "").strip()
    if value:
        if value.isdigit():
            return float(value)
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - moment)
        except (TypeError, ValueError):
            pass
    for name in _RESET_HEADERS:
        value = lowered.get(name, "").strip()
        if not value:
            continue
        try:
            number = float(value)
        except ValueError:
            try:
                return max(0.0, datetime.fromisoformat(value).timestamp() - moment)
            except ValueError:
                continue
        # Epoch seconds (X, Pinterest) or, per the RateLimit header drafts, seconds from now.
        return max(0.0, number - moment) if number > 1e9 else max(0.0, number)
    return None


def server_message(response: requests.Response) -> str:
    """The server's own explanation of an error, on one line (empty if it gave none)."""
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    found: list[str] = []
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):  # Graph API
            found.append(str(error.get("error_user_msg") or error.get("message") or ""))
        elif isinstance(error, str):
            found.append(error)
        for key in ("error_description", "message", "detail", "title"):
            value = body.get(key)
            if isinstance(value, str) and value not in found:
                found.append(value)
        errors = body.get("errors")
        if isinstance(errors, list):
            found += [str(e.get("message", "")) for e in errors if isinstance(e, dict)]
    elif response.text and "json" not in response.headers.get("Content-Type", ""):
        found.append(response.text if len(response.text) < 200 else "")
    text = " — ".join(f for f in found if f).replace("\n", " ").strip()
    return text[:_MESSAGE_LIMIT]


def server_code(response: requests.Response) -> str:
    """The machine-readable error name a server gave ("ExpiredToken", ...), if a string."""
    body = json_body(response)
    code = body.get("error") if isinstance(body, dict) else None
    if isinstance(code, dict):  # Graph API: {"error": {"code": 190, ...}}
        return str(code.get("code", ""))
    return code if isinstance(code, str) else ""


def error_code(error: BaseException) -> str:
    """``server_code`` of the response that caused ``error`` ("" when none)."""
    return str(getattr(error, "server_code", ""))


def _sent_nothing(exc: BaseException) -> bool:
    """True when the connection itself failed, so the request never left this computer."""
    from urllib3.exceptions import NewConnectionError  # noqa: PLC0415 - requests' own dependency

    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, NewConnectionError | ConnectionRefusedError):
            return True
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
        stack += [a for a in current.args if isinstance(a, BaseException)]
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                stack.append(linked)
    return False


class Http:
    """Requests through one session, each with a timeout, failures mapped to outcomes.

    ``network`` names the service in messages ("Mastodon refused ..."). ``request`` returns
    the response when its status is in ``expect`` and raises a ``PublishError`` otherwise.
    """

    def __init__(
        self,
        session: requests.Session,
        network: str,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.session = session
        self.network = network
        self.timeout = timeout
        self._now = now

    def request(
        self,
        method: str,
        url: str,
        *,
        idempotent: bool,
        expect: Container[int] = (200, 201, 202, 204),
        token: str | None = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        sent_headers = {"Accept": "application/json", **(headers or {})}
        if token:
            register_secret(token)  # whatever echoes it later (a log line, a server) is redacted
            sent_headers["Authorization"] = f"Bearer {token}"
        try:
            response = self.session.request(
                method, url, headers=sent_headers, timeout=self.timeout, verify=True, **kwargs
            )
        except requests.RequestException as exc:
            raise _redacted(self.error_for_exception(exc, idempotent=idempotent), token) from exc
        if response.status_code in expect:
            return response
        raise _redacted(self.error_for(response, idempotent=idempotent), token)

    def json(self, method: str, url: str, *, idempotent: bool, **kwargs: Any) -> Any:
        response = self.request(method, url, idempotent=idempotent, **kwargs)
        try:
            return response.json()
        except ValueError as exc:
            detail = f"{self.network} answered HTTP {response.status_code} with no readable JSON"
            if idempotent:
                raise Retryable(detail, http_status=response.status_code) from exc
            raise UnknownOutcome(detail) from exc

    # ------------------------------------------------------------------ mapping

    def error_for_exception(self, exc: requests.RequestException, *, idempotent: bool) -> Exception:
        name = self.network
        if isinstance(exc, PlainHttpRefusedError):
            return Final(f"{name}: {exc}; nothing was sent", error_kind="tls")
        if isinstance(exc, requests.exceptions.SSLError):
            return Final(
                f"the connection to {name} is not secure: its certificate could not be "
                f"verified ({_short(exc)}); Some Studio never sends anything without that",
                error_kind="tls",
            )
        if isinstance(exc, requests.exceptions.ConnectTimeout) or (
            isinstance(exc, requests.ConnectionError) and _sent_nothing(exc)
        ):
            return Retryable(f"could not connect to {name} ({_short(exc)})", error_kind="network")
        if isinstance(exc, RequestDeadlineExceeded):
            detail = (
                f"{name}: the request was stopped because Some Studio is shutting down"
                if exc.aborted
                else f"{name} did not finish answering within {exc.seconds:g} s "
                "(the whole request's time limit)"
            )
        elif isinstance(exc, requests.exceptions.ReadTimeout):
            detail = (
                f"{name} did not answer within {self.timeout[1]:g} s after the request was sent"
            )
        else:
            detail = f"the connection to {name} broke after the request was sent ({_short(exc)})"
        if idempotent:
            return Retryable(detail, error_kind="network")
        aborted = isinstance(exc, RequestDeadlineExceeded) and exc.aborted
        return UnknownOutcome(detail, error_kind=ABORTED if aborted else None)

    def error_for(self, response: requests.Response, *, idempotent: bool) -> PublishError:
        error = self._error_for(response, idempotent=idempotent)
        error.server_code = server_code(response)  # type: ignore[attr-defined]
        return error

    def _error_for(self, response: requests.Response, *, idempotent: bool) -> PublishError:
        status = response.status_code
        name = self.network
        said = server_message(response)
        detail = f" ({said})" if said else ""
        if status == 429:
            wait = retry_after_seconds(response.headers, now=self._now())
            when = f"; it allows the next try in {_duration(wait)}" if wait is not None else ""
            return Retryable(
                f"{name} rate limit reached (HTTP 429){when}",
                wait,
                http_status=status,
                error_kind="rate_limit",
            )
        if status == 503 or (status >= 500 and idempotent):
            return Retryable(
                f"{name} is unavailable for now (HTTP {status}){detail}",
                retry_after_seconds(response.headers, now=self._now()),
                http_status=status,
                error_kind="server",
            )
        if status >= 500:
            return UnknownOutcome(f"{name} failed with HTTP {status} after receiving the request")
        if status == 401:
            return AuthExpired(
                f"{name} no longer accepts this account's sign-in (HTTP 401){detail}. "
                "Reconnect the account in Accounts, then try again.",
                http_status=status,
            )
        if status == 403:
            return Final(
                f"{name} refused it (HTTP 403){detail}. The sign-in may lack a permission "
                "this needs; reconnect the account if so.",
                http_status=status,
                error_kind="forbidden",
            )
        return Final(
            f"{name} refused it (HTTP {status}){detail}",
            http_status=status,
            error_kind="validation",
        )


def _redacted(error: Exception, token: str | None) -> Exception:
    """``error`` with the request's token and every known secret taken out of its text (a
    server may echo the token it was sent in its error body)."""
    if isinstance(error, PublishError):
        error.reason = redact(error.reason, (token,) if token else ())
        error.args = (error.reason,)
    return error


def json_body(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _short(exc: BaseException) -> str:
    text = str(exc).replace("\n", " ")
    return text if len(text) < 160 else text[:157] + "…"


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{round(seconds)} s"
    if seconds < 5400:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
