"""Inputs that used to be mis-read or to crash: each is now stored exactly or reported."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import Workbook

from analytics.ingest import pipeline
from analytics.ingest.__main__ import main as ingest_main
from analytics.ingest.store import StaleVersion, StoreError, VersionStore
from tests.ingest.samples import (
    CASE_HEADER,
    CASE_ROWS,
    EVENT_HEADER,
    EVENT_ROWS,
    SANCTION_HEADER,
    SANCTION_ROWS,
    write_csv,
)


def first_problem(table, path, **kwargs):
    prepared = pipeline.prepare(table, path, **kwargs)
    assert not prepared.ok
    return prepared.problems[0]


def col(name):
    return CASE_HEADER.index(name)


def test_rows_are_numbered_as_a_spreadsheet_shows_them(data_dir, tmp_path):
    rows = [list(r) for r in CASE_ROWS[:3]]
    rows[0][col("Nama Instansi")] = "Dinas\nPendidikan"  # a line break inside a quoted cell
    rows[2][col("Tanggal Laporan")] = "31/02/2024"
    problem = first_problem("violation_cases", write_csv(tmp_path / "k.csv", CASE_HEADER, rows))
    assert (problem.code, problem.row) == ("date_not_in_calendar", 4)


def xlsx(path, header, rows, formats=None):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    book.save(path)
    return path


def test_excel_number_cells_in_text_columns(data_dir, tmp_path):
    rows = [list(r) for r in CASE_ROWS[:2]]
    rows[0][col("NIP")] = 198001012005011001  # an 18-digit number: spreadsheets round it
    problem = first_problem("violation_cases", xlsx(tmp_path / "nip.xlsx", CASE_HEADER, rows))
    assert (problem.code, problem.row, problem.column) == ("nip_as_number", 2, "NIP")

    rows = [list(r) for r in CASE_ROWS[:2]]
    rows[0][col("No Kasus")] = 1  # shown as 001 with the format 000
    rows[1][col("Kabupaten/Kota")] = 63.1  # the code 63.10 typed as a number
    rows[1][col("Provinsi")] = ""
    assert ingest_main(["violation_cases", str(xlsx(tmp_path / "ok.xlsx", CASE_HEADER, rows, {"A2": "000"}))]) == 0
    stored = pipeline.current_content(pipeline.load_catalog()["violation_cases"], VersionStore(data_dir))
    assert set(stored["case_id"]) == {"001", "K-002"}
    assert stored.set_index("case_id").loc["K-002", "region_code"] == "63.10"


def test_numbers_out_of_range_and_non_scalar_cells(data_dir, tmp_path):
    events = [EVENT_ROWS[0][:-1] + ["3.000.000.000"], EVENT_ROWS[1]]
    problem = first_problem("socialization_events", write_csv(tmp_path / "e.csv", EVENT_HEADER, events))
    assert (problem.code, problem.row) == ("number_too_large", 2)
    frame = pd.DataFrame(CASE_ROWS[:2], columns=CASE_HEADER)
    frame["Nama Instansi"] = [["a", "b"], ["c"]]
    frame.to_parquet(tmp_path / "k.parquet", index=False)
    problem = first_problem("violation_cases", tmp_path / "k.parquet")
    assert (problem.code, problem.row, problem.column) == ("not_a_value", 2, "Nama Instansi")
    assert ingest_main(["violation_cases", str(tmp_path)]) == 2  # a folder, not a file


def test_blank_defaulted_columns_take_the_default(data_dir, tmp_path):
    header = [
        "ID Angka",
        "Siklus",
        "Cakupan",
        "Metrik",
        "Keterangan",
        "Nilai",
        "Satuan",
        "Penerbit",
        "Judul Sumber",
        "Tautan",
        "Keyakinan",
        "Kualifikasi Nilai",
    ]
    row = [
        "FX1",
        "Pilkada 2024",
        "nasional",
        "asn_reported",
        "x",
        "0,125",
        "persen",
        "P",
        "J",
        "https://e.org",
        "sedang",
        "",
    ]
    assert ingest_main(["published_figures", str(write_csv(tmp_path / "f.csv", header, [row]))]) == 0
    stored = pipeline.current_content(pipeline.load_catalog()["published_figures"], VersionStore(data_dir))
    figure = stored.set_index("figure_id").loc["FX1"]
    assert (figure["value"], figure["value_qualifier"]) == (0.125, "exact")


def test_ambiguous_decimal_is_reported(data_dir, tmp_path):
    # headed 'value' and with no other number to tell the convention, '2.034' may be either
    header = [
        "ID Angka",
        "Siklus",
        "Cakupan",
        "Metrik",
        "Keterangan",
        "value",
        "Satuan",
        "Penerbit",
        "Judul Sumber",
        "Tautan",
        "Keyakinan",
    ]
    row = ["FX2", "Pilkada 2020", "nasional", "asn_reported", "x", "2.034", "ASN", "P", "J", "https://e.org", "tinggi"]
    problem = first_problem("published_figures", write_csv(tmp_path / "f.csv", header, [row]))
    assert (problem.code, problem.column) == ("ambiguous_number", "value")


def test_precision_that_contradicts_its_date(data_dir, tmp_path):
    header = EVENT_HEADER + ["Ketelitian Tanggal"]
    rows = [EVENT_ROWS[0] + ["hari"], EVENT_ROWS[1] + ["hari"]]  # 'Juli 2024' is month precision
    problem = first_problem("socialization_events", write_csv(tmp_path / "e.csv", header, rows))
    assert (problem.code, problem.row, problem.column) == ("precision_mismatch", 2, "Ketelitian Tanggal")


def test_a_bad_decision_date_is_reported_once(data_dir, tmp_path):
    rows = [list(r) for r in CASE_ROWS[:2]]
    rows[0][col("Tanggal Putusan")] = "32/07/2024"
    prepared = pipeline.prepare("violation_cases", write_csv(tmp_path / "k.csv", CASE_HEADER, rows))
    assert [p.code for p in prepared.problems] == ["date_not_in_calendar"]


def test_problem_list_is_cut_and_says_so(data_dir, tmp_path):
    rows = [[f"K{i}"] + list(CASE_ROWS[1][1:3]) + ["kemarin"] + list(CASE_ROWS[1][4:]) for i in range(1100)]
    prepared = pipeline.prepare("violation_cases", write_csv(tmp_path / "k.csv", CASE_HEADER, rows))
    assert len(prepared.problems) == 1001 and prepared.problems[-1].code == "too_many_problems"


@pytest.mark.parametrize(
    "region,province,code",
    [
        ("Tabalong", "Kalimantan Timur", "region_province_mismatch"),
        ("Tabalong", "Kalsell", "unknown_province"),
        ("Kota Tabalong", "", "region_type_mismatch"),
        ("Kabupaten Banjarmasin", "", "region_type_mismatch"),
    ],
)
def test_regions_that_contradict_what_else_is_written(data_dir, tmp_path, region, province, code):
    rows = [list(r) for r in CASE_ROWS[:1]]
    rows[0][col("Kabupaten/Kota")] = region
    rows[0][col("Provinsi")] = province
    assert first_problem("violation_cases", write_csv(tmp_path / "k.csv", CASE_HEADER, rows)).code == code


def test_month_first_dates_are_refused_for_the_whole_column(data_dir, tmp_path):
    rows = [list(r) for r in CASE_ROWS[:2]]
    rows[0][col("Tanggal Laporan")] = "07/08/2024"  # would silently be 7 August
    rows[1][col("Tanggal Laporan")] = "09/17/2024"  # shows the column is month-first
    problem = first_problem("violation_cases", write_csv(tmp_path / "k.csv", CASE_HEADER, rows))
    assert (problem.code, problem.row) == ("month_first", 3)


def test_a_commit_checked_against_an_old_version_is_refused(data_dir, tmp_path):
    first = pipeline.prepare("violation_cases", write_csv(tmp_path / "a.csv", CASE_HEADER, CASE_ROWS[:2]))
    second = pipeline.prepare("violation_cases", write_csv(tmp_path / "b.csv", CASE_HEADER, CASE_ROWS[2:]))
    pipeline.commit(first)
    with pytest.raises(StaleVersion):
        pipeline.commit(second)
    assert VersionStore(data_dir).current().tables["violation_cases"]["rows"] == 2


def test_replacing_cases_may_not_orphan_imported_sanctions(data_dir, tmp_path):
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "k.csv", CASE_HEADER, CASE_ROWS))]) == 0
    assert ingest_main(["sanctions", str(write_csv(tmp_path / "s.csv", SANCTION_HEADER, SANCTION_ROWS))]) == 0
    problem = first_problem(
        "violation_cases", write_csv(tmp_path / "r.csv", CASE_HEADER, CASE_ROWS[1:3]), mode="replace"
    )
    assert (problem.code, problem.value) == ("sanction_orphaned", "K-001")


def test_an_unreadable_current_pointer_is_an_error_not_the_demo(data_dir, tmp_path):
    from analytics import db

    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "k.csv", CASE_HEADER, CASE_ROWS))]) == 0
    (data_dir / "imports" / "CURRENT").write_text("v0042\n")
    with pytest.raises(StoreError):
        db.resolve_sources(data_dir)
    with pytest.raises(StoreError):
        pipeline.prepare("violation_cases", write_csv(tmp_path / "k2.csv", CASE_HEADER, CASE_ROWS))
    assert (data_dir / "imports" / "versions" / "v0001").exists()


@pytest.mark.parametrize("newline", ["\r", "\n", "\r\n"])
def test_a_csv_reads_the_same_whatever_its_line_endings(newline):
    """Old Mac exports end lines with a bare CR; the delimiter is still found from the header line."""
    from analytics.ingest.readers import read_csv

    text = (
        newline.join(["nama;alamat", "Budi;Jl. Merdeka, No. 5, Banjarmasin", "", "Sari;Jl. Ahmad Yani, Km 3"]) + newline
    )
    table = read_csv(text.encode("utf-8"), "alamat.csv")
    assert table.headers == ["nama", "alamat"]
    assert table.rows.values.tolist() == [["Budi", "Jl. Merdeka, No. 5, Banjarmasin"], ["Sari", "Jl. Ahmad Yani, Km 3"]]
    assert table.row_numbers == [2, 4]
