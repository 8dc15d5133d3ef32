"""Attached files on a shared workspace: their bytes kept in the workspace, and a copy on
this machine whenever one is needed (docs/workspace-backends.md, "Media on a shared
workspace").

A media row names the file where it was attached (``path``, on that machine). On a shared
workspace the save also keeps the file's bytes in ``media_blobs`` under its SHA-256 and the
row records that hash, so another machine (an always-on box publishing while the laptop is
closed, another desktop's composer) uses ``local_path``: the path itself when it exists
here with those bytes, else the blob written into this machine's data folder
(``media/shared/<sha256>/<name>``, atomically) and that copy. A row without a hash (a solo
SQLite workspace) is used at its path, as ever.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import threading
from collections.abc import Callable
from pathlib import Path

from somestudio.app.atomic_files import write_bytes_atomically
from somestudio.app.workspace import Workspace
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import Final, OutgoingDelivery, Retryable
from somestudio.domain.utc import utc_now, utc_text
from somestudio.store import media_blobs
from somestudio.store.sql import Conn

log = logging.getLogger(__name__)
SHARED_FOLDER = ("media", "shared")  # in the data folder: copies of the workspace's blobs
MISSING_KIND = "media_missing"
# PostgreSQL keeps at most 1 GB in one bytea value; a bigger file (a long LinkedIn video)
# stays only where it was attached, and only that machine can publish it.
MAX_SHARED_BYTES = 1_000_000_000
_SEPARATORS = re.compile(r"[\\/]")
_UNSAFE = re.compile(r"[\x00-\x1f]")


class MediaNotShared(Exception):  # noqa: N818 - a state, not a failure of this code
    """The file is neither on this machine nor in the workspace."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path
        self.name = file_name(path)


class MediaCopyFailed(Exception):  # noqa: N818
    """The workspace's copy could not be written into this machine's data folder."""


def file_name(path: str) -> str:
    """The file's own name, whatever machine's path it is (``C:\\a\\b.png`` → ``b.png``)."""
    name = _UNSAFE.sub("", _SEPARATORS.split(path)[-1]).strip()
    return name if name not in ("", ".", "..") else "media"


file_hash = media_blobs.file_sha256
# Hashes of files read here, by (path, size, modification time): a calendar that shows the
# same thumbnails again reads none of them again. Bounded; a changed file has a new key.
_KNOWN: dict[tuple[str, int, int], str] = {}
_KNOWN_MAX = 4096
# One writer of copies per process: the engine's workers and the window's calendar may want
# the same copy at once, and an atomic write's temporary file is named by process.
_WRITING = threading.Lock()
_TOLD: set[str] = set()  # files said missing in the log already (a calendar asks again and again)


def known_hash(path: Path) -> str | None:
    """``file_hash``, remembered while the file stays as it was."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    found = _KNOWN.get(key)
    if found is None:
        found = file_hash(path)
        if found is None:
            return None
        if len(_KNOWN) >= _KNOWN_MAX:
            _KNOWN.clear()
        _KNOWN[key] = found
    return found


def shared_media(workspace: Workspace) -> SharedMedia:
    """The workspace's media, with this machine's copies in its data folder."""
    return SharedMedia(workspace.home, workspace.store_connection, shared=workspace.is_shared)


class SharedMedia:
    """``keep`` at a save, ``local_path`` wherever a media file is read."""

    def __init__(self, home: Path, connection: Callable[[], Conn], *, shared: bool) -> None:
        self._folder = home.joinpath(*SHARED_FOLDER)
        self._connection = connection
        self.shared = shared

    def keep(self, conn: Conn, path: str) -> str | None:
        """On a shared workspace, the file's hash with its bytes kept in the workspace (in
        the caller's transaction, once per hash); None on a solo workspace or when the file
        cannot be read here (the row then names only its path, as before)."""
        if not self.shared:
            return None
        try:
            if Path(path).stat().st_size > MAX_SHARED_BYTES:
                log.warning("%s is too big to keep in the shared workspace", file_name(path))
                return None
        except OSError:
            return None
        sha256 = file_hash(Path(path))
        if sha256 is None or media_blobs.has(conn, sha256):
            return sha256
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != sha256:  # changed meanwhile: its new bytes
            sha256 = hashlib.sha256(data).hexdigest()
        media_blobs.put(conn, sha256, data, utc_text(utc_now()))
        return sha256

    def local_path(self, path: str, sha256: str | None) -> str:
        """Where this machine reads the file: ``path`` when it holds the row's bytes (or the
        row has no hash), else this machine's copy of the workspace's blob. Raises
        ``MediaNotShared`` when neither exists, ``MediaCopyFailed`` when the copy cannot be
        written."""
        if sha256 is None or known_hash(Path(path)) == sha256:
            return path
        copy = self._folder / sha256 / file_name(path)
        if known_hash(copy) == sha256:
            return str(copy)
        data = media_blobs.get(self._connection(), sha256)
        if data is None or hashlib.sha256(data).hexdigest() != sha256:
            raise MediaNotShared(path)
        with _WRITING:
            if known_hash(copy) == sha256:  # another thread wrote it meanwhile
                return str(copy)
            try:
                copy.parent.mkdir(parents=True, exist_ok=True)
                write_bytes_atomically(copy, data)
            except OSError as exc:
                raise MediaCopyFailed(f"{copy}: {exc.strerror or exc}") from exc
        return str(copy)

    def readable_path(self, path: str, sha256: str | None) -> str:
        """``local_path``, or the stored path when there is no copy to read (what shows the
        file then shows it as missing, as for any file that went away)."""
        try:
            return self.local_path(path, sha256)
        except (MediaNotShared, MediaCopyFailed) as exc:
            if path not in _TOLD:
                _TOLD.add(path)
                log.warning("attached file not available on this computer: %s", exc)
            return path

    def localize(self, outgoing: OutgoingDelivery) -> OutgoingDelivery:
        """The delivery with each media file readable on this machine; a file that is not
        is a failure the delivery shows (``Final``), a copy that cannot be written a retry.
        A link card's picture that cannot be had is left out (the card goes without one,
        as the publishers do with a picture that went away)."""
        card = outgoing.link_card
        if card is not None and card.thumb_sha256 is not None:
            try:
                thumb = self.local_path(card.thumb_path, card.thumb_sha256)
            except (MediaNotShared, MediaCopyFailed):
                thumb = ""
            outgoing = dataclasses.replace(
                outgoing, link_card=dataclasses.replace(card, thumb_path=thumb)
            )
        if all(item.sha256 is None for item in outgoing.media):
            return outgoing
        media: list[MediaItem] = []
        for item in outgoing.media:
            try:
                local = self.local_path(item.path, item.sha256)
            except MediaNotShared as missing:
                raise Final(missing_reason(missing.name), error_kind=MISSING_KIND) from None
            except MediaCopyFailed as exc:
                raise Retryable(
                    f"The attached file {file_name(item.path)} could not be copied to this "
                    f"computer ({exc}); it will be tried again."
                ) from None
            media.append(dataclasses.replace(item, path=local))
        return dataclasses.replace(outgoing, media=tuple(media))


def missing_reason(name: str) -> str:
    return (
        f"The attached file {name} is not in the shared workspace and not on this computer "
        "(it was attached on another computer before its bytes were kept in the workspace); "
        "attach it again, then publish again."
    )
