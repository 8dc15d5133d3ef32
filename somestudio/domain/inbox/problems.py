"""Why an account's inbox could not be read, as a stable code the page and CLI word in the
user's language (the redacted detail is kept beside it for the curious)."""

from __future__ import annotations

from enum import StrEnum

_TOO_MANY = 429
_SERVER = 500


class ReadProblem(StrEnum):
    SIGN_IN = "inbox.sign_in"  # expired or revoked: reconnect the account in Accounts
    RATE_LIMIT = "inbox.rate_limit"  # the network asked us to wait; we do
    SERVER = "inbox.server"  # the network failed (5xx); tried again later
    UNREACHABLE = "inbox.unreachable"  # no answer (offline, DNS, timeout); tried again later
    REFUSED = "inbox.refused"  # the network said no (permission, a removed feature)
    FAILED = "inbox.failed"  # anything else (a bug, an answer we could not read)


def classify(kind: str, error_kind: str | None, http_status: int | None) -> ReadProblem:
    """From an error's ``kind`` (``PublishError.kind``), ``error_kind`` and HTTP status."""
    if kind == "auth" or error_kind == "auth":
        return ReadProblem.SIGN_IN
    if http_status == _TOO_MANY or error_kind == "rate_limit":
        return ReadProblem.RATE_LIMIT
    if http_status is not None and http_status >= _SERVER:
        return ReadProblem.SERVER
    if kind == "retryable":
        return ReadProblem.UNREACHABLE
    if kind == "final":
        return ReadProblem.REFUSED
    return ReadProblem.FAILED
