import pandas as pd

from analytics.region_compare import MAP_METRIC_BY_CODE, with_change


def test_change_against_previous_cycle_by_hand():
    current = pd.DataFrame({"region_code": ["a", "b", "c"], "reported": [15, 4, 2]})
    previous = pd.DataFrame({"region_code": ["a", "b", "c"], "reported": [10, 0, 4]})
    result = with_change(current, previous).set_index("region_code")
    assert result.loc["a", "change_pct"] == 50.0
    assert pd.isna(result.loc["b", "change_pct"])          # from zero: no percentage
    assert result.loc["c", "change_pct"] == -50.0


def test_no_previous_cycle_means_missing_change():
    current = pd.DataFrame({"region_code": ["a"], "reported": [3]})
    assert with_change(current, None)["change_pct"].isna().all()


def test_every_map_metric_names_a_region_metrics_column():
    columns = {"reported", "proven_per_1000_asn", "followup_rate_pct", "median_days_to_resolution", "change_pct"}
    assert {m.column for m in MAP_METRIC_BY_CODE.values()} == columns
