"""The Asistencia area: a workshop's month of attendance, typed like a spreadsheet.

The supervisor picks one of his workshops and a month; the sheet shows one row per
trainee and one column per day.  Changes stay on screen (in bold italics) until he saves
them, all in one unit of work; cells the service refuses turn red with the reason, and
every other change stays on screen to be saved once the bad cells are put right.
Leaving the sheet with unsaved changes asks first (:meth:`AttendanceView.ask`).

Reading and saving a sheet cost a few milliseconds, so both run on the GUI thread.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QDate, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.services import attendance, browse, work_documents
from carceles_desktop.services.attendance import InvalidCells
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.unsaved import Unsaved, ask_unsaved
from carceles_desktop.ui.labels import date_text
from carceles_desktop.ui.models.attendance_model import AttendanceModel
from carceles_desktop.ui.views.sheet_header import SheetHeader
from carceles_desktop.ui.views.sheet_table import ProblemList, SheetTable
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

translate = QCoreApplication.translate


class AttendanceView(QWidget):
    """One workshop's month of attendance.

    Attributes:
        workshop_box: the workshops the user may see.
        month_picker: the month shown.
        table: the sheet.
        model: the sheet's model.
        status: the last thing that happened (saved, refused, copied).
        problems: the cells refused on the last save, one line each (hidden when none).
    """

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self._loaded = False
        self._shown: tuple[int | None, int, int] = (None, 0, 0)
        self._remembered = 0  # the workshop of last time (restore_state)
        self.model = AttendanceModel(self)
        self.table = SheetTable(self.model)
        self.header = SheetHeader(self.today())
        self.workshop_box = self.header.workshop_box
        self.month_picker = self.header.month_picker
        self.info = self.header.info
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = ProblemList(self.table)
        self._build_actions()
        self._layout()
        self._connect()

    # ------------------------------------------------------------------ building

    def _action(self, text: str, slot: Any, keys: str | None = None, icon: Any = None) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({QKeySequence(keys).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.save_action = self._action(
            translate("AttendanceView", "Save"), self.save, "Ctrl+S", pixmap.SP_DialogSaveButton
        )
        self.mark_day_action = self._action(
            translate("AttendanceView", "Mark day present"),
            self.mark_day_present,
            icon=pixmap.SP_DialogApplyButton,
        )
        self.copy_day_action = self._action(
            translate("AttendanceView", "Copy day to the next"), self.copy_day
        )
        # Ctrl+D belongs to the table (see SheetTable); the tip only shows it.
        self.copy_day_action.setToolTip(
            translate("AttendanceView", "Copy day to the next") + " (Ctrl+D)"
        )
        self.undo_action = self._action(
            translate("AttendanceView", "Undo"), self.undo, "Ctrl+Z", pixmap.SP_ArrowBack
        )
        self.redo_action = self._action(
            translate("AttendanceView", "Redo"), self.redo, "Ctrl+Y", pixmap.SP_ArrowForward
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.print_action = self._action(
            translate("AttendanceView", "Print planilla…"),
            self.print_planilla,
            "Ctrl+P",
            pixmap.SP_FileDialogDetailedView,
        )
        self.save_action.setEnabled(False)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    def _layout(self) -> None:
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.save_action, self.mark_day_action, self.copy_day_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        bar.addAction(self.print_action)
        legend = QLabel(
            translate(
                "AttendanceView",
                "Type the hours, F (absence) or J (justified absence); Enter moves down, "
                "Delete empties, Ctrl+Z undoes. Shaded: Sundays and holidays. Grey: days "
                "that cannot be recorded. Bold italics: not saved yet.",
            )
        )
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #555;")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.problems)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(legend)

    def _connect(self) -> None:
        self.workshop_box.currentIndexChanged.connect(self._workshop_chosen)
        self.month_picker.edit.dateChanged.connect(self._month_chosen)
        self.model.refused.connect(self.status.setText)
        self.model.dirtyChanged.connect(self._dirty_changed)
        self.model.historyChanged.connect(self._history_changed)
        self.table.copyDayRequested.connect(self.copy_day)

    # ------------------------------------------------------------------ what is shown

    def today(self) -> date:
        """The day the sheet counts from (fixed in tests)."""
        return self._today or date.today()

    def workshop_id(self) -> int | None:
        """The workshop chosen, or None when the user has none."""
        return self.header.workshop_id()

    def month(self) -> tuple[int, int]:
        """The year and month chosen."""
        return self.month_picker.month()

    def set_month(self, year: int, month: int) -> None:
        """Show another month (asks first about unsaved changes)."""
        self.month_picker.set_month(year, month)

    def step_month(self, step: int) -> None:
        """Go to the previous (-1) or next (+1) month."""
        self.month_picker.step(step)

    def choose_workshop(self, workshop_id: int) -> None:
        """Show another workshop (asks first about unsaved changes)."""
        self.header.choose_workshop(workshop_id)

    # ------------------------------------------------------------------ area protocol

    def load(self) -> None:
        """List the workshops and show the first sheet (once)."""
        if self._loaded:
            return
        self._loaded = True
        self._fill_workshops()
        self.load_sheet()

    def reload(self) -> None:
        """F5: read the sheet again (asks first about unsaved changes)."""
        if self.resolve_unsaved():
            self.load_sheet()

    def focus_search(self) -> None:
        """Ctrl+F: the workshop picker."""
        self.workshop_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def is_ready(self) -> bool:
        """True once the first sheet has been read."""
        return self._loaded

    def confirm_close(self) -> bool:
        """Asked before the window closes: False keeps it open."""
        return self.resolve_unsaved()

    def save_state(self, settings: QSettings) -> None:
        """Remember the workshop on screen and the splitter."""
        settings.setValue("attendance_view/workshop", self.workshop_id() or 0)
        settings.setValue("attendance_view/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Put back the workshop and splitter of last time (the workshop when listed)."""
        remembered = str(settings.value("attendance_view/workshop", 0))
        self._remembered = int(remembered) if remembered.isdigit() else 0
        state = settings.value("attendance_view/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    # ------------------------------------------------------------------ reading

    def _fill_workshops(self) -> None:
        try:
            with self._ctx.reading() as uow:
                rows = browse.workshops_to_choose(uow, self._ctx.actor)
        except AppError as exc:
            messages.show_error(self, exc)
            rows = []
        self.header.fill_workshops(rows, self._remembered)
        if not rows:
            self.status.setText(translate("AttendanceView", "You have no workshop to record."))

    def load_sheet(self, *, keep_dirty: bool = False) -> bool:
        """Read the chosen workshop's month and show it; False when it could not be read."""
        workshop = self.workshop_id()
        year, month = self.month()
        self._shown = (workshop, year, month)
        if workshop is None:
            self.model.set_sheet(None)
            self.header.show_info(self.model.sheet)
            return False
        try:
            with self._ctx.reading() as uow:
                sheet = attendance.load_month_sheet(
                    uow, self._ctx.actor, workshop, year, month, today=self._today
                )
        except AppError as exc:
            self.model.set_sheet(None)
            messages.show_error(self, exc)
            return False
        self.model.set_sheet(sheet, keep_dirty=keep_dirty)
        self.table.size_totals()
        self.problems.show_problems([])
        self.header.show_info(self.model.sheet)
        self._put_cursor_on_today()
        return True

    def _put_cursor_on_today(self) -> None:
        column = self.model.column_of(self.today())
        if self.model.rowCount():
            self.table.go_to(0, max(column, 0))

    def _workshop_chosen(self, _index: int) -> None:
        if not self._loaded or self.workshop_id() == self._shown[0]:
            return
        if self.resolve_unsaved():
            self.load_sheet()
        else:
            self.header.choose_workshop(self._shown[0], quietly=True)

    def _month_chosen(self, _day: QDate) -> None:
        if not self._loaded or self.month() == self._shown[1:]:
            return
        if self.resolve_unsaved():
            self.load_sheet()
        else:
            self.month_picker.set_month(self._shown[1], self._shown[2], quietly=True)

    # ------------------------------------------------------------------ changing

    def copy_day(self) -> int:
        """Copy the current day's marks to the next day (Ctrl+D); return how many."""
        current = self.table.currentIndex()
        day = self.model.day_of(current.column()) if current.isValid() else None
        if day is None:
            self.status.setText(translate("AttendanceView", "Choose a day first."))
            return 0
        copied = self.model.copy_day_to_next(current.column())
        if current.column() + 1 < self.model.day_count:
            self.table.go_to(current.row(), current.column() + 1)
        self.status.setText(
            translate("AttendanceView", "{count} cells copied from {day} to the next day.").format(
                count=copied, day=date_text(day)
            )
        )
        return copied

    def mark_day_present(self) -> int:
        """Mark present, with the standard hours, every empty cell of the current day."""
        current = self.table.currentIndex()
        day = self.model.day_of(current.column()) if current.isValid() else None
        workshop = self.workshop_id()
        if day is None or workshop is None:
            self.status.setText(translate("AttendanceView", "Choose a day first."))
            return 0
        self.table.commit_editor()
        try:
            with self._ctx.writing() as uow:
                filled = attendance.mark_day_present(
                    uow, self._ctx.actor, workshop, day, today=self._today
                )
                uow.commit()
        except InvalidCells as exc:
            self._refused_on_save(exc)
            return 0
        except AppError as exc:
            messages.show_error(self, exc)
            return 0
        self.load_sheet(keep_dirty=True)
        self.table.go_to(current.row(), current.column())
        self.status.setText(
            translate("AttendanceView", "{count} trainees marked present on {day}.").format(
                count=filled, day=date_text(day)
            )
        )
        return filled

    def undo(self) -> int:
        """Undo the last unsaved-or-saved edit of the sheet (Ctrl+Z); return its cells."""
        self.table.commit_editor()
        cells = self.model.undo()
        self._after_replay(cells, translate("AttendanceView", "Undone: {count} cells."))
        return len(cells)

    def redo(self) -> int:
        """Do the last undone edit again (Ctrl+Y); return its cells."""
        self.table.commit_editor()
        cells = self.model.redo()
        self._after_replay(cells, translate("AttendanceView", "Redone: {count} cells."))
        return len(cells)

    def _after_replay(self, cells: list[tuple[int, int]], message: str) -> None:
        if not cells:
            return
        self.table.go_to(*cells[-1])
        self.status.setText(message.format(count=len(cells)))

    def _history_changed(self) -> None:
        self.undo_action.setEnabled(self.model.can_undo())
        self.redo_action.setEnabled(self.model.can_redo())

    def _dirty_changed(self, dirty: bool) -> None:
        self.save_action.setEnabled(dirty)

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save every change of the sheet in one unit of work (Ctrl+S).

        Returns:
            True when everything was saved (or nothing was to save).
        """
        self.table.commit_editor()
        changes = self.model.changes()
        workshop, year, month = self._shown
        if not changes or workshop is None:
            return True
        try:
            with self._ctx.writing() as uow:
                result = attendance.save_month_sheet(
                    uow, self._ctx.actor, workshop, year, month, changes, today=self._today
                )
                uow.commit()
        except InvalidCells as exc:
            self._refused_on_save(exc)
            return False
        except AppError as exc:
            messages.show_error(self, exc)
            return False
        # What was saved is exactly what the sheet shows: no need to read it again (F5
        # does, to see what others saved meanwhile).
        self.model.settle()
        self.problems.show_problems([])
        self.status.setText(
            translate(
                "AttendanceView", "Saved: {new} new, {changed} changed, {deleted} emptied."
            ).format(new=result.inserted, changed=result.updated, deleted=result.deleted)
        )
        return True

    def _refused_on_save(self, error: InvalidCells) -> None:
        marked = self.model.set_problems(error.problems)
        self.problems.show_problems(error.problems)
        self.status.setText(str(error))
        if marked:
            self.table.go_to(*marked[0])

    def resolve_unsaved(self) -> bool:
        """Before leaving the sheet: save, discard or stay; True when it may be left."""
        self.table.commit_editor()
        if not self.model.is_dirty():
            return True
        choice = self.ask(
            self,
            translate(
                "AttendanceView",
                "The sheet has {count} changed cells that are not saved. Save them?",
            ).format(count=self.model.dirty_count()),
        )
        if choice is Unsaved.SAVE:
            return self.save()
        if choice is Unsaved.DISCARD:
            self.model.discard_changes()
            return True
        return False

    # ------------------------------------------------------------------ printing

    def print_planilla(self) -> bytes | None:
        """Render the month's planilla and show it in the preview (Ctrl+P)."""
        workshop, year, month = self._shown
        sheet = self.model.sheet
        if workshop is None or sheet is None or not self.resolve_unsaved():
            return None
        try:
            with self._ctx.writing() as uow:
                pdf = work_documents.planilla_pdf(
                    uow, self._ctx.actor, workshop, year, month, today=self._today
                )
                uow.commit()  # the print is audited
        except AppError as exc:
            messages.show_error(self, exc)
            return None
        title = translate("AttendanceView", "Planilla of {workshop}, {month}").format(
            workshop=sheet.workshop_code, month=self.month_picker.text()
        )
        name = f"planilla-{sheet.workshop_code}-{year}-{month:02d}.pdf"
        PdfPreviewDialog.show_pdf(self, pdf, name, title)
        return pdf

    # ------------------------------------------------------------------ patch point

    @classmethod
    def ask(cls, parent: QWidget, text: str) -> Unsaved:
        """Ask whether to save, discard or keep editing (tests patch this)."""
        return ask_unsaved(parent, translate("AttendanceView", "Unsaved attendance"), text)
