"""Spreadsheets as offices keep them: no ids, no derived columns, their own words for types and
cycles. They import in one go, reach the tables the pages read, and a second import adds nothing."""

from __future__ import annotations

from datetime import date

import pandas as pd

from analytics import db
from analytics.ingest import derive
from analytics.ingest.__main__ import main as ingest_main
from tests.ingest.conftest import tree_digest

EVENTS = """Tanggal;Kabupaten/Kota;Provinsi;Jenis Kegiatan;Penyelenggara;Judul;Sumber (URL);Jumlah Peserta
17 Oktober 2020;Kab. Nunukan;Kalimantan Utara;Apel ikrar;Pemkab Nunukan;Apel ikrar netralitas ASN Pilkada 2020;https://www.example.org/berita/nunukan-ikrar;250
3 Maret 2024;Kotim;Kalimantan Tengah;Rapat koordinasi;Bawaslu Kotim;Rakor pengawasan netralitas ASN;https://kalteng.example.id/rakor;
12 Juni 2024;Kota Balikpapan;Kalimantan Timur;Nota kesepahaman;Pemkot Balikpapan;Kesepakatan pengawasan netralitas;https://m.example.net/mou;40
"""

FIGURES_HEADER = [
    "Pemilu/Pilkada",
    "Kabupaten/Kota",
    "Indikator",
    "Nilai",
    "Satuan",
    "Per tanggal",
    "Penerbit",
    "Judul sumber",
    "Tautan",
    "Keyakinan",
]
FIGURES = [
    [
        "Pilkada 2020",
        "Kab. Paser",
        "ASN dilaporkan/diduga melanggar",
        "3",
        "ASN",
        "2020-12-01",
        "Kantor Berita",
        "Tiga ASN Paser dilaporkan",
        "https://example.org/paser",
        "Tinggi",
    ],
    [
        "Pilkada Serentak 2024",
        "Kalimantan Barat",
        "ASN dilaporkan/diduga melanggar",
        "lebih dari 20",
        "ASN",
        "2024-11-20",
        "Harian Daerah",
        "Lebih dari 20 ASN Kalbar dilaporkan",
        "https://example.org/kalbar",
        "Sedang",
    ],
    [
        "Pemilu 2024",
        "",
        "ASN dilaporkan/diduga melanggar",
        3824,
        "ASN",
        "2024-06-01",
        "Portal Nasional",
        "Ribuan laporan netralitas",
        "https://example.org/nasional",
        "sedang",
    ],
]


def _served(data_dir, sql: str) -> pd.DataFrame:
    con = db.connect(db.resolve_sources(data_dir))
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def test_an_events_sheet_without_ids_or_source_titles_imports_once(data_dir, tmp_path, capsys):
    path = tmp_path / "kegiatan.csv"
    path.write_bytes(EVENTS.encode("cp1252"))
    assert ingest_main(["socialization_events", str(path)]) == 0, capsys.readouterr().out
    events = _served(data_dir, "SELECT * FROM socialization_events WHERE event_id LIKE 'EVI-%' ORDER BY event_date")
    assert list(events["region_code"]) == ["65.03", "62.02", "64.71"]
    assert list(events["event_type"]) == ["ikrar_pakta", "rakor", "kerja_sama"]
    assert events.iloc[0]["event_date"].date() == date(2020, 10, 17) and events.iloc[0]["date_precision"] == "day"
    assert list(events["source_title"]) == ["example.org", "kalteng.example.id", "example.net"]
    assert events.iloc[0]["participants_count"] == 250 and pd.isna(events.iloc[1]["participants_count"])
    # the same file again: every row is recognised by its content id, nothing is added
    before = tree_digest(data_dir)
    capsys.readouterr()
    assert ingest_main(["socialization_events", str(path)]) == 0
    assert capsys.readouterr().out.count("sudah ada dengan isi yang sama") == 3
    assert tree_digest(data_dir) == before


