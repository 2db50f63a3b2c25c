"""Trainees (*internos*): registering, editing, choosing the redemption case, transfers.

A form checks its fields as they are typed with :func:`validate_trainee` (no database),
which returns every problem at once, each naming its field.  :func:`create_trainee` and
:func:`update_trainee` run the same checks, then those that need the database (the
establishment exists; no other trainee of the establishment has the same document or
inmate code), and refuse with :class:`InvalidFields` listing every problem.

The redemption case is never part of the form: it is a legal decision, set apart with
:func:`set_redemption_case` by a user allowed to take it.  Moving a trainee to another
establishment is :func:`transfer_trainee`, which keeps his enrolments and attendance
where they were and ends his open enrolments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from carceles_desktop.domain.catalogues import Establishment, RedemptionRule
from carceles_desktop.domain.enums import DocumentType, LegalSituation, Sex
from carceles_desktop.domain.rules.identity import describe_dni_problem, is_valid_foreign_document
from carceles_desktop.domain.rules.text import search_key
from carceles_desktop.domain.trainees import Trainee, TraineeTransfer
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.enrolments import (
    check_establishment_scope,
    check_reason,
    check_trainee_access,
    end_open_enrolments,
    surnames_first,
    today_or,
)
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

_WIDTHS = {
    "inmate_code": 30,
    "paternal_surname": 60,
    "maternal_surname": 60,
    "given_names": 80,
    "nationality": 40,
}
_ADULT_AGE = 18
_OLDEST_BIRTH = date(1900, 1, 1)
# Letters of any alphabet, spaces, apostrophes, hyphens and dots ("D'Ángelo", "Ma. José").
# Separators and letters alternate strictly, so a failing match cannot backtrack for long.
_NAME = re.compile(r"[^\W\d_]+(?:[ '’.\-]+[^\W\d_]+)*\.?")
_DNI_WITH_CHECK = re.compile(r"([0-9]+)-([0-9A-Za-z])")
_ENTITY = "trainee"
#: The fields in the order a form shows them (problems are listed in this order).
_FORM_ORDER = (
    "establishment_code",
    "inmate_code",
    "doc_type",
    "doc_number",
    "paternal_surname",
    "maternal_surname",
    "given_names",
    "sex",
    "birth_date",
    "nationality",
    "admission_date",
    "legal_situation",
    "first_offender",
    "release_date",
)
_CHOICES: dict[str, type[Any]] = {
    "doc_type": DocumentType,
    "sex": Sex,
    "legal_situation": LegalSituation,
}


@dataclass(frozen=True)
class TraineeInput:
    """A trainee's fields as a form or an import row holds them.

    Attributes:
        establishment_code: code of the establishment that holds him.
        inmate_code: the prison's code; identifies him when he has no document.
        doc_type: identity document type (``ninguno``: no document).
        doc_number: DNI (8 digits, leading zeros kept; ``"01234567-5"`` is accepted),
            carné de extranjería or passport number; empty for ``ninguno``.
        doc_check: the DNI's optional check character, when typed apart.
        paternal_surname: first surname.
        maternal_surname: second surname (may be empty).
        given_names: given names.
        sex: as recorded by the prison.
        birth_date: optional.
        nationality: e.g. ``Peruana``.
        admission_date: day of admission to prison, optional.
        legal_situation: procesado or sentenciado.
        first_offender: *primario*.
        release_date: optional; not before admission.
    """

    establishment_code: str
    inmate_code: str
    doc_type: DocumentType
    doc_number: str | None
    paternal_surname: str
    given_names: str
    sex: Sex
    legal_situation: LegalSituation
    maternal_surname: str = ""
    doc_check: str = ""
    birth_date: date | None = None
    nationality: str = "Peruana"
    admission_date: date | None = None
    first_offender: bool = True
    release_date: date | None = None


@dataclass(frozen=True)
class FieldProblem:
    """One field at fault and what is wrong with it."""

    field: str
    message: Message

    @property
    def text(self) -> str:
        """The message, translated when a translator is installed."""
        return self.message.render()


class InvalidFields(ValidationError):
    """Several fields of a record are wrong; ``field`` and the text are the first's.

    Attributes:
        problems: every problem, in form order.
    """

    def __init__(self, problems: list[FieldProblem]) -> None:
        first = problems[0]
        super().__init__(first.message, field=first.field)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class TraineeRow:
    """A trainee's record as the form and the detail panel show it."""

    id: int
    uuid: UUID
    establishment_id: int
    establishment_code: str
    establishment_name: str
    inmate_code: str
    doc_type: DocumentType
    doc_number: str | None
    paternal_surname: str
    maternal_surname: str
    given_names: str
    sex: Sex
    birth_date: date | None
    nationality: str
    admission_date: date | None
    legal_situation: LegalSituation
    first_offender: bool
    redemption_rule_id: int | None
    release_date: date | None

    @property
    def full_name(self) -> str:
        """Names then surnames, as printed on documents."""
        surnames = " ".join(s for s in (self.paternal_surname, self.maternal_surname) if s)
        return f"{self.given_names} {surnames}".strip()

    def to_input(self) -> TraineeInput:
        """The record as a form's starting values."""
        values = {
            f.name: getattr(self, f.name) for f in fields(TraineeInput) if f.name != "doc_check"
        }
        return TraineeInput(**values)


