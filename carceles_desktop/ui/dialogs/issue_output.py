"""Where issued certificates go: one PDF into the preview, or one file per person.

The choice sits at the foot of the issue dialog; printing runs behind a progress dialog
with Cancel.  Printing never touches the certificates themselves: a print cancelled
half-way leaves them issued (print them again from here, or reprint from the registry)
and writes no file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.services.certificate_batch import (
    DEFAULT_FILE_PATTERN,
    render_certificates,
    write_certificate_files,
)
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.widgets.job_progress import JobProgress, Progress, ShouldCancel, run_job

translate = QCoreApplication.translate

ONE_PDF, FILES = range(2)


class OutputChoice(QWidget):
    """One PDF to preview, or a file per person in a folder with a name pattern.

    Attributes:
        one_pdf, per_person: the two choices.
        folder: the folder of the files.
        pattern: the files' name pattern ({number}, {surnames}, {names}, {inmate_code}).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.one_pdf = QRadioButton(translate("IssueOutput", "One PDF to check and print"))
        self.per_person = QRadioButton(translate("IssueOutput", "One file per person, in:"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.one_pdf, ONE_PDF)
        self.group.addButton(self.per_person, FILES)
        self.one_pdf.setChecked(True)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(translate("IssueOutput", "Folder"))
        self.choose_button = QPushButton(translate("IssueOutput", "Choose…"))
        self.pattern = QLineEdit(DEFAULT_FILE_PATTERN)
        self.pattern.setToolTip(
            translate(
                "IssueOutput",
                "File name; the fields {number}, {surnames}, {names} and {inmate_code} "
                "are replaced.",
            )
        )
        files = QHBoxLayout()
        files.addWidget(self.per_person)
        files.addWidget(self.folder, 2)
        files.addWidget(self.choose_button)
        files.addWidget(self.pattern, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.one_pdf)
        layout.addLayout(files)
        self.choose_button.clicked.connect(self.choose)
        self.group.idToggled.connect(lambda *_: self._enable())
        self._enable()

    def _enable(self) -> None:
        files = self.wants_files()
        for widget in (self.folder, self.choose_button, self.pattern):
            widget.setEnabled(files)

    def wants_files(self) -> bool:
        """True for one file per person."""
        return self.group.checkedId() == FILES

    def choose(self) -> bool:
        """Ask for the folder; True when one is set."""
        chosen = self.choose_folder(self, self.folder.text())
        if chosen:
            self.folder.setText(chosen)
        return bool(self.folder.text().strip())

    @classmethod
    def choose_folder(cls, parent: QWidget, start: str) -> str:
        """Ask for a folder; empty when cancelled (tests patch this)."""
        return QFileDialog.getExistingDirectory(
            parent, translate("IssueOutput", "Folder for the certificates"), start
        )


def print_job(
    ctx: ServiceContext,
    parent: QWidget | None,
    ids: list[int],
    output: OutputChoice,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> JobProgress:
    """Render ``ids`` (originals) into one PDF or into files, behind a progress dialog.

    ``on_done`` receives the PDF bytes, or the list of files written.
    """
    actor = ctx.actor
    if output.wants_files():
        folder, pattern = Path(output.folder.text().strip()), output.pattern.text().strip()

        def work(progress: Progress, should_cancel: ShouldCancel) -> Any:
            with ctx.writing() as uow:
                paths = write_certificate_files(
                    uow,
                    actor,
                    ids,
                    folder,
                    pattern=pattern or DEFAULT_FILE_PATTERN,
                    progress=progress,
                    should_cancel=should_cancel,
                )
                uow.commit()
            return paths

    else:

        def work(progress: Progress, should_cancel: ShouldCancel) -> Any:
            with ctx.writing() as uow:
                pdf = render_certificates(
                    uow, actor, ids, progress=progress, should_cancel=should_cancel
                )
                uow.commit()
            return pdf

    return run_job(
        parent,
        title=translate("IssueOutput", "Printing certificates"),
        text=translate("IssueOutput", "Printing {count} certificates…").format(count=len(ids)),
        note=translate(
            "IssueOutput",
            "Cancel stops the printing and writes no file. The certificates stay issued; "
            "print them again from this window.",
        ),
        work=work,
        on_done=on_done,
        on_error=on_error,
    )
