"""OAuth 2 for a desktop app: PKCE and a one-shot redirect listener on 127.0.0.1.

The app embeds no client secret. The system browser opens the network's sign-in page; the
network redirects to ``http://127.0.0.1:<port>/callback`` where ``LoopbackRedirect`` waits
for exactly one request with the expected ``state`` and hands over its ``code``.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

CALLBACK_PATH = "/callback"
_PAGE = (
    "<!doctype html><meta charset='utf-8'><title>Some Studio</title>"
    "<body style='font-family:sans-serif;margin:3em'><h1>{title}</h1><p>{text}</p>"
)


class SignInError(Exception):
    """The sign-in did not complete; the message says why, for the user."""


def pkce_pair() -> tuple[str, str]:
    """(code verifier, S256 code challenge) per RFC 7636."""
    verifier = secrets.token_urlsafe(64)[:96]
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return verifier, challenge


def new_state() -> str:
    return secrets.token_urlsafe(24)


def authorize_url(
    endpoint: str, *, client_id: str, redirect_uri: str, scope: str, challenge: str, state: str
) -> str:
    """The sign-in page to open: an authorization-code request with an S256 PKCE challenge
    (RFC 6749 section 4.1.1, RFC 7636 section 4.3)."""
    query = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": scope,
        "state": state,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    return f"{endpoint}?{urlencode(query)}"


class LoopbackRedirect:
    """Listens on 127.0.0.1 (``port`` 0: any free port) for the one redirect of a sign-in."""

    def __init__(self, state: str, *, port: int = 0) -> None:
        self.state = state
        self._done = threading.Event()
        self._code: str | None = None
        self._error: str | None = None
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass  # the query holds the code: never log it

            def do_GET(self) -> None:
                url = urlparse(self.path)
                if url.path != CALLBACK_PATH:
                    self.send_error(404)
                    return
                owner._receive(parse_qs(url.query))
                ok = owner._code is not None
                title = "Signed in" if ok else "Sign-in did not complete"
                text = (
                    "You can close this tab and return to Some Studio."
                    if ok
                    else "Return to Some Studio and try again."
                )
                body = _PAGE.format(title=title, text=text).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = HTTPServer(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="oauth-redirect", daemon=True
        )
        self._thread.start()

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{CALLBACK_PATH}"

    def _receive(self, query: dict[str, list[str]]) -> None:
        if self._done.is_set():
            return
        if query.get("state", [""])[0] != self.state:
            return  # not our sign-in (or forged): keep waiting
        error = query.get("error", [""])[0]
        if error:
            detail = query.get("error_description", [""])[0]
            self._error = f"the network refused the sign-in: {error}" + (
                f" ({detail})" if detail else ""
            )
        else:
            self._code = query.get("code", [""])[0] or None
            if self._code is None:
                self._error = "the network sent no authorisation code"
        self._done.set()

    def wait(self, timeout: float) -> str:
        """The authorisation code, once the browser comes back (raises ``SignInError``)."""
        try:
            if not self._done.wait(timeout):
                raise SignInError(
                    f"no answer from the browser within {timeout / 60:.0f} min; start the "
                    "sign-in again"
                )
            if self._code is None:
                raise SignInError(self._error or "the sign-in did not complete")
            return self._code
        finally:
            self.close()

    def cancel(self) -> None:
        self._error = "the sign-in was cancelled"
        self._done.set()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
