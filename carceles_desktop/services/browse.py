"""The read side of the Internos and Talleres lists: paged, filtered and sorted in SQL.

Every list query runs in two steps inside one statement.  An inner query finds the ids
of one page (scope, ``LIKE`` filter on the folded search key, sort, ``LIMIT``/``OFFSET``)
touching as few columns as it can; the outer query joins only those ids to what the
rows show (establishment, current enrolment and its workshop).  The expensive
correlated lookup of a trainee's current enrolment therefore runs once per shown row,
not once per matching row, except when the user sorts by that very column.

Counting is a separate call (:func:`count_trainees`, :func:`count_workshops`): a
``COUNT`` over a ``LIKE`` scan costs as much as the page itself, so callers ask for it
only when the page they got was full (a short page already tells the total).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, case, false, func, select
from sqlalchemy.orm import aliased

from carceles_desktop.domain.catalogues import Competency, Establishment, RedemptionRule, Trade
from carceles_desktop.domain.commerce import Partner
from carceles_desktop.domain.enrolments import (
    Assessment,
    Attendance,
    Enrolment,
    EnrolmentStateChange,
)
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Role,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.rules.text import fold_pattern
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import User
from carceles_desktop.domain.workshops import Workshop, workshop_supervisors
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Sort keys of :func:`search_trainees`.
TRAINEE_SORTS = ("name", "code", "document", "establishment", "workshop", "state")
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

_LIKE_ESCAPE = "\\"


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class TraineeRow:
    """A trainee as the list shows him.

    ``active_workshop`` and ``enrolment_state`` describe his current enrolment: the
    active one, else the one on the waiting list, else the most recent; both are None
    for a trainee never enrolled.
    """

    id: int
    uuid: UUID
    inmate_code: str
    doc_type: DocumentType
    doc_number: str | None
    paternal_surname: str
    maternal_surname: str
    given_names: str
    establishment_code: str
    establishment_name: str
    active_workshop: str | None
    enrolment_state: EnrolmentState | None


@dataclass(frozen=True)
class StateChangeRow:
    """One step of an enrolment's history."""

    changed_on: date
    from_state: EnrolmentState | None
    to_state: EnrolmentState
    reason: str


@dataclass(frozen=True)
class AssessmentRow:
    """A competency assessed within an enrolment."""

    competency_code: str
    competency_name: str
    assessed_on: date
    grade: int | None
    passed: bool
    evaluator: str


@dataclass(frozen=True)
class EnrolmentSummary:
    """An enrolment of a trainee with its history, hours worked and assessments."""

    id: int
    workshop_code: str
    workshop_name: str
    starts_on: date
    ends_on: date | None
    state: EnrolmentState
    total_hours: Decimal
    days_present: int
    history: tuple[StateChangeRow, ...]
    assessments: tuple[AssessmentRow, ...]


@dataclass(frozen=True)
class TraineeDetail:
    """Everything the detail panel shows about one trainee."""

    id: int
    uuid: UUID
    inmate_code: str
    doc_type: DocumentType
    doc_number: str | None
    paternal_surname: str
    maternal_surname: str
    given_names: str
    sex: Sex
    birth_date: date | None
    nationality: str
    establishment_code: str
    establishment_name: str
    admission_date: date | None
    legal_situation: LegalSituation
    first_offender: bool
    redemption_case: str | None
    release_date: date | None
    enrolments: tuple[EnrolmentSummary, ...]

    @property
    def full_name(self) -> str:
        """Names then surnames, as printed on documents."""
        surnames = " ".join(s for s in (self.paternal_surname, self.maternal_surname) if s)
        return f"{self.given_names} {surnames}".strip()


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


# --------------------------------------------------------------------------- scope


def _check_page(offset: int, limit: int) -> None:
    if offset < 0 or limit < 1:
        raise ValueError(f"bad page: offset={offset}, limit={limit}")


def _trainee_scope(actor: Actor) -> ColumnElement[bool] | None:
    """Which trainees the actor may see: None means all of them."""
    if actor.role is Role.SUPERVISOR:
        if not actor.workshop_ids:
            return false()
        enrolled = select(Enrolment.trainee_id).where(
            Enrolment.workshop_id.in_(sorted(actor.workshop_ids))
        )
        return Trainee.id.in_(enrolled)
    if actor.establishment_id is not None:
        return Trainee.establishment_id == actor.establishment_id
    return None


