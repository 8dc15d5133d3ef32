"""Why an account's inbox could not be read, as a stable code the page and CLI word in the
user's language (the redacted detail is kept beside it for the curious)."""

from __future__ import annotations

from enum import StrEnum

from somestudio.domain.publish_result import NOT_CONNECTED as _NOT_CONNECTED

_TOO_MANY = 429
_SERVER = 500


class ReadProblem(StrEnum):
    SIGN_IN = "inbox.sign_in"  # expired or revoked: reconnect the account in Accounts
    NOT_CONNECTED = "inbox.not_connected"  # no sign-in stored here at all: connect it
    RATE_LIMIT = "inbox.rate_limit"  # the network asked us to wait; we do
    SERVER = "inbox.server"  # the network failed (5xx); tried again later
    UNREACHABLE = "inbox.unreachable"  # no answer (offline, DNS, timeout); tried again later
    REFUSED = "inbox.refused"  # the network said no (permission, a removed feature)
    FAILED = "inbox.failed"  # anything else (a bug, an answer we could not read)


def classify(kind: str, error_kind: str | None, http_status: int | None) -> ReadProblem:
    """From an error's ``kind`` (``PublishError.kind``), ``error_kind`` and HTTP status."""
    if kind == "auth" or error_kind in ("auth", _NOT_CONNECTED):
        # Never connected here is not an expired sign-in: the user connects, not reconnects.
        return ReadProblem.NOT_CONNECTED if error_kind == _NOT_CONNECTED else ReadProblem.SIGN_IN
    if http_status == _TOO_MANY or error_kind == "rate_limit":
        return ReadProblem.RATE_LIMIT
    if http_status is not None and http_status >= _SERVER:
        return ReadProblem.SERVER
    if kind == "retryable":
        return ReadProblem.UNREACHABLE
    if kind == "final":
        return ReadProblem.REFUSED
    return ReadProblem.FAILED


class EntryProblem(StrEnum):
    """What happened to one entry when the user acted on it (answer, like, hide), kept with
    the entry so it says so; the entry itself is never dropped. The account-wide reasons
    (an expired sign-in, a rate limit) use their ``ReadProblem`` codes."""

    GONE = "entry.gone"  # their post or comment was deleted (or never visible to us)
    BLOCKED = "entry.blocked"  # a block between the person and the account
    # Read back, not an action of ours: the network says the comment is hidden, and it was
    # not hidden from here (someone else did, e.g. another Page admin, or a filter).
    HIDDEN_ELSEWHERE = "entry.hidden_elsewhere"


# How the networks say a post is gone or a block stands (their own error words, lower case):
# Mastodon 404 "Record not found"; Bluesky "RecordNotFound", "BlockedActor"/"BlockedByActor";
# Graph API (Facebook, Instagram, Threads) "Object with ID ... does not exist" (code 100).
_GONE_WORDS = ("record not found", "recordnotfound", "does not exist", "not found", "deleted")
_BLOCK_WORDS = ("blockedactor", "blockedbyactor", "blocked")
_GONE_STATUSES = (404, 410)


def classify_entry(kind: str, error_kind: str | None, http_status: int | None, message: str) -> str:
    """The code an entry shows after an action on it failed."""
    general = classify(kind, error_kind, http_status)
    if general in (
        ReadProblem.SIGN_IN,
        ReadProblem.NOT_CONNECTED,
        ReadProblem.RATE_LIMIT,
        ReadProblem.SERVER,
    ):
        return general.value
    said = message.lower()
    if any(word in said for word in _BLOCK_WORDS):
        return EntryProblem.BLOCKED.value
    if http_status in _GONE_STATUSES or any(word in said for word in _GONE_WORDS):
        return EntryProblem.GONE.value
    return general.value
