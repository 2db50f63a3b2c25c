"""Printed serial numbers of certificates and delivery notes.

Certificates are numbered per establishment and year, ``EP-LURIGANCHO-2026-000123``;
delivery notes per series, ``NE01-000001``.  The numbers themselves come from the
gapless ``NumberSeries`` counters; this module only formats and reads them back.
"""

from __future__ import annotations

import re

SEQUENCE_DIGITS = 6
MAX_SEQUENCE = 10**SEQUENCE_DIGITS - 1
SERIES_LENGTH = 4

_CERTIFICATE_PREFIX = "EP-"
_ESTABLISHMENT_CODE = re.compile(r"[A-Z0-9-]+")
_SERIES = re.compile(r"[A-Z0-9]{4}")
# The code may itself contain hyphens: the year and the sequence are the last two parts.
_CERTIFICATE_NUMBER = re.compile(r"EP-([A-Z0-9-]+)-([0-9]{4})-([0-9]{6})")
_DELIVERY_NUMBER = re.compile(r"([A-Z0-9]{4})-([0-9]{6})")


def _ascii_upper(text: str) -> str:
    # Only ASCII is upper-cased: str.upper() would turn "ı" into "I" and "ß" into "SS",
    # letting look-alike characters pass as a valid code.
    return text.upper() if text.isascii() else text


def _check_sequence(sequence: int) -> None:
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise ValueError(f"sequence must be 1 to {MAX_SEQUENCE}: {sequence}")


def certificate_number(establishment_code: str, year: int, sequence: int) -> str:
    """Format a certificate's number, e.g. ``EP-LURIGANCHO-2026-000123``.

    Args:
        establishment_code: ASCII letters, digits and hyphens (upper-cased here).
        year: the year of issue, four digits.
        sequence: the certificate's number in that establishment and year, 1 to 999999.

    Raises:
        ValueError: the code has other characters, or year or sequence is out of range.
    """
    code = _ascii_upper(establishment_code)
    if _ESTABLISHMENT_CODE.fullmatch(code) is None:
        raise ValueError(f"establishment code must be A-Z, 0-9 and '-': {establishment_code!r}")
    if not 1000 <= year <= 9999:
        raise ValueError(f"year must have four digits: {year}")
    _check_sequence(sequence)
    return f"{_CERTIFICATE_PREFIX}{code}-{year:04d}-{sequence:0{SEQUENCE_DIGITS}d}"


def parse_certificate_number(text: str) -> tuple[str, int, int]:
    """Read a certificate's number back into its parts.

    Surrounding spaces and lower case are accepted, as when the number is typed in.

    Returns:
        ``(establishment_code, year, sequence)``.

    Raises:
        ValueError: ``text`` is not a certificate number.
    """
    match = _CERTIFICATE_NUMBER.fullmatch(_ascii_upper(text.strip()))
    if match is None:
        raise ValueError(f"not a certificate number: {text!r}")
    code, year, sequence = match.group(1), int(match.group(2)), int(match.group(3))
    _check_sequence(sequence)
    if year < 1000:
        raise ValueError(f"not a certificate number: {text!r}")
    return code, year, sequence


def delivery_number(series: str, sequence: int) -> str:
    """Format a delivery note's number, e.g. ``NE01-000001``.

    Args:
        series: four ASCII letters and digits (upper-cased here).
        sequence: the note's number within the series, 1 to 999999.

    Raises:
        ValueError: the series is malformed or the sequence out of range.
    """
    code = _ascii_upper(series)
    if _SERIES.fullmatch(code) is None:
        raise ValueError(f"series must be {SERIES_LENGTH} letters and digits: {series!r}")
    _check_sequence(sequence)
    return f"{code}-{sequence:0{SEQUENCE_DIGITS}d}"


def parse_delivery_number(text: str) -> tuple[str, int]:
    """Read a delivery note's number back into ``(series, sequence)``.

    Raises:
        ValueError: ``text`` is not a delivery note number.
    """
    match = _DELIVERY_NUMBER.fullmatch(_ascii_upper(text.strip()))
    if match is None:
        raise ValueError(f"not a delivery note number: {text!r}")
    sequence = int(match.group(2))
    _check_sequence(sequence)
    return match.group(1), sequence