def _workshop_scope(actor: Actor) -> ColumnElement[bool] | None:
    if actor.role is Role.SUPERVISOR:
        if not actor.workshop_ids:
            return false()
        return Workshop.id.in_(sorted(actor.workshop_ids))
    if actor.establishment_id is not None:
        return Workshop.establishment_id == actor.establishment_id
    return None


def _trainee_filters(actor: Actor, text: str) -> list[ColumnElement[bool]]:
    filters = []
    scope = _trainee_scope(actor)
    if scope is not None:
        filters.append(scope)
    if text.strip():
        filters.append(Trainee.search_key.like(fold_pattern(text), escape=_LIKE_ESCAPE))
    return filters


# --------------------------------------------------------------------------- trainees


# Aliases are built once: aliasing a table copies its column collection, which costs
# more than the rest of building a page query.
_RANKED = aliased(Enrolment, name="ranked")
_CURRENT = aliased(Enrolment, name="current")
_SORT_ENROLMENT = aliased(Enrolment, name="sort_enrolment")
_SHOWN = aliased(Trainee, name="shown")
_SORT_ESTABLISHMENT = aliased(Establishment, name="sort_establishment")
_RANK = case(
    (_RANKED.state == EnrolmentState.ACTIVO, 0),
    (_RANKED.state == EnrolmentState.EN_ESPERA, 1),
    else_=2,
)


def _current_enrolment_id(trainee_id: Any) -> Any:
    """A correlated scalar query: the id of the trainee's current enrolment."""
    return (
        select(_RANKED.id)
        .where(_RANKED.trainee_id == trainee_id)
        .order_by(_RANK, _RANKED.starts_on.desc(), _RANKED.id.desc())
        .limit(1)
        .correlate_except(_RANKED)
        .scalar_subquery()
    )


def _current_workshop_name(trainee_id: Any) -> Any:
    return (
        select(Workshop.name)
        .where(Workshop.id == _SORT_ENROLMENT.workshop_id)
        .where(_SORT_ENROLMENT.id == _current_enrolment_id(trainee_id))
        .correlate_except(Workshop, _SORT_ENROLMENT)
        .scalar_subquery()
    )


def _current_state(trainee_id: Any) -> Any:
    return (
        select(_SORT_ENROLMENT.state)
        .where(_SORT_ENROLMENT.id == _current_enrolment_id(trainee_id))
        .correlate_except(_SORT_ENROLMENT)
        .scalar_subquery()
    )


def _trainee_sort_columns(
    sort: str, trainee: Any, est_name: Any, workshop: Any, state: Any
) -> list[Any]:
    if sort == "name":
        # The folded key begins with surnames then names, so accents do not reorder.
        return [trainee.search_key]
    if sort == "code":
        return [trainee.inmate_code]
    if sort == "document":
        return [trainee.doc_number]
    if sort == "establishment":
        return [est_name]
    if sort == "workshop":
        return [workshop]
    if sort == "state":
        return [state]
    raise ValueError(f"unknown trainee sort {sort!r}; use one of {TRAINEE_SORTS}")


#: Sort keys whose column may be empty; they sort last both ways on both backends
#: (SQLite and PostgreSQL differ by default).  NULLS LAST is kept off the others so that
#: SQLite can still walk the name index instead of sorting.
_NULLABLE_SORTS = frozenset({"document", "workshop", "state"})


def _ordered(columns: Sequence[Any], tie: Any, *, descending: bool, nulls_last: bool) -> list[Any]:
    keys = [c.desc() if descending else c.asc() for c in columns]
    if nulls_last:
        keys = [key.nulls_last() for key in keys]
    return [*keys, tie.desc() if descending else tie.asc()]


