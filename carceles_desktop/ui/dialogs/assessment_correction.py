"""Corregir evaluación: a result recorded wrongly is set right, and the reason kept.

The supervisor picks one of the trainee's assessments; its day, result and evaluator
come filled in, and he changes what was wrong and says why (the audit log keeps the old
and new values with the reason).  The service checks the rest as when recording.  A
certificate already printed does not change: the dialog says so, since only a
replacement puts the corrected result on paper.

Reachable from the Internos list, beside "Registrar evaluación…".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.services import assessments, browse
from carceles_desktop.services.assessments import AssessmentRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.scope import REASON_WIDTH
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.form_parts import date_edit, pydate, qdate
from carceles_desktop.ui.labels import date_text
from carceles_desktop.ui.widgets.assessment_result import ResultInput, result_text

translate = QCoreApplication.translate


class CorrectAssessmentDialog(QDialog):
    """Corrects one of a trainee's assessments.

    Attributes:
        assessment: the assessment picker (data: its index in the choices).
        day: the day of the assessment.
        result_input: the result (a grade, or passed/failed).
        evaluator: who assessed.
        reason: why it is corrected (required).
        errors: the message lines under the fields.
        saved: the corrected assessment, once saved.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        trainee_name: str,
        choices: Sequence[tuple[AssessmentRow, str]],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today or date.today()
        self._choices = [row for row, _ in choices]
        self.saved: AssessmentRow | None = None
        self.setWindowTitle(translate("AssessmentCorrection", "Correct assessment"))
        self.assessment = QComboBox()
        for position, (_, text) in enumerate(choices):
            self.assessment.addItem(text, position)
        self.day = date_edit(self._today)
        self.result_input = ResultInput()
        self.evaluator = QLineEdit()
        self.evaluator.setMaxLength(120)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_WIDTH)
        self.reason.setPlaceholderText(
            translate("AssessmentCorrection", "e.g. the grade was copied wrong from the record")
        )
        self._build(trainee_name)
        self.assessment.currentIndexChanged.connect(lambda _i: self._fill())
        self._fill()

    def _build(self, trainee_name: str) -> None:
        self.errors = FieldErrors()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        caption = translate("AssessmentCorrection", "Assessment:")
        self.errors.add_row(form, "assessment", caption, self.assessment)
        self.errors.add_row(form, "on", translate("AssessmentDialog", "Date:"), self.day)
        self.errors.add_row(
            form,
            "grade",
            translate("AssessmentDialog", "Result:"),
            self.result_input,
            field_input=self.result_input.grade,
        )
        self.errors.add_row(
            form, "evaluator", translate("AssessmentDialog", "Evaluator:"), self.evaluator
        )
        self.errors.add_row(
            form, "reason", translate("AssessmentCorrection", "Reason:"), self.reason
        )
        title = QLabel(f"<b>{trainee_name}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        note = QLabel(
            translate(
                "AssessmentCorrection",
                "A certificate already issued keeps what it printed: to print the corrected "
                "result, issue a replacement.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def chosen(self) -> AssessmentRow:
        """The assessment being corrected."""
        return self._choices[self.assessment.currentIndex()]

    def _fill(self) -> None:
        row = self.chosen()
        self.errors.clear()
        self.day.setDate(qdate(row.assessed_on))
        self.result_input.set_result(row.grade, row.passed)
        self.evaluator.setText(row.evaluator)

    def save(self) -> None:
        """Save the correction; on a refusal say why under its field and stay open."""
        self.errors.clear()
        try:
            with self._ctx.writing() as uow:
                self.saved = assessments.update_assessment(
                    uow,
                    self._ctx.actor,
                    self.chosen().id,
                    on=pydate(self.day.date()),
                    grade=self.result_input.grade_value(),
                    passed=self.result_input.passed_value(),
                    evaluator=self.evaluator.text(),
                    reason=self.reason.text(),
                    today=self._today,
                )
                uow.commit()
        except AppError as exc:
            self.saved = None
            self.errors.show(exc)
            self.adjustSize()
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        ctx: ServiceContext,
        trainee_name: str,
        choices: Sequence[tuple[AssessmentRow, str]],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> AssessmentRow | None:
        """Show the dialog; return the corrected assessment, or None (tests patch this)."""
        dialog = cls(ctx, trainee_name, choices, parent, today=today)
        dialog.exec()
        return dialog.saved


def choice_text(workshop: str, row: AssessmentRow) -> str:
    """How an assessment reads in the picker: where, what, when, and the result."""
    result = result_text(row.grade, row.passed)
    return f"{workshop} · {row.competency_code} {row.competency_name} · " + translate(
        "AssessmentCorrection", "{day}: {result}"
    ).format(day=date_text(row.assessed_on), result=result)


def correct_for_trainee(ctx: ServiceContext, parent: QWidget, trainee_id: int) -> bool:
    """Ask which of the trainee's assessments to correct, and how; True once saved."""
    try:
        with ctx.reading() as uow:
            detail = browse.trainee_detail(uow, ctx.actor, trainee_id)
            choices = [
                (row, choice_text(enrolment.workshop_name, row))
                for enrolment in detail.enrolments
                for row in assessments.list_assessments(uow, ctx.actor, enrolment.id)
            ]
    except AppError as exc:
        messages.show_error(parent, exc)
        return False
    if not choices:
        messages.inform(
            parent,
            translate("AssessmentCorrection", "Correct assessment"),
            translate("AssessmentCorrection", "{name} has no assessment to correct.").format(
                name=detail.full_name
            ),
        )
        return False
    saved = CorrectAssessmentDialog.ask(ctx, detail.full_name, choices, parent)
    if saved is not None:
        reload = getattr(parent, "reload", None)
        if reload is not None:
            reload()
    return saved is not None
