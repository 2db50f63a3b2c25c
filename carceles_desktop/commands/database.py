"""``init``, ``demo-data`` and ``check``: making and checking databases."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from carceles_desktop.commands.base import CommandEnv, ExitCode, read_password
from carceles_desktop.demo_database import create_demo_database
from carceles_desktop.domain.enums import Role
from carceles_desktop.errors import PermissionDenied
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services import catalogues
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.integrity import full_check
from carceles_desktop.storage.opening import refuse_foreign_file
from carceles_desktop.storage.unit_of_work import UnitOfWork


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the database commands."""
    init = subparsers.add_parser("init", help="create a database and load the catalogues")
    init.add_argument("--establishment", help="code of the establishment this installation serves")
    init.add_argument("--admin", metavar="NAME", help="create the first administrator")
    init.add_argument("--admin-name", metavar="FULL_NAME", help="his full name")
    init.set_defaults(handler=run_init)

    demo = subparsers.add_parser("demo-data", help="fill a new database with demo data")
    demo.add_argument("--scale", choices=("site", "national"), default="site")
    demo.add_argument("--seed", type=int, default=2026)
    demo.set_defaults(handler=run_demo_data)

    check = subparsers.add_parser("check", help="check integrity, foreign keys and schema")
    check.set_defaults(handler=run_check)


def run_init(env: CommandEnv) -> int:
    """Create (or bring up to date) the database and load the catalogues."""
    database = env.open(create=True)
    try:
        with database.unit_of_work(read_only=True) as uow:
            from carceles_desktop.services import users

            has_users = users.has_users(uow)
        actor = env.context(database, writes=True).actor if has_users else Actor.system()
        with database.unit_of_work() as uow:
            report = catalogues.load_catalogues(uow, actor)
            if env.args.establishment:
                from carceles_desktop.services import settings

                settings.update_settings(uow, actor, establishment_code=env.args.establishment)
            if env.args.admin:
                _create_first_admin(uow, actor, env.args, has_users)
            uow.commit()
        print(
            f"Base de datos lista: {database.target.describe()} "
            f"({report.total} registros de catálogo añadidos)",
            file=env.out,
        )
        return ExitCode.OK
    finally:
        database.dispose()


def _create_first_admin(
    uow: UnitOfWork, actor: Actor, args: argparse.Namespace, has_users: bool
) -> None:
    from carceles_desktop.services import users

    if has_users:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "This database has users already; add users as admin.")
        )
    users.create_user(
        uow,
        actor,
        username=args.admin,
        full_name=args.admin_name or args.admin,
        role=Role.ADMIN,
        password=read_password(args.admin),
    )


def run_demo_data(env: CommandEnv) -> int:
    """Fill a new database with deterministic demo data (complete, or not at all)."""
    location = env.database_location()
    if "://" not in location:
        Path(location).expanduser().absolute().parent.mkdir(parents=True, exist_ok=True)

    def progress(label: str, done: int, total: int) -> None:
        if env.err.isatty():
            text = Message("demo", label).render()
            print(f"\r{text}: {done}/{total}   ", end="", file=env.err, flush=True)

    report = create_demo_database(
        location, scale=env.args.scale, seed=env.args.seed, progress=progress
    )
    if env.err.isatty():
        print(file=env.err)
    print(
        f"Datos de demostración ({report.scale}) en {location}: "
        f"{report.establishments} establecimientos, {report.workshops} talleres, "
        f"{report.trainees} internos, {report.attendance_rows} asistencias, "
        f"{report.deliveries} entregas en {report.seconds:.1f} s",
        file=env.out,
    )
    return ExitCode.OK


def run_check(env: CommandEnv) -> int:
    """Run the full checks and print the report; exit 0 only when sound."""
    # Checking must change nothing: no schema upgrade, no file created.
    target = parse_target(env.database_location())
    engine = create_database_engine(target, must_exist=True)
    try:
        if target.sqlite_path is not None:
            refuse_foreign_file(target.sqlite_path)
        report = full_check(engine)
    finally:
        engine.dispose()
    for line in report.lines():
        print(line, file=env.out if report.ok else sys.stderr)
    return ExitCode.OK if report.ok else ExitCode.FAILURE
