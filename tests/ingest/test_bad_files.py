"""A corpus of bad files: each is rejected with a report naming the file, the row and the
column, and every table stays byte-for-byte unchanged (the whole data directory is hashed)."""

from __future__ import annotations

import csv
import io

import pytest

from analytics.ingest import pipeline
from analytics.ingest.__main__ import main as ingest_main
from analytics.ingest.problems import report_csv
from tests.ingest.conftest import tree_digest
from tests.ingest.samples import (
    CASE_HEADER,
    CASE_ROWS,
    EVENT_HEADER,
    EVENT_ROWS,
    SANCTION_HEADER,
    SANCTION_ROWS,
    write_csv,
    write_xlsx,
)

JABATAN = CASE_HEADER.index("Jabatan")


def without(values: list, index: int) -> list:
    return [v for i, v in enumerate(values) if i != index]


def put(path, data: bytes):
    path.write_bytes(data)
    return path


def cases_with(change) -> list[list[str]]:
    rows = [list(r) for r in CASE_ROWS]
    change(rows)
    return rows


def _set(row, column, value):
    def change(rows):
        rows[row][CASE_HEADER.index(column)] = value

    return change


def merged_header(path):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["Rekap kasus netralitas ASN 2024"])
    ws.merge_cells("A1:F1")
    ws.append(CASE_HEADER)
    ws.append(CASE_ROWS[0])
    book.save(path)
    return path


def formula_xlsx(path):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(CASE_HEADER)
    ws.append(CASE_ROWS[0])
    ws["G2"] = '=HYPERLINK("http://evil.example","klik")'
    book.save(path)
    return path


def mixed_encoding(path):
    head = ",".join(CASE_HEADER) + "\n"
    first = ",".join(CASE_ROWS[0]).replace("Dinas Pendidikan", "Dinas Pendidikan Café") + "\n"
    second = ",".join(CASE_ROWS[1]).replace("Kecamatan Tenggarong", "Kecamatan Tenggarong Café") + "\n"
    path.write_bytes(head.encode() + first.encode("utf-8") + second.encode("cp1252"))
    return path


def fifty_mb(path):
    with open(path, "wb") as handle:
        handle.write((",".join(CASE_HEADER) + "\n").encode())
        line = (",".join(CASE_ROWS[0]) + "\n").encode()
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    return path


