"""Configuración: the settings an administrator may change (see services/settings.py).

Values go to :func:`update_settings` as the form holds them; the service checks them all
and writes nothing unless every one passes.  A refusal names a field: that field is
highlighted, its message shown beside it, and its tab brought forward.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError, ValidationError
from carceles_desktop.services import catalogues
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.services.settings import (
    PRESETS,
    REPARATION_DESTINATIONS,
    SIGNATORY_ROLES,
    Settings,
    get_settings,
    update_settings,
)
from carceles_desktop.ui import messages
from carceles_desktop.ui.labels import REPARATION_LABELS, SIGNATORY_LABELS, keyed_label

translate = QCoreApplication.translate

_ERROR_STYLE = "color: #b00020;"
_FIELD_ERROR_STYLE = "border: 1px solid #b00020;"


class SettingsDialog(QDialog):
    """The settings form.

    Attributes:
        fields: the input widget of each setting, by the service's field name.
        errors: the message label beside each setting.
        saved: the settings after a successful save.
    """

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._tab_of: dict[str, int] = {}
        self.saved: Settings | None = None
        with ctx.reading() as uow:
            self._current = get_settings(uow)
            self._establishments = catalogues.list_establishments(uow)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.tabs = QTabWidget()
        self.general_error = QLabel()
        self.general_error.setStyleSheet(_ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._build_institution_tab()
        self._build_signatories_tab()
        self._build_work_tab()
        self._build_documents_tab()
        layout = QVBoxLayout(self)
        self.read_only_note = QLabel(
            translate("SettingsDialog", "Only an administrator may change the settings.")
        )
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tabs)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._load(self._current)
        editable = allowed(ctx.actor, Action.EDIT_SETTINGS)
        self.read_only_note.setVisible(not editable)
        self.tabs.setEnabled(editable)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(editable)
        self.setMinimumWidth(640)

    # ------------------------------------------------------------------ building

    def _page(self, title: str) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.tabs.addTab(page, title)
        return form

    def _add(self, form: QFormLayout, name: str, caption: str, widget: QWidget) -> None:
        """Add a setting's row: caption, input (with any buttons) and its error line."""
        error = QLabel()
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.setVisible(False)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        form.addRow(caption, holder)
        self.errors[name] = error
        self._tab_of[name] = self.tabs.count() - 1
        if name not in self.fields:
            self.fields[name] = widget

    def _with_button(self, field: QLineEdit, caption: str, pick: Callable[[], None]) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field, 1)
        button = QPushButton(caption)
        button.clicked.connect(pick)
        layout.addWidget(button)
        return row

    def _build_institution_tab(self) -> None:
        form = self._page(translate("SettingsDialog", "Institution"))
        self._preset = preset = QComboBox()
        for key, (name, _acronym) in PRESETS.items():
            preset.addItem(f"{key} — {name}", key)
        preset.activated.connect(self._apply_preset)
        self._add(form, "institution_preset", translate("SettingsDialog", "Preset:"), preset)
        self._add(form, "institution_name", translate("SettingsDialog", "Name:"), QLineEdit())
        self._add(form, "institution_acronym", translate("SettingsDialog", "Acronym:"), QLineEdit())
        ruc = QLineEdit()
        ruc.setMaxLength(11)
        self._add(form, "institution_ruc", translate("SettingsDialog", "RUC:"), ruc)
        self._logo = logo = QLineEdit()
        self.fields["logo_path"] = logo
        self._add(
            form,
            "logo_path",
            translate("SettingsDialog", "Logo:"),
            self._with_button(logo, translate("SettingsDialog", "Choose…"), self._pick_logo),
        )
        establishment = QComboBox()
        establishment.addItem(
            translate("SettingsDialog", "All (regional office or headquarters)"), None
        )
        for row in self._establishments:
            establishment.addItem(f"{row.name} ({row.code})", row.code)
        self._add(
            form,
            "establishment_code",
            translate("SettingsDialog", "Establishment served:"),
            establishment,
        )

    def _build_signatories_tab(self) -> None:
        form = self._page(translate("SettingsDialog", "Signatures"))
        grid = QWidget()
        rows = QFormLayout(grid)
        rows.setContentsMargins(0, 0, 0, 0)
        self._signatory_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for role in SIGNATORY_ROLES:
            name, title = QLineEdit(), QLineEdit()
            name.setPlaceholderText(translate("SettingsDialog", "Full name"))
            title.setPlaceholderText(translate("SettingsDialog", "Title printed under the line"))
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(name, 1)
            pair_layout.addWidget(title, 2)
            rows.addRow(keyed_label(SIGNATORY_LABELS, role) + ":", pair)
            self._signatory_edits[role] = (name, title)
        self._add(form, "signatories", translate("SettingsDialog", "Certificates:"), grid)

    def _build_work_tab(self) -> None:
        form = self._page(translate("SettingsDialog", "Work and pay"))
        self._add(
            form, "daily_hour_limit", translate("SettingsDialog", "Daily hour limit:"), QLineEdit()
        )
        self._add(
            form,
            "minimum_valid_day_hours",
            translate("SettingsDialog", "Hours that make a valid work day:"),
            QLineEdit(),
        )
        self._add(
            form, "pass_grade", translate("SettingsDialog", "Pass grade (0–20):"), _spin(0, 20)
        )
        destination = QComboBox()
        for key in REPARATION_DESTINATIONS:
            destination.addItem(keyed_label(REPARATION_LABELS, key), key)
        self._add(
            form,
            "reparation_destination_when_none_owed",
            translate("SettingsDialog", "Reparation share when none is owed:"),
            destination,
        )
        self._add(
            form, "minimum_wage", translate("SettingsDialog", "Minimum wage (S/):"), QLineEdit()
        )
        valid_from = QDateEdit()
        valid_from.setCalendarPopup(True)
        valid_from.setDisplayFormat("dd/MM/yyyy")
        self._add(
            form,
            "minimum_wage_valid_from",
            translate("SettingsDialog", "Minimum wage from:"),
            valid_from,
        )
        self._add(
            form,
            "idle_lock_minutes",
            translate("SettingsDialog", "Lock after idle minutes:"),
            _spin(1, 240),
        )

    def _build_documents_tab(self) -> None:
        form = self._page(translate("SettingsDialog", "Documents and backups"))
        self._add(
            form,
            "certificate_series_book",
            translate("SettingsDialog", "Certificate book:"),
            QLineEdit(),
        )
        self._add(
            form,
            "delivery_series",
            translate("SettingsDialog", "Delivery-note series:"),
            QLineEdit(),
        )
        self._folder = folder = QLineEdit()
        self.fields["backup_folder"] = folder
        self._add(
            form,
            "backup_folder",
            translate("SettingsDialog", "Backup folder:"),
            self._with_button(folder, translate("SettingsDialog", "Choose…"), self._pick_folder),
        )
        self._add(
            form,
            "backup_interval_minutes",
            translate("SettingsDialog", "Minutes between backups:"),
            _spin(5, 1440),
        )
        self._add(
            form,
            "backup_encrypt",
            translate("SettingsDialog", "Backups:"),
            QCheckBox(translate("SettingsDialog", "Encrypt backups")),
        )

    # ------------------------------------------------------------------ values

    def _load(self, settings: Settings) -> None:
        for name, widget in self.fields.items():
            if name == "signatories":
                continue
            _set_value(widget, getattr(settings, name))
        for role, (name_edit, title_edit) in self._signatory_edits.items():
            line = next((s for s in settings.signatories if s.role == role), None)
            name_edit.setText(line.name if line else "")
            title_edit.setText(line.title if line else "")

    def values(self) -> dict[str, Any]:
        """Every setting as the form holds it (text for numbers typed in boxes)."""
        result = {
            name: _get_value(widget)
            for name, widget in self.fields.items()
            if name != "signatories"
        }
        result["signatories"] = [
            (role, name.text(), title.text())
            for role, (name, title) in self._signatory_edits.items()
            if name.text().strip() or title.text().strip()
        ]
        return result

    def changes(self) -> dict[str, Any]:
        """The settings whose value differs from what was loaded."""
        return {
            name: value
            for name, value in self.values().items()
            if not _same(value, getattr(self._current, name))
        }

    def _apply_preset(self, index: int) -> None:
        key = self._preset.itemData(index)
        name, acronym = PRESETS[key]
        _set_value(self.fields["institution_name"], name)
        _set_value(self.fields["institution_acronym"], acronym)

    def _pick_logo(self) -> None:
        chosen = self.choose_file(self, self._logo.text())
        if chosen:
            self._logo.setText(chosen)

    def _pick_folder(self) -> None:
        chosen = self.choose_folder(self, self._folder.text())
        if chosen:
            self._folder.setText(chosen)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Save the changed settings, or show why not (and save nothing)."""
        self.clear_errors()
        changes = self.changes()
        if not changes:
            self.saved = self._current
            self.accept()
            return
        try:
            with self._ctx.writing() as uow:
                saved = update_settings(uow, self._ctx.actor, **changes)
                uow.commit()
        except ValidationError as exc:
            self.show_error(exc)
            return
        except AppError as exc:
            messages.show_error(self, exc)
            return
        self.saved = saved
        self.accept()

    def show_error(self, error: ValidationError) -> None:
        """Highlight the field the error names and show its message beside it."""
        name = error.field or ""
        label = self.errors.get(name)
        if label is None:
            self.general_error.setText(str(error))
            self.general_error.setVisible(True)
            return
        label.setText(str(error))
        label.setVisible(True)
        widget = self.fields[name]
        widget.setStyleSheet(_FIELD_ERROR_STYLE)
        self.tabs.setCurrentIndex(self._tab_of[name])
        widget.setFocus()

    def clear_errors(self) -> None:
        """Hide every error message and highlight."""
        self.general_error.setVisible(False)
        for name, label in self.errors.items():
            label.clear()
            label.setVisible(False)
            self.fields[name].setStyleSheet("")

    # ------------------------------------------------------------------ patch points

    @classmethod
    def choose_file(cls, parent: QWidget, start: str) -> str:
        """Ask for a logo image; empty when cancelled (tests patch this)."""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("SettingsDialog", "Choose the logo"),
            start,
            translate("SettingsDialog", "Images (*.png *.jpg *.jpeg)"),
        )
        return path

    @classmethod
    def choose_folder(cls, parent: QWidget, start: str) -> str:
        """Ask for the backup folder; empty when cancelled (tests patch this)."""
        return QFileDialog.getExistingDirectory(
            parent, translate("SettingsDialog", "Choose the backup folder"), start
        )

    @classmethod
    def ask(cls, ctx: ServiceContext, parent: QWidget | None = None) -> Settings | None:
        """Show the dialog; return the saved settings, or None when cancelled."""
        dialog = cls(ctx, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


def _spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    return spin


def _set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0 and value is not None:
            widget.addItem(str(value), value)  # an establishment no longer in the list
            index = widget.count() - 1
        widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate(value.year, value.month, value.day))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))


def _get_value(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateEdit):
        day = widget.date()
        return date(day.year(), day.month(), day.day())
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"no value for {type(widget).__name__}")


def _same(value: Any, current: Any) -> bool:
    """Whether a form value means the stored one (text "8" is Decimal 8, "" is None)."""
    if isinstance(value, str):
        return value.strip() == ("" if current is None else str(current))
    if isinstance(value, list):
        return [tuple(item) for item in value] == [tuple(item) for item in current]
    return bool(value == current)
