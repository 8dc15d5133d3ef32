"""A rotating log file in the data folder that never records a secret."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

LOG_FOLDER = "logs"
LOG_FILE = "somestudio.log"
REDACTED = "[redacted]"

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
    if len(value) >= 6:
        with _known_lock:
            _known_secrets.add(value)


def redact(text: str) -> str:
    with _known_lock:
        known = sorted(_known_secrets, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Renders the message (and any traceback) once, redacted, so no handler sees the raw one."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(home: Path, *, level: int = logging.INFO) -> Path:
    import logging.handlers  # noqa: PLC0415 - after the window shows; it pulls in sockets

    folder = home / LOG_FOLDER
    folder.mkdir(exist_ok=True)
    path = folder / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_somestudio", False)]:
        root.removeHandler(old)
        old.close()
    handler._somestudio = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
