"""Files that could break the reader: a stray byte in a UTF-8 file, workbooks that claim or hold
millions of cells, a shared-strings part of gigabytes, chart and hidden sheets, a small Parquet of
sixty million rows. Each one is refused with its own problem, quickly and without memory growing
with what the file claims; none of them ends in a traceback."""

from __future__ import annotations

import io
import random
import time
import tracemalloc
import zipfile

import pytest

from analytics.ingest import readers
from analytics.ingest.problems import MESSAGES
from analytics.ingest.readers import ReadError, read_file
from tests.ingest.samples import (
    CASE_HEADER,
    CASE_ROWS,
    claim_size,
    rewrite_zip,
    write_csv,
    write_shared_strings_xlsx,
    write_xlsx,
)

SHEET = "xl/worksheets/sheet1.xml"


def refused(path, sheet=None, **kwargs) -> readers.Problem:
    with pytest.raises(ReadError) as caught:
        read_file(path, sheet=sheet, **kwargs)
    problem = caught.value.problem
    assert problem.message("en") != problem.message("id")  # both languages render
    return problem


def measured(action, trace: bool = True):
    """(result or exception, seconds, peak Python memory in MB) of ``action()``; without ``trace``
    (it slows a long loop many times over) the memory is not measured and reads 0."""
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    try:
        outcome = action()
    except ReadError as error:
        outcome = error
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if trace else 0.0
    if trace:
        tracemalloc.stop()
    return outcome, seconds, peak


# --- encodings ---------------------------------------------------------------------------------


def _lines(*rows: list[str]) -> list[bytes]:
    return [(",".join(row) + "\r\n").encode("utf-8") for row in rows]


def test_a_stray_byte_before_the_first_utf8_letter_is_mixed_not_windows_1252(tmp_path):
    lines = _lines(CASE_HEADER, *CASE_ROWS)
    lines[2] = lines[2].replace(b"Kecamatan Tenggarong", b"Kecamatan Tenggarong \x92")  # row 3: a 1252 quote
    lines[4] = lines[4].replace(b"Dinas Kesehatan", "Dinas Kesehatan Café".encode())  # row 5: real UTF-8
    path = tmp_path / "stray_first.csv"
    path.write_bytes(b"".join(lines))
    problem = refused(path)
    assert (problem.code, problem.row) == ("mixed_encoding", 3)


def test_a_stray_byte_after_the_first_utf8_letter_is_mixed(tmp_path):
    lines = _lines(CASE_HEADER, *CASE_ROWS)
    lines[1] = lines[1].replace(b"Dinas Pendidikan", "Dinas Pendidikan Café".encode())  # row 2
    lines[5] = lines[5].replace(b"Murung Pudak", b"Murung Pud\xe1k")  # row 6
    path = tmp_path / "stray_later.csv"
    path.write_bytes(b"".join(lines))
    problem = refused(path)
    assert (problem.code, problem.row) == ("mixed_encoding", 6)


def test_lines_are_counted_with_any_line_ending(tmp_path):
    path = tmp_path / "mac.csv"  # row 2 is UTF-8, row 3 has a Windows-1252 byte; lines end in \r
    path.write_bytes("a;b\rCafé;1\r".encode() + b"2;x\xe9\r")
    problem = refused(path)
    assert (problem.code, problem.row) == ("mixed_encoding", 3)


