"""Administración → Claves de firma: the establishments' signing keys.

Lists the keys known here (own keys, which sign, and keys imported from other
installations, which only verify), creates a new key for an establishment (the
passphrase typed twice in password fields; the previous key closes the day before),
exports the public keys to a file another installation imports, and imports such a
file.  The file dialogs are class methods that tests patch.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QDate, QIODevice, QSaveFile, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import catalogues, key_sharing, signing_keys
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.key_sharing import ImportKeysReport
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.services.signing_keys import KeyRow
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.key_revocation_dialog import ask_revocation
from carceles_desktop.ui.dialogs.small_form import FormField, SmallForm, field_value
from carceles_desktop.ui.labels import date_text, yes_no
from carceles_desktop.ui.models.rows_table import RowColumn, RowsTableModel

translate = QCoreApplication.translate

KEY_COLUMNS = (
    RowColumn(QT_TRANSLATE_NOOP("KeysTable", "Key"), lambda k: k.key_id),
    RowColumn(QT_TRANSLATE_NOOP("KeysTable", "Establishment"), lambda k: k.establishment_code),
    RowColumn(QT_TRANSLATE_NOOP("KeysTable", "Valid from"), lambda k: date_text(k.valid_from)),
    RowColumn(
        QT_TRANSLATE_NOOP("KeysTable", "Valid to"),
        lambda k: date_text(k.valid_to) if k.valid_to else "—",
    ),
    RowColumn(QT_TRANSLATE_NOOP("KeysTable", "Signs here"), lambda k: yes_no(k.has_private_key)),
    RowColumn(QT_TRANSLATE_NOOP("KeysTable", "Fingerprint"), lambda k: k.fingerprint),
)


def _password() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(512)
    return field


class _KeyForm(SmallForm):
    """The small form, with the establishment picked from a list."""

    def values(self) -> dict[str, Any]:
        """The values typed; a picker gives its chosen code."""
        return {
            item.name: item.widget.currentData()
            if isinstance(item.widget, QComboBox)
            else field_value(item.widget)
            for item in self._fields
        }


class KeysPanel(QWidget):
    """The signing keys, and creating, exporting and importing them.

    Attributes:
        table: the keys known here.
        create_button, revoke_button, export_button, import_button: the actions.
    """

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.model = RowsTableModel(KEY_COLUMNS, context="KeysTable", parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.create_button = QPushButton(translate("SigningKeys", "Create key…"))
        self.revoke_button = QPushButton(translate("SigningKeys", "Revoke key…"))
        self.export_button = QPushButton(translate("SigningKeys", "Export public keys…"))
        self.import_button = QPushButton(translate("SigningKeys", "Import public keys…"))
        may = allowed(ctx.actor, Action.MANAGE_KEYS) and not ctx.read_only_mode
        self._may_manage = may
        self.create_button.setEnabled(may)
        self.import_button.setEnabled(may)
        self.revoke_button.setEnabled(False)
        row = QHBoxLayout()
        buttons = (self.create_button, self.revoke_button, self.export_button, self.import_button)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        note = QLabel(
            translate(
                "SigningKeys",
                "Each establishment signs its certificates with its own key. The private "
                "half is kept encrypted under a passphrase that the program never stores. "
                "Give the exported public keys to every office that verifies certificates, "
                "and compare fingerprints by phone.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.create_button.clicked.connect(self.create_key)
        self.revoke_button.clicked.connect(self.revoke_key)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_revoke())
        self.model.modelReset.connect(self._enable_revoke)
        self.export_button.clicked.connect(self.export_keys)
        self.import_button.clicked.connect(self.import_keys)

    def today(self) -> date:
        """Today (tests fix it)."""
        return self._today or date.today()

    def reload(self) -> None:
        """Read the keys again."""
        try:
            with self._ctx.reading() as uow:
                rows = signing_keys.list_keys(uow, self._ctx.actor)
        except AppError as exc:
            messages.show_error(self, exc)
            rows = []
        self.model.set_rows(rows)

    def listed_keys(self) -> list[KeyRow]:
        """The keys listed."""
        return list(self.model.rows)

    # ------------------------------------------------------------------ creating

    def create_key(self) -> KeyRow | None:
        """Crear clave…: establishment, passphrase twice, first valid day."""
        place = QComboBox()
        with self._ctx.reading() as uow:
            for row in catalogues.list_establishments(uow):
                place.addItem(f"{row.name} ({row.code})", row.code)
        if self._ctx.actor.establishment_id is not None:
            with self._ctx.reading() as uow:
                own = [
                    r.code
                    for r in catalogues.list_establishments(uow)
                    if r.id == self._ctx.actor.establishment_id
                ]
            if own:
                place.setCurrentIndex(place.findData(own[0]))
        first = self.today()
        start = QDateEdit(QDate(first.year, first.month, first.day))
        start.setCalendarPopup(True)
        start.setDisplayFormat("dd/MM/yyyy")
        fields = [
            FormField("establishment_code", translate("SigningKeys", "Establishment:"), place),
            FormField("passphrase", translate("SigningKeys", "Passphrase:"), _password()),
            FormField("repeat", translate("SigningKeys", "Repeat it:"), _password()),
            FormField("valid_from", translate("SigningKeys", "Valid from:"), start),
        ]
        ctx = self._ctx

        def submit(values: dict[str, Any]) -> KeyRow:
            if values["passphrase"] != values["repeat"]:
                raise ValidationError(
                    translate("SigningKeys", "The two passphrases are not the same."),
                    field="repeat",
                )
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                with ctx.writing() as uow:
                    row = signing_keys.create_signing_key(
                        uow,
                        ctx.actor,
                        values["establishment_code"] or "",
                        str(values["passphrase"]),
                        valid_from=values["valid_from"],
                    )
                    uow.commit()
            finally:
                QApplication.restoreOverrideCursor()
            return row

        created: KeyRow | None = _KeyForm.ask(
            self,
            translate("SigningKeys", "Create a signing key"),
            translate(
                "SigningKeys",
                "The new key signs the establishment's certificates from the chosen day; "
                "its previous key closes the day before and still verifies what it signed. "
                "Choose a passphrase of at least 10 characters and keep it safe: without "
                "it no certificate can be issued, and the program does not store it.",
            ),
            fields,
            submit,
            action_text=translate("SigningKeys", "Create"),
        )
        if created is not None:
            self.reload()
            messages.inform(
                self,
                translate("SigningKeys", "Create a signing key"),
                translate("SigningKeys", "Key {key_id} created. Fingerprint: {fingerprint}").format(
                    key_id=created.key_id, fingerprint=created.fingerprint
                ),
            )
        return created

    # ------------------------------------------------------------------ revoking

    def selected_key(self) -> KeyRow | None:
        """The key selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable_revoke(self) -> None:
        key = self.selected_key()
        self.revoke_button.setEnabled(self._may_manage and key is not None and key.has_private_key)

    def revoke_key(self) -> KeyRow | None:
        """Revocar clave…: see :func:`ask_revocation`; the list shows the new last day."""
        key = self.selected_key()
        if key is None:
            return None
        revoked = ask_revocation(self, self._ctx, key, self.today())
        if revoked is not None:
            self.reload()
        return revoked

    # ------------------------------------------------------------------ sharing

    def export_keys(self) -> bool:
        """Exportar claves públicas…: every public key known here, into a file."""
        path = self.choose_save_path(self, "claves-publicas.json")
        if not path:
            return False
        try:
            with self._ctx.writing() as uow:
                data = key_sharing.export_public_keys(uow, self._ctx.actor)
                target = QSaveFile(path)
                written = (
                    target.open(QIODevice.OpenModeFlag.WriteOnly)
                    and target.write(QByteArray(data)) == len(data)
                    and target.commit()
                )
                if not written:
                    reason = target.errorString()
                    target.cancelWriting()
                    raise OSError(reason)
                uow.commit()  # the export is audited only once the file is there
        except AppError as exc:
            messages.show_error(self, exc)
            return False
        except OSError as exc:
            messages.Messages.show(
                self,
                messages.Kind.ERROR,
                translate("SigningKeys", "Cannot save"),
                translate("SigningKeys", "The file {path} could not be written: {reason}").format(
                    path=path, reason=exc
                ),
            )
            return False
        messages.inform(
            self,
            translate("SigningKeys", "Export public keys"),
            translate("SigningKeys", "The public keys were saved to {path}.").format(path=path),
        )
        return True

    def import_keys(self) -> ImportKeysReport | None:
        """Importar claves públicas…: from a file another installation exported."""
        path = self.choose_open_path(self)
        if not path:
            return None
        try:
            data = Path(path).read_bytes()
            with self._ctx.writing() as uow:
                report = key_sharing.import_public_keys(uow, self._ctx.actor, data)
                uow.commit()
        except AppError as exc:
            messages.show_error(self, exc)
            return None
        except OSError as exc:
            messages.Messages.show(
                self,
                messages.Kind.ERROR,
                translate("SigningKeys", "Cannot read"),
                translate("SigningKeys", "The file {path} could not be read: {reason}").format(
                    path=path, reason=exc
                ),
            )
            return None
        self.reload()
        messages.inform(
            self,
            translate("SigningKeys", "Import public keys"),
            translate(
                "SigningKeys", "{added} keys added, {updated} closed, {unchanged} already known."
            ).format(
                added=len(report.added),
                updated=len(report.updated),
                unchanged=len(report.unchanged),
            ),
        )
        return report

    # ------------------------------------------------------------------ patch points

    @classmethod
    def choose_save_path(cls, parent: QWidget, suggested: str) -> str:
        """Ask where to save the public keys; empty when cancelled (tests patch this)."""
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("SigningKeys", "Export public keys"),
            suggested,
            translate("SigningKeys", "Public keys (*.json)"),
        )
        return path

    @classmethod
    def choose_open_path(cls, parent: QWidget) -> str:
        """Ask for a public-keys file; empty when cancelled (tests patch this)."""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("SigningKeys", "Import public keys"),
            "",
            translate("SigningKeys", "Public keys (*.json)"),
        )
        return path
