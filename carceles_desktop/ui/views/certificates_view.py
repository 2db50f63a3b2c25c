"""The Certificados area: the registry, the selected certificate, and what to do with it.

Above the list: "Emitir certificados…" (the issue dialog), Reimprimir (DUPLICADO),
Anular…, Reemplazar…, and filters by state, year of issue and workshop.  Every user who
may view records sees the registry; each button is enabled only for those allowed to
use it (the services refuse the others anyway).  The detail panel shows what the
certificate printed (its snapshot), its state and what annulled or replaced it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from carceles_desktop.domain.enums import CertificateState, DocumentType
from carceles_desktop.errors import AppError
from carceles_desktop.services import browse, certificate_queries
from carceles_desktop.services.certificate_queries import CertificateListItem, CertificateRow
from carceles_desktop.services.certificate_snapshot import read_snapshot
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs import certificate_actions
from carceles_desktop.ui.labels import date_text, label
from carceles_desktop.ui.models.certificates_table import (
    COLUMNS,
    STATE_COLOURS,
    CertificatesTableModel,
    state_label,
)
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.commerce_list_view import MiddleElided
from carceles_desktop.ui.views.list_view import ListView

translate = QCoreApplication.translate

#: The first year the registry offers in its year filter (the programme began in 2017).
FIRST_YEAR = 2017


class CertificatesView(ListView):
    """Search the registry, read a certificate, reprint, annul or replace it.

    Attributes:
        issue_button, reprint_button, annul_button, replace_button: the actions.
        state_box, year_box, workshop_box: the filters (data None: any).
    """

    model: CertificatesTableModel

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        self._ctx = ctx
        self._today = today
        self._current: CertificateRow | None = None
        super().__init__(
            CertificatesTableModel(ctx),
            self._detail_for,
            settings_key="certificates_view",
            empty_detail=translate("CertificatesView", "Select a certificate to see it."),
            parent=parent,
        )
        self.search.setPlaceholderText(
            translate("CertificatesView", "Search by number, name, document or inmate code")
        )
        # The service keeps one order (newest first): no clickable headings.
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        # Numbers differ at their end (…-2026-000158): keep both ends in sight.
        self._middle = MiddleElided(self.table)
        self.table.setItemDelegateForColumn(0, self._middle)
        self.table.setItemDelegateForColumn(len(COLUMNS) - 1, self._middle)  # workshop code
        actor = ctx.actor
        self._may_issue = allowed(actor, Action.ISSUE_CERTIFICATES) and not ctx.read_only_mode
        self._may_annul = allowed(actor, Action.ANNUL_CERTIFICATES) and not ctx.read_only_mode
        self.issue_button = QPushButton(translate("CertificatesView", "Issue certificates…"))
        self.reprint_button = QPushButton(translate("CertificatesView", "Reprint"))
        self.reprint_button.setToolTip(
            translate("CertificatesView", "Print again, marked DUPLICADO with today's date")
        )
        self.annul_button = QPushButton(translate("CertificatesView", "Annul…"))
        self.replace_button = QPushButton(translate("CertificatesView", "Replace…"))
        self.issue_button.setVisible(self._may_issue)
        self.reprint_button.setVisible(self._may_issue)
        self.annul_button.setVisible(self._may_annul)
        self.replace_button.setVisible(self._may_annul)
        self._build_filters()
        self._build_bar()
        self.issue_button.clicked.connect(self.open_issue_dialog)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.annul_button.clicked.connect(self.annul_selected)
        self.replace_button.clicked.connect(self.replace_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self._enable()

    # ------------------------------------------------------------------ building

    def _build_filters(self) -> None:
        self.state_box = QComboBox()
        self.state_box.addItem(translate("CertificatesView", "All states"), None)
        for state in CertificateState:
            self.state_box.addItem(state_label(state), state.value)
        self.year_box = QComboBox()
        self.year_box.addItem(translate("CertificatesView", "All years"), None)
        for year in range(self.today().year, FIRST_YEAR - 1, -1):
            self.year_box.addItem(str(year), year)
        self.workshop_box = QComboBox()
        self.workshop_box.addItem(translate("CertificatesView", "All workshops"), None)
        self.workshop_box.setMinimumContentsLength(14)
        self.workshop_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        try:
            with self._ctx.reading() as uow:
                shops = browse.search_workshops(uow, self._ctx.actor, limit=1000)
        except AppError:
            shops = []
        for shop in shops:
            self.workshop_box.addItem(f"{shop.code} — {shop.name}", shop.id)
        for box in (self.state_box, self.year_box, self.workshop_box):
            box.currentIndexChanged.connect(lambda _index: self._on_filters())

    def _build_bar(self) -> None:
        # Two rows, so that the area keeps the window's small sizes.
        bar = QHBoxLayout()
        for button in (
            self.issue_button,
            self.reprint_button,
            self.annul_button,
            self.replace_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(translate("CertificatesView", "Filter:")))
        filters.addWidget(self.state_box)
        filters.addWidget(self.year_box)
        filters.addWidget(self.workshop_box)
        filters.addStretch(1)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)  # ListView lays itself out vertically
        outer.insertLayout(0, bar)
        outer.insertLayout(1, filters)

    # ------------------------------------------------------------------ state

    def today(self) -> date:
        """The day of reprints and annulments (tests fix it)."""
        return self._today or date.today()

    def _on_filters(self) -> None:
        state = self.state_box.currentData()
        self.model.set_filters(
            state=CertificateState(state) if state else None,
            year=self.year_box.currentData(),
            workshop_id=self.workshop_box.currentData(),
        )

    def load(self) -> None:
        """Run the first query with the chosen filters."""
        if not self.model.is_loaded:
            state = self.state_box.currentData()
            self.model.filters = type(self.model.filters)(
                state=CertificateState(state) if state else None,
                year=self.year_box.currentData(),
                workshop_id=self.workshop_box.currentData(),
            )
        super().load()

    def selected_item(self) -> CertificateListItem | None:
        """The certificate selected in the list, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        item = self.selected_item()
        current = item is not None and item.state is CertificateState.VIGENTE
        self.reprint_button.setEnabled(item is not None)
        self.annul_button.setEnabled(current)
        self.replace_button.setEnabled(current)

    def select_id(self, certificate_id: int) -> None:
        """Select a certificate's row, when it is among the rows fetched."""
        position = self.model.row_of(lambda row: row.id == certificate_id)
        if position >= 0:
            self.table.selectRow(position)

    def refresh_after(self, certificate_id: int | None) -> None:
        """Read the list again, keeping ``certificate_id`` selected when listed."""
        if certificate_id is not None:
            self._selected_id = certificate_id
        self.reload()
        if certificate_id is not None:
            self.select_id(certificate_id)

    # ------------------------------------------------------------------ detail

    def _detail_for(self, item: CertificateListItem) -> str:
        with self._ctx.reading() as uow:
            row = certificate_queries.get_certificate(uow, self._ctx.actor, item.id)
        self._current = row
        return certificate_html(row)

    def _row(self) -> CertificateRow | None:
        item = self.selected_item()
        if item is None:
            return None
        try:
            with self._ctx.reading() as uow:
                return certificate_queries.get_certificate(uow, self._ctx.actor, item.id)
        except AppError as exc:
            messages.show_error(self, exc)
            return None

    # ------------------------------------------------------------------ actions

    def open_issue_dialog(self) -> None:
        """Emitir certificados…: the issue dialog; the list reads again afterwards."""
        from carceles_desktop.ui.dialogs.issue_dialog import IssueDialog

        dialog = IssueDialog(self._ctx, self, today=self._today)
        dialog.issued.connect(lambda _result: self.refresh_after(None))
        dialog.finished.connect(lambda _code: self.refresh_after(None))
        dialog.open()
        self.issue_dialog = dialog

    def reprint_selected(self) -> None:
        """Reimprimir: the selected certificate, marked DUPLICADO, in the preview."""
        row = self._row()
        if row is not None and certificate_actions.reprint(self._ctx, self, row, self.today()):
            self.refresh_after(row.id)

    def annul_selected(self) -> None:
        """Anular…: asks, then the reason and the day."""
        row = self._row()
        if row is not None and certificate_actions.annul(self._ctx, self, row, self.today()):
            self.refresh_after(row.id)

    def replace_selected(self) -> None:
        """Reemplazar…: reason, day and passphrase; the new certificate is selected."""
        row = self._row()
        if row is None:
            return
        new = certificate_actions.replace(self._ctx, self, row, self.today())
        if new is not None:
            self.search.clear()
            self.refresh_after(new.id)


