"""What the registry does to one certificate: reprint, annul, replace.

* **Reimprimir** prints the stored page again marked DUPLICADO with today's date; the
  reprint is counted and audited.  No passphrase: the stored signature prints again.
* **Anular** asks first (the number stays used; verification will say ANULADO), then
  the reason and the day.
* **Reemplazar** asks the reason, the day and the key's passphrase (a password field,
  never kept); the old certificate becomes *reemplazado* and a new one, with a new
  number, is issued from the current records and shown in the preview.

Each step is one transaction; a refusal shows under its field and changes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from carceles_desktop.errors import AppError
from carceles_desktop.services import certificate_batch, certificates
from carceles_desktop.services.certificate_eligibility import Eligibility
from carceles_desktop.services.certificate_queries import CertificateRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.small_form import FormField, SmallForm
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

translate = QCoreApplication.translate


def _day_edit(today: date) -> QDateEdit:
    edit = QDateEdit(QDate(today.year, today.month, today.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    return edit


def _reason_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
    return edit


def passphrase_edit() -> QLineEdit:
    """A password field for a key's passphrase (typed, never shown nor kept)."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(512)
    return edit


def show_certificates_pdf(parent: QWidget | None, pdf: bytes, name: str, title: str) -> None:
    """Show certificates in the preview (Print and Save there)."""
    PdfPreviewDialog.show_pdf(parent, pdf, name, title)


def reprint(ctx: ServiceContext, parent: QWidget | None, row: CertificateRow, today: date) -> bool:
    """Print the certificate again, marked DUPLICADO, into the preview; False if refused."""
    try:
        with ctx.writing() as uow:
            pdf = certificates.reprint_certificates(uow, ctx.actor, [row.id], on=today)
            uow.commit()
    except AppError as exc:
        messages.show_error(parent, exc)
        return False
    show_certificates_pdf(
        parent,
        pdf,
        f"{row.number} duplicado.pdf",
        translate("CertificateSteps", "Certificate {number} (duplicate)").format(number=row.number),
    )
    return True


def annul_question(row: CertificateRow) -> str:
    """What is asked before a certificate is annulled."""
    return translate(
        "CertificateSteps",
        "Annul certificate {number} of {name}?\n\nThe number stays used and is never given "
        "again. Whoever verifies the paper or its QR code will read ANULADO.\n\nAn annulled "
        "certificate cannot be made current again; to correct one, replace it instead.",
    ).format(number=row.number, name=row.trainee_name)


def annul(
    ctx: ServiceContext, parent: QWidget | None, row: CertificateRow, today: date
) -> CertificateRow | None:
    """Ask, then annul with a reason and a day; return the annulled row, or None."""
    title = translate("CertificateSteps", "Annul certificate")
    if not messages.confirm(parent, title, annul_question(row)):
        return None

    def submit(values: dict[str, Any]) -> CertificateRow:
        with ctx.writing() as uow:
            done = certificates.annul_certificate(
                uow, ctx.actor, row.id, reason=values["reason"], on=values["on"], today=today
            )
            uow.commit()
        return done

    fields = [
        FormField("reason", translate("CertificateSteps", "Reason:"), _reason_edit()),
        FormField("on", translate("CertificateSteps", "Annulled on:"), _day_edit(today)),
    ]
    intro = translate(
        "CertificateSteps", "Certificate {number} of {name}. Write why it is annulled."
    ).format(number=row.number, name=row.trainee_name)
    result: CertificateRow | None = SmallForm.ask(
        parent,
        title,
        intro,
        fields,
        submit,
        action_text=translate("CertificateSteps", "Annul"),
    )
    return result


def replace(
    ctx: ServiceContext, parent: QWidget | None, row: CertificateRow, today: date
) -> CertificateRow | None:
    """Replace by a new certificate (reason, day, passphrase); show and return the new one."""

    def submit(values: dict[str, Any]) -> CertificateRow:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with ctx.writing() as uow:
                new = certificates.replace_certificate(
                    uow,
                    ctx.actor,
                    row.id,
                    passphrase=values["passphrase"],
                    on=values["on"],
                    reason=values["reason"],
                    today=today,
                )
                uow.commit()
        finally:
            QApplication.restoreOverrideCursor()
        return new

    fields = [
        FormField("reason", translate("CertificateSteps", "Reason:"), _reason_edit()),
        FormField("on", translate("CertificateSteps", "Issue date:"), _day_edit(today)),
        FormField(
            "passphrase", translate("CertificateSteps", "Key passphrase:"), passphrase_edit()
        ),
    ]
    intro = translate(
        "CertificateSteps",
        "Certificate {number} of {name} becomes REPLACED and a new certificate, with a new "
        "number, is issued from the current records (a corrected name or document prints "
        "on it). Verifying the old paper will name the new number. The passphrase is not "
        "kept.",
    ).format(number=row.number, name=row.trainee_name)
    new: CertificateRow | None = SmallForm.ask(
        parent,
        translate("CertificateSteps", "Replace certificate"),
        intro,
        fields,
        submit,
        action_text=translate("CertificateSteps", "Replace"),
    )
    if new is None:
        return None
    messages.inform(
        parent,
        translate("CertificateSteps", "Replace certificate"),
        translate(
            "CertificateSteps", "Certificate {old} was replaced by certificate {new}."
        ).format(old=row.number, new=new.number),
    )
    print_originals(ctx, parent, [new.id], new.number)
    return new


def print_originals(
    ctx: ServiceContext, parent: QWidget | None, ids: list[int], first_number: str
) -> bool:
    """Print certificates as issued (no DUPLICADO) into the preview; False if refused.

    For one or a few certificates (a replacement); batches go through the issue dialog,
    which shows progress.
    """
    try:
        with ctx.writing() as uow:
            pdf = certificate_batch.render_certificates(uow, ctx.actor, ids)
            uow.commit()
    except AppError as exc:
        messages.show_error(parent, exc)
        return False
    show_certificates_pdf(
        parent,
        pdf,
        f"{first_number}.pdf",
        translate("CertificateSteps", "Certificate {number}").format(number=first_number),
    )
    return True


def issue_with_exception(
    ctx: ServiceContext, parent: QWidget | None, chosen: Eligibility, on: date, today: date
) -> CertificateRow | None:
    """Issue a certificate whose enrolment lacks only its culmination, with a reason.

    Asks the written reason (kept in the certificate's record) and the key's
    passphrase; returns the certificate, or None when cancelled.
    """

    def submit(values: dict[str, Any]) -> CertificateRow:
        with ctx.writing() as uow:
            row = certificates.issue_certificate(
                uow,
                ctx.actor,
                chosen.enrolment_id,
                passphrase=values["passphrase"],
                on=on,
                override_reason=values["reason"],
                today=today,
            )
            uow.commit()
        return row

    reason = QLineEdit()
    reason.setMaxLength(500)
    row: CertificateRow | None = SmallForm.ask(
        parent,
        translate("IssueDialog", "Issue with an exception"),
        translate(
            "IssueDialog",
            "The enrolment of {name} is not culminated. Hours and competencies are "
            "complete, so the certificate may be issued with a written reason, which "
            "stays in its record. Type the reason and the key's passphrase (not kept).",
        ).format(name=chosen.trainee_name),
        [
            FormField("reason", translate("IssueDialog", "Reason:"), reason),
            FormField("passphrase", translate("IssueDialog", "Key passphrase:"), passphrase_edit()),
        ],
        submit,
        action_text=translate("IssueDialog", "Issue"),
    )
    return row
