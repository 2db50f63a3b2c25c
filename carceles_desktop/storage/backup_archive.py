"""What a backup file holds, and how it is written and read back.

Contents are recognised by their first bytes rather than by the file name:

* a plain SQLite file;
* gzip of the SQLite file (``.gz``; any gzip tool opens it);
* an encrypted envelope (``.enc``) around the gzip stream.  The cipher itself lives in
  the services layer (the storage layer does not depend on a cryptography library); it
  is handed in as an :class:`Envelope`.  Its files start with :data:`ENCRYPTED_MAGIC`.

Every reader yields the SQLite bytes whatever the format, so that a backup's SHA-256 is
that of the database copy it holds, and can be compared after writing.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.storage.backup_store import BackupCancelled

SQLITE_MAGIC = b"SQLite format 3\x00"
GZIP_MAGIC = b"\x1f\x8b"
#: First bytes of an encrypted backup (the services layer writes the rest of the header).
ENCRYPTED_MAGIC = b"CPBACKUP"

#: zlib level.  Measured on the site demo database (36.8 MB, 132,000 attendance rows):
#: level 1 gives 2.58:1, 3 gives 2.62:1, 6 gives 2.83:1, 9 gives 2.84:1 at half again
#: the time of 6; level 6 costs about 0.4 s more than level 1 per 40 MB.
COMPRESSION_LEVEL = 6
CHUNK = 1 << 20


Tick = Callable[[int], None]


class SealingWriter(Protocol):
    """Encrypts what is written to it into the file it was opened on."""

    def write(self, data: bytes) -> None:
        """Take more plain bytes."""

    def finish(self) -> None:
        """Write whatever is buffered and the end marker (the file stays open)."""


class Envelope(Protocol):
    """An encryption scheme with its key, supplied by the caller."""

    def seal(self, sink: BinaryIO) -> SealingWriter:
        """Start an encrypted stream in ``sink`` (writes the header)."""

    def unseal(self, source: BinaryIO) -> Iterator[bytes]:
        """Yield the plain bytes of the encrypted stream in ``source``.

        Raises:
            ValidationError: the passphrase does not open this file.
            StorageUnavailable: the file is damaged or cut short.
        """


class _PlainWriter:
    def __init__(self, sink: BinaryIO) -> None:
        self._sink = sink

    def write(self, data: bytes) -> None:
        self._sink.write(data)

    def finish(self) -> None:
        """Nothing is buffered."""


def write_archive(
    raw: Path,
    sink: BinaryIO,
    *,
    compress: bool,
    envelope: Envelope | None = None,
    tick: Tick | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> str:
    """Write the SQLite file ``raw`` into ``sink`` as a backup; return the file's SHA-256.

    Encryption always wraps a compressed stream (compressing encrypted bytes gains
    nothing).  ``tick`` receives the bytes read so far.

    Raises:
        BackupCancelled: ``should_cancel`` said so.
    """
    writer: SealingWriter = envelope.seal(sink) if envelope is not None else _PlainWriter(sink)
    compressor = (
        zlib.compressobj(COMPRESSION_LEVEL, zlib.DEFLATED, 31)
        if (compress or envelope is not None)
        else None
    )
    digest = hashlib.sha256()
    done = 0
    with open(raw, "rb") as source:
        while chunk := source.read(CHUNK):
            if should_cancel is not None and should_cancel():
                raise BackupCancelled()
            digest.update(chunk)
            writer.write(compressor.compress(chunk) if compressor else chunk)
            done += len(chunk)
            if tick is not None:
                tick(done)
    if compressor is not None:
        writer.write(compressor.flush())
    writer.finish()
    return digest.hexdigest()


def archive_format(path: Path) -> str:
    """Return ``sqlite``, ``gzip``, ``encrypted`` or ``unknown`` from the file's first bytes.

    Raises:
        StorageUnavailable: the file cannot be read.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("errors", "The backup {path} cannot be read: {detail}"),
            path=str(path),
            detail=exc.strerror,
        ) from exc
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ENCRYPTED_MAGIC):
        return "encrypted"
    return "unknown"


def read_archive(path: Path, envelope: Envelope | None = None) -> Iterator[bytes]:
    """Yield the SQLite bytes held in the backup at ``path``, whatever its format.

    Raises:
        StorageUnavailable: not a backup, encrypted without an envelope, or damaged.
        ValidationError: the envelope's passphrase does not open it.
    """
    kind = archive_format(path)
    if kind == "unknown":
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is not a backup of this program (neither SQLite, gzip nor encrypted).",
            ),
            path=str(path),
        )
    if kind == "encrypted" and envelope is None:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The backup {path} is encrypted: give its passphrase (or set "
                "CARCELES_BACKUP_PASSPHRASE).",
            ),
            path=str(path),
        )
    with open(path, "rb") as handle:
        if kind == "sqlite":
            while chunk := handle.read(CHUNK):
                yield chunk
            return
        chunks = envelope.unseal(handle) if kind == "encrypted" and envelope else _raw(handle)
        yield from _gunzip(chunks, path)


def _raw(handle: BinaryIO) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK):
        yield chunk


def _gunzip(chunks: Iterator[bytes], path: Path) -> Iterator[bytes]:
    decompressor = zlib.decompressobj(31)
    try:
        for chunk in chunks:
            data = decompressor.decompress(chunk)
            if data:
                yield data
        tail = decompressor.flush()
    except zlib.error as exc:
        raise _damaged(path, str(exc)) from exc
    if tail:
        yield tail
    if not decompressor.eof:
        raise _damaged(path, "the compressed data ends too early")


def _damaged(path: Path, detail: str) -> StorageUnavailable:
    return StorageUnavailable(
        QT_TRANSLATE_NOOP("errors", "The backup {path} is damaged and cannot be used: {detail}"),
        path=str(path),
        detail=detail,
    )


def extract_archive(
    path: Path,
    destination: Path,
    envelope: Envelope | None = None,
    *,
    tick: Tick | None = None,
) -> str:
    """Write the SQLite file held in the backup to ``destination``; return its SHA-256.

    Raises:
        StorageUnavailable: as :func:`read_archive`, or the destination cannot be written.
        ValidationError: a wrong passphrase.
    """
    digest = hashlib.sha256()
    done = 0
    try:
        with open(destination, "wb") as out:
            for chunk in read_archive(path, envelope):
                digest.update(chunk)
                out.write(chunk)
                done += len(chunk)
                if tick is not None:
                    tick(done)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("errors", "Could not write {path}: {detail}"),
            path=str(destination),
            detail=exc.strerror,
        ) from exc
    return digest.hexdigest()


def archive_digest(path: Path, envelope: Envelope | None = None) -> str:
    """Return the SHA-256 of the SQLite bytes held in a backup (reads it end to end)."""
    digest = hashlib.sha256()
    for chunk in read_archive(path, envelope):
        digest.update(chunk)
    return digest.hexdigest()
