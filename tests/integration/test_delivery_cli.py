"""``delivery-note`` and the commerce kinds of ``list`` on the command line."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from carceles_desktop.app import main
from carceles_desktop.services import deliveries, production
from carceles_desktop.services.production import BatchInput, QualityInput
from tests.conftest import open_test_database
from tests.helpers.commerce_world import (
    ADMIN,
    MARCH_END,
    MARCH_START,
    TODAY,
    World,
    draft_input,
    finished_batch,
    seeded_database,
)

pytestmark = pytest.mark.integration

PASSWORD = "clave-de-prueba-2026"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _issue(uow: object, world: World, batch_id: int, **changes: object) -> str:
    draft = deliveries.create_delivery_draft(
        uow,  # type: ignore[arg-type]
        ADMIN,
        draft_input(world, [(batch_id, "5")], **changes),
    )
    note = deliveries.issue_delivery(uow, ADMIN, draft.id, on=date(2026, 4, 1))  # type: ignore[arg-type]
    assert note.number is not None
    return note.number


def _ancon_batch(uow: object, world: World) -> int:
    """A finished batch of the workshop of Ancón II (another establishment)."""
    planned = production.create_batch(
        uow,  # type: ignore[arg-type]
        ADMIN,
        BatchInput(world.foreign_workshop_id, world.chair_id, "10", MARCH_START),
        today=TODAY,
    )
    done = production.finish_batch(
        uow,  # type: ignore[arg-type]
        ADMIN,
        planned.batch.id,
        QualityInput(inspected="10", accepted="10", rejected="0", inspector="Jefe"),
        on=MARCH_END,
        today=TODAY,
    )
    return done.batch.id


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, World]:
    """The commerce world's database file, and its keys."""
    database, world = seeded_database(tmp_path)
    database.dispose()
    return tmp_path / "commerce.sqlite3", world


@pytest.fixture
def installation(
    seeded: tuple[Path, World],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> list[str]:
    """The commerce world with one note issued in Lurigancho, and an administrator."""
    monkeypatch.setenv("CARCELES_PASSWORD", PASSWORD)
    path, world = seeded
    database = open_test_database(path)
    try:
        with database.unit_of_work() as uow:
            batch = finished_batch(uow, world, accepted="20")
            assert _issue(uow, world, batch.batch.id) == "NE01-000001"
            uow.commit()
    finally:
        database.dispose()
    code, _, err = run(["--database", str(path), "init", "--admin", "admin"], capsys)
    assert code == 0, err
    return ["--database", str(path), "--user", "admin"]


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_delivery_note_writes_the_pdf_and_counts_the_print(
    installation: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "nota.pdf", tmp_path / "nota-copia.pdf"
    code, out, err = run(
        [*installation, "delivery-note", "NE01-000001", "--out", str(first)], capsys
    )
    assert code == 0, err
    assert "NE01-000001" in out
    assert "original" in out
    text = _pdf_text(first)
    assert "NE01-000001" in text
    assert "Muebles Andinos" in text
    code, out, err = run(
        [*installation, "delivery-note", "ne01-000001", "--out", str(second)], capsys
    )
    assert code == 0, err
    assert "copia" in out  # printed before: the second is a copy
    assert "COPIA" in _pdf_text(second)


def test_an_unknown_number_is_one_sentence_and_writes_nothing(
    installation: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nada.pdf"
    code, out, err = run(
        [*installation, "delivery-note", "NE01-000099", "--out", str(target)], capsys
    )
    assert code == 1
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert "NE01-000099" in err
    assert not target.exists()
    assert list(tmp_path.glob(".nada.pdf*")) == []


def test_a_number_used_in_two_establishments_needs_the_establishment(
    installation: list[str],
    seeded: tuple[Path, World],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, world = seeded
    database = open_test_database(path)
    try:
        with database.unit_of_work() as uow:
            batch = _ancon_batch(uow, world)
            number = _issue(
                uow,
                world,
                batch,
                departure_address="Carretera Panamericana Norte km 45, Ancón",
                departure_ubigeo="150102",
            )
            uow.commit()
    finally:
        database.dispose()
    assert number == "NE01-000001"  # each establishment numbers its own notes
    target = tmp_path / "ancon.pdf"
    code, out, err = run([*installation, "delivery-note", number, "--out", str(target)], capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "ANCON-II" in err
    assert "LURIGANCHO" in err
    assert not target.exists()
    code, out, err = run(
        [
            *installation,
            "delivery-note",
            number,
            "--establishment",
            "ancon ii",
            "--out",
            str(target),
        ],
        capsys,
    )
    assert code == 0, err
    assert "Ancón" in _pdf_text(target)


def test_list_deliveries_as_csv_has_a_number_column(
    installation: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([*installation, "list", "deliveries", "--format", "csv"], capsys)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["number"] for row in rows] == ["NE01-000001"]
    assert rows[0]["state"] == "emitida"
    assert Decimal(rows[0]["total_quantity"]) == 5


@pytest.mark.parametrize(
    ("kind", "column", "expected"),
    [
        ("products", "code", ["MESA-01", "SILLA-01"]),
        ("clients", "id_number", ["20512333797"]),
        ("batches", "state", ["terminado"]),
        ("orders", "number", []),
    ],
)
def test_the_commerce_kinds_of_list(
    installation: list[str],
    capsys: pytest.CaptureFixture[str],
    kind: str,
    column: str,
    expected: list[str],
) -> None:
    code, out, err = run([*installation, "list", kind, "--format", "csv"], capsys)
    assert code == 0, err
    reader = csv.DictReader(io.StringIO(out))
    assert column in (reader.fieldnames or [])
    assert [row[column] for row in reader] == expected
