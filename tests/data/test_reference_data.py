"""The real curated data in data/ against the catalog."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from analytics import settings
from analytics.catalog import csv_columns_spec, load_catalog, quote_literal

CATALOG = load_catalog()
REAL_TABLES = [t for t in CATALOG if t.is_real]


def read_raw(table) -> pd.DataFrame:
    return pd.read_csv(settings.REFERENCE_DIR / table.file, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def frames():
    return {t.name: read_raw(t) for t in REAL_TABLES}


@pytest.mark.parametrize("table", REAL_TABLES, ids=lambda t: t.name)
def test_columns_are_exactly_the_catalog(table, frames):
    assert list(frames[table.name].columns) == table.column_names


@pytest.mark.parametrize("table", REAL_TABLES, ids=lambda t: t.name)
def test_values_parse_as_declared_types(table):
    path = quote_literal(str(settings.REFERENCE_DIR / table.file))
    con = duckdb.connect()
    con.execute(f"SELECT * FROM read_csv({path}, header = true, columns = {csv_columns_spec(table)}, auto_detect = false)")


@pytest.mark.parametrize("table", REAL_TABLES, ids=lambda t: t.name)
def test_required_allowed_and_unique(table, frames):
    frame = frames[table.name]
    for column in table.columns:
        values = frame[column.name]
        if column.required:
            empty = frame.index[values.str.strip() == ""].tolist()
            assert not empty, f"{table.name}.{column.name} empty in rows {[i + 2 for i in empty][:10]}"
        if column.allowed:
            bad = sorted(set(values[values != ""]) - set(column.allowed))
            assert not bad, f"{table.name}.{column.name} has values outside {column.allowed}: {bad}"
    duplicated = frame[frame.duplicated(list(table.primary_key), keep=False)]
    assert duplicated.empty, f"{table.name} duplicate keys: {duplicated[list(table.primary_key)].values.tolist()[:5]}"


@pytest.mark.parametrize("table", REAL_TABLES, ids=lambda t: t.name)
def test_references_exist(table, frames):
    for column in table.columns:
        if not column.references or CATALOG[column.reference_table].tier == "register":
            continue
        known = set(frames[column.reference_table][column.reference_column])
        values = frames[table.name][column.name]
        unknown = sorted(set(values[values != ""]) - known)
        assert not unknown, f"{table.name}.{column.name} refers to unknown {column.references}: {unknown}"


def test_breakdowns_are_category_or_position_codes(frames):
    figures = frames["published_figures"]
    known = set(frames["violation_categories"]["code"]) | set(frames["positions"]["code"])
    used = set(figures.loc[figures["breakdown"] != "", "breakdown"])
    assert used <= known, used - known
    shares = figures[figures["metric"].isin(["category_share_pct", "position_share_pct"])]
    assert (shares["breakdown"] != "").all()


def test_regions_are_5_provinces_and_56_regencies(frames):
    regions = frames["regions"]
    assert (regions["level"] == "province").sum() == 5
    assert (regions["level"] == "regency").sum() == 56
    regencies = regions[regions["level"] == "regency"]
    assert set(regencies["province_code"]) == {"61", "62", "63", "64", "65"}
    assert (regencies["region_code"].str.split(".").str[0] == regencies["province_code"]).all()
    # BPS and Kemendagri codes differ for 23 regencies (BPS 6402 is Kutai Barat, Kemendagri 64.02 Kutai Kartanegara)
    assert (regencies["region_code"].str.replace(".", "") != regencies["bps_code"]).sum() == 23
    assert regions.set_index("region_code").loc["64.02", "region_name"] == "Kabupaten Kutai Kartanegara"


def test_all_35_events_are_placed_dated_and_sourced(frames):
    events = frames["socialization_events"]
    assert len(events) == 35
    regencies = set(frames["regions"].query("level == 'regency'")["region_code"])
    assert set(events["region_code"]) <= regencies
    assert (events["date_precision"] != "").all() and (events["source_title"] != "").all()
    participants = events["participants_count"][events["participants_count"] != ""]
    assert participants.astype(int).gt(0).all()


def test_every_published_figure_has_a_source(frames):
    figures = frames["published_figures"]
    assert len(figures) >= 250
    assert figures["source_url"].str.startswith("http").all()
    assert (figures["publisher"] != "").all()


def test_conflicting_pilkada_2020_totals_stay_separate(frames):
    figures = frames["published_figures"]
    reported = figures[(figures["election_id"] == "pilkada-2020") & (figures["metric"] == "asn_reported")]
    values = set(reported["value"].astype(float))
    assert {2034.0, 2007.0} <= values


def test_elections_and_the_handover(frames):
    elections = frames["elections"].set_index("election_id")
    assert {"pilkada-2015", "pilkada-2017", "pilkada-2018", "pemilu-2019", "pilkada-2020", "pemilu-2024",
            "pilkada-2024"} <= set(elections.index)
    assert elections.loc["pilkada-2024", "voting_date"] == "2024-11-27"
    assert elections.loc["pemilu-2024", "previous_election_id"] == "pemilu-2019"
    milestones = frames["milestones"].set_index("milestone_id")
    assert milestones.loc["kasn-to-bkn", "milestone_date"] == "2024-08-24"


def test_real_headcounts_are_not_synthetic_and_sourced(frames):
    headcount = frames["asn_headcount"]
    assert (headcount["is_synthetic"].str.lower() == "false").all()
    assert headcount["source_url"].str.startswith("http").all()
