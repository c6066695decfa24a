import json
from datetime import date

import numpy as np
import pandas as pd
import plotly.io as pio

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
    fig = figures.trend_figure(over_time, _calendar(), _milestones(), "id").to_plotly()
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
    fig = figures.trend_figure(over_time, _calendar(), _milestones(), "en").to_plotly()
    assert not any("BKN" in (a.text or "") for a in fig.layout.annotations)


def test_aligned_cycles_one_line_per_cycle_reversed_axis():
    by_days = pd.DataFrame({"election_id": ["pilkada-2020", "pilkada-2024", "pilkada-2024"],
                            "days_before_voting": [14, 7, 0], "reported": [2, 3, 1]})
    fig = figures.aligned_cycles_figure(by_days, {"pilkada-2020": "Pilkada 2020", "pilkada-2024": "Pilkada 2024"}).to_plotly()
    assert [trace.name for trace in fig.data] == ["Pilkada 2020", "Pilkada 2024"]
    assert fig.layout.xaxis.autorange == "reversed"


def test_hotspots_largest_on_top():
    hotspots = pd.DataFrame({"region_name": ["A", "B"], "province_name": ["P", "P"], "reported": [9, 4], "proven": [3, 1]})
    fig = figures.hotspots_figure(hotspots).to_plotly()
    assert list(fig.data[0].y) == ["B", "A"]       # plotly draws the last bar on top
    assert fig.layout.separators == ",."


def _trend_spec():
    over_time = pd.DataFrame({"period_start": [date(2024, 8, 5), date(2024, 11, 25)], "reported": [3, 7], "proven": [1, 2]})
    return figures.trend_figure(over_time, _calendar(), _milestones(), "id")


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
    assert sent["data"][0]["y"]["dtype"]           # numeric arrays travel packed, as Plotly packs them
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
