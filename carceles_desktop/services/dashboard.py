"""The Panel: what a supervisor needs to see first thing in the morning.

For the workshops in the user's reach (a supervisor's own; an establishment's for
the others; every one for a national administrator) it counts, as of today:

* each active workshop's trainees working today (active enrolments that have begun)
  and how many of them already have today's attendance, so that a workshop not yet
  recorded stands out on a working day;
* each workshop's hours recorded this month so far (the Panel's chart);
* open orders whose delivery date has passed or comes within :data:`DUE_SOON_DAYS`;
* delivery notes issued and not yet received, and drafts not yet issued;
* enrolments culminated in the last :data:`CERTIFICATE_WINDOW_DAYS` days with no current
  certificate: trainees who may be waiting for theirs.

Orders and delivery notes belong to an establishment, not a workshop, so they are
counted for the user's establishment.  Only reading; a handful of grouped queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, exists, func, select, true
from sqlalchemy.orm import InstrumentedAttribute

from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.commerce import Order, Partner
from carceles_desktop.domain.deliveries import Delivery
from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import (
    CertificateState,
    DeliveryState,
    EnrolmentState,
    OrderState,
    Role,
)
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.services import catalogues
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.scope import today_or
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Open orders due within this many days are listed (with those overdue).
DUE_SOON_DAYS = 7
#: How many of those orders are listed by name (the count covers them all).
ORDERS_LISTED = 8
#: Culminated enrolments this recent without a certificate are counted.
CERTIFICATE_WINDOW_DAYS = 180
#: Order states that still owe goods.
_OPEN_ORDERS = (OrderState.ABIERTO, OrderState.EN_PRODUCCION, OrderState.ENTREGADO_PARCIAL)


@dataclass(frozen=True)
class WorkshopToday:
    """One workshop's day and month.

    Attributes:
        working_today: active enrolments that have begun (trainees expected today).
        recorded_today: of those, how many have today's attendance (present or absent).
        month_hours: hours recorded in the workshop from the 1st to today.
    """

    workshop_id: int
    code: str
    name: str
    working_today: int
    recorded_today: int
    month_hours: Decimal

    @property
    def missing_today(self) -> int:
        """Trainees expected today whose attendance is not recorded yet."""
        return self.working_today - self.recorded_today


@dataclass(frozen=True)
class OrderDue:
    """An open order due soon or overdue."""

    order_id: int
    number: str
    client: str
    due_on: date
    overdue: bool


@dataclass(frozen=True)
class Dashboard:
    """The Panel's figures, as of ``today``.

    Attributes:
        holiday: today's holiday name, or None.
        working_day: neither a Sunday nor a holiday (attendance is expected).
        workshops: the active workshops in reach, by name.
        orders_due: the first :data:`ORDERS_LISTED` orders due, the earliest first.
        orders_due_count: how many orders are overdue or due soon in all.
        deliveries_unreceived: delivery notes issued and not yet received.
        deliveries_draft: delivery notes still drafts.
        awaiting_certificate: recent culminated enrolments without a current certificate.
    """

    today: date
    holiday: str | None
    working_day: bool
    workshops: tuple[WorkshopToday, ...]
    orders_due: tuple[OrderDue, ...]
    orders_due_count: int
    deliveries_unreceived: int
    deliveries_draft: int
    awaiting_certificate: int

    @property
    def workshops_missing_today(self) -> tuple[WorkshopToday, ...]:
        """Workshops with trainees expected today and attendance missing (a working day)."""
        if not self.working_day:
            return ()
        return tuple(w for w in self.workshops if w.missing_today > 0)


def _workshops_in_reach(actor: Actor) -> ColumnElement[bool]:
    condition: ColumnElement[bool] = Workshop.active.is_(True)
    if actor.establishment_id is not None:
        condition = and_(condition, Workshop.establishment_id == actor.establishment_id)
    if actor.role is Role.SUPERVISOR:
        condition = and_(condition, Workshop.id.in_(sorted(actor.workshop_ids)))
    return condition


def _working_enrolment(today: date) -> ColumnElement[bool]:
    return and_(Enrolment.state == EnrolmentState.ACTIVO, Enrolment.starts_on <= today)


def _workshops(uow: UnitOfWork, actor: Actor, today: date) -> tuple[WorkshopToday, ...]:
    session = uow.session
    reach = _workshops_in_reach(actor)
    working = dict(
        session.execute(
            select(Enrolment.workshop_id, func.count())
            .join(Workshop, Workshop.id == Enrolment.workshop_id)
            .where(reach, _working_enrolment(today))
            .group_by(Enrolment.workshop_id)
        ).all()
    )
    recorded = dict(
        session.execute(
            select(Enrolment.workshop_id, func.count())
            .join(Workshop, Workshop.id == Enrolment.workshop_id)
            .join(Attendance, Attendance.enrolment_id == Enrolment.id)
            .where(reach, _working_enrolment(today), Attendance.day == today)
            .group_by(Enrolment.workshop_id)
        ).all()
    )
    hours = dict(
        session.execute(
            select(Enrolment.workshop_id, func.sum(Attendance.hours))
            .join(Workshop, Workshop.id == Enrolment.workshop_id)
            .join(Attendance, Attendance.enrolment_id == Enrolment.id)
            .where(reach, Attendance.day.between(today.replace(day=1), today))
            .group_by(Enrolment.workshop_id)
        ).all()
    )
    rows = session.execute(
        select(Workshop.id, Workshop.code, Workshop.name).where(reach).order_by(Workshop.name_key)
    ).all()
    return tuple(
        WorkshopToday(
            workshop_id=key,
            code=code,
            name=name,
            working_today=int(working.get(key, 0)),
            recorded_today=int(recorded.get(key, 0)),
            month_hours=Decimal(hours.get(key) or 0),
        )
        for key, code, name in rows
    )


def _establishment_filter(actor: Actor, column: InstrumentedAttribute[int]) -> ColumnElement[bool]:
    if actor.establishment_id is None:
        return true()
    return column == actor.establishment_id


def _orders_due(uow: UnitOfWork, actor: Actor, today: date) -> tuple[list[OrderDue], int]:
    condition = and_(
        _establishment_filter(actor, Order.establishment_id),
        Order.state.in_(_OPEN_ORDERS),
        Order.due_on.is_not(None),
        Order.due_on <= today + timedelta(days=DUE_SOON_DAYS),
    )
    count = uow.session.scalar(select(func.count()).select_from(Order).where(condition)) or 0
    rows = uow.session.execute(
        select(Order.id, Order.number, Partner.name, Order.due_on)
        .join(Partner, Partner.id == Order.partner_id)
        .where(condition)
        .order_by(Order.due_on, Order.number)
        .limit(ORDERS_LISTED)
    ).all()
    # due_on is never None here (the query asks for a date).
    listed = [
        OrderDue(order_id, number, client, due_on, due_on < today)
        for order_id, number, client, due_on in rows
        if due_on is not None
    ]
    return listed, int(count)


def _deliveries(uow: UnitOfWork, actor: Actor) -> dict[DeliveryState, int]:
    rows = uow.session.execute(
        select(Delivery.state, func.count())
        .where(
            _establishment_filter(actor, Delivery.establishment_id),
            Delivery.state.in_((DeliveryState.BORRADOR, DeliveryState.EMITIDA)),
        )
        .group_by(Delivery.state)
    ).all()
    return {DeliveryState(state): int(count) for state, count in rows}


def _awaiting_certificate(uow: UnitOfWork, actor: Actor, today: date) -> int:
    certified = exists().where(
        Certificate.enrolment_id == Enrolment.id,
        Certificate.state == CertificateState.VIGENTE,
    )
    query = (
        select(func.count())
        .select_from(Enrolment)
        .join(Workshop, Workshop.id == Enrolment.workshop_id)
        .where(
            _workshops_in_reach(actor),
            Enrolment.state == EnrolmentState.CULMINADO,
            Enrolment.ends_on >= today - timedelta(days=CERTIFICATE_WINDOW_DAYS),
            ~certified,
        )
    )
    return int(uow.session.scalar(query) or 0)


def read_dashboard(uow: UnitOfWork, actor: Actor, *, today: date | None = None) -> Dashboard:
    """Count what the Panel shows, as of ``today`` (default: the computer's date).

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    day = today_or(today)
    holidays = catalogues.holidays_between(uow, day, day, actor.establishment_id)
    holiday = holidays.get(day)
    orders, orders_count = _orders_due(uow, actor, day)
    deliveries = _deliveries(uow, actor)
    return Dashboard(
        today=day,
        holiday=holiday,
        working_day=day.weekday() != 6 and holiday is None,
        workshops=_workshops(uow, actor, day),
        orders_due=tuple(orders),
        orders_due_count=orders_count,
        deliveries_unreceived=deliveries.get(DeliveryState.EMITIDA, 0),
        deliveries_draft=deliveries.get(DeliveryState.BORRADOR, 0),
        awaiting_certificate=_awaiting_certificate(uow, actor, day),
    )
