"""The Internos list: one page of trainees, filtered and sorted in SQL, and its count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import DocumentType, EnrolmentState
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.browse._common import check_page, ordered, trainee_filters
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Sort keys of :func:`search_trainees`.
TRAINEE_SORTS = ("name", "code", "document", "establishment", "workshop", "state")


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


def _current_enrolment_id(trainee_id: Any, column: str = "id") -> Any:
    """A correlated scalar query: the id (or ``column``) of the trainee's current enrolment."""
    return (
        select(getattr(_RANKED, column))
        .where(_RANKED.trainee_id == trainee_id)
        .order_by(_RANK, _RANKED.starts_on.desc(), _RANKED.id.desc())
        .limit(1)
        .correlate_except(_RANKED)
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


#: Sort keys on the current enrolment: their pages are built by :func:`_by_current_page`.
_CURRENT_SORTS = frozenset({"workshop", "state"})

#: Sort keys whose column may be empty; they sort last both ways on both backends
#: (SQLite and PostgreSQL differ by default).  NULLS LAST is kept off the others so that
#: SQLite can still walk the name index instead of sorting.
_NULLABLE_SORTS = frozenset({"document", "workshop", "state"})


def _page_ids(actor: Actor, text: str, sort: str, descending: bool, page: tuple[int, int]) -> Any:
    """The inner query: ids of one page, touching as few columns as it can."""
    est = _SORT_ESTABLISHMENT
    columns = _trainee_sort_columns(sort, Trainee, est.name, None, None)
    if sort == "name" and text.strip():
        # With a filter, walking the name index in order costs a table lookup per
        # trainee when few match (100 ms for 100,000); a scan plus a top-N sort costs
        # about 20 ms at worst.  COALESCE on a NOT NULL column keeps the order and hides
        # the index from SQLite's planner.
        columns[0] = func.coalesce(columns[0], "")
    page_ids = select(Trainee.id).where(*trainee_filters(actor, text))
    if sort == "establishment":
        page_ids = page_ids.join(est, est.id == Trainee.establishment_id)
    keys = ordered(columns, Trainee.id, descending=descending, nulls_last=sort in _NULLABLE_SORTS)
    offset, limit = page
    return page_ids.order_by(*keys).offset(offset).limit(limit).subquery("page")


def _enrolments_of(actor: Actor, text: str) -> list[Any]:
    """WHERE clauses keeping the enrolments of the trainees the list shows.

    Filtering enrolments by trainee id (rather than joining every enrolled trainee)
    lets a typed text narrow the work to the few trainees it finds.
    """
    filters = trainee_filters(actor, text)
    if not filters:
        return []
    return [Enrolment.trainee_id.in_(select(Trainee.id).where(*filters))]


def _current_enrolments(wanted: list[Any], sort: str) -> tuple[Any, Any]:
    """One row per enrolled trainee and his current enrolment's workshop id or id.

    ``tally.c.trainee_id`` names the trainee; the second value is the current
    enrolment's workshop id for the workshop sort, its id for the state sort.

    Ranking every trainee's enrolments costs ~130 ms over 100,000 trainees.  Most have
    a single enrolment, which is then the current one: the index on (trainee_id,
    workshop_id) counts them and gives its id and workshop without reading the table,
    so the ranking runs only for the few with several.
    """
    column = "workshop_id" if sort == "workshop" else "id"
    tally = (
        select(
            Enrolment.trainee_id,
            func.count().label("enrolments"),
            func.min(getattr(Enrolment, column)).label("only"),
        )
        .where(*wanted)
        .group_by(Enrolment.trainee_id)
        .subquery("tally")
    )
    current = case(
        (tally.c.enrolments == 1, tally.c.only),
        else_=_current_enrolment_id(tally.c.trainee_id, column),
    )
    return tally, current


def _enrolled_page_ids(
    wanted: list[Any], sort: str, descending: bool, page: tuple[int, int]
) -> Any:
    """Ids of one page of the enrolled trainees, by their current workshop or state."""
    tally, current = _current_enrolments(wanted, sort)
    query = select(tally.c.trainee_id)
    if sort == "workshop":
        query = query.join(Workshop, Workshop.id == current)
        column = Workshop.name
    else:
        query = query.join(_SORT_ENROLMENT, _SORT_ENROLMENT.id == current)
        column = _SORT_ENROLMENT.state
    keys = ordered([column], tally.c.trainee_id, descending=descending, nulls_last=True)
    offset, limit = page
    return query.order_by(*keys).offset(offset).limit(limit)


def _by_current_page(
    uow: UnitOfWork, actor: Actor, text: str, sort: str, descending: bool, page: tuple[int, int]
) -> list[int]:
    """Ids of one page sorted by the current enrolment's workshop or state.

    A trainee never enrolled has neither, so he sorts last both ways, by id: the page
    is the enrolled trainees' page, topped up from the others.  Sorting the 100,000
    trainees together costs ~30 ms more than sorting the enrolled ones alone.
    """
    offset, limit = page
    wanted = _enrolments_of(actor, text)
    enrolled = None
    if offset:
        # Past the enrolled trainees, skip their (costlier) page query altogether.
        counted = select(func.count(Enrolment.trainee_id.distinct())).where(*wanted)
        enrolled = int(uow.session.scalar(counted) or 0)
    ids: list[int] = []
    if enrolled is None or offset < enrolled:
        ids = list(uow.session.scalars(_enrolled_page_ids(wanted, sort, descending, page)))
        if len(ids) == limit:
            return ids
        enrolled = offset + len(ids)
    has_enrolment = select(Enrolment.id).where(Enrolment.trainee_id == Trainee.id).exists()
    others = (
        select(Trainee.id)
        .where(*trainee_filters(actor, text), ~has_enrolment)
        .order_by(Trainee.id.desc() if descending else Trainee.id.asc())
        .offset(max(0, offset - enrolled))
        .limit(limit - len(ids))
    )
    return ids + list(uow.session.scalars(others))


def _shown_rows(page: Any, sort: str, descending: bool) -> Any:
    """The outer query: what the list shows of the page's trainees, in the same order."""
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
    columns = _trainee_sort_columns(sort, shown, Establishment.name, Workshop.name, current.state)
    return query.order_by(
        *ordered(columns, shown.id, descending=descending, nulls_last=sort in _NULLABLE_SORTS)
    )


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
    check_page(offset, limit)
    if sort in _CURRENT_SORTS:
        ids = _by_current_page(uow, actor, text, sort, descending, (offset, limit))
        page = select(Trainee.id).where(Trainee.id.in_(ids)).subquery("page")
    else:
        page = _page_ids(actor, text, sort, descending, (offset, limit))
    rows: Sequence[Any] = uow.session.execute(_shown_rows(page, sort, descending)).all()
    return [TraineeRow(*row) for row in rows]


def count_trainees(uow: UnitOfWork, actor: Actor, *, text: str = "") -> int:
    """Count the trainees :func:`search_trainees` would list for ``text``.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    query = select(func.count()).select_from(Trainee).where(*trainee_filters(actor, text))
    return int(uow.session.scalar(query) or 0)
