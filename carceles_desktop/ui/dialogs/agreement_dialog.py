"""An agreement (*convenio*) of a partner with a workshop: its number and period.

"End early…" resolves it from a day on, with a reason (kept in its notes and the log).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import AgreementState
from carceles_desktop.errors import AppError
from carceles_desktop.services import agreements
from carceles_desktop.services.agreements import AgreementInput, AgreementRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.commerce_labels import commerce_label
from carceles_desktop.ui.dialogs.batch_parts import reason_field
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.form_parts import (
    all_workshops,
    date_edit,
    pydate,
    qdate,
    text_edit,
)
from carceles_desktop.ui.dialogs.small_form import FormField, SmallForm

translate = QCoreApplication.translate


class AgreementDialog(QDialog):
    """The form of one agreement; ``agreement`` None records a new one for the partner."""

    def __init__(
        self,
        ctx: ServiceContext,
        partner_id: int,
        agreement: AgreementRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._partner_id = partner_id
        self._agreement = agreement
        self.errors = FieldErrors()
        self.setWindowTitle(
            translate("AgreementForm", "New agreement")
            if agreement is None
            else translate("AgreementForm", "Agreement {number} — {state}").format(
                number=agreement.number, state=commerce_label(agreement.state_on(date.today()))
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.end_button = QPushButton(translate("AgreementForm", "End early…"))
        buttons.addButton(self.end_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.end_button.setEnabled(
            agreement is not None and agreement.state is not AgreementState.RESUELTO
        )
        self.end_button.clicked.connect(self.end_early)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        if agreement is not None:
            self._load(agreement)
        self.setMinimumWidth(520)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.number = text_edit(max_length=40)
        self.errors.add_row(form, "number", translate("AgreementForm", "Number:"), self.number)
        self.workshop = QComboBox()
        for workshop in all_workshops(self._ctx):
            self.workshop.addItem(f"{workshop.code} — {workshop.name}", workshop.id)
        self.errors.add_row(
            form, "workshop", translate("AgreementForm", "Workshop:"), self.workshop
        )
        self.signed_on = date_edit()
        self.errors.add_row(
            form, "signed_on", translate("AgreementForm", "Signed on:"), self.signed_on
        )
        self.starts_on = date_edit()
        self.errors.add_row(form, "starts_on", translate("AgreementForm", "From:"), self.starts_on)
        self.ends_on = date_edit(date.today().replace(year=date.today().year + 2))
        self.errors.add_row(form, "ends_on", translate("AgreementForm", "To:"), self.ends_on)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        self.errors.add_row(form, "notes", translate("AgreementForm", "Notes:"), self.notes)
        return form

    def _load(self, agreement: AgreementRow) -> None:
        self.number.setText(agreement.number)
        index = self.workshop.findData(agreement.workshop_id)
        if index < 0:
            self.workshop.addItem(
                f"{agreement.workshop_code} — {agreement.workshop_name}", agreement.workshop_id
            )
            index = self.workshop.count() - 1
        self.workshop.setCurrentIndex(index)
        self.signed_on.setDate(qdate(agreement.signed_on))
        self.starts_on.setDate(qdate(agreement.starts_on))
        self.ends_on.setDate(qdate(agreement.ends_on))
        self.notes.setPlainText(agreement.notes or "")

    def agreement_input(self) -> AgreementInput:
        """The form as the service takes it."""
        return AgreementInput(
            number=self.number.text(),
            partner_id=self._partner_id,
            workshop_id=self.workshop.currentData() or 0,
            signed_on=pydate(self.signed_on.date()),
            starts_on=pydate(self.starts_on.date()),
            ends_on=pydate(self.ends_on.date()),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        """Record or change the agreement; on a refusal show why and stay open."""
        self.errors.clear()
        try:
            with self._ctx.writing() as uow:
                if self._agreement is None:
                    agreements.create_agreement(uow, self._ctx.actor, self.agreement_input())
                else:
                    agreements.update_agreement(
                        uow, self._ctx.actor, self._agreement.id, self.agreement_input()
                    )
                uow.commit()
        except AppError as exc:
            self.errors.show(exc)
            return
        self.accept()

    def end_early(self) -> None:
        """End the agreement from a day on, with a reason."""
        pact = self._agreement
        if pact is None:
            return

        def submit(values: dict[str, object]) -> AgreementRow:
            on = values["on"]
            assert isinstance(on, date)  # a date input gives a date
            with self._ctx.writing() as uow:
                done = agreements.resolve_agreement(
                    uow, self._ctx.actor, pact.id, on=on, reason=str(values["reason"])
                )
                uow.commit()
            return done

        fields = [
            FormField("on", translate("AgreementForm", "Last day covered:"), date_edit()),
            reason_field(),
        ]
        intro = translate(
            "AgreementForm",
            "The agreement stops covering the days after this one. This cannot be undone: "
            "a new agreement is recorded if the partner comes back.",
        )
        title = translate("AgreementForm", "End agreement {number} early").format(
            number=pact.number
        )
        action = translate("AgreementForm", "End the agreement")
        if SmallForm.ask(self, title, intro, fields, submit, action_text=action) is not None:
            self.accept()