def test_a_bom_and_a_stray_byte_is_mixed(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfa,b\n1,x\xe9\n")
    problem = refused(path)
    assert (problem.code, problem.row) == ("mixed_encoding", 2)


def test_a_file_that_is_windows_1252_throughout_is_read_as_such(tmp_path):
    rows = [list(r) for r in CASE_ROWS]
    rows[0][6] = "Dinas Pendidikan Café"
    rows[1][6] = "Kantor ‘Camat’ Tenggarong"
    path = write_csv(tmp_path / "cp1252.csv", CASE_HEADER, rows, encoding="cp1252")
    table = read_file(path)
    assert "Windows-1252" in table.detail
    assert list(table.rows[6][:2]) == ["Dinas Pendidikan Café", "Kantor ‘Camat’ Tenggarong"]


# --- XLSX: sizes measured before parsing ---------------------------------------------------------


def test_a_small_workbook_declaring_the_whole_grid_is_refused_before_reading(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "No Kasus"
    book.active["XFD1048576"] = "x"  # one stray cell in Excel's last cell
    path = tmp_path / "grid.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    assert b'<dimension ref="A1:XFD1048576"/>' in zipfile.ZipFile(path).read(SHEET)
    outcome, seconds, peak = measured(lambda: read_file(path))
    problem = outcome.problem
    assert problem.code == "too_large" and "A1:XFD1048576" in problem.message("en")
    assert "5\u202f000\u202f000" in problem.message("en")
    assert seconds < 2 and peak < 30


def test_a_workbook_whose_only_cell_is_the_last_one_is_empty_and_read_quickly(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active["XFD1048576"] = "x"
    path = tmp_path / "last_cell.xlsx"
    book.save(path)
    assert path.stat().st_size < 6_000
    outcome, seconds, peak = measured(lambda: read_file(path))
    assert isinstance(outcome, ReadError) and outcome.problem.code == "file_empty"
    assert seconds < 2 and peak < 30


def test_a_shared_strings_part_claiming_gigabytes_is_refused_before_it_is_read(tmp_path):
    path = write_shared_strings_xlsx(tmp_path / "strings.xlsx", CASE_HEADER, CASE_ROWS)
    assert len(read_file(path).rows) == len(CASE_ROWS)
    claim_size(path, "xl/sharedStrings.xml", 1_600_000_000)
    outcome, seconds, peak = measured(lambda: read_file(path))
    problem = outcome.problem
    assert problem.code == "too_large"
    assert "xl/sharedStrings.xml" in problem.message("en") and "1\u202f600 MB" in problem.message("en")
    assert seconds < 1 and peak < 10


def test_a_shared_strings_part_that_really_unpacks_too_far_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_PART_BYTES", 2_000_000)
    path = write_shared_strings_xlsx(tmp_path / "big_string.xlsx", ["Catatan"], [["x"]])
    huge = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
        + b"a" * 3_000_000
        + b"</t></si></sst>"
    )
    rewrite_zip(path, replace={"xl/sharedStrings.xml": huge})
    assert path.stat().st_size < 50_000
    problem = refused(path)
    assert problem.code == "too_large" and "xl/sharedStrings.xml" in problem.message("id")


def test_the_unpacked_total_is_limited(tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "total.xlsx", CASE_HEADER, CASE_ROWS)
    total = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(readers, "MAX_UNPACKED_BYTES", total - 1)
    problem = refused(path)
    assert problem.code == "too_large" and problem.params["what_en"] == "the workbook's content unpacked"
    monkeypatch.setattr(readers, "MAX_UNPACKED_BYTES", total)
    assert len(read_file(path).rows) == len(CASE_ROWS)


def _sheet_xml(rows: dict[int, list[str]], dimension: str | None = "A1:B2", merges: list[str] = ()) -> bytes:
    """A worksheet part written by hand, with inline strings, a chosen (possibly false) dimension."""
    body = []
    for number, values in rows.items():
        cells = "".join(
            f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values)
        )
        body.append(f'<row r="{number}">{cells}</row>')
    merged = (
        f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
        if merges
        else ""
    )
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{declared}<sheetData>{''.join(body)}</sheetData>{merged}</worksheet>"
    ).encode()


def _workbook_with_sheet(path, sheet_xml: bytes):
    write_xlsx(path, ["a", "b"], [["1", "2"]], sheet="Data")
    return rewrite_zip(path, replace={SHEET: sheet_xml})


def test_rows_past_excels_last_row_are_refused_whatever_the_sheet_declares(tmp_path):
    # a million missing rows before it: they cost a loop, never a stored row
    path = _workbook_with_sheet(
        tmp_path / "lying.xlsx", _sheet_xml({1: ["a", "b"], 2: ["1", "2"], 1_048_580: ["3", "4"]})
    )
    outcome, seconds, _ = measured(lambda: read_file(path), trace=False)
    problem = outcome.problem
    assert problem.code == "too_large" and problem.row == 1_048_577
    assert seconds < 5


