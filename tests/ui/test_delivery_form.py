"""The delivery note form: a draft from a batch, over-delivery refused, issue, annul, print."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from carceles_desktop.domain.enums import DeliveryState, TransportMode
from carceles_desktop.services import deliveries
from carceles_desktop.ui.dialogs.delivery_dialog import DeliveryDialog
from carceles_desktop.ui.dialogs.small_form import SmallForm
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.ui.commerce_fixtures import Shop, shop_fixture  # noqa: F401 - the fixture

APRIL = date(2026, 4, 1)


def _count(shop: Shop) -> int:
    with shop.ctx.reading() as uow:
        return deliveries.count_deliveries(uow, shop.ctx.actor)


def _fill(dialog: DeliveryDialog, shop: Shop, batch_id: int, quantity: str) -> None:
    """Fill a new note as a user would: client, dates, transport, one line."""
    form = dialog.form
    assert form.client.set_key(shop.world.partner_id)
    form.issue_date.setDate(form.issue_date.date().fromString("01/04/2026", "dd/MM/yyyy"))
    form.transfer_start.setDate(form.issue_date.date())
    form.transport.setCurrentIndex(form.transport.findData(TransportMode.PRIVATE))
    form.vehicle_plate.setText("ABC-123")
    form.driver_name.setText("Carlos Ruiz")
    form.driver_licence.setText("Q12345678")
    form.dispatched_by.setText("Jefe de Trabajo")
    row = form.lines.add_row()
    picker: QComboBox = form.lines.cell(row, "batch")
    picker.setCurrentIndex(picker.findData(batch_id))
    form.lines.cell(row, "quantity").setText(quantity)


@pytest.fixture
def new_note(qtbot: Any, shop: Shop) -> DeliveryDialog:
    dialog = DeliveryDialog(shop.ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmations answered Yes, their texts recorded."""
    questions: list[str] = []

    def yes(cls: Any, parent: Any, title: str, text: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(DeliveryDialog, "ask", classmethod(yes))
    return questions


def test_a_draft_takes_a_batch_and_shows_what_is_left(
    new_note: DeliveryDialog,
    shop: Shop,
) -> None:
    batch = shop.finished("20")
    new_note.form._fill_batches()  # the batch was finished after the form opened
    _fill(new_note, shop, batch, "5")
    assert new_note.form.lines.cell(0, "left").text() == "20"
    assert "20 NIU" in new_note.form.lines.cell(0, "batch").currentText()
    # The arrival address came from the client's record.
    assert new_note.form.arrival_address.text() == "Jr. Los Pinos 123, Ate"
    new_note.save_button.click()
    assert new_note.delivery_id is not None
    assert new_note.detail is not None
    assert new_note.detail.state is DeliveryState.BORRADOR
    assert [(line.batch_id, line.quantity) for line in new_note.detail.lines] == [
        (batch, Decimal("5.000"))
    ]
    assert new_note.detail.gross_weight_kg == Decimal("22.500")  # 5 × 4.5 kg, computed
    assert _count(shop) == 1
    assert shop.remaining(batch) == Decimal("20.000")  # a draft takes nothing


def test_over_delivery_is_refused_on_its_cell_and_nothing_is_saved(
    new_note: DeliveryDialog,
    shop: Shop,
) -> None:
    batch = shop.finished("20")
    shop.issued_note(batch, "15")
    new_note.form._fill_batches()
    _fill(new_note, shop, batch, "8")
    assert new_note.form.lines.cell(0, "left").text() == "5"
    new_note.save_button.click()
    assert new_note.delivery_id is None
    assert new_note.form.lines.error_cell() == (0, "quantity")
    message = new_note.form.lines.error.text()
    assert new_note.form.lines.error.isVisibleTo(new_note)
    assert "5" in message  # what is left
    assert "8" in message  # what was asked
    assert _count(shop) == 1  # only the note issued before
    assert shop.remaining(batch) == Decimal("5.000")


def test_issuing_asks_first_then_shows_the_number_and_takes_the_units(
    new_note: DeliveryDialog,
    shop: Shop,
    asked: list[str],
) -> None:
    batch = shop.finished("20")
    new_note.form._fill_batches()
    _fill(new_note, shop, batch, "5")
    new_note.issue_button.click()
    assert len(asked) == 1
    assert "NE01" in asked[0]  # the series whose next number it takes
    assert new_note.detail is not None
    assert new_note.detail.state is DeliveryState.EMITIDA
    assert new_note.detail.number == "NE01-000001"
    assert "NE01-000001" in new_note.form.title.text()
    assert "NE01-000001" in new_note.form.status.text()
    assert shop.remaining(batch) == Decimal("15.000")
    assert not new_note.form.client.isEnabled()  # an issued note is read only
    assert new_note.annul_button.isEnabled()


def test_issuing_declined_leaves_a_draft_without_number(
    new_note: DeliveryDialog,
    shop: Shop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(DeliveryDialog, "ask", classmethod(lambda cls, *args: False))
    batch = shop.finished("20")
    new_note.form._fill_batches()
    _fill(new_note, shop, batch, "5")
    new_note.issue_button.click()
    assert new_note.detail is not None
    assert new_note.detail.state is DeliveryState.BORRADOR
    assert new_note.detail.number is None
    assert shop.remaining(batch) == Decimal("20.000")


def test_annulling_returns_the_units_and_keeps_the_number(
    qtbot: Any,
    shop: Shop,
    asked: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    batch = shop.finished("20")
    note = shop.issued_note(batch, "12")
    assert shop.remaining(batch) == Decimal("8.000")
    dialog = DeliveryDialog(shop.ctx, note)
    qtbot.addWidget(dialog)

    def give_reason(
        cls: Any, parent: Any, title: str, intro: str, fields: Any, submit: Any, **kw: Any
    ) -> Any:
        names = [field.name for field in fields]
        assert names == ["reason", "on"]
        return submit({"reason": "El cliente devolvió la mercadería", "on": APRIL})

    monkeypatch.setattr(SmallForm, "ask", classmethod(give_reason))
    dialog.annul_button.click()
    assert len(asked) == 1
    assert "NE01-000001" in asked[0]
    assert dialog.detail is not None
    assert dialog.detail.state is DeliveryState.ANULADA
    assert dialog.detail.number == "NE01-000001"
    assert shop.remaining(batch) == Decimal("20.000")
    assert "devolvió" in dialog.form.banner.text()
    assert not dialog.annul_button.isEnabled()


def test_annul_refused_reason_stays_in_the_form(
    qtbot: Any,
    shop: Shop,
    asked: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    batch = shop.finished("20")
    note = shop.issued_note(batch, "12")
    dialog = DeliveryDialog(shop.ctx, note)
    qtbot.addWidget(dialog)
    seen: list[str] = []

    def open_form(
        cls: Any, parent: Any, title: str, intro: str, fields: Any, submit: Any, **kw: Any
    ) -> Any:
        form = cls(title, intro, fields, submit, action_text=kw["action_text"], parent=parent)
        qtbot.addWidget(form)
        form.run()  # no reason typed
        seen.append(form.errors.message("reason"))
        assert not form.result()
        return None

    monkeypatch.setattr(SmallForm, "ask", classmethod(open_form))
    dialog.annul_button.click()
    assert len(seen) == 1
    assert seen[0]  # the service's message, under the reason
    assert dialog.detail is not None
    assert dialog.detail.state is DeliveryState.EMITIDA
    assert shop.remaining(batch) == Decimal("8.000")


def test_printing_counts_the_copy_and_shows_the_preview(
    qtbot: Any,
    shop: Shop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    batch = shop.finished("20")
    note = shop.issued_note(batch, "5")
    shown: list[tuple[bytes, str, str]] = []

    def capture(cls: Any, parent: Any, pdf: bytes, name: str, title: str) -> None:
        shown.append((pdf, name, title))

    monkeypatch.setattr(PdfPreviewDialog, "show_pdf", classmethod(capture))
    dialog = DeliveryDialog(shop.ctx, note)
    qtbot.addWidget(dialog)
    dialog.print_button.click()
    dialog.print_button.click()
    assert [s[1] for s in shown] == ["nota-de-entrega-NE01-000001.pdf"] * 2
    assert all(pdf.startswith(b"%PDF") for pdf, _, _ in shown)
    assert "NE01-000001" in shown[0][2]
    assert shown[0][2] != shown[1][2]  # the second says it is a copy
    assert dialog.detail is not None
    assert dialog.detail.print_count == 2
