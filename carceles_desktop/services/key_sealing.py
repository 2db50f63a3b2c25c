"""Sealing a private signing key under a passphrase, and opening it again.

Stored form (``SigningKey.encrypted_private_key``)::

    b"CPK1" | u32 memory KiB | u8 time cost | u8 parallelism | u8 salt length | salt
    | PKCS#8 DER, BestAvailableEncryption(argon2id(passphrase, salt))

PKCS#8's own password scheme in ``cryptography`` runs PBKDF2 for only 2,048 rounds,
cheap to guess at if a backup leaks; stretching the passphrase first with argon2id (the
parameters kept beside the key, so that raising them later breaks nothing) makes each
guess cost as much memory and time as unlocking the key once (64 MiB, about 0.2 s).
The passphrase itself is never stored, logged or put in a message.
"""

from __future__ import annotations

import secrets
import struct
import unicodedata

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from carceles_desktop.errors import PermissionDenied, StorageUnavailable, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

MIN_PASSPHRASE_LENGTH = 10
#: Argon2id parameters for newly sealed keys (stored with each key; tests lower them).
KDF_MEMORY_KIB = 64 * 1024
KDF_TIME_COST = 3
KDF_PARALLELISM = 1
_SALT_LENGTH = 16
_MAGIC = b"CPK1"
_HEAD = struct.Struct(">4sIBBB")


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase shorter than 10 characters (spaces at the ends not counted).

    Raises:
        ValidationError: on the ``passphrase`` field.
    """
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The passphrase must have at least {count} characters."),
            field="passphrase",
            count=MIN_PASSPHRASE_LENGTH,
        )


def raw_public_key(private_key: Ed25519PrivateKey) -> bytes:
    """The 32 raw bytes of the key's public half."""
    return private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def _stretch(passphrase: str, salt: bytes, memory: int, time_cost: int, lanes: int) -> bytes:
    # NFC, so that "ñ" typed on another keyboard (or pasted decomposed) unlocks the key.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(
        secret,
        salt,
        time_cost=time_cost,
        memory_cost=memory,
        parallelism=lanes,
        hash_len=32,
        type=Type.ID,
    )


def seal(private_key: Ed25519PrivateKey, passphrase: str) -> bytes:
    """Return the stored form of ``private_key`` locked by ``passphrase``."""
    salt = secrets.token_bytes(_SALT_LENGTH)
    head = _HEAD.pack(_MAGIC, KDF_MEMORY_KIB, KDF_TIME_COST, KDF_PARALLELISM, len(salt))
    wrapping = _stretch(passphrase, salt, KDF_MEMORY_KIB, KDF_TIME_COST, KDF_PARALLELISM)
    sealed = private_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(wrapping),
    )
    return head + salt + sealed


def _damaged(key_id: str) -> StorageUnavailable:
    return StorageUnavailable(
        QT_TRANSLATE_NOOP(
            "errors",
            "The stored private key {key_id} is damaged; restore a backup or create a new key.",
        ),
        key_id=key_id,
    )


def unseal(sealed: bytes, passphrase: str, *, key_id: str, public_key: bytes) -> Ed25519PrivateKey:
    """Open a sealed key and check that it is the private half of ``public_key``.

    Raises:
        PermissionDenied: the passphrase is wrong (the message names only the key).
        StorageUnavailable: the stored form is damaged or belongs to another key.
    """
    try:
        magic, memory, time_cost, lanes, salt_length = _HEAD.unpack_from(sealed)
    except struct.error as exc:
        raise _damaged(key_id) from exc
    if magic != _MAGIC or not (lanes > 0 and 8 * lanes <= memory and time_cost > 0):
        raise _damaged(key_id)
    start = _HEAD.size
    salt = sealed[start : start + salt_length]
    wrapping = _stretch(passphrase, salt, memory, time_cost, lanes)
    try:
        private = serialization.load_der_private_key(sealed[start + salt_length :], wrapping)
    except ValueError as exc:
        # cryptography reports a wrong password and damaged data alike; the first is likely.
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "Wrong passphrase for signing key {key_id}; nothing was signed."
            ),
            key_id=key_id,
        ) from exc
    except (TypeError, UnsupportedAlgorithm) as exc:
        raise _damaged(key_id) from exc
    if not isinstance(private, Ed25519PrivateKey) or raw_public_key(private) != public_key:
        raise _damaged(key_id)
    return private
