"""Messy but valid files import correctly, in every format, and reach the dashboard's queries;
append twice adds nothing; replace and rollback; the register is never mixed with the demo."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics import db, queries
from analytics.filters import Filters
from analytics.ingest import pipeline
from analytics.ingest.__main__ import main as ingest_main
from analytics.ingest.store import VersionStore
from tests.ingest.conftest import tree_digest
from tests.ingest.samples import (
    CASE_HEADER,
    CASE_ROWS,
    EVENT_HEADER,
    EVENT_ROWS,
    SANCTION_HEADER,
    SANCTION_ROWS,
    excel_rows,
    write_csv,
    write_xlsx,
)

EXPECTED_REGIONS = {"K-001": "63.09", "K-002": "64.02", "K-003": "63.71", "K-004": "63.06", "K-005": "63.09"}


def served(data_dir):
    return db.connect(db.resolve_sources(data_dir))


def messy_files(tmp_path):
    parquet = tmp_path / "kasus.parquet"
    pd.DataFrame(CASE_ROWS, columns=CASE_HEADER).to_parquet(parquet, index=False)
    return {
        "csv-utf8-bom-comma": write_csv(tmp_path / "kasus_bom.csv", CASE_HEADER, CASE_ROWS, bom=True),
        "csv-cp1252-semicolon": write_csv(
            tmp_path / "kasus_excel.csv",
            CASE_HEADER,
            [r[:6] + [r[6] + " Café"] + r[7:] for r in CASE_ROWS],
            delimiter=";",
            encoding="cp1252",
        ),
        "csv-latin1-tab": write_csv(tmp_path / "kasus.tsv", CASE_HEADER, CASE_ROWS, delimiter="\t", encoding="latin-1"),
        "xlsx-date-cells-named-sheet": write_xlsx(
            tmp_path / "kasus.xlsx", CASE_HEADER, excel_rows(), sheet="Kasus", first_sheet="Petunjuk"
        ),
        "parquet": parquet,
    }


@pytest.mark.parametrize(
    "kind", ["csv-utf8-bom-comma", "csv-cp1252-semicolon", "csv-latin1-tab", "xlsx-date-cells-named-sheet", "parquet"]
)
def test_messy_valid_files_import_and_reach_the_dashboard(data_dir, tmp_path, kind):
    path = messy_files(tmp_path)[kind]
    args = ["violation_cases", str(path)] + (["--sheet", "Kasus"] if kind.startswith("xlsx") else [])
    assert ingest_main(args) == 0
    con = served(data_dir)
    stored = con.execute("SELECT * FROM violation_cases ORDER BY case_id").df()
    assert dict(zip(stored["case_id"], stored["region_code"])) == EXPECTED_REGIONS
    first = stored.iloc[0]
    assert first["reported_date"].date() == date(2024, 7, 17)
    assert first["forwarded_date"].date() == date(2024, 8, 1)
    assert (first["intake"], first["agency_level"], first["medium"], first["status"]) == (
        "temuan",
        "kabupaten",
        "media_sosial",
        "terbukti",
    )
    assert stored["election_id"].eq("pilkada-2024").all()
    assert not stored["is_synthetic"].any()
    if kind == "csv-cp1252-semicolon":
        assert stored.iloc[0]["agency_name"] == "Dinas Pendidikan Café"
    # the dashboard: map values and headline numbers come from the imported rows only
    regency = queries.region_metrics(con, Filters(election_id="pilkada-2024"), level="regency").set_index("region_code")
    assert regency.loc["63.09", "reported"] == 2 and regency.loc["63.09", "proven"] == 2
    assert regency["reported"].sum() == 5
    headline = queries.headline_numbers(con, Filters(election_id="pilkada-2024")).iloc[0]
    assert (headline["reported"], headline["proven"], headline["any_synthetic"]) == (5, 3, False)
    assert con.execute("SELECT count(*) FROM sanctions").fetchone()[0] == 0  # no demo sanctions mixed in
    con.close()


def test_importing_the_same_file_twice_adds_nothing_and_says_so(data_dir, tmp_path, capsys):
    path = write_csv(tmp_path / "kasus.csv", CASE_HEADER, CASE_ROWS)
    assert ingest_main(["violation_cases", str(path)]) == 0
    before = tree_digest(data_dir)
    capsys.readouterr()
    assert ingest_main(["violation_cases", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Tidak ada yang baru" in out and out.count("sudah ada dengan isi yang sama") == 5
    assert tree_digest(data_dir) == before
    assert len(VersionStore(data_dir).versions()) == 1


def test_append_adds_only_new_keys(data_dir, tmp_path):
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "a.csv", CASE_HEADER, CASE_ROWS[:3]))]) == 0
    prepared = pipeline.prepare("violation_cases", write_csv(tmp_path / "b.csv", CASE_HEADER, CASE_ROWS[2:]))
    assert (prepared.added, prepared.skipped) == (2, 1)
    pipeline.commit(prepared, who="tester")
    con = served(data_dir)
    assert con.execute("SELECT count(*) FROM violation_cases").fetchone()[0] == 5
    con.close()
    latest = VersionStore(data_dir).current().manifest
    assert (latest["who"], latest["mode"], latest["rows_added"], latest["file"]) == ("tester", "append", 2, "b.csv")
    assert len(latest["file_sha256"]) == 64


def test_replace_then_rollback_to_any_earlier_version(data_dir, tmp_path):
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "a.csv", CASE_HEADER, CASE_ROWS))]) == 0
    assert (
        ingest_main(
            ["violation_cases", str(write_csv(tmp_path / "b.csv", CASE_HEADER, CASE_ROWS[:1])), "--mode", "replace"]
        )
        == 0
    )
    con = served(data_dir)
    assert con.execute("SELECT count(*) FROM violation_cases").fetchone()[0] == 1
    con.close()
    assert ingest_main(["--rollback", "v0001"]) == 0
    store = VersionStore(data_dir)
    assert store.current().name == "v0003" and store.current().manifest["restored_from"] == "v0001"
    con = served(data_dir)
    assert con.execute("SELECT count(*) FROM violation_cases").fetchone()[0] == 5
    con.close()
    # back to before any import: the demo register again, flagged synthetic
    assert ingest_main(["--rollback", "v0000"]) == 0
    con = served(data_dir)
    assert con.execute("SELECT bool_and(is_synthetic) FROM violation_cases").fetchone()[0] is True
    con.close()
    assert ingest_main(["--rollback", "v0099"]) == 1


def test_sanctions_import_after_cases_and_join_them(data_dir, tmp_path):
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "k.csv", CASE_HEADER, CASE_ROWS))]) == 0
    assert ingest_main(["sanctions", str(write_csv(tmp_path / "s.csv", SANCTION_HEADER, SANCTION_ROWS))]) == 0
    con = served(data_dir)
    row = queries.headline_numbers(con, Filters(election_id="pilkada-2024")).iloc[0]
    assert (row["recommended"], row["followed_up"], row["sanctioned"]) == (2, 1, 1)
    stored = con.execute("SELECT recommended_sanction_code FROM sanctions WHERE case_id = 'K-001'").fetchone()[0]
    assert stored == "disiplin_sedang"  # written as its label, stored as its code
    con.close()


def test_events_import_with_partial_dates_and_indonesian_numbers(data_dir, tmp_path):
    before = served(data_dir).execute("SELECT count(*) FROM socialization_events").fetchone()[0]
    assert ingest_main(["socialization_events", str(write_csv(tmp_path / "e.csv", EVENT_HEADER, EVENT_ROWS))]) == 0
    con = served(data_dir)
    rows = con.execute(
        "SELECT event_id, event_date, date_precision, participants_count, region_code "
        "FROM socialization_events WHERE event_id LIKE 'EVX%' ORDER BY event_id"
    ).fetchall()
    assert rows == [
        ("EVX1", date(2024, 7, 1), "month", 120, "63.09"),
        ("EVX2", date(2024, 8, 17), "day", 1250, "64.72"),
    ]
    # appended to the curated events, which stay
    assert con.execute("SELECT count(*) FROM socialization_events").fetchone()[0] == before + 2
    con.close()


def test_real_cases_drop_the_synthetic_headcount(data_dir, tmp_path):
    con = served(data_dir)
    assert con.execute("SELECT count(*) FROM asn_headcount WHERE is_synthetic").fetchone()[0] > 0
    con.close()
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "k.csv", CASE_HEADER, CASE_ROWS))]) == 0
    con = served(data_dir)
    assert con.execute("SELECT count(*) FROM asn_headcount WHERE is_synthetic").fetchone()[0] == 0
    con.close()


def test_published_figures_import_with_month_precision_and_written_scopes(data_dir, tmp_path):
    header = [
        "ID Angka",
        "Pemilu",
        "Siklus",
        "Cakupan",
        "Wilayah",
        "Kode Wilayah",
        "Metrik",
        "Keterangan",
        "Nilai",
        "Satuan",
        "Per Tanggal",
        "Penerbit",
        "Judul Sumber",
        "Tautan",
        "Keyakinan",
    ]
    rows = [
        [
            "FX1",
            "Pilkada 2024",
            "Pilkada 2024",
            "kabupaten",
            "Kabupaten Tabalong",
            "Tabalong",
            "asn_reported",
            "ASN dilaporkan ke Bawaslu Tabalong",
            "4",
            "ASN",
            "Oktober 2024",
            "Bawaslu Tabalong",
            "Rilis",
            "https://example.org/f",
            "tinggi",
        ]
    ]
    assert ingest_main(["published_figures", str(write_csv(tmp_path / "f.csv", header, rows))]) == 0
    con = served(data_dir)
    row = con.execute(
        "SELECT scope, region_code, value, as_of_date, as_of_precision, value_qualifier, confidence "
        "FROM published_figures WHERE figure_id = 'FX1'"
    ).fetchone()
    assert row == ("regency", "63.09", 4.0, date(2024, 10, 1), "month", "exact", "high")
    con.close()


def test_imported_names_and_nips_never_reach_open_data(data_dir, tmp_path):
    from analytics import open_data

    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "k.csv", CASE_HEADER, CASE_ROWS))]) == 0
    con = served(data_dir)
    with con.cursor() as cur:
        datasets = open_data.register_datasets(cur) + open_data.reference_datasets(cur)
    payload = b"".join(open_data.bundle(d) + d.frame.to_csv().encode() for d in datasets)
    text = b"".join(d.frame.to_csv().encode() for d in datasets)
    for secret in ("Budi Santoso", "Siti Aminah", "198001012005011001", "198505052010012002"):
        assert secret.encode() not in text
    assert payload
    con.close()
