"""The public-keys file one installation exports and another imports.

A small UTF-8 JSON document, readable by a person and by any program::

    {
      "format": "carceles-desktop/public-keys",
      "version": 1,
      "keys": [
        {"key_id": "LURIGANCHO-2026-A3F9", "establishment_code": "LURIGANCHO",
         "valid_from": "2026-01-01", "valid_to": null,
         "public_key": "<base64 of the 32-byte Ed25519 key>",
         "fingerprint": "3F2A 9C01 …"}
      ]
    }

The fingerprint is checked on import, so a key damaged in transit (or retyped by hand)
is refused; comparing it by phone with the issuing establishment is what makes the file
trustworthy, since anyone can write such a file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from carceles_desktop.errors import ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

FILE_FORMAT = "carceles-desktop/public-keys"
FILE_VERSION = 1
PUBLIC_KEY_LENGTH = 32
_KEY_ID_WIDTH = 40
_CODE_WIDTH = 30


@dataclass(frozen=True)
class KeyRecord:
    """One public key as the file carries it."""

    key_id: str
    establishment_code: str
    valid_from: date
    valid_to: date | None
    public_key: bytes


@dataclass(frozen=True)
class ImportKeysReport:
    """What an import did, by key id.

    Attributes:
        added: keys new to this installation.
        updated: imported keys that the file closed (their ``valid_to`` was set).
        unchanged: keys known already with the same data.
    """

    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


def fingerprint(public_key: bytes) -> str:
    """20 upper-case hex digits of the key's SHA-256 in groups of four, to read aloud."""
    digest = hashlib.sha256(public_key).hexdigest()[:20].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def dump_keys_file(records: list[KeyRecord]) -> bytes:
    """Write the file (keys in the order given)."""
    document = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "keys": [
            {
                "key_id": r.key_id,
                "establishment_code": r.establishment_code,
                "valid_from": r.valid_from.isoformat(),
                "valid_to": r.valid_to.isoformat() if r.valid_to else None,
                "public_key": base64.b64encode(r.public_key).decode("ascii"),
                "fingerprint": fingerprint(r.public_key),
            }
            for r in records
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _bad_file(detail: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("errors", "This is not a readable public-keys file: {detail}."),
        field="file",
        detail=detail,
    )


def _text(entry: dict[str, Any], name: str, width: int) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip() or len(value) > width:
        raise _bad_file(f"{name} is missing or too long")
    return value.strip()


def _day(entry: dict[str, Any], name: str, *, optional: bool = False) -> date | None:
    value = entry.get(name)
    if value is None and optional:
        return None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _record(entry: Any) -> KeyRecord:
    if not isinstance(entry, dict):
        raise _bad_file("a key entry is not an object")
    key_id = _text(entry, "key_id", _KEY_ID_WIDTH)
    code = _text(entry, "establishment_code", _CODE_WIDTH)
    valid_from = _day(entry, "valid_from")
    valid_to = _day(entry, "valid_to", optional=True)
    if valid_from is None or (entry.get("valid_to") is not None and valid_to is None):
        raise _bad_file(f"key {key_id} has a date that is not YYYY-MM-DD")
    if valid_to is not None and valid_to < valid_from:
        raise _bad_file(f"key {key_id} ends before it starts")
    try:
        public_key = base64.b64decode(str(entry.get("public_key", "")), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _bad_file(f"key {key_id} is not base64") from exc
    if len(public_key) != PUBLIC_KEY_LENGTH:
        raise _bad_file(f"key {key_id} does not have {PUBLIC_KEY_LENGTH} bytes")
    stated = entry.get("fingerprint")
    if stated is not None and stated != fingerprint(public_key):
        raise _bad_file(f"key {key_id} does not match its fingerprint")
    return KeyRecord(key_id, code, valid_from, valid_to, public_key)


def parse_keys_file(data: bytes) -> list[KeyRecord]:
    """Read and check a public-keys file.

    Raises:
        ValidationError: on the ``file`` field, naming what is wrong.
    """
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad_file("not UTF-8 JSON") from exc
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise _bad_file(f"the format is not {FILE_FORMAT}")
    if document.get("version") != FILE_VERSION:
        raise _bad_file(f"version {document.get('version')!r} is not supported")
    entries = document.get("keys")
    if not isinstance(entries, list):
        raise _bad_file("there is no list of keys")
    records = [_record(entry) for entry in entries]
    key_ids = [r.key_id for r in records]
    if len(set(key_ids)) != len(key_ids):
        raise _bad_file("a key id appears twice")
    return records
