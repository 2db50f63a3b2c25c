"""The page the window shows while it opens the database and the user signs in.

The window appears before the database is opened (opening loads the database layer and
may ask questions: in use elsewhere, damaged, who signs in).  This page fills the
content until then and says what is happening, so the supervisor never stares at an
empty frame.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

translate = QCoreApplication.translate


class StartPage(QWidget):
    """The product's name and one line on what the start is doing.

    Attributes:
        status: the line that says what is happening.
    """

    def __init__(self, product: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(product)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        self.status = QLabel(translate("StartPage", "Opening the database…"))
        layout = QVBoxLayout(self)
        # High on the page: the login dialog opens over the middle of the window.
        layout.addStretch(1)
        layout.addLayout(_centred(title))
        layout.addSpacing(12)
        layout.addLayout(_centred(self.status))
        layout.addStretch(4)

    def say(self, text: str) -> None:
        """Show ``text`` as what the start is doing now."""
        self.status.setText(text)


def _centred(label: QLabel) -> QHBoxLayout:
    """``label`` between two stretches.

    Centred by the layout, not by an alignment flag: the page is built before the
    window shows, and the ``Qt`` namespace's enumerations cost PySide6 about 12 ms to
    build the first time one is touched.
    """
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(label)
    row.addStretch(1)
    return row
