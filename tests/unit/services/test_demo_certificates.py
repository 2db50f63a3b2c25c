"""The demo's certificates: a few hundred, gapless, verifiable, some annulled and reprinted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import CertificateState, EnrolmentState
from carceles_desktop.domain.rules.certificate_payload import qr_text_from_stored
from carceles_desktop.services import signing_keys
from carceles_desktop.services.audit import verify_chain
from carceles_desktop.services.demo import DEMO_KEY_PASSPHRASE, DemoReport, generate_demo_data
from carceles_desktop.services.verification import VerificationStatus, verify_text
from carceles_desktop.storage.unit_of_work import Database
from tests.conftest import open_test_database

TODAY = date(2026, 11, 30)
VERDICT = {
    CertificateState.VIGENTE: VerificationStatus.VALID,
    CertificateState.ANULADO: VerificationStatus.ANNULLED,
    CertificateState.REEMPLAZADO: VerificationStatus.REPLACED,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoReport]]:
    database = open_test_database(tmp_path_factory.mktemp("demo") / "site.sqlite3")
    report = generate_demo_data(database, scale="site", today=TODAY)
    yield database, report
    database.dispose()


def test_a_few_hundred_in_every_state(site: tuple[Database, DemoReport]) -> None:
    database, report = site
    with database.unit_of_work(read_only=True) as uow:
        rows = uow.session.execute(select(Certificate.state, Certificate.reprint_count)).all()
        chain = verify_chain(uow)
    assert 200 <= len(rows) == report.certificates <= 400
    states = {state: sum(1 for r in rows if r[0] is state) for state in CertificateState}
    assert all(count > 0 for count in states.values()), states
    assert sum(1 for r in rows if r[1]) > 0
    assert chain.intact
    assert chain.checked == report.audit_entries


def test_numbers_are_gapless_and_follow_the_calendar(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    with database.unit_of_work(read_only=True) as uow:
        rows = uow.session.execute(
            select(Certificate.year, Certificate.sequence, Certificate.issued_on).order_by(
                Certificate.year, Certificate.sequence
            )
        ).all()
    for year in {row[0] for row in rows}:
        of_year = [row for row in rows if row[0] == year]
        assert [row[1] for row in of_year] == list(range(1, len(of_year) + 1))
        days = [row[2] for row in of_year]
        assert days == sorted(days)
        assert all(day.year == year for day in days)


def test_every_certificate_verifies_as_its_state_says(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    with database.unit_of_work(read_only=True) as uow:
        rows = uow.session.execute(
            select(Certificate, Enrolment.state, Enrolment.ends_on).join(
                Enrolment, Enrolment.id == Certificate.enrolment_id
            )
        ).all()
        for certificate, state, ends_on in rows:
            text = qr_text_from_stored(certificate.payload, certificate.signature)
            assert verify_text(uow, text).status is VERDICT[certificate.state]
            assert state is EnrolmentState.CULMINADO
            assert ends_on is not None
            assert ends_on <= certificate.issued_on <= TODAY


def test_the_demo_key_opens_with_the_stated_passphrase(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    with database.unit_of_work(read_only=True) as uow:
        signer = signing_keys.open_signer(uow, "LURIGANCHO", TODAY, DEMO_KEY_PASSPHRASE)
    assert signer.key_id.startswith("LURIGANCHO-")
    assert DEMO_KEY_PASSPHRASE == "demo-clave-2026"
