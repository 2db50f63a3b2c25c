"""Adding the shipped catalogue rows a database lacks (used by :mod:`.catalogues`).

Each ``add_*`` function reads one source, compares it by code or natural key with what
the database holds, inserts only the missing rows in one executemany, and returns how
many it added.  None of them changes an existing row: that is how a user's corrections
survive a reload.  Permission checks and the audit entry are the caller's business.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from carceles_desktop import resources
from carceles_desktop.domain.base import Base
from carceles_desktop.domain.catalogues import (
    CatalogueEntry,
    Competency,
    Establishment,
    Holiday,
    RedemptionRule,
    RegionalOffice,
    Trade,
)
from carceles_desktop.domain.enums import CatalogueKind, Role
from carceles_desktop.domain.rules.calendar import peru_national_holidays
from carceles_desktop.domain.rules.redemption import RuleVersion
from carceles_desktop.domain.rules.text import fold
from carceles_desktop.domain.users import RoleRecord
from carceles_desktop.errors import ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

#: Display names of the roles (Spanish: they are the words the institution uses).
ROLE_NAMES: dict[Role, str] = {
    Role.ADMIN: "Administrador",
    Role.JEFE: "Jefe de trabajo",
    Role.SUPERVISOR: "Supervisor",
    Role.CONSULTA: "Consulta",
}

#: The SUNAT code lists and the file each one ships in.
CODE_LIST_FILES: dict[CatalogueKind, str] = {
    CatalogueKind.SUNAT_ID_TYPE: "sunat_id_types.csv",
    CatalogueKind.SUNAT_TRANSFER_REASON: "sunat_transfer_reasons.csv",
    CatalogueKind.SUNAT_UNIT: "sunat_units.csv",
}

#: Who an establishment holds, as the establishments file writes it.
POPULATIONS = frozenset({"men", "women", "mixed"})

_TRUE = frozenset({"true", "1", "si", "yes", "x"})
_FALSE = frozenset({"false", "0", "no", ""})


def read_catalogue(file_name: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """Read a shipped CSV catalogue into trimmed rows, skipping blank lines.

    Raises:
        ValidationError: a required column is missing (``field`` is the file name).
    """
    # A person editing in a spreadsheet may save with a byte-order mark.
    text = resources.read_text(f"catalogues/{file_name}").lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in columns if c not in (reader.fieldnames or ())]
    if missing:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The catalogue file {file} has no column {column}."),
            field=file_name,
            file=file_name,
            column=missing[0],
        )
    rows = []
    for raw in reader:
        row = {key: (value or "").strip() for key, value in raw.items() if key}
        if any(row.values()):
            rows.append(row)
    return rows


def _bad_row(file_name: str, row: int, problem: str) -> ValidationError:
    # Row numbers as a spreadsheet shows them: the header is row 1.
    return ValidationError(
        QT_TRANSLATE_NOOP("errors", "Row {line} of the catalogue file {file}: {problem}"),
        field=file_name,
        row=row + 2,
        line=row + 2,
        file=file_name,
        problem=problem,
    )


def _insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> int:
    if rows:
        # One executemany: the ORM's per-object add() costs far more for hundreds of rows.
        session.execute(insert(model), rows)
    return len(rows)


def add_roles(session: Session) -> int:
    """Add the four roles with their Spanish names."""
    existing = set(session.scalars(select(RoleRecord.code)))
    rows = [{"code": role, "name": ROLE_NAMES[role]} for role in Role if role not in existing]
    return _insert(session, RoleRecord, rows)


def add_regional_offices(session: Session) -> int:
    """Add the regional offices of ``regional_offices.csv``."""
    existing = set(session.scalars(select(RegionalOffice.code)))
    rows = [
        {"code": r["code"], "name": r["name"], "seat": r["seat"]}
        for r in read_catalogue("regional_offices.csv", ("code", "name", "seat"))
        if r["code"] not in existing
    ]
    return _insert(session, RegionalOffice, rows)


def add_establishments(session: Session) -> int:
    """Add the establishments of ``establishments.csv`` (their offices must be loaded).

    Raises:
        ValidationError: a new row names an unknown office or population.
    """
    file_name = "establishments.csv"
    columns = ("code", "regional_office_code", "name", "common_name", "population", "city")
    offices = {
        code: id_ for code, id_ in session.execute(select(RegionalOffice.code, RegionalOffice.id))
    }
    existing = set(session.scalars(select(Establishment.code)))
    rows = []
    for index, r in enumerate(read_catalogue(file_name, columns)):
        if r["code"] in existing:
            continue
        if r["regional_office_code"] not in offices:
            raise _bad_row(file_name, index, f"unknown regional office {r['regional_office_code']}")
        if r["population"] not in POPULATIONS:
            raise _bad_row(file_name, index, f"population must be one of {sorted(POPULATIONS)}")
        rows.append(
            {
                "code": r["code"],
                "name": r["name"],
                "common_name": r["common_name"] or None,
                "regional_office_id": offices[r["regional_office_code"]],
                "population": r["population"],
                "city": r["city"] or None,
            }
        )
    return _insert(session, Establishment, rows)


def add_trades(session: Session) -> int:
    """Add the trades of ``trades.csv``."""
    existing = set(session.scalars(select(Trade.code)))
    rows = [
        {"code": r["code"], "name": r["name"]}
        for r in read_catalogue("trades.csv", ("code", "name"))
        if r["code"] not in existing
    ]
    return _insert(session, Trade, rows)


def _flag(file_name: str, index: int, text: str) -> bool:
    folded = fold(text)
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise _bad_row(file_name, index, f"'required' must be true or false, not {text!r}")


def _whole(file_name: str, index: int, column: str, text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise _bad_row(file_name, index, f"{column} must be a whole number") from None
    if number < 0:
        raise _bad_row(file_name, index, f"{column} must not be negative")
    return number


def add_competencies(session: Session) -> int:
    """Add the competencies of ``competencies.csv``, matched by trade and code.

    Raises:
        ValidationError: a row names an unknown trade or has a bad number or flag.
    """
    file_name = "competencies.csv"
    columns = ("trade_code", "code", "name", "hours", "required", "position")
    trades = {code: id_ for code, id_ in session.execute(select(Trade.code, Trade.id))}
    existing = {
        (trade, code)
        for trade, code in session.execute(select(Competency.trade_id, Competency.code))
    }
    rows = []
    for index, r in enumerate(read_catalogue(file_name, columns)):
        if r["trade_code"] not in trades:
            raise _bad_row(file_name, index, f"unknown trade {r['trade_code']}")
        key = (trades[r["trade_code"]], r["code"])
        if key in existing:
            continue
        existing.add(key)
        rows.append(
            {
                "trade_id": key[0],
                "code": r["code"],
                "name": r["name"],
                "hours": _whole(file_name, index, "hours", r["hours"]),
                "required": _flag(file_name, index, r["required"]),
                "position": _whole(file_name, index, "position", r["position"]),
            }
        )
    return _insert(session, Competency, rows)


def add_code_list(session: Session, kind: CatalogueKind) -> int:
    """Add the codes of one SUNAT code list."""
    existing = set(
        session.scalars(select(CatalogueEntry.code).where(CatalogueEntry.catalogue == kind))
    )
    rows = [
        {"catalogue": kind, "code": r["code"], "name": r["name"]}
        for r in read_catalogue(CODE_LIST_FILES[kind], ("code", "name"))
        if r["code"] not in existing
    ]
    return _insert(session, CatalogueEntry, rows)


def add_redemption_rules(session: Session, rules: Iterable[RuleVersion]) -> int:
    """Add the rule versions not yet stored, matched by case and start date."""
    query = select(RedemptionRule.case_code, RedemptionRule.valid_from)
    existing = {(case, start) for case, start in session.execute(query)}
    rows = []
    for rule in rules:
        if (rule.case_code, rule.valid_from) in existing:
            continue
        existing.add((rule.case_code, rule.valid_from))
        rows.append(
            {
                "case_code": rule.case_code,
                "description": rule.description,
                "legal_basis": rule.legal_basis,
                "valid_from": rule.valid_from,
                "valid_to": rule.valid_to,
                "allowed": rule.allowed,
                "ratio": rule.ratio,
            }
        )
    return _insert(session, RedemptionRule, rows)


def add_national_holidays(session: Session, years: range) -> int:
    """Add the national holidays of ``years`` not yet stored, matched by day."""
    if not years:
        return 0
    wanted: dict[date, str] = {}
    for year in years:
        for day, name in peru_national_holidays(year):
            # Two feasts on one day become one holiday carrying both names.
            wanted[day] = f"{wanted[day]} / {name}" if day in wanted else name
    existing = set(
        session.scalars(
            select(Holiday.day).where(
                Holiday.establishment_id.is_(None),
                Holiday.day.between(date(years[0], 1, 1), date(years[-1], 12, 31)),
            )
        )
    )
    rows = [
        {"day": day, "name": name[:120], "establishment_id": None}
        for day, name in sorted(wanted.items())
        if day not in existing
    ]
    return _insert(session, Holiday, rows)
