import math
import re
import struct
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from carceles_desktop.domain.enums import DocumentType
from carceles_desktop.domain.rules.certificate_payload import (
    DATE_EPOCH,
    MAX_DATE,
    QR_PREFIX,
    SIGNATURE_LENGTH,
    CertificatePayload,
    decode,
    describe_id_hint,
    encode,
    from_qr_text,
    from_stored_text,
    make_id_hint,
    qr_text_from_stored,
    to_qr_text,
    to_stored_text,
)

LONG = CertificatePayload(
    number="EP-MUJERES-CHORRILLOS-2026-000123",
    establishment_code="MUJERES-CHORRILLOS",
    name="María de los Ángeles Quispe Ñahuincopa de la Cruz",
    id_hint="D410",
    trade="Confección textil",
    hours=120,
    start=date(2026, 3, 1),
    end=date(2026, 8, 30),
    issued=date(2026, 11, 30),
    key_id="MUJERES-CHORRILLOS-2026-A3F9",
)
SIGNATURE = bytes(range(64))
# Characters that every QWERTY layout (es-PE and Latin American included) types alike.
KEYBOARD_SAFE = re.compile(r"[A-Z0-9]+")

texts = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40)
days = st.dates(min_value=DATE_EPOCH, max_value=MAX_DATE)


@st.composite
def payloads(draw):
    start, end = sorted([draw(days), draw(days)])
    code = draw(st.one_of(st.from_regex(r"[A-Z0-9-]{1,24}", fullmatch=True), texts))
    number = draw(
        st.one_of(
            st.builds(
                lambda y, s: f"EP-{code}-{y:04d}-{s:06d}",
                st.integers(1000, 9999),
                st.integers(1, 999_999),
            ),
            texts,
        )
    )
    key_id = draw(st.one_of(st.builds(lambda rest: f"{code}-{rest}", texts), texts))
    fields = {
        "number": number,
        "establishment_code": code,
        "name": draw(texts),
        "id_hint": draw(st.one_of(st.just(""), texts)),
        "trade": draw(texts),
        "key_id": key_id,
    }
    assume(all(len(unicodedata.normalize("NFC", v).encode()) <= 255 for v in fields.values()))
    return CertificatePayload(
        hours=draw(st.integers(0, 0xFFFF)),
        start=start,
        end=end,
        issued=draw(days),
        **fields,
    )


def test_the_long_example_fits_in_300_characters_of_keyboard_safe_text():
    data = encode(LONG)
    text = to_qr_text(data, SIGNATURE)
    assert len(data) == 117
    assert len(text) == 293
    assert text.startswith(QR_PREFIX)
    assert KEYBOARD_SAFE.fullmatch(text)
    assert from_qr_text(text) == (data, SIGNATURE)
    assert decode(data) == LONG


def test_accents_survive_as_bytes_not_as_typed_characters():
    text = to_qr_text(encode(LONG), SIGNATURE)
    assert "Ñ" not in text
    assert "á" not in text
    payload_bytes, _ = from_qr_text(text)
    assert decode(payload_bytes).name == "María de los Ángeles Quispe Ñahuincopa de la Cruz"


@given(payloads())
def test_round_trip(payload):
    data = encode(payload)
    assert decode(data) == payload
    assert encode(decode(data)) == data


@given(payloads(), st.binary(min_size=64, max_size=64))
def test_qr_text_round_trip_and_length(payload, signature):
    data = encode(payload)
    text = to_qr_text(data, signature)
    assert KEYBOARD_SAFE.fullmatch(text)
    assert len(text) == len(QR_PREFIX) + math.ceil(8 * (len(data) + SIGNATURE_LENGTH) / 5)
    # Caps lock, a scanner's Enter or Tab, a line break from copying.
    mangled = "  " + text[:50].lower() + "\n" + text[50:] + "\t\r\n"
    assert from_qr_text(mangled) == (data, signature)


@given(payloads())
def test_payload_size_is_the_texts_plus_a_fixed_overhead(payload):
    text_bytes = sum(
        len(getattr(payload, name).encode("utf-8"))
        for name in ("number", "establishment_code", "name", "id_hint", "trade", "key_id")
    )
    # version, flags, six length bytes, hours and three dates.
    assert len(encode(payload)) <= text_bytes + 2 + 6 + 8


def test_standard_number_and_key_id_are_not_repeated():
    literal = replace(LONG, number="Libro 3 folio 12", key_id="OTHER-KEY")
    assert len(encode(LONG)) < len(encode(literal))
    assert decode(encode(literal)) == literal
    assert b"MUJERES-CHORRILLOS" in encode(LONG)
    assert encode(LONG).count(b"MUJERES-CHORRILLOS") == 1


def test_lowercase_code_with_a_standard_number_round_trips():
    payload = replace(LONG, establishment_code="mujeres-chorrillos")
    assert decode(encode(payload)) == payload


def test_texts_outside_latin1_fall_back_to_utf8():
    payload = replace(LONG, name="Li Wei 李伟")
    data = encode(payload)
    assert "李伟".encode() in data
    assert decode(data) == payload


