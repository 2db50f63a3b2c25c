"""The signed payload a certificate's QR code carries, and the QR text around it.

A certificate's QR holds the facts a verifier shows large for a person to compare with
the paper (number, establishment, name as printed, a minimised identifier, trade, hours,
dates) plus the key id, signed with the establishment's Ed25519 key.  The same shape as
the EU digital COVID certificate (payload → signature → text-safe encoding → prefix), but
sized for a 25–30 mm code on a printed page: the example in the tests (a 50-character
name with accents) gives 295 characters of QR text, a version 12 code at level Q.

**Payload bytes** (format version 1; integers big-endian; ``str`` is a one-byte length
then the text)::

    u8  version (1)          u8  flags
    str establishment_code
    u16 year + u24 sequence  when flag NUMBER_STANDARD, else  str number
    str name    str id_hint    str trade
    u16 hours   u16 start   u16 end   u16 issued     (dates: days since 2000-01-01)
    str key_id  (only the part after "<establishment_code>-" when flag KEY_UNDER_CODE)

Texts are ISO-8859-1 when every one fits (flag LATIN1: "Ñ", "á" take one byte instead of
two; Spanish always fits), UTF-8 otherwise.  The number and key id drop what repeats the
establishment code.  Decoding is strict: a payload must re-encode to exactly the same
bytes, so each certificate has one byte form and nothing ambiguous can hide in it.

**QR text**: ``"CP1"`` + RFC 4648 base32 (no padding) of payload ‖ 64-byte signature.
A USB scanner "types" the text through the PC's keyboard layout; on es-PE and other
Latin American layouts a scanner set to US sends ``:``, ``/``, ``-``, ``+`` and ``*`` as
other characters, which rules out base45 and any punctuation.  Base32 uses only A–Z and
2–7, which every QWERTY layout types alike, is read back in either case (caps lock) and
fits the QR's compact alphanumeric mode.  Accents in names survive because they travel
as bytes inside the base32, never as typed characters.

**Signature**: Ed25519 over :func:`signing_input` (a fixed context label + the payload
bytes), so that a key that one day also signs data bundles can never have such a
signature taken for a certificate's.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import unicodedata
from dataclasses import dataclass, fields
from datetime import date, timedelta

from carceles_desktop.domain.enums import DocumentType
from carceles_desktop.domain.rules.serials import certificate_number

FORMAT_VERSION = 1
QR_PREFIX = "CP1"
SIGNATURE_LENGTH = 64
SIGNATURE_CONTEXT = b"carceles-desktop/certificate\x00"
DATE_EPOCH = date(2000, 1, 1)
MAX_DATE = DATE_EPOCH + timedelta(days=0xFFFF)
MAX_HOURS = 0xFFFF
MAX_TEXT_BYTES = 255

_NUMBER_STANDARD = 0x01
_KEY_UNDER_CODE = 0x02
_LATIN1 = 0x04
_KNOWN_FLAGS = _NUMBER_STANDARD | _KEY_UNDER_CODE | _LATIN1
_BASE32 = re.compile(r"[A-Z2-7]+")
_REQUIRED_TEXTS = ("number", "establishment_code", "name", "trade", "key_id")

# One letter per document type; the inmate code stands in when there is no document.
_HINT_LETTERS = {
    DocumentType.DNI: "D",
    DocumentType.CARNE_EXTRANJERIA: "E",
    DocumentType.PASAPORTE: "P",
    DocumentType.NONE: "I",
}
_HINT_LABELS = {"D": "DNI", "E": "CE", "P": "Pasaporte", "I": "Código de interno"}
HINT_DIGITS = 3


@dataclass(frozen=True, kw_only=True)
class CertificatePayload:
    """The signed facts of one certificate.

    Texts are kept in Unicode NFC (composed accents), so that a name pasted in
    decomposed form signs and prints the same as one typed on the keyboard.

    Attributes:
        version: the payload format (1).
        number: the certificate's number, e.g. ``EP-LURIGANCHO-2026-000123``.
        establishment_code: the issuing establishment's catalogue code.
        name: the holder's full name exactly as printed.
        id_hint: a minimised identifier (see :func:`make_id_hint`), never a full DNI.
        trade: the trade or module as printed.
        hours: training hours.
        start: first day of the training.
        end: last day of the training.
        issued: the date of issue; the signing key must be valid on it.
        key_id: the id of the key that signs the payload.

    Raises:
        ValueError: a field cannot be represented (empty text, text over 255 bytes,
            control characters, hours or dates out of range, end before start).
    """

    version: int = FORMAT_VERSION
    number: str
    establishment_code: str
    name: str
    id_hint: str
    trade: str
    hours: int
    start: date
    end: date
    issued: date
    key_id: str

    def __post_init__(self) -> None:
        if self.version != FORMAT_VERSION:
            raise ValueError(f"unsupported payload version {self.version}")
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, str):
                object.__setattr__(self, item.name, _checked_text(item.name, value))
        for name in _REQUIRED_TEXTS:
            if not getattr(self, name):
                raise ValueError(f"{name} must not be empty")
        if not 0 <= self.hours <= MAX_HOURS:
            raise ValueError(f"hours must be 0 to {MAX_HOURS}: {self.hours}")
        for name in ("start", "end", "issued"):
            value = getattr(self, name)
            if not DATE_EPOCH <= value <= MAX_DATE:
                raise ValueError(f"{name} must be between {DATE_EPOCH} and {MAX_DATE}")
        if self.end < self.start:
            raise ValueError("end must not be before start")


def _checked_text(name: str, value: str) -> str:
    text = unicodedata.normalize("NFC", value)
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        raise ValueError(f"{name} holds a control character")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise ValueError(f"{name} is longer than {MAX_TEXT_BYTES} bytes")
    return text


def make_id_hint(doc_type: DocumentType, doc_number: str | None, inmate_code: str) -> str:
    """Return the minimised identifier printed in the QR, e.g. ``"D410"``.

    One letter for the document type and the last three characters of the number (the
    inmate code when there is no document).  Why this and not a hash: a person holding
    the paper can compare three characters by eye with the number printed under the
    name, while they narrow nothing down for a stranger who reads the QR (one in a
    thousand); a hash prefix could only be compared by a computer holding the full
    record, which a verifier in another establishment does not have.

    Raises:
        ValueError: the number (or inmate code) is empty.
    """
    source = doc_number if doc_type is not DocumentType.NONE else inmate_code
    cleaned = (source or "").strip().upper()
    if not cleaned:
        raise ValueError("an identifier hint needs a document number or an inmate code")
    return _HINT_LETTERS[doc_type] + cleaned[-HINT_DIGITS:]


def describe_id_hint(hint: str) -> str:
    """Spell a hint out for people, e.g. ``"D410"`` → ``"DNI ***410"``."""
    label = _HINT_LABELS.get(hint[:1])
    if label is None:
        return hint
    return f"{label} ***{hint[1:]}"


# --- payload bytes ----------------------------------------------------------------------


def _days(value: date) -> int:
    return (value - DATE_EPOCH).days


def _standard_number(payload: CertificatePayload) -> tuple[int, int] | None:
    match = re.fullmatch(r".*-([0-9]{4})-([0-9]{6})", payload.number)
    if match is None:
        return None
    year, sequence = int(match.group(1)), int(match.group(2))
    try:
        rebuilt = certificate_number(payload.establishment_code, year, sequence)
    except ValueError:
        return None
    return (year, sequence) if rebuilt == payload.number else None


def _texts_encoding(payload: CertificatePayload) -> tuple[str, int]:
    texts = (getattr(payload, item.name) for item in fields(payload))
    try:
        for text in texts:
            if isinstance(text, str):
                text.encode("latin-1")
    except UnicodeEncodeError:
        return "utf-8", 0
    return "latin-1", _LATIN1


def encode(payload: CertificatePayload) -> bytes:
    """Return the canonical payload bytes (the bytes that are signed).

    Raises:
        ValueError: a text takes more than 255 bytes.
    """
    encoding, flags = _texts_encoding(payload)
    parts: list[bytes] = []

    def put_text(text: str) -> None:
        raw = text.encode(encoding)
        if len(raw) > MAX_TEXT_BYTES:
            raise ValueError(f"text longer than {MAX_TEXT_BYTES} bytes: {text[:20]!r}…")
        parts.append(bytes([len(raw)]) + raw)

    put_text(payload.establishment_code)
    standard = _standard_number(payload)
    if standard is not None:
        flags |= _NUMBER_STANDARD
        parts.append(struct.pack(">H", standard[0]) + standard[1].to_bytes(3, "big"))
    else:
        put_text(payload.number)
    for text in (payload.name, payload.id_hint, payload.trade):
        put_text(text)
    dates = (_days(payload.start), _days(payload.end), _days(payload.issued))
    parts.append(struct.pack(">4H", payload.hours, *dates))
    code_prefix = payload.establishment_code + "-"
    key_rest = payload.key_id.removeprefix(code_prefix)
    if key_rest and key_rest != payload.key_id:
        flags |= _KEY_UNDER_CODE
        put_text(key_rest)
    else:
        put_text(payload.key_id)
    return bytes([payload.version, flags]) + b"".join(parts)


class _Reader:
    """Reads the payload's fields in order; every shortfall is a ValueError."""

    def __init__(self, data: bytes, encoding: str) -> None:
        self.data = data
        self.at = 2
        self.encoding = encoding

    def take(self, count: int) -> bytes:
        if self.at + count > len(self.data):
            raise ValueError("payload is cut short")
        chunk = self.data[self.at : self.at + count]
        self.at += count
        return chunk

    def text(self) -> str:
        raw = self.take(self.take(1)[0])
        try:
            return raw.decode(self.encoding)
        except UnicodeDecodeError as exc:
            raise ValueError("payload text is not valid UTF-8") from exc


