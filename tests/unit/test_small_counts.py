"""The public view's "< 5" texts, a column at a time, agree with the row-at-a-time rules."""

import pandas as pd

from analytics.ui import small_counts


def _agencies():
    return pd.DataFrame(
        {
            "ppk_agency": ["A", "B", "C", "D"],
            "recommended": [12.0, None, 7.0, 3.0],
            "recommended_withheld": [False, True, False, False],
            "followup_rate_pct": [41.66, None, 57.14, 100.0],
            "followup_rate_pct_withheld": [False, True, False, True],
        }
    )


def test_count_texts_agree_with_count_text_row_by_row():
    agencies = _agencies()
    texts = small_counts.count_texts(agencies, "recommended")
    assert texts == [small_counts.count_text(row, "recommended") for _, row in agencies.iterrows()]
    assert texts[1] == "< 5" and texts[0] == "12"


def test_derived_texts_agree_with_derived_text_row_by_row():
    agencies = _agencies()
    texts = small_counts.derived_texts(agencies, "followup_rate_pct", 1, percent=True)
    assert texts == [
        small_counts.derived_text(row, "followup_rate_pct", 1, percent=True) for _, row in agencies.iterrows()
    ]
    assert texts[0] == "41,7%" and texts[1] == texts[3] != texts[2]


def test_a_column_without_flags_is_never_withheld():
    frame = pd.DataFrame({"reported": [3, 9]})
    assert small_counts.count_texts(frame, "reported") == ["3", "9"]
