"""Small counts are withheld and cannot be recovered from a total by subtraction."""

import pandas as pd
import pytest

from analytics.disclosure import suppress


def test_small_counts_are_withheld_with_a_secondary_cell():
    frame = pd.DataFrame({"cycle": ["a"] * 4 + ["b"] * 3, "region": list("wxyzwxy"),
                          "reported": [3, 10, 0, 7, 12, 9, 20]})
    out = suppress(frame, ["reported"], ["cycle"])
    assert out["reported_withheld"].tolist() == [True, False, False, True, False, False, False]
    # cycle a: 3 is withheld, and 7 (the next smallest) too, so a total of 20 does not reveal 3
    assert out["reported"].isna().tolist() == [True, False, False, True, False, False, False]
    assert out.loc[2, "reported"] == 0  # zero reveals nobody
    total_a = frame.loc[frame.cycle == "a", "reported"].sum()
    shown_a = out.loc[out.cycle == "a", "reported"].sum()
    assert total_a - shown_a == 10  # only the sum of two withheld cells can be derived


def test_two_small_cells_need_no_secondary():
    frame = pd.DataFrame({"g": ["a"] * 3, "n": [1, 2, 50]})
    assert suppress(frame, ["n"], ["g"])["n_withheld"].tolist() == [True, True, False]


def test_rates_resting_on_small_counts_are_withheld():
    frame = pd.DataFrame({"recommended": [4, 3, 40], "followup_rate_pct": [25.0, 33.3, 50.0]})
    out = suppress(frame, ["recommended"], rate_columns={"followup_rate_pct": "recommended"})
    assert out["followup_rate_pct"].isna().tolist() == [True, True, False]


def test_threshold_is_configurable():
    frame = pd.DataFrame({"n": [6, 12, 30]})
    assert suppress(frame, ["n"], threshold=10)["n_withheld"].tolist() == [True, True, False]


def test_several_group_sets_are_protected_until_none_has_a_single_withheld_cell():
    # a cross-table: cells add up to rows, columns and the whole table
    frame = pd.DataFrame({"r": ["a", "a", "b", "b"], "c": ["x", "y", "x", "y"], "n": [2, 20, 30, 40]})
    out = suppress(frame, ["n"], group_sets=[("r",), ("c",), ()])
    hidden = out["n_withheld"]
    for columns in (["r"], ["c"]):
        assert (hidden.groupby(frame[columns[0]]).sum() != 1).all()
    assert hidden.sum() >= 2 and hidden.tolist()[0]


def test_a_rate_is_withheld_with_its_numerator_too():
    frame = pd.DataFrame({"recommended": [10, 40, 30], "followed_up": [3, 20, 15], "rate": [30.0, 50.0, 50.0]})
    out = suppress(frame, ["recommended", "followed_up"], rate_columns={"rate": ("recommended", "followed_up")})
    # 3 of 10: 30 % would give the 3 away; 15 is withheld as its complement, and its rate with it
    assert out["followed_up_withheld"].tolist() == [True, False, True]
    assert out["rate"].isna().tolist() == [True, False, True]
    assert out["rate_withheld"].tolist() == [True, False, True]


def test_every_register_query_has_a_rule_and_an_unknown_one_is_refused():
    from analytics import disclosure, queries

    public = {name for name in dir(queries) if callable(getattr(queries, name)) and not name.startswith("_")
              and getattr(getattr(queries, name), "__module__", "") == queries.__name__}
    public -= {"run", "sql_text", "sql_params", "sql_files"}
    assert public <= disclosure.OPEN_QUERIES | set(disclosure.PUBLIC_RULES), public - disclosure.OPEN_QUERIES
    with pytest.raises(disclosure.UnprotectedQuery):
        disclosure.protect("a_new_query", pd.DataFrame({"reported": [1]}))


CASES = [("region_metrics", {"level": "regency"}), ("region_metrics", {"level": "province"}),
         ("cases_by_dimension", {"dimension": "category"}), ("cases_crosstab", {}), ("followup_by_agency", {}),
         ("cases_over_time", {"bucket": "month"}), ("top_hotspots", {"limit": 10}), ("sanction_mix", {}),
         ("headline_numbers", {}), ("stage_durations", {}), ("cases_around_events", {"window_days": 60})]


@pytest.mark.parametrize(("name", "extra"), CASES)
@pytest.mark.parametrize("election", [None, "pilkada-2024"])
def test_protected_query_results_show_no_small_count(cur, name, extra, election):
    from analytics import disclosure, queries
    from analytics.filters import Filters

    raw = getattr(queries, name)(cur, Filters(election_id=election), **extra)
    public = disclosure.protect(name, raw)
    rule = disclosure.PUBLIC_RULES[name]
    for column in rule.counts:
        assert not public[column].between(1, 4).any(), column
        shown = public[column].notna()
        assert (public.loc[shown, column] == pd.to_numeric(raw.loc[shown, column])).all()  # shown ones unchanged
        for groups in rule.groups:
            keys = [public[g] for g in groups] if groups else [pd.Series(0, index=public.index)]
            withheld = public[f"{column}_withheld"].groupby(keys).sum()
            nonzero = pd.to_numeric(raw[column]).fillna(0).gt(0).groupby(keys).sum()
            # a lone withheld cell is allowed only where it is its group's only case count, so
            # the group's total is that same small count and withheld wherever it is shown
            assert ((withheld != 1) | (nonzero == 1)).all(), (column, groups)
    for derived in rule.derived:
        assert public.loc[public[f"{derived}_withheld"], derived].isna().all()
