"""``certificates eligible|issue|print|annul|replace``, and ``list certificates``.

``certificates issue --workshop CODE --out FILE.pdf`` (or ``--out-dir DIR``, one file
per person) issues, in one transaction, every eligible trainee of the workshop and
then prints them.  The key's passphrase comes from ``CARCELES_KEY_PASSPHRASE`` or the
terminal, never from an argument.  ``print`` reprints (DUPLICADO), ``annul`` annuls
with a reason, ``replace`` issues a new number from the corrected records.  Every
command that writes needs ``--user``.  Exit codes: 0 done (also when nobody was
eligible: nothing to do), 1 refused or failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from carceles_desktop.commands import listing
from carceles_desktop.commands.base import (
    CommandEnv,
    ExitCode,
    commit_with_pdf,
    require_file_absent_or_empty,
    writing_unit,
)
from carceles_desktop.commands.verify_commands import read_passphrase
from carceles_desktop.documents.base import write_atomically
from carceles_desktop.domain.enums import CertificateState
from carceles_desktop.domain.rules.serials import parse_certificate_number
from carceles_desktop.errors import AppError
from carceles_desktop.services import certificate_batch, certificate_queries, certificates
from carceles_desktop.services.certificate_batch import BatchIssueResult
from carceles_desktop.services.certificate_eligibility import eligible_enrolments
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.work_documents import find_workshop_id
from carceles_desktop.storage.unit_of_work import SqlUnitOfWork

LIST_COLUMNS = (
    ("number", "number"),
    ("state", "state"),
    ("issued_on", "issued_on"),
    ("name", "trainee_name"),
    ("document", "doc_number"),
    ("inmate_code", "inmate_code"),
    ("trade", "trade"),
    ("hours", "total_hours"),
    ("workshop", "workshop_code"),
    ("reprints", "reprint_count"),
)


def _date(text: str) -> date:
    found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text.strip())
    try:
        if found:
            return date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-30 or 30/11/2026")


def _number(text: str) -> str:
    try:
        parse_certificate_number(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a certificate number like EP-LURIGANCHO-2026-000123"
        ) from None
    return text.strip().upper()


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``certificates`` and its actions."""
    _register_list()
    parser = subparsers.add_parser("certificates", help="training certificates")
    actions = parser.add_subparsers(dest="certificates_command", required=True)

    eligible = actions.add_parser("eligible", help="who may be certified, and what others miss")
    eligible.add_argument("--workshop", required=True, metavar="CODE")
    eligible.add_argument("--all", action="store_true", help="also those not eligible yet")
    eligible.set_defaults(handler=run_eligible)

    issue = actions.add_parser("issue", help="issue every eligible trainee of a workshop")
    issue.add_argument("--workshop", required=True, metavar="CODE")
    where = issue.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE.pdf", help="one PDF with every page")
    where.add_argument("--out-dir", type=Path, metavar="DIR", help="one PDF per person")
    issue.add_argument("--pattern", default=certificate_batch.DEFAULT_FILE_PATTERN)
    issue.add_argument("--on", type=_date, metavar="DATE", help="day of issue (default: today)")
    issue.set_defaults(handler=run_issue)

    reprint = actions.add_parser("print", help="reprint certificates (marked DUPLICADO)")
    reprint.add_argument("numbers", nargs="+", type=_number, metavar="NUMBER")
    reprint.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    reprint.add_argument("--on", type=_date, metavar="DATE", help="reprint day (default: today)")
    reprint.set_defaults(handler=run_print)

    annul = actions.add_parser("annul", help="annul a certificate (its number stays used)")
    annul.add_argument("number", type=_number, metavar="NUMBER")
    annul.add_argument("--reason", required=True)
    annul.add_argument("--on", type=_date, metavar="DATE", help="default: today")
    annul.set_defaults(handler=run_annul)

    replace = actions.add_parser("replace", help="replace a certificate by a new number")
    replace.add_argument("number", type=_number, metavar="NUMBER")
    replace.add_argument("--reason", required=True)
    replace.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    replace.add_argument("--on", type=_date, metavar="DATE", help="default: today")
    replace.set_defaults(handler=run_replace)


def _register_list() -> None:
    def fetch(ctx: ServiceContext, search: str, offset: int, limit: int) -> Sequence[Any]:
        with ctx.reading() as uow:
            return certificate_queries.search_certificates(
                uow, ctx.actor, text=search, offset=offset, limit=limit
            )

    listing.add_list("certificates", LIST_COLUMNS, fetch)


# The list kind exists as soon as this module is imported, whatever the order in which
# the command line registers its modules (``list`` builds its choices when registered).
_register_list()


def _on(env: CommandEnv) -> date:
    return env.args.on or date.today()


def run_eligible(env: CommandEnv) -> int:
    """Print the workshop's enrolments that may be certified (and, with --all, the rest)."""
    database = env.open()
    try:
        ctx = env.context(database, writes=False)
        with ctx.reading() as uow:
            workshop_id = find_workshop_id(uow, env.args.workshop)
            rows = eligible_enrolments(uow, ctx.actor, workshop_id, include_ineligible=env.args.all)
    finally:
        database.dispose()
    for row in rows:
        verdict = "APTO" if row.eligible else "no apto"
        print(
            f"{row.inmate_code:12} {row.trainee_name:45} {row.hours:>8} h  {verdict}",
            file=env.out,
        )
        for message in row.missing:
            print(f"    - {message.render()}", file=env.out)
    eligible = sum(1 for row in rows if row.eligible)
    print(f"({eligible} aptos de {len(rows)})", file=env.out)
    return ExitCode.OK


