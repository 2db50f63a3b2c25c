"""The Clientes area: clients and partners, their agreements, and the workshops at risk.

Above the list, a red line names the partner-run workshops that have no agreement in
force today (``agreement_flags``): they may be working on an expired convenio.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from carceles_desktop.domain.enums import AgreementState, PartnerKind
from carceles_desktop.services import agreements, partners
from carceles_desktop.services.agreements import AgreementFlag
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.partners import PartnerRow
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui import workers
from carceles_desktop.ui.commerce_labels import commerce_label, document_text
from carceles_desktop.ui.dialogs.form_errors import ERROR_STYLE
from carceles_desktop.ui.dialogs.partner_dialog import PartnerDialog
from carceles_desktop.ui.labels import date_text, yes_no
from carceles_desktop.ui.models.commerce_tables import clients_model
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.commerce_list_view import CommerceListView

translate = QCoreApplication.translate

#: Flagged workshops named in the line above the list; the rest are counted.
_NAMED_FLAGS = 3


class ClientsView(CommerceListView):
    """Search clients and partners, filter them by kind, open their form."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(
            clients_model(ctx),
            self._detail_for,
            settings_key="clients_view",
            empty_detail=translate("ClientsView", "Select a client to see his record."),
            filter_caption=translate("ClientsView", "Kind:"),
            filters=[(commerce_label(kind), kind) for kind in PartnerKind],
            may_create=allowed(ctx.actor, Action.EDIT_CLIENTS),
            code_column=False,
            parent=parent,
        )
        self.search.setPlaceholderText(translate("ClientsView", "Search by name or document"))
        self.new_button.setText(translate("ClientsView", "New client…"))
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet(ERROR_STYLE)
        self.flags.setVisible(False)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)  # ListView lays itself out vertically
        outer.insertWidget(1, self.flags)
        outer.setStretchFactor(self.splitter, 1)

    def load(self) -> None:
        """Read the list and the workshops without an agreement in force."""
        super().load()
        self.show_flags()

    def reload(self) -> None:
        """F5: the list and the flags again."""
        super().reload()
        self.show_flags()

    def show_flags(self) -> None:
        """Name the partner-run workshops with no agreement in force today.

        Found off the GUI thread: nationally it looks at every partner-run workshop.
        """
        ctx = self._ctx

        def find() -> list[AgreementFlag]:
            with ctx.reading() as uow:
                return agreements.agreement_flags(uow, ctx.actor)

        def show(flags: list[AgreementFlag]) -> None:
            if shiboken6.isValid(self.flags):
                self.flags.setText(flags_text(flags))
                self.flags.setVisible(bool(flags))

        # A failure is logged and leaves the line hidden: the list reports its own errors.
        workers.run_in_background(find, on_done=show)

    def _detail_for(self, row: PartnerRow) -> str:
        with self._ctx.reading() as uow:
            partner = partners.get_partner(uow, self._ctx.actor, row.id)
            pacts = agreements.list_agreements(uow, self._ctx.actor, partner_id=row.id)
        return client_html(partner, pacts)

    def new_record(self) -> None:
        """Register a client or partner."""
        dialog = PartnerDialog(self._ctx, None, self)
        self.run_form(dialog)
        if dialog.changed:
            self.refresh_after(dialog.partner_id)

    def open_record(self, row: Any) -> None:
        """Open a client's form."""
        dialog = PartnerDialog(self._ctx, row.id, self)
        self.run_form(dialog)
        if dialog.changed:
            self.refresh_after(row.id)
            self.show_flags()


def flags_text(flags: list[AgreementFlag]) -> str:
    """The line that names the partner-run workshops without an agreement in force."""
    if not flags:
        return ""
    named = []
    for flag in flags[:_NAMED_FLAGS]:
        if flag.last_agreement_number is None:
            named.append(
                translate("ClientsView", "{code} (no agreement ever)").format(
                    code=flag.workshop_code
                )
            )
        else:
            named.append(
                translate("ClientsView", "{code} ({number} ended {day})").format(
                    code=flag.workshop_code,
                    number=flag.last_agreement_number,
                    day=date_text(flag.last_ends_on),
                )
            )
    text = translate(
        "ClientsView", "Partner-run workshops with no agreement in force today: {list}"
    ).format(list="; ".join(named))
    if len(flags) > _NAMED_FLAGS:
        text += " " + translate("ClientsView", "and {count} more.").format(
            count=len(flags) - _NAMED_FLAGS
        )
    return text


def client_html(partner: PartnerRow, pacts: list[agreements.AgreementRow]) -> str:
    """A client's record and agreements as HTML for the detail panel."""
    info = h.fields(
        [
            (translate("ClientDetail", "Kind"), commerce_label(partner.kind)),
            (
                translate("ClientDetail", "Document"),
                document_text(partner.id_type, partner.id_number),
            ),
            (translate("ClientDetail", "Address"), partner.address or ""),
            (translate("ClientDetail", "Ubigeo"), partner.ubigeo or ""),
            (translate("ClientDetail", "Contact"), partner.contact_name or ""),
            (translate("ClientDetail", "Phone"), partner.phone or ""),
            (translate("ClientDetail", "E-mail"), partner.email or ""),
            (translate("ClientDetail", "Active"), yes_no(partner.active)),
        ]
    )
    parts = [h.STYLE, h.heading(2, partner.name), info]
    parts.append(h.heading(3, translate("ClientDetail", "Agreements")))
    if not pacts:
        parts.append(h.muted(translate("ClientDetail", "No agreements.")))
        return "".join(parts)
    today = date.today()
    rows = []
    for pact in pacts:
        state = pact.state_on(today)
        flag = " ⚠" if state is AgreementState.VENCIDO else ""
        rows.append(
            [
                pact.number,
                pact.workshop_code,
                f"{date_text(pact.starts_on)} – {date_text(pact.ends_on)}",
                commerce_label(state) + flag,
            ]
        )
    parts.append(
        h.table(
            [
                translate("ClientDetail", "Number"),
                translate("ClientDetail", "Workshop"),
                translate("ClientDetail", "Period"),
                translate("ClientDetail", "State today"),
            ],
            rows,
            nowrap=(0, 2, 3),
        )
    )
    return "".join(parts)
