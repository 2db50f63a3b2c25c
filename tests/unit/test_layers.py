"""The dependency rule of STYLE.md, checked on every module of the package.

Each module belongs to a layer by its place in the package; each layer may import only
the names its row allows.  Third-party packages are allowed by name, so a new dependency
fails here until someone decides which layer may use it and adds it to the table.
Imports are found at any depth (inside functions, under ``if TYPE_CHECKING``), relative
imports are resolved, and ``importlib.import_module("…")`` with a literal name counts.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "carceles_desktop"
PACKAGE_DIR = Path(__file__).resolve().parents[2] / PACKAGE
STDLIB = "<stdlib>"


def _pkg(*names: str) -> tuple[str, ...]:
    return tuple(f"{PACKAGE}.{name}" if name else PACKAGE for name in names)


BASE_MODULES = _pkg("errors", "i18n", "resources", "config")
#: Harmless from anywhere: the top package itself (its __init__ is stdlib-only) and its
#: version string.  Matched exactly, so ``carceles_desktop.storage`` is not let through.
ALWAYS_ALLOWED = (PACKAGE, f"{PACKAGE}.__version__")


@dataclass(frozen=True)
class Layer:
    """What the modules of one layer may import.

    Attributes:
        name: the layer's name in messages.
        allowed: module prefixes that may be imported (STDLIB for the standard library).
        forbidden: prefixes refused even inside an allowed one.
        anything: the wiring modules, which may import everything.
    """

    name: str
    allowed: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    anything: bool = False


DOMAIN = Layer(
    "domain",
    allowed=(STDLIB, "sqlalchemy", *_pkg("domain", "i18n", "errors")),
    # Declarations and types only: sessions and engines belong to storage.
    forbidden=(
        "sqlalchemy.orm.Session",
        "sqlalchemy.orm.session",
        "sqlalchemy.orm.sessionmaker",
        "sqlalchemy.orm.scoped_session",
        "sqlalchemy.create_engine",
        "sqlalchemy.engine.create_engine",
    ),
)
STORAGE = Layer(
    "storage",
    allowed=(
        STDLIB,
        "sqlalchemy",
        "alembic",
        *_pkg("domain", "storage", "config", "errors", "i18n"),
    ),
)
DOCUMENTS = Layer(
    "documents",
    # PIL comes with reportlab (its image support), so it is no new dependency.
    allowed=(
        STDLIB,
        "reportlab",
        "zxingcpp",
        "PIL",
        *_pkg("documents", "domain.enums", "domain.rules", "i18n", "resources"),
    ),
)
SERVICES = Layer(
    "services",
    # sqlalchemy: services build their queries (select, text) and run them on uow.session.
    allowed=(
        STDLIB,
        "sqlalchemy",
        "cryptography",
        "argon2",
        "openpyxl",
        *_pkg("services", "domain", "storage", "documents", "errors", "i18n", "resources"),
        *_pkg("config"),
    ),
)
UI = Layer(
    "ui",
    allowed=(
        STDLIB,
        "PySide6",
        "shiboken6",  # PySide6's own binding helper (object validity checks)
        *_pkg("ui", "services", "domain.enums", "domain.rules", "errors", "i18n", "resources"),
        *_pkg("config"),
    ),
)
WIRING = Layer("wiring", anything=True)
BASE = Layer("base", allowed=(STDLIB, "platformdirs", *BASE_MODULES))

#: First name under the package -> layer.  A module outside this table fails the test.
LAYERS = {
    "domain": DOMAIN,
    "storage": STORAGE,
    "documents": DOCUMENTS,
    "services": SERVICES,
    "ui": UI,
    "app": WIRING,
    "cli": WIRING,
    "commands": WIRING,  # the command line's sub-commands: part of cli
    "__main__": WIRING,
    "logging_setup": WIRING,
    "demo_database": WIRING,  # file handling around the demo generator, for app and cli
    "window_database": WIRING,  # the window's database: lock, read-only, restore
    "__init__": BASE,
    "errors": BASE,
    "i18n": BASE,
    "resources": BASE,
    "config": BASE,
}


@dataclass(frozen=True)
class Violation:
    """One import a module may not make."""

    file: str
    line: int
    module: str
    imported: str
    layer: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.layer} layer ({self.module}) imports {self.imported}"
        )


def module_name(path: Path, package_dir: Path = PACKAGE_DIR) -> str:
    """Return the dotted name of a source file of the package."""
    parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> Layer | None:
    """Return the layer a module belongs to, or None if the table does not place it."""
    parts = module.split(".")
    return LAYERS.get(parts[1] if len(parts) > 1 else "__init__")


def imported_names(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Return (line, dotted name) for every import in ``source``.

    ``from a import b`` gives ``a.b``: b may be a submodule or an attribute, and the
    rules match by prefix, so both are judged correctly.
    """
    tree = ast.parse(source)
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_from(node, package)
            if base == "__future__":
                continue
            found += [(node.lineno, f"{base}.{alias.name}".strip(".")) for alias in node.names]
        elif isinstance(node, ast.Call) and (name := _import_call_name(node)):
            found.append((node.lineno, name))
    return found


