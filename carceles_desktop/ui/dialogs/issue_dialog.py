"""Emitir certificados: a workshop's candidates, the passphrase, the issue, the paper.

1. Pick a workshop: its candidates are listed by name, each eligible one with a check
   box, the others with exactly what is missing (column and tooltip).  "Registrar
   evaluación…" grades the selected candidate; "Emitir con excepción…" issues one whose
   enrolment only lacks its culmination, for users who may override, with a reason.
2. "Emitir…" asks the key's passphrase (never kept), then issues the checked ones in
   one transaction behind a progress dialog.  Cancel undoes the whole batch: no
   certificate is issued and no number is used.
3. The certificates issued print as one PDF into the preview, or as one file per
   person into a folder (:mod:`.issue_output`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.services import browse, certificate_eligibility
from carceles_desktop.services.certificate_batch import (
    BatchIssueResult,
    Cancelled,
    issue_certificates,
)
from carceles_desktop.services.certificate_eligibility import Eligibility
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs import certificate_actions
from carceles_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
from carceles_desktop.ui.dialogs.form_parts import pydate
from carceles_desktop.ui.dialogs.issue_output import OutputChoice, print_job
from carceles_desktop.ui.dialogs.signing_passphrase import SigningPassphraseDialog
from carceles_desktop.ui.models.candidates_table import NAME, CandidatesModel
from carceles_desktop.ui.widgets.job_progress import JobProgress, Progress, ShouldCancel, run_job

translate = QCoreApplication.translate


class IssueDialog(QDialog):
    """Issues a workshop's certificates and prints them.

    Attributes:
        workshop: the workshop picker (data: workshop id).
        issue_day: the day of issue.
        candidates: the candidates' model; ``table`` shows it.
        output: one PDF or one file per person.
        summary: what the list holds, or what the last step did.
        issue_button, override_button, assess_button, print_button: the actions.
        last_issued: the certificates of the last batch (for "Imprimir de nuevo").
        job: the progress dialog of the job running, if any.
    """

    #: A batch ended (issued, or cancelled with nothing kept); carries its result.
    issued = Signal(object)
    #: The certificates printed: carries the PDF bytes or the list of files.
    printed = Signal(object)

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today or date.today()
        self.last_issued: list[int] = []
        self.job: JobProgress | None = None
        self.setWindowTitle(translate("IssueDialog", "Issue certificates"))
        self._may_override = allowed(ctx.actor, Action.OVERRIDE_ELIGIBILITY)
        self._may_assess = allowed(ctx.actor, Action.RECORD_ASSESSMENTS)
        self._build()
        self._fill_workshops()
        self.resize(1100, 620)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.workshop = QComboBox()
        self.workshop.setMinimumContentsLength(30)
        day = self._today
        self.issue_day = QDateEdit(QDate(day.year, day.month, day.day))
        self.issue_day.setCalendarPopup(True)
        self.issue_day.setDisplayFormat("dd/MM/yyyy")
        self.issue_day.setMaximumDate(QDate(day.year, day.month, day.day))
        top = QFormLayout()
        top.addRow(translate("IssueDialog", "Workshop:"), self.workshop)
        top.addRow(translate("IssueDialog", "Issue date:"), self.issue_day)
        self.candidates = CandidatesModel(self)
        self.table = QTableView()
        self.table.setModel(self.candidates)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.all_button = QPushButton(translate("IssueDialog", "Check all"))
        self.none_button = QPushButton(translate("IssueDialog", "Check none"))
        self.assess_button = QPushButton(translate("IssueDialog", "Record assessment…"))
        self.override_button = QPushButton(translate("IssueDialog", "Issue with an exception…"))
        self.assess_button.setVisible(self._may_assess)
        self.override_button.setVisible(self._may_override)
        row = QHBoxLayout()
        for button in (self.all_button, self.none_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.assess_button)
        row.addWidget(self.override_button)
        self.output = OutputChoice()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton(
            translate("IssueDialog", "Print again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setToolTip(
            translate("IssueDialog", "Print the certificates of the last batch again (originals)")
        )
        self.issue_button = self.buttons.addButton(
            translate("IssueDialog", "Issue…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.output)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._connect()

    def _connect(self) -> None:
        self.workshop.currentIndexChanged.connect(lambda _i: self.load_candidates())
        self.all_button.clicked.connect(lambda: self.candidates.check_all(True))
        self.none_button.clicked.connect(lambda: self.candidates.check_all(False))
        self.candidates.dataChanged.connect(lambda *_: self._enable())
        self.candidates.modelReset.connect(self._enable)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.assess_button.clicked.connect(self.record_assessment)
        self.override_button.clicked.connect(self.issue_with_exception)
        self.issue_button.clicked.connect(self.issue_checked)
        self.print_button.clicked.connect(lambda: self.print_certificates(self.last_issued))
        self.buttons.rejected.connect(self.reject)

    def _fill_workshops(self) -> None:
        try:
            with self._ctx.reading() as uow:
                shops = browse.search_workshops(uow, self._ctx.actor, limit=1000)
        except AppError as exc:
            messages.show_error(self, exc)
            shops = []
        actor = self._ctx.actor
        self.workshop.blockSignals(True)
        for shop in shops:
            if allowed(actor, Action.ISSUE_CERTIFICATES, workshop_id=shop.id):
                self.workshop.addItem(f"{shop.code} — {shop.name}", shop.id)
        self.workshop.setCurrentIndex(-1)
        self.workshop.blockSignals(False)
        self.summary.setText(translate("IssueDialog", "Choose the workshop."))
        self._enable()

    # ------------------------------------------------------------------ state

    def choose_workshop(self, workshop_id: int) -> bool:
        """Select a workshop by key (its candidates load); False when not offered."""
        position = self.workshop.findData(workshop_id)
        if position >= 0:
            self.workshop.setCurrentIndex(position)
        return position >= 0

    def selected(self) -> Eligibility | None:
        """The candidate selected in the list, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.candidates.row_at(rows[0].row()) if rows else None

    def _folder_ready(self) -> bool:
        """True unless files are wanted and no folder is chosen (asked for here)."""
        return (
            not self.output.wants_files()
            or bool(self.output.folder.text().strip())
            or self.output.choose()
        )

    def is_busy(self) -> bool:
        """True while a job runs."""
        return self.job is not None

    def _enable(self) -> None:
        busy = self.is_busy()
        chosen = self.selected()
        self.issue_button.setEnabled(bool(self.candidates.checked_ids()) and not busy)
        self.override_button.setEnabled(chosen is not None and chosen.needs_override and not busy)
        self.assess_button.setEnabled(chosen is not None and not busy)
        self.print_button.setEnabled(bool(self.last_issued) and not busy)
        self.issue_button.setText(
            translate("IssueDialog", "Issue {count}…").format(
                count=len(self.candidates.checked_ids())
            )
        )

    def load_candidates(self) -> None:
        """Read the chosen workshop's candidates, eligible or not."""
        workshop_id = self.workshop.currentData()
        if workshop_id is None:
            self.candidates.set_rows([])
            return
        try:
            with self._ctx.reading() as uow:
                rows = certificate_eligibility.eligible_enrolments(
                    uow, self._ctx.actor, workshop_id, include_ineligible=True
                )
        except AppError as exc:
            messages.show_error(self, exc)
            rows = []
        self.candidates.set_rows(rows)
        self.table.resizeColumnToContents(NAME)
        ready = sum(1 for item in rows if item.eligible)
        exception = sum(1 for item in rows if item.needs_override)
        self.summary.setText(
            translate(
                "IssueDialog",
                "{count} candidates: {ready} ready, {exception} only with an exception, "
                "{other} not yet. Point at a row to read what is missing.",
            ).format(
                count=len(rows),
                ready=ready,
                exception=exception,
                other=len(rows) - ready - exception,
            )
        )

    # ------------------------------------------------------------------ issuing

    def issue_checked(self) -> None:
        """Ask the passphrase, then issue the checked candidates in one transaction."""
        ids = self.candidates.checked_ids()
        if not ids or self.is_busy():
            return
        if not self._folder_ready():
            return
        passphrase = SigningPassphraseDialog.ask(
            self,
            text=translate(
                "IssueDialog",
                "{count} certificates will be numbered and signed with the key of the "
                "establishment. Type its passphrase.",
            ).format(count=len(ids)),
        )
        if passphrase is None:
            return
        self._start_issue(ids, passphrase)

    def _start_issue(self, ids: list[int], passphrase: str) -> None:
        ctx, on, today = self._ctx, pydate(self.issue_day.date()), self._today

        def work(progress: Progress, should_cancel: ShouldCancel) -> BatchIssueResult:
            return issue_certificates(
                ctx.database,
                ctx.actor,
                ids,
                passphrase=passphrase,
                on=on,
                progress=progress,
                should_cancel=should_cancel,
                today=today,
            )

        self.job = run_job(
            self,
            title=translate("IssueDialog", "Issuing certificates"),
            text=translate("IssueDialog", "Issuing {count} certificates…").format(count=len(ids)),
            note=translate(
                "IssueDialog",
                "The batch is one transaction: Cancel undoes all of it. No certificate is "
                "issued and no number is used.",
            ),
            work=work,
            on_done=self._issued,
            on_error=self._issue_failed,
        )
        self._enable()

    def _issued(self, result: BatchIssueResult) -> None:
        self.job = None
        if result.cancelled:
            self.summary.setText(
                translate(
                    "IssueDialog", "Cancelled: no certificate was issued and no number was used."
                )
            )
            self._enable()
            self.issued.emit(result)
            return
        self.last_issued = result.certificate_ids
        self.load_candidates()
        text = translate("IssueDialog", "{count} certificates issued: {first} … {last}.").format(
            count=len(result.issued),
            first=result.issued[0].number if result.issued else "",
            last=result.issued[-1].number if result.issued else "",
        )
        for skipped in result.skipped:
            reasons = " ".join(message.render() for message in skipped.reasons)
            text += "\n" + translate("IssueDialog", "Not issued to {name}: {reasons}").format(
                name=skipped.trainee_name, reasons=reasons
            )
        self.summary.setText(text)
        self._enable()
        self.issued.emit(result)
        if self.last_issued:
            self.print_certificates(self.last_issued)

    def _issue_failed(self, error: BaseException) -> None:
        self.job = None
        self.summary.setText(translate("IssueDialog", "Nothing was issued."))
        self._enable()
        messages.show_error(self, error)

    def issue_with_exception(self) -> None:
        """Issue the selected candidate, who lacks only his culmination, with a reason."""
        chosen = self.selected()
        if chosen is None or not chosen.needs_override or self.is_busy():
            return
        row = certificate_actions.issue_with_exception(
            self._ctx, self, chosen, pydate(self.issue_day.date()), self._today
        )
        if row is None:
            return
        self.last_issued = [row.id]
        self.load_candidates()
        self.summary.setText(
            translate("IssueDialog", "Certificate {number} issued to {name}.").format(
                number=row.number, name=row.trainee_name
            )
        )
        self.print_certificates(self.last_issued)

    def record_assessment(self) -> None:
        """Grade the selected candidate in a competency; the list is judged again."""
        chosen = self.selected()
        if chosen is None:
            return
        label = translate("IssueDialog", "{workshop} (enrolment of {start})").format(
            workshop=chosen.workshop_code, start=chosen.starts_on.strftime("%d/%m/%Y")
        )
        saved = AssessmentDialog.ask(
            self._ctx, chosen.trainee_name, [(chosen.enrolment_id, label)], self, today=self._today
        )
        if saved is not None:
            self.load_candidates()

    # ------------------------------------------------------------------ printing

    def print_certificates(self, ids: list[int]) -> None:
        """Print certificates as issued into the preview, or into files."""
        if not ids or self.is_busy():
            return
        if not self._folder_ready():
            return
        self.job = print_job(
            self._ctx, self, list(ids), self.output, self._printed, self._print_failed
        )
        self._enable()

    def _printed(self, result: Any) -> None:
        self.job = None
        self._enable()
        if isinstance(result, bytes):
            certificate_actions.show_certificates_pdf(
                self,
                result,
                translate("IssueDialog", "certificates.pdf"),
                translate("IssueDialog", "Certificates issued"),
            )
        else:
            paths: list[Path] = result
            folder = paths[0].parent if paths else Path(self.output.folder.text())
            messages.inform(
                self,
                translate("IssueDialog", "Certificates printed"),
                translate("IssueDialog", "{count} files written to {folder}.").format(
                    count=len(paths), folder=folder
                ),
            )
        self.printed.emit(result)

    def _print_failed(self, error: BaseException) -> None:
        self.job = None
        self._enable()
        if isinstance(error, Cancelled):
            self.summary.setText(
                translate(
                    "IssueDialog",
                    "Printing cancelled; no file was written. The certificates are issued: "
                    "use «Print again».",
                )
            )
            return
        messages.show_error(self, error)

    def reject(self) -> None:
        """Close, unless a job is running (its own dialog has Cancel)."""
        if self.is_busy():
            return
        super().reject()
