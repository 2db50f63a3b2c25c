"""The shipped catalogues: loading them into a database, and reading them back.

The catalogues live as CSV files in ``resources/catalogues/`` so that a person can read
and correct them without a programmer; the redemption-ratio table and the national
holidays come from the pure rules in :mod:`carceles_desktop.domain.rules`.

Loading only ever *adds* what a database lacks, matched by code or natural key: a row a
user has edited (renamed, deactivated, re-timed) is left exactly as he left it, and a
second load adds nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_, select

from carceles_desktop.domain.catalogues import (
    CatalogueEntry,
    Competency,
    Establishment,
    Holiday,
    RedemptionRule,
    RegionalOffice,
    Trade,
)
from carceles_desktop.domain.enums import CatalogueKind
from carceles_desktop.domain.rules.redemption import DEFAULT_RULES, RuleVersion
from carceles_desktop.domain.rules.text import fold
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services import catalogue_loading as loading
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogue_loading import CODE_LIST_FILES, ROLE_NAMES, read_catalogue
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "CODE_LIST_FILES",
    "ROLE_NAMES",
    "CatalogueLoadReport",
    "CodeRow",
    "CompetencyRow",
    "EstablishmentRow",
    "TradeRow",
    "catalogue_codes",
    "find_establishment",
    "holidays_between",
    "list_competencies",
    "list_establishments",
    "list_redemption_rules",
    "list_trades",
    "load_catalogues",
    "read_catalogue",
]

FIRST_HOLIDAY_YEAR = 2015

# Words dropped from a typed establishment name to compare it with the codes
# ("E.P. de Lurigancho" → LURIGANCHO), as the shipped codes were made.
_NAME_NOISE = frozenset({"e.p.", "ep", "de", "del", "la", "el", "los", "las", "y", "modelo"})


@dataclass(frozen=True)
class CatalogueLoadReport:
    """How many rows each catalogue gained in one load (0: it was complete)."""

    roles: int = 0
    regional_offices: int = 0
    establishments: int = 0
    trades: int = 0
    competencies: int = 0
    sunat_id_types: int = 0
    sunat_transfer_reasons: int = 0
    sunat_units: int = 0
    redemption_rules: int = 0
    holidays: int = 0

    @property
    def total(self) -> int:
        """Rows added across every catalogue."""
        return sum(self.as_dict().values())

    def as_dict(self) -> dict[str, int]:
        """The counts by catalogue name."""
        return asdict(self)


@dataclass(frozen=True)
class EstablishmentRow:
    """An establishment as lists and pickers show it."""

    id: int
    code: str
    name: str
    common_name: str | None
    regional_office_code: str
    regional_office: str
    city: str | None
    population: str
    active: bool


@dataclass(frozen=True)
class TradeRow:
    """A trade (*oficio*)."""

    id: int
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class CompetencyRow:
    """A module of a trade with its nominal hours."""

    id: int
    trade_code: str
    code: str
    name: str
    hours: int
    required: bool
    position: int
    active: bool


@dataclass(frozen=True)
class CodeRow:
    """One code of a SUNAT code list."""

    code: str
    name: str
    active: bool


# --------------------------------------------------------------------------- loading


def load_catalogues(
    uow: UnitOfWork, actor: Actor, *, holiday_years: range | None = None
) -> CatalogueLoadReport:
    """Add whatever the shipped catalogues hold that the database lacks.

    Rows are matched by code (or natural key: trade and code for competencies, case and
    start date for redemption rules, day for national holidays); existing rows are never
    changed, so a user's corrections survive.  One audit entry records what was added.

    Args:
        uow: the caller's unit of work (the caller commits).
        actor: who loads; the program itself at first run is ``Actor.system()``.
        holiday_years: the years whose national holidays to add; by default 2015
            through two years after the current one.

    Raises:
        PermissionDenied: the actor may not edit catalogues.
        ValidationError: a shipped CSV file lacks a column or has a bad row (names the
            file and the row).
    """
    require(actor, Action.EDIT_CATALOGUES)
    if holiday_years is None:
        holiday_years = range(FIRST_HOLIDAY_YEAR, date.today().year + 3)
    session = uow.session
    # Order matters: establishments need their offices, competencies their trades.
    counts = {
        "roles": loading.add_roles(session),
        "regional_offices": loading.add_regional_offices(session),
        "establishments": loading.add_establishments(session),
        "trades": loading.add_trades(session),
        "competencies": loading.add_competencies(session),
        "sunat_id_types": loading.add_code_list(session, CatalogueKind.SUNAT_ID_TYPE),
        "sunat_transfer_reasons": loading.add_code_list(
            session, CatalogueKind.SUNAT_TRANSFER_REASON
        ),
        "sunat_units": loading.add_code_list(session, CatalogueKind.SUNAT_UNIT),
        "redemption_rules": loading.add_redemption_rules(session, DEFAULT_RULES),
        "holidays": loading.add_national_holidays(session, holiday_years),
    }
    report = CatalogueLoadReport(**counts)
    if report.total:
        added = {name: count for name, count in counts.items() if count}
        audit.record(
            uow,
            actor,
            "import",
            "catalogues",
            summary="Loaded shipped catalogues: "
            + ", ".join(f"{name} {count}" for name, count in added.items()),
            changes=added,
        )
    return report


# --------------------------------------------------------------------------- reading


def _establishment_rows(uow: UnitOfWork) -> list[EstablishmentRow]:
    query = select(
        Establishment.id,
        Establishment.code,
        Establishment.name,
        Establishment.common_name,
        RegionalOffice.code,
        RegionalOffice.name,
        Establishment.city,
        Establishment.population,
        Establishment.active,
    ).join(RegionalOffice, Establishment.regional_office_id == RegionalOffice.id)
    rows = [EstablishmentRow(*row) for row in uow.session.execute(query)]
    return sorted(rows, key=lambda row: fold(row.name))


def list_establishments(
    uow: UnitOfWork, *, search: str = "", include_inactive: bool = False
) -> list[EstablishmentRow]:
    """List establishments by name, optionally filtered.

    Args:
        uow: an open unit of work (read-only is enough).
        search: words to find, ignoring case and accents, in the code, name, common
            name, city or regional office.
        include_inactive: also list establishments marked inactive.
    """
    needle = fold(search)
    result = []
    for row in _establishment_rows(uow):
        if not (row.active or include_inactive):
            continue
        haystack = fold(
            " ".join(
                part or ""
                for part in (row.code, row.name, row.common_name, row.city, row.regional_office)
            )
        )
        if needle in haystack:
            result.append(row)
    return result


def _code_like(text: str) -> str:
    # Bring typed text and codes to one shape: "E.P. Ancón II" and "ANCON-II" → "ANCON-II".
    words = [w for w in fold(text).replace("-", " ").split() if w not in _NAME_NOISE]
    return "-".join(words).upper()


def find_establishment(uow: UnitOfWork, text: str) -> EstablishmentRow:
    """Find one establishment by its code, name or common name.

    Case, accents, the "E.P. de" prefix and dashes do not matter ("ancon ii",
    "E.P. Modelo Ancón II" and "ANCON-II" all find the same one).  Exact matches win; when
    there are none, a unique partial match of the name or common name is accepted.

    Raises:
        NotFound: nothing matches (names the text).
        Conflict: several establishments match (lists them).
    """
    wanted = fold(text)
    wanted_code = _code_like(text)
    rows = _establishment_rows(uow)
    if not wanted:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No establishment matches “{query}”."),
            field="establishment",
            query=text.strip(),
        )
    exact = [
        row
        for row in rows
        if wanted in (fold(row.code), fold(row.name), fold(row.common_name))
        or wanted_code == _code_like(row.code)
    ]
    candidates = exact or [
        row for row in rows if wanted in fold(row.name) or wanted in fold(row.common_name)
    ]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No establishment matches “{query}”."),
            field="establishment",
            query=text.strip(),
        )
    raise Conflict(
        QT_TRANSLATE_NOOP("errors", "“{query}” matches several establishments: {candidates}."),
        field="establishment",
        query=text.strip(),
        candidates=", ".join(f"{row.code} ({row.name})" for row in candidates),
    )


def list_trades(uow: UnitOfWork, *, include_inactive: bool = False) -> list[TradeRow]:
    """List the trades by name."""
    query = select(Trade.id, Trade.code, Trade.name, Trade.active)
    if not include_inactive:
        query = query.where(Trade.active.is_(True))
    rows = [TradeRow(*row) for row in uow.session.execute(query)]
    return sorted(rows, key=lambda row: fold(row.name))


def list_competencies(
    uow: UnitOfWork, trade_code: str, *, include_inactive: bool = False
) -> list[CompetencyRow]:
    """List a trade's competencies in their teaching order.

    Raises:
        NotFound: no trade has that code.
    """
    trade_id = uow.session.scalar(select(Trade.id).where(Trade.code == trade_code))
    if trade_id is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No trade has the code {code}."),
            field="trade",
            code=trade_code,
        )
    query = (
        select(
            Competency.id,
            Competency.code,
            Competency.name,
            Competency.hours,
            Competency.required,
            Competency.position,
            Competency.active,
        )
        .where(Competency.trade_id == trade_id)
        .order_by(Competency.position, Competency.code)
    )
    if not include_inactive:
        query = query.where(Competency.active.is_(True))
    return [
        CompetencyRow(cid, trade_code, code, name, hours, required, position, active)
        for cid, code, name, hours, required, position, active in uow.session.execute(query)
    ]


def catalogue_codes(
    uow: UnitOfWork, kind: CatalogueKind, *, include_inactive: bool = False
) -> list[CodeRow]:
    """List the codes of one SUNAT code list, in code order."""
    query = (
        select(CatalogueEntry.code, CatalogueEntry.name, CatalogueEntry.active)
        .where(CatalogueEntry.catalogue == kind)
        .order_by(CatalogueEntry.code)
    )
    if not include_inactive:
        query = query.where(CatalogueEntry.active.is_(True))
    return [CodeRow(*row) for row in uow.session.execute(query)]


def list_redemption_rules(uow: UnitOfWork) -> list[RuleVersion]:
    """Return the stored redemption-ratio table, by case and start date."""
    query = select(RedemptionRule).order_by(RedemptionRule.case_code, RedemptionRule.valid_from)
    return [
        RuleVersion(
            case_code=rule.case_code,
            description=rule.description,
            legal_basis=rule.legal_basis,
            valid_from=rule.valid_from,
            valid_to=rule.valid_to,
            allowed=rule.allowed,
            ratio=rule.ratio,
        )
        for rule in uow.session.scalars(query)
    ]


def holidays_between(
    uow: UnitOfWork, start: date, end: date, establishment_id: int | None = None
) -> dict[date, str]:
    """Return the holidays from ``start`` to ``end`` inclusive, by day.

    National holidays always count; with ``establishment_id`` that establishment's local
    holidays count too (a day that is both carries both names).

    Raises:
        ValidationError: ``end`` is before ``start``.
    """
    if end < start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end date {end} is before the start date {start}."),
            field="end",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    scope: ColumnElement[bool] = Holiday.establishment_id.is_(None)
    if establishment_id is not None:
        scope = or_(scope, Holiday.establishment_id == establishment_id)
    query = (
        select(Holiday.day, Holiday.name, Holiday.establishment_id)
        .where(Holiday.day.between(start, end), scope)
        .order_by(Holiday.day, Holiday.establishment_id.is_not(None))
    )
    result: dict[date, str] = {}
    for day, name, _ in uow.session.execute(query):
        result[day] = f"{result[day]} / {name}" if day in result else name
    return result