def search_trainees(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[TraineeRow]:
    """Return one page of the trainees the actor may see, filtered and sorted.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who looks; a supervisor sees the trainees enrolled (now or before) in his
            workshops, others those of their establishment (all when it is None).
        text: words typed by the user, found anywhere in the names, document number or
            inmate code, ignoring case and accents ("nunez" finds "Núñez").
        sort: one of :data:`TRAINEE_SORTS`; ties are broken by id, so pages are stable.
        descending: reverse the order.
        offset: rows to skip.
        limit: most rows to return.

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: an unknown sort key or a bad page (a programming error).
    """
    require(actor, Action.VIEW)
    _check_page(offset, limit)
    est = _SORT_ESTABLISHMENT
    nullable = sort in _NULLABLE_SORTS
    columns = _trainee_sort_columns(
        sort,
        Trainee,
        est.name,
        _current_workshop_name(Trainee.id) if sort == "workshop" else None,
        _current_state(Trainee.id) if sort == "state" else None,
    )
    if sort == "name" and text.strip():
        # With a filter, walking the name index in order costs a table lookup per
        # trainee when few match (100 ms for 100,000); a scan plus a top-N sort costs
        # about 20 ms at worst.  COALESCE on a NOT NULL column keeps the order and hides
        # the index from SQLite's planner.
        columns[0] = func.coalesce(columns[0], "")
    page_ids = select(Trainee.id).where(*_trainee_filters(actor, text))
    if sort == "establishment":
        page_ids = page_ids.join(est, est.id == Trainee.establishment_id)
    page = (
        page_ids.order_by(
            *_ordered(columns, Trainee.id, descending=descending, nulls_last=nullable)
        )
        .offset(offset)
        .limit(limit)
        .subquery("page")
    )
    shown, current = _SHOWN, _CURRENT
    query = (
        select(
            shown.id,
            shown.uuid,
            shown.inmate_code,
            shown.doc_type,
            shown.doc_number,
            shown.paternal_surname,
            shown.maternal_surname,
            shown.given_names,
            Establishment.code,
            Establishment.name,
            Workshop.name,
            current.state,
        )
        .select_from(page)
        .join(shown, shown.id == page.c.id)
        .join(Establishment, Establishment.id == shown.establishment_id)
        .outerjoin(current, current.id == _current_enrolment_id(shown.id))
        .outerjoin(Workshop, Workshop.id == current.workshop_id)
    )
    outer_columns = _trainee_sort_columns(
        sort, shown, Establishment.name, Workshop.name, current.state
    )
    query = query.order_by(
        *_ordered(outer_columns, shown.id, descending=descending, nulls_last=nullable)
    )
    rows: Sequence[Any] = uow.session.execute(query).all()
    return [TraineeRow(*row) for row in rows]


def count_trainees(uow: UnitOfWork, actor: Actor, *, text: str = "") -> int:
    """Count the trainees :func:`search_trainees` would list for ``text``.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    query = select(func.count()).select_from(Trainee).where(*_trainee_filters(actor, text))
    return int(uow.session.scalar(query) or 0)


def _visible_trainee(uow: UnitOfWork, actor: Actor, trainee_id: int) -> Trainee:
    query = select(Trainee).where(Trainee.id == trainee_id, *_trainee_filters(actor, ""))
    trainee = uow.session.scalar(query)
    if trainee is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trainee with the key {key}."),
            key=trainee_id,
        )
    return trainee


def trainee_detail(uow: UnitOfWork, actor: Actor, trainee_id: int) -> TraineeDetail:
    """Return a trainee's personal data and every enrolment with its history.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no such trainee, or one the actor may not see.
    """
    require(actor, Action.VIEW)
    trainee = _visible_trainee(uow, actor, trainee_id)
    rule = (
        uow.session.get(RedemptionRule, trainee.redemption_rule_id)
        if trainee.redemption_rule_id is not None
        else None
    )
    establishment = uow.session.get_one(Establishment, trainee.establishment_id)
    return TraineeDetail(
        id=trainee.id,
        uuid=trainee.uuid,
        inmate_code=trainee.inmate_code,
        doc_type=trainee.doc_type,
        doc_number=trainee.doc_number,
        paternal_surname=trainee.paternal_surname,
        maternal_surname=trainee.maternal_surname,
        given_names=trainee.given_names,
        sex=trainee.sex,
        birth_date=trainee.birth_date,
        nationality=trainee.nationality,
        establishment_code=establishment.code,
        establishment_name=establishment.name,
        admission_date=trainee.admission_date,
        legal_situation=trainee.legal_situation,
        first_offender=trainee.first_offender,
        redemption_case=f"{rule.case_code} — {rule.description}" if rule else None,
        release_date=trainee.release_date,
        enrolments=_enrolment_summaries(uow, trainee.id),
    )


def _enrolment_summaries(uow: UnitOfWork, trainee_id: int) -> tuple[EnrolmentSummary, ...]:
    session = uow.session
    hours = (
        select(
            Attendance.enrolment_id,
            func.coalesce(func.sum(Attendance.hours), 0),
            func.count(Attendance.id),
        )
        .join(Enrolment, Enrolment.id == Attendance.enrolment_id)
        .where(
            Enrolment.trainee_id == trainee_id,
            Attendance.status == AttendanceStatus.PRESENTE,
        )
        .group_by(Attendance.enrolment_id)
    )
    # SUM and COALESCE keep the column's type, so the total comes back as Decimal hours.
    totals = {eid: (Decimal(total), days) for eid, total, days in session.execute(hours)}
    history: dict[int, list[StateChangeRow]] = {}
    changes = (
        select(EnrolmentStateChange)
        .join(Enrolment, Enrolment.id == EnrolmentStateChange.enrolment_id)
        .where(Enrolment.trainee_id == trainee_id)
        .order_by(EnrolmentStateChange.changed_on, EnrolmentStateChange.id)
    )
    for change in session.scalars(changes):
        history.setdefault(change.enrolment_id, []).append(
            StateChangeRow(change.changed_on, change.from_state, change.to_state, change.reason)
        )
    grades: dict[int, list[AssessmentRow]] = {}
    assessed = (
        select(Assessment, Competency.code, Competency.name)
        .join(Competency, Competency.id == Assessment.competency_id)
        .join(Enrolment, Enrolment.id == Assessment.enrolment_id)
        .where(Enrolment.trainee_id == trainee_id)
        .order_by(Assessment.assessed_on, Assessment.id)
    )
    for assessment, code, name in session.execute(assessed):
        grades.setdefault(assessment.enrolment_id, []).append(
            AssessmentRow(
                code,
                name,
                assessment.assessed_on,
                assessment.grade,
                assessment.passed,
                assessment.evaluator,
            )
        )
    enrolments = (
        select(Enrolment, Workshop.code, Workshop.name)
        .join(Workshop, Workshop.id == Enrolment.workshop_id)
        .where(Enrolment.trainee_id == trainee_id)
        .order_by(Enrolment.starts_on.desc(), Enrolment.id.desc())
    )
    result = []
    for enrolment, code, name in session.execute(enrolments):
        total, days = totals.get(enrolment.id, (Decimal("0.00"), 0))
        result.append(
            EnrolmentSummary(
                id=enrolment.id,
                workshop_code=code,
                workshop_name=name,
                starts_on=enrolment.starts_on,
                ends_on=enrolment.ends_on,
                state=enrolment.state,
                total_hours=total.quantize(Decimal("0.01")),
                days_present=days,
                history=tuple(history.get(enrolment.id, ())),
                assessments=tuple(grades.get(enrolment.id, ())),
            )
        )
    return tuple(result)


# --------------------------------------------------------------------------- workshops


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
            Workshop.name_key.like(pattern, escape=_LIKE_ESCAPE)
            | func.lower(Workshop.code).like(pattern, escape=_LIKE_ESCAPE)
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
    _check_page(offset, limit)
    if sort not in WORKSHOP_SORTS:
        raise ValueError(f"unknown workshop sort {sort!r}; use one of {WORKSHOP_SORTS}")
    # Workshops number in the hundreds: one plain query with a correlated count is enough.
    column = _active_count(Workshop.id) if sort == "trainees" else _WORKSHOP_SORT_COLUMNS[sort]
    query = (
        _workshop_query(actor, text)
        .order_by(*_ordered([column], Workshop.id, descending=descending, nulls_last=False))
        .offset(offset)
        .limit(limit)
    )
    return [WorkshopRow(*row) for row in uow.session.execute(query)]


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
    supervisors = session.scalars(
        select(User.full_name)
        .join(workshop_supervisors, workshop_supervisors.c.user_id == User.id)
        .where(workshop_supervisors.c.workshop_id == workshop_id)
        .order_by(User.full_name)
    ).all()
    members = [
        WorkshopMember(tid, code, _listed_name(pat, mat, given), state, starts)
        for tid, code, given, pat, mat, state, starts in session.execute(
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
    ]
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
        supervisors=tuple(supervisors),
        members=tuple(members),
        waiting=by_state.get(EnrolmentState.EN_ESPERA, 0),
        finished=sum(
            count
            for state, count in by_state.items()
            if state not in (EnrolmentState.ACTIVO, EnrolmentState.EN_ESPERA)
        ),
    )


__all__ = [
    "TRAINEE_SORTS",
    "WORKSHOP_SORTS",
    "AssessmentRow",
    "EnrolmentSummary",
    "StateChangeRow",
    "TraineeDetail",
    "TraineeRow",
    "WorkshopDetail",
    "WorkshopMember",
    "WorkshopRow",
    "count_trainees",
    "count_workshops",
    "search_trainees",
    "search_workshops",
    "trainee_detail",
    "workshop_detail",
]
