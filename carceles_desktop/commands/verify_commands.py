"""``verify`` a certificate, and ``keys create|list|revoke|export|import`` for signing keys.

``carceles-desktop verify TEXT-OR-PDF``: the argument is a PDF when it names a file
ending in ``.pdf``, ``-`` to read the code from standard input (a scanner, a pipe), and
otherwise the text of the code itself.  It prints the signed fields and the verdict in
Spanish.  Exit codes: **0 only when every certificate checked is valid**; 1 for any
other verdict (altered, unknown key, key not valid on the date, annulled, replaced,
unreadable) or a refused command; 2 for bad arguments.  Verifying needs no user and no
passphrase: it reads only public keys and the certificates' states.

The passphrase of ``keys create`` comes from ``CARCELES_KEY_PASSPHRASE`` or is asked
twice at the terminal; it is never an argument, so it stays out of shell history.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from carceles_desktop.commands.base import (
    CommandEnv,
    ExitCode,
    require_file_absent_or_empty,
    writing_unit,
)
from carceles_desktop.domain.rules.calendar import spanish_long_date
from carceles_desktop.domain.rules.certificate_payload import describe_id_hint
from carceles_desktop.errors import PermissionDenied, StorageUnavailable, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import key_revocation, key_sharing, signing_keys, verification
from carceles_desktop.services.verification import VerificationResult, VerificationStatus

PASSPHRASE_ENV = "CARCELES_KEY_PASSPHRASE"

#: The verdict, in the words printed on the terminal.
VERDICTS = {
    VerificationStatus.VALID: "VÁLIDO",
    VerificationStatus.ALTERED: "ALTERADO — no lo acepte",
    VerificationStatus.UNKNOWN_KEY: "CLAVE DESCONOCIDA — importe las claves públicas",
    VerificationStatus.KEY_NOT_VALID_ON_DATE: "CLAVE NO VIGENTE en la fecha de emisión",
    VerificationStatus.ANNULLED: "ANULADO",
    VerificationStatus.REPLACED: "REEMPLAZADO por otro certificado",
    VerificationStatus.UNREADABLE: "ILEGIBLE — no es un código de certificado",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``verify`` and ``keys``."""
    verify = subparsers.add_parser(
        "verify", help="verify a certificate from its QR text or its PDF (exit 0 only if valid)"
    )
    verify.add_argument("source", metavar="TEXT-OR-PDF", help="QR text, a .pdf file, or -")
    verify.set_defaults(handler=run_verify)

    keys = subparsers.add_parser("keys", help="the establishments' signing keys")
    actions = keys.add_subparsers(dest="keys_command", required=True)
    create = actions.add_parser("create", help="create a key (closes the previous one)")
    create.add_argument("--establishment", required=True, metavar="CODE")
    create.add_argument(
        "--valid-from", type=date.fromisoformat, metavar="YYYY-MM-DD", help="default: today"
    )
    create.set_defaults(handler=run_keys_create)
    listing = actions.add_parser("list", help="list the keys known here")
    listing.set_defaults(handler=run_keys_list)
    revoke = actions.add_parser(
        "revoke", help="end a key early because it may be compromised (cannot be undone)"
    )
    revoke.add_argument("key_id", metavar="KEY_ID")
    revoke.add_argument(
        "--last-day",
        required=True,
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the last day the key was surely safe",
    )
    revoke.add_argument("--reason", required=True, metavar="TEXT")
    revoke.set_defaults(handler=run_keys_revoke)
    export = actions.add_parser("export", help="write the public keys to a file")
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument("--establishment", metavar="CODE", help="only this establishment's")
    export.set_defaults(handler=run_keys_export)
    imports = actions.add_parser("import", help="import public keys from another installation")
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.set_defaults(handler=run_keys_import)


# --- verify -------------------------------------------------------------------------------


def run_verify(env: CommandEnv) -> int:
    """Verify and print; exit 0 only when every certificate found is valid."""
    source: str = env.args.source
    database = env.open()
    try:
        with database.unit_of_work(read_only=True) as uow:
            if source.lower().endswith(".pdf"):
                results = verification.verify_pdf_all(uow, Path(source))
            else:
                text = sys.stdin.read() if source == "-" else source
                results = [verification.verify_text(uow, text)]
    finally:
        database.dispose()
    for index, result in enumerate(results):
        if index:
            print(file=env.out)
        _print_result(env, result)
    ok = all(result.valid for result in results)
    return ExitCode.OK if ok else ExitCode.FAILURE


