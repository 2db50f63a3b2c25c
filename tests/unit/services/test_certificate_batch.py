"""Batches: one transaction, skips with reasons, a cancel keeps nothing; printing many."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import func, select

from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import NotFound, PermissionDenied
from carceles_desktop.services import certificate_batch, numbering
from carceles_desktop.services.certificate_batch import Cancelled, file_name, issue_certificates
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.certificate_world import ISSUE_DAY, PASSPHRASE, TODAY, World, seeded_database


@pytest.fixture
def place(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def _state(database: Database) -> tuple[int, int]:
    """(certificates stored, last number taken in 2026)."""
    with database.unit_of_work(read_only=True) as uow:
        count = uow.session.scalar(select(func.count(Certificate.id))) or 0
        return count, numbering.last_number(uow, "certificate", "LURIGANCHO-2026")


def _batch(database: Database, world: World, keys: list[str], **options: object) -> object:
    values: dict[str, object] = {"passphrase": PASSPHRASE, "on": ISSUE_DAY, "today": TODAY}
    values.update(options)
    ids = [world.enrolments[key] for key in keys]
    return issue_certificates(database, world.jefe, ids, **values)  # type: ignore[arg-type]


def test_a_batch_issues_the_eligible_and_skips_the_rest_with_reasons(
    place: tuple[Database, World],
) -> None:
    database, world = place
    seen: list[tuple[int, int]] = []
    result = _batch(
        database,
        world,
        ["ready", "short", "active", "plain"],
        progress=lambda done, total: seen.append((done, total)),
    )
    assert isinstance(result, certificate_batch.BatchIssueResult)
    assert not result.cancelled
    assert [row.number for row in result.issued] == [
        "EP-LURIGANCHO-2026-000001",
        "EP-LURIGANCHO-2026-000002",
    ]
    assert [(s.trainee_name, len(s.reasons)) for s in result.skipped] == [
        ("Cóndor, Ángel", 2),
        ("Núñez Peña, José Óscar", 1),
    ]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert _state(database) == (2, 2)


def test_a_certified_enrolment_in_the_batch_is_skipped(place: tuple[Database, World]) -> None:
    database, world = place
    _batch(database, world, ["ready"])
    result = _batch(database, world, ["ready", "plain"])
    assert isinstance(result, certificate_batch.BatchIssueResult)
    assert [row.number for row in result.issued] == ["EP-LURIGANCHO-2026-000002"]
    assert result.skipped[0].trainee_name == "Quispe Ñahuincopa, María de los Ángeles"
    assert "EP-LURIGANCHO-2026-000001" in result.skipped[0].reasons[0].render()


def test_cancelling_in_the_middle_leaves_no_certificate_and_no_gap(
    place: tuple[Database, World],
) -> None:
    database, world = place
    asked = []

    def cancel_on_second() -> bool:
        asked.append(True)
        return len(asked) == 2  # after the first certificate was written

    result = _batch(database, world, ["ready", "plain"], should_cancel=cancel_on_second)
    assert isinstance(result, certificate_batch.BatchIssueResult)
    assert (result.cancelled, result.issued) == (True, ())
    assert _state(database) == (0, 0)
    with database.unit_of_work(read_only=True) as uow:
        assert not uow.session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "certificate")
        ).all()
    again = _batch(database, world, ["plain", "ready"])
    assert isinstance(again, certificate_batch.BatchIssueResult)
    assert [row.number[-6:] for row in again.issued] == ["000001", "000002"]


def test_any_failure_rolls_the_whole_batch_back(place: tuple[Database, World]) -> None:
    database, world = place
    with pytest.raises(PermissionDenied):
        _batch(database, world, ["ready", "plain"], passphrase="otra frase de paso")
    assert _state(database) == (0, 0)
    ids = [world.enrolments["ready"], 99_999, world.enrolments["plain"]]
    with pytest.raises(NotFound):
        issue_certificates(
            database, world.jefe, ids, passphrase=PASSPHRASE, on=ISSUE_DAY, today=TODAY
        )
    assert _state(database) == (0, 0)


def test_render_one_pdf_audited_and_cancellable(place: tuple[Database, World]) -> None:
    database, world = place
    result = _batch(database, world, ["ready", "plain"])
    assert isinstance(result, certificate_batch.BatchIssueResult)
    with database.unit_of_work() as uow:
        with pytest.raises(Cancelled):
            certificate_batch.render_certificates(
                uow, world.jefe, result.certificate_ids, should_cancel=lambda: True
            )
        with pytest.raises(PermissionDenied):
            certificate_batch.render_certificates(
                uow, world.other_supervisor, result.certificate_ids
            )
        pdf = certificate_batch.render_certificates(uow, world.supervisor, result.certificate_ids)
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert (entry.action, entry.entity) == ("print", "certificate")
        assert "EP-LURIGANCHO-2026-000002" in entry.changes
    assert len(pypdf.PdfReader(BytesIO(pdf)).pages) == 2


def test_one_file_per_person_with_safe_names(place: tuple[Database, World], tmp_path: Path) -> None:
    database, world = place
    result = _batch(database, world, ["ready", "plain"])
    assert isinstance(result, certificate_batch.BatchIssueResult)
    folder = tmp_path / "pdf"
    folder.mkdir()
    with database.unit_of_work() as uow:
        calls = []

        def cancel_second() -> bool:
            calls.append(1)
            return len(calls) == 2

        with pytest.raises(Cancelled):
            certificate_batch.write_certificate_files(
                uow, world.jefe, result.certificate_ids, folder, should_cancel=cancel_second
            )
        assert list(folder.iterdir()) == []
        paths = certificate_batch.write_certificate_files(
            uow, world.jefe, result.certificate_ids, folder
        )
    assert [p.name for p in paths] == [
        "EP-LURIGANCHO-2026-000001 Quispe Ñahuincopa María de los Ángeles.pdf",
        "EP-LURIGANCHO-2026-000002 Torres Huamán Luis.pdf",
    ]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in paths)


def test_file_names_drop_what_file_systems_refuse(place: tuple[Database, World]) -> None:
    database, world = place
    result = _batch(database, world, ["ready"])
    assert isinstance(result, certificate_batch.BatchIssueResult)
    with database.unit_of_work(read_only=True) as uow:
        stored = uow.session.get_one(Certificate, result.certificate_ids[0])
        assert file_name(stored, "{surnames}/{names}: {inmate_code}?") == (
            "Quispe Ñahuincopa María de los Ángeles INT-0001.pdf"
        )
        assert file_name(stored, "CON") == "EP-LURIGANCHO-2026-000001 CON.pdf"
        long_name = file_name(stored, "{names} " * 40 + ".pdf")
        assert len(long_name) <= 154
        assert long_name.endswith(".pdf")
