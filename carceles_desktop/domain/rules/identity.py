"""Peruvian identity numbers: DNI, RUC, foreign documents and ubigeo codes.

The algorithms are those published by RENIEC (the DNI check character printed after the
number) and SUNAT (the RUC check digit).  Validators take the text as typed, without
trimming: callers strip user input first, so that what is stored is what was checked.
"""

from __future__ import annotations

import math
import re

from carceles_desktop.i18n import QT_TRANSLATE_NOOP

DNI_LENGTH = 8
RUC_LENGTH = 11

_DNI_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
_DNI_DIGIT_CHECKS = "65432110987"
_DNI_LETTER_CHECKS = "KJIHGFEDCBA"
_RUC_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# 10 natural persons, 20 legal entities; 15, 16 and 17 are SUNAT's less common series.
_RUC_PREFIXES = frozenset({"10", "15", "16", "17", "20"})

# Explicit ASCII classes: str.isdigit() and \d would accept Arabic-Indic or full-width digits.
_DIGITS = re.compile(r"[0-9]+")
_FOREIGN_DOCUMENT = re.compile(r"[A-Za-z0-9]{1,12}")
_UBIGEO = re.compile(r"[0-9]{6}")
# Excel or a CSV export may show a number stored as float: "1234567.0".
_NUMERIC_TEXT = re.compile(r"([0-9]+)(?:\.0*)?")


def _is_digits(text: str, length: int) -> bool:
    return len(text) == length and _DIGITS.fullmatch(text) is not None


def dni_check_characters(dni: str) -> tuple[str, str]:
    """Return the two accepted forms of a DNI's check character.

    Args:
        dni: the 8 digits of the DNI.

    Returns:
        ``(digit form, letter form)``, e.g. ``("2", "G")`` for ``"10117410"``.

    Raises:
        ValueError: ``dni`` is not exactly 8 ASCII digits.
    """
    if not _is_digits(dni, DNI_LENGTH):
        raise ValueError(f"a DNI has exactly {DNI_LENGTH} digits: {dni!r}")
    c = sum(int(d) * w for d, w in zip(dni, _DNI_WEIGHTS, strict=True)) % 11
    return _DNI_DIGIT_CHECKS[c], _DNI_LETTER_CHECKS[c]


def is_valid_dni(number: str, check: str | None = None) -> bool:
    """Tell whether ``number`` is a DNI, and ``check`` (when given) its check character.

    Args:
        number: the DNI as typed: exactly 8 ASCII digits, leading zeros included.
        check: the check character printed after the number, digit or letter in either
            case; ``None`` or empty means it was not given.
    """
    return describe_dni_problem(number, check) is None


def describe_dni_problem(number: str, check: str | None = None) -> str | None:
    """Say what is wrong with a DNI, for the user.

    Args:
        number: the DNI as typed.
        check: the optional check character; ``None`` or empty means not given.

    Returns:
        An English source message marked for translation (context ``"errors"``), or
        ``None`` when the DNI is valid.
    """
    if not number:
        return QT_TRANSLATE_NOOP("errors", "Enter the DNI number.")
    if _DIGITS.fullmatch(number) is None:
        return QT_TRANSLATE_NOOP("errors", "A DNI has only digits.")
    if len(number) != DNI_LENGTH:
        return QT_TRANSLATE_NOOP(
            "errors", "A DNI has exactly 8 digits (keep the leading zeros, e.g. 01234567)."
        )
    if check:
        if len(check) != 1:
            return QT_TRANSLATE_NOOP(
                "errors", "The DNI check character is a single digit or letter."
            )
        if check.upper() not in dni_check_characters(number):
            return QT_TRANSLATE_NOOP(
                "errors", "The DNI check character does not match the number; check both."
            )
    return None


