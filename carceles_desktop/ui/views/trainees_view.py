"""The Internos area: the trainees list and the selected trainee's record.

Administrators also find "Exportar datos personales…" in the list's context menu; the
toolbar and the rest of that menu (new, edit, enrol, transfer …) are :mod:`.trainee_actions`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from carceles_desktop.services import browse
from carceles_desktop.services.browse import EnrolmentSummary, TraineeDetail, TraineeRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.dialogs.assessment_correction import correct_for_trainee
from carceles_desktop.ui.dialogs.assessment_dialog import (
    install_assessment_action,
    install_trainee_action,
)
from carceles_desktop.ui.labels import date_text, hours_text, label, yes_no
from carceles_desktop.ui.models.trainees_table import TraineesTableModel
from carceles_desktop.ui.personal_data_export import export_trainee, may_export
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.list_view import ListView
from carceles_desktop.ui.views.trainee_actions import TraineeActions

translate = QCoreApplication.translate


class TraineesView(ListView):
    """Search, sort and read the trainees the user may see."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(
            TraineesTableModel(ctx),
            self._detail_for,
            settings_key="trainees_view",
            empty_detail=translate("TraineesView", "Select a trainee to see his record."),
            parent=parent,
        )
        self.export_action = QAction(translate("TraineesView", "Export personal data…"), self)
        self.export_action.setEnabled(False)
        self.export_action.triggered.connect(self.export_personal_data)
        if may_export(ctx):
            self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            self.table.addAction(self.export_action)
            self.table.selectionModel().selectionChanged.connect(
                lambda *_: self.export_action.setEnabled(self._selected_row() is not None)
            )
        self.actions_bar = TraineeActions(self, ctx)
        self.assessment_action = install_assessment_action(self, ctx)
        self.correction_action = install_trainee_action(
            self,
            ctx,
            translate("AssessmentCorrection", "Correct assessment…"),
            correct_for_trainee,
        )

    def _selected_row(self) -> TraineeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def export_personal_data(self) -> None:
        """Save everything stored about the selected trainee to a JSON file (audited)."""
        row = self._selected_row()
        if row is not None:
            export_trainee(self._ctx, self, row.id, row.inmate_code)

    def _detail_for(self, row: TraineeRow) -> str:
        with self._ctx.reading() as uow:
            detail = browse.trainee_detail(uow, self._ctx.actor, row.id)
        return trainee_html(detail)


def _document(detail: TraineeDetail) -> str:
    kind = label(detail.doc_type)
    return f"{kind} {detail.doc_number}" if detail.doc_number else kind


def trainee_html(detail: TraineeDetail) -> str:
    """The trainee's record as HTML for the detail panel."""
    surnames = " ".join(s for s in (detail.paternal_surname, detail.maternal_surname) if s)
    personal = h.fields(
        [
            (translate("TraineeDetail", "Inmate code"), detail.inmate_code),
            (translate("TraineeDetail", "Document"), _document(detail)),
            (translate("TraineeDetail", "Sex"), label(detail.sex)),
            (translate("TraineeDetail", "Birth date"), date_text(detail.birth_date)),
            (translate("TraineeDetail", "Nationality"), detail.nationality),
            (translate("TraineeDetail", "Establishment"), detail.establishment_name),
            (translate("TraineeDetail", "Admission date"), date_text(detail.admission_date)),
            (translate("TraineeDetail", "Legal situation"), label(detail.legal_situation)),
            (translate("TraineeDetail", "First-time offender"), yes_no(detail.first_offender)),
            (translate("TraineeDetail", "Redemption case"), detail.redemption_case or ""),
            (translate("TraineeDetail", "Release date"), date_text(detail.release_date)),
        ]
    )
    parts = [h.STYLE, h.heading(2, f"{surnames}, {detail.given_names}"), personal]
    parts.append(h.heading(3, translate("TraineeDetail", "Enrolments")))
    if not detail.enrolments:
        parts.append(h.muted(translate("TraineeDetail", "Not enrolled in any workshop.")))
    parts.extend(_enrolment_html(enrolment) for enrolment in detail.enrolments)
    return "".join(parts)


def _enrolment_html(enrolment: EnrolmentSummary) -> str:
    title = f"{enrolment.workshop_name} ({enrolment.workshop_code}) — {label(enrolment.state)}"
    if enrolment.ends_on is None:
        period = translate("TraineeDetail", "Since {start}, still going").format(
            start=date_text(enrolment.starts_on)
        )
    else:
        period = translate("TraineeDetail", "From {start} to {end}").format(
            start=date_text(enrolment.starts_on), end=date_text(enrolment.ends_on)
        )
    worked = translate("TraineeDetail", "{hours} hours worked in {days} days").format(
        hours=hours_text(enrolment.total_hours), days=enrolment.days_present
    )
    parts = [h.heading(4, title), f"<p>{h.esc(period)} · {h.esc(worked)}</p>"]
    if enrolment.history:
        parts.append(
            h.table(
                [
                    translate("TraineeDetail", "Date"),
                    translate("TraineeDetail", "From"),
                    translate("TraineeDetail", "To"),
                    translate("TraineeDetail", "Reason"),
                ],
                (
                    [
                        date_text(c.changed_on),
                        label(c.from_state) or "—",
                        label(c.to_state),
                        c.reason,
                    ]
                    for c in enrolment.history
                ),
                nowrap=(0, 1, 2),
            )
        )
    if enrolment.assessments:
        parts.append(
            h.table(
                [
                    translate("TraineeDetail", "Assessed on"),
                    translate("TraineeDetail", "Competency"),
                    translate("TraineeDetail", "Grade"),
                    translate("TraineeDetail", "Result"),
                ],
                (
                    [
                        date_text(a.assessed_on),
                        translate("TraineeDetail", "{competency} (by {evaluator})").format(
                            competency=a.competency_name, evaluator=a.evaluator
                        ),
                        "" if a.grade is None else str(a.grade),
                        translate("TraineeDetail", "Passed")
                        if a.passed
                        else translate("TraineeDetail", "Failed"),
                    ]
                    for a in enrolment.assessments
                ),
                nowrap=(0, 2, 3),
            )
        )
    return "".join(parts)