def test_a_published_figures_sheet_gets_its_id_cycle_label_scope_and_qualifier(data_dir, tmp_path, capsys):
    path = tmp_path / "angka.xlsx"
    pd.DataFrame(FIGURES, columns=FIGURES_HEADER).to_excel(path, index=False, sheet_name="Angka")
    assert ingest_main(["published_figures", str(path)]) == 0, capsys.readouterr().out
    rows = _served(data_dir, "SELECT * FROM published_figures WHERE figure_id LIKE 'PFI-%' ORDER BY as_of_date")
    assert list(rows["election_id"]) == ["pilkada-2020", "pemilu-2024", "pilkada-2024"]
    assert list(rows["cycle_label"]) == ["Pilkada 2020", "Pemilu 2024", "Pilkada Serentak 2024"]
    assert list(rows["scope"]) == ["regency", "national", "province"]
    assert list(rows["region_code"].fillna("")) == ["64.01", "", "61"]
    assert list(rows["value"]) == [3, 3824, 20]
    assert list(rows["value_qualifier"]) == ["exact", "exact", "more_than"]
    assert list(rows["confidence"]) == ["high", "medium", "medium"]
    assert list(rows["metric"]) == ["asn_reported"] * 3
    assert rows.iloc[0]["description"] == "ASN dilaporkan/diduga melanggar"
    capsys.readouterr()
    assert ingest_main(["published_figures", str(path)]) == 0
    assert capsys.readouterr().out.count("sudah ada dengan isi yang sama") == 3


HEADCOUNTS = """Kabupaten/Kota;Tahun;Jumlah PNS;Cakupan;Penerbit;Judul;Tautan
Kab. Tabalong;2024;4.512;Pemkab;BKPSDM Tabalong;Rekap pegawai 2024;https://bkpsdm.example.go.id/rekap
Kotim;2023;lebih dari 9.000;pemda;Pemkab Kotim;Profil kepegawaian;https://www.example.id/kotim
Kota Samarinda;2024;~7.300;seluruh instansi;BPS Kota Samarinda;Samarinda dalam angka;https://samarindakota.example.id/sda
"""


def test_a_headcount_sheet_says_what_it_counts_in_its_own_words(data_dir, tmp_path, capsys):
    """'Jumlah PNS' says the count is of PNS; 'Pemkab' and 'seluruh instansi' say whose employees;
    'lebih dari' and '~' say how exact the number is."""
    path = tmp_path / "pegawai.csv"
    path.write_bytes(HEADCOUNTS.encode("cp1252"))
    assert ingest_main(["asn_headcount", str(path)]) == 0, capsys.readouterr().out
    rows = _served(data_dir, "SELECT * FROM asn_headcount WHERE headcount_id LIKE 'HCI-%' ORDER BY region_code")
    assert list(rows["region_code"]) == ["62.02", "63.09", "64.72"]
    assert list(rows["asn_count"]) == [9000, 4512, 7300]
    assert set(rows["count_basis"]) == {"pns"}
    assert list(rows["coverage"]) == ["regional_government", "regional_government", "all_agencies_in_region"]
    assert list(rows["value_qualifier"]) == ["more_than", "exact", "approx"]
    assert list(rows["source_title"]) == ["Profil kepegawaian", "Rekap pegawai 2024", "Samarinda dalam angka"]
    assert not rows["is_synthetic"].any()
    capsys.readouterr()
    assert ingest_main(["asn_headcount", str(path)]) == 0
    assert capsys.readouterr().out.count("sudah ada dengan isi yang sama") == 3


def test_a_count_column_says_its_basis_only_when_it_names_one():
    assert derive.count_basis_of_header("Jumlah PNS") == "pns"
    assert derive.count_basis_of_header("Jumlah ASN (PNS + PPPK)") == "asn"
    assert derive.count_basis_of_header("Jumlah ASN") == "asn"
    assert derive.count_basis_of_header("Jumlah PNS dan PPPK") == "asn"
    assert derive.count_basis_of_header("Jumlah pegawai") is None  # the file must say, in a column


def test_the_content_id_ignores_spacing_and_case_and_changes_with_any_value():
    first = derive.content_id("socialization_events", ["17 Oktober 2020", "Kab. Nunukan", "Apel ikrar"])
    assert first == derive.content_id("socialization_events", ["  17 oktober  2020", "KAB. NUNUKAN", "Apel  ikrar "])
    assert first != derive.content_id("socialization_events", ["18 Oktober 2020", "Kab. Nunukan", "Apel ikrar"])
    assert first.startswith("EVI-") and len(first) == len("EVI-") + derive.ID_DIGITS


def test_written_qualifiers_come_off_the_value():
    assert derive.split_qualifier("~3.000") == ("3.000", "approx")
    assert derive.split_qualifier("lebih dari 20") == ("20", "more_than")
    assert derive.split_qualifier("Sekitar 1.500") == ("1.500", "approx")
    assert derive.split_qualifier(3824) == (3824, None)