# --------------------------------------------------------------------------- checking


def _problem(field: str, text: str, **params: Any) -> FieldProblem:
    return FieldProblem(field, Message("errors", text, params))


def normalise(data: TraineeInput) -> TraineeInput:
    """Trim and tidy what was typed: single spaces, document numbers without spaces.

    A DNI typed with its check character (``01234567-5``) is split; foreign document
    numbers are upper-cased so that the same passport is found however it was typed.
    """
    texts: dict[str, Any] = {
        name: " ".join(str(getattr(data, name) or "").split())
        for name in (*_WIDTHS, "establishment_code", "doc_check")
    }
    number = "".join(str(data.doc_number or "").split())
    if data.doc_type == DocumentType.DNI and (match := _DNI_WITH_CHECK.fullmatch(number)):
        number, texts["doc_check"] = match.group(1), match.group(2)
    elif data.doc_type in (DocumentType.CARNE_EXTRANJERIA, DocumentType.PASAPORTE):
        number = number.upper()
    choices: dict[str, Any] = {}
    for name, enum in _CHOICES.items():
        try:
            choices[name] = enum(getattr(data, name))
        except ValueError:
            choices[name] = getattr(data, name)  # left for the checks to name
    return replace(data, doc_number=number or None, **texts, **choices)


def _document_problems(data: TraineeInput) -> list[FieldProblem]:
    number = data.doc_number
    try:
        kind = DocumentType(data.doc_type)
    except ValueError:
        return [_problem("doc_type", QT_TRANSLATE_NOOP("errors", "Choose the document type."))]
    if kind is DocumentType.NONE:
        if number:
            text = QT_TRANSLATE_NOOP(
                "errors", "A trainee without a document has no document number; choose its type."
            )
            return [_problem("doc_number", text)]
        return []
    if kind is DocumentType.DNI:
        problem = describe_dni_problem(number or "", data.doc_check or None)
        return [_problem("doc_number", problem)] if problem else []
    if not number:
        return [_problem("doc_number", QT_TRANSLATE_NOOP("errors", "Enter the document number."))]
    if not is_valid_foreign_document(number):
        text = QT_TRANSLATE_NOOP(
            "errors", "A carné de extranjería or passport number has 1 to 12 letters and digits."
        )
        return [_problem("doc_number", text)]
    return []


def _text_problems(data: TraineeInput) -> list[FieldProblem]:
    problems = []
    required = ("establishment_code", "inmate_code", "paternal_surname", "given_names")
    for name in (*required, "nationality"):
        if not getattr(data, name):
            problems.append(_problem(name, QT_TRANSLATE_NOOP("errors", "This field is required.")))
    for name, width in _WIDTHS.items():
        if len(getattr(data, name)) > width:
            text = QT_TRANSLATE_NOOP("errors", "At most {width} characters.")
            problems.append(_problem(name, text, width=width))
    for name in ("paternal_surname", "maternal_surname", "given_names"):
        value = getattr(data, name)
        if value and not _NAME.fullmatch(value):
            text = QT_TRANSLATE_NOOP("errors", "A name has letters only (no digits or symbols).")
            problems.append(_problem(name, text))
    return problems


def _choice_problems(data: TraineeInput) -> list[FieldProblem]:
    problems = []
    for name, enum in (("sex", Sex), ("legal_situation", LegalSituation)):
        try:
            enum(getattr(data, name))
        except ValueError:
            problems.append(_problem(name, QT_TRANSLATE_NOOP("errors", "Choose a value.")))
    return problems


