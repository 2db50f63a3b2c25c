"""The checks a trainee's fields go through, as typed and against the database.

:func:`validate_trainee` needs no database: a form calls it as the user types and the
importer for every row.  :func:`checked_input` adds the establishment's existence and
:func:`check_unique` the uniqueness of the inmate code and document within it, which
need the database.  :class:`TraineeInput`, what the checks look at, lives here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import or_, select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.enums import DocumentType, LegalSituation, Sex
from carceles_desktop.domain.rules.identity import describe_dni_problem, is_valid_foreign_document
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.errors import Conflict, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services.scope import surnames_first, today_or
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


def field_problem(field: str, text: str, **params: Any) -> FieldProblem:
    """A problem of ``field``: ``text`` is a marked source string, ``params`` its values."""
    return FieldProblem(field, Message("errors", text, params))


# --------------------------------------------------------------------------- as typed


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
        return [field_problem("doc_type", QT_TRANSLATE_NOOP("errors", "Choose the document type."))]
    if kind is DocumentType.NONE:
        if number:
            text = QT_TRANSLATE_NOOP(
                "errors", "A trainee without a document has no document number; choose its type."
            )
            return [field_problem("doc_number", text)]
        return []
    if kind is DocumentType.DNI:
        problem = describe_dni_problem(number or "", data.doc_check or None)
        return [field_problem("doc_number", problem)] if problem else []
    if not number:
        text = QT_TRANSLATE_NOOP("errors", "Enter the document number.")
        return [field_problem("doc_number", text)]
    if not is_valid_foreign_document(number):
        text = QT_TRANSLATE_NOOP(
            "errors", "A carné de extranjería or passport number has 1 to 12 letters and digits."
        )
        return [field_problem("doc_number", text)]
    return []


def _text_problems(data: TraineeInput) -> list[FieldProblem]:
    problems = []
    required = ("establishment_code", "inmate_code", "paternal_surname", "given_names")
    for name in (*required, "nationality"):
        if not getattr(data, name):
            text = QT_TRANSLATE_NOOP("errors", "This field is required.")
            problems.append(field_problem(name, text))
    for name, width in _WIDTHS.items():
        if len(getattr(data, name)) > width:
            text = QT_TRANSLATE_NOOP("errors", "At most {width} characters.")
            problems.append(field_problem(name, text, width=width))
    for name in ("paternal_surname", "maternal_surname", "given_names"):
        value = getattr(data, name)
        if value and not _NAME.fullmatch(value):
            text = QT_TRANSLATE_NOOP("errors", "A name has letters only (no digits or symbols).")
            problems.append(field_problem(name, text))
    return problems


def _choice_problems(data: TraineeInput) -> list[FieldProblem]:
    problems = []
    for name, enum in (("sex", Sex), ("legal_situation", LegalSituation)):
        try:
            enum(getattr(data, name))
        except ValueError:
            problems.append(field_problem(name, QT_TRANSLATE_NOOP("errors", "Choose a value.")))
    return problems


def _birth_problems(born: date, adult_on: date) -> list[FieldProblem]:
    if born < _OLDEST_BIRTH:
        text = QT_TRANSLATE_NOOP("errors", "The birth date {day} is too far back.")
        return [field_problem("birth_date", text, day=born.isoformat())]
    if _years_between(born, adult_on) < _ADULT_AGE:
        text = QT_TRANSLATE_NOOP(
            "errors", "Born on {day}, the trainee would be under 18 on {on}; check the date."
        )
        return [field_problem("birth_date", text, day=born.isoformat(), on=adult_on.isoformat())]
    return []


def _date_problems(data: TraineeInput, today: date) -> list[FieldProblem]:
    problems = []
    future = QT_TRANSLATE_NOOP("errors", "The date {day} is in the future.")
    for name in ("birth_date", "admission_date"):
        value = getattr(data, name)
        if value is not None and value > today:
            problems.append(field_problem(name, future, day=value.isoformat()))
    born, admitted, released = data.birth_date, data.admission_date, data.release_date
    if born is not None and born <= today:
        problems += _birth_problems(born, admitted or today)
    if admitted is not None and released is not None and released < admitted:
        text = QT_TRANSLATE_NOOP(
            "errors", "The release date {day} is before the admission date {admission}."
        )
        problems.append(
            field_problem(
                "release_date", text, day=released.isoformat(), admission=admitted.isoformat()
            )
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


# --------------------------------------------------------------------------- database


def check_unique(
    uow: UnitOfWork, data: TraineeInput, establishment_id: int, own: int | None
) -> None:
    """Refuse a trainee whose inmate code or document another of the establishment has.

    ``own`` is the trainee's own key when he exists already (he may keep his values).

    Raises:
        Conflict: ``field`` ``inmate_code`` or ``doc_number``; the message names the
            trainee who holds them (``existing_id`` is among its params).
    """
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


def checked_input(
    uow: UnitOfWork, data: TraineeInput, today: date | None
) -> tuple[TraineeInput, Establishment]:
    """Return the input normalised and its establishment, or refuse every problem.

    Raises:
        InvalidFields: a field check failed, or no establishment has the code.
    """
    problems = validate_trainee(data, today=today)
    establishment = None
    data = normalise(data)
    if data.establishment_code:
        establishment = uow.session.scalar(
            select(Establishment).where(Establishment.code == data.establishment_code)
        )
        if establishment is None:
            text = QT_TRANSLATE_NOOP("errors", "No establishment has the code {code}.")
            problems.insert(
                0, field_problem("establishment_code", text, code=data.establishment_code)
            )
    if problems or establishment is None:
        raise InvalidFields(problems)
    return data, establishment