def _prepare_target(env: CommandEnv) -> None:
    if env.args.out is not None:
        require_file_absent_or_empty(env.args.out)
    else:
        env.args.out_dir.mkdir(parents=True, exist_ok=True)


def _print_batch(env: CommandEnv, result: BatchIssueResult) -> None:
    numbers = [row.number for row in result.issued]
    span = f" ({numbers[0]} … {numbers[-1]})" if numbers else ""
    print(f"Certificados emitidos: {len(numbers)}{span}", file=env.out)
    for row in result.issued:
        print(f"  {row.number}  {row.trainee_name}", file=env.out)
    for skipped in result.skipped:
        reasons = " ".join(message.render() for message in skipped.reasons)
        print(f"  omitido: {skipped.trainee_name} — {reasons}", file=env.out)


def _write_issued(env: CommandEnv, ctx: ServiceContext, ids: list[int]) -> None:
    with ctx.writing() as uow:
        if env.args.out is not None:
            pdf = certificate_batch.render_certificates(uow, ctx.actor, ids)
            write_atomically(env.args.out, pdf)
            where = str(env.args.out)
        else:
            paths = certificate_batch.write_certificate_files(
                uow, ctx.actor, ids, env.args.out_dir, pattern=env.args.pattern
            )
            where = f"{len(paths)} archivos en {env.args.out_dir}"
        uow.commit()
    print(f"Impresos en {where}", file=env.out)


def run_issue(env: CommandEnv) -> int:
    """Issue the workshop's eligible trainees in one transaction, then print them."""
    _prepare_target(env)
    database = env.open()
    try:
        ctx = env.context(database, writes=True)
        with ctx.reading() as uow:
            workshop_id = find_workshop_id(uow, env.args.workshop)
            ready = eligible_enrolments(uow, ctx.actor, workshop_id)
        if not ready:
            print("Ningún interno del taller está apto para certificar.", file=env.out)
            return ExitCode.OK
        passphrase = read_passphrase(confirm=False)
        result = certificate_batch.issue_certificates(
            database,
            ctx.actor,
            [row.enrolment_id for row in ready],
            passphrase=passphrase,
            on=_on(env),
        )
        _print_batch(env, result)
        if result.issued:
            try:
                _write_issued(env, ctx, result.certificate_ids)
            except (AppError, OSError):
                print(
                    "Los certificados quedaron emitidos, pero no se pudo escribir el PDF; "
                    "reimprímalos con «certificates print».",
                    file=env.err,
                )
                raise
    finally:
        database.dispose()
    return ExitCode.OK


def run_print(env: CommandEnv) -> int:
    """Reprint certificates into one PDF, each marked DUPLICADO; the reprints are counted."""
    require_file_absent_or_empty(env.args.out)
    with writing_unit(env, writes=True) as (ctx, uow):
        ids = [
            certificate_queries.find_certificate(uow, ctx.actor, number).id
            for number in env.args.numbers
        ]
        pdf = certificates.reprint_certificates(uow, ctx.actor, ids, on=_on(env))
        # The file first: if it cannot be written, the reprints are not counted.
        commit_with_pdf(uow, env.args.out, pdf)
    print(f"{len(ids)} certificados reimpresos (DUPLICADO) en {env.args.out}", file=env.out)
    return ExitCode.OK


def run_annul(env: CommandEnv) -> int:
    """Annul one certificate."""
    with writing_unit(env, writes=True) as (ctx, uow):
        found = certificate_queries.find_certificate(uow, ctx.actor, env.args.number)
        row = certificates.annul_certificate(
            uow, ctx.actor, found.id, reason=env.args.reason, on=_on(env)
        )
        uow.commit()
    print(f"Certificado {row.number} anulado el {row.annulled_on}", file=env.out)
    return ExitCode.OK


def _commit_with_file(uow: SqlUnitOfWork, path: Path, content: bytes) -> None:
    """Commit, then show the file: a paper never names a number a failed commit gives back."""
    pending = path.with_name(f".{path.name}.pending")
    write_atomically(pending, content)
    try:
        uow.commit()
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    os.replace(pending, path)


def run_replace(env: CommandEnv) -> int:
    """Replace a certificate by a new one from the current records, and print it."""
    require_file_absent_or_empty(env.args.out)
    database = env.open()
    try:
        ctx = env.context(database, writes=True)
        passphrase = read_passphrase(confirm=False)
        with ctx.writing() as uow:
            found = certificate_queries.find_certificate(uow, ctx.actor, env.args.number)
            row = certificates.replace_certificate(
                uow,
                ctx.actor,
                found.id,
                passphrase=passphrase,
                on=_on(env),
                reason=env.args.reason,
            )
            pdf = certificate_batch.render_certificates(uow, ctx.actor, [row.id])
            _commit_with_file(uow, env.args.out, pdf)
    finally:
        database.dispose()
    state = CertificateState.REEMPLAZADO.value
    print(
        f"Certificado {found.number} {state}; el nuevo es {row.number} ({env.args.out})",
        file=env.out,
    )
    return ExitCode.OK
