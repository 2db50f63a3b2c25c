import pytest
from hypothesis import given
from hypothesis import strategies as st

from carceles_desktop.domain.rules.serials import (
    certificate_number,
    delivery_number,
    parse_certificate_number,
    parse_delivery_number,
)

codes = st.from_regex(r"[A-Za-z0-9-]{1,30}", fullmatch=True)
sequences = st.integers(1, 999_999)
years = st.integers(1000, 9999)
series = st.from_regex(r"[A-Za-z0-9]{4}", fullmatch=True)


def test_certificate_number_format():
    assert certificate_number("LURIGANCHO", 2026, 123) == "EP-LURIGANCHO-2026-000123"
    assert certificate_number("ancon-ii", 2026, 999_999) == "EP-ANCON-II-2026-999999"


@pytest.mark.parametrize(
    ("code", "year", "sequence"),
    [
        ("LURIGANCHO", 2026, 0),
        ("LURIGANCHO", 2026, 1_000_000),
        ("LURIGANCHO", 2026, -1),
        ("CAÑETE", 2026, 1),
        ("ıCA", 2026, 1),  # dotless i would upper-case to an ASCII I
        ("SANTA MONICA", 2026, 1),
        ("", 2026, 1),
        ("LURIGANCHO", 999, 1),
        ("LURIGANCHO", 10_000, 1),
    ],
)
def test_certificate_number_rejects(code, year, sequence):
    with pytest.raises(ValueError, match="code|year|sequence"):
        certificate_number(code, year, sequence)


def test_parse_certificate_number_with_hyphenated_code():
    assert parse_certificate_number("EP-ANCON-II-2026-000123") == ("ANCON-II", 2026, 123)
    assert parse_certificate_number(" ep-lurigancho-2026-000001 ") == ("LURIGANCHO", 2026, 1)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "LURIGANCHO-2026-000123",
        "EP-LURIGANCHO-2026-123",
        "EP-LURIGANCHO-26-000123",
        "EP--2026-000123",
        "EP-LURIGANCHO-2026-000000",
        "EP-LURIGANCHO-0999-000001",
        "EP-LURIGANCHO-2026-0001234",
        "EP-LURI GANCHO-2026-000123",
        "EP-LURIGANCHO-2026-000123\nX",
    ],
)
def test_parse_certificate_number_rejects(text):
    with pytest.raises(ValueError, match="certificate number|sequence"):
        parse_certificate_number(text)


@given(codes, years, sequences)
def test_certificate_number_round_trip(code, year, sequence):
    text = certificate_number(code, year, sequence)
    assert parse_certificate_number(text) == (code.upper(), year, sequence)
    assert parse_certificate_number(text.lower()) == (code.upper(), year, sequence)


@given(codes, years, sequences, sequences)
def test_certificate_numbers_sort_by_sequence_within_a_year(code, year, a, b):
    assert (certificate_number(code, year, a) < certificate_number(code, year, b)) == (a < b)


def test_delivery_number_format():
    assert delivery_number("NE01", 1) == "NE01-000001"
    assert delivery_number("ne02", 123_456) == "NE02-123456"


@pytest.mark.parametrize(
    ("series_code", "sequence"),
    [("NE1", 1), ("NE001", 1), ("NE-1", 1), ("NÑ01", 1), ("NE01", 0), ("NE01", 1_000_000)],
)
def test_delivery_number_rejects(series_code, sequence):
    with pytest.raises(ValueError, match="series|sequence"):
        delivery_number(series_code, sequence)


@pytest.mark.parametrize(
    "text", ["", "NE01", "NE01-1", "NE01-0000001", "NE01-000000", "NE001-000001", "NE01_000001"]
)
def test_parse_delivery_number_rejects(text):
    with pytest.raises(ValueError, match="delivery note number|sequence"):
        parse_delivery_number(text)


@given(series, sequences)
def test_delivery_number_round_trip(series_code, sequence):
    text = delivery_number(series_code, sequence)
    assert parse_delivery_number(text) == (series_code.upper(), sequence)
    assert parse_delivery_number(f" {text.lower()} ") == (series_code.upper(), sequence)
