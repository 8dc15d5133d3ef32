"""A PostgreSQL workspace's change feed: every committed write says so on one channel, and
one listening connection per watching process turns that into the number the window's
caches are keyed by (``Workspace.data_version``; docs/workspace-backends.md, section 9).

Sending (the store's write path, ``install_sender``): the engine's statements are watched;
a transaction that wrote (``INSERT``/``UPDATE``/``DELETE``/``TRUNCATE``/``MERGE``) runs
``pg_notify('somestudio_changes', 'table,table')`` just before its ``COMMIT``, and a write
that committed alone (the workspace's connections are ``AUTOCOMMIT``) is followed by one.
PostgreSQL's NOTIFY documentation (https://www.postgresql.org/docs/current/sql-notify.html):
a notification made inside a transaction is delivered only when (and if) it commits,
identical ones within one transaction are folded into one, and the payload must be shorter
than 8000 bytes — so it names tables only, cut at ``PAYLOAD_LIMIT``, after the sending
engine's origin (``"origin posts,deliveries"``: a random token per engine, so a window does
not reload for the echo of its own write, which it has shown already).

Listening (``PgChangeFeed``): a thread holds its own connection (not one of the pool's),
runs ``LISTEN somestudio_changes`` and waits in psycopg 3's ``Connection.notifies(timeout=…)``
generator (its ``timeout`` since psycopg 3.2; psycopg docs, "Asynchronous notifications":
https://www.psycopg.org/psycopg3/docs/advanced/async.html#asynchronous-notifications —
the connection must be in autocommit mode, else notifications wait for its transaction's
end). Each notification moves the number; nothing is polled, so a hundred idle windows cost
the server a hundred sleeping connections and no queries. A lost connection (a server
restart) is replaced with a growing pause, and the number moves once it listens again:
whatever was committed while nobody listened is unknown, so everything is read afresh. The
same holds for the first LISTEN: a change committed after the window's first reads and
before it listened would otherwise be missed until the next one.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

CHANNEL = "somestudio_changes"
PAYLOAD_LIMIT = 1000  # bytes; PostgreSQL's own limit is 8000
RECONNECT_FIRST_S = 0.2
RECONNECT_MAX_S = 5.0
WAIT_SLICE_S = 0.5  # how often the listening thread looks whether it should stop

_log = logging.getLogger(__name__)

_WRITE = re.compile(
    r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|MERGE\s+INTO)"
    r"\s+(?:ONLY\s+)?\"?(\w+)\"?",
    re.IGNORECASE,
)
_FIRST_WORD = re.compile(r"^\s*(\w+)")
_CHANGED = "somestudio_changed"
_NOTIFY_SQL = "SELECT pg_notify(%s, %s)"
_ORIGINS: dict[int, str] = {}  # id(engine) → its origin token (engines live as long as ever)


def origin_of(engine: sa.Engine) -> str:
    """The token ``engine``'s notifications carry (made on first use)."""
    return _ORIGINS.setdefault(id(engine), secrets.token_hex(6))


def split_note(text: str) -> tuple[str, str]:
    """A notification's payload as (origin, tables); origin "" for one without it (a
    client that sends the table names alone)."""
    origin, space, tables = text.partition(" ")
    return (origin, tables) if space else ("", text)


def changed_table(statement: str) -> str | None:
    """The table a writing statement changes; ``*`` for one whose table is not read here
    (``WITH … INSERT``); None for a statement that does not write."""
    found = _WRITE.match(statement)
    if found:
        return found.group(1).lower()
    word = _FIRST_WORD.match(statement)
    if (
        word
        and word.group(1).upper() == "WITH"
        and re.search(r"\b(INSERT|UPDATE|DELETE)\b", statement, re.IGNORECASE)
    ):
        return "*"
    return None


def payload(tables: set[str]) -> str:
    """The tables a transaction changed, sorted, comma-separated, at most ``PAYLOAD_LIMIT``
    bytes (table names are ASCII); ``*`` when they do not fit."""
    text = ",".join(sorted(tables))
    return text if len(text) <= PAYLOAD_LIMIT else "*"


def install_sender(engine: sa.Engine) -> None:
    """Make every write committed through ``engine`` notify ``CHANNEL``."""
    origin = origin_of(engine)

    @event.listens_for(engine, "before_cursor_execute")
    def _before(
        conn: sa.Connection, cursor: Any, statement: str, _p: object, _c: object, _m: bool
    ) -> None:
        table = changed_table(statement)
        if table is not None:
            conn.info.setdefault(_CHANGED, set()).add(table)
            return
        word = _FIRST_WORD.match(statement)
        first = word.group(1).upper() if word else ""
        if first in ("COMMIT", "END"):  # sql.write's explicit COMMIT: notify inside it
            _send(conn, cursor.connection, origin, committed=False)
        elif first in ("ROLLBACK", "ABORT"):
            conn.info.pop(_CHANGED, None)

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn: sa.Connection, cursor: Any, _s: str, _p: object, _c: object, _m: bool) -> None:
        if conn.info.get(_CHANGED) and _idle(cursor.connection):
            _send(conn, cursor.connection, origin, committed=True)  # the write committed alone

    @event.listens_for(engine, "handle_error")
    def _failed(context: sa.engine.ExceptionContext) -> None:
        conn = context.connection
        if conn is None or context.is_disconnect or conn.invalidated:
            return
        with contextlib.suppress(Exception):
            # A statement alone failed: it wrote nothing.
            if _idle(conn.connection.driver_connection):
                conn.info.pop(_CHANGED, None)

    @event.listens_for(engine, "commit")
    def _commit(conn: sa.Connection) -> None:  # a transaction SQLAlchemy began and ends
        if conn.info.get(_CHANGED):
            _send(conn, conn.connection.driver_connection, origin, committed=False)

    @event.listens_for(engine, "rollback")
    def _rollback(conn: sa.Connection) -> None:
        if not conn.invalidated:  # a lost connection's notes are gone with it
            conn.info.pop(_CHANGED, None)


