"""The one redaction step: every error text that reaches a person, a table, a file or the log
passes ``redact`` first.

It knows the secrets this process has handled (``register_secret``: every token loaded from or
stored in the keyring, every token a request carried) and the shapes secrets take (bearer
headers, JWTs, app passwords, ``token=...`` pairs). ``secrets`` adds values known only to the
caller (the token of the request that failed). Pure Python: the network clients, the
dispatcher, the app and the command line all use this one function.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

REDACTED = "[redacted]"
_SHORTEST = 6  # shorter values would redact ordinary words

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization headers and their bearer tokens.
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*"), r"\1 " + REDACTED),
    # JWTs (Bluesky sessions, OAuth id tokens): header.payload.signature, base64url.
    (re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"), REDACTED),
    # Bluesky app passwords: xxxx-xxxx-xxxx-xxxx.
    (re.compile(r"\b[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}\b"), REDACTED),
    # key=value / "key": "value" pairs whose key names a secret.
    (
        re.compile(
            r"""(?ix)
            ((?:access|refresh|id|bearer|session)?_?(?:token|jwt)|password|passwd|secret
             |client_secret|app_password|code_verifier|api_key|authorization)
            (["']?\s*[:=]\s*["']?)
            ([^"'\s&,;}]+)
            """
        ),
        r"\1\2" + REDACTED,
    ),
)

_known_lock = threading.Lock()
_known_secrets: set[str] = set()


def register_secret(value: str) -> None:
    """Every exact occurrence of a secret the app has handled is redacted, whatever its shape."""
    if len(value) >= _SHORTEST:
        with _known_lock:
            _known_secrets.add(value)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every known secret (and ``secrets``) and every secret shape replaced."""
    extra = {s for s in secrets if s and len(s) >= _SHORTEST}
    with _known_lock:
        known = sorted(_known_secrets | extra, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text
