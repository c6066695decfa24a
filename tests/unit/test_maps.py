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
    assert [row[1] for row in present.customdata] == ["12", "3 ⚠ < 5"]     # Banjarmasin: 3 cases, flagged small


def test_withheld_regions_are_neither_no_data_nor_coloured_by_a_number():
    from analytics.disclosure import protect

    public = protect("region_metrics", pd.DataFrame({
        "region_code": ["63.09", "63.71", "64.02"], "region_name": ["Tabalong", "Banjarmasin", "Kukar"],
        "province_code": ["63", "63", "64"], "reported": [12, 3, 0], "proven": [6, 1, 0], "recommended": [5, 0, 0],
        "followed_up": [5, 0, 0], "followup_rate_pct": [100.0, None, None], "median_days_to_resolution": [9.0, 4.0, None],
        "proven_per_1000_asn": [1.5, 0.4, None]}))
    fig = maps.choropleth_figure(public, LAYER, MapView(0, 114, 4.3), "reported", "Q?", "Jumlah", "tidak ada data",
                                 withheld_label="< 5").to_plotly()
    traces = {trace.name: trace for trace in fig.data}
    # Banjarmasin's 3 is withheld, and Tabalong's 12 with it (else 15 - 12 would give it away)
    assert list(traces["< 5"].locations) == ["63.09", "63.71"]
    assert "< 5" in traces["< 5"].hovertemplate and "3" not in str(traces["< 5"].customdata)
    assert list(traces["Jumlah"].locations) == ["64.02"] and list(traces["Jumlah"].z) == [0]


def test_click_event_gives_the_region_code():
    assert maps.region_from_selection({"selection": {"points": [{"location": "63.09", "z": 1}]}}) == "63.09"
    assert maps.region_from_selection({"selection": {"points": []}}) is None
    assert maps.region_from_selection(None) is None
    assert maps.region_from_selection({"selection": {"points": [{"x": 3}]}}) is None


def test_ranking_leaves_out_missing_and_greys_small_counts():
    fig = maps.ranking_figure(_values(), "rate", "Q?", "Rate").to_plotly()
    assert list(fig.data[0].y) == ["Banjarmasin", "Tabalong"]
    assert list(fig.data[0].marker.color) == ["#8C8C8C", "#0072B2"]