def _date_problems(data: TraineeInput, today: date) -> list[FieldProblem]:
    problems = []
    future = QT_TRANSLATE_NOOP("errors", "The date {day} is in the future.")
    for name in ("birth_date", "admission_date"):
        value = getattr(data, name)
        if value is not None and value > today:
            problems.append(_problem(name, future, day=value.isoformat()))
    born, admitted, released = data.birth_date, data.admission_date, data.release_date
    if born is not None and born <= today:
        adult_on = admitted or today
        if born < _OLDEST_BIRTH:
            text = QT_TRANSLATE_NOOP("errors", "The birth date {day} is too far back.")
            problems.append(_problem("birth_date", text, day=born.isoformat()))
        elif _years_between(born, adult_on) < _ADULT_AGE:
            text = QT_TRANSLATE_NOOP(
                "errors", "Born on {day}, the trainee would be under 18 on {on}; check the date."
            )
            problems.append(
                _problem("birth_date", text, day=born.isoformat(), on=adult_on.isoformat())
            )
    if admitted is not None and released is not None and released < admitted:
        text = QT_TRANSLATE_NOOP(
            "errors", "The release date {day} is before the admission date {admission}."
        )
        problems.append(
            _problem("release_date", text, day=released.isoformat(), admission=admitted.isoformat())
        )
    return problems


def _years_between(start: date, end: date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def validate_trainee(
    data: TraineeInput, *, today: date | None = None, normalised: bool = False
) -> list[FieldProblem]:
    """Check every field without the database; return all the problems, form order.

    Uniqueness of the document and inmate code, and the existence of the establishment,
    need the database: :func:`create_trainee` and :func:`update_trainee` check them.
    ``normalised`` says the caller already passed ``data`` through :func:`normalise`
    (the importer does, for ten thousand rows at a time).
    """
    if not normalised:
        data = normalise(data)
    problems = [
        *_text_problems(data),
        *_document_problems(data),
        *_choice_problems(data),
        *_date_problems(data, today_or(today)),
    ]
    return sorted(problems, key=lambda p: _FORM_ORDER.index(p.field))


def _check_unique(
    uow: UnitOfWork, data: TraineeInput, establishment_id: int, own: int | None
) -> None:
    same_code = Trainee.inmate_code == data.inmate_code
    clauses = [same_code]
    if data.doc_number:
        clauses.append(
            (Trainee.doc_type == data.doc_type) & (Trainee.doc_number == data.doc_number)
        )
    query = select(Trainee).where(Trainee.establishment_id == establishment_id, or_(*clauses))
    if own is not None:
        query = query.where(Trainee.id != own)
    existing = uow.session.scalars(query.limit(1)).first()
    if existing is None:
        return
    if existing.inmate_code == data.inmate_code:
        text = QT_TRANSLATE_NOOP(
            "errors", "{name} already has the inmate code {code} in this establishment."
        )
        field = "inmate_code"
    else:
        text = QT_TRANSLATE_NOOP(
            "errors",
            "{name} (inmate code {code}) already has this document in this establishment.",
        )
        field = "doc_number"
    raise Conflict(
        text,
        field=field,
        name=surnames_first(existing),
        code=existing.inmate_code,
        existing_id=existing.id,
    )


def _checked(
    uow: UnitOfWork, data: TraineeInput, today: date | None
) -> tuple[TraineeInput, Establishment]:
    problems = validate_trainee(data, today=today)
    establishment = None
    data = normalise(data)
    if data.establishment_code:
        establishment = uow.session.scalar(
            select(Establishment).where(Establishment.code == data.establishment_code)
        )
        if establishment is None:
            text = QT_TRANSLATE_NOOP("errors", "No establishment has the code {code}.")
            problems.insert(0, _problem("establishment_code", text, code=data.establishment_code))
    if problems or establishment is None:
        raise InvalidFields(problems)
    return data, establishment


# --------------------------------------------------------------------------- writing

_COLUMNS = (
    "inmate_code",
    "doc_type",
    "doc_number",
    "paternal_surname",
    "maternal_surname",
    "given_names",
    "sex",
    "birth_date",
    "nationality",
    "admission_date",
    "legal_situation",
    "first_offender",
    "release_date",
)


def _row(trainee: Trainee) -> TraineeRow:
    est = trainee.establishment
    values = {name: getattr(trainee, name) for name in _COLUMNS}
    return TraineeRow(
        id=trainee.id,
        uuid=trainee.uuid,
        establishment_id=est.id,
        establishment_code=est.code,
        establishment_name=est.name,
        redemption_rule_id=trainee.redemption_rule_id,
        **values,
    )


def _write(
    uow: UnitOfWork, trainee: Trainee, data: TraineeInput, establishment_id: int
) -> dict[str, list[Any]]:
    """Assign the fields and flush them inside a savepoint; return what changed.

    The uniqueness checks ran in this transaction, yet on PostgreSQL a concurrent writer
    may still win the race; the unique constraint then refuses the row and the refusal
    names the trainee who holds the code or document, as the check would have.
    """
    session = uow.session
    new = trainee.id is None
    try:
        # Everything happens inside the savepoint: begin_nested() flushes pending
        # changes first, and a failure there would poison the whole transaction.
        with session.begin_nested():
            changes = _assign(trainee, data)
            if new:
                session.add(trainee)
            session.flush()
    except IntegrityError:
        with session.no_autoflush:
            _check_unique(uow, data, establishment_id, None if new else trainee.id)
        raise
    return changes


def _assign(trainee: Trainee, data: TraineeInput) -> dict[str, list[Any]]:
    changes = {}
    for name in _COLUMNS:
        before, after = getattr(trainee, name), getattr(data, name)
        if before != after:
            changes[name] = [before, after]
            setattr(trainee, name, after)
    trainee.search_key = search_key(
        data.paternal_surname,
        data.maternal_surname,
        data.given_names,
        data.doc_number,
        data.inmate_code,
    )
    return changes


def create_trainee(
    uow: UnitOfWork, actor: Actor, data: TraineeInput, *, today: date | None = None
) -> TraineeRow:
    """Register a trainee.

    Raises:
        PermissionDenied: the actor may not edit trainees, or not in that establishment.
        InvalidFields: a :class:`ValidationError` listing every field at fault.
        Conflict: another trainee of the establishment has the same document or inmate
            code; the message names him (``existing_id`` is among its params).
    """
    require(actor, Action.EDIT_TRAINEES)
    data, establishment = _checked(uow, data, today)
    check_establishment_scope(actor, establishment.id)
    _check_unique(uow, data, establishment.id, None)
    trainee = Trainee(establishment=establishment)
    # Personal data stays out of the audit log: the entry names the record and fields.
    changed = sorted(_write(uow, trainee, data, establishment.id))
    audit.record(
        uow,
        actor,
        "create",
        _ENTITY,
        entity_uuid=trainee.uuid,
        summary=f"Registered trainee {trainee.inmate_code} in {establishment.code}",
        changes={"fields": changed},
    )
    return _row(trainee)


def _get(uow: UnitOfWork, trainee_id: int) -> Trainee:
    trainee = uow.session.get(Trainee, trainee_id)
    if trainee is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trainee with the key {key}."),
            field="trainee",
            key=trainee_id,
        )
    return trainee