def restore_dni_zeros(value: str | int | float) -> tuple[str, bool]:
    """Turn a DNI that a spreadsheet stored as a number back into its 8 digits.

    Excel drops the leading zeros of a DNI typed into a number cell (01234567 becomes
    1234567, or 1234567.0 once read back); the importer restores them and warns.

    Args:
        value: the cell's value: text, an integer or an integral float.

    Returns:
        ``(dni, restored)``: the 8-digit DNI and whether zeros had to be added.

    Raises:
        ValueError: the value cannot be a DNI (letters, more than 8 digits, negative,
            fractional, not finite, empty or a boolean).
    """
    if isinstance(value, bool):
        raise ValueError(f"not a DNI: {value!r}")
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValueError(f"not a DNI: {value!r}")
        value = int(value)
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"not a DNI: {value!r}")
        digits = str(value)
    else:
        match = _NUMERIC_TEXT.fullmatch(value.strip())
        if match is None:
            raise ValueError(f"not a DNI: {value!r}")
        digits = match.group(1)
    if len(digits) > DNI_LENGTH:
        raise ValueError(f"more than {DNI_LENGTH} digits: {value!r}")
    return digits.zfill(DNI_LENGTH), len(digits) < DNI_LENGTH


def ruc_check_digit(first_ten: str) -> int:
    """Compute SUNAT's check digit for the first ten digits of a RUC.

    Raises:
        ValueError: ``first_ten`` is not exactly 10 ASCII digits.
    """
    if not _is_digits(first_ten, RUC_LENGTH - 1):
        raise ValueError(f"expected the first {RUC_LENGTH - 1} digits of a RUC: {first_ten!r}")
    total = sum(int(d) * w for d, w in zip(first_ten, _RUC_WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def is_valid_ruc(ruc: str) -> bool:
    """Tell whether ``ruc`` is 11 digits with a known prefix and the right check digit."""
    return describe_ruc_problem(ruc) is None


def describe_ruc_problem(ruc: str) -> str | None:
    """Say what is wrong with a RUC, for the user.

    Returns:
        An English source message marked for translation (context ``"errors"``), or
        ``None`` when the RUC is valid.
    """
    if not ruc:
        return QT_TRANSLATE_NOOP("errors", "Enter the RUC number.")
    if _DIGITS.fullmatch(ruc) is None:
        return QT_TRANSLATE_NOOP("errors", "A RUC has only digits.")
    if len(ruc) != RUC_LENGTH:
        return QT_TRANSLATE_NOOP("errors", "A RUC has exactly 11 digits.")
    if ruc[:2] not in _RUC_PREFIXES:
        return QT_TRANSLATE_NOOP("errors", "A RUC starts with 10, 15, 16, 17 or 20.")
    if ruc_check_digit(ruc[:10]) != int(ruc[10]):
        return QT_TRANSLATE_NOOP(
            "errors", "The RUC's last digit does not match the others; check for a typing mistake."
        )
    return None


def ruc_for_dni(dni: str) -> str:
    """Return the RUC of a natural person with this DNI: ``"10"`` + DNI + check digit.

    Raises:
        ValueError: ``dni`` is not exactly 8 ASCII digits.
    """
    if not _is_digits(dni, DNI_LENGTH):
        raise ValueError(f"a DNI has exactly {DNI_LENGTH} digits: {dni!r}")
    first_ten = "10" + dni
    return first_ten + str(ruc_check_digit(first_ten))


def is_valid_foreign_document(text: str) -> bool:
    """Tell whether ``text`` can be a carné de extranjería or passport number.

    Such numbers carry no checksum: 1 to 12 ASCII letters and digits.
    """
    return _FOREIGN_DOCUMENT.fullmatch(text) is not None


def is_valid_ubigeo(text: str) -> bool:
    """Tell whether ``text`` can be an INEI ubigeo (department, province, district).

    Six digits; the department (first two) is 01 to 25 (24 departments and Callao).
    """
    return _UBIGEO.fullmatch(text) is not None and 1 <= int(text[:2]) <= 25
