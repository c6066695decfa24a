import json
from datetime import date

import numpy as np
import pandas as pd
import plotly.io as pio

from analytics.charts import summary as summary_charts


def _calendar():
    return pd.DataFrame(
        [
            {
                "election_id": "pilkada-2024",
                "voting_date": pd.Timestamp("2024-11-27"),
                "campaign_start": pd.Timestamp("2024-09-25"),
                "campaign_end": pd.Timestamp("2024-11-23"),
                "quiet_start": pd.Timestamp("2024-11-24"),
                "quiet_end": pd.Timestamp("2024-11-26"),
            }
        ]
    )


def _milestones():
    return pd.DataFrame([{"milestone_id": "kasn-to-bkn", "milestone_date": pd.Timestamp("2024-08-24")}])


def test_trend_marks_phases_voting_day_and_handover():
    over_time = pd.DataFrame(
        {"period_start": [date(2024, 8, 5), date(2024, 11, 25)], "reported": [3, 7], "proven": [1, 2]}
    )
    fig = summary_charts.trend_figure(over_time, _calendar(), _milestones(), "id").to_plotly()
    assert list(fig.data[0].y) == [3, 7]
    line = list(fig.data[1].y)  # every week from 5 Aug to 25 Nov: the weeks between had none
    assert (line[0], line[-1], len(line), sum(line)) == (1, 2, 17, 3)
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(rects) == 2  # campaign + quiet days
    assert {str(pd.Timestamp(s.x0).date()) for s in lines} == {"2024-11-27", "2024-08-24"}
    texts = {a.text for a in fig.layout.annotations}
    assert "Hari pemungutan suara" in texts and any("BKN" in text for text in texts)
    assert fig.layout.title.text.endswith("?")


def test_trend_without_handover_in_range_has_no_handover_line():
    over_time = pd.DataFrame({"period_start": [date(2020, 10, 5)], "reported": [3], "proven": [1]})
    fig = summary_charts.trend_figure(over_time, _calendar(), _milestones(), "en").to_plotly()
    assert not any("BKN" in (a.text or "") for a in fig.layout.annotations)


def test_aligned_cycles_one_line_per_cycle_reversed_axis():
    by_days = pd.DataFrame(
        {
            "election_id": ["pilkada-2020", "pilkada-2024", "pilkada-2024"],
            "days_before_voting": [14, 7, 0],
            "reported": [2, 3, 1],
        }
    )
    fig = summary_charts.aligned_cycles_figure(
        by_days, {"pilkada-2020": "Pilkada 2020", "pilkada-2024": "Pilkada 2024"}
    ).to_plotly()
    assert [trace.name for trace in fig.data] == ["Pilkada 2020", "Pilkada 2024"]
    assert fig.layout.xaxis.autorange == "reversed"


def test_hotspots_largest_on_top():
    hotspots = pd.DataFrame(
        {"region_name": ["A", "B"], "province_name": ["P", "P"], "reported": [9, 4], "proven": [3, 1]}
    )
    fig = summary_charts.hotspots_figure(hotspots).to_plotly()
    assert list(fig.data[0].y) == ["B", "A"]  # plotly draws the last bar on top
    assert fig.layout.separators == ",."


def _trend_spec():
    over_time = pd.DataFrame(
        {"period_start": [date(2024, 8, 5), date(2024, 11, 25)], "reported": [3, 7], "proven": [1, 2]}
    )
    return summary_charts.trend_figure(over_time, _calendar(), _milestones(), "id")


