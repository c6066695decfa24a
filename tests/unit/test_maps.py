import html

import pandas as pd

from analytics import maps
from analytics.geo import MapView

LAYER = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "id": code, "properties": {},
     "geometry": {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]}}
    for x, code in enumerate(["63.09", "63.71", "64.02"])]}


def _values():
    return pd.DataFrame({"region_code": ["63.09", "63.71", "64.02"], "region_name": ["Tabalong", "Banjarmasin", "Kukar"],
                         "reported": [12, 3, 0], "rate": [1.5, 0.4, None]})


def test_missing_values_are_drawn_as_no_data_not_zero():
    fig = maps.choropleth_figure(_values(), LAYER, MapView(0, 114, 4.3), "rate", "Q?", "Rate", "tidak ada data").to_plotly()
    no_data, present = fig.data
    assert list(no_data.locations) == ["64.02"] and no_data.name == "tidak ada data"
    assert list(present.locations) == ["63.09", "63.71"]
    assert list(present.z) == [1.5, 0.4]
    assert fig.layout.map.style == "white-bg"
    # Banjarmasin: 3 cases, flagged small (the spec holds text as Plotly literal text)
    assert [html.unescape(row[1]) for row in present.customdata] == ["12", "3 ⚠ < 5"]


def test_withheld_regions_are_neither_no_data_nor_coloured_by_a_number():
    from analytics.disclosure import declaration, protect

    exact = pd.DataFrame({
        "region_code": ["63.09", "63.71", "64.02"], "region_name": ["Tabalong", "Banjarmasin", "Kukar"],
        "province_code": ["63", "63", "64"], "reported": [12, 3, 0], "proven": [6, 1, 0], "recommended": [5, 0, 0],
        "followed_up": [5, 0, 0], "resolved": [8, 2, 0], "followup_rate_pct": [100.0, None, None],
        "median_days_to_resolution": [9.0, 4.0, None], "asn_count": [4000, 6000, None], "headcount_year": [2023] * 3,
        "headcount_is_synthetic": [True] * 3, "proven_per_1000_asn": [1.5, 0.17, None], "any_synthetic": [True, True, False]})
    for count in ("reported", "proven", "recommended", "followed_up", "resolved"):
        exact[f"{count}_key"] = [123456789, 987654321, 0]
    public = protect(declaration("region_metrics"), exact)
    fig = maps.choropleth_figure(public, LAYER, MapView(0, 114, 4.3), "reported", "Q?", "Jumlah", "tidak ada data",
                                 withheld_label="< 5").to_plotly()
    traces = {trace.name: trace for trace in fig.data}
    # Banjarmasin's 3 and Kukar's 0 read alike ("< 5"); Tabalong's 12 is shown, adjusted
    assert list(traces["&lt; 5"].locations) == ["63.71", "64.02"]
    assert "< 5" in traces["&lt; 5"].hovertemplate and "3" not in str(traces["&lt; 5"].customdata)
    assert list(traces["Jumlah"].locations) == ["63.09"] and 9 <= traces["Jumlah"].z[0] <= 15


def test_click_event_gives_the_region_code():
    assert maps.region_from_selection({"selection": {"points": [{"location": "63.09", "z": 1}]}}) == "63.09"
    assert maps.region_from_selection({"selection": {"points": []}}) is None
    assert maps.region_from_selection(None) is None
    assert maps.region_from_selection({"selection": {"points": [{"x": 3}]}}) is None


def test_ranking_leaves_out_missing_and_greys_small_counts():
    fig = maps.ranking_figure(_values(), "rate", "Q?", "Rate").to_plotly()
    assert list(fig.data[0].y) == ["Banjarmasin", "Tabalong"]
    assert list(fig.data[0].marker.color) == ["#8C8C8C", "#0072B2"]
    assert list(fig.data[0].text) == ["0,4", "1,5"]          # every bar labelled with its value
