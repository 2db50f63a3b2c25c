"""A trainee's record as the trainee services return it, and finding it by key."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from uuid import UUID

from carceles_desktop.domain.enums import DocumentType, LegalSituation, Sex
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.trainee_checks import TraineeInput
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: The entity name of trainee changes in the audit log.
AUDIT_ENTITY = "trainee"
#: The columns a form edits, named alike on the record, the input and the row.
COLUMNS = (
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


def trainee_row(trainee: Trainee) -> TraineeRow:
    """The row of a trainee, with his establishment's code and name."""
    est = trainee.establishment
    values = {name: getattr(trainee, name) for name in COLUMNS}
    return TraineeRow(
        id=trainee.id,
        uuid=trainee.uuid,
        establishment_id=est.id,
        establishment_code=est.code,
        establishment_name=est.name,
        redemption_rule_id=trainee.redemption_rule_id,
        **values,
    )


def load_trainee(uow: UnitOfWork, trainee_id: int) -> Trainee:
    """Return the trainee with this key.

    Raises:
        NotFound: no such trainee (``field`` ``trainee``).
    """
    trainee = uow.session.get(Trainee, trainee_id)
    if trainee is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trainee with the key {key}."),
            field="trainee",
            key=trainee_id,
        )
    return trainee
