"""The small forms of a trainee's record: enrol, change state, transfer, redemption period.

Each one calls its service in one unit of work when the user accepts; a refusal shows
under the field it names and the dialog stays open.  :meth:`RecordDialog.run` shows one
and returns what its service returned (None when cancelled).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import EnrolmentState
from carceles_desktop.errors import AppError, PermissionDenied, StorageUnavailable, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import browse, catalogues, enrolments, trainees
from carceles_desktop.services.browse import TraineeDetail
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.enrolments import TRANSITIONS, EnrolmentRow
from carceles_desktop.services.trainees import TraineeRow
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.field_form import FieldForm, grow_to_fit
from carceles_desktop.ui.labels import date_text, label

translate = QCoreApplication.translate


def date_edit(value: date) -> QDateEdit:
    """A date picker showing dd/mm/yyyy, with a calendar."""
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def picked(edit: QDateEdit) -> date:
    """The date a picker shows."""
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class RecordDialog(QDialog):
    """A form over one service call: rows with messages, OK and Cancel.

    Subclasses add rows to :attr:`form` and give :meth:`write`, which runs inside a
    writing unit of work and returns what the dialog hands back.

    Attributes:
        form: the rows, by the service's field names.
        buttons: OK and Cancel.
        result_row: what :meth:`write` returned, once accepted.
    """

    def __init__(self, ctx: ServiceContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.result_row: Any = None
        self.setWindowTitle(title)
        self.form = FieldForm()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept_form)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def write(self, uow: Any) -> Any:
        """Call the service (the caller commits)."""
        raise NotImplementedError

    def accept_form(self) -> None:
        """Run :meth:`write` in one unit of work; close, or show why not."""
        self.form.clear_all()
        try:
            with self._ctx.writing() as uow:
                row = self.write(uow)
                uow.commit()
        except AppError as exc:
            elsewhere = exc.field is not None and exc.field not in self.form.inputs
            if elsewhere or isinstance(exc, PermissionDenied | StorageUnavailable):
                messages.show_error(self, exc)
            else:
                self.form.show_error(exc)
                grow_to_fit(self)
            return
        self.result_row = row
        self.accept()

    @classmethod
    def run(cls, dialog: RecordDialog) -> Any:
        """Show a dialog until accepted or cancelled; return its result or None."""
        return dialog.result_row if dialog.exec() == QDialog.DialogCode.Accepted else None


class EnrolDialog(RecordDialog):
    """Matricular en taller: a workshop of the trainee's establishment and a start date."""

    def __init__(
        self,
        ctx: ServiceContext,
        detail: TraineeDetail,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, translate("EnrolDialog", "Enrol in a workshop"), parent)
        self._detail = detail
        self._today = today
        self.note.setText(detail.full_name)
        with ctx.reading() as uow:
            rows = browse.workshops_to_choose(uow, ctx.actor, sort="name")
        self.workshop = QComboBox()
        for row in rows:
            if row.active and row.establishment_name == detail.establishment_name:
                free = translate("EnrolDialog", "{taken} of {capacity} places taken").format(
                    taken=row.active_trainees, capacity=row.capacity
                )
                self.workshop.addItem(f"{row.name} ({row.code}) — {free}", row.id)
        self.starts_on = date_edit(today or date.today())
        self.reason = QLineEdit()
        self.form.add("workshop", translate("EnrolDialog", "Workshop:"), self.workshop)
        self.form.add("starts_on", translate("EnrolDialog", "Start date:"), self.starts_on)
        self.form.add("reason", translate("EnrolDialog", "Note (optional):"), self.reason)

    def write(self, uow: Any) -> EnrolmentRow:
        """Enrol (or put on the waiting list)."""
        workshop = self.workshop.currentData()
        if workshop is None:
            raise _missing("workshop")
        return enrolments.enrol_trainee(
            uow,
            self._ctx.actor,
            self._detail.id,
            int(workshop),
            picked(self.starts_on),
            reason=self.reason.text(),
            today=self._today,
        )


