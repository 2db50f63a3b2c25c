"""The delivery note form (Entregas → nota de entrega), from draft to receipt.

A new note is a draft: client, reason (SUNAT catalogue 20), dates, order and agreement,
addresses with their ubigeo (left empty, the service takes the establishment's and the
client's), transport (the fields of the chosen mode only), the goods picked among
the batches with units left, weight (computed unless typed), packages and
observations (at most 250 characters, counted as typed).  "Save draft" keeps it;
"Issue…" numbers it and takes its units, after a confirmation; an issued note records
its receipt ("Receipt…") or is annulled ("Annul…", confirmed, with a reason); any note
prints (Ctrl+P) into the preview.  Refusals show under their field or on their line.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import DeliveryState
from carceles_desktop.errors import AppError
from carceles_desktop.services import deliveries, delivery_queries
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.delivery_queries import DeliveryDetail
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui.commerce_labels import commerce_label
from carceles_desktop.ui.dialogs import delivery_actions
from carceles_desktop.ui.dialogs.delivery_form import DeliveryForm
from carceles_desktop.ui.dialogs.form_parts import confirm, date_edit, text_edit
from carceles_desktop.ui.dialogs.small_form import FormField, SmallForm
from carceles_desktop.ui.labels import date_text

translate = QCoreApplication.translate


class DeliveryDialog(QDialog):
    """The window of one delivery note; ``delivery_id`` None prepares a new draft.

    Attributes:
        form: the note's fields and lines.
        delivery_id: the note's key once saved.
        detail: the note as last read or saved.
        changed: something was saved (the list reads again).
    """

    def __init__(
        self, ctx: ServiceContext, delivery_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.delivery_id = delivery_id
        self.detail: DeliveryDetail | None = None
        self.changed = False
        self.form = DeliveryForm(ctx)
        self._build()
        self.resize(1180, 860)
        if delivery_id is not None:
            self._read()
        else:
            self._show_state()

    def _build(self) -> None:
        actor = self._ctx.actor
        may_issue = allowed(actor, Action.ISSUE_DELIVERIES)
        self.save_button = QPushButton(translate("DeliveryForm", "Save draft"))
        self.issue_button = QPushButton(translate("DeliveryForm", "Issue…"))
        self.receive_button = QPushButton(translate("DeliveryForm", "Record receipt…"))
        self.annul_button = QPushButton(translate("DeliveryForm", "Annul…"))
        self.delete_button = QPushButton(translate("DeliveryForm", "Delete draft…"))
        self.print_button = QPushButton(translate("DeliveryForm", "Print…"))
        self.print_button.setToolTip(translate("DeliveryForm", "Preview, print or save (Ctrl+P)"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self._may = {
            "issue": may_issue,
            "annul": allowed(actor, Action.ANNUL_DELIVERIES),
            "print": allowed(actor, Action.PRINT_REPORTS),
        }
        row = QHBoxLayout()
        for button, slot in (
            (self.save_button, self.save),
            (self.issue_button, self.issue),
            (self.receive_button, self.receive),
            (self.annul_button, self.annul),
            (self.delete_button, self.delete_draft),
            (self.print_button, self.print_note),
        ):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addLayout(row)

    # ------------------------------------------------------------------ state

    def _read(self) -> None:
        assert self.delivery_id is not None  # only saved notes are read
        with self._ctx.reading() as uow:
            self.detail = delivery_queries.get_delivery(uow, self._ctx.actor, self.delivery_id)
        self.form.load(self.detail)
        self._show_state()

    def state(self) -> DeliveryState | None:
        """The note's state (None before the first save)."""
        return self.detail.state if self.detail else None

    def _show_state(self) -> None:
        state = self.state()
        draft = state in (None, DeliveryState.BORRADOR)
        self.form.set_editable(draft and self._may["issue"])
        self.form.show_banner(self._title(), self._banner())
        self.save_button.setEnabled(draft and self._may["issue"])
        self.issue_button.setEnabled(draft and self._may["issue"])
        self.delete_button.setEnabled(state is DeliveryState.BORRADOR and self._may["issue"])
        self.receive_button.setEnabled(state is DeliveryState.EMITIDA and self._may["issue"])
        self.annul_button.setEnabled(
            state in (DeliveryState.EMITIDA, DeliveryState.RECIBIDA) and self._may["annul"]
        )
        self.print_button.setEnabled(self._may["print"] and (draft or self.detail is not None))
        if not draft:
            self.close_button.setFocus()  # nothing to type in a note already issued

    def _title(self) -> str:
        if self.detail is None:
            return translate("DeliveryForm", "New delivery note (draft)")
        if self.detail.number is None:
            return translate("DeliveryForm", "Delivery note — draft, not numbered yet")
        return translate("DeliveryForm", "Delivery note {number} — {state}").format(
            number=self.detail.number, state=commerce_label(self.detail.state)
        )

    def _banner(self) -> str:
        detail = self.detail
        if detail is None or detail.state is DeliveryState.BORRADOR:
            return translate(
                "DeliveryForm",
                "A draft takes no units and has no number: both come when it is issued.",
            )
        parts = [
            translate("DeliveryForm", "Issued on {day}.").format(day=date_text(detail.issue_date))
        ]
        if detail.received_on is not None:
            parts.append(
                translate("DeliveryForm", "Received on {day} by {name} ({doc}).").format(
                    day=date_text(detail.received_on),
                    name=detail.received_by_name,
                    doc=detail.received_by_doc,
                )
            )
        if detail.state is DeliveryState.ANULADA:
            parts.append(
                translate("DeliveryForm", "Annulled on {day}: {reason}").format(
                    day=date_text(detail.annulled_on), reason=detail.annul_reason
                )
            )
        if detail.print_count:
            parts.append(
                translate("DeliveryForm", "Printed {count} times.").format(count=detail.print_count)
            )
        return " ".join(parts)

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Create or change the draft in one transaction; show why not (nothing saved)."""
        self.form.clear_errors()
        data = self.form.delivery_input()
        if data is None:
            return False
        try:
            with self._ctx.writing() as uow:
                if self.delivery_id is None:
                    saved = deliveries.create_delivery_draft(uow, self._ctx.actor, data)
                else:
                    saved = deliveries.update_delivery_draft(
                        uow, self._ctx.actor, self.delivery_id, data
                    )
                uow.commit()
        except AppError as exc:
            self.form.show_error(exc)
            return False
        self.delivery_id = saved.id
        self.changed = True
        self._read()
        self.form.say(translate("DeliveryForm", "Draft saved."))
        return True

    # ------------------------------------------------------------------ steps

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        """Ask before a step that cannot simply be taken back (tests patch this)."""
        return confirm(parent, title, text)

    def issue(self) -> None:
        """Save the draft, confirm, then issue it: number given, units taken."""
        if not self.save() or self.detail is None:
            return
        detail = self.detail
        question = delivery_actions.issue_question(
            detail.series, detail.total_quantity, len(detail.lines)
        )
        if not self.ask(self, translate("DeliveryForm", "Issue the note"), question):
            return
        try:
            with self._ctx.writing() as uow:
                issued = deliveries.issue_delivery(
                    uow, self._ctx.actor, detail.id, on=detail.issue_date
                )
                uow.commit()
        except AppError as exc:
            self.form.show_error(exc)
            return
        self.changed = True
        self._read()
        self.form.say(translate("DeliveryForm", "Issued as {number}.").format(number=issued.number))

    def receive(self) -> None:
        """Record who received the goods, with his document, and when."""
        detail = self.detail
        if detail is None:
            return
        fields = [
            FormField(
                "received_by_name",
                translate("DeliveryForm", "Received by:"),
                text_edit(max_length=120),
            ),
            FormField(
                "received_by_doc",
                translate("DeliveryForm", "His document (DNI …):"),
                text_edit(max_length=15),
            ),
            FormField("received_on", translate("DeliveryForm", "Received on:"), date_edit()),
        ]

        def submit(values: dict[str, object]) -> DeliveryDetail:
            with self._ctx.writing() as uow:
                done = deliveries.receive_delivery(
                    uow,
                    self._ctx.actor,
                    detail.id,
                    name=str(values["received_by_name"]),
                    doc=str(values["received_by_doc"]),
                    on=_day(values["received_on"]),
                )
                uow.commit()
            return done

        intro = translate(
            "DeliveryForm",
            "Copy what the client wrote on the signed note. A received note can still be "
            "annulled if the goods come back.",
        )
        title = translate("DeliveryForm", "Record the receipt of {number}").format(
            number=detail.number
        )
        action = translate("DeliveryForm", "Record receipt")
        if SmallForm.ask(self, title, intro, fields, submit, action_text=action) is not None:
            self.changed = True
            self._read()

    def annul(self) -> None:
        """Confirm, then annul with a reason: the number stays used, the units return."""
        detail = self.detail
        if detail is None or detail.number is None:
            return
        question = delivery_actions.annul_question(detail.number, detail.total_quantity)
        if not self.ask(self, translate("DeliveryForm", "Annul the note"), question):
            return
        reason = text_edit(max_length=300)
        fields = [
            FormField("reason", translate("DeliveryForm", "Reason:"), reason),
            FormField("on", translate("DeliveryForm", "Annulled on:"), date_edit()),
        ]

        def submit(values: dict[str, object]) -> DeliveryDetail:
            with self._ctx.writing() as uow:
                done = deliveries.annul_delivery(
                    uow,
                    self._ctx.actor,
                    detail.id,
                    reason=str(values["reason"]),
                    on=_day(values["on"]),
                )
                uow.commit()
            return done

        intro = translate("DeliveryForm", "The reason is printed on the note and kept in the log.")
        title = translate("DeliveryForm", "Annul {number}").format(number=detail.number)
        action = translate("DeliveryForm", "Annul the note")
        if SmallForm.ask(self, title, intro, fields, submit, action_text=action) is not None:
            self.changed = True
            self._read()

    def delete_draft(self) -> None:
        """Confirm, then delete the draft and close."""
        if self.delivery_id is None or self.state() is not DeliveryState.BORRADOR:
            return
        title = translate("DeliveryForm", "Delete the draft")
        if not self.ask(self, title, delivery_actions.delete_question()):
            return
        try:
            with self._ctx.writing() as uow:
                deliveries.delete_delivery_draft(uow, self._ctx.actor, self.delivery_id)
                uow.commit()
        except AppError as exc:
            self.form.show_error(exc)
            return
        self.changed = True
        self.delivery_id = None
        self.accept()

    def print_note(self) -> None:
        """Ctrl+P: save a draft first, then render, count the print and preview it."""
        if not self.print_button.isEnabled():
            return
        if self.state() in (None, DeliveryState.BORRADOR) and not self.save():
            return
        assert self.delivery_id is not None  # saved just above, or read
        if delivery_actions.print_note(self._ctx, self, self.delivery_id):
            self.changed = True
            self._read()


def _day(value: object) -> date:
    assert isinstance(value, date)  # a date input gives a date
    return value
