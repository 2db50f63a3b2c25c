"""The command line: ``carceles-desktop [--database URL] [--lang es|en] [COMMAND …]``.

With no command the window opens.  Every failure the user can do something about
prints one sentence to standard error and exits non-zero; nothing is half-written.
Exit codes (a contract with outside scripts): 0 done, 1 refused or failed, 2 bad
arguments or an import with bad rows.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from carceles_desktop import __version__
from carceles_desktop.commands import audit as audit_commands
from carceles_desktop.commands import (
    backup_commands,
    certificate_commands,
    delivery_commands,
    document_commands,
    import_commands,
    verify_commands,
)
from carceles_desktop.commands import database as database_commands
from carceles_desktop.commands import listing as listing_commands
from carceles_desktop.commands.base import CommandEnv, ExitCode
from carceles_desktop.errors import AppError

log = logging.getLogger(__name__)

#: Modules that add sub-commands; later features append theirs here.
COMMAND_MODULES = (
    database_commands,
    listing_commands,
    import_commands,
    document_commands,
    delivery_commands,
    verify_commands,
    backup_commands,
    audit_commands,
    certificate_commands,
)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one sentence and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(ExitCode.USAGE, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for the whole command line."""
    parser = _Parser(
        prog="carceles-desktop",
        description="Cárceles Productivas — Gestión de Talleres",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--database", metavar="URL", help="SQLite file or SQLAlchemy URL")
    parser.add_argument("--lang", choices=("es", "en"), default="es", help="language (es, en)")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="sign in as NAME (password from the terminal or the CARCELES_PASSWORD variable)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="use the demo database (created when missing)"
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        type=Path,
        help="render the main window to a PNG file once loaded, then exit",
    )
    parser.add_argument(
        "--area",
        metavar="NAME",
        help="open the window on this area (workshops, trainees, attendance, …)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def install_cli_translator(lang: str) -> None:
    """Translate service messages for the terminal with the same catalogue as the window."""
    from carceles_desktop import i18n

    if lang == "en":
        i18n.install_translator(None)
        return
    try:
        from PySide6.QtCore import QTranslator

        from carceles_desktop import resources

        translator = QTranslator()
        if translator.load(str(resources.path("translations/carceles_es_PE.qm"))):
            i18n.install_translator(lambda ctx, text: translator.translate(ctx, text) or text)
            # Keep the translator alive as long as the function that uses it.
            install_cli_translator.translator = translator  # type: ignore[attr-defined]
    except (ImportError, FileNotFoundError) as exc:
        log.warning("no translations for the command line: %s", exc)


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen command and turn expected failures into one-line messages."""
    env = CommandEnv(args)
    install_cli_translator(args.lang)
    try:
        return int(args.handler(env))
    except AppError as exc:
        print(f"carceles-desktop: {exc}", file=sys.stderr)
        return ExitCode.FAILURE
    except KeyboardInterrupt:
        print("carceles-desktop: interrumpido; no se guardó nada a medias.", file=sys.stderr)
        return 130


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line (exits 2 with one sentence on bad arguments)."""
    return build_parser().parse_args(argv)