def _print_result(env: CommandEnv, result: VerificationResult) -> None:
    payload = result.payload
    if payload is not None:
        heading = (
            "Datos firmados" if result.signature_holds else "Datos del código (NO comprobados)"
        )
        print(f"{heading}:", file=env.out)
        rows = (
            ("Certificado N.°", payload.number),
            ("Establecimiento", payload.establishment_code),
            ("Nombre", payload.name),
            ("Documento", describe_id_hint(payload.id_hint)),
            ("Oficio", payload.trade),
            ("Horas", str(payload.hours)),
            (
                "Periodo",
                f"del {spanish_long_date(payload.start)} al {spanish_long_date(payload.end)}",
            ),
            ("Emitido el", spanish_long_date(payload.issued)),
            ("Clave", payload.key_id),
        )
        for label, value in rows:
            print(f"  {label + ':':17} {value}", file=env.out)
    print(f"Resultado: {VERDICTS[result.status]}", file=env.out)
    print(f"  {result.message.render()}", file=env.out)


# --- keys ---------------------------------------------------------------------------------


def read_passphrase(*, confirm: bool) -> str:
    """Read the key passphrase from CARCELES_KEY_PASSPHRASE or the terminal.

    Raises:
        PermissionDenied: neither is available.
        ValidationError: the two entries at the terminal differ.
    """
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "No passphrase: set CARCELES_KEY_PASSPHRASE or run in a terminal.",
            )
        )
    first = getpass.getpass("Frase de paso de la clave: ")
    if confirm and getpass.getpass("Repítala: ") != first:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The two passphrases differ; nothing was created."),
            field="passphrase",
        )
    return first


def run_keys_create(env: CommandEnv) -> int:
    """Create a signing key and print its id and fingerprint."""
    database = env.open()
    try:
        ctx = env.context(database, writes=True)
        passphrase = read_passphrase(confirm=True)
        with ctx.writing() as uow:
            row = signing_keys.create_signing_key(
                uow,
                ctx.actor,
                env.args.establishment,
                passphrase,
                valid_from=env.args.valid_from or date.today(),
            )
            uow.commit()
    finally:
        database.dispose()
    print(
        f"Clave creada: {row.key_id} ({row.establishment_code}, desde {row.valid_from}); "
        f"huella {row.fingerprint}",
        file=env.out,
    )
    return ExitCode.OK


def run_keys_list(env: CommandEnv) -> int:
    """Print the keys known here."""
    database = env.open()
    try:
        ctx = env.context(database, writes=False)
        with ctx.reading() as uow:
            rows = signing_keys.list_keys(uow, ctx.actor)
    finally:
        database.dispose()
    for row in rows:
        until = row.valid_to.isoformat() if row.valid_to else "vigente"
        origin = "propia" if row.has_private_key else "importada"
        print(
            f"{row.key_id:40} {row.valid_from} – {until:10} {origin:9} {row.fingerprint}",
            file=env.out,
        )
    return ExitCode.OK


def run_keys_revoke(env: CommandEnv) -> int:
    """Revoke a key made here after its last safe day; say what stops verifying."""
    args = env.args
    with writing_unit(env, writes=True) as (ctx, uow):
        effect = key_revocation.revocation_effect(uow, ctx.actor, args.key_id, args.last_day)
        row = key_revocation.revoke_signing_key(
            uow, ctx.actor, args.key_id, last_day=args.last_day, reason=args.reason
        )
        uow.commit()
    print(
        f"Clave revocada: {row.key_id}, válida hasta {row.valid_to}; "
        f"{effect.certificates_after} certificados emitidos aquí después de esa fecha dejan "
        "de verificarse. Cree una clave nueva y exporte las claves públicas.",
        file=env.out,
    )
    return ExitCode.OK


def run_keys_export(env: CommandEnv) -> int:
    """Write the public keys to a new file."""
    out: Path = env.args.out
    require_file_absent_or_empty(out)
    database = env.open()
    try:
        ctx = env.context(database, writes=True)
        with ctx.writing() as uow:
            data = key_sharing.export_public_keys(
                uow, ctx.actor, establishment_code=env.args.establishment
            )
            # The file first: if it cannot be written, the audit entry is rolled back.
            try:
                out.write_bytes(data)
            except OSError as exc:
                raise StorageUnavailable(
                    QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {reason}."),
                    path=str(out),
                    reason=exc.strerror or str(exc),
                ) from exc
            uow.commit()
    finally:
        database.dispose()
    print(f"Claves públicas escritas en {out}", file=env.out)
    return ExitCode.OK


def run_keys_import(env: CommandEnv) -> int:
    """Import a public-keys file and say what changed."""
    path: Path = env.args.file
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}."),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    with writing_unit(env, writes=True) as (ctx, uow):
        report = key_sharing.import_public_keys(uow, ctx.actor, data)
        uow.commit()
    print(
        f"Claves importadas: {len(report.added)} nuevas, {len(report.updated)} cerradas, "
        f"{len(report.unchanged)} sin cambios",
        file=env.out,
    )
    for key_id in report.added:
        print(f"  + {key_id}", file=env.out)
    return ExitCode.OK
