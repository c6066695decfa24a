"""Reading what users have: CSV (UTF-8 with or without BOM, UTF-16, Windows-1252/Latin-1; comma,
semicolon or tab), Excel .xlsx (first sheet or a named one) and Parquet, into one shape: the
header as written and the rows as strings or native cell values, each with its row number as
the user sees it (the header is row 1).

No file can make the reader use memory or time out of proportion: an XLSX is measured from its
zip directory and its sheet's declared size before it is parsed, and read as a stream with a
row and cell limit; a Parquet's row count is read from its footer first. Every failure is a
ReadError carrying a Problem, never a traceback."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analytics.ingest import xlsx_book, xlsx_values
from analytics.ingest.problems import Problem

DEFAULT_LIMIT_MB = 40.0
_ZERO_PADDED = re.compile(r"^0{2,}$")
MAX_CELL_CHARS = 100_000
DELIMITERS = (",", ";", "\t")
XLSX_MAGIC = b"PK\x03\x04"
PARQUET_MAGIC = b"PAR1"

#: XLSX: all parts of the zip together, unpacked (worksheets are streamed, but time grows with them).
MAX_UNPACKED_BYTES = 500_000_000
#: XLSX: one part that the reader holds whole in memory (the shared strings, styles, the workbook ...).
MAX_PART_BYTES = 100_000_000
#: Parts that are streamed or never parsed, so only the total counts for them.
_STREAMED_PARTS = re.compile(
    r"^xl/(worksheets/[^/]+\.xml|media/|embeddings/|pivotCache/|externalLinks/|printerSettings/)"
)
#: Cells a sheet may declare or hold (rows x columns), and rows below the header.
MAX_CELLS = 5_000_000
MAX_XLSX_ROWS = 1_048_576  # Excel's own last row
MAX_XLSX_COLUMNS = 16_384  # Excel's own last column (XFD)
#: Parquet: rows and columns read from the footer before any data.
MAX_PARQUET_ROWS = 2_000_000
MAX_PARQUET_COLUMNS = MAX_XLSX_COLUMNS
MAX_PARQUET_BYTES = 1_000_000_000  # the column chunks' uncompressed size
#: The header must be within the first rows of a sheet.
HEADER_SEARCH_ROWS = 50


@dataclass
class RawTable:
    """A file's content before any interpretation."""

    file: str
    headers: list[str]
    rows: pd.DataFrame  # one column per header position, values as read
    row_numbers: list[int]  # the user's row number of each row
    detail: str = ""  # e.g. "CSV, UTF-8, ';'" or "XLSX, sheet 'Kasus'"


class ReadError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.describe("en"))
        self.problem = problem


def _fail(code: str, file: str, row: int | None = None, **params) -> ReadError:
    return ReadError(Problem(code, file, row=row, params=params))


def _count(number: int) -> str:
    """A number as both languages can read it: digits grouped by spaces (5 000 000)."""
    return f"{number:,}".replace(",", "\u202f")


def _megabytes(size: int) -> str:
    return f"{_count(round(size / 1_000_000))} MB" if size >= 1_000_000 else f"{size / 1_000_000:.2f} MB"


def _too_large(name: str, what_id: str, what_en: str, found: str, limit: str, row: int | None = None) -> ReadError:
    return _fail("too_large", name, row=row, what_id=what_id, what_en=what_en, found=found, limit=limit)


