"""What the delivery form and the Entregas list do to a note after it is prepared.

Printing renders the note, counts the print (the first is the original, later ones say
COPIA) and commits, then shows the PDF in the preview with Print and Save.  The texts
of the confirmations live here, so the form and the list ask the same questions.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from carceles_desktop.errors import AppError
from carceles_desktop.services import delivery_printing
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui import messages
from carceles_desktop.ui.commerce_labels import quantity_text
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

translate = QCoreApplication.translate


def print_note(ctx: ServiceContext, parent: QWidget | None, delivery_id: int) -> bool:
    """Render a note, record the print, and show it in the preview; False if refused."""
    try:
        with ctx.writing() as uow:
            printed = delivery_printing.print_delivery_note(uow, ctx.actor, delivery_id)
            uow.commit()
    except AppError as exc:
        messages.show_error(parent, exc)
        return False
    number = printed.number or translate("DeliveryForm", "draft")
    title = (
        translate("DeliveryForm", "Delivery note {number} (copy)")
        if printed.copy
        else translate("DeliveryForm", "Delivery note {number}")
    ).format(number=number)
    PdfPreviewDialog.show_pdf(parent, printed.pdf, printed.file_name, title)
    return True


def issue_question(series: str, units: Decimal, lines: int) -> str:
    """The question asked before a note is issued."""
    return translate(
        "DeliveryForm",
        "Issue this delivery note?\n\nIt gets the next number of series {series}; a number "
        "once given is never reused. Its {units} units ({lines} lines) leave their batches "
        "now.\n\nIf it must be undone later, annul the note: the number stays used (the "
        "note prints ANULADA) and the units go back to their batches.",
    ).format(series=series, units=quantity_text(units), lines=lines)


def annul_question(number: str, units: Decimal) -> str:
    """The question asked before an issued or received note is annulled."""
    return translate(
        "DeliveryForm",
        "Annul delivery note {number}?\n\nThe note stays in the records and keeps its "
        "number, which is not given again; it prints ANULADA. Its {units} units go back "
        "to their batches and can be delivered on another note.\n\nAn annulled note "
        "cannot be issued again.",
    ).format(number=number, units=quantity_text(units))


def delete_question() -> str:
    """The question asked before a draft is deleted."""
    return translate(
        "DeliveryForm",
        "Delete this draft?\n\nIt has no number yet, so no gap is left in the series, and "
        "no units were taken from the batches. The deletion cannot be undone.",
    )
