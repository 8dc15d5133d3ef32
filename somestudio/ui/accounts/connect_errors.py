"""Why connecting (or loading a form's list) failed, as one plain sentence in the user's
language: a connection that could not be made says what to do, and the library's own words
(host names, pools, retries) go to the log only, redacted."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from somestudio.domain.publish_result import PublishError
from somestudio.domain.redaction import redact
from somestudio.ui.error_text import error_text

log = logging.getLogger(__name__)


class ConnectErrorText(QObject):
    """The translations (a class, so that lupdate files them under one context)."""

    def unreachable(self) -> str:
        return self.tr("Could not reach %1. Check the internet connection and try again.")

    def insecure(self) -> str:
        return self.tr(
            "Could not make a secure connection to %1. Check that the computer's date and "
            "time are right and that the network does not intercept connections, then try again."
        )

    def slow(self) -> str:
        return self.tr("%1 did not answer in time. Try again in a moment.")

    def broken(self) -> str:
        return self.tr("The connection to %1 broke. Check the internet connection and try again.")


def _connection_error(error: BaseException) -> PublishError | None:
    """The network layer's connection failure behind ``error``, if that is what it is."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, PublishError) and seen.error_kind in ("network", "tls"):
            return seen
        seen = seen.__cause__
    return None


def could_not_connect(error: BaseException) -> bool:
    """Whether ``error`` is a connection that could not be made or broke (not a refusal)."""
    return _connection_error(error) is not None


def connect_error_text(error: BaseException, network: str) -> str:
    """``error`` for the connect dialog; ``network``: the network's name as shown."""
    failure = _connection_error(error)
    if failure is None:
        return error_text(error)
    texts = ConnectErrorText()
    reason = failure.reason
    if failure.error_kind == "tls":
        if "is not secure" not in reason:  # a plain http address refused: it says why
            return error_text(error)
        sentence = texts.insecure()
    elif reason.startswith("could not connect to "):
        sentence = texts.unreachable()
    elif "did not answer within" in reason or "did not finish answering" in reason:
        sentence = texts.slow()
    else:
        sentence = texts.broken()
    log.warning("connecting to %s failed: %s", network, redact(reason))
    return sentence.replace("%1", network)
