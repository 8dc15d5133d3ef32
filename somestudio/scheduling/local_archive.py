"""The Local archive channel: publishing writes the post into a new folder of its own.

Each delivery becomes ``<folder>/<UTC time>-d<delivery id>-<first 8 of idempotency key>/``
holding ``post.txt``, copies of the media and ``metadata.json``. It is written into a hidden
sibling and renamed into place, so a crash never leaves a half-written post under the real
name; the key in the name lets ``reconcile`` find a post already written before a crash, and
``publish`` itself returns an existing folder instead of writing a second one.

``publish`` returns only once the new folder's name is on the disk (the archive folder is
fsync'd). Sends running at once share those fsyncs (``FolderSync``): a burst costs one per
group of renames, not one per post.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from somestudio.domain.publish_result import (
    Final,
    OutgoingDelivery,
    PublishResult,
    Retryable,
)
from somestudio.domain.timeplan import UnknownZoneError, to_local
from somestudio.domain.utc import parse_utc, utc_now, utc_text

METADATA = "metadata.json"
TEXT = "post.txt"
_PARTIAL = ".partial-"
# Out of space or a flaky drive may clear up; anything else needs the user.
_TRANSIENT = frozenset({errno.ENOSPC, errno.EIO, errno.EAGAIN, errno.EBUSY, errno.EDQUOT})


def folder_name(delivery: OutgoingDelivery) -> str:
    return (
        f"{delivery.scheduled_at:%Y-%m-%dT%H%MZ}-d{delivery.delivery_id}-"
        f"{delivery.idempotency_key[:8]}"
    )


def archive_folder(delivery: OutgoingDelivery) -> Path:
    raw = delivery.account.options.get("folder")
    if not isinstance(raw, str) or not raw:
        raise Final(
            f"the Local archive account {delivery.account.label!r} has no folder set; "
            "choose one in Accounts"
        )
    return Path(raw)


class LocalArchivePublisher:
    # The rename is atomic: no folder under the final name means nothing was published.
    reconcile_is_conclusive = True

    def __init__(self, *, now: Callable[[], datetime] = utc_now) -> None:
        self._now = now
        self._synced = FolderSync()

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        folder = archive_folder(delivery)
        if not folder.is_dir():
            raise Final(
                f"the archive folder {folder} does not exist (a removable drive?); "
                "create it or choose another folder, then retry"
            )
        target = folder / folder_name(delivery)
        existing = self._existing(target, delivery)
        if existing is not None:
            return existing
        partial = folder / f"{_PARTIAL}{target.name}-{os.urandom(4).hex()}"
        published_at = self._now().replace(microsecond=0)
        renamed = False
        try:
            partial.mkdir()
            self._write(partial, delivery, published_at)
            try:
                partial.rename(target)  # fails if a folder of that name appeared meanwhile
                renamed = True
            except OSError:
                existing = self._existing(target, delivery)
                if existing is not None:
                    return existing
                raise
            self._synced.sync(folder)
        except OSError as exc:
            raise self._error(exc, folder) from exc
        finally:
            if not renamed:
                shutil.rmtree(partial, ignore_errors=True)
        return _result(target, published_at)

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        folder = archive_folder(delivery)
        target = folder / folder_name(delivery)
        for leftover in folder.glob(f"{_PARTIAL}{target.name}-*"):
            shutil.rmtree(leftover, ignore_errors=True)  # a crash mid-write: never published
        return self._existing(target, delivery)

    def _existing(self, target: Path, delivery: OutgoingDelivery) -> PublishResult | None:
        if not os.path.lexists(target):  # the usual case, in one system call
            return None
        try:
            metadata = json.loads((target / METADATA).read_text(encoding="utf-8"))
        except FileNotFoundError:
            if target.exists():
                raise Final(
                    f"{target} exists but is not this post's archive folder; move it away"
                ) from None
            return None
        except (OSError, ValueError) as exc:
            raise Final(f"{target} cannot be read ({exc}); check the archive folder") from exc
        if metadata.get("idempotency_key") != delivery.idempotency_key:
            raise Final(f"{target} belongs to another post; move it away, then retry")
        return _result(target, parse_utc(str(metadata["published_at"])))

    def _write(self, folder: Path, delivery: OutgoingDelivery, published_at: datetime) -> None:
        # A thread is kept post by post (post-1.txt, post-2.txt, …) and whole in post.txt.
        _write_file(folder / TEXT, "\n\n".join(delivery.parts).encode("utf-8"))
        if delivery.thread:
            for number, part in enumerate(delivery.thread, start=1):
                _write_file(folder / f"post-{number}.txt", part.encode("utf-8"))
        media = []
        for index, item in enumerate(delivery.media, start=1):
            source = Path(item.path)
            name = f"{index:02d}-{source.name}"
            if not source.is_file():
                raise Final(f"the media file {source} is missing; add it again, then retry")
            shutil.copyfile(source, folder / name)
            with (folder / name).open("rb") as handle:
                os.fsync(handle.fileno())
            media.append(
                {
                    "file": name,
                    "source": str(source),
                    "mime_type": item.mime_type,
                    "alt_text": item.alt_text,
                }
            )
        account = delivery.account
        metadata = {
            "delivery_id": delivery.delivery_id,
            "post_id": delivery.post_id,
            "account": {
                "id": account.id,
                "network": account.network.value,
                "handle": account.handle,
                "display_name": account.display_name,
            },
            "scheduled_at": utc_text(delivery.scheduled_at),
            "scheduled_local": _local_text(delivery),
            "time_zone": delivery.time_zone,
            "published_at": utc_text(published_at),
            "idempotency_key": delivery.idempotency_key,
            "attempt": delivery.attempt,
            "media": media,
            "thread_parts": len(delivery.thread),
        }
        text = json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"
        _write_file(folder / METADATA, text.encode("utf-8"))

    @staticmethod
    def _error(exc: OSError, folder: Path) -> Exception:
        detail = exc.strerror or str(exc)
        if exc.errno in _TRANSIENT:
            return Retryable(f"writing to {folder} failed for now: {detail}")
        return Final(f"writing to {folder} failed: {detail}")


def _local_text(delivery: OutgoingDelivery) -> str:
    with contextlib.suppress(UnknownZoneError):
        return f"{to_local(delivery.scheduled_at, delivery.time_zone):%Y-%m-%dT%H:%M:%S}"
    return ""


def _result(target: Path, published_at: datetime) -> PublishResult:
    return PublishResult(
        remote_id=target.name, remote_url=target.resolve().as_uri(), published_at=published_at
    )


def _write_file(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class FolderSync:
    """Group commit for folder fsyncs. ``sync(folder)`` returns once an fsync of ``folder``
    that began after the call did finish, so everything renamed into it before the call is
    durable; callers arriving while one runs share the next."""

    def __init__(self, fsync: Callable[[Path], None] | None = None) -> None:
        self._fsync = fsync or _fsync_folder
        self._cond = threading.Condition()
        self._asked: dict[Path, int] = {}  # per folder: calls so far
        self._done: dict[Path, int] = {}  # calls covered by a finished fsync
        self._running: set[Path] = set()

    def sync(self, folder: Path) -> None:
        with self._cond:
            mine = self._asked[folder] = self._asked.get(folder, 0) + 1
            while self._done.get(folder, 0) < mine:
                if folder in self._running:
                    self._cond.wait()
                    continue
                self._running.add(folder)
                covers = self._asked[folder]  # every call so far renamed before this fsync
                try:
                    self._cond.release()
                    try:
                        self._fsync(folder)
                    finally:
                        self._cond.acquire()
                finally:
                    self._running.discard(folder)
                    self._cond.notify_all()
                # Reached only when the fsync succeeded; a failure goes to this caller, and
                # the others waiting run an fsync of their own.
                self._done[folder] = max(self._done.get(folder, 0), covers)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
