"""The Auditoría area: reading the audit log and checking its hash chain.

The list pages through the log newest first, narrowed by the search box and by the
filters above it.  "Verificar cadena" walks the whole chain on a pool thread (it reads
every entry, which takes a while on a large log) and says whether it is intact, with
the head hash to compare with a printed copy, or which entry is the first that does
not fit.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.services import audit
from carceles_desktop.services.audit import AuditRow, ChainReport
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui import messages, workers
from carceles_desktop.ui.models.audit_table import (
    AuditFilters,
    AuditListRow,
    AuditTableModel,
    local_text,
)
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.list_view import SEARCH_DELAY_MS, ListView

translate = QCoreApplication.translate

_GOOD_STYLE = "color: #1b5e20; font-weight: bold;"
_BAD_STYLE = "color: #b00020; font-weight: bold;"

#: How many hex digits of the head hash the result shows (enough to compare by eye).
HEAD_DIGITS = 16


class AuditView(ListView):
    """The audit log with filters, a detail panel and the chain check.

    Attributes:
        entity_filter: kind of record (first item: any).
        user_filter: a user name.
        from_check, from_date, to_check, to_date: the date range (each end optional).
        verify_button: starts the chain check.
        busy: shown while the check runs.
        verify_result: what the last check found.
        last_report: the last check's report, once one finished.
    """

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(
            AuditTableModel(ctx),
            audit_html_for,
            settings_key="audit_view",
            empty_detail=translate("AuditView", "Select an entry to see what changed."),
            parent=parent,
        )
        self.model: AuditTableModel
        self.last_report: ChainReport | None = None
        # Set when the widget goes, so that a late chain result is dropped.
        alive = self._alive = {"view": True}
        self.destroyed.connect(lambda: alive.update(view=False))
        self.search.setPlaceholderText(translate("AuditView", "Search in summaries and changes"))
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(SEARCH_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)
        self._build_filters()
        self._build_verify_row()

    # ------------------------------------------------------------------ building

    def _build_filters(self) -> None:
        self.entity_filter = QComboBox()
        self.entity_filter.addItem(translate("AuditView", "Any record"), None)
        self.entity_filter.setMinimumContentsLength(12)
        self.user_filter = QLineEdit()
        self.user_filter.setPlaceholderText(translate("AuditView", "User name"))
        self.user_filter.setClearButtonEnabled(True)
        today = QDate.currentDate()
        self.from_check = QCheckBox(translate("AuditView", "From"))
        self.from_date = _date_edit(today.addDays(-30))
        self.to_check = QCheckBox(translate("AuditView", "to"))
        self.to_date = _date_edit(today)
        # Two short rows rather than one long one: the window stays narrow enough.
        who = QHBoxLayout()
        who.addWidget(self.entity_filter, 1)
        who.addWidget(self.user_filter, 1)
        when = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            when.addWidget(widget)
        when.addStretch(1)
        pane = self.splitter.widget(0)
        left = pane.layout() if pane is not None else None
        assert isinstance(left, QVBoxLayout)  # built by ListView: search row, then table
        left.insertLayout(1, who)
        left.insertLayout(2, when)
        self.entity_filter.currentIndexChanged.connect(self.apply_filters)
        self.user_filter.textChanged.connect(self._filter_timer.start)
        self.user_filter.returnPressed.connect(self.apply_filters)
        for check in (self.from_check, self.to_check):
            check.toggled.connect(self.apply_filters)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self.apply_filters)

    def _build_verify_row(self) -> None:
        self.verify_button = QPushButton(translate("AuditView", "Verify chain"))
        self.verify_button.setToolTip(
            translate(
                "AuditView",
                "Check that no entry of the log was changed, removed or inserted.",
            )
        )
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no steps to count: a busy indicator
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.busy)
        row.addWidget(self.verify_result, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # built by ListView
        layout.insertLayout(0, row)
        layout.setStretchFactor(self.splitter, 1)  # the list takes the height, not the result
        self.verify_button.clicked.connect(self.verify_chain)

    # ------------------------------------------------------------------ filters

    def load(self) -> None:
        """Fill the record kinds, then run the first query."""
        if not self.model.is_loaded:
            self._fill_entities()
        super().load()

    def reload(self) -> None:
        """Read the record kinds and the entries again (F5)."""
        self._fill_entities()
        super().reload()

    def _fill_entities(self) -> None:
        chosen = self.entity_filter.currentData()
        try:
            with self._ctx.reading() as uow:
                kinds = audit.audit_entities(uow, self._ctx.actor)
        except AppError as exc:
            messages.show_error(self, exc)
            return
        self.entity_filter.blockSignals(True)
        while self.entity_filter.count() > 1:
            self.entity_filter.removeItem(1)
        for kind in kinds:
            self.entity_filter.addItem(kind, kind)
        self.entity_filter.setCurrentIndex(max(self.entity_filter.findData(chosen), 0))
        self.entity_filter.blockSignals(False)

    def filters(self) -> AuditFilters:
        """The filters as the widgets hold them."""
        return AuditFilters(
            entity=self.entity_filter.currentData(),
            user=self.user_filter.text().strip() or None,
            first_day=_day(self.from_date) if self.from_check.isChecked() else None,
            last_day=_day(self.to_date) if self.to_check.isChecked() else None,
        )

    def apply_filters(self) -> None:
        """Show the entries that match the filters."""
        self._filter_timer.stop()
        self.from_date.setEnabled(self.from_check.isChecked())
        self.to_date.setEnabled(self.to_check.isChecked())
        if self.model.is_loaded:
            self.model.set_filters(self.filters())
        else:
            self.model.filters = self.filters()

    def is_ready(self) -> bool:
        """True when the list is in and no filter change is waiting."""
        return super().is_ready() and not self._filter_timer.isActive()

    # ------------------------------------------------------------------ the chain

    def verify_chain(self) -> None:
        """Walk the chain on a pool thread; the result comes back to :meth:`show_report`."""
        self.verify_button.setEnabled(False)
        self.busy.setVisible(True)
        self.verify_result.setStyleSheet("")
        self.verify_result.setText(translate("AuditView", "Checking the chain…"))
        ctx, alive = self._ctx, self._alive

        def work() -> ChainReport:
            with ctx.reading() as uow:
                return audit.verify_chain(uow)

        def done(report: ChainReport) -> None:
            if alive["view"]:
                self.show_report(report)

        def failed(error: BaseException) -> None:
            if alive["view"]:
                self._verify_finished()
                self.verify_result.setText("")
                messages.show_error(self, error)

        workers.run_in_background(work, on_done=done, on_error=failed)

    def _verify_finished(self) -> None:
        self.busy.setVisible(False)
        self.verify_button.setEnabled(True)

    def show_report(self, report: ChainReport) -> None:
        """Say what the chain check found."""
        self._verify_finished()
        self.last_report = report
        self.verify_result.setText(report_text(report))
        self.verify_result.setStyleSheet(_GOOD_STYLE if report.intact else _BAD_STYLE)


def report_text(report: ChainReport) -> str:
    """The chain check's result in words."""
    if report.intact:
        return translate(
            "AuditView",
            "The chain is intact: {count} entries checked. Head hash: {head}…",
        ).format(count=report.checked, head=report.head_hash[:HEAD_DIGITS])
    return translate(
        "AuditView",
        "The chain is broken at entry No. {seq}: {reason}. The {count} entries before it "
        "are intact.",
    ).format(seq=report.first_broken_seq, reason=_reason(report.reason), count=report.checked)