# --------------------------------------------------------------------------- HTML


def _id_text(row: CertificateRow, document: dict[str, Any]) -> str:
    number = document.get("doc_number")
    if not number:
        return translate("CertificatePanel", "Inmate code {code}").format(code=row.inmate_code)
    return f"{label(DocumentType(document['doc_type']))} {number}"


def _state_line(row: CertificateRow) -> str:
    colour = STATE_COLOURS.get(row.state, "#1b5e20")
    text = h.esc(state_label(row.state))
    return f"<p style='font-size: large; color: {colour}'><b>{text}</b></p>"


def _links(row: CertificateRow) -> list[str]:
    parts = []
    if row.state is CertificateState.ANULADO:
        text = translate("CertificatePanel", "Annulled on {day}: {reason}").format(
            day=date_text(row.annulled_on), reason=row.annul_reason or ""
        )
        parts.append(f"<p style='color: #b00020'>{h.esc(text)}</p>")
    if row.state is CertificateState.REEMPLAZADO:
        text = translate("CertificatePanel", "Replaced on {day} by {number}: {reason}").format(
            day=date_text(row.annulled_on),
            number=row.replaced_by_number or "?",
            reason=row.annul_reason or "",
        )
        parts.append(f"<p style='color: #8a5a00'>{h.esc(text)}</p>")
    if row.replaces_number:
        text = translate("CertificatePanel", "Replaces certificate {number}.").format(
            number=row.replaces_number
        )
        parts.append(f"<p>{h.esc(text)}</p>")
    if row.override_reason:
        text = translate("CertificatePanel", "Issued with an exception: {reason}").format(
            reason=row.override_reason
        )
        parts.append(f"<p>{h.esc(text)}</p>")
    return parts