def get_trainee(uow: UnitOfWork, actor: Actor, trainee_id: int) -> TraineeRow:
    """Return a trainee's record (to fill the edit form).

    Raises:
        PermissionDenied: the actor may not view records, or not this trainee.
        NotFound: no such trainee.
    """
    require(actor, Action.VIEW)
    trainee = _get(uow, trainee_id)
    check_trainee_access(uow, actor, trainee)
    return _row(trainee)


def update_trainee(
    uow: UnitOfWork,
    actor: Actor,
    trainee_id: int,
    data: TraineeInput,
    *,
    today: date | None = None,
) -> TraineeRow:
    """Change a trainee's record; only the fields that differ are written and audited.

    The establishment cannot change here: use :func:`transfer_trainee`.

    Raises:
        PermissionDenied: the actor may not edit this trainee.
        NotFound: no such trainee.
        InvalidFields: a :class:`ValidationError` listing every field at fault.
        Conflict: as for :func:`create_trainee`.
    """
    require(actor, Action.EDIT_TRAINEES)
    trainee = _get(uow, trainee_id)
    check_trainee_access(uow, actor, trainee)
    data, establishment = _checked(uow, data, today)
    if establishment.id != trainee.establishment_id:
        text = QT_TRANSLATE_NOOP(
            "errors", "To move a trainee to another establishment, transfer him."
        )
        raise InvalidFields([_problem("establishment_code", text)])
    _check_unique(uow, data, establishment.id, trainee.id)
    changes = _write(uow, trainee, data, establishment.id)
    if not changes:
        return _row(trainee)
    audit.record(
        uow,
        actor,
        "update",
        _ENTITY,
        entity_uuid=trainee.uuid,
        summary=f"Changed trainee {trainee.inmate_code}: {', '.join(sorted(changes))}",
        changes=changes,
    )
    return _row(trainee)


