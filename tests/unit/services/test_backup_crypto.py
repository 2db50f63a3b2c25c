"""Encrypted backups: round trip, wrong passphrase, tampering, cutting short."""

from __future__ import annotations

import io
import os
import unicodedata

import pytest

from carceles_desktop.errors import StorageUnavailable, ValidationError
from carceles_desktop.services import backup_crypto
from carceles_desktop.services.backup_crypto import PassphraseEnvelope

PASSPHRASE = "Lurigancho-2026 ñandú"


@pytest.fixture(autouse=True)
def _cheap_scrypt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real cost (2**17) takes a quarter second a key; the header records the cost,
    # so files sealed cheaply here still exercise every code path.
    if request.node.name != "test_the_shipped_cost_is_owasps_minimum_and_recorded":
        monkeypatch.setattr(backup_crypto, "LOG2_N", 12)


def _seal(plain: bytes, passphrase: str = PASSPHRASE) -> bytes:
    sink = io.BytesIO()
    writer = PassphraseEnvelope(passphrase).seal(sink)
    # Uneven writes, so that chunk boundaries fall inside writes.
    for start in range(0, len(plain), 300_001):
        writer.write(plain[start : start + 300_001])
    writer.finish()
    return sink.getvalue()


def _open(sealed: bytes, passphrase: str = PASSPHRASE) -> bytes:
    return b"".join(PassphraseEnvelope(passphrase).unseal(io.BytesIO(sealed)))


@pytest.mark.parametrize(
    "size", [0, 1, backup_crypto.CHUNK - 1, backup_crypto.CHUNK, 2 * backup_crypto.CHUNK + 7]
)
def test_what_is_sealed_opens_again(size: int) -> None:
    plain = os.urandom(size)
    sealed = _seal(plain)
    assert sealed.startswith(b"CPBACKUP")
    assert size < 64 or plain[:64] not in sealed
    assert _open(sealed) == plain


def test_the_shipped_cost_is_owasps_minimum_and_recorded() -> None:
    sealed = _seal(b"x")
    assert sealed[9] == 17  # log2 N, after the magic and the version
    assert _open(sealed) == b"x"


def test_a_wrong_passphrase_is_refused_clearly() -> None:
    sealed = _seal(b"registro" * 1000)
    with pytest.raises(ValidationError, match="passphrase does not open") as caught:
        _open(sealed, "otra frase cualquiera")
    assert caught.value.field == "passphrase"


def test_the_same_passphrase_typed_decomposed_opens_it() -> None:
    sealed = _seal(b"datos")
    assert _open(sealed, unicodedata.normalize("NFD", PASSPHRASE)) == b"datos"


@pytest.mark.parametrize("where", ["header", "first chunk", "last byte"])
def test_a_changed_byte_is_caught(where: str) -> None:
    sealed = bytearray(_seal(os.urandom(backup_crypto.CHUNK + 500)))
    offset = {"header": 20, "first chunk": 100, "last byte": len(sealed) - 1}[where]
    sealed[offset] ^= 0x01
    with pytest.raises((StorageUnavailable, ValidationError)):
        _open(bytes(sealed))


@pytest.mark.parametrize("keep", ["whole chunks", "mid chunk", "header only"])
def test_a_cut_short_file_is_refused(keep: str) -> None:
    plain = os.urandom(2 * backup_crypto.CHUNK + 10)
    sealed = _seal(plain)
    header = 55
    size = {
        "whole chunks": header + 2 * (backup_crypto.CHUNK + backup_crypto.TAG),
        "mid chunk": header + backup_crypto.CHUNK // 2,
        "header only": header,
    }[keep]
    with pytest.raises(StorageUnavailable, match="damaged or cut short"):
        _open(sealed[:size])


def test_a_short_passphrase_is_refused_when_sealing() -> None:
    with pytest.raises(ValidationError) as caught:
        PassphraseEnvelope("corta").seal(io.BytesIO())
    assert caught.value.field == "passphrase"


def test_encryption_without_any_passphrase_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(backup_crypto.PASSPHRASE_ENV, raising=False)
    with pytest.raises(ValidationError, match="CARCELES_BACKUP_PASSPHRASE"):
        backup_crypto.envelope_for(True, None)
    monkeypatch.setenv(backup_crypto.PASSPHRASE_ENV, PASSPHRASE)
    assert backup_crypto.envelope_for(True, None) is not None
    assert backup_crypto.envelope_for(False, None) is None
