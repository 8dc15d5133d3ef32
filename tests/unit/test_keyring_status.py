"""Classification of keyring backends, with keyring's own backend classes (no fakes)."""

from __future__ import annotations

from keyring.backends import chainer, fail, null

from somestudio.secrets import _is_secure


def test_fail_backend_is_not_secure() -> None:
    secure, reason = _is_secure(fail.Keyring())
    assert not secure
    assert "no keyring service" in reason


def test_null_backend_is_not_secure() -> None:
    assert not _is_secure(null.Keyring())[0]


def test_empty_chainer_is_not_secure() -> None:
    backend = chainer.ChainerBackend()
    backend.__dict__["backends"] = []  # a machine where no backend is viable
    assert _is_secure(backend) == (False, "no secure keyring among the chained backends")


def test_plaintext_file_backend_is_not_secure() -> None:
    plaintext = type("PlaintextKeyring", (), {"priority": 0.5, "__module__": "keyrings.alt.file"})
    assert not _is_secure(plaintext())[0]
