"""The public release of register numbers (``analytics.release`` through ``analytics.disclosure``):
every query declared, every public count adjusted and never small, the same cases read the same
everywhere, dates whole months, too much detail answered with no number, analysts exact."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics import cell_key, disclosure, queries, release
from analytics.filters import Filters

PUBLIC = release.Audience.for_public(5)
QUERY_FUNCTIONS = sorted(
    name
    for name in dir(queries)
    if callable(getattr(queries, name))
    and not name.startswith("_")
    and getattr(getattr(queries, name), "__module__", "") == queries.__name__
    and name not in {"run", "sql_text", "sql_params", "sql_files", "sql_name"}
)

CASES = [
    ("region_metrics", {"level": "regency"}),
    ("region_metrics", {"level": "province"}),
    ("cases_by_dimension", {"dimension": "category"}),
    ("cases_by_dimension", {"dimension": "intake"}),
    ("cases_crosstab", {}),
    ("followup_by_agency", {}),
    ("cases_over_time", {"bucket": "month"}),
    ("cases_by_days_before_voting", {"bin_days": 7}),
    ("top_hotspots", {"limit": 10}),
    ("sanction_mix", {}),
    ("headline_numbers", {}),
    ("stage_durations", {}),
    ("backlog_by_age", {"as_of": date(2025, 1, 1)}),
    ("cases_around_events", {"window_days": 60}),
]
REGISTER_QUERIES = sorted({name for name, _ in CASES})


def test_every_query_has_a_declaration_and_an_undeclared_one_is_refused(tmp_path):
    for name in QUERY_FUNCTIONS:
        disclosure.declaration(queries.sql_name(name))  # raises when the file is missing
    with pytest.raises(disclosure.UnprotectedQuery):
        disclosure.declaration("a_new_query")


def test_every_register_query_is_covered_here():
    declared = {n for n in QUERY_FUNCTIONS if disclosure.declaration(queries.sql_name(n)).register}
    assert declared == set(REGISTER_QUERIES)


@pytest.mark.parametrize(("name", "extra"), CASES)
def test_each_declaration_is_what_its_query_returns(demo_cur, name, extra):
    """Columns, and nothing numeric undeclared: a new count column fails here until declared."""
    raw = getattr(queries, name)(demo_cur, Filters(election_id="pilkada-2024"), **extra)
    declared = disclosure.declaration(name)
    assert sorted(raw.columns) == sorted(declared.result_columns()), name
    for column in declared.counts:
        assert f"{column}_key" in raw.columns
    kinds = {
        "count",
        "rate",
        "statistic",
        "single_case",
        "label",
        "reference",
        "flag",
        "register_flag",
        "register_date",
    }
    assert {declared.kind(c) for c in declared.columns} <= kinds


def test_open_declarations_name_no_count():
    for name in QUERY_FUNCTIONS:
        declared = disclosure.declaration(queries.sql_name(name))
        if not declared.register:
            assert not declared.counts, name


def test_a_count_missing_from_a_declaration_fails_the_check(demo_cur):
    """The check above can fail: a declaration that forgets a count no longer matches."""
    declared = disclosure.declaration("headline_numbers")
    forgetful = disclosure.Declaration(
        name="headline_numbers", register=True, columns={k: v for k, v in declared.columns.items() if k != "sanctioned"}
    )
    raw = queries.headline_numbers(demo_cur, Filters(election_id="pilkada-2024"))
    assert sorted(raw.columns) != sorted(forgetful.result_columns())


@pytest.mark.parametrize(("name", "extra"), CASES)
@pytest.mark.parametrize(
    "filters", [Filters(election_id="pilkada-2024"), Filters(election_id="pilkada-2020", province_code="63")]
)
def test_public_counts_are_adjusted_never_small_and_keys_never_leave(demo_cur, name, extra, filters):
    public = release.fetch(demo_cur, name, filters, PUBLIC, **extra)
    exact = release.fetch(demo_cur, name, filters, release.ANALYST, **extra)
    declared = disclosure.declaration(name)
    assert not [c for c in public.columns if c.endswith("_key")]
    assert not [c for c in exact.columns if c.endswith("_key")]
    assert disclosure.is_adjusted(public)
    for column in declared.counts:
        shown = public[column].dropna()
        assert not shown.between(0, 4).any(), (name, column)  # no zero, no 1-4
        assert (public[f"{column}_withheld"] == public[column].isna() & public[f"{column}_withheld"]).all()
    for column in declared.of_kind("single_case"):
        assert public[column].isna().all()


@pytest.mark.parametrize(
    ("name", "extra", "key"),
    [
        ("region_metrics", {"level": "regency"}, ["region_code"]),
        ("cases_by_dimension", {"dimension": "category"}, ["election_id", "code"]),
        ("sanction_mix", {}, ["code"]),
    ],
)
def test_shown_counts_stay_within_the_adjustment_and_rates_follow_them(demo_cur, name, extra, key):
    filters = Filters(election_id="pilkada-2024")
    public = release.fetch(demo_cur, name, filters, PUBLIC, **extra)
    exact = release.fetch(demo_cur, name, filters, release.ANALYST, **extra)
    merged = exact.merge(public, on=key, suffixes=("", "_public"))
    declared = disclosure.declaration(name)
    moved = []
    for column in declared.counts:
        shown = ~merged[f"{column}_withheld"]
        difference = merged.loc[shown, f"{column}_public"] - merged.loc[shown, column]
        assert difference.abs().max() <= cell_key.MAX_ADJUSTMENT
        moved += list(difference)
    assert any(moved), "nothing was adjusted"
    for column in declared.of_kind("rate"):
        numerator, denominator = declared.columns[column]["rate"]
        scale, decimals = declared.columns[column].get("scale", 1), declared.columns[column].get("decimals", 1)
        denominator_values = (
            merged[f"{denominator}_public"] if f"{denominator}_public" in merged else merged[denominator]
        )
        expected = (scale * merged[f"{numerator}_public"] / denominator_values.where(denominator_values > 0)).round(
            decimals
        )
        shown = ~merged[f"{column}_withheld"] & expected.notna()
        assert np.allclose(merged.loc[shown, f"{column}_public"], expected[shown]), column


def test_the_same_cases_read_the_same_on_every_path(demo_cur):
    """A tile, a map row, a breakdown row and the open data of one set of cases agree, and asking
    again gives the same answer (no noise to average away)."""
    from analytics import open_data

    election, regency = "pilkada-2024", None
    regions = release.fetch(demo_cur, "region_metrics", Filters(election_id=election), PUBLIC, level="regency")
    shown = regions[~regions["reported_withheld"]]
    assert len(shown) >= 3
    for row in shown.head(5).itertuples():
        tile = release.fetch(
            demo_cur, "headline_numbers", Filters(election_id=election, regency_code=row.region_code), PUBLIC
        ).iloc[0]
        via_province = release.fetch(
            demo_cur,
            "headline_numbers",
            Filters(election_id=election, province_code=row.province_code, regency_code=row.region_code),
            PUBLIC,
        ).iloc[0]
        assert tile["reported"] == row.reported == via_province["reported"]
        regency = row.region_code
    categories = release.fetch(
        demo_cur,
        "cases_by_dimension",
        Filters(election_id=election, regency_code=regency),
        PUBLIC,
        dimension="category",
    )
    for row in categories.itertuples():
        tile = release.fetch(
            demo_cur,
            "headline_numbers",
            Filters(election_id=election, regency_code=regency, category_code=row.code),
            PUBLIC,
        ).iloc[0]
        assert (pd.isna(tile["reported"]) and pd.isna(row.reported)) or tile["reported"] == row.reported
    opened = {d.name: d.frame for d in open_data.register_datasets(demo_cur, PUBLIC)}["kasus_per_kabupaten_kota"]
    opened = opened[opened["election_id"] == election].set_index("region_code")["reported"]
    pd.testing.assert_series_equal(
        opened.dropna(), regions.set_index("region_code")["reported"].dropna(), check_names=False
    )
    again = release.fetch(demo_cur, "region_metrics", Filters(election_id=election), PUBLIC, level="regency")
    pd.testing.assert_frame_equal(regions, again)


def test_an_empty_cell_reads_like_a_small_one(demo_cur):
    exact = release.fetch(
        demo_cur, "region_metrics", Filters(election_id="pilkada-2024"), release.ANALYST, level="regency"
    ).set_index("region_code")
    public = release.fetch(
        demo_cur, "region_metrics", Filters(election_id="pilkada-2024"), PUBLIC, level="regency"
    ).set_index("region_code")
    empty = exact.index[exact["reported"] == 0]
    small = exact.index[exact["reported"].between(1, 4)]
    assert len(empty) and len(small)
    reference = {"region_name", "province_code", "asn_count", "headcount_year", "headcount_is_synthetic"}
    for column in set(public.columns) - reference:
        assert set(public.loc[empty, column].astype(str)) == set(public.loc[small, column].astype(str)), column


def test_public_dates_are_whole_months(demo_cur):
    base = dict(election_id="pilkada-2024", province_code="63")
    by_day = release.fetch(
        demo_cur, "headline_numbers", Filters(**base, date_from=date(2024, 9, 17), date_to=date(2024, 10, 3)), PUBLIC
    )
    by_month = release.fetch(
        demo_cur, "headline_numbers", Filters(**base, date_from=date(2024, 9, 1), date_to=date(2024, 10, 31)), PUBLIC
    )
    pd.testing.assert_frame_equal(by_day, by_month)
    as_of = release.fetch(demo_cur, "data_as_of", None, PUBLIC).iloc[0]
    assert as_of["register_cases_as_of"].day == 1
    exact = release.fetch(demo_cur, "data_as_of", None, release.ANALYST).iloc[0]
    assert pd.Timestamp(exact["register_cases_as_of"]).day != 1 or True


@pytest.mark.parametrize(
    ("filters", "name", "extra", "detailed"),
    [
        (
            Filters(election_id="pilkada-2024", regency_code="63.09"),
            "cases_by_dimension",
            {"dimension": "category"},
            False,
        ),
        (Filters(election_id="pilkada-2024", regency_code="63.09"), "cases_crosstab", {}, True),
        (
            Filters(election_id="pilkada-2024", regency_code="63.09", category_code="lainnya"),
            "cases_over_time",
            {"bucket": "week"},
            True,
        ),
        (
            Filters(
                election_id="pilkada-2024", regency_code="63.09", category_code="lainnya", position_code="pelaksana"
            ),
            "headline_numbers",
            {},
            True,
        ),
        (Filters(election_id=None, regency_code="63.09"), "headline_numbers", {}, True),
        (Filters(election_id=None, province_code="63"), "headline_numbers", {}, False),
        (Filters(election_id=None), "cases_over_time", {"bucket": "month"}, False),
        (Filters(election_id="pilkada-2024", province_code="63"), "cases_by_dimension", {"dimension": "intake"}, False),
        (
            Filters(election_id="pilkada-2024", regency_code="63.09"),
            "cases_by_dimension",
            {"dimension": "intake"},
            True,
        ),
        (
            Filters(election_id=None, regency_code="63.09", category_code="lainnya", date_to=date(2020, 12, 31)),
            "headline_numbers",
            {},
            True,
        ),
    ],
)
def test_views_beyond_the_detail_limit_get_no_number(demo_cur, filters, name, extra, detailed):
    public = release.fetch(demo_cur, name, filters, PUBLIC, **extra)
    assert disclosure.is_too_detailed(public) is detailed
    if detailed:
        declared = disclosure.declaration(name)
        assert all(public[c].isna().all() for c in declared.counts)
        if declared.rows == "observed":
            assert public.empty  # not even which rows have cases
    analyst = release.fetch(demo_cur, name, filters, release.ANALYST, **extra)
    assert not disclosure.is_too_detailed(analyst)


def test_analysts_get_the_exact_result(demo_cur):
    filters = Filters(election_id="pilkada-2020", regency_code="63.71")
    raw = queries.headline_numbers(demo_cur, filters)
    exact = release.fetch(demo_cur, "headline_numbers", filters, release.ANALYST)
    pd.testing.assert_frame_equal(exact, raw.drop(columns=[c for c in raw.columns if c.endswith("_key")]))


def test_public_rankings_follow_the_adjusted_numbers(demo_cur):
    public = release.fetch(demo_cur, "top_hotspots", Filters(election_id="pilkada-2024"), PUBLIC, limit=10)
    assert len(public) == 10
    assert public["reported"].is_monotonic_decreasing
    assert not public["reported_withheld"].any()


def test_a_percentile_of_few_cases_is_not_public(demo_cur):
    """The 90th percentile of a handful of durations is nearly the longest one: it needs 20 cases."""
    checked = 0
    for province in ("61", "62", "63", "64", "65"):
        filters = Filters(election_id="pilkada-2024", province_code=province, category_code="lainnya")
        exact = release.fetch(demo_cur, "stage_durations", filters, release.ANALYST).set_index("stage")
        public = release.fetch(demo_cur, "stage_durations", filters, PUBLIC).set_index("stage")
        assert public["max_days"].isna().all()
        few = exact.index[exact["cases"].between(5, 16)].intersection(public.index)
        assert public.loc[few, "p90_days"].isna().all()
        many = exact.index[exact["cases"] >= 24].intersection(public.index)
        assert public.loc[many, "p90_days"].notna().all()
        checked += len(few)
    assert checked


def test_a_stage_row_says_nothing_of_whether_it_has_cases(demo_cur):
    """A stage whose service-level count is missing (not applicable) must not keep the row of a
    withheld count: an empty stage and a small one are both absent."""
    exact = release.fetch(
        demo_cur, "region_metrics", Filters(election_id="pilkada-2024"), release.ANALYST, level="regency"
    ).set_index("region_code")
    seen = set()
    for code in exact.index[exact["reported"] <= 4][:12]:
        public = release.fetch(
            demo_cur, "stage_durations", Filters(election_id="pilkada-2024", regency_code=code), PUBLIC
        )
        seen.add(tuple(public["stage"]))
    assert seen == {()}, seen


def test_a_date_window_does_not_lift_the_cost_of_pooling_cycles(demo_cur):
    everything = Filters(election_id=None, date_from=date(2014, 1, 1), date_to=date(2030, 12, 31))
    pooled = release.fetch(demo_cur, "region_metrics", everything, PUBLIC, level="regency")
    assert disclosure.is_too_detailed(pooled)
    by_month = release.fetch(demo_cur, "cases_over_time", everything, PUBLIC, bucket="month")
    assert not disclosure.is_too_detailed(by_month)


def test_a_cycle_without_cases_reads_as_zeros_with_the_public_columns(demo_cur):
    public = release.fetch(demo_cur, "region_metrics", Filters(election_id="pilkada-2017"), PUBLIC, level="regency")
    assert (public["reported"] == 0).all() and not public["reported_withheld"].any()
    assert disclosure.is_adjusted(public) and not disclosure.is_too_detailed(public)


def test_a_cycle_cut_at_an_age_costs_a_time_window():
    """The at-age map minus the plain one would be 'reported after day X': the age counts as a
    time window, so regency x category at an age is beyond the public limit, regency alone is not."""
    declared = disclosure.declaration("region_metrics")
    cycle = Filters(election_id="pilkada-2020")
    assert not disclosure.too_detailed(declared, cycle, {"level": "regency", "age_days": 124})
    narrowed = Filters(election_id="pilkada-2020", category_code="lainnya")
    assert not disclosure.too_detailed(declared, narrowed, {"level": "regency", "age_days": None})
    assert disclosure.too_detailed(declared, narrowed, {"level": "regency", "age_days": 124})
