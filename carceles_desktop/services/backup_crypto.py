"""Encrypted backups: a passphrase, scrypt, and AES-256-GCM over the compressed stream.

The passphrase is never stored, neither in the database nor in a settings file: it comes
from the ``CARCELES_BACKUP_PASSPHRASE`` environment variable or is asked of the user.
Whoever loses it loses the encrypted backups: the program cannot open them either.

File layout (version 1), all integers big-endian::

    magic      8  b"CPBACKUP"
    version    1  1
    log2_n     1  scrypt cost (17: N = 131072, OWASP's minimum with r=8, p=1)
    r, p       1+1
    salt      16  random
    nonce      7  random prefix
    chunk      4  plain bytes per chunk (1 MiB)
    check     16  first 16 bytes of SHA-256 of the second half of the derived key
    chunks        each: AES-GCM(ciphertext ‖ 16-byte tag) of one chunk

Each chunk's nonce is ``prefix ‖ counter (4) ‖ last-flag (1)`` and the header is the
associated data of every chunk (the STREAM construction): reordering, dropping or
cutting chunks off the end fails authentication, and the check value tells a wrong
passphrase apart from a damaged file.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from carceles_desktop.errors import StorageUnavailable, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.storage.backup_archive import ENCRYPTED_MAGIC, archive_format

VERSION = 1
LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
CHUNK = 1 << 20
TAG = 16
MIN_PASSPHRASE = 8

_HEADER = struct.Struct(">8sBBBB16s7sI16s")

WRONG_PASSPHRASE = QT_TRANSLATE_NOOP(
    "errors", "The passphrase does not open this backup. Check it and try again."
)
_DAMAGED = QT_TRANSLATE_NOOP(
    "errors", "The encrypted backup {path} is damaged or cut short and cannot be used."
)


def _normalise(passphrase: str) -> bytes:
    # "ñ" typed on two keyboards may arrive composed or decomposed; both must open it.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    if not 10 <= log2_n <= 22 or not 1 <= r <= 32 or not 1 <= p <= 16:
        raise ValueError("scrypt parameters out of range")
    material = Scrypt(salt=salt, length=64, n=1 << log2_n, r=r, p=p).derive(_normalise(passphrase))
    return material[:32], hashlib.sha256(material[32:]).digest()[:16]


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


class _Sealer:
    """Buffers plain bytes and writes them out in sealed chunks."""

    def __init__(self, sink: BinaryIO, passphrase: str) -> None:
        salt, prefix = os.urandom(16), os.urandom(7)
        key, check = _derive(passphrase, salt, LOG2_N, SCRYPT_R, SCRYPT_P)
        self._header = _HEADER.pack(
            ENCRYPTED_MAGIC, VERSION, LOG2_N, SCRYPT_R, SCRYPT_P, salt, prefix, CHUNK, check
        )
        self._aead = AESGCM(key)
        self._prefix = prefix
        self._sink = sink
        self._buffer = bytearray()
        self._counter = 0
        sink.write(self._header)

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]

    def finish(self) -> None:
        self._emit(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _emit(self, plain: bytes, *, last: bool) -> None:
        nonce = _nonce(self._prefix, self._counter, last)
        self._sink.write(self._aead.encrypt(nonce, plain, self._header))
        self._counter += 1


class PassphraseEnvelope:
    """The :class:`~carceles_desktop.storage.backup_archive.Envelope` for passphrases.

    Raises (when sealing):
        ValidationError: a passphrase shorter than eight characters (``passphrase``).
    """

    def __init__(self, passphrase: str) -> None:
        self._passphrase = passphrase

    def check(self) -> None:
        """Refuse a passphrase too short to encrypt with (before any work is done).

        Raises:
            ValidationError: fewer than eight characters (``field="passphrase"``).
        """
        if len(self._passphrase) < MIN_PASSPHRASE:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The backup passphrase must have at least {count} characters."
                ),
                field="passphrase",
                count=MIN_PASSPHRASE,
            )

    def seal(self, sink: BinaryIO) -> _Sealer:
        """Write the header to ``sink`` and return the writer of sealed chunks."""
        self.check()
        return _Sealer(sink, self._passphrase)

    def unseal(self, source: BinaryIO) -> Iterator[bytes]:
        """Yield the plain bytes of an encrypted backup.

        Raises:
            ValidationError: a wrong passphrase (``field="passphrase"``).
            StorageUnavailable: the file is damaged, cut short or of an unknown version.
        """
        name = getattr(source, "name", "?")
        header = source.read(_HEADER.size)
        if len(header) < _HEADER.size:
            raise StorageUnavailable(_DAMAGED, path=str(name))
        magic, version, log2_n, r, p, salt, prefix, chunk, check = _HEADER.unpack(header)
        if magic != ENCRYPTED_MAGIC or version != VERSION or not 0 < chunk <= 1 << 26:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The backup {path} was encrypted by a newer version of the program.",
                ),
                path=str(name),
            )
        try:
            key, expected = _derive(self._passphrase, salt, log2_n, r, p)
        except ValueError as exc:
            raise StorageUnavailable(_DAMAGED, path=str(name)) from exc
        if not hmac.compare_digest(expected, check):
            raise ValidationError(WRONG_PASSPHRASE, field="passphrase")
        yield from self._chunks(source, AESGCM(key), header, prefix, chunk, str(name))

    @staticmethod
    def _chunks(
        source: BinaryIO, aead: AESGCM, header: bytes, prefix: bytes, chunk: int, name: str
    ) -> Iterator[bytes]:
        size = chunk + TAG
        block = source.read(size)
        counter = 0
        while True:
            following = source.read(size) if len(block) == size else b""
            last = not following
            try:
                yield aead.decrypt(_nonce(prefix, counter, last), block, header)
            except (InvalidTag, ValueError) as exc:
                raise StorageUnavailable(_DAMAGED, path=name) from exc
            if last:
                return
            block, counter = following, counter + 1


#: Environment variable holding the backup passphrase (never stored by the program).
PASSPHRASE_ENV = "CARCELES_BACKUP_PASSPHRASE"

NEED_PASSPHRASE = QT_TRANSLATE_NOOP(
    "errors",
    "Backups are encrypted: give the passphrase (or set CARCELES_BACKUP_PASSPHRASE).",
)


def passphrase_from_environment() -> str | None:
    """Return the passphrase from ``CARCELES_BACKUP_PASSPHRASE``, if set and not empty."""
    return os.environ.get(PASSPHRASE_ENV) or None


def envelope_for(encrypt: bool, passphrase: str | None) -> PassphraseEnvelope | None:
    """Return the envelope to encrypt or open with, or None when not encrypting.

    Raises:
        ValidationError: encryption without a passphrase given or in the environment.
    """
    if not encrypt:
        return None
    phrase = passphrase or passphrase_from_environment()
    if not phrase:
        raise ValidationError(NEED_PASSPHRASE, field="passphrase")
    return PassphraseEnvelope(phrase)


def is_encrypted(path: Path) -> bool:
    """Return True when the backup at ``path`` is encrypted (needs the passphrase).

    Raises:
        StorageUnavailable: the file cannot be read.
    """
    return archive_format(path) == "encrypted"
