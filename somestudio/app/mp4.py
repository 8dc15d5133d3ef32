"""A video's container, duration and picture size from its ISO-BMFF boxes (MP4, MOV, M4V).

Reading a few box headers is all the composer needs, so no native library is required:
``pymediainfo`` needs libmediainfo, which is not a Python wheel on every platform, and
PyAV or ffprobe would add far more than they give here. Only headers are read, never the
media data, so a multi-gigabyte file costs a handful of small reads.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"mvex"}
_MAX_BOX_READ = 1 << 20  # an mvhd or tkhd is ~100 bytes; anything bigger is not one


@dataclass(frozen=True, slots=True)
class VideoInfo:
    format: str  # "MP4" or "MOV"
    duration_ms: int | None
    width: int
    height: int


def probe_video(path: Path) -> VideoInfo | None:
    """The video's facts, or None when the file is not an ISO-BMFF video."""
    try:
        with path.open("rb") as f:
            size = path.stat().st_size
            first = _header(f, 0, size)
            if first is None or first[0] != b"ftyp":
                return None
            brand = f.read(4)
            info = _Walk()
            _walk(f, 0, size, info, depth=0)
    except (OSError, struct.error):
        return None
    duration_ms = info.duration_ms
    if duration_ms is None and info.fragment_duration and info.timescale:
        duration_ms = info.fragment_duration * 1000 // info.timescale
    return VideoInfo("MOV" if brand == b"qt  " else "MP4", duration_ms, info.width, info.height)


class _Walk:
    def __init__(self) -> None:
        self.duration_ms: int | None = None
        self.timescale = 0
        self.fragment_duration: int | None = None  # a fragmented file's, from mehd
        self.width = 0
        self.height = 0


def _header(f: BinaryIO, offset: int, end: int) -> tuple[bytes, int, int] | None:
    """(type, start of the payload, end of the box) of the box at ``offset``."""
    f.seek(offset)
    head = f.read(8)
    if len(head) < 8:
        return None
    size, kind = struct.unpack(">I4s", head)
    payload = offset + 8
    if size == 1:
        large = f.read(8)
        if len(large) < 8:
            return None
        (size,) = struct.unpack(">Q", large)
        payload += 8
    elif size == 0:
        size = end - offset
    if size < payload - offset or offset + size > end:
        return None
    return kind, payload, offset + size


def _walk(f: BinaryIO, start: int, end: int, info: _Walk, depth: int) -> None:
    offset = start
    while offset < end and depth < 8:
        box = _header(f, offset, end)
        if box is None:
            return
        kind, payload, box_end = box
        if kind in _CONTAINERS:
            _walk(f, payload, box_end, info, depth + 1)
        elif kind == b"mvhd" and box_end - payload <= _MAX_BOX_READ:
            f.seek(payload)
            info.duration_ms, info.timescale = _duration(f.read(box_end - payload))
        elif kind == b"mehd" and box_end - payload <= _MAX_BOX_READ:
            # A fragmented MP4 leaves mvhd's duration 0 and may give the whole length
            # here (ISO/IEC 14496-12, Movie Extends Header), in mvhd's timescale.
            f.seek(payload)
            data = f.read(box_end - payload)
            info.fragment_duration = struct.unpack_from(">Q" if data[0] == 1 else ">I", data, 4)[0]
        elif kind == b"tkhd" and not info.width and box_end - payload <= _MAX_BOX_READ:
            f.seek(payload)
            info.width, info.height = _track_size(f.read(box_end - payload))
        offset = box_end


def _duration(data: bytes) -> tuple[int | None, int]:
    """(milliseconds or None when unknown, the movie's timescale). A fragmented file's
    mvhd says 0: unknown here, its mehd may tell."""
    version = data[0]
    if version == 1:
        timescale, duration = struct.unpack_from(">IQ", data, 20)
        unknown = duration == (1 << 64) - 1
    else:
        timescale, duration = struct.unpack_from(">II", data, 12)
        unknown = duration == (1 << 32) - 1
    if not timescale or unknown or not duration:
        return None, int(timescale)
    return int(duration) * 1000 // int(timescale), int(timescale)


def _track_size(data: bytes) -> tuple[int, int]:
    """A track header ends with its width and height as 16.16 fixed point (0 for audio)."""
    width, height = struct.unpack_from(">II", data, len(data) - 8)
    return width >> 16, height >> 16