def _resolve_from(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    if node.level - 1 >= len(parts):
        raise ValueError(f"relative import beyond the top package at line {node.lineno}")
    anchor = parts[: len(parts) - (node.level - 1)]
    return ".".join([*anchor, node.module] if node.module else anchor)


def _import_call_name(node: ast.Call) -> str | None:
    """Return the module named by ``import_module("x")`` or ``__import__("x")``."""
    func = node.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if called not in {"import_module", "__import__"} or not node.args:
        return None
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return None if first.value.startswith(".") else first.value
    return None


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def is_allowed(layer: Layer, name: str) -> bool:
    """Tell whether a module of ``layer`` may import ``name``."""
    if layer.anything or name in ALWAYS_ALLOWED:
        return True
    if any(_matches(name, prefix) for prefix in layer.forbidden):
        return False
    top = name.partition(".")[0]
    if STDLIB in layer.allowed and top in sys.stdlib_module_names:
        return True
    return any(_matches(name, prefix) for prefix in layer.allowed if prefix != STDLIB)


def check_source(source: str, module: str, file: str, is_package: bool = False) -> list[Violation]:
    """Return the imports of one module that its layer forbids."""
    layer = layer_of(module)
    if layer is None:
        return [Violation(file, 1, module, "(module not placed in any layer)", "no")]
    return [
        Violation(file, line, module, name, layer.name)
        for line, name in imported_names(source, module, is_package)
        if not is_allowed(layer, name)
    ]


def package_modules() -> list[Path]:
    """Return every source file of the package, in a stable order."""
    return sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def _check_file(path: Path) -> list[Violation]:
    return check_source(
        path.read_text(encoding="utf-8"),
        module_name(path),
        str(path.relative_to(PACKAGE_DIR.parent)),
        is_package=path.name == "__init__.py",
    )


@pytest.mark.parametrize(
    "path", package_modules(), ids=lambda p: str(p.relative_to(PACKAGE_DIR.parent))
)
def test_module_imports_only_what_its_layer_allows(path: Path) -> None:
    violations = _check_file(path)
    assert not violations, "\n".join(str(v) for v in violations)


def test_the_walk_finds_the_package() -> None:
    names = {module_name(p) for p in package_modules()}
    assert {PACKAGE, f"{PACKAGE}.domain.base", f"{PACKAGE}.storage.engine"} <= names


# --- the checker itself -----------------------------------------------------------------


def _violations(source: str, module: str, is_package: bool = False) -> list[str]:
    return [v.imported for v in check_source(source, module, "x.py", is_package)]


def test_checker_catches_a_forbidden_import_inside_a_function() -> None:
    source = "def f():\n    from sqlalchemy import select\n    return select\n"
    found = check_source(source, f"{PACKAGE}.ui.views.trainees", "ui/views/trainees.py")
    assert [str(v) for v in found] == [
        f"ui/views/trainees.py:2: ui layer ({PACKAGE}.ui.views.trainees) imports sqlalchemy.select"
    ]


def test_checker_resolves_relative_imports() -> None:
    module = f"{PACKAGE}.storage.backup"
    assert _violations("from ..ui import main_window\n", module) == [f"{PACKAGE}.ui.main_window"]
    assert _violations("from . import engine\nfrom ..domain import models\n", module) == []
    # In a package's __init__, "." is the package itself.
    assert _violations("from .views import x\n", f"{PACKAGE}.ui", is_package=True) == []
    assert _violations("from .. import errors\n", f"{PACKAGE}.ui", is_package=True) == []


def test_checker_refuses_sessions_and_engines_in_the_domain() -> None:
    module = f"{PACKAGE}.domain.trainees"
    assert _violations("from sqlalchemy.orm import Mapped, Session\n", module) == [
        "sqlalchemy.orm.Session"
    ]
    assert _violations("from sqlalchemy import create_engine, String\n", module) == [
        "sqlalchemy.create_engine"
    ]
    assert _violations("import sqlalchemy as sa\nfrom sqlalchemy.orm import Mapped\n", module) == []


def test_checker_refuses_unknown_third_party_packages() -> None:
    module = f"{PACKAGE}.services.reports"
    assert _violations("import pandas\nimport json\n", module) == ["pandas"]
    assert _violations("import PySide6.QtCore\n", module) == ["PySide6.QtCore"]


def test_checker_sees_import_module_with_a_literal_name() -> None:
    source = "import importlib\nm = importlib.import_module('PySide6.QtWidgets')\n"
    assert _violations(source, f"{PACKAGE}.documents.certificate") == ["PySide6.QtWidgets"]


def test_checker_allows_documents_only_enums_and_rules_of_the_domain() -> None:
    module = f"{PACKAGE}.documents.certificate"
    assert _violations("from carceles_desktop.domain.enums import Sex\n", module) == []
    assert _violations("from carceles_desktop.domain import rules\n", module) == []
    assert _violations("from carceles_desktop.domain.models import Trainee\n", module) == [
        f"{PACKAGE}.domain.models.Trainee"
    ]


def test_checker_lets_every_layer_import_the_top_package_only() -> None:
    module = f"{PACKAGE}.ui.about"
    assert (
        _violations("import carceles_desktop\nfrom carceles_desktop import __version__\n", module)
        == []
    )
    assert _violations("from carceles_desktop import storage\n", module) == [f"{PACKAGE}.storage"]


def test_checker_lets_the_wiring_import_anything() -> None:
    assert _violations("import PySide6\nimport sqlalchemy\n", f"{PACKAGE}.app") == []


def test_checker_fails_a_module_outside_the_table() -> None:
    assert _violations("import json\n", f"{PACKAGE}.gadgets") == [
        "(module not placed in any layer)"
    ]


def test_base_modules_import_only_the_standard_library_and_each_other() -> None:
    assert _violations("import platformdirs\nfrom . import i18n\n", f"{PACKAGE}.config") == []
    assert _violations("from carceles_desktop.domain import enums\n", f"{PACKAGE}.errors") == [
        f"{PACKAGE}.domain.enums"
    ]
