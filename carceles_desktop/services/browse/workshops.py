"""The Talleres list and detail panel: workshops with their places taken and members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, false, func, select

from carceles_desktop.domain.catalogues import Establishment, Trade
from carceles_desktop.domain.commerce import Partner
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import EnrolmentState, Role, WorkshopModality
from carceles_desktop.domain.rules.text import fold_pattern
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import User
from carceles_desktop.domain.workshops import Workshop, workshop_supervisors
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.browse._common import LIKE_ESCAPE, check_page, ordered
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Sort keys of :func:`search_workshops`.
WORKSHOP_SORTS = (
    "code",
    "name",
    "establishment",
    "trade",
    "modality",
    "capacity",
    "trainees",
    "active",
)


@dataclass(frozen=True)
class WorkshopRow:
    """A workshop as the list shows it; ``active_trainees`` counts active enrolments."""

    id: int
    uuid: UUID
    code: str
    name: str
    establishment_name: str
    trade_name: str
    modality: WorkshopModality
    partner_name: str | None
    capacity: int
    active_trainees: int
    active: bool


@dataclass(frozen=True)
class WorkshopMember:
    """A trainee enrolled (active or waiting) in a workshop; ``name`` is "Surnames, Names"."""

    trainee_id: int
    inmate_code: str
    name: str
    state: EnrolmentState
    starts_on: date


@dataclass(frozen=True)
class WorkshopDetail:
    """Everything the detail panel shows about one workshop."""

    row: WorkshopRow
    establishment_code: str
    standard_hours: Decimal
    supervisors: tuple[str, ...]
    members: tuple[WorkshopMember, ...]
    waiting: int
    finished: int


def _workshop_scope(actor: Actor) -> ColumnElement[bool] | None:
    if actor.role is Role.SUPERVISOR:
        if not actor.workshop_ids:
            return false()
        return Workshop.id.in_(sorted(actor.workshop_ids))
    if actor.establishment_id is not None:
        return Workshop.establishment_id == actor.establishment_id
    return None


def _active_count(workshop_id: Any) -> Any:
    return (
        select(func.count(Enrolment.id))
        .where(Enrolment.workshop_id == workshop_id, Enrolment.state == EnrolmentState.ACTIVO)
        .scalar_subquery()
    )


def _workshop_query(actor: Actor, text: str) -> Select[Any]:
    trainees = _active_count(Workshop.id).label("active_trainees")
    query = (
        select(
            Workshop.id,
            Workshop.uuid,
            Workshop.code,
            Workshop.name,
            Establishment.name.label("establishment_name"),
            Trade.name.label("trade_name"),
            Workshop.modality,
            Partner.name.label("partner_name"),
            Workshop.capacity,
            trainees,
            Workshop.active,
        )
        .join(Establishment, Establishment.id == Workshop.establishment_id)
        .join(Trade, Trade.id == Workshop.trade_id)
        .outerjoin(Partner, Partner.id == Workshop.partner_id)
    )
    scope = _workshop_scope(actor)
    if scope is not None:
        query = query.where(scope)
    if text.strip():
        pattern = fold_pattern(text)
        query = query.where(
            Workshop.name_key.like(pattern, escape=LIKE_ESCAPE)
            | func.lower(Workshop.code).like(pattern, escape=LIKE_ESCAPE)
        )
    return query


_WORKSHOP_SORT_COLUMNS: dict[str, Any] = {
    "code": Workshop.code,
    "name": Workshop.name_key,
    "establishment": Establishment.name,
    "trade": Trade.name,
    "modality": Workshop.modality,
    "capacity": Workshop.capacity,
    "active": Workshop.active,
}


def search_workshops(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    sort: str = "code",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[WorkshopRow]:
    """Return one page of the workshops the actor may see, filtered and sorted.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who looks; a supervisor sees his workshops, others those of their
            establishment (all when it is None).
        text: found in the code or the name, ignoring case and accents.
        sort: one of :data:`WORKSHOP_SORTS`; ties are broken by id.
        descending: reverse the order.
        offset: rows to skip.
        limit: most rows to return.

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: an unknown sort key or a bad page (a programming error).
    """
    require(actor, Action.VIEW)
    check_page(offset, limit)
    if sort not in WORKSHOP_SORTS:
        raise ValueError(f"unknown workshop sort {sort!r}; use one of {WORKSHOP_SORTS}")
    # Workshops number in the hundreds: one plain query with a correlated count is enough.
    column = _active_count(Workshop.id) if sort == "trainees" else _WORKSHOP_SORT_COLUMNS[sort]
    query = (
        _workshop_query(actor, text)
        .order_by(*ordered([column], Workshop.id, descending=descending, nulls_last=False))
        .offset(offset)
        .limit(limit)
    )
    return [WorkshopRow(*row) for row in uow.session.execute(query)]


#: More workshops than the whole country has (about 300): a chooser lists every one.
ALL_WORKSHOPS = 1000


def workshops_to_choose(uow: UnitOfWork, actor: Actor, *, sort: str = "code") -> list[WorkshopRow]:
    """Every workshop the actor may see, for a list to choose from (a form, a sheet)."""
    return search_workshops(uow, actor, sort=sort, limit=ALL_WORKSHOPS)


def count_workshops(uow: UnitOfWork, actor: Actor, *, text: str = "") -> int:
    """Count the workshops :func:`search_workshops` would list for ``text``.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    inner = _workshop_query(actor, text).with_only_columns(Workshop.id).subquery()
    return int(uow.session.scalar(select(func.count()).select_from(inner)) or 0)


