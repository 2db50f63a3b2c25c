"""Agreements (*convenios*): a partner runs or supplies a workshop for a period.

A convenio commonly lasts 2 to 4 years.  Its stored state is ``vigente`` until it is
ended early (``resuelto``) or found past its end (``vencido``, by
:func:`expire_agreements`); :meth:`AgreementRow.state_on` gives the state on any day
without waiting for that.  A workshop run by a partner (modality ``empresa``) with no
agreement in force is *flagged* by :func:`agreement_flags`: it may be working on an
expired convenio.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import ColumnElement, select

from carceles_desktop.domain.commerce import Agreement, Partner
from carceles_desktop.domain.enums import AgreementState, WorkshopModality
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.commerce_common import (
    changes_between,
    check_page,
    load_record,
    optional_text,
    required_text,
    snapshot,
    workshop_scope,
)
from carceles_desktop.services.enrolments import (
    check_establishment_scope,
    check_reason,
    today_or,
)
from carceles_desktop.services.partners import load_partner
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

_ENTITY = "agreement"
_FIELDS = ("number", "partner_id", "workshop_id", "signed_on", "starts_on", "ends_on", "notes")
_NOTES_WIDTH = 500


@dataclass(frozen=True)
class AgreementInput:
    """An agreement's fields as a form holds them."""

    number: str
    partner_id: int
    workshop_id: int
    signed_on: date
    starts_on: date
    ends_on: date
    notes: str | None = None


@dataclass(frozen=True)
class AgreementRow:
    """An agreement as lists and documents show it.

    Attributes:
        state: the stored state; see :meth:`state_on` for the state on a given day.
    """

    id: int
    uuid: UUID
    number: str
    partner_id: int
    partner_name: str
    workshop_id: int
    workshop_code: str
    workshop_name: str
    signed_on: date
    starts_on: date
    ends_on: date
    state: AgreementState
    notes: str | None

    def state_on(self, day: date) -> AgreementState:
        """The state on ``day``: a ``vigente`` agreement past its end is ``vencido``."""
        if self.state is AgreementState.VIGENTE and day > self.ends_on:
            return AgreementState.VENCIDO
        return self.state

    def in_force_on(self, day: date) -> bool:
        """True when the agreement covers ``day`` (started, not ended, not resolved)."""
        return self.state is AgreementState.VIGENTE and self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class AgreementFlag:
    """A partner-run workshop with no agreement in force on the day asked about.

    Attributes:
        last_agreement_number: its most recent agreement, None when it never had one.
        last_ends_on: when that agreement ended (or was resolved).
    """

    workshop_id: int
    workshop_code: str
    workshop_name: str
    partner_name: str | None
    last_agreement_number: str | None
    last_ends_on: date | None


def _row(agreement: Agreement, workshop: Workshop) -> AgreementRow:
    return AgreementRow(
        id=agreement.id,
        uuid=agreement.uuid,
        number=agreement.number,
        partner_id=agreement.partner_id,
        partner_name=agreement.partner.name,
        workshop_id=workshop.id,
        workshop_code=workshop.code,
        workshop_name=workshop.name,
        signed_on=agreement.signed_on,
        starts_on=agreement.starts_on,
        ends_on=agreement.ends_on,
        state=agreement.state,
        notes=agreement.notes,
    )


def _workshop(uow: UnitOfWork, actor: Actor, workshop_id: int) -> Workshop:
    workshop = uow.session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no workshop with the key {key}."),
            field="workshop",
            key=workshop_id,
        )
    check_establishment_scope(actor, workshop.establishment_id)
    return workshop


def load_agreement(uow: UnitOfWork, agreement_id: int) -> Agreement:
    """Return the agreement record (for the other commerce services).

    Raises:
        NotFound: no agreement has that key.
    """
    return load_record(
        uow,
        Agreement,
        agreement_id,
        QT_TRANSLATE_NOOP("errors", "There is no agreement with the key {key}."),
        "agreement",
    )