def certificate_html(row: CertificateRow) -> str:
    """A certificate as HTML for the detail panel (what it printed, and its state)."""
    printed = read_snapshot(row.snapshot)
    grade = printed.get("grade")
    reprints = str(row.reprint_count)
    if row.last_reprinted_on is not None:
        reprints += " " + translate("CertificatePanel", "(last on {day})").format(
            day=date_text(row.last_reprinted_on.date())
        )
    info = h.fields(
        [
            (translate("CertificatePanel", "Name"), row.trainee_name),
            (translate("CertificatePanel", "Document"), _id_text(row, printed["document"])),
            (translate("CertificatePanel", "Inmate code"), row.inmate_code),
            (translate("CertificatePanel", "Trade"), row.trade),
            (translate("CertificatePanel", "Hours"), str(row.total_hours)),
            (
                translate("CertificatePanel", "Period"),
                f"{date_text(row.start)} – {date_text(row.end)}",
            ),
            (
                translate("CertificatePanel", "Grade"),
                str(grade) if grade is not None else translate("CertificatePanel", "Passed"),
            ),
            (translate("CertificatePanel", "Issued on"), date_text(row.issued_on)),
            (translate("CertificatePanel", "Issued by"), row.issued_by or ""),
            (translate("CertificatePanel", "Workshop"), row.workshop_code or ""),
            (translate("CertificatePanel", "Book and folio"), row.book_folio or ""),
            (translate("CertificatePanel", "Signing key"), row.key_id),
            (translate("CertificatePanel", "Reprints"), reprints),
        ]
    )
    parts = [h.STYLE, h.heading(2, row.number), _state_line(row), info, *_links(row)]
    competencies = printed.get("competencies") or []
    parts.append(h.heading(3, translate("CertificatePanel", "Competencies")))
    if competencies:
        parts.append(
            h.table(
                [
                    translate("CertificatePanel", "Code"),
                    translate("CertificatePanel", "Competency"),
                    translate("CertificatePanel", "Hours"),
                ],
                ([c["code"], c["name"], str(c["hours"])] for c in competencies),
                nowrap=(0, 2),
            )
        )
    else:
        parts.append(h.muted(translate("CertificatePanel", "The trade lists no modules.")))
    return "".join(parts)