# name, table, builder(path) -> path, suffix, extra CLI args, expected (code, row, column)
CASES = [
    ("empty file", "violation_cases", lambda p: put(p, b""), ".csv", [], ("file_empty", None, None)),
    ("blank lines only", "violation_cases", lambda p: put(p, b"\n \n\t\n"), ".csv", [], ("file_empty", None, None)),
    (
        "header only",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, []),
        ".csv",
        [],
        ("header_only", None, None),
    ),
    (
        "wrong delimiter",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, CASE_ROWS, delimiter="|"),
        ".csv",
        [],
        ("unknown_delimiter", 1, None),
    ),
    ("mixed encodings", "violation_cases", mixed_encoding, ".csv", [], ("mixed_encoding", 3, None)),
    (
        "binary disguised as CSV",
        "violation_cases",
        lambda p: put(p, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40),
        ".csv",
        [],
        ("binary_not_text", None, None),
    ),
    (
        "a huge line",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(1, "Nama Instansi", "x" * 200_000))),
        ".csv",
        [],
        ("line_too_long", 3, None),
    ),
    (
        "formula text in CSV",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(2, "Nama Instansi", '=HYPERLINK("http://evil","x")'))),
        ".csv",
        [],
        ("formula", 4, "Nama Instansi"),
    ),
    ("formula cell in XLSX", "violation_cases", formula_xlsx, ".xlsx", [], ("formula", 2, "Nama Instansi")),
    ("merged header rows", "violation_cases", merged_header, ".xlsx", [], ("merged_header", 1, None)),
    (
        "duplicate keys",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(2, "No Kasus", "K-001"))),
        ".csv",
        [],
        ("duplicate_key", 4, "No Kasus"),
    ),
    (
        "unknown region",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(0, "Kabupaten/Kota", "Tabalongg"))),
        ".csv",
        [],
        ("unknown_region", 2, "Kabupaten/Kota"),
    ),
    (
        "impossible date",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(1, "Tanggal Laporan", "31/02/2024"))),
        ".csv",
        [],
        ("date_not_in_calendar", 3, "Tanggal Laporan"),
    ),
    (
        "date far from the election",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(1, "Tanggal Laporan", "03/09/2019"))),
        ".csv",
        [],
        ("date_out_of_range", 3, "Tanggal Laporan"),
    ),
    (
        "decided before reported",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(0, "Tanggal Putusan", "01/07/2024"))),
        ".csv",
        [],
        ("date_before", 2, "Tanggal Putusan"),
    ),
    (
        "date without a day",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(1, "Tanggal Laporan", "Juli 2024"))),
        ".csv",
        [],
        ("date_needs_day", 3, "Tanggal Laporan"),
    ),
    (
        "unknown status",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(1, "Status Kasus", "selesai kok"))),
        ".csv",
        [],
        ("not_allowed", 3, "Status Kasus"),
    ),
    (
        "unknown category",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(1, "Jenis Pelanggaran", "makan siang"))),
        ".csv",
        [],
        ("unknown_reference", 3, "Jenis Pelanggaran"),
    ),
    (
        "bad NIP",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(0, "NIP", "1980-01"))),
        ".csv",
        [],
        ("bad_nip", 2, "NIP"),
    ),
    (
        "province where a regency is needed",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(1, "Kabupaten/Kota", "Kalimantan Timur"))),
        ".csv",
        [],
        ("region_not_regency", 3, "Kabupaten/Kota"),
    ),
    (
        "proven without a decision date",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, cases_with(_set(3, "Tanggal Putusan", ""))),
        ".csv",
        [],
        ("status_needs_date", 5, "Tanggal Putusan"),
    ),
    (
        "missing required column",
        "violation_cases",
        lambda p: write_csv(p, without(CASE_HEADER, JABATAN), [without(r, JABATAN) for r in CASE_ROWS]),
        ".csv",
        [],
        ("missing_column", 1, "position_code"),
    ),
    (
        "duplicate header",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER + ["Tgl"], [r + ["1/1/2024"] for r in CASE_ROWS]),
        ".csv",
        [],
        ("duplicate_header", 1, "Tgl"),
    ),
    (
        "ragged row",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER, [CASE_ROWS[0], CASE_ROWS[1][:7]]),
        ".csv",
        [],
        ("ragged_row", 3, None),
    ),
    (
        "synthetic flag on import",
        "violation_cases",
        lambda p: write_csv(p, CASE_HEADER + ["is_synthetic"], [r + ["true"] for r in CASE_ROWS]),
        ".csv",
        [],
        ("synthetic_flag", 2, "is_synthetic"),
    ),
    (
        "negative count",
        "socialization_events",
        lambda p: write_csv(p, EVENT_HEADER, [EVENT_ROWS[0][:-1] + ["-5"], EVENT_ROWS[1]]),
        ".csv",
        [],
        ("negative", 2, "Jumlah Peserta"),
    ),
    (
        "text where a number goes",
        "socialization_events",
        lambda p: write_csv(p, EVENT_HEADER, [EVENT_ROWS[0][:-1] + ["banyak"], EVENT_ROWS[1]]),
        ".csv",
        [],
        ("not_a_number", 2, "Jumlah Peserta"),
    ),
    (
        "sanction for a missing case",
        "sanctions",
        lambda p: write_csv(p, SANCTION_HEADER, SANCTION_ROWS),
        ".csv",
        [],
        ("case_missing", 3, "No Kasus"),
    ),
    ("a 50 MB file", "violation_cases", fifty_mb, ".csv", [], ("file_too_large", None, None)),
    (
        "damaged XLSX",
        "violation_cases",
        lambda p: put(p, b"PK\x03\x04" + b"\x00garbage" * 100),
        ".xlsx",
        [],
        ("unreadable", None, None),
    ),
    (
        "damaged Parquet",
        "violation_cases",
        lambda p: put(p, b"PAR1" + b"\x01\x02junk" * 100),
        ".parquet",
        [],
        ("unreadable", None, None),
    ),
    (
        "sheet that does not exist",
        "violation_cases",
        lambda p: write_xlsx(p, CASE_HEADER, CASE_ROWS),
        ".xlsx",
        ["--sheet", "Rekap"],
        ("sheet_missing", None, None),
    ),
]


@pytest.mark.parametrize("name,table,build,suffix,extra,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_rejected_with_its_location_and_changes_nothing(
    data_dir, tmp_path, capsys, name, table, build, suffix, extra, expected
):
    # a good import first, so that there is a stored version to protect
    good = write_csv(tmp_path / "good.csv", CASE_HEADER, CASE_ROWS[:2])
    assert ingest_main(["violation_cases", str(good)]) == 0
    before = tree_digest(data_dir)

    path = build(tmp_path / f"bad{suffix}")
    assert ingest_main([table, str(path), *extra]) == 2
    assert tree_digest(data_dir) == before, "a rejected file changed the data directory"

    sheet = extra[1] if extra[:1] == ["--sheet"] else None
    prepared = pipeline.prepare(table, path, sheet=sheet)
    assert not prepared.ok
    first = prepared.problems[0]
    code, row, column = expected
    assert (first.code, first.row, first.column) == (code, row, column), first.describe("en")
    assert first.file.startswith(path.name)
    printed = capsys.readouterr().err
    assert path.name in printed and "DITOLAK" in printed

    report = list(csv.reader(io.StringIO(report_csv(prepared.problems, "id").decode("utf-8-sig"))))
    assert report[0] == ["berkas", "baris", "kolom", "nilai_ditemukan", "diharapkan", "pesan"]
    assert report[1][0].startswith(path.name)
    assert report[1][5] == first.message("id")
    assert first.message("en") != first.message("id")


def test_the_corpus_covers_at_least_25_kinds():
    assert len({expected[0] for *_, expected in CASES}) >= 25
