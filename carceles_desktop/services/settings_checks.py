"""Checks on each setting's new value (used by :mod:`.settings`).

Every check takes a value as the settings screen or the command line holds it (numbers
as text or Decimal, dates as ``YYYY-MM-DD``), returns it normalised, or raises a
:class:`~carceles_desktop.errors.ValidationError` whose ``field`` is the setting's name
and whose message names the setting as the screen labels it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from contextlib import suppress
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, NamedTuple, NoReturn

from carceles_desktop.domain.rules.identity import is_valid_ruc
from carceles_desktop.errors import ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

#: Institution presets: name and acronym printed on documents.  DL 1710 (Feb 2026) merges
#: INPE into SUNIR, so an installation switches when its establishment does.
PRESETS: dict[str, tuple[str, str]] = {
    "INPE": ("Instituto Nacional Penitenciario", "INPE"),
    "SUNIR": ("Superintendencia Nacional de Internamiento y Resocialización", "SUNIR"),
}

#: Where the 20 % reparation share goes when a trainee owes no civil reparation (the
#: sources do not say, so the institution decides): added to the institution's 10 % for
#: reinvestment in workshops, added to the trainee's own 70 %, or held in a reserve
#: account until an authority decides.
REPARATION_DESTINATIONS: dict[str, str] = {
    "fondo_institucional": "Fondo institucional de reinversión en talleres",
    "interno": "Al interno (se suma a su parte)",
    "cuenta_reserva": "Cuenta de reserva hasta que la autoridad decida",
}

#: Who may sign a certificate, in order of rank: the establishment's director, the head
#: of work (*jefe de trabajo*), and the workshop's instructor or supervisor.
SIGNATORY_ROLES: tuple[str, ...] = ("director", "jefe_trabajo", "instructor")


class Signatory(NamedTuple):
    """A signature line: role key (one of :data:`SIGNATORY_ROLES`), name and title."""

    role: str
    name: str
    title: str


UNKNOWN_SETTING = QT_TRANSLATE_NOOP("errors", "There is no setting called {name}.")
UNKNOWN_ESTABLISHMENT = QT_TRANSLATE_NOOP(
    "errors", "The establishment of this installation: no establishment has the code {code}."
)
LIMIT_BELOW_MINIMUM = QT_TRANSLATE_NOOP(
    "errors",
    "The daily hour limit cannot be less than the minimum hours of a valid work day ({minimum} h).",
)

_MESSAGES: dict[str, str] = {
    "institution_name": QT_TRANSLATE_NOOP(
        "errors", "Enter the institution's name (at most 200 characters)."
    ),
    "institution_acronym": QT_TRANSLATE_NOOP(
        "errors", "Enter the institution's acronym (at most 20 characters)."
    ),
    "institution_ruc": QT_TRANSLATE_NOOP(
        "errors",
        "The institution's RUC must have 11 digits, start with 10, 15, 16, 17 or 20 and "
        "end with the right check digit.",
    ),
    "institution_preset": QT_TRANSLATE_NOOP(
        "errors", "The institution preset must be one of {choices}."
    ),
    "logo_path": QT_TRANSLATE_NOOP(
        "errors", "The logo must be an existing PNG or JPEG file: {value} is not one."
    ),
    "establishment_code": QT_TRANSLATE_NOOP(
        "errors", "The establishment of this installation must be given by its code."
    ),
    "signatories": QT_TRANSLATE_NOOP(
        "errors",
        "Signatories: each line needs a role ({choices}, each at most once), a name of at "
        "most 120 characters and a title of 1 to 120 characters.",
    ),
    "daily_hour_limit": QT_TRANSLATE_NOOP(
        "errors", "The daily hour limit must be between 1 and 24 hours, with at most 2 decimals."
    ),
    "minimum_valid_day_hours": QT_TRANSLATE_NOOP(
        "errors",
        "The minimum hours of a valid work day must be more than 0 and at most the daily "
        "hour limit ({limit} h), with at most 2 decimals.",
    ),
    "pass_grade": QT_TRANSLATE_NOOP(
        "errors", "The pass grade must be a whole number from 0 to 20."
    ),
    "reparation_destination_when_none_owed": QT_TRANSLATE_NOOP(
        "errors", "Where the reparation share goes when none is owed must be one of {choices}."
    ),
    "idle_lock_minutes": QT_TRANSLATE_NOOP(
        "errors", "The idle lock must be a whole number of minutes from 1 to 240."
    ),
    "minimum_wage": QT_TRANSLATE_NOOP(
        "errors",
        "The minimum wage must be more than 0 and less than 100000 soles, with at most 2 decimals.",
    ),
    "minimum_wage_valid_from": QT_TRANSLATE_NOOP(
        "errors", "The date the minimum wage applies from must be a date (YYYY-MM-DD)."
    ),
    "certificate_series_book": QT_TRANSLATE_NOOP(
        "errors", "The certificate book must be 1 to 20 letters, digits, dashes or dots."
    ),
    "delivery_series": QT_TRANSLATE_NOOP(
        "errors", "The delivery-note series must be a letter and three letters or digits (NE01)."
    ),
    "backup_folder": QT_TRANSLATE_NOOP(
        "errors", "The backup folder must be a full path, such as D:\\Copias (or empty)."
    ),
    "backup_interval_minutes": QT_TRANSLATE_NOOP(
        "errors", "The backup interval must be a whole number of minutes from 5 to 1440."
    ),
    "backup_encrypt": QT_TRANSLATE_NOOP("errors", "Encrypting backups must be on or off."),
}

_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})
_BOOK = re.compile(r"[A-Za-z0-9.\-]{1,20}")
_SERIES = re.compile(r"[A-Z][A-Z0-9]{3}")
_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,29}")
_CENTS = Decimal("0.01")


def _refuse(name: str, **params: Any) -> NoReturn:
    raise ValidationError(_MESSAGES[name], field=name, **params)


def _text(name: str, value: Any, rule: re.Pattern[str] | int) -> str:
    """Check a non-empty text against a pattern or a maximum length; trims it."""
    if not isinstance(value, str) or not value.strip():
        _refuse(name, value=value)
    text = value.strip()
    fits = len(text) <= rule if isinstance(rule, int) else rule.fullmatch(text) is not None
    if not fits:
        _refuse(name, value=text)
    return text


def _optional_text(name: str, value: Any, rule: re.Pattern[str] | int) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _text(name, value, rule)


def _decimal(name: str, value: Any, low: Decimal, high: Decimal, **params: Any) -> Decimal:
    """Check a number with at most two decimals from ``low`` to ``high`` inclusive."""
    number: Decimal | None = None
    # Floats are refused: 0.1 + 0.2 is not 0.3, and these values end up in ledgers.
    if isinstance(value, (Decimal, int, str)) and not isinstance(value, bool):
        with suppress(InvalidOperation):
            number = Decimal(str(value).strip())
    if number is None or not number.is_finite() or number != number.quantize(_CENTS):
        _refuse(name, **params)
    if not low <= number <= high:
        _refuse(name, **params)
    return number


def _whole(name: str, value: Any, low: int, high: int) -> int:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not low <= number <= high:
        _refuse(name)
    return number


def _choice(name: str, value: Any, choices: Mapping[str, Any]) -> str:
    if not isinstance(value, str) or value.strip() not in choices:
        _refuse(name, choices=", ".join(choices))
    return value.strip()


def check_preset(value: Any) -> str:
    """Return the preset key, or refuse one that is not in :data:`PRESETS`."""
    return _choice("institution_preset", value, PRESETS)


def check_minimum_hours(value: Any, limit: Decimal) -> Decimal:
    """Check the hours that make a day count: more than 0, at most ``limit``.

    Zero would let days without work count toward redemption.
    """
    return _decimal("minimum_valid_day_hours", value, _CENTS, limit, limit=str(limit))


def _ruc(value: Any) -> str:
    ruc = _text("institution_ruc", value, 11)
    if not is_valid_ruc(ruc):
        _refuse("institution_ruc")
    return ruc


def _logo(value: Any) -> str | None:
    text = _optional_text("logo_path", value, 500)
    if text is None:
        return None
    if Path(text).suffix.lower() not in _IMAGE_SUFFIXES or not Path(text).is_file():
        _refuse("logo_path", value=text)
    return text


def _folder(value: Any) -> str | None:
    text = _optional_text("backup_folder", value, 500)
    if text is None:
        return None
    # Checked as text only: the backup drive may be unplugged right now.
    if not (PureWindowsPath(text).is_absolute() or PurePosixPath(text).is_absolute()):
        _refuse("backup_folder")
    return text


def _signatory(item: Any) -> Signatory:
    choices = ", ".join(SIGNATORY_ROLES)
    if isinstance(item, str) or not isinstance(item, (list, tuple)) or len(item) != 3:
        _refuse("signatories", choices=choices)
    if not all(isinstance(part, str) for part in item):
        _refuse("signatories", choices=choices)
    role, person, title = (part.strip() for part in item)
    if role not in SIGNATORY_ROLES or len(person) > 120 or not 1 <= len(title) <= 120:
        _refuse("signatories", choices=choices)
    return Signatory(role, person, title)


def _signatories(value: Any) -> tuple[Signatory, ...]:
    if not isinstance(value, (list, tuple)) or not value:
        _refuse("signatories", choices=", ".join(SIGNATORY_ROLES))
    lines = tuple(_signatory(item) for item in value)
    if len({line.role for line in lines}) != len(lines):
        _refuse("signatories", choices=", ".join(SIGNATORY_ROLES))
    return lines


def _on_off(value: Any) -> bool:
    if not isinstance(value, bool):
        _refuse("backup_encrypt")
    return value


def _day(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        with suppress(ValueError):
            return date.fromisoformat(value.strip())
    _refuse("minimum_wage_valid_from")


#: One check per setting except ``minimum_valid_day_hours`` (see
#: :func:`check_minimum_hours`, which needs the daily limit).
CHECKS: dict[str, Callable[[Any], Any]] = {
    "institution_name": lambda v: _text("institution_name", v, 200),
    "institution_acronym": lambda v: _text("institution_acronym", v, 20),
    "institution_ruc": _ruc,
    "institution_preset": check_preset,
    "logo_path": _logo,
    "establishment_code": lambda v: _optional_text("establishment_code", v, _CODE),
    "signatories": _signatories,
    "daily_hour_limit": lambda v: _decimal("daily_hour_limit", v, Decimal(1), Decimal(24)),
    "pass_grade": lambda v: _whole("pass_grade", v, 0, 20),
    "reparation_destination_when_none_owed": lambda v: _choice(
        "reparation_destination_when_none_owed", v, REPARATION_DESTINATIONS
    ),
    "idle_lock_minutes": lambda v: _whole("idle_lock_minutes", v, 1, 240),
    "minimum_wage": lambda v: _decimal("minimum_wage", v, _CENTS, Decimal("99999.99")).quantize(
        _CENTS
    ),
    "minimum_wage_valid_from": _day,
    "certificate_series_book": lambda v: _text("certificate_series_book", v, _BOOK),
    "delivery_series": lambda v: _text("delivery_series", v, _SERIES),
    "backup_folder": _folder,
    "backup_interval_minutes": lambda v: _whole("backup_interval_minutes", v, 5, 1440),
    "backup_encrypt": _on_off,
}
