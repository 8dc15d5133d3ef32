"""Reading what a person hands the app, with a size limit and without blocking for ever.

A named path must be a regular file: a FIFO, a device (``/dev/zero``) or a socket is refused
before a byte is read, because reading one can block for ever or never end. Standard input is
read up to the limit (one byte more tells it is too large). The limits are documented in the
README ("Input limits").
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

MB = 1_000_000
CHECK_LIMIT = 1 * MB  # `somestudio check`, `post add --file`: far above any network's post
CSV_LIMIT = 20 * MB  # a CSV to import (posts or metrics): tens of thousands of rows
RULEBOOK_LIMIT = 1 * MB  # a shared guidelines file: words and rules, never large


class InputError(ValueError):
    """The input cannot be read as given; the message says why, for the user."""


class InputTooLargeError(InputError):
    def __init__(self, label: str, limit: int) -> None:
        super().__init__(
            f"{label} is larger than the {describe_size(limit)} limit; nothing was read"
        )
        self.limit = limit


class NotARegularFileError(InputError):
    def __init__(self, label: str, kind: str) -> None:
        super().__init__(
            f"{label} is {kind}, not a regular file; give a file (or pipe the text to "
            "standard input)"
        )


def describe_size(size: int) -> str:
    return f"{size / MB:g} MB" if size >= MB else f"{size:,} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"


def read_file(path: Path, limit: int, *, label: str | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` (raises ``InputError``;
    ``OSError`` when it cannot be opened)."""
    name = label or str(path)
    # O_NONBLOCK: opening a FIFO must not wait for a writer; the check below refuses it.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFileError(name, _kind(mode))
        if os.fstat(fd).st_size > limit:
            raise InputTooLargeError(name, limit)
        return _bounded(handle, limit, name)


def read_stream(stream: BinaryIO, limit: int, *, label: str = "standard input") -> bytes:
    """At most ``limit`` bytes of ``stream`` (raises ``InputTooLargeError`` beyond)."""
    return _bounded(stream, limit, label)


def _bounded(stream: BinaryIO, limit: int, label: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise InputTooLargeError(label, limit)
    return b"".join(chunks)
