from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carceles_desktop.domain.rules.calendar import (
    MONTHS_ES,
    WEEKDAY_INITIALS_ES,
    easter_sunday,
    peru_national_holidays,
    spanish_long_date,
    spanish_month_year,
)


def test_spanish_dates():
    assert spanish_long_date(date(2026, 11, 30)) == "30 de noviembre de 2026"
    assert spanish_long_date(date(2026, 1, 1)) == "1 de enero de 2026"
    assert spanish_month_year(2026, 11) == "noviembre de 2026"
    assert spanish_month_year(2026, 12) == "diciembre de 2026"


@pytest.mark.parametrize("month", [0, 13])
def test_spanish_month_year_rejects_bad_month(month):
    with pytest.raises(ValueError, match="month"):
        spanish_month_year(2026, month)


def test_names_and_initials():
    assert len(MONTHS_ES) == 12
    assert MONTHS_ES[0] == "enero"
    assert MONTHS_ES[-1] == "diciembre"
    assert WEEKDAY_INITIALS_ES == ("L", "M", "M", "J", "V", "S", "D")
    assert WEEKDAY_INITIALS_ES[date(2026, 11, 30).weekday()] == "L"  # a Monday


@pytest.mark.parametrize(
    "easter",
    [
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2000, 4, 23),
        date(2019, 4, 21),
        date(1818, 3, 22),  # earliest possible
        date(2038, 4, 25),  # latest possible
        date(2285, 3, 22),
    ],
)
def test_easter_of_known_years(easter):
    assert easter_sunday(easter.year) == easter


def _gauss_easter(year):
    # Gauss's method with its two exceptions: an independent reference for the property test.
    a, b, c = year % 19, year % 4, year % 7
    k = year // 100
    p = (13 + 8 * k) // 25
    q = k // 4
    m = (15 - p + k - q) % 30
    n = (4 + k - q) % 7
    d = (19 * a + m) % 30
    e = (2 * b + 4 * c + 6 * d + n) % 7
    if d == 29 and e == 6:
        return date(year, 4, 19)
    if d == 28 and e == 6 and (11 * m + 11) % 30 < 19:
        return date(year, 4, 18)
    return date(year, 3, 22) + timedelta(days=d + e)


@given(st.integers(1583, 9999))
def test_easter_is_a_sunday_in_its_window_and_agrees_with_gauss(year):
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)
    assert easter == _gauss_easter(year)


@pytest.mark.parametrize("year", [1582, 10_000])
def test_easter_outside_the_gregorian_range(year):
    with pytest.raises(ValueError, match="year"):
        easter_sunday(year)


def test_holidays_of_2026():
    holidays = dict(peru_national_holidays(2026))
    assert holidays[date(2026, 4, 2)] == "Jueves Santo"
    assert holidays[date(2026, 4, 3)] == "Viernes Santo"
    assert holidays[date(2026, 1, 1)] == "Año Nuevo"
    assert holidays[date(2026, 6, 7)] == "Día de la Batalla de Arica y de la Bandera"
    assert holidays[date(2026, 7, 23)] == "Día de la Fuerza Aérea del Perú"
    assert holidays[date(2026, 7, 28)] == holidays[date(2026, 7, 29)] == "Fiestas Patrias"
    assert holidays[date(2026, 8, 6)] == "Día de la Batalla de Junín"
    assert holidays[date(2026, 8, 30)] == "Santa Rosa de Lima"
    assert holidays[date(2026, 12, 9)] == "Batalla de Ayacucho"
    assert holidays[date(2026, 12, 25)] == "Navidad"
    assert len(holidays) == 16


@pytest.mark.parametrize(
    ("year", "absent"),
    [
        (2023, date(2023, 6, 7)),
        (2022, date(2022, 7, 23)),
        (2021, date(2021, 8, 6)),
        (2021, date(2021, 12, 9)),
    ],
)
def test_new_holidays_start_in_their_year(year, absent):
    dates = [d for d, _ in peru_national_holidays(year)]
    assert absent not in dates
    assert absent.replace(year=year + 1) in [d for d, _ in peru_national_holidays(year + 1)]


def test_holidays_before_the_new_laws():
    assert len(peru_national_holidays(2021)) == 12


@given(st.integers(1583, 9999))
def test_holidays_are_sorted_unique_and_in_their_year(year):
    holidays = peru_national_holidays(year)
    dates = [d for d, _ in holidays]
    assert dates == sorted(dates)
    assert len(set(dates)) == len(dates)
    assert all(d.year == year for d in dates)
    assert holidays[0] == (date(year, 1, 1), "Año Nuevo")
