"""The three places the program runs from agree on where its files are.

The source tree, a wheel (hatch's force-include) and a PyInstaller bundle (build.spec)
must each put resources/ where :mod:`carceles_desktop.resources` looks, and the bundle
must carry the Alembic migrations as files.  The build itself is too slow for the suite;
here build.spec is executed with PyInstaller's build steps replaced by recorders.
"""

from __future__ import annotations

import ast
import importlib
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest

from carceles_desktop import resources

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "build.spec"
MIGRATIONS = "carceles_desktop/storage/migrations"


Calls = dict[str, tuple[tuple[Any, ...], dict[str, Any]]]


class _Recorder:
    """Stands in for Analysis, PYZ, EXE or COLLECT and remembers how it was called."""

    def __init__(self, name: str, calls: Calls) -> None:
        self.name = name
        self.calls = calls

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        self.calls[self.name] = (args, kwargs)
        return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """Run build.spec without building; return its namespace and the recorded calls."""
    calls: Calls = {}
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    # Marks what the spec asked for instead of importing every submodule.
    hooks.__dict__["collect_submodules"] = lambda name, **_: [f"{name}.<submodules>"]
    fakes = {"PyInstaller": types.ModuleType("PyInstaller")}
    fakes["PyInstaller.utils"] = types.ModuleType("PyInstaller.utils")
    fakes["PyInstaller.utils.hooks"] = hooks
    namespace: dict[str, Any] = {"SPECPATH": str(REPO), "__file__": str(SPEC)}
    namespace.update(
        {name: _Recorder(name, calls) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    )
    saved = {name: sys.modules.get(name) for name in fakes}
    sys.modules.update(fakes)
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    namespace["__calls__"] = calls
    return namespace


def _shipped(spec: dict[str, Any]) -> set[str]:
    """Return the bundle paths of every data file the spec hands to Analysis."""
    _, kwargs = spec["__calls__"]["Analysis"]
    return {f"{target}/{Path(source).name}" for source, target in kwargs["datas"]}


def test_spec_lists_every_resource_folder() -> None:
    namespace = _spec_constants()
    assert tuple(namespace["RESOURCE_FOLDERS"]) == tuple(resources.FOLDERS)


def _spec_constants() -> dict[str, Any]:
    """Return the spec's top-level constants (assignments of literals)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return found


@pytest.mark.parametrize("folder", resources.FOLDERS)
def test_spec_ships_every_file_of_each_resource_folder(spec: dict[str, Any], folder: str) -> None:
    source = REPO / "resources" / folder
    expected = {
        f"resources/{folder}/{p.relative_to(source).as_posix()}"
        for p in source.rglob("*")
        if p.is_file() and p.name != ".gitkeep"
    }
    assert expected <= _shipped(spec)


def test_spec_ships_the_migrations_as_files(spec: dict[str, Any]) -> None:
    source = REPO / MIGRATIONS
    expected = {
        f"{MIGRATIONS}/{p.relative_to(source).as_posix()}"
        for p in source.rglob("*")
        if p.suffix == ".py" and "__pycache__" not in p.parts
    }
    shipped = _shipped(spec)
    assert f"{MIGRATIONS}/versions/0001_baseline_the_whole_data_model.py" in expected
    assert expected | {f"{MIGRATIONS}/script.py.mako", f"{MIGRATIONS}/env.py"} <= shipped
    assert not any("__pycache__" in path or path.endswith(".pyc") for path in shipped)


def test_spec_builds_one_windowed_folder_from_the_package_entry_point(spec: dict[str, Any]) -> None:
    calls = spec["__calls__"]
    analysis_args, analysis = calls["Analysis"]
    assert [Path(p) for p in analysis_args[0]] == [REPO / "carceles_desktop" / "__main__.py"]
    _, exe = calls["EXE"]
    assert exe["name"] == "carceles-desktop"
    assert exe["console"] is False
    assert exe["exclude_binaries"] is True  # the binaries go to COLLECT: one folder
    assert calls["COLLECT"][1]["name"] == "carceles-desktop"
    hidden = set(analysis["hiddenimports"])
    assert {
        "alembic.<submodules>",
        "sqlalchemy.dialects.sqlite.<submodules>",
        "sqlalchemy.dialects.postgresql.<submodules>",
        "carceles_desktop.domain.models",
    } <= hidden
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick"} <= set(
        analysis["excludes"]
    )


def test_every_resource_folder_exists_in_the_source_tree() -> None:
    # git keeps no empty folder: each one needs a file (.gitkeep at least) to reach a clone.
    missing = [f for f in resources.FOLDERS if not (REPO / "resources" / f).is_dir()]
    assert not missing


def test_resources_resolve_to_the_source_tree() -> None:
    assert resources.root() == REPO / "resources"
    assert resources.path("catalogues/x.csv") == REPO / "resources" / "catalogues" / "x.csv"


@pytest.mark.parametrize("bad", ["../x", "catalogues/../../x", "/etc/passwd", ""])
def test_resource_paths_may_not_leave_the_folder(bad: str) -> None:
    with pytest.raises(ValueError, match="not a resource path"):
        resources.path(bad)


def _fresh_root() -> Path:
    """Call the resolver again, bypassing its cache (and leave no stale answer behind)."""
    resources.root.cache_clear()
    try:
        return resources.root()
    finally:
        resources.root.cache_clear()


def test_resolver_finds_the_bundle_folder_named_in_the_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resources" / "catalogues").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert _fresh_root() == tmp_path / "resources"


def test_wheel_places_resources_where_the_resolver_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hatch = _pyproject()["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert hatch["force-include"] == {"resources": "carceles_desktop/_resources"}
    # The resolver's first choice inside an installed package is that very folder.
    package = tmp_path / "carceles_desktop"
    (package / "_resources" / "catalogues").mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)
    assert _fresh_root() == package / "_resources"


def _pyproject() -> dict[str, Any]:
    with (REPO / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def test_console_script_points_at_a_callable() -> None:
    target = _pyproject()["project"]["scripts"]["carceles-desktop"]
    assert target == "carceles_desktop.app:main"
    module_name, _, attribute = target.partition(":")
    if not (REPO / (module_name.replace(".", "/") + ".py")).exists():
        pytest.skip(f"{module_name} is not written yet")
    assert callable(getattr(importlib.import_module(module_name), attribute))