def _listed_name(paternal: str, maternal: str, given: str) -> str:
    surnames = " ".join(s for s in (paternal, maternal) if s)
    return f"{surnames}, {given}"


def _supervisor_names(uow: UnitOfWork, workshop_id: int) -> tuple[str, ...]:
    return tuple(
        uow.session.scalars(
            select(User.full_name)
            .join(workshop_supervisors, workshop_supervisors.c.user_id == User.id)
            .where(workshop_supervisors.c.workshop_id == workshop_id)
            .order_by(User.full_name)
        ).all()
    )


def _members(uow: UnitOfWork, workshop_id: int) -> tuple[WorkshopMember, ...]:
    """Active trainees first, then those waiting, each by surnames."""
    query = (
        select(
            Trainee.id,
            Trainee.inmate_code,
            Trainee.given_names,
            Trainee.paternal_surname,
            Trainee.maternal_surname,
            Enrolment.state,
            Enrolment.starts_on,
        )
        .join(Enrolment, Enrolment.trainee_id == Trainee.id)
        .where(
            Enrolment.workshop_id == workshop_id,
            Enrolment.state.in_((EnrolmentState.ACTIVO, EnrolmentState.EN_ESPERA)),
        )
        .order_by(
            Enrolment.state != EnrolmentState.ACTIVO,
            Trainee.paternal_surname,
            Trainee.maternal_surname,
            Trainee.given_names,
            Trainee.id,
        )
    )
    return tuple(
        WorkshopMember(tid, code, _listed_name(pat, mat, given), state, starts)
        for tid, code, given, pat, mat, state, starts in uow.session.execute(query)
    )


def workshop_detail(uow: UnitOfWork, actor: Actor, workshop_id: int) -> WorkshopDetail:
    """Return a workshop with its supervisors and the trainees enrolled in it now.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no such workshop, or one the actor may not see.
    """
    require(actor, Action.VIEW)
    query = _workshop_query(actor, "").where(Workshop.id == workshop_id)
    found = uow.session.execute(query).first()
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no workshop with the key {key}."),
            key=workshop_id,
        )
    row = WorkshopRow(*found)
    session = uow.session
    workshop = session.get_one(Workshop, workshop_id)
    establishment = session.get_one(Establishment, workshop.establishment_id)
    supervisors = _supervisor_names(uow, workshop_id)
    members = _members(uow, workshop_id)
    by_state = dict(
        session.execute(
            select(Enrolment.state, func.count(Enrolment.id))
            .where(Enrolment.workshop_id == workshop_id)
            .group_by(Enrolment.state)
        ).all()
    )
    return WorkshopDetail(
        row=row,
        establishment_code=establishment.code,
        standard_hours=workshop.standard_hours,
        supervisors=supervisors,
        members=members,
        waiting=by_state.get(EnrolmentState.EN_ESPERA, 0),
        finished=sum(
            count
            for state, count in by_state.items()
            if state not in (EnrolmentState.ACTIVO, EnrolmentState.EN_ESPERA)
        ),
    )
