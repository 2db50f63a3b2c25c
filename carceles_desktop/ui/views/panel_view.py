"""The Panel area: the day at a glance, and a way into what needs doing.

Four figures across the top, each a button into its area: workshops whose attendance
is not recorded yet today, orders overdue or due within a week, delivery notes issued
and not received, culminated trainees without a certificate.  Below, the workshops'
day (expected, recorded, missing, hours this month) beside a chart of the month's hours,
and the orders due.  The figures come from :func:`services.dashboard.read_dashboard`,
read off the GUI thread (a national database takes a third of a second).
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import dashboard
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.dashboard import Dashboard, OrderDue, WorkshopToday
from carceles_desktop.ui import workers
from carceles_desktop.ui.labels import date_text, hours_text
from carceles_desktop.ui.models.rows_table import RowColumn, RowsTableModel
from carceles_desktop.ui.widgets.bar_chart import BarChart

translate = QCoreApplication.translate

#: How many workshops the chart shows (the busiest); the table lists them all.
CHART_ROWS = 12

WORKSHOP_COLUMNS = (
    RowColumn(QT_TRANSLATE_NOOP("PanelTable", "Workshop"), lambda w: w.name),
    RowColumn(
        QT_TRANSLATE_NOOP("PanelTable", "Working today"), lambda w: str(w.working_today), True
    ),
    RowColumn(QT_TRANSLATE_NOOP("PanelTable", "Recorded"), lambda w: str(w.recorded_today), True),
    RowColumn(
        QT_TRANSLATE_NOOP("PanelTable", "Missing"),
        lambda w: str(w.missing_today) if w.missing_today else "",
        True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("PanelTable", "Hours this month"),
        lambda w: hours_text(w.month_hours),
        True,
    ),
)
ORDER_COLUMNS = (
    RowColumn(QT_TRANSLATE_NOOP("PanelTable", "Order"), lambda o: o.number),
    RowColumn(QT_TRANSLATE_NOOP("PanelTable", "Client"), lambda o: o.client),
    RowColumn(
        QT_TRANSLATE_NOOP("PanelTable", "Due"),
        lambda o: (
            date_text(o.due_on) + (" — " + translate("PanelView", "overdue") if o.overdue else "")
        ),
    ),
)


def _font(scale: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def _table(model: RowsTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class Figure(QPushButton):
    """A large number with its caption; clicking it opens the area behind it."""

    def __init__(self, area: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setMinimumHeight(78)
        self.setFont(_font(1.1))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_figure(self, value: int, caption: str, *, alarm: bool) -> None:
        """Show ``value`` over ``caption``, red when it asks for attention."""
        self.setText(f"{value}\n{caption}")
        colour = "#c62828" if alarm else "#2e7d32"
        self.setStyleSheet(f"QPushButton {{ color: {colour}; font-weight: bold; }}")


class PanelView(QWidget):
    """The Panel (see the module's description).

    Attributes:
        area_requested: the key of an area to open (a figure was clicked).
        heading: the day, and whether it is a working day.
        attendance, orders, deliveries, certificates: the four figures.
        workshops: the workshops' day; chart: their hours this month.
        orders_table: the orders overdue or due soon.
        dashboard: the figures shown, once read.
    """

    area_requested = Signal(str)

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self._generation = 0
        self.dashboard: Dashboard | None = None
        self.heading = QLabel()
        self.heading.setFont(_font(1.4, bold=True))
        self.day_note = QLabel()
        self.attendance = Figure("attendance")
        self.orders = Figure("orders")
        self.deliveries = Figure("deliveries")
        self.certificates = Figure("certificates")
        figures = QGridLayout()
        for column, figure in enumerate(
            (self.attendance, self.orders, self.deliveries, self.certificates)
        ):
            figures.addWidget(figure, 0, column)
            figure.clicked.connect(lambda _c=False, f=figure: self.area_requested.emit(f.area))
        self.workshop_model = RowsTableModel(WORKSHOP_COLUMNS, context="PanelTable", parent=self)
        self.workshops = _table(self.workshop_model)
        # The names give way (elided) so the figures always show without scrolling.
        header = self.workshops.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = BarChart()
        self.order_model = RowsTableModel(ORDER_COLUMNS, context="PanelTable", parent=self)
        self.orders_table = _table(self.order_model)
        self._layout(figures)

    def _layout(self, figures: QGridLayout) -> None:
        chart_box = QWidget()
        chart_column = QVBoxLayout(chart_box)
        chart_column.setContentsMargins(0, 0, 0, 0)
        chart_title = QLabel(translate("PanelView", "Hours recorded this month"))
        chart_title.setFont(_font(1.0, bold=True))
        chart_column.addWidget(chart_title)
        chart_column.addWidget(self.chart, 1)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.workshops)
        upper.addWidget(chart_box)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        self.splitter = upper
        orders_title = QLabel(translate("PanelView", "Orders overdue or due within a week"))
        orders_title.setFont(_font(1.0, bold=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.day_note)
        layout.addLayout(figures)
        layout.addWidget(upper, 3)
        layout.addWidget(orders_title)
        layout.addWidget(self.orders_table, 1)

    # ------------------------------------------------------------------ reading

    def today(self) -> date:
        """Today (tests fix it)."""
        return self._today or date.today()

    def load(self) -> None:
        """Read the figures off the GUI thread; they show when read."""
        self._generation += 1
        generation, ctx, today = self._generation, self._ctx, self.today()
        self.heading.setText(_day_heading(today))
        self.day_note.setText(translate("PanelView", "Reading the figures…"))

        def work() -> Dashboard:
            with ctx.reading() as uow:
                return dashboard.read_dashboard(uow, ctx.actor, today=today)

        def done(result: Dashboard) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.show_dashboard(result)

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.day_note.setText(str(error))

        workers.run_in_background(work, on_done=done, on_error=failed)

    def show_dashboard(self, shown: Dashboard) -> None:
        """Show the figures of ``shown``."""
        self.dashboard = shown
        self.day_note.setText(_day_note(shown))
        missing = shown.workshops_missing_today
        self.attendance.show_figure(
            len(missing),
            translate("PanelView", "workshops not recorded today"),
            alarm=bool(missing),
        )
        overdue = any(order.overdue for order in shown.orders_due)
        self.orders.show_figure(
            shown.orders_due_count,
            translate("PanelView", "orders overdue or due soon"),
            alarm=overdue,
        )
        self.deliveries.show_figure(
            shown.deliveries_unreceived,
            translate("PanelView", "delivery notes not received"),
            alarm=False,
        )
        self.deliveries.setToolTip(
            translate(
                "PanelView", "Issued and not yet received; {drafts} drafts not issued."
            ).format(drafts=shown.deliveries_draft)
        )
        self.certificates.show_figure(
            shown.awaiting_certificate,
            translate("PanelView", "culminated without a certificate"),
            alarm=False,
        )
        self.workshop_model.set_rows(shown.workshops)
        self.order_model.set_rows(shown.orders_due)
        self.chart.set_rows(_chart_rows(shown.workshops))

    # ------------------------------------------------------------------ area

    def focus_search(self) -> None:
        """Ctrl+F: the Panel has no search; the workshops' table takes the keys."""
        self.workshops.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reload(self) -> None:
        """F5: read the figures again."""
        self.load()

    def is_ready(self) -> bool:
        """True once the figures are shown."""
        return self.dashboard is not None

    def save_state(self, settings: QSettings) -> None:
        """Remember the splitter."""
        settings.setValue("panel_view/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Put the splitter back."""
        state = settings.value("panel_view/splitter")
        if state is not None:
            self.splitter.restoreState(state)


def _day_heading(today: date) -> str:
    long = QLocale().toString(
        QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat
    )
    return translate("PanelView", "Panel — {day}").format(day=long)


def _day_note(shown: Dashboard) -> str:
    if shown.holiday is not None:
        return translate("PanelView", "Holiday: {name}. No attendance is expected today.").format(
            name=shown.holiday
        )
    if not shown.working_day:
        return translate("PanelView", "Sunday: no attendance is expected today.")
    return translate("PanelView", "Working day: every active trainee's attendance is expected.")


def _chart_rows(workshops: tuple[WorkshopToday, ...]) -> list[tuple[str, float, str]]:
    busiest = sorted(workshops, key=lambda w: w.month_hours, reverse=True)[:CHART_ROWS]
    return [(w.name, float(w.month_hours), hours_text(w.month_hours)) for w in busiest]


__all__ = ["Figure", "OrderDue", "PanelView"]
