"""Importar internos: choose a file, read its report, map headings, then import it all.

Reading a file of thousands of rows takes seconds, so both steps run off the GUI thread
with a progress bar and a Cancel button.  The first step
(:func:`~carceles_desktop.services.trainee_import.read_preview`) writes nothing: it lists
every problem by the row Excel shows, the column and the reason, errors apart from
warnings.  A heading the program does not recognise can be mapped by hand to a field,
which reads the file again.  "Importar" is enabled only when no problem is an error; it
asks once more, then imports every row in one unit of work (or none).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.services import catalogues
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.trainee_import import (
    FIELDS,
    ImportCancelled,
    ImportPreview,
    ImportRejected,
    ImportResult,
    import_trainees,
    read_preview,
)
from carceles_desktop.ui import messages, workers
from carceles_desktop.ui.models.import_problems import ImportProblemsModel
from carceles_desktop.ui.qt_signals import post

translate = QCoreApplication.translate


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (queued to the GUI thread)."""

    moved = Signal(int, int)


class ImportDialog(QDialog):
    """The import of a trainees file.

    Attributes:
        preview: the last report of the file (None before the first).
        result: what was imported, once done.
        problems: the report's problems, as a table.
        mapping: one picker per heading to map by hand, by heading.
    """

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._path: Path | None = None
        self._overrides: dict[str, str | None] = {}
        self._cancel = threading.Event()
        self._generation = 0
        self._running = False
        self.preview: ImportPreview | None = None
        self.result_row: ImportResult | None = None
        self.mapping: dict[str, QComboBox] = {}
        self.setWindowTitle(translate("ImportDialog", "Import trainees"))
        self._relay = _Progress(self)
        self._relay.moved.connect(self._moved)
        self._build()
        self._set_running(False)
        self.resize(820, 560)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(translate("ImportDialog", "An .xlsx or .csv file"))
        self.choose_button = QPushButton(translate("ImportDialog", "Choose file…"))
        self.choose_button.clicked.connect(self.choose)
        self.establishment = QComboBox()
        self.establishment.addItem(
            translate("ImportDialog", "As the file or the settings say"), None
        )
        with self._ctx.reading() as uow:
            for place in catalogues.list_establishments(uow):
                self.establishment.addItem(f"{place.name} ({place.code})", place.code)
        self.establishment.activated.connect(lambda _index: self.read_again())
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        top = QFormLayout()
        top.addRow(translate("ImportDialog", "File:"), file_row)
        top.addRow(
            translate("ImportDialog", "Establishment of rows without one:"), self.establishment
        )
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(translate("ImportDialog", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        self.summary = QLabel(translate("ImportDialog", "Choose the file to import."))
        self.summary.setWordWrap(True)
        self.problems = ImportProblemsModel(self)
        self.table = QTableView()
        self.table.setModel(self.problems)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.mapping_box = QGroupBox(translate("ImportDialog", "Columns not recognised"))
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_box.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            translate("ImportDialog", "Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(running)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ state

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.choose_button.setEnabled(not running)
        self.establishment.setEnabled(not running)
        self.mapping_box.setEnabled(not running)
        ok = self.preview is not None and self.preview.ok
        self.import_button.setEnabled(ok and not running)

    def is_running(self) -> bool:
        """True while a file is being read or imported."""
        return self._running

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _options(self) -> dict[str, Any]:
        """The service's options for a new job, with a fresh Cancel flag."""
        self._cancel = threading.Event()
        relay = self._relay
        return {
            "establishment_code": self.establishment.currentData(),
            "mapping_override": dict(self._overrides),
            "progress": lambda done, total: post(relay, "moved", (int, done), (int, total)),
            "should_cancel": self._cancel.is_set,
        }

    def _start(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run ``work`` on a pool thread; ``done`` gets its result unless superseded."""
        self._generation += 1
        generation = self._generation
        self.progress.setRange(0, 0)  # busy until the first figure comes
        self._set_running(True)

        def current() -> bool:
            return shiboken6.isValid(self) and generation == self._generation

        def finished(result: Any) -> None:
            if current():
                self._set_running(False)
                done(result)

        def failed(error: BaseException) -> None:
            if current():
                self._set_running(False)
                self._failed(error)

        workers.run_in_background(work, on_done=finished, on_error=failed)

    def cancel(self) -> None:
        """Stop the reading or the import (nothing is written)."""
        self._cancel.set()

    # ------------------------------------------------------------------ reading

    def choose(self) -> None:
        """Ask for a file and read it."""
        chosen = self.choose_file(self)
        if not chosen:
            return
        self._path = Path(chosen)
        self._overrides = {}
        self.path_edit.setText(chosen)
        self.read_again()

    def read_again(self) -> None:
        """Read the chosen file with the current establishment and mapping."""
        if self._path is None:
            return
        path, options, ctx = self._path, self._options(), self._ctx

        def work() -> ImportPreview:
            with ctx.reading() as uow:
                return read_preview(uow, ctx.actor, path, **options)

        self.summary.setText(translate("ImportDialog", "Reading {file}…").format(file=path.name))
        self._start(work, self._show_preview)

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.problems.set_problems(preview.problems)
        self._fill_mapping(preview)
        errors, warnings = len(preview.errors), len(preview.warnings)
        text = translate(
            "ImportDialog",
            "{file}: {rows} rows read, {valid} without errors; {errors} errors, "
            "{warnings} warnings.",
        ).format(
            file=preview.path.name,
            rows=preview.rows_read,
            valid=preview.valid_rows,
            errors=errors,
            warnings=warnings,
        )
        if preview.ok:
            text += " " + translate("ImportDialog", "The file can be imported.")
        else:
            text += " " + translate(
                "ImportDialog", "Correct the errors in the file and read it again."
            )
        self.summary.setText(text)
        self._set_running(False)

    def _fill_mapping(self, preview: ImportPreview) -> None:
        """One picker per heading not recognised (and per heading mapped by hand)."""
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.mapping = {}
        headings = [
            h for h in preview.headings if h in preview.unmapped_headings or h in self._overrides
        ]
        for heading in headings:
            picker = QComboBox()
            picker.addItem(translate("ImportDialog", "(ignore the column)"), None)
            for field in FIELDS:
                mark = " *" if field.required else ""
                picker.addItem(f"{field.label}{mark}", field.name)
            picker.setCurrentIndex(max(picker.findData(self._overrides.get(heading)), 0))
            picker.activated.connect(
                lambda _index, h=heading, p=picker: self.map_heading(h, p.currentData())
            )
            self.mapping_form.addRow(f"«{heading}»", picker)
            self.mapping[heading] = picker
        self.mapping_box.setVisible(bool(headings))

    def map_heading(self, heading: str, field: str | None) -> None:
        """Read the column ``heading`` as ``field`` (None ignores it), and read the file again."""
        self._overrides[heading] = field
        self.read_again()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ImportCancelled):
            self.summary.setText(translate("ImportDialog", "Cancelled; nothing was written."))
        elif isinstance(error, ImportRejected):
            self.problems.set_problems(error.problems)
            self.summary.setText(str(error))
            self.preview = None
        elif isinstance(error, AppError):
            self.preview = None
            self.problems.set_problems([])
            self.summary.setText(str(error))
        else:
            messages.show_error(self, error)
        self._set_running(False)

    # ------------------------------------------------------------------ importing

    def start_import(self) -> None:
        """Ask once more, then import every row in one unit of work."""
        preview = self.preview
        if preview is None or not preview.ok or self._path is None:
            return
        question = translate(
            "ImportDialog", "Import {count} trainees from {file}? All of them are written, or none."
        ).format(count=preview.valid_rows, file=preview.path.name)
        if not messages.confirm(self, translate("ImportDialog", "Import trainees"), question):
            return
        path, options, ctx = self._path, self._options(), self._ctx

        def work() -> ImportResult:
            with ctx.writing() as uow:
                result = import_trainees(uow, ctx.actor, path, **options)
                uow.commit()
                return result

        self.summary.setText(translate("ImportDialog", "Importing {file}…").format(file=path.name))
        self._start(work, self._imported)

    def _imported(self, result: ImportResult) -> None:
        self.result_row = result
        messages.inform(
            self,
            translate("ImportDialog", "Import trainees"),
            translate("ImportDialog", "{count} trainees were imported from {file}.").format(
                count=result.imported, file=result.path.name
            ),
        )
        self.accept()

    def reject(self) -> None:
        """Close; a reading still running is told to stop."""
        self._cancel.set()
        self._generation += 1  # late answers are dropped
        super().reject()

    # ------------------------------------------------------------------ patch points

    @classmethod
    def choose_file(cls, parent: QWidget) -> str:
        """Ask for the file; empty when cancelled (tests patch this)."""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("ImportDialog", "Choose the file of trainees"),
            "",
            translate("ImportDialog", "Spreadsheets (*.xlsx *.csv)"),
        )
        return path

    @classmethod
    def ask(cls, ctx: ServiceContext, parent: QWidget | None = None) -> ImportResult | None:
        """Show the dialog; return what was imported, or None."""
        dialog = cls(ctx, parent)
        dialog.exec()
        return dialog.result_row