def test_reading_stops_at_the_cell_limit_when_the_declared_size_is_small(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_CELLS", 100)
    rows = {1: ["a", "b"], **{n: [str(n), "x"] for n in range(2, 200)}}
    path = _workbook_with_sheet(tmp_path / "understated.xlsx", _sheet_xml(rows, dimension="A1:B2"))
    problem = refused(path)
    assert problem.code == "too_large" and problem.row == 52 and "100" in problem.message("en")
    monkeypatch.setattr(readers, "MAX_CELLS", 1_000)
    table = read_file(path)  # a too-small declared size does not cut the rows read
    assert len(table.rows) == 198 and table.row_numbers[-1] == 199


def test_a_sheet_without_a_declared_size_is_read(tmp_path):
    path = _workbook_with_sheet(
        tmp_path / "undeclared.xlsx", _sheet_xml({1: ["a", "b"], 3: ["1", "2"]}, dimension=None)
    )
    table = read_file(path)
    assert table.headers == ["a", "b"] and table.row_numbers == [3]


def test_merged_cells_below_the_header_are_not_a_merged_header(tmp_path):
    xml = _sheet_xml({1: ["a", "b"], 2: ["1", "2"], 3: ["3", "4"]}, dimension="A1:B3", merges=["A3:B3"])
    assert read_file(_workbook_with_sheet(tmp_path / "below.xlsx", xml)).headers == ["a", "b"]
    xml = _sheet_xml({2: ["a", "b"], 3: ["1", "2"]}, dimension="A1:B3", merges=["A1:B1"])
    problem = refused(_workbook_with_sheet(tmp_path / "above.xlsx", xml))
    assert (problem.code, problem.row, problem.params["cells"]) == ("merged_header", 2, "A1:B1")


def test_merged_ranges_are_found_across_the_read_blocks():
    for padding in ((1 << 20) - 30, (1 << 20) - 5, (1 << 20) + 100, 10):
        part = io.BytesIO()
        with zipfile.ZipFile(part, "w") as archive:
            archive.writestr(
                "s.xml", b"<x>" + b" " * padding + b'<mergeCell ref="A1:C1"/><mergeCell ref="B70:C70"/></x>'
            )
        with zipfile.ZipFile(part) as archive:
            assert readers._merged_near_top(archive, "s.xml", 50) == [(1, "A1:C1")], padding


# --- sheets -------------------------------------------------------------------------------------


def _hidden_first(path, state="hidden"):
    from openpyxl import Workbook

    book = Workbook()
    secret = book.active
    secret.title = "Rahasia"
    secret.append(["Catatan internal"])
    secret.append(["jangan diimpor"])
    secret.sheet_state = state
    ws = book.create_sheet("Kasus")
    ws.append(CASE_HEADER)
    for row in CASE_ROWS:
        ws.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_hidden_sheets_are_skipped_and_the_first_visible_one_is_read(tmp_path, state):
    table = read_file(_hidden_first(tmp_path / f"{state}.xlsx", state))
    assert table.detail == "XLSX, sheet 'Kasus'" and table.headers == CASE_HEADER
    assert table.file.endswith("[Kasus]") and len(table.rows) == len(CASE_ROWS)


def test_naming_a_hidden_sheet_is_refused_with_the_readable_ones(tmp_path):
    problem = refused(_hidden_first(tmp_path / "h.xlsx"), sheet="Rahasia")
    assert problem.code == "sheet_hidden" and problem.params["sheets"] == "'Kasus'"
    problem = refused(tmp_path / "h.xlsx", sheet="Tidak Ada")
    assert problem.code == "sheet_missing" and problem.params["sheets"] == "'Kasus'"


def _chart_book(path, with_data: bool):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart

    book = Workbook()
    if with_data:
        book.active.title = "Kasus"
        book.active.append(CASE_HEADER)
        book.active.append(CASE_ROWS[0])
    chart = book.create_chartsheet("Grafik", 0)
    chart.add_chart(BarChart())
    if not with_data:
        book.remove(book["Sheet"])
    book.save(path)
    return path


def test_a_workbook_with_only_a_chart_sheet_is_refused_clearly(tmp_path):
    problem = refused(_chart_book(tmp_path / "chart.xlsx", with_data=False))
    assert problem.code == "no_worksheet" and "'Grafik'" in problem.message("en")


def test_a_chart_sheet_before_the_data_is_skipped_and_naming_it_is_refused(tmp_path):
    path = _chart_book(tmp_path / "chart_first.xlsx", with_data=True)
    assert read_file(path).detail == "XLSX, sheet 'Kasus'"
    problem = refused(path, sheet="Grafik")
    assert problem.code == "sheet_is_chart" and problem.params["sheets"] == "'Kasus'"


def test_a_workbook_without_any_sheet_is_refused_clearly(tmp_path):
    path = write_xlsx(tmp_path / "no_sheets.xlsx", CASE_HEADER, CASE_ROWS)
    rewrite_zip(path, replace={SHEET: None})
    assert refused(path).code in ("no_worksheet", "unreadable")


# --- Parquet ------------------------------------------------------------------------------------


def test_a_small_parquet_of_sixty_million_rows_is_refused_from_its_footer(tmp_path):
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "rows.parquet"
    block = pa.table({"No Kasus": np.zeros(1_000_000, dtype="int64")})
    with pq.ParquetWriter(path, block.schema) as writer:
        for _ in range(60):
            writer.write_table(block)
    assert path.stat().st_size < 4_000_000
    before = pa.total_allocated_bytes()
    outcome, seconds, peak = measured(lambda: read_file(path))
    problem = outcome.problem
    assert problem.code == "too_large" and "60\u202f000\u202f000" in problem.message("en")
    assert seconds < 1 and peak < 20 and pa.total_allocated_bytes() - before < 20_000_000


def test_a_parquet_within_the_limit_is_read(tmp_path, monkeypatch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "ok.parquet"
    pq.write_table(pa.table({"a": [1, 2, 3]}), path)
    assert read_file(path).row_numbers == [2, 3, 4]
    monkeypatch.setattr(readers, "MAX_PARQUET_ROWS", 2)
    assert refused(path).code == "too_large"


# --- nothing ends in a traceback ----------------------------------------------------------------


def test_damaged_workbooks_and_parquets_give_problems_not_tracebacks(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    workbook = write_xlsx(tmp_path / "base.xlsx", CASE_HEADER, CASE_ROWS).read_bytes()
    pq.write_table(pa.table({"a": list(range(50)), "b": [str(i) for i in range(50)]}), tmp_path / "base.parquet")
    parquet = (tmp_path / "base.parquet").read_bytes()
    chance = random.Random(7)
    damaged = []
    for original, suffix in ((workbook, ".xlsx"), (parquet, ".parquet")):
        for cut in (len(original) // 3, len(original) - 30, len(original) - 1):
            damaged.append((original[:cut], suffix))
        for _ in range(25):
            data = bytearray(original)
            for _ in range(chance.randint(1, 8)):
                data[chance.randrange(4, len(data))] = chance.randrange(256)
            damaged.append((bytes(data), suffix))
    # a sheet whose XML breaks in the middle, and a shared string index that points nowhere
    for sheet_xml in (
        b"<worksheet><sheetData><row r='1'><c",
        _sheet_xml({1: ["a"]}).replace(b'inlineStr"><is><t>a</t></is>', b's"><v>999</v>'),
    ):
        (tmp_path / "x.xlsx").write_bytes(workbook)
        damaged.append((rewrite_zip(tmp_path / "x.xlsx", replace={SHEET: sheet_xml}).read_bytes(), ".xlsx"))
    for index, (data, suffix) in enumerate(damaged):
        path = tmp_path / f"damaged{index}{suffix}"
        path.write_bytes(data)
        try:
            read_file(path)
        except ReadError as error:  # any other exception fails the test with its traceback
            assert error.problem.code in MESSAGES
            error.problem.describe("en")
