"""Administración → Competencias: each trade's modules, their hours, required or not.

A module is never deleted (assessments and certificates point to it): it is
deactivated, and then neither counts for eligibility nor takes new assessments.  New
hours change later certificates only; issued ones keep what they printed.  Only users
who may edit catalogues change anything; the others read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import catalogues, competencies
from carceles_desktop.services.catalogues import CompetencyRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.labels import yes_no
from carceles_desktop.ui.models.rows_table import RowColumn, RowsTableModel

translate = QCoreApplication.translate

COLUMNS = (
    RowColumn(QT_TRANSLATE_NOOP("CompetencyList", "Order"), lambda c: str(c.position), True),
    RowColumn(QT_TRANSLATE_NOOP("CompetencyList", "Code"), lambda c: c.code),
    RowColumn(QT_TRANSLATE_NOOP("CompetencyList", "Name"), lambda c: c.name),
    RowColumn(QT_TRANSLATE_NOOP("CompetencyList", "Hours"), lambda c: str(c.hours), True),
    RowColumn(QT_TRANSLATE_NOOP("CompetencyList", "Required"), lambda c: yes_no(c.required)),
    RowColumn(QT_TRANSLATE_NOOP("CompetencyList", "Taught"), lambda c: yes_no(c.active)),
)


class CompetencyDialog(QDialog):
    """A new module of a trade, or a module's changes (its code stays).

    Attributes:
        code, name, hours, position, required, active: the fields.
        errors: the message lines.
        saved: the module saved, once saved.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        trade_code: str,
        existing: CompetencyRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._trade = trade_code
        self._existing = existing
        self.saved: CompetencyRow | None = None
        self.setWindowTitle(
            translate("CompetencyForm", "New competency")
            if existing is None
            else translate("CompetencyForm", "Competency {code}").format(code=existing.code)
        )
        self.code = QLineEdit(existing.code if existing else "")
        self.code.setMaxLength(30)
        self.code.setReadOnly(existing is not None)
        self.name = QLineEdit(existing.name if existing else "")
        self.name.setMaxLength(160)
        self.hours = QSpinBox()
        self.hours.setRange(0, competencies.MAX_HOURS)
        self.hours.setValue(existing.hours if existing else 0)
        self.position = QSpinBox()
        self.position.setRange(0, 999)
        self.position.setSpecialValueText(translate("CompetencyForm", "after the last"))
        self.position.setValue(existing.position if existing else 0)
        self.required = QCheckBox(translate("CompetencyForm", "A certificate needs it passed"))
        self.required.setChecked(existing.required if existing else True)
        self.active = QCheckBox(translate("CompetencyForm", "Still taught"))
        self.active.setChecked(existing.active if existing else True)
        self.active.setVisible(existing is not None)
        self.errors = FieldErrors()
        form = QFormLayout()
        self.errors.add_row(form, "code", translate("CompetencyForm", "Code:"), self.code)
        self.errors.add_row(form, "name", translate("CompetencyForm", "Name:"), self.name)
        self.errors.add_row(form, "hours", translate("CompetencyForm", "Hours:"), self.hours)
        self.errors.add_row(form, "position", translate("CompetencyForm", "Order:"), self.position)
        form.addRow("", self.required)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def save(self) -> None:
        """Save; on a refusal say why under its field and stay open."""
        self.errors.clear()
        position = self.position.value() or None
        try:
            with self._ctx.writing() as uow:
                if self._existing is None:
                    self.saved = competencies.create_competency(
                        uow,
                        self._ctx.actor,
                        self._trade,
                        code=self.code.text(),
                        name=self.name.text(),
                        hours=self.hours.value(),
                        required=self.required.isChecked(),
                        position=position,
                    )
                else:
                    self.saved = competencies.update_competency(
                        uow,
                        self._ctx.actor,
                        self._existing.id,
                        name=self.name.text(),
                        hours=self.hours.value(),
                        required=self.required.isChecked(),
                        position=position,
                        active=self.active.isChecked(),
                    )
                uow.commit()
        except AppError as exc:
            self.saved = None
            self.errors.show(exc)
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        ctx: ServiceContext,
        trade_code: str,
        existing: CompetencyRow | None,
        parent: QWidget | None = None,
    ) -> CompetencyRow | None:
        """Show the form; return the module saved, or None (tests patch this)."""
        dialog = cls(ctx, trade_code, existing, parent)
        dialog.exec()
        return dialog.saved


class CompetenciesPanel(QWidget):
    """A trade's modules, with New and Edit for those who may edit catalogues.

    Attributes:
        trade: the trade picker (data: trade code).
        table: the trade's modules, taught or not.
        new_button, edit_button: the actions.
    """

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.trade = QComboBox()
        self.model = RowsTableModel(COLUMNS, context="CompetencyList", parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.new_button = QPushButton(translate("CompetenciesPanel", "New competency…"))
        self.edit_button = QPushButton(translate("CompetenciesPanel", "Edit…"))
        self._may_edit = allowed(ctx.actor, Action.EDIT_CATALOGUES) and not ctx.read_only_mode
        self.new_button.setVisible(self._may_edit)
        self.edit_button.setVisible(self._may_edit)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("CompetenciesPanel", "Trade:")))
        row.addWidget(self.trade, 1)
        row.addWidget(self.new_button)
        row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.trade.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(self.new_competency)
        self.edit_button.clicked.connect(self.edit_competency)
        self.table.doubleClicked.connect(lambda _index: self.edit_competency())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self._enable()

    def load_trades(self) -> None:
        """Fill the trade picker (once), which lists the first trade's modules."""
        if self.trade.count():
            return
        with self._ctx.reading() as uow:
            trades = catalogues.list_trades(uow)
        for trade in trades:
            self.trade.addItem(trade.name, trade.code)

    def choose_trade(self, code: str) -> bool:
        """Show a trade's modules; False when the trade is not listed."""
        self.load_trades()
        position = self.trade.findData(code)
        if position >= 0:
            self.trade.setCurrentIndex(position)
            self.reload()
        return position >= 0

    def reload(self) -> None:
        """Read the chosen trade's modules again."""
        code = self.trade.currentData()
        rows: list[CompetencyRow] = []
        if code is not None:
            try:
                with self._ctx.reading() as uow:
                    rows = competencies.list_competencies(uow, code, include_inactive=True)
            except AppError as exc:
                messages.show_error(self, exc)
        self.model.set_rows(rows)

    def selected(self) -> CompetencyRow | None:
        """The module selected, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        self.new_button.setEnabled(self.trade.currentData() is not None)
        self.edit_button.setEnabled(self.selected() is not None)

    def new_competency(self) -> Any:
        """Add a module to the chosen trade."""
        code = self.trade.currentData()
        if code is None or not self._may_edit:
            return None
        saved = CompetencyDialog.ask(self._ctx, code, None, self)
        if saved is not None:
            self.reload()
        return saved

    def edit_competency(self) -> Any:
        """Change the selected module."""
        chosen = self.selected()
        if chosen is None or not self._may_edit:
            return None
        saved = CompetencyDialog.ask(self._ctx, chosen.trade_code, chosen, self)
        if saved is not None:
            self.reload()
        return saved