class StateChangeDialog(RecordDialog):
    """Cambiar estado: one of the steps the enrolment may take, a date and a reason."""

    def __init__(
        self,
        ctx: ServiceContext,
        detail: TraineeDetail,
        parent: QWidget | None = None,
        *,
        enrolment_id: int | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, translate("StateChangeDialog", "Change enrolment state"), parent)
        self._today = today
        self.note.setText(detail.full_name)
        self.enrolment = QComboBox()
        for item in detail.enrolments:
            if item.state in TRANSITIONS:
                text = f"{item.workshop_name} — {label(item.state)} ({date_text(item.starts_on)})"
                self.enrolment.addItem(text, (item.id, item.state))
        ids = [self.enrolment.itemData(i)[0] for i in range(self.enrolment.count())]
        if enrolment_id in ids:
            self.enrolment.setCurrentIndex(ids.index(enrolment_id))
        self.state = QComboBox()
        self.on = date_edit(today or date.today())
        self.reason = QLineEdit()
        self.form.add("enrolment", translate("StateChangeDialog", "Enrolment:"), self.enrolment)
        self.form.add("state", translate("StateChangeDialog", "New state:"), self.state)
        self.form.add("on", translate("StateChangeDialog", "Date:"), self.on)
        self.form.add("reason", translate("StateChangeDialog", "Reason:"), self.reason)
        self.enrolment.currentIndexChanged.connect(self._fill_states)
        self._fill_states()

    def _fill_states(self) -> None:
        self.state.clear()
        chosen = self.enrolment.currentData()
        if chosen is None:
            return
        for state in sorted(TRANSITIONS[chosen[1]], key=list(EnrolmentState).index):
            self.state.addItem(label(state), state)

    def write(self, uow: Any) -> EnrolmentRow:
        """Take the step."""
        chosen, state = self.enrolment.currentData(), self.state.currentData()
        if chosen is None or state is None:
            raise _missing("enrolment")
        return enrolments.change_enrolment_state(
            uow,
            self._ctx.actor,
            chosen[0],
            state,
            picked(self.on),
            self.reason.text(),
            today=self._today,
        )


class TransferDialog(RecordDialog):
    """Trasladar: the establishment he goes to, the date and the reason."""

    def __init__(
        self,
        ctx: ServiceContext,
        detail: TraineeDetail,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, translate("TransferDialog", "Transfer trainee"), parent)
        self._detail = detail
        self._today = today
        self.note.setText(
            translate("TransferDialog", "{name}, now in {establishment}").format(
                name=detail.full_name, establishment=detail.establishment_name
            )
        )
        with ctx.reading() as uow:
            places = catalogues.list_establishments(uow)
        self.target = QComboBox()
        self.target.addItem("—", None)
        for place in places:
            if place.code != detail.establishment_code:
                self.target.addItem(f"{place.name} ({place.code})", place.code)
        self.on = date_edit(today or date.today())
        self.reason = QLineEdit()
        self.form.add(
            "to_establishment_code", translate("TransferDialog", "To establishment:"), self.target
        )
        self.form.add("on", translate("TransferDialog", "Date:"), self.on)
        self.form.add("reason", translate("TransferDialog", "Reason:"), self.reason)

    def write(self, uow: Any) -> TraineeRow:
        """Transfer him (his open enrolments end on that day)."""
        code = self.target.currentData()
        if code is None:
            raise _missing("to_establishment_code")
        return trainees.transfer_trainee(
            uow,
            self._ctx.actor,
            self._detail.id,
            code,
            picked(self.on),
            self.reason.text(),
            today=self._today,
        )


class PeriodDialog(RecordDialog):
    """The period of a redemption record; :meth:`write` makes the PDF (the print is audited).

    Attributes:
        make: called with (unit of work, start, end); returns the PDF bytes.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        detail: TraineeDetail,
        make: Callable[[Any, date, date], bytes],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, translate("PeriodDialog", "Redemption record"), parent)
        self.make = make
        end = today or date.today()
        starts = [e.starts_on for e in detail.enrolments]
        self.start = date_edit(min(starts) if starts else end.replace(month=1, day=1))
        self.end = date_edit(end)
        self.note.setText(
            translate(
                "PeriodDialog",
                "Days and hours worked by {name}, with the estimated days redeemed "
                "(an estimate, not the official computation).",
            ).format(name=detail.full_name)
        )
        self.form.add("start", translate("PeriodDialog", "From:"), self.start)
        self.form.add("end", translate("PeriodDialog", "To:"), self.end)

    def write(self, uow: Any) -> bytes:
        """Make the record's PDF."""
        return self.make(uow, picked(self.start), picked(self.end))


def _missing(field: str) -> AppError:
    return ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a value."), field=field)
