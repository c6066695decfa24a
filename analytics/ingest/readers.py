"""Reading what users have: CSV (UTF-8 with or without BOM, UTF-16, Windows-1252/Latin-1; comma,
semicolon or tab), Excel .xlsx (first sheet or a named one) and Parquet, into one shape: the
header as written and the rows as strings or native cell values, each with its row number as
the user sees it (the header is row 1)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analytics.ingest.problems import Problem

DEFAULT_LIMIT_MB = 40.0
_ZERO_PADDED = re.compile(r"^0{2,}$")
MAX_CELL_CHARS = 100_000
DELIMITERS = (",", ";", "\t")
XLSX_MAGIC = b"PK\x03\x04"
PARQUET_MAGIC = b"PAR1"


@dataclass
class RawTable:
    """A file's content before any interpretation."""

    file: str
    headers: list[str]
    rows: pd.DataFrame          # one column per header position, values as read
    row_numbers: list[int]      # the user's row number of each row
    detail: str = ""            # e.g. "CSV, UTF-8, ';'" or "XLSX, sheet 'Kasus'"


class ReadError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.describe("en"))
        self.problem = problem


def _fail(code: str, file: str, row: int | None = None, **params) -> ReadError:
    return ReadError(Problem(code, file, row=row, params=params))


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
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        if bom or any(byte >= 0x80 for byte in before):
            raise _fail("mixed_encoding", name, row=line) from None
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
            if not (record and record[0].strip()) and not "".join(record).strip():   # a blank line, or only empty cells
                continue
            if headers is None:
                headers = [cell.strip() for cell in record]
                continue
            if len(record) != len(headers):
                extra = record[len(headers):]
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


def read_xlsx(data: bytes, name: str, sheet: str | None = None) -> RawTable:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _fail("unreadable", name, detail=type(exc).__name__) from None
    if sheet is not None and sheet not in book.sheetnames:
        raise _fail("sheet_missing", name, sheet=sheet, sheets=", ".join(book.sheetnames))
    ws = book[sheet] if sheet else book.worksheets[0]
    label = f"{name} [{ws.title}]"
    header_row = None
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 50)):
        if any(cell.value not in (None, "") for cell in row):
            header_row = row[0].row
            break
    if header_row is None:
        raise _fail("file_empty", label)
    merged = [str(r) for r in ws.merged_cells.ranges if r.min_row <= header_row <= r.max_row or r.max_row < header_row]
    if merged:
        raise _fail("merged_header", label, row=header_row, cells=", ".join(merged[:3]))
    headers = ["" if c.value is None else str(c.value).strip() for c in ws[header_row]]
    while headers and headers[-1] == "":
        headers.pop()
    rows, numbers = [], []
    for cells in ws.iter_rows(min_row=header_row + 1):
        values = []
        for cell in cells[: len(headers)]:
            if cell.data_type == "f":
                raise ReadError(Problem("formula", label, row=cell.row, column=headers[cell.column - 1] or cell.coordinate,
                                        value=str(cell.value)[:80]))
            value = cell.value
            if isinstance(value, (int, float)) and not isinstance(value, bool) and _ZERO_PADDED.match(cell.number_format or ""):
                value = str(int(value)).zfill(len(cell.number_format))  # '001' shown with format 000
            values.append(value.strip() if isinstance(value, str) else value)
        values += [None] * (len(headers) - len(values))
        if all(v in (None, "") for v in values):
            continue
        rows.append(values)
        numbers.append(cells[0].row)
    if not rows:
        raise _fail("header_only", label)
    return RawTable(label, headers, pd.DataFrame(rows, dtype=object), numbers, f"XLSX, sheet '{ws.title}'")


def read_parquet(data: bytes, name: str) -> RawTable:
    import pyarrow.parquet as pq

    try:
        frame = pq.read_table(io.BytesIO(data)).to_pandas()
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError ...
        raise _fail("unreadable", name, detail=type(exc).__name__) from None
    if frame.empty:
        raise _fail("header_only", name)
    headers = [str(c) for c in frame.columns]
    rows = frame.astype(object).where(frame.notna(), None)
    rows.columns = range(len(headers))
    return RawTable(name, headers, rows.reset_index(drop=True), list(range(2, len(frame) + 2)), "Parquet")


def read_file(path: Path, sheet: str | None = None, limit_mb: float = DEFAULT_LIMIT_MB,
              display_name: str | None = None) -> RawTable:
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
    data = path.read_bytes()
    if not data.strip():
        raise _fail("file_empty", name)
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data, name, sheet)
    if data.startswith(PARQUET_MAGIC):
        return read_parquet(data, name)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".parquet", ".pq", ".xls"):
        raise _fail("unreadable", name, detail="isi berkas tidak sesuai dengan ekstensinya / content does not match the extension")
    return read_csv(data, name)
