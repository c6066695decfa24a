from datetime import date

import pandas as pd

from analytics import figures


def _calendar():
    return pd.DataFrame([{
        "election_id": "pilkada-2024", "voting_date": pd.Timestamp("2024-11-27"),
        "campaign_start": pd.Timestamp("2024-09-25"), "campaign_end": pd.Timestamp("2024-11-23"),
        "quiet_start": pd.Timestamp("2024-11-24"), "quiet_end": pd.Timestamp("2024-11-26"),
    }])


def _milestones():
    return pd.DataFrame([{"milestone_id": "kasn-to-bkn", "milestone_date": pd.Timestamp("2024-08-24")}])


def test_trend_marks_phases_voting_day_and_handover():
    over_time = pd.DataFrame({"period_start": [date(2024, 8, 5), date(2024, 11, 25)], "reported": [3, 7], "proven": [1, 2]})
    fig = figures.trend_figure(over_time, _calendar(), _milestones(), "id")
    assert list(fig.data[0].y) == [3, 7]
    assert list(fig.data[1].y) == [1, 2]
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(rects) == 2                       # campaign + quiet days
    assert {str(pd.Timestamp(s.x0).date()) for s in lines} == {"2024-11-27", "2024-08-24"}
    texts = {a.text for a in fig.layout.annotations}
    assert "Hari pemungutan suara" in texts and any("BKN" in text for text in texts)
    assert fig.layout.title.text.endswith("?")


def test_trend_without_handover_in_range_has_no_handover_line():
    over_time = pd.DataFrame({"period_start": [date(2020, 10, 5)], "reported": [3], "proven": [1]})
    fig = figures.trend_figure(over_time, _calendar(), _milestones(), "en")
    assert not any("BKN" in (a.text or "") for a in fig.layout.annotations)


def test_aligned_cycles_one_line_per_cycle_reversed_axis():
    by_days = pd.DataFrame({"election_id": ["pilkada-2020", "pilkada-2024", "pilkada-2024"],
                            "days_before_voting": [14, 7, 0], "reported": [2, 3, 1]})
    fig = figures.aligned_cycles_figure(by_days, {"pilkada-2020": "Pilkada 2020", "pilkada-2024": "Pilkada 2024"})
    assert [trace.name for trace in fig.data] == ["Pilkada 2020", "Pilkada 2024"]
    assert fig.layout.xaxis.autorange == "reversed"


def test_hotspots_largest_on_top():
    hotspots = pd.DataFrame({"region_name": ["A", "B"], "province_name": ["P", "P"], "reported": [9, 4], "proven": [3, 1]})
    fig = figures.hotspots_figure(hotspots)
    assert list(fig.data[0].y) == ["B", "A"]       # plotly draws the last bar on top
    assert fig.layout.separators == ",."