def _reason(reason: str | None) -> str:
    text = reason or ""
    if "edited" in text:
        return translate("AuditView", "its content was changed after it was written")
    if "link" in text:
        return translate("AuditView", "an entry before it is missing, or one was inserted")
    return text


def _date_edit(day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setEnabled(False)
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


# ---------------------------------------------------------------------- detail panel


def audit_html_for(row: AuditListRow) -> str:
    """The detail panel of the selected entry."""
    return audit_html(row.entry)


def _value_text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def audit_html(entry: AuditRow) -> str:
    """An entry as HTML: who, when, what, and each changed field before and after."""
    parts = [
        h.STYLE,
        h.heading(2, translate("AuditDetail", "Entry No. {seq}").format(seq=entry.seq)),
        h.fields(
            [
                (translate("AuditDetail", "When"), local_text(entry.at)),
                (translate("AuditDetail", "User"), entry.username),
                (translate("AuditDetail", "Action"), entry.action),
                (translate("AuditDetail", "Record"), entry.entity),
                (translate("AuditDetail", "Record id"), entry.entity_uuid or ""),
                (translate("AuditDetail", "Summary"), entry.summary),
                (translate("AuditDetail", "Entry id"), entry.uuid),
            ]
        ),
        h.heading(3, translate("AuditDetail", "Changes")),
    ]
    if not entry.changes:
        parts.append(h.muted(translate("AuditDetail", "No field values recorded.")))
        return "".join(parts)
    rows = []
    for name, value in entry.changes.items():
        if isinstance(value, list) and len(value) == 2:
            rows.append([name, _value_text(value[0]), _value_text(value[1])])
        else:
            rows.append([name, "", _value_text(value)])
    parts.append(
        h.table(
            [
                translate("AuditDetail", "Field"),
                translate("AuditDetail", "Before"),
                translate("AuditDetail", "After"),
            ],
            rows,
        )
    )
    return "".join(parts)
