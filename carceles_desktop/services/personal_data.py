"""One person's data, all of it, for his right of access and portability (Ley 29733).

The export gathers every row that is about one trainee: his record, transfers,
enrolments with their state history, attendance, assessments, pay records, the batches
he worked on, and the snapshots of the certificates issued to him.  It is meant for the
person or the Oficial de Datos Personales, so it is complete rather than minimised; the
audit entry that records the export names only the trainee's UUID and the row counts.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import inspect, select

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.commerce import Product
from carceles_desktop.domain.enrolments import (
    Assessment,
    Attendance,
    Enrolment,
    EnrolmentStateChange,
)
from carceles_desktop.domain.pay import PayRecord
from carceles_desktop.domain.production import BatchWorker, ProductionBatch
from carceles_desktop.domain.trainees import Trainee, TraineeTransfer
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound, PermissionDenied
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Names the layout of the exported document, so that a reader knows what to expect.
FORMAT = "carceles-desktop/personal-data/1"

# Search helpers the program derives from other columns: nothing about the person.
_DERIVED = frozenset({"search_key", "name_key"})


def export_trainee_data(uow: UnitOfWork, actor: Actor, trainee_id: int) -> dict[str, Any]:
    """Gather everything stored about one trainee as JSON-ready data.

    The export is audited (action ``export``) in the caller's unit of work, so the
    caller commits afterwards, as for any change.

    Args:
        uow: the caller's unit of work.
        actor: who exports.
        trainee_id: the trainee's local key.

    Returns:
        A dict of plain JSON values: ``format``, ``exported_at``, ``exported_by``,
        ``trainee``, ``transfers``, ``enrolments`` (each with ``workshop``, ``history``,
        ``attendance``, ``assessments``, ``pay_records`` and ``batch_work``) and
        ``certificates`` (each with its decoded ``snapshot``).

    Raises:
        PermissionDenied: the actor may not export personal data, or the trainee
            belongs to another establishment than the actor's.
        NotFound: no such trainee.
    """
    require(actor, Action.EXPORT_PERSONAL_DATA)
    trainee = uow.session.get(Trainee, trainee_id)
    if trainee is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trainee number {id}."), id=trainee_id
        )
    if actor.establishment_id is not None and trainee.establishment_id != actor.establishment_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "{user} may export only the data of his own establishment's trainees."
            ),
            user=actor.username,
        )
    session = uow.session
    person = _columns(trainee)
    establishment = session.get(Establishment, trainee.establishment_id)
    if establishment is not None:
        person["establishment"] = {"code": establishment.code, "name": establishment.name}
    transfers = session.scalars(
        select(TraineeTransfer)
        .where(TraineeTransfer.trainee_id == trainee.id)
        .order_by(TraineeTransfer.transferred_on, TraineeTransfer.id)
    )
    enrolments = session.scalars(
        select(Enrolment)
        .where(Enrolment.trainee_id == trainee.id)
        .order_by(Enrolment.starts_on, Enrolment.id)
    ).all()
    certificates = session.scalars(
        select(Certificate)
        .where(Certificate.trainee_id == trainee.id)
        .order_by(Certificate.issued_on, Certificate.id)
    )
    data: dict[str, Any] = {
        "format": FORMAT,
        "exported_at": utcnow().isoformat(timespec="seconds") + "Z",
        "exported_by": actor.username,
        "trainee": person,
        "transfers": [_columns(t) for t in transfers],
        "enrolments": [_enrolment(uow, e) for e in enrolments],
        "certificates": [_certificate(c) for c in certificates],
    }
    audit.record(
        uow,
        actor,
        "export",
        "trainee",
        entity_uuid=trainee.uuid,
        summary="Personal data of a trainee exported",
        changes={"rows": _counts(data)},
    )
    return data


def write_trainee_data_json(data: Mapping[str, Any], path: Path | str) -> Path:
    """Write an export as UTF-8 JSON, replacing ``path`` only once fully written.

    Returns:
        The path written.

    Raises:
        OSError: the file cannot be written (the previous file, if any, is untouched).
    """
    target = Path(path)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _enrolment(uow: UnitOfWork, enrolment: Enrolment) -> dict[str, Any]:
    session = uow.session
    row = _columns(enrolment)
    workshop = session.get(Workshop, enrolment.workshop_id)
    if workshop is not None:
        row["workshop"] = {"code": workshop.code, "name": workshop.name}
    row["history"] = _all(
        session.scalars(
            select(EnrolmentStateChange)
            .where(EnrolmentStateChange.enrolment_id == enrolment.id)
            .order_by(EnrolmentStateChange.id)
        )
    )
    row["attendance"] = _all(
        session.scalars(
            select(Attendance)
            .where(Attendance.enrolment_id == enrolment.id)
            .order_by(Attendance.day)
        )
    )
    row["assessments"] = _all(
        session.scalars(
            select(Assessment)
            .where(Assessment.enrolment_id == enrolment.id)
            .order_by(Assessment.assessed_on, Assessment.id)
        )
    )
    row["pay_records"] = _all(
        session.scalars(
            select(PayRecord)
            .where(PayRecord.enrolment_id == enrolment.id)
            .order_by(PayRecord.year, PayRecord.month)
        )
    )
    work = session.execute(
        select(BatchWorker, ProductionBatch.code, Product.name)
        .join(ProductionBatch, BatchWorker.batch_id == ProductionBatch.id)
        .join(Product, ProductionBatch.product_id == Product.id)
        .where(BatchWorker.enrolment_id == enrolment.id)
        .order_by(ProductionBatch.starts_on, ProductionBatch.id)
    ).all()
    row["batch_work"] = [
        {**_columns(worker), "batch_code": code, "product": product}
        for worker, code, product in work
    ]
    return row


def _certificate(certificate: Certificate) -> dict[str, Any]:
    row = _columns(certificate)
    try:
        row["snapshot"] = json.loads(certificate.snapshot)
    except ValueError:
        # Kept as text: the person is owed what is stored, even if it is not JSON.
        row["snapshot"] = certificate.snapshot
    return row


def _all(records: Iterable[object]) -> list[dict[str, Any]]:
    return [_columns(record) for record in records]


def _columns(record: object) -> dict[str, Any]:
    """Every mapped column of ``record`` as a JSON value, except derived search keys."""
    mapper = inspect(record).mapper
    return {
        attribute.key: _json_value(getattr(record, attribute.key))
        for attribute in mapper.column_attrs
        if attribute.key not in _DERIVED
    }


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def _counts(data: Mapping[str, Any]) -> dict[str, int]:
    enrolments = data["enrolments"]
    return {
        "transfers": len(data["transfers"]),
        "enrolments": len(enrolments),
        "attendance": sum(len(e["attendance"]) for e in enrolments),
        "assessments": sum(len(e["assessments"]) for e in enrolments),
        "pay_records": sum(len(e["pay_records"]) for e in enrolments),
        "batch_work": sum(len(e["batch_work"]) for e in enrolments),
        "certificates": len(data["certificates"]),
    }
