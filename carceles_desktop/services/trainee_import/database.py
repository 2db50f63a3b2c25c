"""What an import asks of the database: establishments, existing trainees, the bulk write.

Every question is asked once per file, never once per row: the establishments named
in the file are looked up once each, the codes and documents already registered are
loaded with one query, and the rows are written with one INSERT per thousand rows.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError

from carceles_desktop.domain.catalogues import Establishment as EstablishmentRecord
from carceles_desktop.domain.enums import DocumentType
from carceles_desktop.domain.rules.text import fold
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services import catalogues, settings
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.trainee_import.problems import ImportProblem, problem
from carceles_desktop.services.trainee_import.validation import (
    CheckedRow,
    Establishment,
    RowChecker,
)
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Rows per INSERT statement of the bulk write.
CHUNK = 1000


def _out_of_scope(actor: Actor, place: Establishment) -> Message | None:
    if actor.establishment_id is None or actor.establishment_id == place.id:
        return None
    return Message(
        "errors",
        QT_TRANSLATE_NOOP("errors", "{user} may import trainees only into his own establishment."),
        {"user": actor.username},
    )


def default_establishment(uow: UnitOfWork, actor: Actor, code: str | None) -> Establishment | None:
    """The establishment of rows that do not name one.

    ``code`` when given, else the installation's setting, else the actor's own; ``None``
    when there is none of these (rows must then name theirs).

    Raises:
        NotFound: no establishment has that code.
        PermissionDenied: it is not the actor's establishment.
    """
    code = code or settings.get_settings(uow).establishment_code
    query = select(EstablishmentRecord.id, EstablishmentRecord.code)
    if code:
        query = query.where(EstablishmentRecord.code == code)
    elif actor.establishment_id is not None:
        query = query.where(EstablishmentRecord.id == actor.establishment_id)
    else:
        return None
    found = uow.session.execute(query).first()
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No establishment has the code {code}."),
            field="establishment",
            code=code,
        )
    place = Establishment(found.id, found.code)
    refusal = _out_of_scope(actor, place)
    if refusal is not None:
        raise PermissionDenied(refusal, field="establishment")
    return place


def establishment_resolver(
    uow: UnitOfWork, actor: Actor
) -> Callable[[str], Establishment | Message]:
    """Return a function that reads an Establecimiento cell (code or name), once per text."""
    seen: dict[str, Establishment | Message] = {}

    def resolve(text: str) -> Establishment | Message:
        if text not in seen:
            try:
                row = catalogues.find_establishment(uow, text)
            except (NotFound, Conflict) as exc:
                seen[text] = exc.message
            else:
                place = Establishment(row.id, row.code)
                seen[text] = _out_of_scope(actor, place) or place
        return seen[text]

    return resolve


def _who(paternal: str, maternal: str, given: str, code: str) -> str:
    surnames = " ".join(s for s in (paternal, maternal) if s)
    return f"{surnames}, {given} ({code})"


def check_against_database(uow: UnitOfWork, checker: RowChecker) -> list[ImportProblem]:
    """Refuse rows whose inmate code or document their establishment already holds.

    One query loads the codes and documents of every establishment the file writes to.
    Rows refused here are dropped from ``checker.checked``.
    """
    places = {row.establishment_id for row in checker.checked}
    if not places:
        return []
    query = select(
        Trainee.establishment_id,
        Trainee.inmate_code,
        Trainee.doc_type,
        Trainee.doc_number,
        Trainee.paternal_surname,
        Trainee.maternal_surname,
        Trainee.given_names,
    ).where(Trainee.establishment_id.in_(places))
    codes: dict[tuple[int, str], str] = {}
    documents: dict[tuple[int, DocumentType, str], str] = {}
    for place, code, kind, number, paternal, maternal, given in uow.session.execute(query):
        holder = _who(paternal, maternal, given, code)
        codes[(place, code)] = holder
        if number:
            documents[(place, kind, number)] = holder
    problems: list[ImportProblem] = []
    kept: list[CheckedRow] = []
    for row in checker.checked:
        data, place = row.data, row.establishment_id
        clashes: list[tuple[str, str, str]] = []
        if (who := codes.get((place, data.inmate_code))) is not None:
            text = QT_TRANSLATE_NOOP(
                "errors", "Already registered in this establishment with this inmate code: {who}."
            )
            clashes.append(("inmate_code", text, who))
        key = (place, data.doc_type, data.doc_number or "")
        if data.doc_type is not DocumentType.NONE and (who := documents.get(key)) is not None:
            text = QT_TRANSLATE_NOOP(
                "errors", "Already registered in this establishment with this document: {who}."
            )
            clashes.append(("doc_number", text, who))
        for name, text, who in clashes:
            problems.append(problem(row.row, checker.column_name(name), text, who=who))
        if not clashes:
            kept.append(row)
    checker.checked = kept
    return problems


@lru_cache(maxsize=4096)
def _fold_cached(part: str) -> str:
    return fold(part)


def fast_search_key(*parts: str | None) -> str:
    """The same text as :func:`~carceles_desktop.domain.rules.text.search_key`, faster.

    Folding character by character is the costliest step of writing 10,000 rows.  Plain
    ASCII needs only lower case and single spaces; other parts (names with accents,
    which repeat a lot: Núñez, Ñahui, Cóndor) are folded once each and remembered.
    """
    present = [part for part in parts if part]
    text = " ".join(present)
    if text.isascii():
        return " ".join(text.lower().split())
    folded = (
        " ".join(part.lower().split()) if part.isascii() else _fold_cached(part) for part in present
    )
    return " ".join(part for part in folded if part)


def _record(row: CheckedRow, now: datetime) -> dict[str, Any]:
    data = row.data
    return {
        "uuid": uuid.uuid4(),
        "created_at": now,
        "updated_at": now,
        "establishment_id": row.establishment_id,
        "inmate_code": data.inmate_code,
        "doc_type": data.doc_type,
        "doc_number": data.doc_number,
        "paternal_surname": data.paternal_surname,
        "maternal_surname": data.maternal_surname,
        "given_names": data.given_names,
        "sex": data.sex,
        "birth_date": data.birth_date,
        "nationality": data.nationality,
        "admission_date": data.admission_date,
        "legal_situation": data.legal_situation,
        "first_offender": data.first_offender,
        "redemption_rule_id": None,
        "release_date": data.release_date,
        "search_key": fast_search_key(
            data.paternal_surname,
            data.maternal_surname,
            data.given_names,
            data.doc_number,
            data.inmate_code,
        ),
    }


def write_rows(
    uow: UnitOfWork,
    rows: Sequence[CheckedRow],
    now: datetime,
    tick: Callable[[int, int], None],
) -> None:
    """Insert the rows in chunks of :data:`CHUNK`, inside a savepoint of the caller's unit.

    The table's own INSERT (not the ORM's bulk path, which handles each row's mapping
    again) with every value given: uuid, timestamps and search key included.

    Raises:
        Conflict: another user registered one of these trainees meanwhile (PostgreSQL
            lets two transactions check at once; the unique constraints decide).
    """
    records = [_record(row, now) for row in rows]
    table = Trainee.__table__
    assert isinstance(table, Table)
    statement = insert(table)
    try:
        with uow.session.begin_nested():
            for start in range(0, len(records), CHUNK):
                tick(start, len(records))
                uow.session.execute(statement, records[start : start + CHUNK])
    except IntegrityError as exc:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "Another user registered some of these trainees meanwhile; nothing was "
                "imported. Check the file again.",
            )
        ) from exc


def counts_by_code(uow: UnitOfWork, rows: Sequence[CheckedRow]) -> dict[str, int]:
    """Establishment code → rows going there, by code."""
    counts = Counter(row.establishment_id for row in rows)
    query = select(EstablishmentRecord.id, EstablishmentRecord.code).where(
        EstablishmentRecord.id.in_(counts)
    )
    codes: dict[int, str] = {place: code for place, code in uow.session.execute(query)}
    return {codes[place]: counts[place] for place in sorted(counts, key=codes.__getitem__)}
