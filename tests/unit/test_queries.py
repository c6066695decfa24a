"""Every SQL file runs on the fixture database, and the totals match hand counts."""

import re
from datetime import date

import pandas as pd
import pytest

from analytics import queries
from analytics.filters import Filters

EXTRA_DEFAULTS = {
    "bucket": "week",
    "bin_days": 7,
    "limit": 10,
    "level": "regency",
    "dimension": "category",
    "region_code": "63",
    "row_dimension": "category",
    "column_dimension": "position",
    "verification_days": 7,
    "review_working_days": 3,
    "as_of": date(2025, 3, 31),
    "window_days": 60,
    "metric_group": None,
    "pooled": False,
    "age_days": None,
}


@pytest.mark.parametrize("name", queries.sql_files())
def test_every_sql_file_runs_with_exactly_its_parameters(cur, name):
    declared = queries.sql_params(name)
    extra = {key: value for key, value in EXTRA_DEFAULTS.items() if key in declared}
    result = queries.run(cur, name, Filters(), **extra)
    assert isinstance(result, pd.DataFrame)
    assert len(result.columns) > 0


IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


def header_columns(name: str, catalog) -> list[str]:
    """The columns a SQL file's header says it returns, read as a reader would: "Columns: a, b
    (note), c.", "Columns: the <table> table." or "Columns: the <table> columns plus a, b and c.".
    A header that says it any other way fails: it could not be checked."""
    header = " ".join(line[2:].strip() for line in queries.sql_text(name).splitlines() if line.startswith("--"))
    found = re.search(r"Columns:\s*(.*?)(?:\.\s|\.$)", header)
    assert found, f"{name}.sql: the header lists no columns"
    text = re.sub(r"\([^)]*\)", "", found.group(1)).strip()
    table = re.fullmatch(r"the (\w+) table", text)
    if table:
        return [column.name for column in catalog.tables[table.group(1)].columns]
    plus = re.fullmatch(r"the (\w+) columns plus (.*)", text)
    extra = plus.group(2) if plus else text
    names = [part.strip() for part in re.split(r",|\band\b", extra) if part.strip()]
    assert all(IDENTIFIER.match(n) for n in names), f"{name}.sql: unreadable columns {names}"
    return ([column.name for column in catalog.tables[plus.group(1)].columns] if plus else []) + names


@pytest.mark.parametrize("name", queries.sql_files())
def test_every_sql_file_returns_the_columns_its_header_and_declaration_say(cur, name):
    """Each file's result against the two descriptions written beside it: its header comment and
    (for the register's queries) its declaration. A stale header, or a column added to the SQL
    and to neither description, fails."""
    from analytics import disclosure
    from analytics.catalog import load_catalog

    declared_params = queries.sql_params(name)
    extra = {key: value for key, value in EXTRA_DEFAULTS.items() if key in declared_params}
    returned = [c for c in queries.run(cur, name, Filters(), **extra).columns if not c.endswith("_key")]
    assert sorted(returned) == sorted(header_columns(name, load_catalog())), name
    declaration = disclosure.declaration(name)
    if declaration.register:
        assert sorted(returned) == sorted(declaration.columns), name


def test_run_refuses_a_missing_parameter(cur):
    with pytest.raises(TypeError, match="bucket"):
        queries.run(cur, "cases_over_time", Filters())


def test_headline_numbers_pilkada_2024_by_hand(cur):
    row = queries.headline_numbers(cur, Filters(election_id="pilkada-2024")).iloc[0]
    assert row["reported"] == 4
    assert row["registered"] == 3  # C1, C2 proven; C3 not proven; C4 still only reported
    assert row["proven"] == 2
    assert row["recommended"] == 2
    assert row["followed_up"] == 1
    assert row["sanctioned"] == 1
    assert row["open_cases"] == 2  # C2 waits for the PPK, C4 for registration
    assert row["followup_rate_pct"] == 50.0
    # open cases are not yet finished, not absent: the register's newest date is 20 Nov 2024, so
    # C4 is open at 0 days and C2 at 41; C3 ends at 4 days (2 of 3 still running), C1 at 49 (none)
    assert row["median_days_to_resolution"] == 49
    assert bool(row["any_synthetic"]) is True


