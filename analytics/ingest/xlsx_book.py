"""What a workbook holds, read from its small parts before any sheet is parsed: the sheets in
their order (title, kind, whether visible, the part that holds it) and a sheet's declared size.

openpyxl learns the same while opening a workbook, but for a sheet without a ``<dimension>`` it
parses the whole sheet to find out, once per sheet, before a single row can be read."""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_STRICT_MAIN = "{http://purl.oclc.org/ooxml/spreadsheetml/main}"
_RELATION_ID = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}id",
)
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\s[^>]*?\bref="\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?"'
)


@dataclass(frozen=True)
class Sheet:
    title: str
    kind: str  # "worksheet", "chartsheet", "dialogsheet", "macrosheet" ...
    visible: bool
    part: str  # e.g. "xl/worksheets/sheet1.xml"


@dataclass(frozen=True)
class Area:
    """A sheet's declared cells, as its <dimension ref="A1:R200001"/> says."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @property
    def ref(self) -> str:
        return f"{column_letters(self.first_column)}{self.first_row}:{column_letters(self.last_column)}{self.last_row}"


def column_number(letters: str | bytes) -> int:
    number = 0
    for letter in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + (letter - 64)
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type's last word, target part) of ``part``."""
    folder, name = posixpath.split(part)
    try:
        root = ElementTree.fromstring(archive.read(posixpath.join(folder, "_rels", f"{name}.rels")))
    except KeyError:
        return {}
    found = {}
    for relation in root.iter(_RELS):
        target = relation.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[relation.get("Id", "")] = (relation.get("Type", "").rsplit("/", 1)[-1], target)
    return found


def sheets(archive: zipfile.ZipFile) -> list[Sheet]:
    """The workbook's sheets in tab order. Raises KeyError or ElementTree.ParseError when the
    workbook part is missing or damaged."""
    workbook = next(
        (target for kind, target in _relations(archive, "").values() if kind == "officeDocument"), "xl/workbook.xml"
    )
    relations = _relations(archive, workbook)
    root = ElementTree.fromstring(archive.read(workbook))
    found = []
    for element in root.iter():
        if element.tag not in (f"{_MAIN}sheet", f"{_STRICT_MAIN}sheet"):
            continue
        relation = next((element.get(key) for key in _RELATION_ID if element.get(key)), "")
        kind, part = relations.get(relation, ("", ""))
        found.append(Sheet(element.get("name", ""), kind, element.get("state", "visible") == "visible", part))
    return found


def declared_area(archive: zipfile.ZipFile, part: str) -> Area | None:
    """The sheet's <dimension>, read from the start of its part, or None when it declares none."""
    with archive.open(part) as source:
        head = source.read(1 << 16)
    match = _DIMENSION.search(head)
    if match is None:
        return None
    first_column, first_row = column_number(match.group(1)), int(match.group(2))
    if match.group(3) is None:
        return Area(first_row, first_column, first_row, first_column)
    return Area(first_row, first_column, int(match.group(4)), column_number(match.group(3)))