def decode(data: bytes) -> CertificatePayload:
    """Read payload bytes back.

    Raises:
        ValueError: with the reason: empty, unknown version or flags, cut short, extra
            bytes, bad text, a field out of range, or not in canonical form.
    """
    if len(data) < 2:
        raise ValueError("payload is empty or cut short")
    version, flags = data[0], data[1]
    if version != FORMAT_VERSION:
        raise ValueError(f"unknown payload version {version}")
    if flags & ~_KNOWN_FLAGS:
        raise ValueError(f"unknown payload flags {flags:#04x}")
    reader = _Reader(data, "latin-1" if flags & _LATIN1 else "utf-8")
    code = reader.text()
    if flags & _NUMBER_STANDARD:
        year = struct.unpack(">H", reader.take(2))[0]
        number = certificate_number(code, year, int.from_bytes(reader.take(3), "big"))
    else:
        number = reader.text()
    name, id_hint, trade = reader.text(), reader.text(), reader.text()
    hours, start, end, issued = struct.unpack(">4H", reader.take(8))
    key_id = reader.text()
    if flags & _KEY_UNDER_CODE:
        key_id = f"{code}-{key_id}"
    if reader.at != len(data):
        raise ValueError("payload has extra bytes at the end")
    payload = CertificatePayload(
        version=version,
        number=number,
        establishment_code=code,
        name=name,
        id_hint=id_hint,
        trade=trade,
        hours=hours,
        start=DATE_EPOCH + timedelta(days=start),
        end=DATE_EPOCH + timedelta(days=end),
        issued=DATE_EPOCH + timedelta(days=issued),
        key_id=key_id,
    )
    if encode(payload) != data:
        raise ValueError("payload is not in canonical form")
    return payload


