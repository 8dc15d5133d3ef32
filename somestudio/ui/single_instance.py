"""One window per data folder: a lock file, and a local socket to raise the running window.

Taking the lock is all that happens before the window shows; the socket server (QtNetwork)
starts once the window is up, and only a second launch needs a client.
"""

from __future__ import annotations

import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from somestudio.app.instance_lock import LOCK_FILE, InstanceLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

__all__ = ["LOCK_FILE", "SingleInstance", "server_name"]

_RAISE = b"raise\n"
_CONNECT_MS = 1000
_RETRY_S = 0.1


def server_name(home: Path) -> str:
    """Per data folder, so a --demo window can run beside the real one."""
    key = str(home.resolve()).encode()
    # Two checksums: enough to keep folders apart, without loading a crypto library at start.
    return f"somestudio-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, home: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(home)
        # Stale only when its owner process is gone or its pid reused, never by age.
        self._lock = InstanceLock(home)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        return self._lock.acquire(100)

    def permission_denied(self) -> bool:
        """The lock could not be taken because the data folder cannot be written."""
        return self._lock.permission_denied()

    def listen(self) -> None:
        """Answer later launches (call once the lock is held)."""
        from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415

        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self._name)  # a socket left behind by a crashed run
        self._server.listen(self._name)
        self._server.newConnection.connect(self._on_connection)

    def owner(self) -> tuple[int, str]:
        """PID and application name of the process holding the lock (0, '' if unknown)."""
        return self._lock.owner()

    def owner_kind(self) -> str:
        """'window', 'run-scheduler', 'post' or 'unknown' (``InstanceLock.owner_kind``)."""
        return self._lock.owner_kind()

    def ask_running_instance_to_raise(self, wait_s: float = 0.0) -> bool:
        """Ask the window holding the lock to come to the front. It answers once its own
        window is up: a launch a moment after another (a double click on a launcher) keeps
        asking for ``wait_s`` seconds, while the lock's owner is still there."""
        from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415

        deadline = time.monotonic() + wait_s
        while True:
            socket = QLocalSocket(self)
            try:
                socket.connectToServer(self._name)
                if socket.waitForConnected(_CONNECT_MS):
                    socket.write(_RAISE)
                    socket.waitForBytesWritten(_CONNECT_MS)
                    socket.disconnectFromServer()
                    return True
            finally:
                socket.abort()
                socket.deleteLater()
            if time.monotonic() >= deadline or not self.owner()[0]:
                return False  # too long, or the other one is gone
            time.sleep(_RETRY_S)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.release()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (conn := self._server.nextPendingConnection()) is not None:
            conn.readyRead.connect(self._on_ready_read)
            conn.disconnected.connect(conn.deleteLater)
            if conn.bytesAvailable():  # arrived before readyRead was connected
                self._read(conn)

    def _on_ready_read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415

        conn = self.sender()
        if isinstance(conn, QLocalSocket):
            self._read(conn)

    def _read(self, conn: QLocalSocket) -> None:
        if bytes(conn.readAll().data()).startswith(_RAISE.strip()):
            self.activation_requested.emit()
