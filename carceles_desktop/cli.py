"""The command line: ``carceles-desktop [--database URL] [--lang es|en] [COMMAND …]``.

With no command the window opens.  Every failure the user can do something about
prints one sentence to standard error and exits non-zero; nothing is half-written.
Exit codes (a contract with outside scripts): 0 done, 1 refused or failed, 2 bad
arguments or an import with bad rows.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from carceles_desktop import __version__
from carceles_desktop.commands.base import CommandEnv, ExitCode
from carceles_desktop.errors import AppError

log = logging.getLogger(__name__)

#: Modules that add sub-commands (under carceles_desktop.commands); later features add
#: theirs here.  Imported only when a command is given: the window starts without them.
COMMAND_MODULES = (
    "database",
    "listing",
    "import_commands",
    "document_commands",
    "delivery_commands",
    "verify_commands",
    "backup_commands",
    "audit",
    "certificate_commands",
    "panel_command",
)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one sentence and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(ExitCode.USAGE, f"{self.prog}: {message} (see --help)\n")


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """Return the parser for the whole command line (or only its global options)."""
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
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"carceles_desktop.commands.{name}").register(subparsers)
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
        from carceles_desktop.ui import pyside_imports

        # Documents (reportlab, openpyxl) are imported after this: see pyside_imports.
        pyside_imports.skip_source_scan()

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
    """Parse the command line (exits 2 with one sentence on bad arguments).

    Without a command only the global options are parsed, so that opening the window
    does not import every command's services (about a second of start-up).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if not any(arg in ("-h", "--help") for arg in args):
        known, rest = build_parser(with_commands=False).parse_known_args(args)
        if not rest:
            known.command = None
            return known
    return build_parser().parse_args(args)
