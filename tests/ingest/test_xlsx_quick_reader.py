"""The quick XLSX reader (calamine) gives exactly the rows the careful one (openpyxl) gives, and
hands every sheet it cannot prove plain to the careful one."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time

import pytest

from analytics.ingest import readers, xlsx_values
from tests.ingest.samples import CASE_HEADER, CASE_ROWS, excel_rows, rewrite_zip, write_shared_strings_xlsx, write_xlsx

SHEET = "xl/worksheets/sheet1.xml"


def _both(path, sheet=None):
    data = path.read_bytes()
    return readers.read_xlsx(data, path.name, sheet), readers.read_xlsx(data, path.name, sheet, quick=False)


def _plain(table):
    """Rows with an empty text and a missing cell alike (Excel cannot tell them apart either)."""
    return [[None if value == "" else value for value in row] for row in table.rows.itertuples(index=False)]


def _same(quick, careful):
    assert quick.headers == careful.headers
    assert quick.row_numbers == careful.row_numbers
    assert _plain(quick) == _plain(careful)
    assert quick.detail == careful.detail and quick.file == careful.file


def _workbooks(tmp_path):
    from openpyxl import Workbook

    yield write_xlsx(tmp_path / "text.xlsx", CASE_HEADER, CASE_ROWS), None
    yield write_xlsx(tmp_path / "dates.xlsx", CASE_HEADER, excel_rows(), first_sheet="Catatan"), "Kasus"
    yield write_shared_strings_xlsx(tmp_path / "shared.xlsx", CASE_HEADER, CASE_ROWS), None
    book = Workbook()
    sheet = book.active
    sheet["C3"] = "Tanggal"  # the header low and to the right, as offices do
    sheet["D3"] = "Jumlah"
    sheet["E3"] = "Catatan"
    sheet.append([None, None, datetime(2024, 7, 17), 120, "  spasi  "])
    sheet.append([])
    sheet.append([None, None, date(2024, 8, 1), 3.5, True])
    sheet.append([None, None, datetime(2024, 9, 2, 13, 30), -4, time(10, 15)])
    sheet.append([None, None, "17 Oktober 2020", 0, ""])
    sheet["H12"] = "di luar kepala tabel"
    book.save(tmp_path / "offset.xlsx")
    yield tmp_path / "offset.xlsx", None


def test_the_quick_and_the_careful_reader_give_the_same_table(tmp_path):
    checked = 0
    for path, sheet in _workbooks(tmp_path):
        quick, careful = _both(path, sheet)
        _same(quick, careful)
        checked += 1
    assert checked == 4


def test_a_plain_sheet_is_read_quickly(tmp_path, monkeypatch):
    calls = []
    real = xlsx_values.read_values
    monkeypatch.setattr(xlsx_values, "read_values", lambda *a: calls.append(a) or real(*a))
    table = readers.read_file(write_xlsx(tmp_path / "plain.xlsx", CASE_HEADER, excel_rows()))
    assert len(calls) == 1 and len(table.rows) == len(CASE_ROWS)


def _careful_only(monkeypatch):
    def refuse(*_):
        raise AssertionError("the quick reader took a sheet it cannot read faithfully")

    monkeypatch.setattr(xlsx_values, "read_values", refuse)


def _edit_sheet(path, edit):
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(SHEET)
    return rewrite_zip(path, replace={SHEET: edit(xml)})


@pytest.mark.parametrize("case", ["formula", "error", "zero_padded", "no_reference", "prefixed"])
def test_what_the_quick_reader_cannot_see_goes_to_the_careful_one(tmp_path, monkeypatch, case):
    from openpyxl import Workbook

    path = tmp_path / f"{case}.xlsx"
    if case == "formula":
        book = Workbook()
        book.active.append(["No Kasus", "Jumlah"])
        book.active.append(["K-1", "=1+1"])
        book.save(path)
    elif case == "error":
        write_xlsx(path, ["No Kasus", "Jumlah"], [["K-1", "#N/A"]])  # openpyxl writes it as an error cell
    elif case == "zero_padded":
        book = Workbook()
        book.active.append(["Kode", "Nama"])
        book.active.append([7, "Tabalong"])
        book.active["A2"].number_format = "000"
        book.save(path)
    elif case == "no_reference":
        write_xlsx(path, ["No Kasus", "Jumlah"], [["K-1", 1], ["K-2", 2]])
        _edit_sheet(path, lambda xml: xml.replace(b'<c r="B3"', b"<c"))
    else:
        write_xlsx(path, ["No Kasus", "Jumlah"], [["K-1", 1]])
        _edit_sheet(
            path,
            lambda xml: (
                xml.replace(b"<worksheet xmlns=", b"<x:worksheet xmlns:x=")
                .replace(b"</worksheet>", b"</x:worksheet>")
                .replace(b"<sheetData", b"<x:sheetData")
                .replace(b"</sheetData>", b"</x:sheetData>")
                .replace(b"<row", b"<x:row")
                .replace(b"</row>", b"</x:row>")
                .replace(b"<c ", b"<x:c ")
                .replace(b"</c>", b"</x:c>")
                .replace(b"<v>", b"<x:v>")
                .replace(b"</v>", b"</x:v>")
                .replace(b"<is>", b"<x:is>")
                .replace(b"</is>", b"</x:is>")
                .replace(b"<t>", b"<x:t>")
                .replace(b"</t>", b"</x:t>")
            ),
        )
    with zipfile.ZipFile(path) as archive:
        assert xlsx_values.plain_extent(archive, SHEET) is None
    _careful_only(monkeypatch)
    try:
        table = readers.read_file(path)
    except readers.ReadError as error:  # a formula is refused, by the careful reader
        assert case == "formula" and error.problem.code == "formula" and error.problem.row == 2
        return
    assert case != "formula"
    if case == "zero_padded":
        assert table.rows.iloc[0, 0] == "007"
    if case == "error":
        assert table.rows.iloc[0, 1] == "#N/A"


def test_an_integer_too_long_for_a_float_keeps_its_digits(tmp_path):
    path = write_xlsx(tmp_path / "nip.xlsx", ["No Kasus", "NIP"], [["K-1", 1]])
    _edit_sheet(path, lambda xml: xml.replace(b"<v>1</v>", b"<v>198001012005011001</v>"))  # as some tools write it
    quick, careful = _both(path)
    assert quick.rows.iloc[0, 1] == careful.rows.iloc[0, 1] == 198001012005011001


def test_one_cell_far_away_makes_the_grid_too_big_for_the_quick_reader(tmp_path, monkeypatch):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["No Kasus", "Jumlah"])
    book.active.append(["K-1", 1])
    book.active["R1048576"] = "x"  # 18 columns x 1,048,576 rows, if held as a grid
    path = tmp_path / "far.xlsx"
    book.save(path)
    _edit_sheet(path, lambda xml: xml.replace(b'<dimension ref="A1:R1048576"/>', b""))  # declaring nothing
    with zipfile.ZipFile(path) as archive:
        assert xlsx_values.plain_extent(archive, SHEET) == (1_048_576, 18)
    _careful_only(monkeypatch)
    assert readers.read_file(path).row_numbers == [2]  # the far cell is outside the header's columns