def test_one_report_names_the_header_problem_and_the_row_problems_together(data_dir, tmp_path):
    """A steward fixes a file once: a missing required column and an unknown regency in row 2 are
    reported by the same import."""
    from analytics.ingest import pipeline

    path = tmp_path / "kegiatan.csv"
    path.write_text(
        "Tanggal;Kabupaten/Kota;Jenis Kegiatan;Judul;Sumber (URL)\n"
        "17 Oktober 2020;Kabupaten Atlantis;Apel ikrar;Apel ikrar;https://example.org/a\n",
        encoding="utf-8",
    )
    before = tree_digest(data_dir)
    prepared = pipeline.prepare("socialization_events", path, data_dir=data_dir)
    codes = {(p.code, p.row) for p in prepared.problems}
    assert ("missing_column", 1) in codes  # Penyelenggara (organizer) is not there
    assert any(code == "unknown_region" and row == 2 for code, row in codes)
    assert tree_digest(data_dir) == before


def test_the_report_keeps_a_value_with_a_list_separator_in_one_cell():
    import csv
    import io

    from analytics.ingest.problems import Problem, report_csv

    text = report_csv([Problem("required_empty", "f.csv", 2, "Judul", "a;=1+1")]).decode("utf-8-sig")
    assert '"a;\'=1+1"' in text
    for separator in (";", ","):
        cells = [cell for row in csv.reader(io.StringIO(text), delimiter=separator) for cell in row]
        assert not any(cell.lstrip().startswith("=") for cell in cells)


def test_a_value_column_reads_numbers_the_way_the_column_writes_them():
    from analytics.ingest.values import number_convention, parse_number

    assert number_convention(["3", "12,5", "3.824"]) == "id"
    assert number_convention(["90.8", "3.824"]) == "en"
    assert number_convention(["3", "3.824"]) is None and number_convention(["12,5", "90.8"]) is None
    assert parse_number("3.824", integer=False, convention="id") == 3824
    assert parse_number("3.824", integer=False, convention="en") == 3.824
    assert parse_number("3,824", integer=False, convention="id") == 3.824


def test_a_nilai_column_in_an_office_csv_reads_3_824_as_thousands(data_dir, tmp_path, capsys):
    path = tmp_path / "angka.csv"
    rows = [
        ";".join(FIGURES_HEADER),
        ";".join(
            [
                "Pemilu 2024",
                "",
                "ASN dilaporkan/diduga melanggar",
                "3.824",
                "ASN",
                "2024-06-01",
                "Portal Nasional",
                "Ribuan laporan",
                "https://example.org/n",
                "sedang",
            ]
        ),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert ingest_main(["published_figures", str(path)]) == 0, capsys.readouterr().out
    value = _served(data_dir, "SELECT value FROM published_figures WHERE figure_id LIKE 'PFI-%'")["value"]
    assert value.tolist() == [3824]


def test_imported_office_rows_appear_on_the_regions_profile(data_dir, tmp_path):
    """Profil wilayah lists the imported event under its regency with its date, and the imported
    figure under its regency with its value and source."""
    from streamlit.testing.v1 import AppTest

    from tests.app.test_pages import APP

    events = tmp_path / "kegiatan.csv"
    events.write_text(EVENTS, encoding="utf-8")
    figures = tmp_path / "angka.xlsx"
    pd.DataFrame(FIGURES, columns=FIGURES_HEADER).to_excel(figures, index=False)
    assert ingest_main(["socialization_events", str(events)]) == 0
    assert ingest_main(["published_figures", str(figures)]) == 0
    shown = {}
    for regency in ("65.03", "64.01"):
        app = AppTest.from_file(APP, default_timeout=60)
        app.query_params["kabkota"] = regency
        at = app.run()
        at.switch_page("pages/profil_wilayah.py").run()
        assert not at.exception, at.exception
        text = "\n".join(str(m.value) for m in at.markdown)
        tables = [d.value for d in at.dataframe]
        shown[regency] = (text, tables)
    nunukan, _ = shown["65.03"]
    assert "17 Oktober 2020" in nunukan and "Apel ikrar netralitas ASN Pilkada 2020" in nunukan
    _, paser_tables = shown["64.01"]
    figures_table = next(t for t in paser_tables if "Nilai" in t.columns)
    row = figures_table[figures_table["Sumber"].astype(str).str.contains("example.org/paser")]
    assert len(row) == 1 and str(row.iloc[0]["Nilai"]) == "3"


def test_a_header_with_an_invisible_character_is_still_its_name():
    from analytics.ingest.headers import map_headers

    mapping = map_headers("socialization_events", ["title", "organizer"], ["Judul\u200b", "\u200ePenyelenggara"])
    assert mapping.columns == {"title": 0, "organizer": 1} and not mapping.ignored
