"""Finding the formula cells of a sheet that carry no saved value.

Excel saves each formula's last result in the cell's ``<v>`` element (empty, in a cell
typed ``t="str"``, for a formula that yields ""); openpyxl's ``data_only`` mode reads
that result.  A program that writes formulas without calculating them (openpyxl itself,
many report generators) saves no ``<v>``, or an empty one, and the cell then reads as
empty: an import must refuse it rather than take it for a blank.

The sheet's XML is searched as bytes: a sheet without formulas costs one fast search,
and one with formulas costs a few string operations per formula cell.  Should a formula
cell not look as Excel, LibreOffice and openpyxl write them (no ``r`` reference, an
unusual tag), the whole sheet is walked with ElementTree instead, which is exact but
several times slower.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # noqa: N817 - the usual short name
from io import BytesIO

Cells = frozenset[tuple[int, int]]

_PREFIX = rb"(?:([A-Za-z_][\w.-]*):)?"
_SHEET_DATA = re.compile(rb"<" + _PREFIX + rb"sheetData[\s>/]")
# A formula element: <f>, <f t="shared" …/>, <x:f>.
_FORMULA = re.compile(rb"<" + _PREFIX + rb"f[\s>/]")
_REFERENCE = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"')
_TYPE = re.compile(rb'\st="([A-Za-z]+)"')
_TAG_END = b" \t\r\n>/"
_TEXT_TYPES = frozenset({"str", "inlineStr"})


def formula_cells_without_value(sheet: bytes) -> Cells:
    """Return ``(row, 0-based column)`` of each formula cell without a saved value.

    Args:
        sheet: the XML of one worksheet part (``xl/worksheets/sheetN.xml``).

    Raises:
        xml.etree.ElementTree.ParseError: the XML is broken (only when walked).
    """
    start = _SHEET_DATA.search(sheet)
    if start is None:
        return frozenset()
    prefix = _qualified(start.group(1))
    end = sheet.find(b"</" + prefix + b"sheetData>", start.end())
    # Formulas after the cells (conditional formats, data-validation lists) are no cells.
    end = len(sheet) if end < 0 else end
    if _FORMULA.search(sheet, start.end(), end) is None:
        return frozenset()
    found = _scan(sheet, start.end(), end)
    return found if found is not None else _walk(sheet)


def _qualified(prefix: bytes | None) -> bytes:
    return prefix + b":" if prefix else b""


def _cell_start(sheet: bytes, tag: bytes, begin: int, before: int) -> int:
    """Position of the last ``<c`` start tag (not ``<col``…) between begin and before."""
    while (position := sheet.rfind(tag, begin, before)) >= 0:
        if sheet[position + len(tag) : position + len(tag) + 1] in (b" ", b"\t", b"\r", b"\n"):
            return position
        before = position
    return -1


def _scan(sheet: bytes, begin: int, end: int) -> Cells | None:
    """The byte search; ``None`` when a formula cell is not in the expected shape."""
    found: set[tuple[int, int]] = set()
    for match in _FORMULA.finditer(sheet, begin, end):
        prefix = _qualified(match.group(1))
        opened = _cell_start(sheet, b"<" + prefix + b"c", begin, match.start())
        head_end = sheet.find(b">", opened, match.start()) if opened >= 0 else -1
        closed = sheet.find(b"</" + prefix + b"c>", match.end(), end)
        if head_end < 0 or closed < 0:
            return None
        head = sheet[opened:head_end]
        reference = _REFERENCE.search(head)
        if reference is None:
            return None
        kind = _TYPE.search(head)
        body = sheet[head_end + 1 : closed]
        if _lacks_value(body, prefix, kind.group(1).decode() if kind else "n"):
            from openpyxl.utils.cell import column_index_from_string

            column = column_index_from_string(reference.group(1).decode()) - 1
            found.add((int(reference.group(2)), column))
    return frozenset(found)


def _lacks_value(body: bytes, prefix: bytes, kind: str) -> bool:
    if re.search(b"<" + re.escape(prefix) + rb"is[\s>]", body):
        return False  # an inline string is a value
    value = re.search(b"<" + re.escape(prefix) + rb"v(?:\s[^>]*?)?(/?)>", body)
    if value is None:
        return True
    empty = value.group(1) == b"/" or body.startswith(b"</" + prefix + b"v>", value.end())
    # An empty <v/> is a saved value only for a formula that yields text ("" from
    # =IF(…;"";…)); openpyxl writes <v/> in a number cell to mean "not calculated".
    return empty and kind not in _TEXT_TYPES


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _walk(sheet: bytes) -> Cells:
    """The exact, slower search: every cell of the sheet through ElementTree."""
    found: set[tuple[int, int]] = set()
    row = column = 0
    for event, element in ET.iterparse(BytesIO(sheet), events=("start", "end")):
        name = _local(element.tag)
        if event == "start":
            if name == "row":
                row, column = int(element.get("r") or row + 1), -1
            continue
        if name == "c":
            reference = element.get("r")
            if reference:
                from openpyxl.utils.cell import coordinate_to_tuple

                row, first_based = coordinate_to_tuple(reference)
                column = first_based - 1
            else:
                column += 1
            if _element_lacks_value(element):
                found.add((row, column))
            element.clear()
        elif name == "row":
            element.clear()
    return frozenset(found)


def _element_lacks_value(cell: ET.Element) -> bool:
    children = {_local(child.tag): child for child in cell}
    if "f" not in children or "is" in children:
        return False
    value = children.get("v")
    if value is not None and value.text:
        return False
    return value is None or cell.get("t") not in _TEXT_TYPES
