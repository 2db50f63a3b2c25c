"""Estimate of sentence redeemed by work (redención de la pena por el trabajo).

The legal computation ("cómputo") is signed by the prison and approved by a judge; the
program only estimates it, and labels the figure "estimado, no oficial".  A day of work
counts when its hours reach a minimum (a setting); the estimate is the number of valid
days divided by the ratio of the inmate's case, rounded down.

The ratios change by law, so they are data with validity dates (:class:`RuleVersion`),
seeded from :data:`DEFAULT_RULES`.  Which case applies to an inmate is a legal decision
taken by an authorised user; nothing here guesses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal


@dataclass(frozen=True)
class RuleVersion:
    """One version of a redemption case: work days per day of sentence redeemed.

    Attributes:
        case_code: stable snake_case name of the case, shared by its versions.
        description: the case in Spanish, as the user picks it.
        legal_basis: the law and article the version comes from.
        valid_from: first day the version applies.
        valid_to: last day it applies; ``None`` while in force.
        allowed: whether the case may redeem sentence by work at all.
        ratio: days of work per day redeemed; ``None`` exactly when not allowed.

    Raises:
        ValueError: ``ratio`` does not agree with ``allowed``, or the dates are reversed.
    """

    case_code: str
    description: str
    legal_basis: str
    valid_from: date
    valid_to: date | None
    allowed: bool
    ratio: int | None

    def __post_init__(self) -> None:
        # The same rules as the database's CHECK constraints on redemption_rules.
        if self.allowed != (self.ratio is not None) or (self.ratio is not None and self.ratio < 1):
            raise ValueError(f"{self.case_code}: ratio {self.ratio} with allowed={self.allowed}")
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"{self.case_code}: valid_to before valid_from")

    def in_force_on(self, on: date) -> bool:
        """Tell whether this version applies on the given day."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


def count_valid_days(hours_by_day: Mapping[date, Decimal], minimum_hours: Decimal) -> int:
    """Count the days whose hours of effective work reach the minimum.

    Args:
        hours_by_day: hours worked, by day.
        minimum_hours: the hours that make a day count (a setting), greater than zero.

    Raises:
        ValueError: ``minimum_hours`` is not greater than zero (days without work would count).
    """
    if not minimum_hours > 0:
        raise ValueError(f"minimum hours must be greater than zero: {minimum_hours}")
    return sum(1 for hours in hours_by_day.values() if hours >= minimum_hours)


def estimate_redeemed_days(valid_days: int, rule: RuleVersion) -> int | None:
    """Estimate the days of sentence redeemed: valid days ÷ ratio, rounded down.

    Returns:
        The estimated days, or ``None`` when the rule does not allow redemption.

    Raises:
        ValueError: ``valid_days`` is negative.
    """
    if valid_days < 0:
        raise ValueError(f"valid days must not be negative: {valid_days}")
    if not rule.allowed or rule.ratio is None:
        return None
    return valid_days // rule.ratio


def rule_in_force(rules: Iterable[RuleVersion], case_code: str, on: date) -> RuleVersion | None:
    """Find the version of a case that applies on a day.

    Should versions overlap (a data-entry mistake), the one that started last wins.

    Returns:
        The version, or ``None`` when the case has no version in force that day.
    """
    candidates = [r for r in rules if r.case_code == case_code and r.in_force_on(on)]
    return max(candidates, key=lambda r: r.valid_from, default=None)


# Ley 30262 was published in November 2014; the exact day it took effect is still to be
# verified against El Peruano (2014-11-15 is used until then).
LEY_30262_START = date(2014, 11, 15)
# DL 1737, published and in force on 12 February 2026.
DL_1737_START = date(2026, 2, 12)
# The oldest versions start with the Código de Ejecución Penal itself (D. Leg. 654, 1991).
_EARLIEST = date(1991, 1, 1)
# DL 1296 (Dec 2016) and Ley 30609 (2017) also touched art. 46; their rows are to be
# added from the official text, which we have not seen (domain-research.md §2.2).

_BEFORE_30262 = "CEP arts. 44 y 46 (texto anterior a la Ley 30262)"
_LEY_30262 = "CEP art. 46, modificado por Ley 30262"
_DL_1737 = "CEP art. 46, modificado por D. Leg. 1737"


def _version(
    case_code: str,
    description: str,
    legal_basis: str,
    period: tuple[date, date | None],
    ratio: int | None,
) -> RuleVersion:
    valid_from, valid_to = period
    return RuleVersion(
        case_code=case_code,
        description=description,
        legal_basis=legal_basis,
        valid_from=valid_from,
        valid_to=valid_to,
        allowed=ratio is not None,
        ratio=ratio,
    )


_OLD = (_EARLIEST, LEY_30262_START - timedelta(days=1))
_MID = (LEY_30262_START, DL_1737_START - timedelta(days=1))
_NOW: tuple[date, date | None] = (DL_1737_START, None)

#: The ratio table of the laws, as versioned rows to seed the catalogue with.
DEFAULT_RULES: tuple[RuleVersion, ...] = (
    # Before Ley 30262.
    _version("general", "Caso general", _BEFORE_30262, _OLD, 2),
    _version("casos_especiales", "Casos especiales del art. 46", _BEFORE_30262, _OLD, 5),
    # Ley 30262.
    _version("general", "Caso general", _LEY_30262, _MID, 2),
    _version(
        "delitos_listados_primario",
        "Primario condenado por delito listado en el art. 46 (CP 107, 108-B, 121, 121-A, "
        "121-B, 152, 186, 189, 195, 200, 279, 279-A, 279-B, 317, 317-A, 325 a 332, 346)",
        _LEY_30262,
        _MID,
        5,
    ),
    _version("reincidente_habitual", "Reincidente o habitual", _LEY_30262, _MID, 6),
    _version(
        "agravado_art_46b_46c",
        "Agravante de los arts. 46-B o 46-C del CP en los delitos listados",
        _LEY_30262,
        _MID,
        7,
    ),
    # DL 1737 (current).
    _version("general", "Caso general", _DL_1737, _NOW, 2),
    _version("robo_agravado", "Robo agravado (CP art. 189)", _DL_1737, _NOW, 5),
    _version(
        "delitos_art_107_323",
        "Delitos de los arts. 107, 108, 108-A, 108-B, 121-B, 279-G, 297, 317-A y 319 a 323 del CP",
        _DL_1737,
        _NOW,
        7,
    ),
    _version("reincidente_habitual", "Reincidente o habitual", _DL_1737, _NOW, 7),
    _version(
        "crimen_organizado",
        "Delitos de crimen organizado (Ley 30077): no procede la redención",
        _DL_1737,
        _NOW,
        None,
    ),
    _version(
        "violacion_sexual_explotacion",
        "Violación sexual, explotación sexual y proxenetismo: no procede la redención",
        _DL_1737,
        _NOW,
        None,
    ),
)