def test_headline_numbers_at_an_age_by_hand(cur):
    # 30 days before voting day: Pilkada 2024 on 28 Oct 2024, Pilkada 2020 on 9 Nov 2020
    row = queries.headline_numbers(cur, Filters(election_id="pilkada-2024"), age_days=-30).iloc[0]
    # C1, C2 reported and proven; only C1 recommended (C2 on 30 Oct); C1 answered on 19 Nov: later
    assert (row["reported"], row["proven"], row["recommended"], row["followed_up"], row["open_cases"]) == (
        2,
        2,
        1,
        0,
        2,
    )
    assert row["followup_rate_pct"] == 0.0
    assert pd.isna(row["median_days_to_resolution"])  # nothing finished yet: not reached
    row = queries.headline_numbers(cur, Filters(election_id="pilkada-2020"), age_days=-30).iloc[0]
    # C6 ends at 2 days, C5 is open at 39: exactly half finished, and nothing ends after: not reached
    assert (row["reported"], row["proven"], row["followed_up"], row["resolved"]) == (2, 1, 0, 1)
    assert pd.isna(row["median_days_to_resolution"])


def test_headline_numbers_previous_cycle(cur):
    row = queries.headline_numbers(cur, Filters(election_id="pilkada-2024").with_election("pilkada-2020")).iloc[0]
    assert (row["reported"], row["registered"], row["proven"], row["followed_up"]) == (2, 1, 1, 1)
    assert row["followup_rate_pct"] == 100.0
    assert row["median_days_to_resolution"] == 31.5  # C5: 61 days, C6: 2 days, none open


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), 6),
        (Filters(province_code="63"), 5),
        (Filters(regency_code="63.09"), 2),
        (Filters(category_code="kampanye_medsos"), 3),
        (Filters(position_code="pelaksana"), 2),
        (Filters(agency_level="provinsi"), 1),
        (Filters(date_from=date(2024, 10, 10), date_to=date(2024, 11, 1)), 2),
        (Filters(election_id="pilkada-2020", regency_code="63.09"), 0),
    ],
)
def test_filters_select_the_right_cases(cur, filters, expected):
    assert queries.headline_numbers(cur, filters).iloc[0]["reported"] == expected


def test_no_match_gives_zero_and_missing_rates(cur):
    row = queries.headline_numbers(cur, Filters(election_id="pilkada-2020", regency_code="64.02")).iloc[0]
    assert row["reported"] == 0
    assert pd.isna(row["followup_rate_pct"])
    assert pd.isna(row["median_days_to_resolution"])


def test_top_hotspots_rates_use_real_headcount_or_stay_missing(cur):
    hotspots = queries.top_hotspots(cur, Filters(election_id="pilkada-2024"), limit=10).set_index("region_code")
    assert list(hotspots.index) == ["63.09", "63.71", "64.02"]
    assert hotspots.loc["63.09", "reported"] == 2
    assert pd.isna(hotspots.loc["63.09", "proven_per_1000_asn"])  # no headcount: missing, not zero
    assert hotspots.loc["64.02", "asn_count"] == 12889
    assert hotspots.loc["64.02", "proven_per_1000_asn"] == 0.0


def test_cases_over_time_buckets(cur):
    weekly = queries.cases_over_time(cur, Filters(election_id="pilkada-2024"), bucket="month")
    assert list(weekly["period_start"].astype(str)) == ["2024-10-01", "2024-11-01"]
    assert list(weekly["reported"]) == [2, 2]
    assert list(weekly["proven"]) == [2, 0]
    with pytest.raises(ValueError):
        queries.cases_over_time(cur, Filters(), bucket="fortnight")


def test_days_before_voting_bins(cur):
    aligned = queries.cases_by_days_before_voting(cur, Filters(), bin_days=7)
    row = aligned[(aligned["election_id"] == "pilkada-2024")].set_index("days_before_voting")["reported"]
    # C1 57 days before 27 Nov 2024 -> bin 56; C2 48 -> 42; C3 26 -> 21; C4 7 -> 7
    assert row.to_dict() == {7: 1, 21: 1, 42: 1, 56: 1}


