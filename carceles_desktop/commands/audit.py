"""``audit verify``: walk the audit log's hash chain."""

from __future__ import annotations

import argparse

from carceles_desktop.commands.base import CommandEnv, ExitCode
from carceles_desktop.services import audit
from carceles_desktop.services.permissions import Action, require


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``audit verify``."""
    parser = subparsers.add_parser("audit", help="the audit log")
    actions = parser.add_subparsers(dest="audit_command", required=True)
    verify = actions.add_parser("verify", help="check that no entry was altered or removed")
    verify.set_defaults(handler=run_verify)


def run_verify(env: CommandEnv) -> int:
    """Exit 0 when the chain is intact; otherwise name the first broken entry."""
    database = env.open()
    try:
        ctx = env.context(database, writes=False)
        if ctx.actor.user_id is not None:
            require(ctx.actor, Action.VIEW_AUDIT)
        with ctx.reading() as uow:
            report = audit.verify_chain(uow)
    finally:
        database.dispose()
    if report.intact:
        print(
            f"Registro de auditoría íntegro: {report.checked} entradas verificadas.", file=env.out
        )
        return ExitCode.OK
    print(
        f"Registro de auditoría ALTERADO: la entrada {report.first_broken_seq} no cuadra "
        f"({_reason(report.reason)}); {report.checked} entradas anteriores están bien.",
        file=env.err,
    )
    return ExitCode.FAILURE


def _reason(reason: str | None) -> str:
    """The chain check's finding in the words of the rest of this output."""
    text = reason or ""
    if "edited" in text:
        return "su contenido cambió después de escrita"
    if "link" in text:
        return "falta una entrada anterior, o se insertó una"
    return text