def set_redemption_case(
    uow: UnitOfWork, actor: Actor, trainee_id: int, rule_id: int | None
) -> TraineeRow:
    """Record the redemption case (rule version) an authorised user chose for a trainee.

    Args:
        uow: the caller's unit of work.
        actor: who decides; needs the right to choose redemption cases.
        trainee_id: the trainee.
        rule_id: a row of the redemption-rule table, or None to clear the choice.

    Raises:
        PermissionDenied: the actor may not choose redemption cases, or not here.
        NotFound: no such trainee, or no such rule (``field`` ``redemption_rule``).
    """
    require(actor, Action.SET_REDEMPTION_CASE)
    trainee = _get(uow, trainee_id)
    check_establishment_scope(actor, trainee.establishment_id)
    rule = None if rule_id is None else uow.session.get(RedemptionRule, rule_id)
    if rule_id is not None and rule is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no redemption rule with the key {key}."),
            field="redemption_rule",
            key=rule_id,
        )
    before = trainee.redemption_rule
    if trainee.redemption_rule_id == rule_id:
        return _row(trainee)
    trainee.redemption_rule = rule
    uow.session.flush()

    def describe(r: RedemptionRule | None) -> str | None:
        return None if r is None else f"{r.case_code} ({r.valid_from.isoformat()}, {r.legal_basis})"

    audit.record(
        uow,
        actor,
        "set_redemption_case",
        _ENTITY,
        entity_uuid=trainee.uuid,
        summary=f"Redemption case of trainee {trainee.inmate_code}: {describe(rule) or '-'}",
        changes={"redemption_rule": [describe(before), describe(rule)]},
    )
    return _row(trainee)


def _transfer_target(uow: UnitOfWork, trainee: Trainee, code: str) -> Establishment:
    target = uow.session.scalar(select(Establishment).where(Establishment.code == code.strip()))
    if target is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No establishment has the code {code}."),
            field="to_establishment_code",
            code=code,
        )
    if target.id == trainee.establishment_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} is already held in {establishment}."),
            field="to_establishment_code",
            name=surnames_first(trainee),
            establishment=target.name,
        )
    return target


def transfer_trainee(
    uow: UnitOfWork,
    actor: Actor,
    trainee_id: int,
    to_establishment_code: str,
    on: date,
    reason: str,
    *,
    today: date | None = None,
) -> TraineeRow:
    """Move a trainee to another establishment; his history stays with him.

    Enrolments and attendance are kept as they were; open enrolments end on ``on``
    (active ones as ``trasladado``, waiting ones as ``retirado``) with ``reason``.

    Raises:
        PermissionDenied: the actor may not transfer trainees, or not this one.
        NotFound: no such trainee, or no establishment with that code.
        ValidationError: same establishment, no reason, a date in the future or
            before admission or before attendance already recorded.
        Conflict: the target establishment has a trainee with the same inmate code or
            document.
    """
    require(actor, Action.TRANSFER_TRAINEES)
    trainee = _get(uow, trainee_id)
    check_establishment_scope(actor, trainee.establishment_id)
    target = _transfer_target(uow, trainee, to_establishment_code)
    reason = check_reason(reason)
    day = today_or(today)
    if on > day or (trainee.admission_date is not None and on < trainee.admission_date):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The transfer date {day} must be between admission and today."
            ),
            field="on",
            day=on.isoformat(),
        )
    _check_unique(uow, normalise(_row(trainee).to_input()), target.id, trainee.id)
    ended = end_open_enrolments(uow, actor, trainee.id, on, reason, day)
    source = trainee.establishment
    uow.session.add(
        TraineeTransfer(
            trainee_id=trainee.id,
            from_establishment_id=source.id,
            to_establishment_id=target.id,
            transferred_on=on,
            reason=reason,
        )
    )
    trainee.establishment = target
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "transfer",
        _ENTITY,
        entity_uuid=trainee.uuid,
        summary=f"Transferred trainee {trainee.inmate_code} from {source.code} to {target.code}",
        changes={
            "establishment": [source.code, target.code],
            "on": on,
            "reason": reason,
            "enrolments_ended": ended,
        },
    )
    return _row(trainee)
