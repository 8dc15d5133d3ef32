from __future__ import annotations

import logging
from pathlib import Path

import pytest

from somestudio.app.logs import REDACTED, RedactingFilter, redact, register_secret, setup_logging

JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyIsImV4cCI6MTc2NDAwMDAwMH0"
    ".Nf3wJ4y0qfQK1Z9s8pWm0bWl3qC4oVYb0m3dRk2f0aE"
)


@pytest.mark.parametrize(
    ("raw", "secret"),
    [
        ("Authorization: Bearer abcDEF123._~+/xyz==", "abcDEF123._~+/xyz=="),
        (f"session refreshed: {JWT}", JWT),
        ("login with app password abcd-efgh-ijkl-mnop failed", "abcd-efgh-ijkl-mnop"),
        ('{"access_token": "s3cr3t-value", "scope": "read"}', "s3cr3t-value"),
        ("POST /token?refresh_token=r3fr3sh&client_id=42", "r3fr3sh"),
        ("password=hunter2hunter2", "hunter2hunter2"),
        ("code_verifier=" + "v" * 50, "v" * 50),
    ],
)
def test_secret_shapes_are_redacted(raw: str, secret: str) -> None:
    cleaned = redact(raw)
    assert secret not in cleaned
    assert REDACTED in cleaned


def test_ordinary_text_is_kept() -> None:
    text = "Published delivery 42 to https://mastodon.example/@aurinko/1133 in 0.8 s"
    assert redact(text) == text


def test_registered_secret_of_any_shape_is_redacted() -> None:
    register_secret("plainOpaqueToken42")
    assert "plainOpaqueToken42" not in redact("sent header X-Key plainOpaqueToken42 ok")


def test_log_file_never_holds_the_secret(tmp_path: Path) -> None:
    log_path = setup_logging(tmp_path)
    logger = logging.getLogger("somestudio.test")
    logger.warning("request failed with Authorization %s", "Bearer tok_ABCDEFGHIJ")
    try:
        raise RuntimeError(f"server said: invalid token {JWT}")
    except RuntimeError:
        logger.exception("publishing failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = log_path.read_text(encoding="utf-8")
    assert "publishing failed" in content
    assert "RuntimeError" in content  # the traceback is kept...
    assert JWT not in content  # ...without the secret in it
    assert "tok_ABCDEFGHIJ" not in content


def test_filter_renders_args_once() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token=%s", ("abc123456",), None)
    assert RedactingFilter().filter(record)
    assert record.getMessage() == f"token={REDACTED}"
