"""Composition root: command line or window, on the chosen database.

``carceles-desktop`` with a command runs it (see :mod:`carceles_desktop.cli`); without
one the window opens.  ``--demo`` opens a demo database kept apart from real records,
creating it on first use.

The window shows itself first and then opens the database
(:mod:`carceles_desktop.window_database`): the user sees the program at once, and the
questions of the start (in use elsewhere, damaged, who signs in) are asked over it.
This module therefore imports nothing of the database layer at the top.  The instance
lock is released when the window closes.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from carceles_desktop import cli
from carceles_desktop.commands.base import CommandEnv, ExitCode, read_password
from carceles_desktop.errors import AppError
from carceles_desktop.logging_setup import setup_logging

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from carceles_desktop.ui.launch import WindowStart
    from carceles_desktop.window_database import OpenedDatabase

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
    """Show the window, then open the database (creating the demo one if asked) in it."""
    env = CommandEnv(args)
    from carceles_desktop.ui.launch import WindowOptions, start_window

    if args.demo:
        _create_demo_database(env)
    opened: list[OpenedDatabase] = []

    def connect(window: QWidget) -> WindowStart | int:
        try:
            return _connect(env, window, opened)
        except AppError as exc:
            return _start_failed(exc, args, window)

    options = WindowOptions(
        lang=args.lang, demo=bool(args.demo), screenshot=args.screenshot, area=args.area
    )
    try:
        return start_window(options, connect)
    finally:
        for database in opened:
            database.close()


def _connect(env: CommandEnv, window: QWidget, opened: list[OpenedDatabase]) -> WindowStart | int:
    """Open the database over the shown window; sign in ``--user`` if given."""
    from carceles_desktop import window_database
    from carceles_desktop.ui.launch import WindowStart

    result = window_database.open_for_window(env.database_location(), create=True, parent=window)
    if isinstance(result, int):
        return result
    opened.append(result)
    authenticate = result.authenticator()
    first_run = window_database.prepare_first_run(result.database)
    args = env.args
    actor = authenticate(args.user, read_password(args.user)) if args.user else None
    return WindowStart(
        database=result.database,
        actor=actor,
        authenticate=authenticate,
        # A demo file opened by its path is marked DEMO too, and its login names the users.
        demo=bool(args.demo) or window_database.is_demo(result.database),
        lang=args.lang,
        screenshot=args.screenshot,
        area=args.area,
        first_run=first_run,
        read_only=result.read_only,
        heartbeat=result.lock.heartbeat if result.lock is not None else None,
    )


def _start_failed(error: AppError, args: argparse.Namespace, parent: QWidget | None = None) -> int:
    """Say why the window cannot go on: on the terminal, and in a box unless scripted."""
    print(f"carceles-desktop: {error}", file=sys.stderr)
    if args.screenshot is None:
        from carceles_desktop.ui import messages

        messages.show_error(parent, error)
    return ExitCode.FAILURE


def _create_demo_database(env: CommandEnv) -> None:
    """Create and fill the demo database the first time ``--demo`` is used."""
    location = env.database_location()
    if Path(location).exists():
        return
    from carceles_desktop.demo_database import create_demo_database

    Path(location).parent.mkdir(parents=True, exist_ok=True)
    print("Creando la base de datos de demostración…", file=sys.stderr)
    create_demo_database(location, scale="site")
