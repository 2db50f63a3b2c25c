"""Dates in Spanish and Peru's national holidays.

Documents print dates the Peruvian way ("30 de noviembre de 2026") whatever the language
of the interface, and the attendance sheet marks national holidays (feriados).
"""

from __future__ import annotations

from datetime import date, timedelta

#: Month names, January first; ``MONTHS_ES[month - 1]``.
MONTHS_ES: tuple[str, ...] = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
)

#: Weekday initials, Monday first, indexed by ``date.weekday()``.
WEEKDAY_INITIALS_ES: tuple[str, ...] = ("L", "M", "M", "J", "V", "S", "D")


def spanish_long_date(d: date) -> str:
    """Write a date in words, e.g. ``"30 de noviembre de 2026"``."""
    return f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}"


def spanish_month_year(year: int, month: int) -> str:
    """Write a month of a year, e.g. ``"noviembre de 2026"``.

    Raises:
        ValueError: ``month`` is not 1 to 12.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12: {month}")
    return f"{MONTHS_ES[month - 1]} de {year}"


def easter_sunday(year: int) -> date:
    """Return Easter Sunday of a year in the Gregorian calendar.

    Uses the anonymous Gregorian computus (Meeus/Jones/Butcher).

    Raises:
        ValueError: ``year`` is before the Gregorian reform (1583) or after 9999.
    """
    if not 1583 <= year <= 9999:
        raise ValueError(f"year out of the Gregorian range: {year}")
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century + 8) // 25
    solar_correction = (century - moon_correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - solar_correction + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    late = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * late + 114, 31)
    return date(year, month, day + 1)


# (month, day, name, first year observed) of the fixed-date holidays.
_FIXED_HOLIDAYS: tuple[tuple[int, int, str, int], ...] = (
    (1, 1, "Año Nuevo", 0),
    (5, 1, "Día del Trabajo", 0),
    (6, 7, "Día de la Batalla de Arica y de la Bandera", 2024),
    (6, 29, "Día de San Pedro y San Pablo", 0),
    (7, 23, "Día de la Fuerza Aérea del Perú", 2023),
    (7, 28, "Fiestas Patrias", 0),
    (7, 29, "Fiestas Patrias", 0),
    (8, 6, "Día de la Batalla de Junín", 2022),
    (8, 30, "Santa Rosa de Lima", 0),
    (10, 8, "Combate de Angamos", 0),
    (11, 1, "Todos los Santos", 0),
    (12, 8, "Inmaculada Concepción", 0),
    (12, 9, "Batalla de Ayacucho", 2022),
    (12, 25, "Navidad", 0),
)


def peru_national_holidays(year: int) -> list[tuple[date, str]]:
    """List Peru's national holidays of a year, in date order, with Spanish names.

    Holidays created by recent laws (7 June since 2024, 23 July since 2023, 6 August and
    9 December since 2022) appear only from their first year.

    Raises:
        ValueError: ``year`` is outside 1583–9999 (see :func:`easter_sunday`).
    """
    easter = easter_sunday(year)
    holidays = [
        (date(year, month, day), name)
        for month, day, name, since in _FIXED_HOLIDAYS
        if year >= since
    ]
    holidays.append((easter - timedelta(days=3), "Jueves Santo"))
    holidays.append((easter - timedelta(days=2), "Viernes Santo"))
    return sorted(holidays)
