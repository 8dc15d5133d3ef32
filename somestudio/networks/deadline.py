"""A whole-request deadline for every HTTP request, and a way to abort those in flight.

requests' ``timeout`` bounds each socket read, so a server that sends one byte every 10 s
would keep a request alive for ever. Here each request gets a watchdog: when its deadline
passes (or the app shuts down and calls ``abort_requests``) the watchdog shuts the request's
socket down from its own thread, the blocked read returns at once, and the request fails with
``RequestDeadlineExceeded`` (a ``ReadTimeout``: after sending, the outcome is unknown).

The socket is found through connection classes that attach themselves to the calling
thread's current watch whenever they connect or send a request.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from somestudio.networks.secure_url import refuse_plain_http

DEFAULT_DEADLINE = 90.0  # seconds for a whole request without a body worth counting
UPLOAD_BYTES_PER_SECOND = 32 * 1024  # a slow uplink still finishes a large upload
ABORTED = "aborted"  # error_kind of a send cut short by shutdown: recovered at the next start


class RequestDeadlineExceeded(requests.exceptions.ReadTimeout):
    """The whole request (connect, send, every byte of the answer) took longer than allowed."""

    def __init__(self, seconds: float, *, aborted: bool = False, **kwargs: Any) -> None:
        self.seconds = seconds
        self.aborted = aborted
        if aborted:
            text = "the request was stopped because Some Studio is shutting down"
        else:
            text = f"the whole request took longer than its {seconds:g} s limit"
        super().__init__(text, **kwargs)


class _Watch:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self.aborted = False
        self._lock = threading.Lock()
        self._connections: list[HTTPConnection] = []
        self._timer = threading.Timer(seconds, self.fire)
        self._timer.daemon = True
        self._timer.name = "http-deadline"

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()

    def attach(self, connection: HTTPConnection) -> None:
        with self._lock:
            if connection not in self._connections:
                self._connections.append(connection)
            fired = self.fired
        if fired:
            _cut(connection)

    def fire(self, *, aborted: bool = False) -> None:
        with self._lock:
            self.fired = True
            self.aborted = self.aborted or aborted
            connections = list(self._connections)
        for connection in connections:
            _cut(connection)


def _cut(connection: HTTPConnection) -> None:
    sock = getattr(connection, "sock", None)
    if sock is None:
        return
    # socket.socket's own shutdown, even for an SSL socket: it wakes the blocked read
    # without touching the SSL object the reading thread is using.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


_local = threading.local()
_active_lock = threading.Lock()
_active: set[_Watch] = set()


def _current() -> _Watch | None:
    watch: _Watch | None = getattr(_local, "watch", None)
    return watch


def abort_requests() -> int:
    """Stop every request in flight in this process now (shutdown); returns how many."""
    with _active_lock:
        watches = list(_active)
    for watch in watches:
        watch.fire(aborted=True)
    return len(watches)


def _attach(connection: HTTPConnection) -> None:
    watch = _current()
    if watch is not None:
        watch.attach(connection)


class _WatchedHTTPConnection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _attach(self)  # the socket exists now: a watch that already fired cuts it at once

    def request(self, *args: Any, **kwargs: Any) -> None:
        _attach(self)  # a kept-alive connection serves this thread's new request
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _attach(self)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _attach(self)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS: dict[str, type[HTTPConnectionPool]] = {
    "http": _WatchedHTTPPool,
    "https": _WatchedHTTPSPool,
}


class WatchedAdapter(HTTPAdapter):
    """requests' adapter, with connections the deadline watchdog can cut."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_WATCHED_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if hasattr(manager, "pool_classes_by_scheme"):  # through a proxy too
            manager.pool_classes_by_scheme = dict(_WATCHED_POOLS)
        return manager


def deadline_for(request: requests.PreparedRequest, base: float) -> float:
    """``base`` seconds, plus time for a large body at a slow upload speed."""
    try:
        size = int(request.headers.get("Content-Length", "0"))
    except ValueError:
        size = 0
    return base + size / UPLOAD_BYTES_PER_SECOND


class DeadlineSession(requests.Session):
    """A session whose every request (including reading the whole answer) has a deadline."""

    def __init__(self, *, deadline: float = DEFAULT_DEADLINE) -> None:
        super().__init__()
        self.deadline = deadline

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        refuse_plain_http(request.url or "")  # redirects too: every hop is checked
        if _current() is not None:  # a redirect inside a watched request: same watch
            return super().send(request, **kwargs)
        seconds = deadline_for(request, self.deadline)
        watch = _Watch(seconds)
        _local.watch = watch
        with _active_lock:
            _active.add(watch)
        watch.start()
        try:
            response = super().send(request, **kwargs)
            if not kwargs.get("stream"):
                _ = response.content  # read here, under the watch (send already did)
        except (requests.RequestException, OSError) as exc:
            if watch.fired:
                raise RequestDeadlineExceeded(
                    seconds, aborted=watch.aborted, request=request
                ) from exc
            raise
        finally:
            watch.cancel()
            _local.watch = None
            with _active_lock:
                _active.discard(watch)
        return response  # complete, even if the watchdog fired just after the last byte
