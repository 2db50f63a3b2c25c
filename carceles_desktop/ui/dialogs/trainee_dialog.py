"""Nuevo interno / Editar interno: the trainee's form, checked as it is typed.

Every change runs :func:`carceles_desktop.services.trainees.validate_trainee` (no
database): each problem shows under its field, and Guardar stays disabled while there
is one.  A field shows its problem once the user has touched it (all of them after a
refused save, and all when editing), so a blank new form is not a wall of red.
Saving runs the service in one unit of work; what only the database can tell (the same
document or inmate code already registered) comes back as a refusal naming the other
trainee, shown under the field at fault.

The redemption case is a legal choice: its picker is enabled only for users allowed to
choose it, and it is saved apart (:func:`set_redemption_case`) in the same unit of work.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import DocumentType, LegalSituation, Sex
from carceles_desktop.errors import AppError, PermissionDenied, StorageUnavailable
from carceles_desktop.services import browse, catalogues, redemption, trainees
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.services.settings import get_settings
from carceles_desktop.services.trainees import InvalidFields, TraineeInput, TraineeRow
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.field_form import DateField, FieldForm, grow_to_fit
from carceles_desktop.ui.labels import label

translate = QCoreApplication.translate

_TEXTS = ("inmate_code", "doc_number", "paternal_surname", "maternal_surname", "given_names")
_DATES = ("birth_date", "admission_date", "release_date")


class TraineeDialog(QDialog):
    """The trainee's form.

    Attributes:
        form: the rows and their messages, by the service's field names.
        buttons: Guardar and Cancelar.
        saved: the trainee as saved, once accepted.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QWidget | None = None,
        *,
        trainee_id: int | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id = trainee_id
        self._today = today
        self.saved: TraineeRow | None = None
        self.form = FieldForm()
        self._touched: set[str] = set()
        self._original_rule: int | None = None
        self._may_choose_case = allowed(ctx.actor, Action.SET_REDEMPTION_CASE)
        current = self._read()
        self.setWindowTitle(
            translate("TraineeDialog", "New trainee")
            if trainee_id is None
            else translate("TraineeDialog", "Edit trainee")
        )
        self._build()
        if current is not None:
            self._load(current)
            self._touched.update(self.form.inputs)
        self._connect()
        self.check()
        self.setMinimumWidth(600)

    # ------------------------------------------------------------------ reading

    def _read(self) -> TraineeRow | None:
        with self._ctx.reading() as uow:
            self._establishments = catalogues.list_establishments(uow)
            self._default_code = get_settings(uow).establishment_code
            self._cases = (
                redemption.redemption_case_choices(uow, self._ctx.actor)
                if self._may_choose_case
                else []
            )
            if self._id is None:
                self._case_text = ""
                return None
            row = trainees.get_trainee(uow, self._ctx.actor, self._id)
            detail = browse.trainee_detail(uow, self._ctx.actor, self._id)
            self._case_text = detail.redemption_case or ""
            return row

    # ------------------------------------------------------------------ building

    def _combo(self, items: list[tuple[str, Any]], *, blank: bool) -> QComboBox:
        combo = QComboBox()
        if blank:
            combo.addItem("—", None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _build(self) -> None:
        new = self._id is None
        establishment = self._combo(
            [(f"{e.name} ({e.code})", e.code) for e in self._establishments], blank=True
        )
        establishment.setEnabled(new)
        if not new:
            establishment.setToolTip(
                translate(
                    "TraineeDialog", "To move the trainee to another establishment, transfer him."
                )
            )
        self._add("establishment_code", translate("TraineeDialog", "Establishment:"), establishment)
        self._add("inmate_code", translate("TraineeDialog", "Inmate code:"), QLineEdit())
        doc_types = [(label(kind), kind) for kind in DocumentType]
        self._add(
            "doc_type",
            translate("TraineeDialog", "Document type:"),
            self._combo(doc_types, blank=False),
        )
        self._add("doc_number", translate("TraineeDialog", "Document number:"), QLineEdit())
        self._add("paternal_surname", translate("TraineeDialog", "Paternal surname:"), QLineEdit())
        self._add("maternal_surname", translate("TraineeDialog", "Maternal surname:"), QLineEdit())
        self._add("given_names", translate("TraineeDialog", "Given names:"), QLineEdit())
        sexes = [(label(sex), sex) for sex in Sex]
        self._add("sex", translate("TraineeDialog", "Sex:"), self._combo(sexes, blank=new))
        self._add("birth_date", translate("TraineeDialog", "Birth date:"), DateField())
        nationality = QLineEdit("Peruana")
        self._add("nationality", translate("TraineeDialog", "Nationality:"), nationality)
        self._add("admission_date", translate("TraineeDialog", "Admission date:"), DateField())
        situations = [(label(s), s) for s in LegalSituation]
        self._add(
            "legal_situation",
            translate("TraineeDialog", "Legal situation:"),
            self._combo(situations, blank=new),
        )
        first = QCheckBox(translate("TraineeDialog", "First-time offender (primario)"))
        first.setChecked(True)
        self._add("first_offender", "", first)
        self._add("release_date", translate("TraineeDialog", "Release date:"), DateField())
        self._add(
            "redemption_rule", translate("TraineeDialog", "Redemption case:"), self._case_picker()
        )
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555;")
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.form.general)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

    def _add(self, name: str, caption: str, widget: QWidget) -> None:
        self.form.add(name, caption, widget)

    def _case_picker(self) -> QComboBox:
        picker = QComboBox()
        picker.addItem(translate("TraineeDialog", "Not chosen"), None)
        if not self._may_choose_case:
            if self._case_text:
                picker.addItem(self._case_text, None)
                picker.setCurrentIndex(1)
            picker.setEnabled(False)
            picker.setToolTip(
                translate(
                    "TraineeDialog",
                    "Only a head of work or an administrator may choose the redemption case.",
                )
            )
            return picker
        for choice in self._cases:
            rule = choice.rule
            mark = (
                "" if choice.in_force else " " + translate("TraineeDialog", "(no longer in force)")
            )
            picker.addItem(
                f"{rule.case_code} — {rule.description} ({rule.legal_basis}){mark}", choice.id
            )
        return picker

    # ------------------------------------------------------------------ values

    def _widget(self, name: str) -> Any:
        return self.form.inputs[name]

    def _load(self, row: TraineeRow) -> None:
        for name in ("establishment_code", "doc_type", "sex", "legal_situation"):
            combo = self._widget(name)
            combo.setCurrentIndex(max(combo.findData(getattr(row, name)), 0))
        for name in (*_TEXTS, "nationality"):
            self._widget(name).setText(getattr(row, name) or "")
        for name in _DATES:
            self._widget(name).set_value(getattr(row, name))
        self._widget("first_offender").setChecked(row.first_offender)
        if self._may_choose_case:
            picker = self._widget("redemption_rule")
            picker.setCurrentIndex(max(picker.findData(row.redemption_rule_id), 0))
        self._original_rule = row.redemption_rule_id

    def _set_default_establishment(self) -> None:
        combo = self._widget("establishment_code")
        own = next(
            (e.code for e in self._establishments if e.id == self._ctx.actor.establishment_id),
            None,
        )
        index = combo.findData(own or self._default_code)
        if index >= 0:
            combo.setCurrentIndex(index)

    def values(self) -> tuple[TraineeInput, dict[str, str]]:
        """The form as the service takes it, and the dates that could not be read."""
        bad_dates: dict[str, str] = {}
        dates: dict[str, Any] = {}
        for name in _DATES:
            try:
                dates[name] = self._widget(name).value()
            except ValueError as exc:
                bad_dates[name] = str(exc)
                dates[name] = None
        text: dict[str, Any] = {
            name: self._widget(name).text() for name in (*_TEXTS, "nationality")
        }
        data = TraineeInput(
            establishment_code=self._widget("establishment_code").currentData() or "",
            doc_type=self._widget("doc_type").currentData(),
            sex=cast(Sex, self._widget("sex").currentData()),
            legal_situation=cast(LegalSituation, self._widget("legal_situation").currentData()),
            first_offender=self._widget("first_offender").isChecked(),
            doc_number=text.pop("doc_number") or None,
            **text,
            **dates,
        )
        return data, bad_dates

    # ------------------------------------------------------------------ checking

    def _connect(self) -> None:
        if self._id is None:
            self._set_default_establishment()
        for name, widget in self.form.inputs.items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _text, n=name: self._changed(n))
            elif isinstance(widget, QComboBox):
                widget.activated.connect(lambda _index, n=name: self._changed(n))
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda _on, n=name: self._changed(n))
        self._widget("doc_type").currentIndexChanged.connect(self._doc_type_changed)
        self._doc_type_changed()
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self.check()

    def _doc_type_changed(self) -> None:
        """Without a document there is no number: the inmate code identifies him."""
        number = self._widget("doc_number")
        none = self._widget("doc_type").currentData() == DocumentType.NONE
        if none:
            number.clear()
        number.setEnabled(not none)
        self.check()

    def problems(self) -> dict[str, str]:
        """Every problem of the form now, by field (the first of each field)."""
        data, bad_dates = self.values()
        found = dict(bad_dates)
        for problem in trainees.validate_trainee(data, today=self._today):
            found.setdefault(problem.field, problem.text)
        return found

    def check(self) -> bool:
        """Show the problems of the touched fields; enable Guardar only without any."""
        found = self.problems()
        for name in self.form.inputs:
            if name in found and name in self._touched:
                self.form.show(name, found[name])
            else:
                self.form.clear(name)
        hidden = [name for name in found if name not in self._touched]
        self.hint.setText(
            translate("TraineeDialog", "Fill in the required fields to save.") if hidden else ""
        )
        self.hint.setVisible(bool(hidden))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not found)
        grow_to_fit(self)
        return not found

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Save the trainee (and the redemption case), or show why not; nothing is kept."""
        self._touched.update(self.form.inputs)
        if not self.check():
            return
        data, _ = self.values()
        try:
            with self._ctx.writing() as uow:
                row = self._write(uow, data)
                uow.commit()
        except InvalidFields as exc:
            for problem in exc.problems:
                self.form.show(problem.field, problem.text)
            grow_to_fit(self)
            return
        except AppError as exc:
            elsewhere = exc.field is not None and exc.field not in self.form.inputs
            if elsewhere or isinstance(exc, PermissionDenied | StorageUnavailable):
                messages.show_error(self, exc)
            else:
                self.form.show_error(exc)  # e.g. the same document: under the number
                grow_to_fit(self)
            return
        self.saved = row
        self.accept()

    def _write(self, uow: Any, data: TraineeInput) -> TraineeRow:
        actor = self._ctx.actor
        if self._id is None:
            row = trainees.create_trainee(uow, actor, data, today=self._today)
            before = None
        else:
            row = trainees.update_trainee(uow, actor, self._id, data, today=self._today)
            before = self._original_rule
        rule = self._widget("redemption_rule").currentData()
        if self._may_choose_case and rule != before:
            row = trainees.set_redemption_case(uow, actor, row.id, rule)
        return row

    # ------------------------------------------------------------------ patch point

    @classmethod
    def ask(
        cls, ctx: ServiceContext, parent: QWidget | None = None, *, trainee_id: int | None = None
    ) -> TraineeRow | None:
        """Show the form; return the trainee as saved, or None when cancelled."""
        dialog = cls(ctx, parent, trainee_id=trainee_id)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