def signing_input(payload_bytes: bytes) -> bytes:
    """The exact bytes the Ed25519 signature covers: context label + payload."""
    return SIGNATURE_CONTEXT + payload_bytes


# --- QR text and the stored column --------------------------------------------------------


def _base32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unbase32(text: str) -> bytes:
    if _BASE32.fullmatch(text) is None:
        raise ValueError("text has characters outside A-Z and 2-7")
    try:
        data = base64.b32decode(text + "=" * (-len(text) % 8))
    except binascii.Error as exc:
        raise ValueError("text has an impossible length") from exc
    if _base32(data) != text:
        # Spare bits at the end were not zero: not a text this program wrote.
        raise ValueError("text is damaged at the end")
    return data


def to_qr_text(payload_bytes: bytes, signature: bytes) -> str:
    """Return the text the QR holds: ``"CP1"`` + base32(payload ‖ signature).

    Raises:
        ValueError: the signature is not 64 bytes or the payload is empty.
    """
    if len(signature) != SIGNATURE_LENGTH:
        raise ValueError(f"an Ed25519 signature has {SIGNATURE_LENGTH} bytes")
    if not payload_bytes:
        raise ValueError("payload is empty")
    return QR_PREFIX + _base32(payload_bytes + signature)


def from_qr_text(text: str) -> tuple[bytes, bytes]:
    """Split scanned QR text into ``(payload_bytes, signature)``.

    Whitespace anywhere (a scanner's Enter or Tab, a line break from copying) and the
    case of letters (caps lock) are ignored.

    Raises:
        ValueError: not a certificate code, damaged, or too short to hold a signature.
    """
    compact = "".join(text.split()).upper()
    if not compact.startswith(QR_PREFIX):
        raise ValueError(f"text does not start with {QR_PREFIX}")
    data = _unbase32(compact[len(QR_PREFIX) :])
    if len(data) <= SIGNATURE_LENGTH:
        raise ValueError("text is too short to hold a signature")
    return data[:-SIGNATURE_LENGTH], data[-SIGNATURE_LENGTH:]


def to_stored_text(payload_bytes: bytes) -> str:
    """The payload as kept in ``Certificate.payload``: base32 text, exact on any database."""
    return _base32(payload_bytes)


def from_stored_text(text: str) -> bytes:
    """Read ``Certificate.payload`` back into the signed bytes.

    Raises:
        ValueError: the stored text is not base32.
    """
    return _unbase32(text)


def qr_text_from_stored(stored_payload: str, signature: bytes) -> str:
    """The QR text of an issued certificate, for reprints (no key or passphrase needed).

    Raises:
        ValueError: the stored payload or signature is malformed.
    """
    return to_qr_text(from_stored_text(stored_payload), signature)
