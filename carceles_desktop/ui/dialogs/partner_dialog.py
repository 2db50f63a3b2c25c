"""The client or partner form (Clientes), with the partner's agreements.

The document is checked as it is typed, with the same rule the service applies
(:func:`carceles_desktop.services.partners.validate_partner`): a RUC's check digit, a
DNI's eight digits, a company's RUC starting with 20 …  The message shows under the
number once it has its full length (or when the cursor leaves it).  The Convenios tab
lists the partner's agreements with their state today, an expired one in red.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import AgreementState, PartnerKind
from carceles_desktop.errors import AppError, ValidationError
from carceles_desktop.services import agreements, partners
from carceles_desktop.services.agreements import AgreementRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.partners import ID_TYPES, PartnerInput, PartnerRow
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui.commerce_labels import commerce_label, id_type_label
from carceles_desktop.ui.dialogs.agreement_dialog import AgreementDialog
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.form_parts import text_edit
from carceles_desktop.ui.labels import date_text

translate = QCoreApplication.translate

#: Digits a document has when complete, by SUNAT code (others: any length).
_FULL_LENGTH = {"6": 11, "1": 8}
_EXPIRED = QColor("#b00020")


class PartnerDialog(QDialog):
    """The form of one client or partner; ``partner_id`` None registers a new one.

    Attributes:
        partner_id: the partner's key once saved.
        changed: something was saved.
        errors: the message lines.
        agreements_table: the partner's agreements.
    """

    def __init__(
        self, ctx: ServiceContext, partner_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.partner_id = partner_id
        self.changed = False
        self._editable = allowed(ctx.actor, Action.EDIT_CLIENTS)
        self._agreements: list[AgreementRow] = []
        self.errors = FieldErrors()
        self.setWindowTitle(translate("PartnerForm", "Client or partner"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._data_tab(), translate("PartnerForm", "Data"))
        self.tabs.addTab(self._agreements_tab(), translate("PartnerForm", "Agreements"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(self._editable)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.resize(720, 560)
        if partner_id is not None:
            with ctx.reading() as uow:
                self._load(partners.get_partner(uow, ctx.actor, partner_id))
        self._read_agreements()

    # ------------------------------------------------------------------ building

    def _data_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add = self.errors.add_row
        self.kind = QComboBox()
        for kind in PartnerKind:
            self.kind.addItem(commerce_label(kind), kind)
        add(form, "kind", translate("PartnerForm", "Kind:"), self.kind)
        self.id_type = QComboBox()
        for code in ID_TYPES:
            self.id_type.addItem(f"{code} — {id_type_label(code)}", code)
        add(form, "id_type", translate("PartnerForm", "Document:"), self.id_type)
        self.id_number = text_edit(max_length=15)
        add(form, "id_number", translate("PartnerForm", "Number:"), self.id_number)
        self.name = text_edit(max_length=160)
        add(form, "name", translate("PartnerForm", "Name or business name:"), self.name)
        self.address = text_edit(max_length=200)
        add(form, "address", translate("PartnerForm", "Address:"), self.address)
        self.ubigeo = text_edit(max_length=6)
        self.ubigeo.setPlaceholderText("150132")
        add(form, "ubigeo", translate("PartnerForm", "Ubigeo:"), self.ubigeo)
        self.contact = text_edit(max_length=120)
        add(form, "contact_name", translate("PartnerForm", "Contact:"), self.contact)
        self.phone = text_edit(max_length=40)
        add(form, "phone", translate("PartnerForm", "Phone:"), self.phone)
        self.email = text_edit(max_length=120)
        add(form, "email", translate("PartnerForm", "E-mail:"), self.email)
        self.active = QCheckBox(translate("PartnerForm", "Offered in the forms (not retired)"))
        self.active.setChecked(True)
        add(form, "active", translate("PartnerForm", "Active:"), self.active)
        inputs: tuple[QWidget, ...] = (self.kind, self.id_type, self.id_number, self.name)
        for widget in (*inputs, self.address, self.ubigeo, self.contact, self.phone, self.email):
            widget.setEnabled(self._editable)
        self.active.setEnabled(self._editable)
        self.id_number.textEdited.connect(lambda _t: self.check_document(as_typed=True))
        self.id_number.editingFinished.connect(lambda: self.check_document(as_typed=False))
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.id_type.currentIndexChanged.connect(lambda _i: self.check_document(as_typed=False))
        self._on_kind()
        return page

    def _agreements_tab(self) -> QWidget:
        page = QWidget()
        self.agreements_table = QTableWidget(0, 5)
        self.agreements_table.setHorizontalHeaderLabels(
            [
                translate("PartnerForm", "Number"),
                translate("PartnerForm", "Workshop"),
                translate("PartnerForm", "From"),
                translate("PartnerForm", "To"),
                translate("PartnerForm", "State today"),
            ]
        )
        table = self.agreements_table
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        self.new_agreement = QPushButton(translate("PartnerForm", "New agreement…"))
        self.edit_agreement = QPushButton(translate("PartnerForm", "Open agreement…"))
        for button in (self.new_agreement, self.edit_agreement):
            button.setEnabled(self._editable and self.partner_id is not None)
        self.new_agreement.clicked.connect(lambda: self._open_agreement(None))
        self.edit_agreement.clicked.connect(self._open_selected_agreement)
        table.doubleClicked.connect(lambda _i: self._open_selected_agreement())
        row = QHBoxLayout()
        row.addWidget(self.new_agreement)
        row.addWidget(self.edit_agreement)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(table)
        layout.addLayout(row)
        return page

    # ------------------------------------------------------------------ values

    def _load(self, row: PartnerRow) -> None:
        self.setWindowTitle(row.name)
        self.kind.setCurrentIndex(self.kind.findData(row.kind))
        self.id_type.setCurrentIndex(self.id_type.findData(row.id_type))
        self.id_number.setText(row.id_number)
        self.name.setText(row.name)
        self.address.setText(row.address or "")
        self.ubigeo.setText(row.ubigeo or "")
        self.contact.setText(row.contact_name or "")
        self.phone.setText(row.phone or "")
        self.email.setText(row.email or "")
        self.active.setChecked(row.active)

    def partner_input(self) -> PartnerInput:
        """The form as the service takes it."""
        return PartnerInput(
            kind=self.kind.currentData(),
            id_type=self.id_type.currentData(),
            id_number=self.id_number.text(),
            name=self.name.text(),
            address=self.address.text(),
            ubigeo=self.ubigeo.text(),
            contact_name=self.contact.text(),
            phone=self.phone.text(),
            email=self.email.text(),
        )

    def _on_kind(self) -> None:
        """A company or State entity has a RUC: choose it for the user."""
        if self.kind.currentData() in (PartnerKind.COMPANY, PartnerKind.STATE):
            self.id_type.setCurrentIndex(self.id_type.findData("6"))
        self.check_document(as_typed=False)

    def check_document(self, *, as_typed: bool) -> str:
        """Check the document now; show (and return) the problem, "" when it is right.

        While typing, a number shorter than its full length is not judged yet.
        """
        number = "".join(self.id_number.text().split())
        label = self.errors.labels["id_number"]
        self.id_number.setStyleSheet("")
        label.setVisible(False)
        full = _FULL_LENGTH.get(self.id_type.currentData())
        if not number or (as_typed and full is not None and len(number) < full):
            return ""
        try:
            # Only the document is judged here: a name stands in for one not typed yet.
            partners.validate_partner(
                PartnerInput(self.kind.currentData(), self.id_type.currentData(), number, name="-")
            )
        except ValidationError as exc:
            if exc.field in ("id_number", "id_type"):
                self.errors.show(exc, "id_number")
                self.id_number.setFocus()
                return str(exc)
        return ""

    def save(self) -> None:
        """Register or change the partner (and retire or reactivate him), then close."""
        self.errors.clear()
        actor = self._ctx.actor
        try:
            with self._ctx.writing() as uow:
                if self.partner_id is None:
                    saved = partners.create_partner(uow, actor, self.partner_input())
                else:
                    saved = partners.update_partner(
                        uow, actor, self.partner_id, self.partner_input()
                    )
                if saved.active != self.active.isChecked():
                    saved = partners.set_partner_active(
                        uow, actor, saved.id, self.active.isChecked()
                    )
                uow.commit()
        except AppError as exc:
            self.errors.show(exc)
            self.tabs.setCurrentIndex(0)
            return
        self.partner_id = saved.id
        self.changed = True
        self.accept()

    # ------------------------------------------------------------------ agreements

    def _read_agreements(self) -> None:
        if self.partner_id is None:
            self._agreements = []
        else:
            with self._ctx.reading() as uow:
                self._agreements = agreements.list_agreements(
                    uow, self._ctx.actor, partner_id=self.partner_id
                )
        table = self.agreements_table
        table.setRowCount(len(self._agreements))
        today = date.today()
        for row, pact in enumerate(self._agreements):
            state = pact.state_on(today)
            cells = [
                pact.number,
                f"{pact.workshop_code} — {pact.workshop_name}",
                date_text(pact.starts_on),
                date_text(pact.ends_on),
                commerce_label(state),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if state is AgreementState.VENCIDO:
                    item.setForeground(QBrush(_EXPIRED))
                item.setData(Qt.ItemDataRole.UserRole, pact.id)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        title = translate("PartnerForm", "Agreements ({count})").format(count=len(self._agreements))
        self.tabs.setTabText(1, title)

    def _open_selected_agreement(self) -> None:
        rows = self.agreements_table.selectionModel().selectedRows()
        if rows:
            self._open_agreement(self._agreements[rows[0].row()])

    def _open_agreement(self, pact: AgreementRow | None) -> None:
        if self.partner_id is None:
            return
        dialog = AgreementDialog(self._ctx, self.partner_id, pact, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            self._read_agreements()
