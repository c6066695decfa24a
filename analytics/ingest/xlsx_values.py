"""The quick way through a worksheet that holds only values.

openpyxl reads a sheet cell by cell in Python, which is careful but slow (about 45 s for 200,000
rows of 18 columns). python-calamine reads the same sheet in Rust in a second or two, but it keeps
the sheet as a dense grid, gives an error cell as an empty one, reads a formula as its cached value,
and cannot see a number format such as ``000``. So a sheet is first scanned as a byte stream, and
calamine is used only when the scan proves none of that matters:

- every cell carries its reference, so the grid's true extent is known (a 5 KB file with one cell at
  XFD1048576 would otherwise make a 17-billion-cell grid), and that extent is within the cell limit;
- no cell holds a formula or an error, and no number format pads with zeros.

Anything else returns ``None`` and the careful reader takes the sheet; both give the same rows."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

from analytics.ingest.xlsx_book import column_number

#: A cell's reference: ' r="AB12"' (a row's ' r="12"' has no letters and does not match).
_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
#: What only the careful reader handles: a formula element (prefixed or not), an error cell.
_NEEDS_CARE = (b"<f>", b"<f ", b"<f/>", b":f>", b":f ", b":f/>", b't="e"', b"t='e'")
_ZERO_PADDED_FORMAT = re.compile(rb'formatCode="0{2,}"')
_BLOCK = 1 << 22
#: Above this, a float no longer holds every integer: the careful reader keeps the digits as written.
_EXACT_INTEGER = 2**53


def plain_extent(archive: zipfile.ZipFile, sheet_part: str) -> tuple[int, int] | None:
    """(last row, last column) of a sheet whose cells are plain values, or None when it needs
    the careful reader. The part is streamed in blocks cut before a '<', so no tag is split."""
    try:
        styles = archive.read("xl/styles.xml")
    except KeyError:
        styles = b""
    if _ZERO_PADDED_FORMAT.search(styles):
        return None
    cells = references = 0
    columns: set[bytes] = set()
    last_row = 0
    tail = b""
    with archive.open(sheet_part) as source:
        first = True
        while True:
            chunk = source.read(_BLOCK)
            block = tail + chunk
            if first:
                if b"<worksheet" not in block:
                    return None  # a namespace prefix (<x:worksheet>): the careful reader's job
                first = False
            cut = block.rfind(b"<") if chunk else len(block)
            if cut <= 0 and chunk:
                tail = block  # one tag longer than a block: read on
                continue
            part = block[:cut]
            if any(mark in part for mark in _NEEDS_CARE) or b"<c>" in part or b"<c/>" in part:
                return None
            found = _CELL_REF.findall(part)
            cells += part.count(b"<c ")
            references += len(found)
            if found:
                columns.update(letters for letters, _ in found)
                last_row = max(last_row, max(map(int, {digits for _, digits in found})))
            tail = block[cut:]
            if not chunk:
                break
    if cells != references:  # a cell without its reference, or a stray r="A1"
        return None
    last_column = max(map(column_number, columns), default=0)
    return last_row, last_column


def read_values(data: bytes, sheet_name: str) -> list[list[object]] | None:
    """Every row of the sheet from A1, values as the careful reader gives them (strings stripped,
    an empty cell None, a date a datetime, a whole number an int), or None when a value needs the
    careful reader (an integer too long for a float)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            grid = book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
        finally:
            book.close()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # a damaged part (a Rust panic is a BaseException): the careful reader names it
        return None
    for row in grid:
        for position, value in enumerate(row):
            if value.__class__ is str:
                row[position] = value.strip() or None
            elif value.__class__ is float:
                if value.is_integer():
                    if abs(value) >= _EXACT_INTEGER:
                        return None
                    row[position] = int(value)
            elif value.__class__ is date:
                row[position] = datetime(value.year, value.month, value.day)
    return grid
