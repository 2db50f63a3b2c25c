"""``delivery-note NUMBER --out FILE.pdf``: a delivery note as PDF; the print is counted.

The number is unique per establishment: it is looked up in ``--establishment``, else
in the user's establishment, else in the one the installation serves.  The first print
of a note is the original; later ones say COPIA (``--copy`` forces the mark).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from carceles_desktop.commands.base import CommandEnv, ExitCode, commit_with_pdf, writing_unit
from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import delivery_printing


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the delivery-note command."""
    note = subparsers.add_parser("delivery-note", help="delivery note by number (PDF)")
    note.add_argument("number", metavar="NUMBER", help="e.g. NE01-000001")
    note.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    note.add_argument(
        "--establishment", metavar="CODE", help="the establishment of the note (code or name)"
    )
    note.add_argument(
        "--copy", action="store_true", help="mark it COPIA even if it was never printed"
    )
    note.set_defaults(handler=run_delivery_note)


def run_delivery_note(env: CommandEnv) -> int:
    """Write the note's PDF; the print is counted and audited only once it is written."""
    out: Path = env.args.out
    if not out.parent.is_dir():
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("errors", "The folder {path} does not exist."), path=str(out.parent)
        )
    # Like the planilla: reading, plus the audited count of the print.
    with writing_unit(env, writes=False) as (ctx, uow):
        delivery_id = delivery_printing.find_delivery_id(
            uow, ctx.actor, env.args.number, establishment=env.args.establishment
        )
        printed = delivery_printing.print_delivery_note(
            uow, ctx.actor, delivery_id, copy=True if env.args.copy else None
        )
        commit_with_pdf(uow, out, printed.pdf)
    kind = "copia" if printed.copy else "original"
    print(
        f"Nota de entrega {printed.number or 'borrador'} ({kind}) escrita en {out}",
        file=env.out,
    )
    return ExitCode.OK