def test_cases_view_hides_personal_columns(cur):
    columns = {row[0] for row in cur.execute("DESCRIBE cases").fetchall()}
    assert "asn_name" not in columns and "nip" not in columns


def test_region_metrics_keep_regions_without_cases(cur):
    regencies = queries.region_metrics(cur, Filters(election_id="pilkada-2020"), level="regency").set_index(
        "region_code"
    )
    assert list(regencies.index) == ["63.09", "63.71", "64.02"]
    assert regencies.loc["63.09", "reported"] == 0
    assert pd.isna(regencies.loc["63.09", "followup_rate_pct"])
    assert regencies.loc["63.71", "reported"] == 2
    assert regencies.loc["63.71", "followup_rate_pct"] == 100.0


def test_region_metrics_per_1000_asn_by_province(cur):
    provinces = queries.region_metrics(cur, Filters(election_id="pilkada-2024"), level="province").set_index(
        "region_code"
    )
    assert provinces.loc["63", "reported"] == 3 and provinces.loc["63", "proven"] == 2
    assert provinces.loc["63", "proven_per_1000_asn"] == round(2000 / 70634, 3)
    assert provinces.loc["64", "reported"] == 1
    assert pd.isna(provinces.loc["64", "proven_per_1000_asn"])  # no headcount for 64: missing
    with pytest.raises(ValueError):
        queries.region_metrics(cur, Filters(), level="village")


def test_cases_by_dimension(cur):
    by_category = queries.cases_by_dimension(cur, Filters(election_id="pilkada-2024"), dimension="category")
    counts = dict(zip(by_category["code"], by_category["reported"]))
    assert counts == {"kampanye_medsos": 2, "hadir_kampanye": 1, "interaksi_medsos": 1}
    by_level = queries.cases_by_dimension(cur, Filters(), dimension="agency_level")
    assert by_level.groupby("code")["reported"].sum().to_dict() == {"kabupaten": 2, "kota": 3, "provinsi": 1}
    pooled = queries.cases_by_dimension(cur, Filters(), dimension="agency_level", pooled=True)
    assert set(pooled["election_id"]) == {"semua"}
    assert dict(zip(pooled["code"], pooled["reported"])) == {"kabupaten": 2, "kota": 3, "provinsi": 1}
    with pytest.raises(ValueError):
        queries.cases_by_dimension(cur, Filters(), dimension="nip")


def test_events_and_figures_of_a_province_include_its_regencies(cur):
    assert list(queries.events_for_region(cur, "63")["event_id"]) == ["EV002", "EV001"]
    assert list(queries.events_for_region(cur, "63.09")["event_id"]) == ["EV001"]
    assert queries.events_for_region(cur, "64").empty
    assert list(queries.figures_for_region(cur, "63")["figure_id"]) == ["F003"]
    assert queries.figures_for_region(cur, "63.09").empty


def test_a_step_without_its_date_counts_now_and_not_at_an_age(tmp_path):
    """An imported follow-up may lack its date: as the register stands it is followed up (as on
    Sanksi); at an age its date is unknown, so it is not yet."""
    from analytics import db
    from tests.conftest import FIXTURE_REFERENCE, fixture_cases, fixture_sanctions, write_register

    sanctions = fixture_sanctions()
    sanctions.loc[sanctions["case_id"] == "C1", "followup_date"] = None
    write_register(tmp_path, fixture_cases(), sanctions)
    con = db.connect(db.resolve_sources(data_dir=tmp_path, reference_dir=FIXTURE_REFERENCE))
    try:
        cur = con.cursor()
        now = queries.headline_numbers(cur, Filters(election_id="pilkada-2024")).iloc[0]
        assert (now["followed_up"], now["sanctioned"], now["followup_rate_pct"]) == (1, 1, 50.0)
        regions = queries.region_metrics(cur, Filters(election_id="pilkada-2024")).set_index("region_code")
        assert regions.loc["63.09", "followed_up"] == 1
        at_age = queries.headline_numbers(cur, Filters(election_id="pilkada-2024"), age_days=0).iloc[0]
        assert (at_age["followed_up"], at_age["sanctioned"]) == (0, 0)
    finally:
        con.close()
