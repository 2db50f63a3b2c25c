"""``panel [--date YYYY-MM-DD]``: the Panel's figures on the terminal.

The same counts as the window's Panel (:func:`services.dashboard.read_dashboard`), for a
script that checks each evening that every workshop recorded its attendance: the exit
code is 0 when nothing is missing on a working day, 1 when some workshop still lacks
today's attendance.
"""

from __future__ import annotations

import argparse
from datetime import date

from carceles_desktop.commands.base import CommandEnv, ExitCode
from carceles_desktop.services import dashboard


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``panel``."""
    parser = subparsers.add_parser(
        "panel", help="the day's figures (exit 1 when a workshop lacks today's attendance)"
    )
    parser.add_argument(
        "--date", type=date.fromisoformat, metavar="YYYY-MM-DD", help="default: today"
    )
    parser.set_defaults(handler=run_panel)


def run_panel(env: CommandEnv) -> int:
    """Print the figures; exit 1 when attendance is missing on a working day."""
    database = env.open()
    try:
        ctx = env.context(database, writes=False)
        with ctx.reading() as uow:
            board = dashboard.read_dashboard(uow, ctx.actor, today=env.args.date)
    finally:
        database.dispose()
    out = env.out
    kind = "día laborable" if board.working_day else (board.holiday or "domingo")
    print(f"Panel del {board.today.isoformat()} ({kind})", file=out)
    print(
        f"{'taller':40} {'trabajan':>8} {'registr.':>8} {'faltan':>6} {'horas mes':>10}", file=out
    )
    for shop in board.workshops:
        print(
            f"{shop.name[:40]:40} {shop.working_today:8} {shop.recorded_today:8} "
            f"{shop.missing_today:6} {shop.month_hours:10}",
            file=out,
        )
    print(
        f"Pedidos vencidos o por vencer en {dashboard.DUE_SOON_DAYS} días: "
        f"{board.orders_due_count}",
        file=out,
    )
    for order in board.orders_due:
        late = " (vencido)" if order.overdue else ""
        print(f"  {order.number}  {order.due_on.isoformat()}{late}  {order.client}", file=out)
    print(
        f"Notas de entrega sin recibir: {board.deliveries_unreceived} "
        f"(borradores: {board.deliveries_draft})",
        file=out,
    )
    print(f"Culminados sin certificado: {board.awaiting_certificate}", file=out)
    missing = board.workshops_missing_today
    if missing:
        names = ", ".join(shop.code for shop in missing)
        print(f"Sin la asistencia de hoy: {names}", file=env.err)
        return ExitCode.FAILURE
    return ExitCode.OK