def _idle(driver: Any) -> bool:
    """Whether the psycopg connection is outside any transaction (its last statement, if it
    wrote, has committed)."""
    from psycopg.pq import TransactionStatus  # noqa: PLC0415 - only on a PostgreSQL workspace

    return bool(driver.info.transaction_status == TransactionStatus.IDLE)


def _send(conn: sa.Connection, driver: Any, origin: str, *, committed: bool) -> None:
    tables: set[str] | None = conn.info.pop(_CHANGED, None)
    if not tables:
        return
    note = f"{origin} {payload(tables)}"
    if not committed:
        # Inside the transaction: delivered at its COMMIT, dropped with its ROLLBACK; a
        # failure here is the transaction's own (its connection is gone).
        driver.execute(_NOTIFY_SQL, (CHANNEL, note))
        return
    try:
        driver.execute(_NOTIFY_SQL, (CHANNEL, note))
    except Exception:
        _log.warning("A committed change could not be announced to other machines")


class PgChangeFeed:
    """One listening connection and its thread. ``version()`` moves after every change
    another connection (of any process) has committed; ``wait_for(version, timeout)`` waits
    for it to pass a number (tests, the benchmark). ``listeners`` are called on the listening
    thread with the changed tables (``""`` once listening, first or again after a reconnect)
    for every change but the feed's own engine's: that process has shown its own writes."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._origin = origin_of(engine)
        self._changed = threading.Condition()
        self._version = 0
        self._stop = threading.Event()
        self._driver: Any = None
        self.listening = threading.Event()  # set while a LISTEN is in place
        self.reconnects = 0
        self.listeners: list[Callable[[str], None]] = []
        # Told False when the feed's connection is lost (the server went away, or stopped
        # answering: TCP keepalives) and True when it listens again, on the feed's thread.
        self.reach_listeners: list[Callable[[bool], None]] = []
        self.reachable = True
        self._thread = threading.Thread(
            target=self._run, name="somestudio-change-feed", daemon=True
        )
        self._thread.start()

    def version(self) -> int:
        with self._changed:
            return self._version

    def wait_for(self, version: int, timeout: float) -> bool:
        """Whether the number passed ``version`` within ``timeout`` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: self._version > version, timeout)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=WAIT_SLICE_S * 4)

    def _bump(self, note: str) -> None:
        origin, what = split_note(note)
        with self._changed:
            self._version += 1  # the caches keyed by it were read before this write too
            self._changed.notify_all()
        if origin == self._origin:
            return
        for listener in list(self.listeners):
            try:
                listener(what)
            except Exception:
                _log.exception("A change listener failed")

    def _pause(self, seconds: float) -> None:
        """Wait ``seconds`` or until closed, with short sleeps: a timed wait on an event never
        returns under libfaketime (the suite's runs at other dates), a sleep does."""
        end = time.monotonic() + seconds
        while not self._stop.is_set() and time.monotonic() < end:
            time.sleep(0.05)

    def _reach(self, reachable: bool) -> None:
        if reachable == self.reachable or self._stop.is_set():
            return
        self.reachable = reachable
        for listener in list(self.reach_listeners):
            try:
                listener(reachable)
            except Exception:
                _log.exception("A reachability listener failed")

    def _run(self) -> None:
        pause = RECONNECT_FIRST_S
        first = True
        while not self._stop.is_set():
            try:
                self._listen(first)
                pause = RECONNECT_FIRST_S
            except Exception as exc:
                self.listening.clear()
                self._reach(False)
                _log.info(
                    "The change feed lost its connection (%s); reconnecting", type(exc).__name__
                )
                self._close_driver()
                self._pause(pause)
                pause = min(pause * 2, RECONNECT_MAX_S)
            first = False

    def _listen(self, first: bool) -> None:
        raw = self._engine.raw_connection()
        driver = raw.driver_connection
        raw.detach()  # the feed's own, never handed back to the pool
        if driver is None:
            raise RuntimeError("no connection")
        self._driver = driver
        if not driver.autocommit:
            driver.rollback()
            driver.autocommit = True
        driver.execute(f"LISTEN {CHANNEL}")
        if not first:
            self.reconnects += 1
        self._bump("")  # what changed while nobody listened is unknown
        self.listening.set()
        self._reach(True)
        try:
            while not self._stop.is_set():
                for note in driver.notifies(timeout=WAIT_SLICE_S):
                    self._bump(str(note.payload))
                    if self._stop.is_set():
                        break
        finally:
            if self._stop.is_set():
                self._close_driver()

    def _close_driver(self) -> None:
        driver, self._driver = self._driver, None
        if driver is not None:
            with contextlib.suppress(Exception):  # closing a lost connection
                driver.close()
