"""An assessment's result as typed: a grade on Peru's 0–20 scale, or a plain pass or fail.

Shared by the dialogs that record and correct an assessment.  Whether a grade passes
is the service's to say (from the pass grade of the settings).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QSpinBox, QWidget

from carceles_desktop.services.assessments import HIGHEST_GRADE

translate = QCoreApplication.translate

GRADE, PASSED, FAILED = range(3)
# The grade offered before the user types one.
USUAL_GRADE = 14


def result_text(grade: int | None, passed: bool) -> str:
    """A stored result as the screens write it: the grade, or "aprobado"/"desaprobado"."""
    if grade is not None:
        return str(grade)
    if passed:
        return translate("AssessmentDialog", "passed")
    return translate("AssessmentDialog", "failed")


class ResultInput(QWidget):
    """Three choices: a grade (with its box), passed, failed.

    Attributes:
        grade: the grade, used when "Grade" is chosen.
        group: the three choices (ids GRADE, PASSED, FAILED).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grade = QSpinBox()
        self.grade.setRange(0, HIGHEST_GRADE)
        self.grade.setValue(USUAL_GRADE)
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for key, text in (
            (GRADE, translate("AssessmentDialog", "Grade (0–20):")),
            (PASSED, translate("AssessmentDialog", "Passed")),
            (FAILED, translate("AssessmentDialog", "Failed")),
        ):
            button = QRadioButton(text)
            self.group.addButton(button, key)
            row.addWidget(button)
            if key == GRADE:
                row.addWidget(self.grade)
        row.addStretch(1)
        self.group.button(GRADE).setChecked(True)
        self.group.idToggled.connect(lambda *_: self.grade.setEnabled(self.is_graded()))

    def is_graded(self) -> bool:
        """True when the result is a grade."""
        return self.group.checkedId() == GRADE

    def grade_value(self) -> int | None:
        """The grade, or None for a pass/fail result."""
        return self.grade.value() if self.is_graded() else None

    def passed_value(self) -> bool | None:
        """The pass/fail result, or None when a grade says it."""
        return None if self.is_graded() else self.group.checkedId() == PASSED

    def set_result(self, grade: int | None, passed: bool) -> None:
        """Show a stored result."""
        if grade is not None:
            self.grade.setValue(grade)
            self.group.button(GRADE).setChecked(True)
        else:
            self.group.button(PASSED if passed else FAILED).setChecked(True)
