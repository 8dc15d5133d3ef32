"""A move into PostgreSQL takes the attached files along (docs/workspace-backends.md, "Media
on a shared workspace"): a media row of the source without a hash (a solo workspace keeps
its files in the data folder) gets its file's SHA-256, and the file's bytes go into the
target's ``media_blobs``, read on the machine that runs the move. A file that cannot be read
there keeps its row as it was (no hash) and is named in the report.

The move's check then compares the target with the source *as moved*: the media rows with
their new hashes, the blobs with the files' bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from somestudio.domain.utc import utc_now, utc_text
from somestudio.store import media_blobs, schema
from somestudio.store.errors import MoveError


@dataclass
class MediaFiles:
    """The source's unhashed media files readable here: their hashes, by media row id."""

    hashes: dict[int, str] = field(default_factory=dict)
    card_hashes: dict[int, str] = field(default_factory=dict)  # link cards' pictures, by post
    paths: dict[str, Path] = field(default_factory=dict)  # one readable file per hash
    not_found: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, reading: sa.Connection) -> MediaFiles:
        found = cls()
        for media_id, path in media_blobs.unhashed_media(reading):
            sha256 = media_blobs.file_sha256(Path(path))
            if sha256 is None:
                found.not_found.append(path)
                continue
            found.hashes[media_id] = sha256
            found.paths.setdefault(sha256, Path(path))
        # A card's picture not found here is simply left out (the card goes without one).
        for post_id, path in media_blobs.unhashed_card_pictures(reading):
            sha256 = media_blobs.file_sha256(Path(path))
            if sha256 is not None:
                found.card_hashes[post_id] = sha256
                found.paths.setdefault(sha256, Path(path))
        return found

    def media_row(self, row: Sequence[object]) -> tuple[object, ...]:
        """A source media row as it is moved (with its file's hash when it had none)."""
        values = dict(zip(schema.media.columns.keys(), row, strict=True))
        media_id = values["id"]
        if values["sha256"] is None and isinstance(media_id, int) and media_id in self.hashes:
            values["sha256"] = self.hashes[media_id]
        return tuple(values.values())

    def card_row(self, row: Sequence[object]) -> tuple[object, ...]:
        """A source link card row as it is moved (with its picture's hash when it had none)."""
        values = dict(zip(schema.link_cards.columns.keys(), row, strict=True))
        post_id = values["post_id"]
        if (
            values["thumb_sha256"] is None
            and isinstance(post_id, int)
            and post_id in self.card_hashes
        ):
            values["thumb_sha256"] = self.card_hashes[post_id]
        return tuple(values.values())

    def blob_rows(self, reading: sa.Connection, target: str) -> Iterator[tuple[object, ...]]:
        """The blobs the files add (those the source does not hold already), one at a time."""
        now = utc_text(utc_now())
        for sha256, path in sorted(self.paths.items()):
            if media_blobs.has(reading, sha256):
                continue
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise _changed(path, target, str(exc.strerror or exc)) from None
            if hashlib.sha256(data).hexdigest() != sha256:
                raise _changed(path, target, "its content changed during the move")
            yield (sha256, data, len(data), now)


def _changed(path: Path, target: str, detail: str) -> MoveError:
    return MoveError(
        "workspace.move_failed",
        f"Copying {path} into {target} failed ({detail}); the copy was undone, nothing "
        "was changed.",
        source=str(path),
        url=target,
        detail=detail,
    )


def transform_for(
    table: sa.Table, files: MediaFiles | None
) -> Callable[[Sequence[object]], tuple[object, ...]]:
    if files is not None and table.name == "media":
        return files.media_row
    if files is not None and table.name == "link_cards":
        return files.card_row
    return tuple
