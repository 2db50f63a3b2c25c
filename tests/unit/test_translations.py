"""The Spanish catalogue is complete, faithful to its placeholders, and compiled.

Refresh after changing user-visible strings (from the repository root):

    pyside6-lupdate -extensions py -no-obsolete -locations none -source-language en \
        -target-language es_PE carceles_desktop -ts resources/translations/carceles_es_PE.ts
    pyside6-lrelease resources/translations/carceles_es_PE.ts \
        -qm resources/translations/carceles_es_PE.qm
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "carceles_es_PE.ts"
QM = TS.with_suffix(".qm")
PACKAGE = ROOT / "carceles_desktop"

# {name} placeholders of str.format, and Qt's %1 / %n.
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%n|%\d")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    kind: str | None
    texts: tuple[str, ...]


def _entries(path: Path) -> list[Entry]:
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = translation.findall("numerusform")
            texts = tuple(form.text or "" for form in forms) if forms else (translation.text or "",)
            entries.append(
                Entry(name, message.findtext("source") or "", translation.get("type"), texts)
            )
    return entries


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is missing; it ships with PySide6-Essentials")
    return found


def _describe(entries: list[Entry]) -> str:
    return "\n".join(f"  [{e.context}] {e.source!r}" for e in entries)


def test_every_spanish_entry_is_finished_and_not_empty() -> None:
    entries = _entries(TS)
    assert entries, "the catalogue is empty"
    bad = [e for e in entries if e.kind is not None or not all(t.strip() for t in e.texts)]
    assert not bad, f"unfinished or empty Spanish translations:\n{_describe(bad)}"


def test_placeholders_match_their_source() -> None:
    def holders(text: str) -> list[str]:
        return sorted(_PLACEHOLDER.findall(text))

    bad = [
        e
        for e in _entries(TS)
        if any(holders(text) != holders(e.source) for text in e.texts if text)
    ]
    assert not bad, f"translations whose placeholders differ from the source:\n{_describe(bad)}"


def test_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    # lupdate on a copy: strings added to the code since the last refresh come out
    # unfinished, strings removed from it come out vanished.
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            str(PACKAGE),
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    stale = [e for e in _entries(copy) if e.kind is not None]
    assert not stale, (
        "the Spanish catalogue is out of date with the code (run pyside6-lupdate, translate, "
        f"then pyside6-lrelease; see this file's docstring):\n{_describe(stale)}"
    )


def test_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    assert QM.exists(), f"{QM.name} is missing: run pyside6-lrelease"
    fresh = tmp_path / QM.name
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == QM.read_bytes(), (
        f"{QM.name} is older than {TS.name} or differs from it: run pyside6-lrelease"
    )