_SURROGATE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, kept by surrogateescape
_MULTIBYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")  # a character that came from a valid multi-byte sequence
_LINE_BREAK = re.compile("\r\n|\r|\n")


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding's name; mixed or binary content is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], True
    else:
        bom = False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise _fail("unreadable", name, detail=str(exc)) from None
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13))
    if b"\x00" in sample or controls > max(8, len(sample) // 100):
        raise _fail("binary_not_text", name)
    try:
        return data.decode("utf-8"), "UTF-8 (BOM)" if bom else "UTF-8"
    except UnicodeDecodeError:
        pass
    # Not all UTF-8. If any part is valid multi-byte UTF-8 the file was UTF-8 with a stray byte
    # (or two files pasted together): decoding it whole as Windows-1252 would garble every accented
    # letter, wherever the stray byte sits. Only a file with no UTF-8 sequence at all is 1252.
    text = data.decode("utf-8", errors="surrogateescape")
    if bom or _MULTIBYTE.search(text):
        first_bad = _SURROGATE.search(text).start()
        line = len(_LINE_BREAK.findall(text, 0, first_bad)) + 1
        raise _fail("mixed_encoding", name, row=line)
    del text
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _delimiter(header_line: str, name: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        raise _fail("unknown_delimiter", name, row=1)
    return best


def read_csv(data: bytes, name: str) -> RawTable:
    text, encoding = _decode(data, name)
    first = next((line for line in io.StringIO(text, newline="") if line.strip()), None)  # \n, \r\n or \r
    if first is None:
        raise _fail("file_empty", name)
    delimiter = _delimiter(first, name)
    csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows, numbers = [], []
    # rows are numbered by record, as a spreadsheet shows them (a quoted line break stays in its row)
    ordinal = 0
    try:
        for record in reader:
            ordinal += 1
            if not (record and record[0].strip()) and not "".join(record).strip():  # a blank line, or only empty cells
                continue
            if headers is None:
                headers = [cell.strip() for cell in record]
                continue
            if len(record) != len(headers):
                extra = record[len(headers) :]
                if len(record) > len(headers) and not any(cell.strip() for cell in extra):
                    record = record[: len(headers)]
                else:
                    raise _fail("ragged_row", name, row=ordinal, found=len(record), expected=len(headers))
            rows.append(record)
            numbers.append(ordinal)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _fail("line_too_long", name, row=ordinal + 1, limit=MAX_CELL_CHARS) from None
        raise _fail("unreadable", name, row=ordinal + 1, detail=str(exc)) from None
    if headers is None:
        raise _fail("no_header", name)
    if not rows:
        raise _fail("header_only", name)
    label = {",": "','", ";": "';'", "\t": "tab"}[delimiter]
    return RawTable(name, headers, pd.DataFrame(rows, dtype=object), numbers, f"CSV, {encoding}, {label}")


def _check_zip(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a workbook whose parts would unpack to too much, before any part is read. The sizes
    come from the zip's directory, and Python's zip reader never unpacks a part past its stated
    size (a part that lies fails its checksum), so they bound what the parser can be given."""
    total = 0
    for member in archive.infolist():
        total += member.file_size
        if member.file_size > MAX_PART_BYTES and not _STREAMED_PARTS.match(member.filename):
            raise _too_large(
                name,
                f"bagian {member.filename} setelah dibuka",
                f"part {member.filename} unpacked",
                _megabytes(member.file_size),
                _megabytes(MAX_PART_BYTES),
            )
    if total > MAX_UNPACKED_BYTES:
        raise _too_large(
            name,
            "isi buku kerja setelah dibuka",
            "the workbook's content unpacked",
            _megabytes(total),
            _megabytes(MAX_UNPACKED_BYTES),
        )


_MERGE_CELL = re.compile(
    rb'(?<=[<:])mergeCell\b[^>]*?\bref="\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?"'
)


def _merged_near_top(archive: zipfile.ZipFile, part: str, rows: int) -> list[tuple[int, str]]:
    """(top row, range) of the merged ranges that start in the sheet's first ``rows`` rows, a few
    per row, read from the part as a stream (a read-only worksheet does not keep them)."""
    found: dict[int, list[str]] = {}
    keep = 4096  # a <mergeCell .../> element is far shorter; it is found whole in the next block
    tail = b""
    with archive.open(part) as source:
        while True:
            chunk = source.read(1 << 20)
            block = tail + chunk
            cut = len(block) - keep if chunk else len(block)
            for match in _MERGE_CELL.finditer(block) if b"mergeCell" in block else ():
                if match.start() >= cut:
                    break
                top = int(match.group(2))
                if top <= rows and len(found.setdefault(top, [])) < 3:
                    first = f"{match.group(1).decode()}{match.group(2).decode()}"
                    found[top].append(
                        f"{first}:{match.group(3).decode()}{match.group(4).decode()}" if match.group(3) else first
                    )
            if not chunk:
                break
            tail = block[cut:]
    return [(top, ref) for top in sorted(found) for ref in found[top]]


def _pick_sheet(listed: list[xlsx_book.Sheet], name: str, sheet: str | None) -> xlsx_book.Sheet:
    """The sheet to read: the named one, else the first visible worksheet. Chart sheets and hidden
    sheets are never read: what a person sees first in Excel is what is imported."""
    readable = [found for found in listed if found.kind == "worksheet" and found.visible]
    shown = ", ".join(f"'{found.title}'" for found in readable) or "-"
    if sheet is None:
        if not readable:
            raise _fail("no_worksheet", name, sheets=", ".join(f"'{found.title}'" for found in listed) or "-")
        return readable[0]
    found = next((found for found in listed if found.title == sheet), None)
    if found is None:
        raise _fail("sheet_missing", name, sheet=sheet, sheets=shown)
    if found.kind != "worksheet":
        raise _fail("sheet_is_chart", name, sheet=sheet, sheets=shown)
    if not found.visible:
        raise _fail("sheet_hidden", name, sheet=sheet, sheets=shown)
    return found


def _check_declared_size(area: xlsx_book.Area | None, label: str) -> None:
    """The sheet's own <dimension>: a sheet claiming a million rows is refused before a row is read."""
    if area is None:
        return  # not declared: the limits while reading still hold
    rows = area.last_row - area.first_row + 1
    columns = area.last_column - area.first_column + 1
    if area.last_row > MAX_XLSX_ROWS:
        raise _too_large(
            label,
            f"baris yang dinyatakan lembar ({area.ref})",
            f"rows the sheet declares ({area.ref})",
            _count(area.last_row),
            _count(MAX_XLSX_ROWS),
        )
    if area.last_column > MAX_XLSX_COLUMNS:
        raise _too_large(
            label,
            f"kolom yang dinyatakan lembar ({area.ref})",
            f"columns the sheet declares ({area.ref})",
            _count(area.last_column),
            _count(MAX_XLSX_COLUMNS),
        )
    if rows * columns > MAX_CELLS:
        raise _too_large(
            label,
            f"sel yang dinyatakan lembar ({area.ref})",
            f"cells the sheet declares ({area.ref})",
            _count(rows * columns),
            _count(MAX_CELLS),
        )


def read_xlsx(data: bytes, name: str, sheet: str | None = None, quick: bool = True) -> RawTable:
    """The sheet's table. ``quick=False`` always takes the careful reader (benchmarks, tests)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise _fail("unreadable", name, detail=type(exc).__name__) from None
    with archive:
        _check_zip(archive, name)
        try:
            chosen = _pick_sheet(xlsx_book.sheets(archive), name, sheet)
            return _read_sheet(archive, data, chosen, f"{name} [{chosen.title}]", quick)
        except ReadError:
            raise
        except Exception as exc:  # damaged XML, a bad shared-string index, a failed checksum ...
            raise _fail("unreadable", name, detail=type(exc).__name__) from None


def _read_sheet(archive: zipfile.ZipFile, data: bytes, chosen: xlsx_book.Sheet, label: str, quick: bool) -> RawTable:
    """The sheet's table: from calamine when the sheet holds only plain values (see
    ``xlsx_values``), else cell by cell from openpyxl, with the same header search and limits."""
    _check_declared_size(xlsx_book.declared_area(archive, chosen.part), label)
    extent = xlsx_values.plain_extent(archive, chosen.part) if quick else None
    if extent is not None and extent[0] <= MAX_XLSX_ROWS and extent[0] * extent[1] <= MAX_CELLS:
        grid = xlsx_values.read_values(data, chosen.title)
        if grid is not None:
            header = next(
                (
                    (offset + 1, row)
                    for offset, row in enumerate(grid[:HEADER_SEARCH_ROWS])
                    if any(value not in (None, "") for value in row)
                ),
                (None, []),
            )
            return _table(
                archive,
                chosen,
                label,
                header,
                lambda header_row, headers: (
                    (number, row[: len(headers)]) for number, row in enumerate(grid[header_row:], start=header_row + 1)
                ),
            )
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    try:
        ws = book[chosen.title]
        ws.reset_dimensions()  # the declared size may be too small as well: read what is there
        header = next(
            (
                (offset + 1, [cell.value for cell in cells])
                for offset, cells in enumerate(ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS))
                if any(cell.value not in (None, "") for cell in cells)
            ),
            (None, []),
        )
        return _table(
            archive, chosen, label, header, lambda header_row, headers: _careful_rows(ws, label, headers, header_row)
        )
    finally:
        book.close()


def _table(
    archive: zipfile.ZipFile, chosen: xlsx_book.Sheet, label: str, header: tuple[int | None, list], data_rows
) -> RawTable:
    header_row, header_values = header
    if header_row is None:
        raise _fail("file_empty", label)
    merged = [ref for top, ref in _merged_near_top(archive, chosen.part, HEADER_SEARCH_ROWS) if top <= header_row]
    if merged:
        raise _fail("merged_header", label, row=header_row, cells=", ".join(merged[:3]))
    headers = ["" if value is None else str(value).strip() for value in header_values]
    while headers and headers[-1] == "":
        headers.pop()
    width = len(headers)
    if width == 0:
        raise _fail("no_header", label)
    max_rows = MAX_CELLS // width  # rows kept; blank rows cost nothing and are not counted
    rows, numbers = [], []
    for number, values in data_rows(header_row, headers):
        values += [None] * (width - len(values))
        if all(v in (None, "") for v in values):
            continue
        if len(rows) >= max_rows:
            raise _too_large(
                label,
                f"sel data ({width} kolom)",
                f"data cells ({width} columns)",
                f"> {_count(max_rows * width)}",
                _count(MAX_CELLS),
                row=number,
            )
        rows.append(values)
        numbers.append(number)
    if not rows:
        raise _fail("header_only", label)
    return RawTable(label, headers, pd.DataFrame(rows, dtype=object), numbers, f"XLSX, sheet '{chosen.title}'")


def _careful_rows(ws, label: str, headers: list[str], header_row: int):
    width = len(headers)
    formats: dict[int, str] = {}  # style id -> number format, looked up once per style
    blank = None  # openpyxl yields one shared tuple for every missing row
    last_offset = MAX_XLSX_ROWS - header_row - 1
    for offset, cells in enumerate(ws.iter_rows(min_row=header_row + 1, max_col=width)):
        if offset > last_offset:  # more rows than Excel has, whatever the sheet declared
            raise _too_large(
                label,
                "nomor baris",
                "row number",
                f"> {_count(MAX_XLSX_ROWS)}",
                _count(MAX_XLSX_ROWS),
                row=header_row + 1 + offset,
            )
        if cells is blank:
            continue
        number = header_row + 1 + offset
        values = []
        for position, cell in enumerate(cells):
            value = cell.value
            if value is None:
                values.append(None)
                continue
            if cell.data_type == "f":
                raise ReadError(
                    Problem(
                        "formula", label, row=number, column=headers[position] or cell.coordinate, value=str(value)[:80]
                    )
                )
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                style = cell._style_id
                if style not in formats:
                    formats[style] = cell.number_format or ""
                if _ZERO_PADDED.match(formats[style]):
                    value = str(int(value)).zfill(len(formats[style]))  # '001' shown with format 000
            values.append(value.strip() if isinstance(value, str) else value)
        if all(v in (None, "") for v in values):
            blank = cells
            continue
        yield number, values


def read_parquet(data: bytes, name: str) -> RawTable:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(io.BytesIO(data))
        meta = parquet.metadata
        groups = [meta.row_group(i) for i in range(meta.num_row_groups)]
        rows = max(meta.num_rows, sum(group.num_rows for group in groups))
        unpacked = sum(group.total_byte_size for group in groups)
        columns = meta.num_columns
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError ...
        raise _fail("unreadable", name, detail=type(exc).__name__) from None
    # the footer tells the size before any data is read: a few MB can hold a hundred million rows
    if rows > MAX_PARQUET_ROWS:
        raise _too_large(name, "baris", "rows", _count(rows), _count(MAX_PARQUET_ROWS))
    if columns > MAX_PARQUET_COLUMNS:
        raise _too_large(name, "kolom", "columns", _count(columns), _count(MAX_PARQUET_COLUMNS))
    if unpacked > MAX_PARQUET_BYTES:
        raise _too_large(
            name, "data setelah dibuka", "data unpacked", _megabytes(unpacked), _megabytes(MAX_PARQUET_BYTES)
        )
    try:
        frame = parquet.read().to_pandas()
    except Exception as exc:
        raise _fail("unreadable", name, detail=type(exc).__name__) from None
    if len(frame) > MAX_PARQUET_ROWS:  # the footer understated its rows
        raise _too_large(name, "baris", "rows", _count(len(frame)), _count(MAX_PARQUET_ROWS))
    if frame.empty:
        raise _fail("header_only", name)
    headers = [str(c) for c in frame.columns]
    rows = frame.astype(object).where(frame.notna(), None)
    rows.columns = range(len(headers))
    return RawTable(name, headers, rows.reset_index(drop=True), list(range(2, len(frame) + 2)), "Parquet")


def read_file(
    path: Path, sheet: str | None = None, limit_mb: float = DEFAULT_LIMIT_MB, display_name: str | None = None
) -> RawTable:
    """Read ``path`` by its content (not only its name). Raises ReadError with the problem."""
    name = display_name or Path(path).name
    path = Path(path)
    if not path.exists():
        raise _fail("file_missing", name)
    if not path.is_file():
        raise _fail("not_a_file", name)
    size = path.stat().st_size
    if size > limit_mb * 1024 * 1024:
        raise _fail("file_too_large", name, size_mb=f"{size / 1024 / 1024:.1f}", limit_mb=f"{limit_mb:g}")
    try:
        data = path.read_bytes()
    except OSError as exc:  # no permission, a device, a file removed meanwhile ...
        raise _fail("unreadable", name, detail=type(exc).__name__) from None
    if not data.strip():
        raise _fail("file_empty", name)
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data, name, sheet)
    if data.startswith(PARQUET_MAGIC):
        return read_parquet(data, name)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".parquet", ".pq", ".xls"):
        raise _fail(
            "unreadable",
            name,
            detail="isi berkas tidak sesuai dengan ekstensinya / content does not match the extension",
        )
    return read_csv(data, name)
