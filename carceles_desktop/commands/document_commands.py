"""The monthly papers and the redemption record as PDF.

``planilla`` (attendance sheet), ``report`` (the workshop's monthly report) and
``redemption`` (a trainee's redemption record, an estimate).
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from carceles_desktop.commands.base import CommandEnv, ExitCode, commit_with_pdf, writing_unit
from carceles_desktop.services import work_documents, workshop_report


def _month(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month like 2026-11")
    return int(match.group(1)), int(match.group(2))


def _date(text: str) -> date:
    for parse in (date.fromisoformat, _dmy):
        try:
            return parse(text.strip())
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-30 or 30/11/2026")


def _dmy(text: str) -> date:
    day, month, year = text.split("/")
    return date(int(year), int(month), int(day))


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the document commands."""
    planilla = subparsers.add_parser("planilla", help="monthly attendance sheet (PDF)")
    planilla.add_argument("--workshop", required=True, metavar="CODE")
    planilla.add_argument("--month", required=True, type=_month, metavar="YYYY-MM")
    planilla.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    planilla.set_defaults(handler=run_planilla)

    report = subparsers.add_parser(
        "report", help="a workshop's monthly report: trainees, production, pay (PDF)"
    )
    report.add_argument("--workshop", required=True, metavar="CODE")
    report.add_argument("--month", required=True, type=_month, metavar="YYYY-MM")
    report.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    report.set_defaults(handler=run_report)

    redemption = subparsers.add_parser(
        "redemption", help="redemption record of a trainee (PDF, an estimate)"
    )
    redemption.add_argument("--trainee", required=True, metavar="DOC-OR-CODE")
    redemption.add_argument("--from", dest="start", required=True, type=_date, metavar="DATE")
    redemption.add_argument("--to", dest="end", required=True, type=_date, metavar="DATE")
    redemption.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    redemption.set_defaults(handler=run_redemption)


def run_planilla(env: CommandEnv) -> int:
    """Write the planilla PDF; the print is audited."""
    year, month = env.args.month
    with writing_unit(env, writes=False) as (ctx, uow):
        workshop_id = work_documents.find_workshop_id(uow, env.args.workshop)
        pdf = work_documents.planilla_pdf(uow, ctx.actor, workshop_id, year, month)
        commit_with_pdf(uow, env.args.out, pdf)
    print(f"Planilla escrita en {env.args.out}", file=env.out)
    return ExitCode.OK


def run_report(env: CommandEnv) -> int:
    """Write the workshop's monthly report PDF; the print is audited."""
    year, month = env.args.month
    with writing_unit(env, writes=False) as (ctx, uow):
        workshop_id = work_documents.find_workshop_id(uow, env.args.workshop)
        pdf = workshop_report.workshop_report_pdf(uow, ctx.actor, workshop_id, year, month)
        commit_with_pdf(uow, env.args.out, pdf)
    print(f"Informe mensual escrito en {env.args.out}", file=env.out)
    return ExitCode.OK


def run_redemption(env: CommandEnv) -> int:
    """Write the redemption record PDF; the print is audited."""
    with writing_unit(env, writes=False) as (ctx, uow):
        trainee_id = work_documents.find_trainee_id(uow, ctx.actor, env.args.trainee)
        pdf = work_documents.redemption_pdf(
            uow, ctx.actor, trainee_id, env.args.start, env.args.end
        )
        commit_with_pdf(uow, env.args.out, pdf)
    print(f"Constancia de redención (estimado) escrita en {env.args.out}", file=env.out)
    return ExitCode.OK
