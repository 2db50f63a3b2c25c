"""The batch form: plan, choose workers among the eligible, refuse excess hours, finish."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from carceles_desktop.domain.enums import BatchState
from carceles_desktop.services import production_queries
from carceles_desktop.ui.dialogs.batch_dialog import BatchDialog
from carceles_desktop.ui.dialogs.form_parts import qdate
from carceles_desktop.ui.dialogs.small_form import SmallForm
from tests.helpers.commerce_world import MARCH_END, MARCH_START
from tests.ui.commerce_fixtures import Shop, shop_fixture  # noqa: F401 - the fixture


@pytest.fixture
def planned(qtbot: Any, shop: Shop) -> BatchDialog:
    """A new batch of 10 chairs in CARP-01 from 2 March, saved through the form."""
    dialog = BatchDialog(shop.ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.tabs.isTabEnabled(0)  # workers come once the batch exists
    dialog.workshop.setCurrentIndex(dialog.workshop.findData(shop.world.workshop_id))
    assert dialog.product.set_key(shop.world.chair_id)
    dialog.planned.setText("10")
    dialog.starts_on.setDate(qdate(MARCH_START))
    dialog.ends_on.set_value(MARCH_END)
    dialog.save_button.click()
    assert dialog.batch_id is not None, dialog.errors.general.text()
    return dialog


def test_a_planned_batch_gets_a_code_and_offers_the_enrolled_workers(
    planned: BatchDialog,
    shop: Shop,
) -> None:
    assert planned.detail is not None
    assert planned.detail.batch.state is BatchState.PLANIFICADO
    assert planned.detail.batch.code.startswith("L-2026-")
    assert planned.tabs.isTabEnabled(0)
    row = planned.workers.add_row()
    picker: QComboBox = planned.workers.cell(row, "enrolment")
    offered = {picker.itemData(i) for i in range(picker.count())}
    enrolments = shop.world.enrolments
    # Active in CARP-01 during March; the waiting list and other workshops are not offered.
    assert offered == {enrolments["E1"], enrolments["E2"]}


def test_hours_above_attendance_are_refused_on_the_cell(
    planned: BatchDialog,
    shop: Shop,
) -> None:
    row = planned.workers.add_row()
    picker: QComboBox = planned.workers.cell(row, "enrolment")
    picker.setCurrentIndex(picker.findData(shop.world.enrolments["E2"]))
    planned.workers.cell(row, "hours").setText("41")  # he attended 40 h in March
    planned.save_button.click()
    assert planned.workers.error_cell() == (0, "hours")
    assert "40" in planned.workers.error.text()
    assert planned.tabs.currentWidget() is planned.workers
    planned.workers.cell(row, "hours").setText("40")
    planned.save_button.click()
    assert planned.workers.error_cell() is None
    assert planned.detail is not None
    assert [(w.enrolment_id, w.hours) for w in planned.detail.workers] == [
        (shop.world.enrolments["E2"], Decimal("40.00"))
    ]
    assert planned.workers.cell(0, "attended").text() == "40.00"


def test_materials_are_saved_with_the_batch(planned: BatchDialog, shop: Shop) -> None:
    row = planned.materials.add_row()
    planned.materials.cell(row, "description").setText("Tablones de tornillo")
    planned.materials.cell(row, "quantity").setText("12,5")
    planned.materials.cell(row, "unit_cost").setText("18")
    assert planned.materials.cell(row, "amount").text() == "S/ 225.00"
    planned.save_button.click()
    assert planned.detail is not None
    assert [(m.description, m.quantity, m.unit_cost) for m in planned.detail.materials] == [
        ("Tablones de tornillo", Decimal("12.500"), Decimal("18.00"))
    ]


def test_finishing_records_the_quality_check(
    planned: BatchDialog,
    shop: Shop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def check(
        cls: Any, parent: Any, title: str, intro: str, fields: Any, submit: Any, **kw: Any
    ) -> Any:
        names = [field.name for field in fields]
        assert names == ["inspected", "accepted", "rejected", "inspector", "notes", "on"]
        values = {"inspected": "10", "accepted": "9", "rejected": "1", "inspector": "Jefe"}
        return submit({**values, "notes": "", "on": MARCH_END})

    monkeypatch.setattr(SmallForm, "ask", classmethod(check))
    planned.finish_button.click()
    assert planned.detail is not None
    assert planned.detail.batch.state is BatchState.TERMINADO
    assert planned.detail.batch.accepted_quantity == Decimal("9.000")
    assert planned.detail.batch.ends_on == MARCH_END
    assert not planned.finish_button.isEnabled()
    assert planned.quality_button.isEnabled()
    with shop.ctx.reading() as uow:
        listed = production_queries.deliverable_batches(uow, shop.ctx.actor)
    assert [b.id for b in listed] == [planned.batch_id]


def test_a_refused_quality_check_keeps_the_batch_open(
    qtbot: Any, planned: BatchDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def check(
        cls: Any, parent: Any, title: str, intro: str, fields: Any, submit: Any, **kw: Any
    ) -> Any:
        form = cls(title, intro, fields, submit, action_text=kw["action_text"], parent=parent)
        qtbot.addWidget(form)
        fields[1].widget.setText("12")  # 12 accepted + 0 rejected of 10 inspected
        form.run()
        seen.append(form.errors.message("accepted"))
        return None

    monkeypatch.setattr(SmallForm, "ask", classmethod(check))
    planned.finish_button.click()
    assert len(seen) == 1
    assert "10" in seen[0]
    assert planned.detail is not None
    assert planned.detail.batch.state is BatchState.PLANIFICADO


def test_starting_takes_the_day_it_began(
    planned: BatchDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = date(2026, 3, 3)
    monkeypatch.setattr(SmallForm, "ask", classmethod(lambda cls, *a, **kw: a[4]({"on": day})))
    planned.start_button.click()
    assert planned.detail is not None
    assert planned.detail.batch.state is BatchState.EN_PROCESO
    assert planned.detail.batch.starts_on == day
    assert not planned.start_button.isEnabled()
