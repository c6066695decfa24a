"""Small counts are withheld and cannot be recovered from a total by subtraction."""

import pandas as pd

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
