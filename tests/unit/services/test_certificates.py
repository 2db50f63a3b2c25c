"""Issuing, annulling, replacing and reprinting certificates, and the registry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.enums import CertificateKind, CertificateState
from carceles_desktop.domain.rules.certificate_payload import decode, from_stored_text
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import certificate_queries, certificates, numbering
from carceles_desktop.services.certificates import AlreadyCertified, NotEligible
from carceles_desktop.services.settings import Signatory, update_settings
from carceles_desktop.services.verification import VerificationStatus, verify_text
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork
from tests.helpers.certificate_world import (
    ADMIN,
    ISSUE_DAY,
    PASSPHRASE,
    TODAY,
    World,
    seeded_database,
)

FIRST = "EP-LURIGANCHO-2026-000001"
SECOND = "EP-LURIGANCHO-2026-000002"


@pytest.fixture
def place(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def issue(
    uow: UnitOfWork, world: World, key: str = "ready", **options: object
) -> certificates.CertificateRow:
    values: dict[str, object] = {"passphrase": PASSPHRASE, "on": ISSUE_DAY, "today": TODAY}
    values.update(options)
    actor = values.pop("actor", world.jefe)
    return certificates.issue_certificate(uow, actor, world.enrolments[key], **values)  # type: ignore[arg-type]


def last_taken(uow: UnitOfWork, year: int = 2026) -> int:
    return numbering.last_number(uow, "certificate", f"LURIGANCHO-{year}")


def pdf_text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_issue_numbers_signs_stores_and_audits(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        row = issue(uow, world)
        uow.commit()
    assert (row.number, row.sequence, row.year, row.book_folio) == (
        FIRST,
        1,
        2026,
        "Libro 1, folio 1",
    )
    assert (row.kind, row.state, row.trainee_name) == (
        CertificateKind.CAPACITACION,
        CertificateState.VIGENTE,
        "María de los Ángeles Quispe Ñahuincopa",
    )
    assert (row.total_hours, row.start, row.end) == (35, date(2026, 3, 2), date(2026, 3, 31))
    payload = decode(from_stored_text(row.payload))
    assert (payload.number, payload.name, payload.id_hint, payload.hours) == (
        FIRST,
        row.trainee_name,
        "D410",
        35,
    )
    assert (payload.trade, payload.issued, payload.key_id) == (
        "Panadería y pastelería",
        ISSUE_DAY,
        row.key_id,
    )
    with database.unit_of_work(read_only=True) as uow:
        stored = uow.session.scalars(select(Certificate)).one()
        assert stored.search_key == "ep-lurigancho-2026-000001 maria de los angeles quispe " + (
            "nahuincopa 10117410 int-0001"
        )
        assert stored.file_sha256 is None
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert (entry.action, entry.entity, entry.entity_uuid) == (
            "issue",
            "certificate",
            str(stored.uuid),
        )
        assert verify_text(uow, row.qr_text).status is VerificationStatus.VALID


def test_numbers_stay_gapless_across_a_rollback_and_restart_each_year(
    place: tuple[Database, World],
) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        assert issue(uow, world).number == FIRST
        uow.rollback()
    with database.unit_of_work() as uow:
        assert last_taken(uow) == 0
        assert issue(uow, world, "plain").number == FIRST
        assert issue(uow, world, "ready").number == SECOND
        uow.commit()
    with database.unit_of_work() as uow:
        row = issue(
            uow,
            world,
            "active",
            actor=ADMIN,
            override_reason="Trasladado tras aprobar los módulos",
            on=date(2027, 1, 4),
            today=date(2027, 1, 4),
        )
        assert row.number == "EP-LURIGANCHO-2027-000001"
        assert (last_taken(uow), last_taken(uow, 2027)) == (2, 1)


def test_refusals_take_no_number(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        with pytest.raises(NotEligible) as refused:
            issue(uow, world, "short")
        assert [c.code for c in refused.value.eligibility.missing_competencies] == ["M2"]
        assert "12 hours worked of the 30 required" in str(refused.value)
        with pytest.raises(PermissionDenied):
            issue(uow, world, passphrase="no es la frase correcta")
        with pytest.raises(ValidationError) as future:
            issue(uow, world, on=date(2026, 12, 1))
        assert future.value.field == "on"
        with pytest.raises(ValidationError) as early:
            issue(uow, world, on=date(2026, 3, 30))
        assert early.value.message.params["end"] == "2026-03-31"
        with pytest.raises(PermissionDenied):
            issue(uow, world, actor=world.other_supervisor)
        with pytest.raises(PermissionDenied):
            issue(uow, world, actor=world.consulta)
        with pytest.raises(PermissionDenied):
            issue(uow, world, "foreign", actor=world.jefe)
        with pytest.raises(NotFound):
            certificates.issue_certificate(uow, ADMIN, 99_999, passphrase=PASSPHRASE, on=TODAY)
        assert last_taken(uow) == 0
        assert uow.session.scalar(select(Certificate.id)) is None


def test_override_waives_only_the_culmination(place: tuple[Database, World]) -> None:
    database, world = place
    reason = "Liberado tras aprobar todos los módulos"
    with database.unit_of_work() as uow:
        with pytest.raises(NotEligible):
            issue(uow, world, "active")
        with pytest.raises(PermissionDenied):
            issue(uow, world, "active", actor=world.supervisor, override_reason=reason)
        with pytest.raises(ValidationError) as empty:
            issue(uow, world, "active", override_reason="   ")
        assert empty.value.field == "reason"
        with pytest.raises(NotEligible):
            issue(uow, world, "short", override_reason=reason)
        row = issue(uow, world, "active", override_reason=reason)
        plain = issue(uow, world, "plain", override_reason=reason)
    assert (row.override_reason, row.end) == (reason, date(2026, 3, 9))  # the last day worked
    assert plain.override_reason is None  # a culminated enrolment needed none


def test_a_second_current_certificate_is_refused(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        issue(uow, world)
        with pytest.raises(AlreadyCertified) as caught:
            issue(uow, world)
        assert isinstance(caught.value, Conflict)
        assert caught.value.message.params["number"] == FIRST
        assert last_taken(uow) == 1


def test_an_issued_certificate_never_changes_with_the_records(
    place: tuple[Database, World],
) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        row = issue(uow, world)
        uow.commit()
    with database.unit_of_work() as uow:
        trainee = uow.session.get_one(Trainee, world.trainees["ready"])
        trainee.given_names, trainee.doc_number = "Marisol", "10117411"
        from carceles_desktop.services import competencies

        competencies.update_competency(uow, ADMIN, world.competencies["M2"], hours=99)
        update_settings(
            uow,
            ADMIN,
            signatories=(
                Signatory("director", "Dr. Nuevo Director", "Director"),
                Signatory("jefe_trabajo", "", "Jefe"),
                Signatory("instructor", "", "Instructor"),
            ),
        )
        pdf = certificates.reprint_certificate(uow, world.jefe, row.id, on=TODAY, today=TODAY)
        again = certificate_queries.get_certificate(uow, world.jefe, row.id)
        uow.commit()
    text = pdf_text(pdf)
    assert "María de los Ángeles Quispe Ñahuincopa" in text
    assert "Marisol" not in text
    assert "DNI 10117410" in text
    assert "Elaboración de panes (20" in text
    assert "Nuevo Director" not in text
    assert "DUPLICADO" in text
    assert (again.trainee_name, again.doc_number, again.snapshot) == (
        row.trainee_name,
        "10117410",
        row.snapshot,
    )


def test_annul_keeps_the_number_and_verification_says_annulled(
    place: tuple[Database, World],
) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        row = issue(uow, world)
        for actor in (world.supervisor, world.consulta):
            with pytest.raises(PermissionDenied):
                certificates.annul_certificate(
                    uow, actor, row.id, reason="Error", on=TODAY, today=TODAY
                )
        with pytest.raises(ValidationError):
            certificates.annul_certificate(uow, world.jefe, row.id, reason=" ", on=TODAY)
        with pytest.raises(ValidationError):
            certificates.annul_certificate(
                uow, world.jefe, row.id, reason="Error", on=date(2026, 11, 1), today=TODAY
            )
        annulled = certificates.annul_certificate(
            uow, world.jefe, row.id, reason="Error en el documento", on=TODAY, today=TODAY
        )
        with pytest.raises(Conflict):
            certificates.annul_certificate(
                uow, world.jefe, row.id, reason="Otra vez", on=TODAY, today=TODAY
            )
        result = verify_text(uow, row.qr_text)
        assert issue(uow, world, "plain").number == SECOND  # the annulled number stays used
        again = issue(uow, world)  # the enrolment may be certified anew
    assert (annulled.state, annulled.annulled_on, annulled.annul_reason) == (
        CertificateState.ANULADO,
        TODAY,
        "Error en el documento",
    )
    assert result.status is VerificationStatus.ANNULLED
    assert again.number == "EP-LURIGANCHO-2026-000003"


def test_replace_reissues_from_the_corrected_records(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        old = issue(uow, world)
        trainee = uow.session.get_one(Trainee, world.trainees["ready"])
        trainee.maternal_surname = "Ñahuincopa de Rojas"
        with pytest.raises(PermissionDenied):
            certificates.replace_certificate(
                uow, world.supervisor, old.id, passphrase=PASSPHRASE, on=TODAY, reason="x"
            )
        new = certificates.replace_certificate(
            uow,
            world.jefe,
            old.id,
            passphrase=PASSPHRASE,
            on=TODAY,
            reason="Corrección del apellido materno",
            today=TODAY,
        )
        before = certificate_queries.get_certificate(uow, world.jefe, old.id)
        old_result, new_result = verify_text(uow, old.qr_text), verify_text(uow, new.qr_text)
        with pytest.raises(Conflict):
            certificates.replace_certificate(
                uow, world.jefe, old.id, passphrase=PASSPHRASE, on=TODAY, reason="x", today=TODAY
            )
    assert (new.number, new.replaces_id, new.replaces_number) == (SECOND, old.id, FIRST)
    assert new.trainee_name == "María de los Ángeles Quispe Ñahuincopa de Rojas"
    assert (before.state, before.replaced_by_number) == (CertificateState.REEMPLAZADO, SECOND)
    assert old_result.status is VerificationStatus.REPLACED
    assert old_result.local is not None
    assert old_result.local.replaced_by == SECOND
    assert new_result.status is VerificationStatus.VALID


def test_a_failed_replacement_changes_nothing(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        old = issue(uow, world)
        uow.commit()
    with database.unit_of_work() as uow, pytest.raises(PermissionDenied):
        certificates.replace_certificate(
            uow,
            world.jefe,
            old.id,
            passphrase="frase equivocada",
            on=TODAY,
            reason="x",
            today=TODAY,
        )
    with database.unit_of_work(read_only=True) as uow:
        row = certificate_queries.get_certificate(uow, world.jefe, old.id)
        assert (row.state, last_taken(uow)) == (CertificateState.VIGENTE, 1)


def test_reprints_are_counted_dated_and_audited(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        row = issue(uow, world)
        with pytest.raises(PermissionDenied):
            certificates.record_reprint(uow, world.other_supervisor, row.id, on=TODAY)
        certificates.record_reprint(uow, world.supervisor, row.id, on=TODAY, today=TODAY)
        pdf = certificates.reprint_certificates(
            uow, world.supervisor, [row.id], on=TODAY, today=TODAY
        )
        again = certificate_queries.get_certificate(uow, world.jefe, row.id)
        prints = uow.session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_uuid == str(row.uuid))
        ).all()
    assert (again.reprint_count, again.last_reprinted_on) == (2, datetime(2026, 11, 30))
    assert "DUPLICADO — reimpreso el 30 de noviembre de 2026" in pdf_text(pdf)
    assert list(prints) == ["issue", "print", "print"]


def test_registry_search_count_and_scope(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        first = issue(uow, world)
        issue(uow, world, "plain")
        establishment = uow.session.scalar(
            select(Establishment.id).where(Establishment.code == "ANCON-II")
        )
        assert establishment == world.other_establishment_id
        foreign = issue(uow, world, "foreign", actor=ADMIN)
        certificates.annul_certificate(uow, world.jefe, first.id, reason="Error", on=TODAY)

        def numbers(actor: object = world.jefe, **filters: object) -> list[str]:
            rows = certificate_queries.search_certificates(uow, actor, **filters)  # type: ignore[arg-type]
            count = certificate_queries.count_certificates(uow, actor, **filters)  # type: ignore[arg-type]
            assert count == len(rows)
            return [row.number for row in rows]

        assert numbers() == [SECOND, FIRST]
        assert numbers(text="ÑAHUINCOPA") == [FIRST]
        assert numbers(text="huaman 4011") == [SECOND]
        assert numbers(text="huaman 5011") == []
        assert numbers(text="40117410") == [SECOND]
        assert numbers(text="2026-000002") == [SECOND]
        assert numbers(state=CertificateState.ANULADO) == [FIRST]
        assert numbers(year=2025) == []
        assert numbers(workshop_id=world.workshop2_id) == []
        assert numbers(world.other_supervisor) == []
        assert numbers(world.supervisor) == [SECOND, FIRST]
        assert numbers(ADMIN) == [SECOND, foreign.number, FIRST]
        item = certificate_queries.search_certificates(uow, world.jefe, limit=1)[0]
        assert (item.trainee_name, item.workshop_code, item.total_hours) == (
            "Luis Torres Huamán",
            "PAN-01",
            30,
        )
        found = certificate_queries.find_certificate(uow, world.jefe, " ep-lurigancho-2026-000001 ")
        assert found.id == first.id
        with pytest.raises(NotFound):
            certificate_queries.find_certificate(uow, world.jefe, "EP-LURIGANCHO-2026-000099")
        with pytest.raises(PermissionDenied):
            certificate_queries.get_certificate(uow, world.jefe, foreign.id)