def _checked(
    uow: UnitOfWork, actor: Actor, data: AgreementInput, own: int | None
) -> dict[str, object]:
    number = required_text(
        data.number, "number", 40, QT_TRANSLATE_NOOP("errors", "Enter the agreement's number.")
    )
    partner = load_partner(uow, data.partner_id)
    if not partner.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} is retired; reactivate the partner first."),
            field="partner",
            name=partner.name,
        )
    _workshop(uow, actor, data.workshop_id)
    if data.ends_on < data.starts_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end date {end} is before the start date {start}."),
            field="ends_on",
            start=data.starts_on.isoformat(),
            end=data.ends_on.isoformat(),
        )
    if data.signed_on > data.ends_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The agreement cannot be signed after it ends ({end})."),
            field="signed_on",
            end=data.ends_on.isoformat(),
        )
    clash = uow.session.scalar(select(Agreement).where(Agreement.number == number))
    if clash is not None and clash.id != own:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "An agreement numbered {number} already exists."),
            field="number",
            number=number,
        )
    overlapping = uow.session.scalar(
        select(Agreement.number).where(
            Agreement.partner_id == data.partner_id,
            Agreement.workshop_id == data.workshop_id,
            Agreement.state != AgreementState.RESUELTO,
            Agreement.starts_on <= data.ends_on,
            Agreement.ends_on >= data.starts_on,
            Agreement.id != (own or 0),
        )
    )
    if overlapping is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "Agreement {other} already covers part of that period for this "
                "partner and workshop.",
            ),
            field="starts_on",
            other=overlapping,
        )
    return {
        "number": number,
        "partner_id": data.partner_id,
        "workshop_id": data.workshop_id,
        "signed_on": data.signed_on,
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
        "notes": optional_text(data.notes, "notes", _NOTES_WIDTH),
    }


def create_agreement(uow: UnitOfWork, actor: Actor, data: AgreementInput) -> AgreementRow:
    """Record a convenio between a partner and a workshop.

    Raises:
        PermissionDenied: the actor may not edit clients, or the workshop is of another
            establishment.
        NotFound: the partner or workshop does not exist.
        ValidationError: a field is wrong (dates out of order, empty number …).
        Conflict: the number is taken, or another agreement of the same partner and
            workshop overlaps the period.
    """
    require(actor, Action.EDIT_CLIENTS)
    values = _checked(uow, actor, data, None)
    agreement = Agreement(**values, state=AgreementState.VIGENTE)
    uow.session.add(agreement)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "create",
        _ENTITY,
        entity_uuid=agreement.uuid,
        summary=f"Recorded agreement {agreement.number} ({agreement.starts_on} to "
        f"{agreement.ends_on})",
        changes={name: [None, value] for name, value in values.items()},
    )
    return _row(agreement, _workshop(uow, actor, agreement.workshop_id))


def update_agreement(
    uow: UnitOfWork,
    actor: Actor,
    agreement_id: int,
    data: AgreementInput,
    *,
    today: date | None = None,
) -> AgreementRow:
    """Correct an agreement or extend it (an extension is a new end date).

    An expired (``vencido``) agreement whose end moves past ``today`` is ``vigente`` again.

    Raises:
        PermissionDenied: the actor may not edit clients.
        NotFound: the agreement, partner or workshop does not exist.
        ValidationError: a field is wrong.
        Conflict: the agreement was resolved, the number is taken or periods overlap.
    """
    require(actor, Action.EDIT_CLIENTS)
    agreement = load_agreement(uow, agreement_id)
    _workshop(uow, actor, agreement.workshop_id)
    if agreement.state is AgreementState.RESUELTO:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Agreement {number} was ended early; it cannot change."),
            number=agreement.number,
        )
    values = _checked(uow, actor, data, agreement.id)
    before = snapshot(agreement, _FIELDS)
    changed = changes_between(before, values)
    if agreement.state is AgreementState.VENCIDO and data.ends_on >= today_or(today):
        changed["state"] = [agreement.state, AgreementState.VIGENTE]
        agreement.state = AgreementState.VIGENTE
    if changed:
        for name, value in values.items():
            setattr(agreement, name, value)
        uow.session.flush()
        audit.record(
            uow,
            actor,
            "update",
            _ENTITY,
            entity_uuid=agreement.uuid,
            summary=f"Changed agreement {agreement.number}: " + ", ".join(changed),
            changes=changed,
        )
    return _row(agreement, _workshop(uow, actor, agreement.workshop_id))


def resolve_agreement(
    uow: UnitOfWork, actor: Actor, agreement_id: int, *, on: date, reason: str
) -> AgreementRow:
    """End an agreement early (*resolución*): it stops covering days after ``on``.

    The reason is kept in the notes and the audit log.

    Raises:
        PermissionDenied: the actor may not edit clients.
        NotFound: no agreement has that key.
        ValidationError: no reason, or ``on`` outside the agreement's period.
        Conflict: the agreement was already resolved.
    """
    require(actor, Action.EDIT_CLIENTS)
    agreement = load_agreement(uow, agreement_id)
    workshop = _workshop(uow, actor, agreement.workshop_id)
    text = check_reason(reason)
    if agreement.state is AgreementState.RESUELTO:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Agreement {number} was already ended early."),
            number=agreement.number,
        )
    if not agreement.starts_on <= on <= agreement.ends_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a day from {start} to {end}."),
            field="on",
            start=agreement.starts_on.isoformat(),
            end=agreement.ends_on.isoformat(),
        )
    before = snapshot(agreement, ("state", "ends_on", "notes"))
    note = f"Resuelto el {on.isoformat()}: {text}"
    agreement.notes = (f"{agreement.notes}\n{note}" if agreement.notes else note)[-_NOTES_WIDTH:]
    agreement.state = AgreementState.RESUELTO
    agreement.ends_on = on
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "state_change",
        _ENTITY,
        entity_uuid=agreement.uuid,
        summary=f"Ended agreement {agreement.number} early on {on}: {text}",
        changes=changes_between(before, snapshot(agreement, ("state", "ends_on", "notes"))),
    )
    return _row(agreement, workshop)


