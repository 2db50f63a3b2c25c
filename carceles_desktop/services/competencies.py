"""Editing a trade's competencies (modules): name, nominal hours, required or optional.

The shipped catalogue gives each trade its modules; an administrator adds and corrects
them here.  A competency is never deleted (assessments and issued certificates point
to it); it is deactivated instead, and then no longer counts for eligibility nor takes
new assessments.  Changing a module's hours changes what later certificates print,
never an issued one (certificates keep a snapshot).

Reading: :func:`list_competencies` (from :mod:`.catalogues`, re-exported here).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select

from carceles_desktop.domain.catalogues import Competency, Trade
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import CompetencyRow, list_competencies
from carceles_desktop.services.commerce_common import required_text
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "MAX_HOURS",
    "CompetencyRow",
    "create_competency",
    "get_competency",
    "list_competencies",
    "update_competency",
]

#: Most nominal hours one module may have (a year of full days is about 2,000).
MAX_HOURS = 5000
_CODE_WIDTH = 30
_NAME_WIDTH = 160
_CODE = re.compile(r"[A-Z0-9][A-Z0-9_.\-]*")


def _row(competency: Competency, trade_code: str) -> CompetencyRow:
    return CompetencyRow(
        id=competency.id,
        trade_code=trade_code,
        code=competency.code,
        name=competency.name,
        hours=competency.hours,
        required=competency.required,
        position=competency.position,
        active=competency.active,
    )


def _check_code(code: str) -> str:
    text = code.strip().upper()
    if not text or len(text) > _CODE_WIDTH or _CODE.fullmatch(text) is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "A competency code has 1 to {width} letters, digits, '-', '_' or '.'.",
            ),
            field="code",
            width=_CODE_WIDTH,
        )
    return text


def _check_hours(hours: Any) -> int:
    if isinstance(hours, bool) or not isinstance(hours, int) or not 0 <= hours <= MAX_HOURS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The hours must be a whole number from 0 to {most}."),
            field="hours",
            most=MAX_HOURS,
        )
    return hours


def _check_position(position: Any) -> int:
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The position must be a whole number, 0 or more."),
            field="position",
        )
    return position


def _name(name: str) -> str:
    return required_text(
        name, "name", _NAME_WIDTH, QT_TRANSLATE_NOOP("errors", "Enter the competency's name.")
    )


def _trade(uow: UnitOfWork, trade_code: str) -> Trade:
    trade = uow.session.scalar(select(Trade).where(Trade.code == trade_code.strip().upper()))
    if trade is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No trade has the code {code}."),
            field="trade",
            code=trade_code,
        )
    return trade


def create_competency(
    uow: UnitOfWork,
    actor: Actor,
    trade_code: str,
    *,
    code: str,
    name: str,
    hours: int,
    required: bool = True,
    position: int | None = None,
) -> CompetencyRow:
    """Add a module to a trade.

    Args:
        uow: the caller's unit of work (the caller commits).
        actor: who edits the catalogue.
        trade_code: the trade's code, e.g. ``CARPINTERIA``.
        code: the module's code, unique within the trade (upper-cased).
        name: the module's name as certificates print it.
        hours: nominal hours, 0 to :data:`MAX_HOURS`.
        required: whether a certificate needs it passed.
        position: teaching order; by default after the trade's last module.

    Raises:
        PermissionDenied: the actor may not edit catalogues.
        NotFound: no trade has that code.
        ValidationError: a bad code, name, hours or position (``field`` names it).
        Conflict: the trade already has a module with that code.
    """
    require(actor, Action.EDIT_CATALOGUES)
    trade = _trade(uow, trade_code)
    clean_code = _check_code(code)
    clean_name = _name(name)
    _check_hours(hours)
    taken = uow.session.scalar(
        select(Competency.id).where(Competency.trade_id == trade.id, Competency.code == clean_code)
    )
    if taken is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "The trade {trade} already has a competency {code}."),
            field="code",
            trade=trade.name,
            code=clean_code,
        )
    if position is None:
        last = uow.session.scalar(
            select(func.max(Competency.position)).where(Competency.trade_id == trade.id)
        )
        position = (last or 0) + 1
    competency = Competency(
        trade_id=trade.id,
        code=clean_code,
        name=clean_name,
        hours=hours,
        required=bool(required),
        position=_check_position(position),
        active=True,
    )
    uow.session.add(competency)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "create",
        "competency",
        entity_uuid=competency.uuid,
        summary=f"Competency {trade.code}/{clean_code} {clean_name} ({hours} h)",
        changes={"hours": hours, "required": competency.required, "position": position},
    )
    return _row(competency, trade.code)


def _load(uow: UnitOfWork, competency_id: int) -> tuple[Competency, str]:
    found = uow.session.execute(
        select(Competency, Trade.code)
        .join(Trade, Trade.id == Competency.trade_id)
        .where(Competency.id == competency_id)
    ).first()
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no competency with the key {key}."),
            field="competency",
            key=competency_id,
        )
    return found[0], found[1]


def get_competency(uow: UnitOfWork, actor: Actor, competency_id: int) -> CompetencyRow:
    """Return one competency.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no such competency.
    """
    require(actor, Action.VIEW)
    competency, trade_code = _load(uow, competency_id)
    return _row(competency, trade_code)


def update_competency(
    uow: UnitOfWork,
    actor: Actor,
    competency_id: int,
    *,
    name: str | None = None,
    hours: int | None = None,
    required: bool | None = None,
    position: int | None = None,
    active: bool | None = None,
) -> CompetencyRow:
    """Change a module; arguments left ``None`` keep their value.

    The code is not changed: it is how people and files refer to the module.

    Raises:
        PermissionDenied: the actor may not edit catalogues.
        NotFound: no such competency.
        ValidationError: a bad name, hours or position (``field`` names it).
    """
    require(actor, Action.EDIT_CATALOGUES)
    competency, trade_code = _load(uow, competency_id)
    proposed: dict[str, Any] = {}
    if name is not None:
        proposed["name"] = _name(name)
    if hours is not None:
        proposed["hours"] = _check_hours(hours)
    if required is not None:
        proposed["required"] = bool(required)
    if position is not None:
        proposed["position"] = _check_position(position)
    if active is not None:
        proposed["active"] = bool(active)
    changes = {
        key: [getattr(competency, key), value]
        for key, value in proposed.items()
        if getattr(competency, key) != value
    }
    if not changes:
        return _row(competency, trade_code)
    for key, (_, value) in changes.items():
        setattr(competency, key, value)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "update",
        "competency",
        entity_uuid=competency.uuid,
        summary=f"Competency {trade_code}/{competency.code}: " + ", ".join(changes),
        changes=changes,
    )
    return _row(competency, trade_code)
