import pandas as pd
import pytest

from analytics import cycle_compare
from analytics.region_compare import MAP_METRIC_BY_CODE, with_other_cycle


def test_counts_change_in_cases_and_rates_in_points_by_hand():
    current = pd.DataFrame(
        {"region_code": ["a", "b", "c"], "reported": [15, 4, 2], "followup_rate_pct": [50.0, 80.0, None]}
    )
    other = pd.DataFrame(
        {"region_code": ["a", "b", "c"], "reported": [10, 0, 4], "followup_rate_pct": [75.0, 60.0, 40.0]}
    )
    counts = with_other_cycle(current, other, "reported").set_index("region_code")
    assert counts["change"].tolist() == [5, 4, -2]  # a change from zero is a change too
    assert counts["other_reported"].tolist() == [10, 0, 4]
    rates = with_other_cycle(current, other, "followup_rate_pct").set_index("region_code")
    assert rates.loc["a", "change"] == -25.0 and rates.loc["b", "change"] == 20.0
    assert pd.isna(rates.loc["c", "change"])  # a missing side: no change


def test_a_change_resting_on_a_withheld_value_is_withheld():
    current = pd.DataFrame({"region_code": ["a", "b"], "reported": [12.0, None], "reported_withheld": [False, True]})
    other = pd.DataFrame({"region_code": ["a", "b"], "reported": [None, 9.0], "reported_withheld": [True, False]})
    result = with_other_cycle(current, other, "reported").set_index("region_code")
    assert result["change_withheld"].tolist() == [True, True]
    assert result["change"].isna().all()
    assert result["other_reported_withheld"].tolist() == [True, False]


def test_no_other_cycle_means_missing_change():
    current = pd.DataFrame({"region_code": ["a"], "reported": [3]})
    assert with_other_cycle(current, None, "reported")["change"].isna().all()


#: The change unit a map measure must have, by the kind its column is declared as in
#: analytics/sql/region_metrics.yaml: a count changes in cases, a rate in points, a median in days.
UNIT_OF_KIND = {"count": "cases", "rate": "points", "statistic": "days"}


def test_every_map_measure_is_a_column_region_metrics_declares_and_returns(cur):
    """Checked against the query's own declaration and its result, not a list copied here: a
    measure naming a column the query does not return, or with a unit its kind does not have,
    fails."""
    from analytics import disclosure, queries
    from analytics.filters import Filters
    from analytics.i18n import t

    declared = disclosure.declaration("region_metrics")
    returned = set(queries.region_metrics(cur, Filters(election_id="pilkada-2024"), level="regency").columns)
    for measure in MAP_METRIC_BY_CODE.values():
        assert measure.column in declared.columns and measure.column in returned, measure
        assert measure.change_unit == UNIT_OF_KIND[declared.kind(measure.column)], measure
        assert t(measure.label_key, "id") != t(measure.label_key, "en"), measure  # a catalog key, translated
        assert measure.hover_format.startswith(","), measure


def test_headline_changes_are_in_the_measures_own_unit():
    assert cycle_compare.change(46.2, 71.5, "points") == pytest.approx(-25.3)
    assert cycle_compare.change(120, 100, "percent") == pytest.approx(20.0)
    assert cycle_compare.change(5, 0, "percent") is None
    assert cycle_compare.change(21, 112, "days") == -91
    assert cycle_compare.change_text(-25.3, "points") == "-25,3 poin"
    assert cycle_compare.change_text(20.0, "percent", "en") == "+20.0%"
    assert cycle_compare.change_text(-91, "days") == "-91 hari"
    assert cycle_compare.change_text(None, "days") is None


def test_colour_only_where_the_direction_has_a_stated_meaning():
    assert cycle_compare.delta_colour("followup_rate_pct") == "normal"  # higher is better
    assert cycle_compare.delta_colour("median_days_to_resolution") == "inverse"
    assert cycle_compare.delta_colour("reported") == "off"  # neither


def test_same_age_is_the_current_cycles_age_and_the_public_counts_from_the_months_end():
    voting = {"pilkada-2024": "2024-11-27", "pilkada-2020": "2020-12-09"}
    exact = cycle_compare.newest_register_date(pd.Timestamp("2025-03-29"), pd.Timestamp("2025-03-31"), False)
    assert cycle_compare.same_age("pilkada-2024", "pilkada-2020", voting, exact, False).age_days == 124
    # the public sees the register's month (its first day): the age runs to the end of that month,
    # and the other cycle is cut at the end of its month too (12 Apr 2021 -> 30 Apr 2021)
    public = cycle_compare.newest_register_date(pd.Timestamp("2025-03-01"), pd.Timestamp("2025-03-01"), True)
    comparison = cycle_compare.same_age("pilkada-2024", "pilkada-2020", voting, public, True)
    assert (comparison.age_days, comparison.other_age_days) == (124, 142)
    assert comparison.approximate and comparison.age_months == 4
    assert cycle_compare.same_age("pilkada-2024", None, voting, exact, False) is None
    assert cycle_compare.same_age(None, "pilkada-2020", voting, exact, False) is None
    # a cycle not yet as old as the current one: no comparison at the same age
    assert cycle_compare.same_age("pilkada-2020", "pilkada-2024", voting, exact, False) is None
    assert cycle_compare.same_age("pilkada-2024", "pilkada-2020", {"pilkada-2024": "2024-11-27"}, exact, False) is None


def test_a_median_not_reached_is_told_from_no_data_and_from_withheld():
    from analytics.region_compare import median_not_reached

    values = pd.DataFrame(
        {
            "reported": [10.0, 0.0, None, 4.0],
            "reported_withheld": [False, False, True, False],
            "median_days_to_resolution": [None, None, None, 3.0],
            "median_days_to_resolution_withheld": [False, False, True, False],
        }
    )
    # 10 cases, no median: not reached; no case: no data; withheld: withheld; a value: a value
    assert median_not_reached(values).tolist() == [True, False, False, False]
