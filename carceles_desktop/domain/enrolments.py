"""Enrolments, their state history, daily attendance and assessments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carceles_desktop.domain.base import Base, Hours, Record, enum_type
from carceles_desktop.domain.catalogues import Competency
from carceles_desktop.domain.enums import AttendanceStatus, EnrolmentState
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop


class Enrolment(Record, Base):
    """A trainee's place in a workshop over a period (*matrícula*)."""

    __tablename__ = "enrolments"

    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"))
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"))
    starts_on: Mapped[date] = mapped_column()
    ends_on: Mapped[date | None] = mapped_column()
    state: Mapped[EnrolmentState] = mapped_column(enum_type(EnrolmentState))
    #: Order on the waiting list, for state ``en_espera``.
    queue_position: Mapped[int | None] = mapped_column()

    trainee: Mapped[Trainee] = relationship()
    workshop: Mapped[Workshop] = relationship()
    history: Mapped[list[EnrolmentStateChange]] = relationship(
        back_populates="enrolment", order_by="EnrolmentStateChange.id"
    )

    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="period_order"),
        Index(None, "workshop_id", "state"),
        Index(None, "trainee_id", "workshop_id"),
    )


class EnrolmentStateChange(Record, Base):
    """One step of an enrolment's life, with the reason the user gave."""

    __tablename__ = "enrolment_state_changes"

    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"), index=True)
    from_state: Mapped[EnrolmentState | None] = mapped_column(
        enum_type(EnrolmentState, name="from_state")
    )
    to_state: Mapped[EnrolmentState] = mapped_column(enum_type(EnrolmentState, name="to_state"))
    changed_on: Mapped[date] = mapped_column()
    reason: Mapped[str] = mapped_column(String(300))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    enrolment: Mapped[Enrolment] = relationship(back_populates="history")


class Attendance(Record, Base):
    """One enrolment's attendance on one day (never two rows for the same day)."""

    __tablename__ = "attendance"

    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"))
    day: Mapped[date] = mapped_column()
    status: Mapped[AttendanceStatus] = mapped_column(enum_type(AttendanceStatus))
    hours: Mapped[Decimal] = mapped_column(Hours, default=Decimal(0))

    __table_args__ = (
        UniqueConstraint("enrolment_id", "day"),
        # Hours are stored in hundredths: 0..24 h is 0..2400.
        CheckConstraint("hours >= 0 AND hours <= 2400", name="hours_in_day"),
        CheckConstraint("status = 'presente' OR hours = 0", name="hours_only_when_present"),
        # By day, covering the month's sums per workshop (the Panel): see migration 0002.
        Index(None, "day", "enrolment_id", "hours"),
    )


class Assessment(Record, Base):
    """A competency assessed for an enrolment: grade 0–20 or pass/fail."""

    __tablename__ = "assessments"

    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"), index=True)
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id"))
    assessed_on: Mapped[date] = mapped_column()
    grade: Mapped[int | None] = mapped_column()
    passed: Mapped[bool] = mapped_column()
    evaluator: Mapped[str] = mapped_column(String(120))

    competency: Mapped[Competency] = relationship()

    __table_args__ = (
        CheckConstraint("grade IS NULL OR (grade >= 0 AND grade <= 20)", name="vigesimal_grade"),
        Index(None, "competency_id"),
    )
