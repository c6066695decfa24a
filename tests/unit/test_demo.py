"""Tests of the synthetic demo register generator (analytics.demo).

Most tests run against a small fixture reference directory written here (56 made-up
regencies, the six cycles, taxonomies and a hand-made published_figures.csv), so they do not
depend on the curated data/. One test runs against the repository's data/ when it is complete.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from analytics import demo

REPO_DATA = Path(__file__).resolve().parents[2] / "data"

# ---------------------------------------------------------------------------------------------
# Fixture reference directory
# ---------------------------------------------------------------------------------------------

PROVINCES = {
    "61": ("Kalimantan Barat", 12, 2),
    "62": ("Kalimantan Tengah", 13, 1),
    "63": ("Kalimantan Selatan", 11, 2),
    "64": ("Kalimantan Timur", 7, 3),
    "65": ("Kalimantan Utara", 4, 1),
}  # name, kabupaten, kota

ELECTIONS = """election_id,election_type,election_year,label_id,label_en,voting_date,campaign_start,campaign_end,quiet_start,quiet_end,previous_election_id,note,source_title,source_url
pilkada-2015,pilkada,2015,Pilkada Serentak 2015,2015 regional elections,2015-12-09,2015-08-27,2015-12-05,,,,,s,u
pilkada-2017,pilkada,2017,Pilkada Serentak 2017,2017 regional elections,2017-02-15,,,,,pilkada-2015,,s,u
pilkada-2018,pilkada,2018,Pilkada Serentak 2018,2018 regional elections,2018-06-27,2018-02-15,,,,pilkada-2017,,s,u
pemilu-2019,pemilu,2019,Pemilu 2019,2019 general election,2019-04-17,2018-09-23,2019-04-13,2019-04-14,2019-04-16,,,s,u
pilkada-2020,pilkada,2020,Pilkada Serentak 2020,2020 regional elections,2020-12-09,2020-09-26,2020-12-05,2020-12-06,2020-12-08,pilkada-2018,,s,u
pemilu-2024,pemilu,2024,Pemilu 2024,2024 general election,2024-02-14,2023-11-28,2024-02-10,2024-02-11,2024-02-13,pemilu-2019,,s,u
pilkada-2024,pilkada,2024,Pilkada Serentak 2024,2024 regional elections,2024-11-27,2024-09-25,2024-11-23,2024-11-24,2024-11-26,pilkada-2020,,s,u
"""

CATEGORIES = [
    "kampanye_medsos",
    "interaksi_medsos",
    "foto_keberpihakan",
    "hadir_kampanye",
    "kegiatan_keberpihakan",
    "pendekatan_parpol",
    "alat_peraga",
    "keputusan_menguntungkan",
    "tim_pemenangan",
    "dukungan_ktp",
    "anggota_parpol",
    "lainnya",
]
POSITIONS = ["jpt", "administrator", "pengawas", "fungsional", "pelaksana", "kepala_wilayah"]
SANCTIONS = """code,label_id,label_en,sanction_group,severity,legal_basis
moral_tertutup,a,a,moral,1,
moral_terbuka,a,a,moral,2,
disiplin_ringan,a,a,disiplin,3,
disiplin_sedang,a,a,disiplin,4,
disiplin_berat,a,a,disiplin,5,
ptdh,a,a,disiplin,6,
"""

FIGURE_HEADER = (
    "figure_id,election_id,cycle_label,scope,region_code,area_label,metric,breakdown,description,value,"
    "value_qualifier,unit,as_of_date,as_of_precision,publisher,source_title,source_url,published_date,confidence,note"
)

# (figure_id, election_id, scope, metric, breakdown, value, as_of_date, confidence)
FIGURES = [
    # pilkada-2020 category shares: an older set and a newer one (the newer wins)
    ("C01", "pilkada-2020", "national", "category_share_pct", "kampanye_medsos", 27, "2020-06-26", "high"),
    ("C02", "pilkada-2020", "national", "category_share_pct", "pendekatan_parpol", 21, "2020-06-26", "high"),
    ("C03", "pilkada-2020", "national", "category_share_pct", "kegiatan_keberpihakan", 30, "2020-11-01", "medium"),
    ("C04", "pilkada-2020", "national", "category_share_pct", "kampanye_medsos", 25, "2020-11-01", "medium"),
    ("C05", "pilkada-2020", "national", "category_share_pct", "hadir_kampanye", 15, "2020-11-01", "medium"),
    ("C06", "pilkada-2020", "national", "category_share_pct", "foto_keberpihakan", 10, "2020-11-01", "medium"),
    # a cross-cycle set (no election): the fallback of every other cycle
    ("C10", "", "national", "category_share_pct", "kampanye_medsos", 30.4, "2022-01-01", "medium"),
    ("C11", "", "national", "category_share_pct", "kegiatan_keberpihakan", 22.4, "2022-01-01", "medium"),
    ("C12", "", "national", "category_share_pct", "foto_keberpihakan", 12.6, "2022-01-01", "medium"),
    ("C13", "", "national", "category_share_pct", "pendekatan_parpol", 5.6, "2022-01-01", "medium"),
    ("C14", "", "national", "category_share_pct", "alat_peraga", 9.0, "2022-01-01", "medium"),
    # a regional share must be ignored
    ("C20", "pilkada-2020", "province", "category_share_pct", "alat_peraga", 90, "2021-01-01", "high"),
    # positions
    ("P01", "pilkada-2020", "national", "position_share_pct", "jpt", 36, "2020-06-26", "high"),
    ("P02", "pilkada-2020", "national", "position_share_pct", "fungsional", 17, "2020-06-26", "high"),
    ("P03", "pilkada-2020", "national", "position_share_pct", "administrator", 13, "2020-06-26", "high"),
    ("P04", "pilkada-2020", "national", "position_share_pct", "pelaksana", 12, "2020-06-26", "high"),
    ("P05", "pilkada-2020", "national", "position_share_pct", "kepala_wilayah", 7, "2020-06-26", "high"),
    (
        "P06",
        "pilkada-2020",
        "national",
        "position_share_pct",
        "fungsional",
        26.6,
        "2021-07-01",
        "high",
    ),  # a lone figure
    # follow-up rates
    ("F01", "pilkada-2020", "national", "followup_rate_pct", "", 72.8, "2020-12-19", "high"),
    ("F02", "pilkada-2020", "national", "followup_rate_pct", "", 90.8, "2024-02-06", "high"),
    ("F03", "pilkada-2020", "national", "followup_rate_pct", "", 88.5, "2022-01-01", "medium"),
    ("F04", "pemilu-2024", "national", "followup_rate_pct", "", 53, "2024-02-06", "high"),
    ("F05", "pemilu-2024", "national", "followup_rate_pct", "", 70, "2024-06-12", "high"),
    ("F06", "pilkada-2018", "national", "followup_rate_pct", "", 17, "2018-01-01", "high"),
    ("F07", "pemilu-2019", "national", "followup_rate_pct", "", 38, "2019-01-01", "high"),
    (
        "F08",
        "pemilu-2019",
        "national",
        "followup_rate_pct",
        "",
        99,
        "2019-01-01",
        "medium",
    ),  # same date, lower confidence
    # proven rates
    ("R01", "pemilu-2024", "national", "proven_rate_pct", "", 45.4, "2024-02-06", "high"),
    ("R02", "pilkada-2020", "national", "proven_rate_pct", "", 78.5, "2023-01-31", "high"),
    ("R03", "pilkada-2024", "national", "proven_rate_pct", "", 72.5, "2024-12-02", "high"),
    # reported counts
    ("N01", "pilkada-2020", "national", "asn_reported", "", 2034, "2023-01-31", "high"),
    ("N02", "pemilu-2024", "national", "asn_reported", "", 403, "2024-02-06", "high"),
    ("N03", "pemilu-2024", "national", "asn_reported", "", 464, "2024-06-12", "medium"),
    ("N04", "pilkada-2024", "national", "cases_reported", "", 433, "2024-12-02", "high"),
    ("N05", "pilkada-2018", "national", "cases_reported", "", 491, "2018-01-01", "medium"),
    ("N06", "pemilu-2019", "national", "cases_reported", "", 999, "2019-01-01", "high"),
    ("N07", "pilkada-2020", "regency", "asn_reported", "", 5000, "2020-12-01", "high"),  # regional: ignored
    ("N08", "pilkada-2024", "national", "complaints_received", "", 1158, "2024-12-04", "high"),
    ("N09", "pemilu-2019", "national", "cases_reported", "", 165, "2019-03-01", "high"),  # interim snapshot
]

# (figure_id, election_id, scope, region_code, metric, value, value_qualifier, as_of_date)
REGIONAL_FIGURES = [
    # PNS totals: national 1,000,000; the five provinces 100,000 in all (share 10 %)
    ("H00", "", "national", "", "pns_count", 1_000_000, "exact", "2023-01-01"),
    ("H61", "", "province", "61", "pns_count", 30_000, "exact", "2023-01-01"),
    ("H62", "", "province", "62", "pns_count", 20_000, "exact", "2023-01-01"),
    ("H63", "", "province", "63", "pns_count", 18_000, "exact", "2019-12-01"),
    ("H63old", "", "province", "63", "pns_count", 99_000, "exact", "2015-01-01"),  # farther from 2023: not used
    ("H64", "", "province", "64", "pns_count", 22_000, "exact", "2023-01-01"),
    ("H65", "", "province", "65", "pns_count", 10_000, "exact", "2023-01-01"),
    ("H62gov", "", "regency", "62", "pns_count", 9_000, "exact", "2024-01-01"),  # the provincial government's own staff
    # published regency counts: the largest per regency and cycle; provinces and unknown codes ignored
    ("K01", "pilkada-2020", "regency", "61.01", "asn_reported", 4, "exact", "2020-10-01"),
    ("K02", "pilkada-2020", "regency", "61.01", "cases_reported", 6, "exact", "2020-12-20"),
    ("K03", "pilkada-2020", "regency", "63.71", "asn_reported", 0, "exact", "2020-11-01"),
    ("K04", "pilkada-2024", "regency", "64.02", "complaints_received", 11, "exact", "2024-11-14"),
    ("K05", "pilkada-2024", "regency", "63", "asn_reported", 40, "exact", "2024-11-14"),
    ("K06", "pilkada-2024", "regency", "99.01", "asn_reported", 40, "exact", "2024-11-14"),
    ("K07", "pilkada-2024", "regency", "62.01", "ikp_score", 80, "exact", "2024-11-14"),
]
FIXTURE_SHARE = 0.10

REAL_HEADCOUNT = {"61.05": 6000, "63.71": 6041}  # regencies with a real count in the fixture
BOUND_ONLY = "64.03"  # a regency whose only real count is 'more_than' (a bound): it gets a synthetic one


def _figures_frame(rows=FIGURES, regional=REGIONAL_FIGURES) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "figure_id": f,
                "election_id": e,
                "scope": s,
                "region_code": "",
                "metric": m,
                "breakdown": b,
                "value": str(v),
                "value_qualifier": "exact",
                "as_of_date": d,
                "confidence": c,
            }
            for f, e, s, m, b, v, d, c in rows
        ]
        + [
            {
                "figure_id": f,
                "election_id": e,
                "scope": s,
                "region_code": r,
                "metric": m,
                "breakdown": "",
                "value": str(v),
                "value_qualifier": q,
                "as_of_date": d,
                "confidence": "high",
            }
            for f, e, s, r, m, v, q, d in regional
        ]
    )


def _regencies() -> list[dict]:
    rows = []
    for prov, (name, n_kab, n_kota) in PROVINCES.items():
        rows.append(
            {
                "region_code": prov,
                "region_name": name,
                "region_name_short": name,
                "level": "province",
                "regency_type": "",
                "province_code": prov,
            }
        )
        for i in range(1, n_kab + 1):
            rows.append(
                {
                    "region_code": f"{prov}.{i:02d}",
                    "region_name": f"Kabupaten Uji {prov}{i:02d}",
                    "region_name_short": f"Uji {prov}{i:02d}",
                    "level": "regency",
                    "regency_type": "kabupaten",
                    "province_code": prov,
                }
            )
        for j in range(1, n_kota + 1):
            rows.append(
                {
                    "region_code": f"{prov}.7{j}",
                    "region_name": f"Kota Uji {prov}7{j}",
                    "region_name_short": f"Uji {prov}7{j}",
                    "level": "regency",
                    "regency_type": "kota",
                    "province_code": prov,
                }
            )
    return rows


def make_reference_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    regions = pd.DataFrame(_regencies())
    regions["bps_code"] = regions["region_code"].str.replace(".", "", regex=False)
    regions.to_csv(path / "regions.csv", index=False)
    (path / "elections.csv").write_text(ELECTIONS, encoding="utf-8")
    pd.DataFrame(
        {"code": CATEGORIES, "label_id": CATEGORIES, "label_en": CATEGORIES, "sort_order": range(1, 13)}
    ).to_csv(path / "violation_categories.csv", index=False)
    pd.DataFrame({"code": POSITIONS, "label_id": POSITIONS, "label_en": POSITIONS, "sort_order": range(1, 7)}).to_csv(
        path / "positions.csv", index=False
    )
    (path / "sanction_types.csv").write_text(SANCTIONS, encoding="utf-8")
    figures = _figures_frame().reindex(columns=FIGURE_HEADER.split(","), fill_value="")
    figures.to_csv(path / "published_figures.csv", index=False)
    headcount = pd.DataFrame(
        [
            {
                "headcount_id": f"HC{i}",
                "region_code": code,
                "year": "2023",
                "asn_count": str(n),
                "count_basis": "asn",
                "coverage": "regional_government",
                "value_qualifier": "exact",
                "source_title": "t",
                "source_url": "u",
                "publisher": "p",
                "is_synthetic": "false",
            }
            for i, (code, n) in enumerate(REAL_HEADCOUNT.items())
        ]
        + [  # a province count, a bound and a synthetic row: none is a real regency count
            {
                "headcount_id": "HCP",
                "region_code": "62",
                "year": "2023",
                "asn_count": "69775",
                "count_basis": "pns",
                "coverage": "all_agencies_in_region",
                "value_qualifier": "exact",
                "source_title": "t",
                "source_url": "u",
                "publisher": "p",
                "is_synthetic": "false",
            },
            {
                "headcount_id": "HCB",
                "region_code": BOUND_ONLY,
                "year": "2023",
                "asn_count": "5000",
                "count_basis": "asn",
                "coverage": "regional_government",
                "value_qualifier": "more_than",
                "source_title": "t",
                "source_url": "u",
                "publisher": "p",
                "is_synthetic": "false",
            },
            {
                "headcount_id": "X",
                "region_code": "64.01",
                "year": "2023",
                "asn_count": "1",
                "count_basis": "asn",
                "coverage": "regional_government",
                "value_qualifier": "exact",
                "source_title": "t",
                "source_url": "u",
                "publisher": "p",
                "is_synthetic": "true",
            },
        ]
    )
    headcount.to_csv(path / "asn_headcount.csv", index=False)
    return path


@pytest.fixture(scope="module")
def ref_dir(tmp_path_factory) -> Path:
    return make_reference_dir(tmp_path_factory.mktemp("reference"))


@pytest.fixture(scope="module")
def reg(ref_dir) -> demo.DemoRegister:
    return demo.generate(3000, 7, ref_dir)


@pytest.fixture(scope="module")
def big(ref_dir) -> demo.DemoRegister:
    return demo.generate(20_000, 11, ref_dir, chunk_size=6_000)


@pytest.fixture(scope="module")
def windows(ref_dir) -> pd.DataFrame:
    return demo.cycle_windows(demo.load_reference(ref_dir).elections)


REGENCY_CODES = {r["region_code"] for r in _regencies() if r["level"] == "regency"}
AS_OF = pd.Timestamp(demo.DEMO_AS_OF)
HANDOVER = pd.Timestamp(demo.BKN_HANDOVER)

# ---------------------------------------------------------------------------------------------
# Determinism
# ---------------------------------------------------------------------------------------------


def test_same_seed_gives_identical_frames(ref_dir, reg):
    again = demo.generate(3000, 7, ref_dir)
    pd.testing.assert_frame_equal(reg.violation_cases, again.violation_cases)
    pd.testing.assert_frame_equal(reg.sanctions, again.sanctions)
    pd.testing.assert_frame_equal(reg.asn_headcount, again.asn_headcount)


def test_different_seed_gives_different_frames(ref_dir, reg):
    other = demo.generate(3000, 8, ref_dir)
    assert len(other.violation_cases) == 3000
    for col in ("region_code", "reported_date", "category_code", "status"):
        assert not reg.violation_cases[col].equals(other.violation_cases[col]), col
    assert not reg.asn_headcount["asn_count"].equals(other.asn_headcount["asn_count"])


def test_a_chunk_depends_only_on_seed_and_chunk_index(ref_dir, big):
    plan = demo.plan(20_000, 11, ref_dir, chunk_size=6_000)
    assert plan.n_chunks == 4
    cases, sanctions = demo.chunk(plan, 2)  # without generating chunks 0 and 1
    expected = big.violation_cases.iloc[12_000:18_000].reset_index(drop=True)
    pd.testing.assert_frame_equal(cases, expected)
    expected_s = big.sanctions[big.sanctions["case_id"].isin(set(cases["case_id"]))].reset_index(drop=True)
    pd.testing.assert_frame_equal(sanctions, expected_s)


def test_streamed_files_hold_the_generated_rows(ref_dir, big, tmp_path):
    """write_streaming (the CLI's path) writes exactly generate + write's rows, one row group per chunk."""
    counts = demo.write_streaming(demo.plan(20_000, 11, ref_dir, chunk_size=6_000), tmp_path)
    assert counts.cases == 20_000 and counts.recommendations == len(big.sanctions)
    assert pq.ParquetFile(tmp_path / "violation_cases.parquet").metadata.num_row_groups == 4
    written = tmp_path / "written"
    demo.write(big, written)
    for name in demo.FILES.values():
        assert pq.read_table(tmp_path / name).equals(pq.read_table(written / name)), name


# ---------------------------------------------------------------------------------------------
# Shape, types and flags
# ---------------------------------------------------------------------------------------------

ARROW_TYPES = {"VARCHAR": "string", "DATE": "date32[day]", "BOOLEAN": "bool", "INTEGER": "int32", "BIGINT": "int64"}


def test_parquet_files_have_exactly_the_catalog_columns_and_types(reg, tmp_path):
    from analytics.catalog import load_catalog

    catalog = load_catalog()
    paths = demo.write(reg, tmp_path)
    assert {p.name for p in paths.values()} == {"violation_cases.parquet", "sanctions.parquet", "asn_headcount.parquet"}
    for table, path in paths.items():
        schema = pq.read_schema(path)
        declared = [(c.name, ARROW_TYPES[c.type]) for c in catalog[table].columns]
        assert [(f.name, str(f.type)) for f in schema] == declared, table
    cases = pq.read_table(paths["violation_cases"])
    assert cases.num_rows == 3000
    assert cases.column("asn_name").null_count == 3000 and cases.column("nip").null_count == 3000
    # dates survive the round trip
    back = cases.column("reported_date").to_pandas()
    assert list(pd.to_datetime(back)) == list(reg.violation_cases["reported_date"])


def test_required_columns_are_filled_and_values_allowed(reg):
    from analytics.catalog import load_catalog

    catalog = load_catalog()
    for table, frame in reg.tables().items():
        for col in catalog[table].columns:
            if col.required:
                assert frame[col.name].notna().all(), (table, col.name)
            if col.allowed:
                values = set(frame[col.name].dropna())
                assert values <= set(col.allowed), (table, col.name, values - set(col.allowed))
    assert reg.violation_cases["case_id"].is_unique
    assert reg.sanctions["case_id"].is_unique


def test_every_row_is_synthetic(reg):
    for table, frame in reg.tables().items():
        assert frame["is_synthetic"].dtype == bool, table
        assert frame["is_synthetic"].all(), table


def test_codes_come_from_the_reference_tables(reg):
    vc = reg.violation_cases
    assert set(vc["region_code"]) <= REGENCY_CODES
    assert set(vc["category_code"]) <= set(CATEGORIES)
    assert set(vc["position_code"]) <= set(POSITIONS)
    codes = {line.split(",")[0] for line in SANCTIONS.splitlines()[1:]}
    assert set(reg.sanctions["recommended_sanction_code"]) <= codes
    assert set(reg.sanctions["imposed_sanction_code"].dropna()) <= codes


def test_regions_have_hotspots_and_gaps(big):
    counts = big.violation_cases.groupby(["election_id", "region_code"]).size()
    per_cycle = counts.groupby(level=0).size()
    # some regencies have no case in some cycle, even in the larger cycles
    assert (per_cycle < len(REGENCY_CODES)).any()
    p2020 = counts.loc["pilkada-2020"]
    assert p2020.max() > 3 * p2020.median()


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


def test_reported_dates_fall_inside_the_cycle_window(reg, windows):
    vc = reg.violation_cases.join(windows, on="election_id")
    assert vc["window_start"].notna().all()
    assert ((vc["reported_date"] >= vc["window_start"]) & (vc["reported_date"] <= vc["window_end"])).all()
    assert (vc["reported_date"] <= AS_OF).all()
    # concentrated in the campaign: the campaign holds more than its share of the window's days
    in_campaign = (vc["reported_date"] >= vc["campaign_start"]) & (vc["reported_date"] <= vc["campaign_end"])
    assert in_campaign.mean() > 0.5


def test_date_ordering_along_the_case_chain(reg):
    vc, sa = reg.violation_cases, reg.sanctions

    def ordered(a, b):  # a <= b wherever both are present
        both = a.notna() & b.notna()
        return bool((a[both] <= b[both]).all())

    assert ordered(vc["reported_date"], vc["decided_date"])
    assert ordered(vc["decided_date"], vc["forwarded_date"])
    merged = sa.merge(vc[["case_id", "forwarded_date"]], on="case_id", how="left")
    assert merged["forwarded_date"].notna().all()
    assert ordered(merged["forwarded_date"], merged["recommendation_date"])
    assert ordered(merged["recommendation_date"], merged["followup_date"])
    for frame, cols in ((vc, ["decided_date", "forwarded_date"]), (sa, ["recommendation_date", "followup_date"])):
        for col in cols:
            assert (frame[col].dropna() <= AS_OF).all(), col


def test_kasn_strictly_before_handover_and_bkn_from_it(big):
    sa, vc = big.sanctions, big.violation_cases
    assert (sa.loc[sa["recommending_body"] == "KASN", "recommendation_date"] < HANDOVER).all()
    assert (sa.loc[sa["recommending_body"] == "BKN", "recommendation_date"] >= HANDOVER).all()
    assert set(sa["recommending_body"]) == {"KASN", "BKN"}
    fwd = vc[vc["forwarded_date"].notna()]
    assert (fwd.loc[fwd["forwarded_to"] == "KASN", "forwarded_date"] < HANDOVER).all()
    assert (fwd.loc[fwd["forwarded_to"] == "BKN", "forwarded_date"] >= HANDOVER).all()
    assert vc.loc[vc["forwarded_date"].isna(), "forwarded_to"].isna().all()


# ---------------------------------------------------------------------------------------------
# Status pipeline
# ---------------------------------------------------------------------------------------------


def test_sanctions_refer_only_to_forwarded_proven_cases(reg):
    vc = reg.violation_cases.set_index("case_id")
    sa = reg.sanctions
    assert sa["case_id"].isin(vc.index).all()
    assert (vc.loc[sa["case_id"], "status"] == "terbukti").all()
    assert vc.loc[sa["case_id"], "forwarded_date"].notna().all()


def test_status_and_dates_agree(big):
    vc, sa = big.violation_cases, big.sanctions
    open_ = vc["status"].isin(["dilaporkan", "diregistrasi"])
    assert vc.loc[open_, "decided_date"].isna().all()
    assert vc.loc[~open_, "decided_date"].notna().all()
    assert vc.loc[vc["status"] != "terbukti", "forwarded_date"].isna().all()
    # the latest cycle has a real backlog, the old ones none at Bawaslu
    assert open_[vc["election_id"] == "pilkada-2024"].sum() > 0
    assert open_[vc["election_id"] == "pilkada-2015"].sum() == 0
    answered = sa["followup_status"] != "belum"
    assert sa.loc[answered, "followup_date"].notna().all()
    assert sa.loc[~answered, "followup_date"].isna().all()
    followed = sa["followup_status"] == "ditindaklanjuti"
    assert sa.loc[followed, "imposed_sanction_code"].notna().all()
    assert sa.loc[~followed, "imposed_sanction_code"].isna().all()
    latest = sa.merge(vc[["case_id", "election_id"]], on="case_id")
    assert (latest.loc[latest["election_id"] == "pilkada-2024", "followup_status"] == "belum").mean() > 0.3


def test_most_but_not_all_decisions_meet_the_service_level(big):
    vc = big.violation_cases
    decided = vc[vc["decided_date"].notna()]
    days = (decided["decided_date"] - decided["reported_date"]).dt.days
    within = (days <= 12).mean()  # 7 days verification + 3 working days review (at most 5 calendar days)
    assert 0.6 < within < 0.95
    assert days.median() <= 10


def test_medium_follows_category(reg):
    vc = reg.violation_cases
    fixed = {
        "kampanye_medsos": "media_sosial",
        "interaksi_medsos": "media_sosial",
        "foto_keberpihakan": "media_sosial",
        "alat_peraga": "alat_peraga",
        "keputusan_menguntungkan": "dokumen_resmi",
        "hadir_kampanye": "tatap_muka",
        "kegiatan_keberpihakan": "tatap_muka",
        "pendekatan_parpol": "tatap_muka",
    }
    for category, medium in fixed.items():
        assert (vc.loc[vc["category_code"] == category, "medium"] == medium).all(), category


def test_sanction_kind_follows_stage_and_category(big, windows):
    sa = big.sanctions.merge(big.violation_cases, on="case_id", suffixes=("", "_case")).join(windows, on="election_id")
    parpol = sa["category_code"] == "anggota_parpol"
    assert (sa.loc[parpol, "recommended_sanction_code"] == "ptdh").all()
    early = sa["reported_date"] < sa["campaign_start"]
    assert sa.loc[early & ~parpol, "recommended_sanction_code"].str.startswith("moral_").all()
    assert sa.loc[~early & ~parpol, "recommended_sanction_code"].str.startswith("disiplin_").all()
    assert early.any() and (~early).any()


# ---------------------------------------------------------------------------------------------
# Calibration
# ---------------------------------------------------------------------------------------------


def test_category_shares_match_the_calibration_within_two_points(big):
    vc = big.violation_cases
    cal = big.calibration
    n = vc["election_id"].value_counts()
    expected = sum(pd.Series(dict(cal.category[c].shares)) * n.get(c, 0) for c in cal.cycles) / len(vc)
    observed = vc["category_code"].value_counts(normalize=True).reindex(expected.index, fill_value=0)
    assert (observed - expected).abs().max() < 0.02, (observed - expected).abs().sort_values().tail(3)
    # and per cycle for the largest cycle
    p2020 = vc.loc[vc["election_id"] == "pilkada-2020", "category_code"].value_counts(normalize=True)
    target = pd.Series(dict(cal.category["pilkada-2020"].shares))
    assert (p2020.reindex(target.index, fill_value=0) - target).abs().max() < 0.02


def test_followup_rate_of_mature_recommendations_matches_the_target(big):
    """Denominator: recommendations dated at least FOLLOWUP_MAX_DAYS before DEMO_AS_OF. A PPK answers
    within that many days or never, so for these 'belum' means never and the share followed up is
    the calibrated rate. Younger recommendations may still be answered and would bias it down.
    Only cycles with enough of them for 4 points to be 3 standard errors are checked."""
    sa = big.sanctions.merge(big.violation_cases[["case_id", "election_id"]], on="case_id")
    mature = sa[sa["recommendation_date"] <= AS_OF - pd.Timedelta(days=demo.FOLLOWUP_MAX_DAYS)]
    tested = 0
    for cycle, rows in mature.groupby("election_id"):
        target = big.calibration.followup_rate[cycle].value
        if not _enough(len(rows), target):
            continue
        rate = 100 * (rows["followup_status"] == "ditindaklanjuti").mean()
        assert abs(rate - target) <= 4, (cycle, rate, target, len(rows))
        tested += 1
    assert tested >= 3


def _enough(n: int, target_pct: float, tolerance: float = 4.0) -> bool:
    """True when ``tolerance`` points are at least 3 binomial standard errors for n draws."""
    p = target_pct / 100
    return n > 0 and 3 * 100 * np.sqrt(p * (1 - p) / n) <= tolerance


def test_proven_rate_matches_the_target(big):
    """Denominator: registered cases with a decision (terbukti + tidak_terbukti + dihentikan)."""
    vc = big.violation_cases
    decided = vc[vc["status"].isin(["terbukti", "tidak_terbukti", "dihentikan"])]
    tested = 0
    for cycle, rows in decided.groupby("election_id"):
        target = big.calibration.proven_rate[cycle].value
        if not _enough(len(rows), target):
            continue
        rate = 100 * (rows["status"] == "terbukti").mean()
        assert abs(rate - target) <= 4, (cycle, rate, target)
        tested += 1
    assert tested >= 4


def test_cases_split_across_cycles_by_reported_counts(big):
    n = big.violation_cases["election_id"].value_counts()
    weights = big.calibration.cycle_weights()
    assert set(n.index) == set(demo.CYCLES)
    for cycle, w in weights.items():
        assert abs(n[cycle] - 20_000 * w) <= 1


def test_calibration_from_hand_made_figures():
    elections = pd.read_csv(pd.io.common.StringIO(ELECTIONS), dtype=str, keep_default_na=False)
    cal = demo.calibration_from_figures(_figures_frame(), elections, CATEGORIES, POSITIONS)
    assert cal.cycles == demo.CYCLES

    # pilkada-2020: the 2020-11-01 set (25 + 30 + 15 + 10 = 80 %), remainder 20 % to lainnya
    c20 = cal.category["pilkada-2020"]
    assert c20.basis == "published" and c20.as_of_date == "2020-11-01"
    assert set(c20.figure_ids) == {"C03", "C04", "C05", "C06"}
    assert c20.shares["kampanye_medsos"] == pytest.approx(0.25)
    assert c20.shares["kegiatan_keberpihakan"] == pytest.approx(0.30)
    assert c20.shares["lainnya"] == pytest.approx(0.20)
    assert c20.shares["pendekatan_parpol"] == 0
    # other cycles: the most recent set overall, the cross-cycle 2022 one (80 %), flagged as fallback
    c19 = cal.category["pemilu-2019"]
    assert c19.basis == "fallback" and c19.source_election_id == ""
    assert c19.shares["kampanye_medsos"] == pytest.approx(0.304)
    assert c19.shares["alat_peraga"] == pytest.approx(0.09)
    assert c19.shares["lainnya"] == pytest.approx(0.20)
    for target in cal.category.values():
        assert sum(target.shares.values()) == pytest.approx(1.0)

    # positions: the lone 2021 figure is not a set; the 2020-06-26 set states 85 %, and the
    # 15 % left goes to the one position not stated
    p20 = cal.position["pilkada-2020"]
    assert p20.as_of_date == "2020-06-26" and "P06" not in p20.figure_ids
    assert p20.shares["jpt"] == pytest.approx(0.36)
    assert p20.shares["pengawas"] == pytest.approx(0.15)
    assert cal.position["pilkada-2024"].basis == "fallback"

    # follow-up: latest as_of_date; high confidence breaks a tie; nearest cycle otherwise
    f = cal.followup_rate
    assert (f["pilkada-2020"].value, f["pilkada-2020"].figure_ids) == (90.8, ("F02",))
    assert f["pemilu-2024"].value == 70
    assert f["pemilu-2019"].value == 38
    assert (f["pilkada-2015"].value, f["pilkada-2015"].basis, f["pilkada-2015"].source_election_id) == (
        17,
        "fallback",
        "pilkada-2018",
    )
    assert (f["pilkada-2024"].value, f["pilkada-2024"].basis, f["pilkada-2024"].source_election_id) == (
        70,
        "fallback",
        "pemilu-2024",
    )
    p = cal.proven_rate
    assert p["pilkada-2024"].value == 72.5 and p["pilkada-2024"].basis == "published"
    assert p["pilkada-2018"].basis == "fallback" and p["pilkada-2018"].source_election_id == "pilkada-2020"

    # reported: the largest national count of the cycle (not the latest snapshot); the regency
    # row is ignored; defaults flagged
    r = cal.reported
    assert r["pilkada-2020"].value == 2034
    assert r["pemilu-2024"].value == 464
    assert (r["pilkada-2024"].value, r["pilkada-2024"].figure_ids) == (1158, ("N08",))
    assert r["pemilu-2019"].value == 999
    assert r["pilkada-2015"].basis == "default" and r["pilkada-2015"].value == demo.DEFAULT_REPORTED["pilkada-2015"]

    assert "pilkada-2015: followup_rate (fallback)" in cal.fallbacks()
    assert "pilkada-2020: followup_rate (published)" not in " ".join(cal.fallbacks())


def test_calibration_without_any_figure_uses_flagged_defaults():
    elections = pd.read_csv(pd.io.common.StringIO(ELECTIONS), dtype=str, keep_default_na=False)
    cal = demo.calibration_from_figures(
        _figures_frame([], []), elections, CATEGORIES, POSITIONS, province_codes=list(PROVINCES)
    )
    assert all(cal.followup_rate[c].basis == "default" for c in cal.cycles)
    assert all(cal.category[c].basis == "default" for c in cal.cycles)
    assert len(cal.fallbacks()) == 5 * len(cal.cycles)
    assert cal.kalimantan_share.basis == "default" and cal.kalimantan_share.value == demo.ASSUMED_KALIMANTAN_SHARE
    assert all(not cal.regency_reported[c] for c in cal.cycles)


# ---------------------------------------------------------------------------------------------
# Size and regencies (the fixture: Kalimantan is 10 % of the national PNS)
# ---------------------------------------------------------------------------------------------

# the fixture's largest national reported count per cycle x 10 %, rounded half up
# (pilkada-2015 has none: DEFAULT_REPORTED's 30)
FIXTURE_DEFAULT_SIZE = {
    "pilkada-2015": 3,
    "pilkada-2018": 49,
    "pemilu-2019": 100,
    "pilkada-2020": 203,
    "pemilu-2024": 46,
    "pilkada-2024": 116,
}


def test_kalimantan_share_and_regency_counts_from_hand_made_figures(ref_dir):
    cal = demo.plan(None, 7, ref_dir).calibration
    share = cal.kalimantan_share
    assert share.basis == "published" and share.value == pytest.approx(FIXTURE_SHARE)
    # per province the total nearest in year to the national one; never the provincial government's staff
    assert share.figure_ids == ("H00", "H61", "H62", "H63", "H64", "H65")
    assert {c: t.value for c, t in cal.regency_reported["pilkada-2020"].items()} == {"61.01": 6, "63.71": 0}
    assert {c: t.value for c, t in cal.regency_reported["pilkada-2024"].items()} == {"64.02": 11}
    assert cal.regency_reported["pemilu-2019"] == {}
    assert cal.calibrated_counts() == FIXTURE_DEFAULT_SIZE


def test_share_of_a_province_without_a_figure(ref_dir):
    elections = pd.read_csv(pd.io.common.StringIO(ELECTIONS), dtype=str, keep_default_na=False)
    without_65 = [r for r in REGIONAL_FIGURES if r[0] != "H65"]
    cal = demo.calibration_from_figures(
        _figures_frame(FIGURES, without_65), elections, CATEGORIES, POSITIONS, province_codes=list(PROVINCES)
    )
    assert cal.kalimantan_share.basis == "default" and cal.kalimantan_share.value == demo.ASSUMED_KALIMANTAN_SHARE
    assert "65" in cal.kalimantan_share.note
    assert "asumsi demo" in demo.describe_calibration(cal) and "demo assumption" in demo.describe_calibration(cal, "en")
    # a real all-agencies PNS count of the province in asn_headcount fills the gap
    headcount = pd.DataFrame(
        [
            {
                "headcount_id": "HC65",
                "region_code": "65",
                "year": "2023",
                "asn_count": "10000",
                "count_basis": "pns",
                "coverage": "all_agencies_in_region",
                "value_qualifier": "exact",
            }
        ]
    )
    cal = demo.calibration_from_figures(
        _figures_frame(FIGURES, without_65),
        elections,
        CATEGORIES,
        POSITIONS,
        province_codes=list(PROVINCES),
        headcount=headcount,
    )
    assert cal.kalimantan_share.basis == "published" and cal.kalimantan_share.value == pytest.approx(FIXTURE_SHARE)
    assert "HC65" in cal.kalimantan_share.figure_ids


def test_default_size_is_the_national_reported_count_times_the_share(ref_dir):
    register = demo.generate(None, 7, ref_dir)
    assert register.violation_cases["election_id"].value_counts().to_dict() == FIXTURE_DEFAULT_SIZE
    text = demo.describe_calibration(register.calibration)
    assert "porsi Kalimantan 10,0%" in text and "H00" in text and "116 kasus" in text
    assert "[angka/3 − 2, 3 × angka + 3]" in text
    assert "Kalimantan's share 10.0%" in demo.describe_calibration(register.calibration, "en")


def test_a_regency_with_a_published_count_is_expected_near_it(ref_dir):
    """The expected count (cases x probability) of an anchored regency, averaged over seeds, is
    its published count (0 -> about ANCHOR_FLOOR); with an explicit total it scales with it."""
    codes = sorted(REGENCY_CODES)

    def expected(p, cycle, code):
        k = p.cycles.index(cycle)
        return p.counts[k] * p.region_p[k, codes.index(code)]

    plans = [demo.plan(None, seed, ref_dir) for seed in range(40)]
    for cycle, code, published in (
        ("pilkada-2020", "61.01", 6),
        ("pilkada-2024", "64.02", 11),
        ("pilkada-2020", "63.71", 0),
    ):
        mean = np.mean([expected(p, cycle, code) for p in plans])
        assert mean == pytest.approx(max(published, demo.ANCHOR_FLOOR), rel=0.15), (cycle, code, mean)
    explicit = demo.plan(20_000, 3, ref_dir)
    calibrated = demo.plan(None, 3, ref_dir)
    k = explicit.cycles.index("pilkada-2024")
    ratio = expected(explicit, "pilkada-2024", "64.02") / expected(calibrated, "pilkada-2024", "64.02")
    assert ratio == pytest.approx(explicit.counts[k] / calibrated.counts[k])


def test_regencies_with_a_published_count_lie_in_the_band_in_the_fixture(ref_dir):
    for seed in range(5):
        counts = demo.generate(None, seed, ref_dir).violation_cases.groupby(["election_id", "region_code"]).size()
        for cycle, code, published in (
            ("pilkada-2020", "61.01", 6),
            ("pilkada-2024", "64.02", 11),
            ("pilkada-2020", "63.71", 0),
        ):
            n = counts.get((cycle, code), 0)
            assert published / 3 - 2 <= n <= 3 * published + 3, (seed, cycle, code, n)


def test_describe_calibration_says_what_is_not_published(big):
    text_id = demo.describe_calibration(big.calibration)
    text_en = demo.describe_calibration(big.calibration, lang="en")
    assert "SINTETIS" in text_id and "SYNTHETIC" in text_en
    assert "BUKAN angka resmi" in text_id and "NOT published" in text_en
    assert "Pilkada Serentak 2015" in text_id
    assert "90,8%" in text_id and "90.8%" in text_en


# ---------------------------------------------------------------------------------------------
# Headcount
# ---------------------------------------------------------------------------------------------


def test_synthetic_headcount_only_for_regencies_without_a_real_count(reg, ref_dir):
    hc = reg.asn_headcount
    assert set(hc["region_code"]) == REGENCY_CODES - set(REAL_HEADCOUNT)
    assert BOUND_ONLY in set(hc["region_code"])  # a 'more_than' count is no denominator
    assert demo.synthetic_denominators(ref_dir) == (len(REGENCY_CODES) - len(REAL_HEADCOUNT), len(REGENCY_CODES))
    assert (hc["headcount_id"] == "SYN-" + hc["region_code"]).all()
    assert (hc["year"] == 2023).all() and (hc["count_basis"] == "asn").all()
    assert (hc["coverage"] == "regional_government").all() and (hc["source_url"] == "").all()
    kota = hc["region_code"].str.contains(r"\.7")
    assert hc.loc[kota, "asn_count"].between(3000, 9000).all()
    assert hc.loc[~kota, "asn_count"].between(2500, 14000).all()


# ---------------------------------------------------------------------------------------------
# ensure_demo and the CLI
# ---------------------------------------------------------------------------------------------


def test_ensure_demo_writes_once(ref_dir, tmp_path):
    out = tmp_path / "demo"
    assert demo.ensure_demo(out, ref_dir, cases=500, seed=3) is True
    files = sorted(p.name for p in out.iterdir())
    assert files == ["asn_headcount.parquet", "sanctions.parquet", "violation_cases.parquet"]  # no temp dir left
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert demo.ensure_demo(out, ref_dir, cases=500, seed=3) is False
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps
    assert pq.read_metadata(out / "violation_cases.parquet").num_rows == 500
    # a missing file means an incomplete demo: rebuilt
    os.remove(out / "sanctions.parquet")
    assert demo.ensure_demo(out, ref_dir, cases=500, seed=3) is True
    assert (out / "sanctions.parquet").exists()


def test_ensure_demo_builds_the_calibrated_default_and_again_when_the_data_change_it(ref_dir, tmp_path):
    import shutil

    reference = tmp_path / "reference"
    shutil.copytree(ref_dir, reference)
    out = tmp_path / "demo"
    assert demo.ensure_demo(out, reference) is True
    assert pq.read_metadata(out / "violation_cases.parquet").num_rows == sum(FIXTURE_DEFAULT_SIZE.values())
    manifest = demo.read_manifest(out)
    assert manifest["size"] == "calibrated" and manifest["cases_per_cycle"] == FIXTURE_DEFAULT_SIZE
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert demo.ensure_demo(out, reference) is False  # current: kept
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps
    # a new published national count changes the calibrated size: rebuilt
    figures = pd.read_csv(reference / "published_figures.csv", dtype=str, keep_default_na=False)
    figures.loc[figures["figure_id"] == "N08", "value"] = "2000"
    figures.to_csv(reference / "published_figures.csv", index=False)
    assert demo.ensure_demo(out, reference) is True
    cases = pd.read_parquet(out / "violation_cases.parquet")
    assert (cases["election_id"] == "pilkada-2024").sum() == 200
    assert demo.ensure_demo(out, reference) is False
    # another seed is another register
    assert demo.ensure_demo(out, reference, seed=99) is True


def test_ensure_demo_keeps_an_explicit_size_and_a_damaged_file(ref_dir, tmp_path):
    out = tmp_path / "explicit"
    assert demo.ensure_demo(out, ref_dir, cases=700) is True
    assert demo.read_manifest(out)["size"] == "explicit"
    assert demo.ensure_demo(out, ref_dir) is False  # a benchmark's register is not the default's to replace
    assert pq.read_metadata(out / "violation_cases.parquet").num_rows == 700
    damaged = out / "violation_cases.parquet"
    damaged.write_bytes(b"PAR1 not really parquet" * 64)
    assert demo.ensure_demo(out, ref_dir) is False
    assert damaged.read_bytes().startswith(b"PAR1 not really")


def test_ensure_demo_replaces_the_old_default_only(ref_dir, tmp_path):
    """A register without a manifest was written before there was one: replaced when it has the
    old default's size, kept otherwise."""
    old_default, other = tmp_path / "old_default", tmp_path / "other"
    demo.write(demo.generate(demo.LEGACY_DEFAULT_CASES, demo.DEFAULT_SEED, ref_dir), old_default)
    demo.write(demo.generate(400, demo.DEFAULT_SEED, ref_dir), other)
    assert demo.read_manifest(old_default) is None
    assert demo.ensure_demo(old_default, ref_dir) is True
    assert pq.read_metadata(old_default / "violation_cases.parquet").num_rows == sum(FIXTURE_DEFAULT_SIZE.values())
    assert demo.ensure_demo(other, ref_dir) is False
    assert pq.read_metadata(other / "violation_cases.parquet").num_rows == 400


def test_cli_writes_the_files_and_prints_a_summary(ref_dir, tmp_path, capsys):
    from analytics.demo.__main__ import main

    assert main(["--cases", "400", "--seed", "5", "--out", str(tmp_path), "--reference-dir", str(ref_dir)]) == 0
    line = capsys.readouterr().out.strip()
    assert "\n" not in line and "400 cases" in line
    assert pq.read_metadata(tmp_path / "violation_cases.parquet").num_rows == 400
    # without --cases: the calibrated size
    assert main(["--out", str(tmp_path / "default"), "--reference-dir", str(ref_dir)]) == 0
    line = capsys.readouterr().out.strip()
    assert f"{sum(FIXTURE_DEFAULT_SIZE.values())} cases" in line


# ---------------------------------------------------------------------------------------------
# The repository's own reference data
# ---------------------------------------------------------------------------------------------

NEEDED = [
    "regions.csv",
    "elections.csv",
    "violation_categories.csv",
    "positions.csv",
    "sanction_types.csv",
    "published_figures.csv",
    "asn_headcount.csv",
]
needs_repo_data = pytest.mark.skipif(
    not all((REPO_DATA / f).exists() for f in NEEDED), reason="data/ is not complete yet"
)


def _repo_csv(name: str) -> pd.DataFrame:
    return pd.read_csv(REPO_DATA / name, dtype=str, keep_default_na=False)


def _repo_expectations() -> tuple[dict[str, float], dict[str, float], pd.Series]:
    """Counted here from the CSVs with plain pandas, not with the generator's helpers: per cycle
    the national reported count (the largest national figure of a reported-count metric, low
    confidence left out) and
    the expected Kalimantan count (national x the five provinces' PNS over the national PNS,
    never below the sum of the published regency counts), and the published regency counts
    (the largest per cycle and regency)."""
    figures = _repo_csv("published_figures.csv")
    figures["v"] = pd.to_numeric(figures["value"], errors="coerce")
    regions = _repo_csv("regions.csv")
    provinces = list(regions.loc[regions["level"] == "province", "region_code"])
    regencies = set(regions.loc[regions["level"] == "regency", "region_code"])

    pns = figures[(figures["metric"] == "pns_count") & (figures["v"] > 0) & (figures["breakdown"] == "")]
    national_pns = pns[pns["scope"] == "national"].sort_values("as_of_date")
    share = demo.ASSUMED_KALIMANTAN_SHARE
    if not national_pns.empty:
        year = int(national_pns["as_of_date"].iloc[-1][:4])
        prov = pns[(pns["scope"] == "province") & pns["region_code"].isin(provinces)]
        prov = pd.DataFrame({"region_code": prov["region_code"], "n": prov["v"], "year": prov["as_of_date"].str[:4]})
        headcount = _repo_csv("asn_headcount.csv")
        headcount = headcount[
            headcount["region_code"].isin(provinces)
            & (headcount["count_basis"] == "pns")
            & (headcount["coverage"] == "all_agencies_in_region")
        ]
        prov = pd.concat(
            [
                prov,
                pd.DataFrame(
                    {
                        "region_code": headcount["region_code"],
                        "n": pd.to_numeric(headcount["asn_count"], errors="coerce"),
                        "year": headcount["year"],
                    }
                ),
            ]
        )
        prov["gap"] = (pd.to_numeric(prov["year"], errors="coerce") - year).abs()
        prov = prov[prov["n"] > 0]
        per_province = (
            prov.sort_values("gap", kind="stable").drop_duplicates("region_code").set_index("region_code")["n"]
        )
        if set(per_province.index) == set(provinces):
            share = per_province.sum() / national_pns["v"].iloc[-1]

    reported = figures[figures["metric"].isin(demo.REPORTED_METRICS) & figures["v"].notna()]
    national = reported[(reported["scope"] == "national") & (reported["confidence"] != "low")]
    national = national.groupby("election_id")["v"].max()
    regional = reported[reported["region_code"].isin(regencies) & reported["election_id"].isin(demo.CYCLES)]
    published = regional.groupby(["election_id", "region_code"])["v"].max()
    cycles = set(_repo_csv("elections.csv")["election_id"])
    nat = {c: float(national.get(c, demo.DEFAULT_REPORTED[c])) for c in demo.CYCLES if c in cycles}
    expected = {c: max(n * share, float(published.get(c, pd.Series(dtype=float)).sum())) for c, n in nat.items()}
    return nat, expected, published


@pytest.fixture(scope="module")
def repo_default():
    return demo.generate()


@needs_repo_data
def test_default_demo_from_the_repository_data(repo_default):
    register = repo_default
    regions = _repo_csv("regions.csv")
    regencies = set(regions.loc[regions["level"] == "regency", "region_code"])
    assert len(regencies) == 56
    vc = register.violation_cases
    assert len(vc) == demo.plan().total and vc["is_synthetic"].all()
    assert set(vc["region_code"]) <= regencies
    assert set(vc["election_id"]) == set(demo.CYCLES)
    real = _repo_csv("asn_headcount.csv")
    real = real[
        (real["is_synthetic"].str.lower() != "true")
        & real["region_code"].isin(regencies)
        & real["value_qualifier"].isin(["exact", "approx"])
    ]
    synthetic = regencies - set(real["region_code"])
    assert set(register.asn_headcount["region_code"]) == synthetic
    assert demo.synthetic_denominators() == (len(synthetic), 56)


@needs_repo_data
def test_default_demo_is_the_size_of_kalimantan_per_cycle(repo_default):
    national, expected, _ = _repo_expectations()
    n = repo_default.violation_cases["election_id"].value_counts()
    for cycle, e in expected.items():
        got = int(n.get(cycle, 0))
        # within a factor of 1.5, or within the rounding to whole cases where the expectation is tiny
        assert e / 1.5 <= got <= 1.5 * e or abs(got - e) <= 0.5, (cycle, got, e, national[cycle])


@needs_repo_data
def test_default_demo_regencies_with_a_published_count_lie_in_the_band(repo_default):
    _, _, published = _repo_expectations()
    assert len(published) > 0
    counts = repo_default.violation_cases.groupby(["election_id", "region_code"]).size()
    outside = {
        key: (p, int(counts.get(key, 0)))
        for key, p in published.items()
        if not p / 3 - 2 <= counts.get(key, 0) <= 3 * p + 3
    }
    assert not outside, outside


@needs_repo_data
def test_an_explicit_total_is_exactly_that_many_cases_split_by_the_national_counts():
    national, _, _ = _repo_expectations()
    vc = demo.generate(4321).violation_cases
    assert len(vc) == 4321
    n = vc["election_id"].value_counts()
    total = sum(national.values())
    for cycle, count in national.items():
        assert abs(n.get(cycle, 0) - 4321 * count / total) <= 1, cycle


@needs_repo_data
def test_the_default_demo_is_deterministic(repo_default):
    again = demo.generate()
    for table, frame in repo_default.tables().items():
        pd.testing.assert_frame_equal(frame, again.tables()[table], obj=table)
    assert demo.plan().fingerprint() == demo.plan().fingerprint()
    assert demo.plan(seed=1).fingerprint() != demo.plan().fingerprint()
