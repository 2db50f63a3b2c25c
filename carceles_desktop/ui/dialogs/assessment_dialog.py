"""Registrar evaluación: how a trainee did in one competency of his workshop's trade.

The competencies offered are the active modules of the enrolment's trade (from the
eligibility service, which also says where he stands in each).  A result is a grade
on Peru's 0–20 scale (it passes from the pass grade of the settings) or a plain
pass/fail.  The service checks the rest (the day inside the enrolment, one assessment
of a module a day); its refusals show under the field they name.

Reachable from the Internos list (:func:`install_assessment_action`) and from the
candidates of the issue dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import EnrolmentState
from carceles_desktop.errors import AppError
from carceles_desktop.services import assessments, browse, certificate_eligibility
from carceles_desktop.services.assessments import AssessmentRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.form_parts import pydate
from carceles_desktop.ui.labels import date_text
from carceles_desktop.ui.widgets.assessment_result import ResultInput, result_text

if TYPE_CHECKING:
    from carceles_desktop.ui.views.trainees_view import TraineesView

translate = QCoreApplication.translate


class AssessmentDialog(QDialog):
    """Records one assessment of one of the trainee's enrolments.

    Attributes:
        enrolment: the enrolment picker (data: enrolment id).
        competency: the competency picker (data: competency id).
        day: the day of the assessment.
        result_input: the result (a grade, or passed/failed).
        grade: the result's grade box.
        result_group: the result's three choices.
        evaluator: who assessed.
        errors: the message lines under the fields.
        saved: the assessment recorded, once saved.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        trainee_name: str,
        enrolments: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today or date.today()
        self.saved: AssessmentRow | None = None
        self.setWindowTitle(translate("AssessmentDialog", "Record assessment"))
        self.enrolment = QComboBox()
        for enrolment_id, text in enrolments:
            self.enrolment.addItem(text, enrolment_id)
        self.competency = QComboBox()
        self.standing = QLabel()
        self.standing.setStyleSheet("color: #555;")
        self.standing.setWordWrap(True)
        self.day = QDateEdit(QDate(self._today.year, self._today.month, self._today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.result_input = ResultInput()
        self.grade, self.result_group = self.result_input.grade, self.result_input.group
        self.evaluator = QLineEdit()
        self.evaluator.setMaxLength(120)
        self._build(trainee_name, self.result_input)
        self.enrolment.currentIndexChanged.connect(lambda _i: self._load_competencies())
        self.competency.currentIndexChanged.connect(lambda _i: self._show_standing())
        self._load_competencies()

    def _build(self, trainee_name: str, result_box: QWidget) -> None:
        self.errors = FieldErrors()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors.add_row(
            form, "enrolment", translate("AssessmentDialog", "Workshop:"), self.enrolment
        )
        self.errors.add_row(
            form, "competency", translate("AssessmentDialog", "Competency:"), self.competency
        )
        form.addRow("", self.standing)
        self.errors.add_row(form, "on", translate("AssessmentDialog", "Date:"), self.day)
        self.errors.add_row(
            form,
            "grade",
            translate("AssessmentDialog", "Result:"),
            result_box,
            field_input=self.grade,
        )
        self.errors.add_row(
            form, "evaluator", translate("AssessmentDialog", "Evaluator:"), self.evaluator
        )
        title = QLabel(f"<b>{trainee_name}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    # ------------------------------------------------------------------ choices

    def _load_competencies(self) -> None:
        self.competency.clear()
        self._standings: dict[int, str] = {}
        enrolment_id = self.enrolment.currentData()
        if enrolment_id is None:
            return
        try:
            with self._ctx.reading() as uow:
                judged = certificate_eligibility.eligibility(uow, self._ctx.actor, enrolment_id)
        except AppError as exc:
            self.errors.show(exc, "enrolment")
            return
        # A finished enrolment is assessed within its dates: start on its last day.
        day = min(self._today, judged.ends_on or self._today)
        self.day.setDate(QDate(day.year, day.month, day.day))
        for item in judged.competencies:
            mark = "" if item.required else " " + translate("AssessmentDialog", "(optional)")
            self.competency.addItem(f"{item.code} — {item.name}{mark}", item.competency_id)
            self._standings[item.competency_id] = _standing_text(item)
        if not judged.competencies:
            self.errors.show(
                translate("AssessmentDialog", "The trade of this workshop lists no competencies."),
                "competency",
            )
        self._show_standing()

    def _show_standing(self) -> None:
        self.standing.setText(self._standings.get(self.competency.currentData(), ""))

    def choose_competency(self, competency_id: int) -> bool:
        """Select a competency by key; False when it is not offered."""
        position = self.competency.findData(competency_id)
        if position >= 0:
            self.competency.setCurrentIndex(position)
        return position >= 0

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Record the assessment; on a refusal say why under its field and stay open."""
        self.errors.clear()
        enrolment_id, competency_id = self.enrolment.currentData(), self.competency.currentData()
        if competency_id is None:
            self.errors.show(
                translate("AssessmentDialog", "Choose the competency assessed."), "competency"
            )
            self.adjustSize()
            return
        try:
            with self._ctx.writing() as uow:
                self.saved = assessments.record_assessment(
                    uow,
                    self._ctx.actor,
                    enrolment_id,
                    competency_id,
                    on=pydate(self.day.date()),
                    grade=self.result_input.grade_value(),
                    passed=self.result_input.passed_value(),
                    evaluator=self.evaluator.text(),
                    today=self._today,
                )
                uow.commit()
        except AppError as exc:
            self.saved = None
            self.errors.show(exc)
            self.adjustSize()  # a message that wraps must not squeeze the fields
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        ctx: ServiceContext,
        trainee_name: str,
        enrolments: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> AssessmentRow | None:
        """Show the dialog; return the assessment recorded, or None (tests patch this)."""
        dialog = cls(ctx, trainee_name, enrolments, parent, today=today)
        dialog.exec()
        return dialog.saved


def _standing_text(item: certificate_eligibility.CompetencyStanding) -> str:
    hours = translate("AssessmentDialog", "{hours} h").format(hours=item.hours)
    if item.assessed_on is None:
        return translate("AssessmentDialog", "{hours}; not assessed yet.").format(hours=hours)
    result = result_text(item.grade, bool(item.passed))
    return translate("AssessmentDialog", "{hours}; last assessed on {day}: {result}.").format(
        hours=hours, day=date_text(item.assessed_on), result=result
    )


# --------------------------------------------------------------------------- Internos


def install_assessment_action(view: TraineesView, ctx: ServiceContext) -> QAction:
    """Add "Registrar evaluación…" to the Internos toolbar and the list's context menu."""
    return install_trainee_action(
        view, ctx, translate("AssessmentDialog", "Record assessment…"), record_for_trainee
    )


def install_trainee_action(
    view: TraineesView,
    ctx: ServiceContext,
    text: str,
    run_for: Callable[[ServiceContext, QWidget, int], bool],
) -> QAction:
    """An assessment action of the Internos list, for whoever may record assessments.

    It sits on the toolbar and in the list's context menu, and works on the selected
    trainee: ``run_for(ctx, view, trainee_id)``.
    """
    action = QAction(text, view)
    right = allowed(ctx.actor, Action.RECORD_ASSESSMENTS) and not ctx.read_only_mode
    action.setVisible(right)
    view.actions_bar.toolbar.addAction(action)
    view.table.addAction(action)

    def selected_id() -> int | None:
        rows = view.table.selectionModel().selectedRows()
        row = view.model.row_at(rows[0].row()) if rows else None
        return row.id if row is not None else None

    def update() -> None:
        action.setEnabled(right and selected_id() is not None)

    def run() -> None:
        trainee_id = selected_id()
        if trainee_id is not None:
            run_for(ctx, view, trainee_id)

    action.triggered.connect(lambda _checked=False: run())
    view.table.selectionModel().selectionChanged.connect(lambda *_: update())
    view.model.modelReset.connect(update)
    update()
    return action


def record_for_trainee(ctx: ServiceContext, parent: QWidget, trainee_id: int) -> bool:
    """Ask for an assessment of one of the trainee's enrolments; True when one was saved."""
    try:
        with ctx.reading() as uow:
            detail = browse.trainee_detail(uow, ctx.actor, trainee_id)
    except AppError as exc:
        messages.show_error(parent, exc)
        return False
    choices = [
        (e.id, f"{e.workshop_name} ({e.workshop_code}) — {date_text(e.starts_on)}")
        for e in detail.enrolments
        if e.state is not EnrolmentState.EN_ESPERA
    ]
    if not choices:
        messages.inform(
            parent,
            translate("AssessmentDialog", "Record assessment"),
            translate("AssessmentDialog", "{name} has no enrolment to assess.").format(
                name=detail.full_name
            ),
        )
        return False
    saved = AssessmentDialog.ask(ctx, detail.full_name, choices, parent)
    if saved is not None:
        view_reload = getattr(parent, "reload", None)
        if view_reload is not None:
            view_reload()
    return saved is not None
