"""Shared fixtures: a tiny database with hand-made cases whose totals are computed by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analytics import db
from analytics.catalog import load_catalog

FIXTURE_REFERENCE = Path(__file__).parent / "fixtures" / "reference"
#: Test folder -> the marker of its tier (registered in pytest.ini).
TIERS = {
    "unit": "unit",
    "data": "unit",
    "ingest": "ingest",
    "privacy": "privacy",
    "app": "app",
    "benchmarks": "benchmark",
    "e2e": "e2e",
}


def pytest_collection_modifyitems(config, items):
    """Mark every test with its folder's tier, so that ``-m "not e2e"`` runs the fast tiers alone."""
    tests_dir = Path(__file__).parent
    for item in items:
        folder = Path(str(item.fspath)).relative_to(tests_dir).parts[0]
        if folder in TIERS:
            item.add_marker(getattr(pytest.mark, TIERS[folder]))


D = date


def fixture_cases() -> pd.DataFrame:
    rows = [
        # case_id, election, intake, reported, region, agency level, status, decided, forwarded_to, forwarded, category, position
        (
            "C1",
            "pilkada-2024",
            "temuan",
            D(2024, 10, 1),
            "63.09",
            "kabupaten",
            "terbukti",
            D(2024, 10, 6),
            "BKN",
            D(2024, 10, 8),
            "kampanye_medsos",
            "jpt",
        ),
        (
            "C2",
            "pilkada-2024",
            "laporan",
            D(2024, 10, 10),
            "63.09",
            "kabupaten",
            "terbukti",
            D(2024, 10, 15),
            "BKN",
            D(2024, 10, 16),
            "hadir_kampanye",
            "pelaksana",
        ),
        (
            "C3",
            "pilkada-2024",
            "temuan",
            D(2024, 11, 1),
            "63.71",
            "kota",
            "tidak_terbukti",
            D(2024, 11, 5),
            None,
            None,
            "interaksi_medsos",
            "fungsional",
        ),
        (
            "C4",
            "pilkada-2024",
            "temuan",
            D(2024, 11, 20),
            "64.02",
            "provinsi",
            "dilaporkan",
            None,
            None,
            None,
            "kampanye_medsos",
            "jpt",
        ),
        (
            "C5",
            "pilkada-2020",
            "temuan",
            D(2020, 10, 1),
            "63.71",
            "kota",
            "terbukti",
            D(2020, 10, 5),
            "KASN",
            D(2020, 10, 7),
            "kampanye_medsos",
            "jpt",
        ),
        (
            "C6",
            "pilkada-2020",
            "laporan",
            D(2020, 11, 1),
            "63.71",
            "kota",
            "tidak_diregistrasi",
            D(2020, 11, 3),
            None,
            None,
            "alat_peraga",
            "pelaksana",
        ),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "case_id",
            "election_id",
            "intake",
            "reported_date",
            "region_code",
            "agency_level",
            "status",
            "decided_date",
            "forwarded_to",
            "forwarded_date",
            "category_code",
            "position_code",
        ],
    )
    frame["agency_name"] = "Dinas Fixture " + frame["case_id"]
    frame["asn_status"] = "PNS"
    frame["medium"] = "media_sosial"
    frame["asn_name"] = None
    frame["nip"] = None
    frame["is_synthetic"] = True
    return frame[load_catalog()["violation_cases"].column_names]


def fixture_sanctions() -> pd.DataFrame:
    rows = [
        (
            "C1",
            "BKN",
            D(2024, 10, 20),
            "disiplin_sedang",
            "Bupati Tabalong",
            "ditindaklanjuti",
            D(2024, 11, 19),
            "disiplin_sedang",
        ),
        ("C2", "BKN", D(2024, 10, 30), "disiplin_berat", "Bupati Tabalong", "belum", None, None),
        (
            "C5",
            "KASN",
            D(2020, 10, 20),
            "moral_terbuka",
            "Wali Kota Banjarmasin",
            "ditindaklanjuti",
            D(2020, 12, 1),
            "moral_terbuka",
        ),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "case_id",
            "recommending_body",
            "recommendation_date",
            "recommended_sanction_code",
            "ppk_agency",
            "followup_status",
            "followup_date",
            "imposed_sanction_code",
        ],
    )
    frame["is_synthetic"] = True
    return frame


def write_register(data_dir: Path, cases: pd.DataFrame, sanctions: pd.DataFrame) -> None:
    register = data_dir / "demo"
    register.mkdir(parents=True, exist_ok=True)
    for column in ("reported_date", "decided_date", "forwarded_date"):
        cases[column] = pd.to_datetime(cases[column])
    for column in ("recommendation_date", "followup_date"):
        sanctions[column] = pd.to_datetime(sanctions[column])
    cases.to_parquet(register / "violation_cases.parquet", index=False)
    sanctions.to_parquet(register / "sanctions.parquet", index=False)


@pytest.fixture(scope="session")
def fixture_data_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("fixture_data")
    write_register(data_dir, fixture_cases(), fixture_sanctions())
    return data_dir


@pytest.fixture(scope="session")
def fixture_con(fixture_data_dir):
    sources = db.resolve_sources(data_dir=fixture_data_dir, reference_dir=FIXTURE_REFERENCE)
    con = db.connect(sources)
    yield con
    con.close()


@pytest.fixture()
def cur(fixture_con):
    with fixture_con.cursor() as cursor:
        yield cursor


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory) -> Path:
    """A synthetic register of the demo's default size, in a data directory of its own."""
    from analytics import demo

    data_dir = tmp_path_factory.mktemp("demo_data")
    demo.build(data_dir / "demo", 3000, 20241127)
    return data_dir


@pytest.fixture(scope="session")
def demo_con(demo_data_dir):
    con = db.connect(db.resolve_sources(data_dir=demo_data_dir))
    yield con
    con.close()


@pytest.fixture()
def demo_cur(demo_con):
    with demo_con.cursor() as cursor:
        yield cursor
