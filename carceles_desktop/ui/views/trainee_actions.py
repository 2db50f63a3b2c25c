"""What a user can do from the Internos list: the toolbar and the list's context menu.

Nuevo interno (Ctrl+N) and Editar (Enter or a double click on a row) open the trainee's
form; Trasladar…, Matricular en taller…, Cambiar estado… and Constancia de redención…
work on the selected trainee; Importar… reads a spreadsheet.  Each action is enabled only
for users allowed to take it (the services refuse the others anyway), and the list is
read again after a change, keeping the trainee selected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar

from carceles_desktop.errors import AppError
from carceles_desktop.services import browse, work_documents
from carceles_desktop.services.browse import TraineeDetail, TraineeRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.enrolments import TRANSITIONS, EnrolmentRow
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.enrolment_dialogs import (
    EnrolDialog,
    PeriodDialog,
    RecordDialog,
    StateChangeDialog,
    TransferDialog,
)
from carceles_desktop.ui.dialogs.import_dialog import ImportDialog
from carceles_desktop.ui.dialogs.trainee_dialog import TraineeDialog
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

if TYPE_CHECKING:
    from carceles_desktop.ui.views.trainees_view import TraineesView

translate = QCoreApplication.translate


class TraineeActions(QObject):
    """The actions of the Internos area, wired to a :class:`TraineesView`.

    Attributes:
        toolbar: the bar above the list.
        new_action, edit_action, transfer_action, enrol_action, state_action,
        redemption_action, import_action: the actions themselves.
    """

    def __init__(
        self, view: TraineesView, ctx: ServiceContext, *, today: date | None = None
    ) -> None:
        super().__init__(view)
        self._view = view
        self._ctx = ctx
        self._today = today
        actor = ctx.actor
        icon = QStyle.StandardPixmap
        self.new_action = self._action(
            translate("TraineeActions", "New trainee"), self.new_trainee, "Ctrl+N", icon.SP_FileIcon
        )
        self.edit_action = self._action(
            translate("TraineeActions", "Edit"),
            self.edit_trainee,
            None,
            icon.SP_FileDialogContentsView,
        )
        self.edit_action.setToolTip(translate("TraineeActions", "Edit (Enter or double click)"))
        self.transfer_action = self._action(translate("TraineeActions", "Transfer…"), self.transfer)
        self.enrol_action = self._action(
            translate("TraineeActions", "Enrol in a workshop…"), self.enrol
        )
        self.state_action = self._action(
            translate("TraineeActions", "Change state…"), self.change_state
        )
        self.redemption_action = self._action(
            translate("TraineeActions", "Redemption record…"), self.redemption_record
        )
        self.import_action = self._action(
            translate("TraineeActions", "Import…"), self.import_file, None, icon.SP_DialogOpenButton
        )
        self._rights = {
            self.new_action: allowed(actor, Action.EDIT_TRAINEES),
            self.edit_action: allowed(actor, Action.EDIT_TRAINEES),
            self.transfer_action: allowed(actor, Action.TRANSFER_TRAINEES),
            self.enrol_action: allowed(actor, Action.ENROL),
            self.state_action: allowed(actor, Action.ENROL),
            self.redemption_action: allowed(actor, Action.PRINT_REPORTS),
            self.import_action: allowed(actor, Action.IMPORT_TRAINEES),
        }
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.edit_action, self.import_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (
            self.enrol_action,
            self.state_action,
            self.transfer_action,
            self.redemption_action,
        ):
            self.toolbar.addAction(action)
        self._install()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: str | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self._view)
        if icon is not None:
            action.setIcon(self._view.style().standardIcon(icon))
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._view.addAction(action)
        return action

    def _install(self) -> None:
        view = self._view
        layout = view.layout()
        assert layout is not None
        layout.insertWidget(0, self.toolbar)  # type: ignore[attr-defined]
        table = view.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (
            self.edit_action,
            self.enrol_action,
            self.state_action,
            self.transfer_action,
            self.redemption_action,
        ):
            table.addAction(action)
        table.activated.connect(lambda _index: self.edit_trainee())
        table.selectionModel().selectionChanged.connect(lambda *_: self.update_enabled())
        view.model.modelReset.connect(self.update_enabled)
        self.update_enabled()

    # ------------------------------------------------------------------ state

    def selected(self) -> TraineeRow | None:
        """The trainee selected in the list, or None."""
        rows = self._view.table.selectionModel().selectedRows()
        return self._view.model.row_at(rows[0].row()) if rows else None

    def update_enabled(self) -> None:
        """Enable what the user may do, with or without a selected trainee."""
        chosen = self.selected() is not None
        for action, right in self._rights.items():
            needs_row = action not in (self.new_action, self.import_action)
            action.setEnabled(right and (chosen or not needs_row))

    def _detail(self) -> TraineeDetail | None:
        row = self.selected()
        if row is None:
            return None
        try:
            with self._ctx.reading() as uow:
                return browse.trainee_detail(uow, self._ctx.actor, row.id)
        except AppError as exc:
            messages.show_error(self._view, exc)
            return None

    def _refresh(self, *, show_code: str | None = None) -> None:
        """Read the list again; ``show_code`` searches for a new trainee and selects him."""
        view = self._view
        if show_code is not None:
            view.search.setText(show_code)
        view.reload()
        if show_code is not None and view.model.rowCount():
            view.table.selectRow(0)

    def _say(self, text: str) -> None:
        window = self._view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    # ------------------------------------------------------------------ actions

    def new_trainee(self) -> None:
        """Nuevo interno (Ctrl+N)."""
        if not self.new_action.isEnabled():
            return
        saved = TraineeDialog.ask(self._ctx, self._view)
        if saved is not None:
            self._say(
                translate("TraineeActions", "{name} registered.").format(name=saved.full_name)
            )
            self._refresh(show_code=saved.inmate_code)

    def edit_trainee(self) -> None:
        """Editar (Enter or a double click)."""
        row = self.selected()
        if row is None or not self.edit_action.isEnabled():
            return
        saved = TraineeDialog.ask(self._ctx, self._view, trainee_id=row.id)
        if saved is not None:
            self._refresh()

    def transfer(self) -> None:
        """Trasladar…: to another establishment."""
        detail = self._detail()
        if detail is None:
            return
        done = RecordDialog.run(TransferDialog(self._ctx, detail, self._view, today=self._today))
        if done is not None:
            self._say(
                translate("TraineeActions", "{name} transferred to {establishment}.").format(
                    name=detail.full_name, establishment=done.establishment_name
                )
            )
            self._refresh()

    def enrol(self) -> None:
        """Matricular en taller…: says so when the workshop was full."""
        detail = self._detail()
        if detail is None:
            return
        row = RecordDialog.run(EnrolDialog(self._ctx, detail, self._view, today=self._today))
        if row is None:
            return
        self._tell_enrolled(row)
        self._refresh()

    def _tell_enrolled(self, row: EnrolmentRow) -> None:
        if row.waiting:
            messages.inform(
                self._view,
                translate("TraineeActions", "Waiting list"),
                translate(
                    "TraineeActions",
                    "{workshop} is full: {name} is number {position} on its waiting list.",
                ).format(
                    workshop=row.workshop_name, name=row.trainee_name, position=row.queue_position
                ),
            )
        else:
            self._say(
                translate("TraineeActions", "{name} enrolled in {workshop}.").format(
                    name=row.trainee_name, workshop=row.workshop_name
                )
            )

    def change_state(self) -> None:
        """Cambiar estado…: of one of his open enrolments."""
        detail = self._detail()
        if detail is None:
            return
        if not any(e.state in TRANSITIONS for e in detail.enrolments):
            messages.inform(
                self._view,
                translate("TraineeActions", "Change state"),
                translate("TraineeActions", "{name} has no open enrolment.").format(
                    name=detail.full_name
                ),
            )
            return
        dialog = StateChangeDialog(self._ctx, detail, self._view, today=self._today)
        if RecordDialog.run(dialog) is not None:
            self._refresh()

    def redemption_record(self) -> None:
        """Constancia de redención…: the period, then the PDF in the preview."""
        detail = self._detail()
        if detail is None:
            return
        actor = self._ctx.actor

        def make(uow: Any, start: date, end: date) -> bytes:
            return work_documents.redemption_pdf(
                uow, actor, detail.id, start, end, today=self._today
            )

        pdf = RecordDialog.run(PeriodDialog(self._ctx, detail, make, self._view, today=self._today))
        if pdf is not None:
            PdfPreviewDialog.show_pdf(
                self._view,
                pdf,
                f"redencion-{detail.inmate_code}.pdf",
                translate("TraineeActions", "Redemption record of {name}").format(
                    name=detail.full_name
                ),
            )

    def import_file(self) -> None:
        """Importar…: trainees from a spreadsheet."""
        imported = ImportDialog.ask(self._ctx, self._view)
        if imported:
            self._refresh()