def _set_only(value):
    """``value`` without unset properties (``None``, ``{}``), which validation drops."""
    if isinstance(value, dict):
        kept = {key: _set_only(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in (None, {})}
    if isinstance(value, list):
        return [_set_only(item) for item in value]
    return value


def test_spec_sent_to_the_browser_is_what_plotly_would_send():
    """The page path hands Streamlit ``to_browser_dict()`` without building a Plotly figure; it
    must serialise exactly as the validated figure does (typed arrays, template and all)."""
    spec = _trend_spec()
    sent = json.loads(pio.to_json(spec.to_browser_dict(), validate=False))
    validated = json.loads(pio.to_json(spec.to_plotly(), validate=False))
    assert _set_only(sent) == _set_only(validated)
    assert sent["data"][0]["y"]["dtype"]  # numeric arrays travel packed, as Plotly packs them
    assert sent["layout"]["template"]["layout"]["plot_bgcolor"] == "white"


def test_spec_copies_leave_the_spec_itself_unchanged():
    spec = _trend_spec()
    first = spec.to_browser_dict()
    untitled = spec.with_layout(title=None, margin={"t": 20})
    assert isinstance(spec.data[0]["y"], np.ndarray)
    assert spec.to_browser_dict().keys() == first.keys()
    assert json.dumps(spec.to_browser_dict(), default=str) == json.dumps(first, default=str)
    assert spec.title and spec.layout["margin"]["t"] == 60
    assert untitled.title is None and untitled.layout["margin"] == {"l": 10, "r": 10, "t": 20, "b": 10}


def _public_weeks() -> pd.DataFrame:
    """A public weekly table: 4 Nov shown, 11 Nov absent (all below the threshold), 18 Nov
    withheld, 25 Nov shown."""
    return pd.DataFrame(
        {
            "period_start": pd.to_datetime(["2024-11-04", "2024-11-18", "2024-11-25"]),
            "reported": [9.0, None, 12.0],
            "proven": [5.0, None, None],
            "reported_withheld": [False, True, False],
            "proven_withheld": [False, True, True],
        }
    )


def test_a_public_trend_marks_every_week_without_a_number_and_never_leaves_a_gap():
    weeks = _public_weeks()
    assert list(summary_charts.unshown_periods(weeks, "week")) == list(pd.to_datetime(["2024-11-11", "2024-11-18"]))
    fig = summary_charts.trend_figure(
        weeks, _calendar(), _milestones(), "id", "week", withheld_label="< 5 (disembunyikan)", threshold=5
    ).to_plotly()
    marked = next(trace for trace in fig.data if trace.name == "&lt; 5 (disembunyikan)")
    assert [pd.Timestamp(x) for x in marked.x] == list(pd.to_datetime(["2024-11-11", "2024-11-18"]))
    assert list(marked.y) == [5, 5] and marked.marker.pattern.shape == "/"
    # the exact (analyst) view has no such marks: a week without a row had no case
    exact = summary_charts.trend_figure(weeks, _calendar(), _milestones(), "id", "week").to_plotly()
    assert not any("disembunyikan" in (trace.name or "") for trace in exact.data)


def test_weeks_mostly_without_a_number_are_shown_by_month():
    assert not summary_charts.mostly_withheld(_public_weeks(), "week")  # 2 of 4 weeks: not more than half
    sparse = _public_weeks().iloc[[0]]
    sparse = pd.concat(
        [
            sparse,
            pd.DataFrame(
                {
                    "period_start": pd.to_datetime(["2024-12-09"]),
                    "reported": [6.0],
                    "proven": [None],
                    "reported_withheld": [False],
                    "proven_withheld": [True],
                }
            ),
        ]
    )
    assert summary_charts.mostly_withheld(sparse, "week")  # 4 of 6 weeks without a number


def test_aligned_cycles_break_at_a_bin_without_a_number_and_mark_it():
    by_days = pd.DataFrame(
        {
            "election_id": ["pilkada-2024"] * 3,
            "days_before_voting": [0, 14, 21],
            "reported": [8.0, None, 6.0],
            "reported_withheld": [False, True, False],
        }
    )
    fig = summary_charts.aligned_cycles_figure(
        by_days, {"pilkada-2024": "Pilkada 2024"}, bin_days=7, withheld_label="< 5"
    ).to_plotly()
    line, marks = fig.data
    assert list(line.x) == [0, 7, 14, 21] and pd.isna(line.y[1]) and pd.isna(line.y[2]) and line.connectgaps is False
    assert list(marks.x) == [7, 14] and list(marks.y) == [5, 5]
    exact = summary_charts.aligned_cycles_figure(
        by_days.drop(columns="reported_withheld").fillna(0), {}, bin_days=7
    ).to_plotly()
    assert list(exact.data[0].y) == [8, 0, 0, 6]  # exact: an empty bin is a zero


def _public_bins(points: dict[str, list[int]], bin_days: int) -> pd.DataFrame:
    rows = [(cycle, day) for cycle, days in points.items() for day in days]
    return pd.DataFrame(
        {
            "election_id": [c for c, _ in rows],
            "days_before_voting": [d for _, d in rows],
            "reported": [6.0] * len(rows),
            "reported_withheld": [False] * len(rows),
        }
    )


def test_the_public_aligned_chart_takes_the_finest_bin_that_draws_the_most_cycles():
    weekly = _public_bins({"a": [0, 7, 14, 21], "b": [63]}, 7)  # one line, one lone point
    fortnightly = _public_bins({"a": [0, 14], "b": [28, 42, 56, 70]}, 14)  # one line
    four_weekly = _public_bins({"a": [0, 28, 56], "b": [0, 28, 56]}, 28)  # two lines
    assert summary_charts.aligned_bin({7: weekly, 14: fortnightly, 28: four_weekly}) == 28
    assert summary_charts.aligned_bin({7: weekly, 14: fortnightly}) == 7  # equal lines: the finest
    # no width draws a line: the one showing the most numbers
    assert summary_charts.aligned_bin({7: _public_bins({"a": [0]}, 7), 14: _public_bins({"a": [0, 14]}, 14)}) == 14


def test_the_public_aligned_numbers_list_every_bin_the_chart_marks_withheld():
    shown = _public_bins({"a": [0, 21], "b": [7]}, 7)
    listed = summary_charts.aligned_with_gaps(shown, 7)
    assert list(zip(listed["election_id"], listed["days_before_voting"])) == [
        ("a", 0),
        ("a", 7),
        ("a", 14),
        ("a", 21),
        ("b", 7),
    ]
    assert listed["reported_withheld"].tolist() == [False, True, True, False, False]
    assert listed["reported"].isna().tolist() == [False, True, True, False, False]


def test_share_bars_label_every_bar_and_draw_a_withheld_category_as_such():
    counts = pd.DataFrame(
        {"label": ["A", "B", "C"], "reported": [12.0, 0.0, None], "reported_withheld": [False, False, True]}
    )
    fig = summary_charts.share_bars_figure(counts, "Q?", total=20).to_plotly()
    withheld, shown = fig.data
    assert list(shown.y) == ["B", "A"] and list(shown.text) == ["0 · 0,0%", "12 · 60,0%"]
    assert list(withheld.y) == ["C"] and list(withheld.text) == ["&lt; 5"]  # text is escaped, shown as "< 5"
    assert withheld.marker.pattern.shape == "/"


def test_the_proven_line_breaks_at_a_public_period_without_a_number_and_is_zero_in_the_exact_view():
    weeks = _public_weeks()
    public = summary_charts.trend_figure(
        weeks, _calendar(), _milestones(), "id", "week", withheld_label="< 5"
    ).to_plotly()
    proven = next(trace for trace in public.data if trace.name == "Terbukti")
    assert len(proven.x) == 4 and proven.y[0] == 5 and all(pd.isna(v) for v in proven.y[1:])
    assert proven.connectgaps is False
    exact = pd.DataFrame(
        {"period_start": pd.to_datetime(["2024-11-04", "2024-11-18"]), "reported": [9, 7], "proven": [5, 0]}
    )
    line = next(
        t
        for t in summary_charts.trend_figure(exact, _calendar(), _milestones(), "id", "week").to_plotly().data
        if t.name == "Terbukti"
    )
    assert list(line.y) == [5, 0, 0]  # 4, 11 and 18 Nov: the week without a row had no case
