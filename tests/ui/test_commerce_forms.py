"""The client, agreement, product and order forms, and a stored note's transport rows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox

from carceles_desktop.domain.enums import OrderState, PartnerKind, TransportMode
from carceles_desktop.services import agreements, deliveries
from carceles_desktop.services.agreements import AgreementInput
from carceles_desktop.ui.dialogs.delivery_dialog import DeliveryDialog
from carceles_desktop.ui.dialogs.order_dialog import OrderDialog
from carceles_desktop.ui.dialogs.partner_dialog import PartnerDialog
from carceles_desktop.ui.dialogs.product_dialog import ProductDialog
from tests.helpers.commerce_world import ADMIN, draft_input
from tests.ui.commerce_fixtures import Shop, shop_fixture  # noqa: F401 - the fixture


def test_a_ruc_is_checked_as_it_is_typed(qtbot: Any, shop: Shop) -> None:
    dialog = PartnerDialog(shop.ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData(PartnerKind.COMPANY))
    assert dialog.id_type.currentData() == "6"  # a company is known by its RUC
    dialog.id_number.setText("2051233379")
    assert dialog.check_document(as_typed=True) == ""  # not judged before its 11 digits
    dialog.id_number.setText("20512333798")
    assert dialog.check_document(as_typed=True) != ""
    assert dialog.errors.message("id_number")
    dialog.id_number.setText("20100047218")
    assert dialog.check_document(as_typed=True) == ""
    assert dialog.errors.message("id_number") == ""


def test_a_new_client_is_saved_and_a_duplicate_refused(qtbot: Any, shop: Shop) -> None:
    dialog = PartnerDialog(shop.ctx, None)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PartnerKind.PERSON))
    dialog.id_type.setCurrentIndex(dialog.id_type.findData("1"))
    dialog.id_number.setText("10117410")
    dialog.name.setText("José Núñez Quispe")
    dialog.save()
    assert dialog.changed
    assert dialog.partner_id is not None
    again = PartnerDialog(shop.ctx, None)
    qtbot.addWidget(again)
    again.kind.setCurrentIndex(again.kind.findData(PartnerKind.PERSON))
    again.id_type.setCurrentIndex(again.id_type.findData("1"))
    again.id_number.setText("10117410")
    again.name.setText("Otro nombre")
    again.save()
    assert not again.changed
    assert "José Núñez Quispe" in again.errors.message("id_number")


def test_an_expired_agreement_shows_in_red(qtbot: Any, shop: Shop) -> None:
    with shop.database.unit_of_work() as uow:
        agreements.create_agreement(
            uow,
            ADMIN,
            AgreementInput(
                number="CONV-2022-01",
                partner_id=shop.world.partner_id,
                workshop_id=shop.world.workshop_id,
                signed_on=date(2022, 1, 1),
                starts_on=date(2022, 1, 1),
                ends_on=date.today() - timedelta(days=1),
            ),
        )
        uow.commit()
    dialog = PartnerDialog(shop.ctx, shop.world.partner_id)
    qtbot.addWidget(dialog)
    table = dialog.agreements_table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "CONV-2022-01"
    state = table.item(0, 4)
    assert state.text() != ""
    assert state.foreground().color().name() == "#b00020"


def test_a_product_with_a_unit_outside_the_list_is_refused(qtbot: Any, shop: Shop) -> None:
    dialog = ProductDialog(shop.ctx, None)
    qtbot.addWidget(dialog)
    dialog.code.setText("banco-01")
    dialog.name.setText("Banco de madera")
    dialog.price.setText("45,50")
    dialog.weight.setText("3.2")
    dialog.save()
    assert dialog.changed, dialog.errors.general.text()
    edit = ProductDialog(shop.ctx, dialog.product_id)
    qtbot.addWidget(edit)
    assert edit.code.text() == "BANCO-01"
    assert edit.price.text() == "45.50"
    edit.price.setText("-3")
    edit.save()
    assert not edit.changed
    assert edit.errors.message("unit_price")


def test_an_order_shows_each_lines_figures(qtbot: Any, shop: Shop) -> None:
    dialog = OrderDialog(shop.ctx, None)
    qtbot.addWidget(dialog)
    assert dialog.client.set_key(shop.world.partner_id)
    row = dialog.lines.add_row()
    product: QComboBox = dialog.lines.cell(row, "product")
    product.setCurrentIndex(product.findData(shop.world.chair_id))
    dialog.lines.cell(row, "quantity").setText("0")
    assert not dialog.save()
    assert dialog.lines.error_cell() == (0, "quantity")
    dialog.lines.cell(row, "quantity").setText("30")
    assert dialog.lines.cell(row, "amount").text() == ""  # no price typed: the list price
    assert dialog.save()
    assert dialog.detail is not None
    assert dialog.detail.lines[0].unit_price == Decimal("120.00")
    batch = shop.finished("20", order_line_id=dialog.detail.lines[0].id)
    with shop.database.unit_of_work() as uow:
        draft = deliveries.create_delivery_draft(
            uow, ADMIN, draft_input(shop.world, [(batch, "12")], order_id=dialog.order_id)
        )
        deliveries.issue_delivery(uow, ADMIN, draft.id, on=date(2026, 4, 1))
        uow.commit()
    again = OrderDialog(shop.ctx, dialog.order_id)
    qtbot.addWidget(again)
    figures = {
        name: again.lines.cell(0, name).text() for name in ("produced", "delivered", "pending")
    }
    assert figures == {"produced": "20", "delivered": "12", "pending": "18"}
    assert again.detail is not None
    assert again.detail.state is OrderState.ENTREGADO_PARCIAL


def test_a_stored_note_shows_its_own_transport_read_only(qtbot: Any, shop: Shop) -> None:
    batch = shop.finished("20")
    with shop.database.unit_of_work() as uow:
        draft = deliveries.create_delivery_draft(
            uow,
            ADMIN,
            draft_input(
                shop.world,
                [(batch, "5")],
                transport_mode=TransportMode.PUBLIC,
                carrier_ruc="20100047218",
                carrier_name="Transportes Andinos S.A.",
            ),
        )
        uow.commit()
    draft_form = DeliveryDialog(shop.ctx, draft.id)
    qtbot.addWidget(draft_form)
    draft_form.show()
    form = draft_form.form
    assert form.carrier_name.isVisibleTo(draft_form)
    assert not form.vehicle_plate.isVisibleTo(draft_form)
    assert form.carrier_name.text() == "Transportes Andinos S.A."
    with shop.database.unit_of_work() as uow:
        deliveries.issue_delivery(uow, ADMIN, draft.id, on=date(2026, 4, 1))
        uow.commit()
    issued = DeliveryDialog(shop.ctx, draft.id)
    qtbot.addWidget(issued)
    assert issued.form.carrier_name.isReadOnly()
    base = issued.form.carrier_name.palette().color(QPalette.ColorRole.Base)
    assert base == issued.form.carrier_name.palette().color(QPalette.ColorRole.Window)
    assert not issued.save_button.isEnabled()
