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

This module writes records; the checks live in :mod:`.trainee_checks`, the row in
:mod:`.trainee_records` and transfers in :mod:`.trainee_transfers`.  All are
re-exported here, where callers import them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError

from carceles_desktop.domain.catalogues import RedemptionRule
from carceles_desktop.domain.rules.text import search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.scope import check_establishment_scope, check_trainee_access
from carceles_desktop.services.trainee_checks import (
    FieldProblem,
    InvalidFields,
    TraineeInput,
    checked_input,
    field_problem,
    normalise,
    validate_trainee,
)

# Called through this module's name, so a test can stand in for it (a lost race).
from carceles_desktop.services.trainee_checks import check_unique as _check_unique
from carceles_desktop.services.trainee_records import (
    AUDIT_ENTITY,
    COLUMNS,
    TraineeRow,
    load_trainee,
    trainee_row,
)
from carceles_desktop.services.trainee_transfers import transfer_trainee
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "FieldProblem",
    "InvalidFields",
    "TraineeInput",
    "TraineeRow",
    "create_trainee",
    "get_trainee",
    "normalise",
    "set_redemption_case",
    "transfer_trainee",
    "update_trainee",
    "validate_trainee",
]


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
    for name in COLUMNS:
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
    data, establishment = checked_input(uow, data, today)
    check_establishment_scope(actor, establishment.id)
    _check_unique(uow, data, establishment.id, None)
    trainee = Trainee(establishment=establishment)
    # Personal data stays out of the audit log: the entry names the record and fields.
    changed = sorted(_write(uow, trainee, data, establishment.id))
    audit.record(
        uow,
        actor,
        "create",
        AUDIT_ENTITY,
        entity_uuid=trainee.uuid,
        summary=f"Registered trainee {trainee.inmate_code} in {establishment.code}",
        changes={"fields": changed},
    )
    return trainee_row(trainee)


def get_trainee(uow: UnitOfWork, actor: Actor, trainee_id: int) -> TraineeRow:
    """Return a trainee's record (to fill the edit form).

    Raises:
        PermissionDenied: the actor may not view records, or not this trainee.
        NotFound: no such trainee.
    """
    require(actor, Action.VIEW)
    trainee = load_trainee(uow, trainee_id)
    check_trainee_access(uow, actor, trainee)
    return trainee_row(trainee)


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
    trainee = load_trainee(uow, trainee_id)
    check_trainee_access(uow, actor, trainee)
    data, establishment = checked_input(uow, data, today)
    if establishment.id != trainee.establishment_id:
        text = QT_TRANSLATE_NOOP(
            "errors", "To move a trainee to another establishment, transfer him."
        )
        raise InvalidFields([field_problem("establishment_code", text)])
    _check_unique(uow, data, establishment.id, trainee.id)
    changes = _write(uow, trainee, data, establishment.id)
    if not changes:
        return trainee_row(trainee)
    audit.record(
        uow,
        actor,
        "update",
        AUDIT_ENTITY,
        entity_uuid=trainee.uuid,
        summary=f"Changed trainee {trainee.inmate_code}: {', '.join(sorted(changes))}",
        changes=changes,
    )
    return trainee_row(trainee)


def _describe_rule(rule: RedemptionRule | None) -> str | None:
    if rule is None:
        return None
    return f"{rule.case_code} ({rule.valid_from.isoformat()}, {rule.legal_basis})"


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
    trainee = load_trainee(uow, trainee_id)
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
        return trainee_row(trainee)
    trainee.redemption_rule = rule
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "set_redemption_case",
        AUDIT_ENTITY,
        entity_uuid=trainee.uuid,
        summary=(
            f"Redemption case of trainee {trainee.inmate_code}: {_describe_rule(rule) or '-'}"
        ),
        changes={"redemption_rule": [_describe_rule(before), _describe_rule(rule)]},
    )
    return trainee_row(trainee)
