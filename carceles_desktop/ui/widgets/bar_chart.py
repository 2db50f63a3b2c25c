"""A horizontal bar chart painted with QPainter: a label, a bar and its figure per row.

The Panel's one chart (hours per workshop this month).  Painted by hand rather than with
a charting library: QtCharts is deprecated since Qt 6.10 and its successor lives in an
add-on the office PCs would otherwise not need.  The exact figures stay in the table
beside it; the chart is for seeing at a glance which workshop stands out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_HEIGHT = 22
BAR_COLOUR = QColor("#3f6fb0")


class BarChart(QWidget):
    """Rows of (label, value, figure text), the longest bar for the largest value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: Sequence[tuple[str, float, str]]) -> None:
        """Show these rows, in this order (an empty sequence clears the chart)."""
        self._rows = list(rows)
        self.setToolTip("\n".join(f"{label}: {figure}" for label, _value, figure in self._rows))
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str, float, str]]:
        """What the chart shows."""
        return list(self._rows)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Tall enough for every row."""
        return QSize(360, max(1, len(self._rows)) * ROW_HEIGHT + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Labels on the left, bars in the middle, figures at their ends."""
        if not self._rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _v, _f in self._rows) + 10,
            self.width() // 2,
        )
        figure_width = max(metrics.horizontalAdvance(figure) for _l, _v, figure in self._rows) + 8
        room = max(self.width() - label_width - figure_width - 4, 10)
        largest = max((value for _l, value, _f in self._rows), default=0.0) or 1.0
        for index, (label, value, figure) in enumerate(self._rows):
            top = 4 + index * ROW_HEIGHT
            text_box = QRectF(0, top, label_width - 8, ROW_HEIGHT)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(text_box.width()))
            painter.setPen(self.palette().windowText().color())
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text_box, align, shown)
            length = room * max(value, 0.0) / largest
            painter.fillRect(QRectF(label_width, top + 4, length, ROW_HEIGHT - 8), BAR_COLOUR)
            figure_box = QRectF(label_width + length + 4, top, figure_width, ROW_HEIGHT)
            painter.drawText(figure_box, Qt.AlignmentFlag.AlignVCenter, figure)
        painter.end()