def expire_agreements(
    uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> list[AgreementRow]:
    """Mark ``vencido`` every ``vigente`` agreement whose end is before today.

    Run at start-up or from the agreements screen; returns the agreements it changed.

    Raises:
        PermissionDenied: the actor may not edit clients.
    """
    require(actor, Action.EDIT_CLIENTS)
    day = today_or(today)
    query = (
        select(Agreement, Workshop)
        .join(Workshop, Workshop.id == Agreement.workshop_id)
        .where(Agreement.state == AgreementState.VIGENTE, Agreement.ends_on < day)
        .order_by(Agreement.ends_on, Agreement.id)
    )
    scope = workshop_scope(actor)
    if scope is not None:
        query = query.where(scope)
    changed = []
    for agreement, workshop in uow.session.execute(query).all():
        agreement.state = AgreementState.VENCIDO
        audit.record(
            uow,
            actor,
            "state_change",
            _ENTITY,
            entity_uuid=agreement.uuid,
            summary=f"Agreement {agreement.number} expired on {agreement.ends_on}",
            changes={"state": [AgreementState.VIGENTE, AgreementState.VENCIDO]},
        )
        changed.append(_row(agreement, workshop))
    uow.session.flush()
    return changed


def list_agreements(
    uow: UnitOfWork,
    actor: Actor,
    *,
    partner_id: int | None = None,
    workshop_id: int | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[AgreementRow]:
    """List agreements, the latest ending first.

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: a bad page (a programming error).
    """
    require(actor, Action.VIEW)
    offset, limit = check_page(offset, limit)
    filters: list[ColumnElement[bool]] = []
    if partner_id is not None:
        filters.append(Agreement.partner_id == partner_id)
    if workshop_id is not None:
        filters.append(Agreement.workshop_id == workshop_id)
    scope = workshop_scope(actor)
    if scope is not None:
        filters.append(scope)
    query = (
        select(Agreement, Workshop)
        .join(Workshop, Workshop.id == Agreement.workshop_id)
        .where(*filters)
        .order_by(Agreement.ends_on.desc(), Agreement.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [_row(a, w) for a, w in uow.session.execute(query).all()]


def agreement_in_force(uow: UnitOfWork, workshop_id: int, day: date) -> AgreementRow | None:
    """Return an agreement covering ``day`` for the workshop, if any (latest start first)."""
    query = (
        select(Agreement, Workshop)
        .join(Workshop, Workshop.id == Agreement.workshop_id)
        .where(
            Agreement.workshop_id == workshop_id,
            Agreement.state == AgreementState.VIGENTE,
            Agreement.starts_on <= day,
            Agreement.ends_on >= day,
        )
        .order_by(Agreement.starts_on.desc(), Agreement.id.desc())
        .limit(1)
    )
    found = uow.session.execute(query).first()
    return _row(found[0], found[1]) if found else None


def agreement_flags(
    uow: UnitOfWork, actor: Actor, *, today: date | None = None
) -> list[AgreementFlag]:
    """List the active partner-run workshops with no agreement in force today.

    A workshop of modality ``empresa`` (or with a partner set) works under a convenio;
    when none covers today, it is run under an expired (or missing) agreement.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    day = today_or(today)
    query = (
        select(Workshop, Partner.name)
        .outerjoin(Partner, Partner.id == Workshop.partner_id)
        .where(
            Workshop.active.is_(True),
            (Workshop.modality == WorkshopModality.PARTNER) | Workshop.partner_id.is_not(None),
        )
        .order_by(Workshop.code)
    )
    scope = workshop_scope(actor)
    if scope is not None:
        query = query.where(scope)
    flags = []
    for workshop, partner_name in uow.session.execute(query).all():
        if agreement_in_force(uow, workshop.id, day) is not None:
            continue
        last = uow.session.scalar(
            select(Agreement)
            .where(Agreement.workshop_id == workshop.id, Agreement.starts_on <= day)
            .order_by(Agreement.ends_on.desc(), Agreement.id.desc())
            .limit(1)
        )
        flags.append(
            AgreementFlag(
                workshop_id=workshop.id,
                workshop_code=workshop.code,
                workshop_name=workshop.name,
                partner_name=partner_name or (last.partner.name if last else None),
                last_agreement_number=last.number if last else None,
                last_ends_on=last.ends_on if last else None,
            )
        )
    return flags
