"""PKCE and the loopback redirect listener (the browser played by requests)."""

from __future__ import annotations

import base64
import hashlib
import threading

import pytest
import requests

from somestudio.networks.oauth import LoopbackRedirect, SignInError, new_state, pkce_pair


def test_pkce_challenge_is_s256_of_the_verifier() -> None:
    verifier, challenge = pkce_pair()
    assert 43 <= len(verifier) <= 128
    digest = hashlib.sha256(verifier.encode()).digest()
    assert challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert pkce_pair()[0] != verifier


def test_redirect_hands_over_the_code_of_this_sign_in_only() -> None:
    state = new_state()
    listener = LoopbackRedirect(state)
    uri = listener.redirect_uri
    assert uri.startswith("http://127.0.0.1:") and uri.endswith("/callback")
    got: list[str] = []
    waiter = threading.Thread(target=lambda: got.append(listener.wait(10)))
    waiter.start()
    forged = requests.get(uri, params={"code": "evil", "state": "other"}, timeout=5)
    assert forged.status_code == 200 and "did not complete" in forged.text
    page = requests.get(uri, params={"code": "the-code", "state": state}, timeout=5)
    assert "close this tab" in page.text
    waiter.join(10)
    assert got == ["the-code"]
    with pytest.raises(requests.ConnectionError):  # closed after one sign-in
        requests.get(uri, timeout=2)


def test_refusal_and_timeout_are_errors() -> None:
    state = new_state()
    listener = LoopbackRedirect(state)
    requests.get(
        listener.redirect_uri, params={"error": "access_denied", "state": state}, timeout=5
    )
    with pytest.raises(SignInError, match="access_denied"):
        listener.wait(5)
    with pytest.raises(SignInError, match="no answer"):
        LoopbackRedirect(new_state()).wait(0.2)
