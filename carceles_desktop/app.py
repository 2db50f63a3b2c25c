"""Composition root: command line or window, on the chosen database.

``carceles-desktop`` with a command runs it (see :mod:`carceles_desktop.cli`); without
one the window opens.  ``--demo`` opens a demo database kept apart from real records,
creating it on first use.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from carceles_desktop import cli
from carceles_desktop.commands.base import CommandEnv, ExitCode, read_password, sign_in
from carceles_desktop.errors import AppError
from carceles_desktop.logging_setup import setup_logging
from carceles_desktop.storage.unit_of_work import Database

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program; return the process exit code."""
    args = cli.parse(argv)
    try:
        log_path = setup_logging()
    except OSError:
        log_path = None
    try:
        if args.command:
            return cli.run_command(args)
        return run_window(args)
    except Exception:  # noqa: BLE001 - the last line of defence: log it, say where
        log.error("unexpected error\n%s", traceback.format_exc())
        print(
            "carceles-desktop: error inesperado; el detalle está en "
            f"{log_path or 'el registro'}. Ningún dato guardado se perdió.",
            file=sys.stderr,
        )
        return 70


def run_window(args: argparse.Namespace) -> int:
    """Open the database (creating the demo one if asked) and show the window."""
    env = CommandEnv(args)
    cli.install_cli_translator(args.lang)
    try:
        database = _open_for_window(env)
    except AppError as exc:
        print(f"carceles-desktop: {exc}", file=sys.stderr)
        return ExitCode.FAILURE
    from carceles_desktop.ui.launch import WindowStart
    from carceles_desktop.ui.launch import run_window as show

    actor = None
    try:
        first_run = _prepare_first_run(database)
        if args.user:
            actor = sign_in(database, args.user, read_password(args.user))
        start = WindowStart(
            database=database,
            actor=actor,
            authenticate=lambda name, password: sign_in(database, name, password),
            demo=bool(args.demo),
            lang=args.lang,
            screenshot=args.screenshot,
            area=args.area,
            first_run=first_run,
        )
        return show(start)
    except AppError as exc:
        print(f"carceles-desktop: {exc}", file=sys.stderr)
        return ExitCode.FAILURE
    finally:
        database.dispose()


def _open_for_window(env: CommandEnv) -> Database:
    """Open the database; on --demo create and fill it the first time."""
    if env.args.demo:
        from carceles_desktop.demo_database import create_demo_database

        location = env.database_location()
        if not Path(location).exists():
            Path(location).parent.mkdir(parents=True, exist_ok=True)
            print("Creando la base de datos de demostración…", file=sys.stderr)
            create_demo_database(location, scale="site")
    return env.open(create=True)


def _prepare_first_run(database: Database) -> bool:
    """Return True when the database has no user yet, loading the catalogues it lacks.

    The first-run wizard lists the establishments, so a brand-new database gets the
    shipped catalogues before it opens (committed on their own: they are the same for
    every installation, and loading them again adds nothing).
    """
    from carceles_desktop.services import catalogues, users
    from carceles_desktop.services.actor import Actor

    with database.unit_of_work(read_only=True) as uow:
        if users.has_users(uow):
            return False
        loaded = bool(catalogues.list_establishments(uow, include_inactive=True))
    if not loaded:
        with database.unit_of_work() as uow:
            catalogues.load_catalogues(uow, Actor.system())
            uow.commit()
    return True
