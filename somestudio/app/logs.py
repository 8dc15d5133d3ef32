"""A rotating log file in the data folder that never records a secret."""

from __future__ import annotations

import logging
from pathlib import Path

from somestudio.domain.redaction import REDACTED, redact, register_secret

LOG_FOLDER = "logs"
LOG_FILE = "somestudio.log"
# The one redaction step lives in the domain so the network clients, the dispatcher and the
# command line share it; the log filter below is one of its users.
__all__ = ["REDACTED", "RedactingFilter", "redact", "register_secret", "setup_logging"]


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