def test_decomposed_accents_sign_as_composed():
    decomposed = unicodedata.normalize("NFD", LONG.name)
    assert decomposed != LONG.name
    assert replace(LONG, name=decomposed) == LONG
    assert encode(replace(LONG, name=decomposed)) == encode(LONG)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"name": ""}, "name must not be empty"),
        ({"number": ""}, "number must not be empty"),
        ({"key_id": ""}, "key_id must not be empty"),
        ({"name": "Ana\nMaría"}, "control character"),
        ({"trade": "x" * 256}, "longer than 255"),
        ({"hours": -1}, "hours"),
        ({"hours": 65536}, "hours"),
        ({"end": date(2026, 2, 28)}, "end must not be before start"),
        ({"issued": date(1999, 12, 31)}, "issued must be between"),
        ({"start": date(1999, 1, 1)}, "start must be between"),
        ({"end": MAX_DATE + timedelta(days=1)}, "end must be between"),
        ({"version": 2}, "unsupported payload version"),
    ],
)
def test_fields_that_cannot_be_represented_are_refused(change, reason):
    with pytest.raises(ValueError, match=reason):
        replace(LONG, **change)


def test_every_truncation_is_refused():
    data = encode(LONG)
    for cut in range(len(data)):
        with pytest.raises(ValueError, match="cut short|empty|canonical|extra"):
            decode(data[:cut])


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda d: d + b"\x00", "extra bytes"),
        (lambda d: b"\x02" + d[1:], "unknown payload version 2"),
        (lambda d: d[:1] + bytes([d[1] | 0x80]) + d[2:], "unknown payload flags"),
    ],
)
def test_malformed_payloads_are_refused(mangle, reason):
    with pytest.raises(ValueError, match=reason):
        decode(mangle(encode(LONG)))


def test_a_non_canonical_encoding_is_refused():
    # The standard number written out in full instead of as year and sequence.
    data = encode(LONG)
    code_end = 2 + 1 + len(b"MUJERES-CHORRILLOS")
    number = LONG.number.encode()
    spelled = (
        data[:1]
        + bytes([data[1] & ~0x01])
        + data[2:code_end]
        + bytes([len(number)])
        + number
        + data[code_end + 5 :]
    )
    assert struct.unpack(">H", data[code_end : code_end + 2])[0] == 2026
    with pytest.raises(ValueError, match="canonical"):
        decode(spelled)


def test_bad_utf8_is_refused():
    payload = replace(LONG, name="Li Wei 李伟")
    data = bytearray(encode(payload))
    data[data.index("李".encode())] = 0xFF
    with pytest.raises(ValueError, match="UTF-8"):
        decode(bytes(data))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "does not start with"),
        ("HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC", "does not start with"),
        ("CP1AAAA0AAA", "outside A-Z and 2-7"),
        ("CP1AB-CD", "outside A-Z and 2-7"),
        ("CP1A", "impossible length"),
        ("CP1" + "A" * 96, "too short"),
    ],
)
def test_text_that_is_not_a_certificate_code_is_refused(text, reason):
    with pytest.raises(ValueError, match=reason):
        from_qr_text(text)


def test_text_with_spare_bits_set_is_refused():
    text = to_qr_text(encode(LONG), SIGNATURE)
    # 181 bytes = 1448 bits: the last character carries 3 of them and 2 spare bits;
    # setting its lowest bit sets a spare one.
    assert (117 + 64) * 8 % 5 != 0
    last = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".index(text[-1])
    damaged = text[:-1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[last | 1]
    assert damaged != text
    with pytest.raises(ValueError, match="damaged"):
        from_qr_text(damaged)


def test_signature_must_have_64_bytes():
    with pytest.raises(ValueError, match="64 bytes"):
        to_qr_text(encode(LONG), b"short")


def test_stored_text_round_trip_and_reprint_text():
    data = encode(LONG)
    stored = to_stored_text(data)
    assert KEYBOARD_SAFE.fullmatch(stored)
    assert from_stored_text(stored) == data
    assert qr_text_from_stored(stored, SIGNATURE) == to_qr_text(data, SIGNATURE)


@pytest.mark.parametrize(
    ("doc_type", "number", "inmate", "hint", "spelled"),
    [
        (DocumentType.DNI, "10117410", "I-123", "D410", "DNI ***410"),
        (DocumentType.CARNE_EXTRANJERIA, "ab001234", "I-123", "E234", "CE ***234"),
        (DocumentType.PASAPORTE, "X9", "I-123", "PX9", "Pasaporte ***X9"),
        (DocumentType.NONE, None, "lur-00789", "I789", "Código de interno ***789"),
    ],
)
def test_id_hint_keeps_three_characters(doc_type, number, inmate, hint, spelled):
    assert make_id_hint(doc_type, number, inmate) == hint
    assert describe_id_hint(hint) == spelled


def test_id_hint_needs_something_to_show():
    with pytest.raises(ValueError, match="needs a document number"):
        make_id_hint(DocumentType.DNI, "  ", "I-1")
    assert describe_id_hint("") == ""
    assert describe_id_hint("Z12") == "Z12"
