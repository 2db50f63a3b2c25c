"""What the list queries share: who sees which rows, page bounds and sort order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, false, select

from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.rules.text import fold_pattern
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.services.actor import Actor

LIKE_ESCAPE = "\\"


def check_page(offset: int, limit: int) -> None:
    """Refuse a page that cannot exist (a programming error).

    Raises:
        ValueError: a negative offset or a limit below one.
    """
    if offset < 0 or limit < 1:
        raise ValueError(f"bad page: offset={offset}, limit={limit}")


def trainee_scope(actor: Actor) -> ColumnElement[bool] | None:
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


def trainee_filters(actor: Actor, text: str) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a trainee list: the actor's scope and the typed text."""
    filters = []
    scope = trainee_scope(actor)
    if scope is not None:
        filters.append(scope)
    if text.strip():
        filters.append(Trainee.search_key.like(fold_pattern(text), escape=LIKE_ESCAPE))
    return filters


def ordered(columns: Sequence[Any], tie: Any, *, descending: bool, nulls_last: bool) -> list[Any]:
    """ORDER BY keys for ``columns``, ties broken by ``tie`` so pages are stable."""
    keys = [c.desc() if descending else c.asc() for c in columns]
    if nulls_last:
        keys = [key.nulls_last() for key in keys]
    return [*keys, tie.desc() if descending else tie.asc()]
