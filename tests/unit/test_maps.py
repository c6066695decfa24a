import html
import json

import pandas as pd

from analytics.charts import maps

LAYER = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": code,
            "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]},
        }
        for x, code in enumerate(["63.09", "63.71", "64.02"])
    ],
}


def _values():
    return pd.DataFrame(
        {
            "region_code": ["63.09", "63.71", "64.02"],
            "region_name": ["Tabalong", "Banjarmasin", "Kukar"],
            "reported": [12, 3, 0],
            "rate": [1.5, 0.4, None],
        }
    )


def test_missing_values_are_drawn_as_no_data_not_zero():
    fig = maps.choropleth_figure(_values(), LAYER, "rate", "Q?", "Rate", "tidak ada data").to_plotly()
    no_data, present = fig.data
    assert list(no_data.locations) == ["64.02"] and no_data.name == "tidak ada data"
    assert list(present.locations) == ["63.09", "63.71"]
    assert list(present.z) == [1.5, 0.4]
    # fitted to the regions it draws (a phone and a wide screen alike), over no basemap
    assert fig.layout.geo.fitbounds == "locations" and fig.layout.geo.visible is False
    # Banjarmasin: 3 cases, flagged small (the spec holds text as Plotly literal text)
    assert [html.unescape(row[1]) for row in present.customdata] == ["12", "3 ⚠ < 5"]


def test_withheld_regions_are_neither_no_data_nor_coloured_by_a_number():
    from analytics.disclosure import declaration, protect

    exact = pd.DataFrame(
        {
            "region_code": ["63.09", "63.71", "64.02"],
            "region_name": ["Tabalong", "Banjarmasin", "Kukar"],
            "province_code": ["63", "63", "64"],
            "reported": [12, 3, 0],
            "proven": [6, 1, 0],
            "recommended": [5, 0, 0],
            "followed_up": [5, 0, 0],
            "resolved": [8, 2, 0],
            "followup_rate_pct": [100.0, None, None],
            "median_days_to_resolution": [9.0, 4.0, None],
            "asn_count": [4000, 6000, None],
            "headcount_year": [2023] * 3,
            "headcount_is_synthetic": [True] * 3,
            "proven_per_1000_asn": [1.5, 0.17, None],
            "any_synthetic": [True, True, False],
        }
    )
    for count in ("reported", "proven", "recommended", "followed_up", "resolved"):
        exact[f"{count}_key"] = [123456789, 987654321, 0]
    public = protect(declaration("region_metrics"), exact)
    fig = maps.choropleth_figure(
        public, LAYER, "reported", "Q?", "Jumlah", "tidak ada data", withheld_label="< 5"
    ).to_plotly()
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


def test_ranking_keeps_every_region_and_labels_withheld_zero_and_missing_apart():
    values = pd.DataFrame(
        {
            "region_code": ["a", "b", "c", "d", "e"],
            "region_name": ["A", "B", "C", "D", "E"],
            "reported": [12.0, 0.0, None, None, 7.0],
            "reported_withheld": [False, False, True, False, False],
        }
    )
    fig = maps.ranking_figure(values, "reported", "Q?", "Jumlah", hover_format=",d", withheld_length=5).to_plotly()
    by_name = {trace.name: trace for trace in fig.data}
    assert list(fig.layout.yaxis.categoryarray) == ["D", "C", "B", "E", "A"]  # top to bottom: A, E, B, C, D
    assert list(by_name["Jumlah"].y) == ["A", "B", "E"] and list(by_name["Jumlah"].text) == ["12", "0", "7"]
    withheld = by_name["Jumlah: &lt; 5"]
    assert list(withheld.y) == ["C"] and list(withheld.x) == [5] and withheld.marker.pattern.shape == "/"
    missing = by_name["Jumlah: tidak ada data"]
    assert list(missing.y) == ["D"] and list(missing.text) == ["tidak ada data"]


def test_ranking_draws_the_compared_cycle_beside_each_region():
    values = pd.DataFrame(
        {"region_code": ["a", "b"], "region_name": ["A", "B"], "rate": [50.0, 80.0], "other_rate": [75.0, None]}
    )
    fig = maps.ranking_figure(
        values, "rate", "Q?", "Rate", other_column="other_rate", this_label="2024", other_label="2020"
    ).to_plotly()
    groups = {trace.name: trace.offsetgroup for trace in fig.data}
    assert groups == {"2024": "this", "2020": "other", "2020: tidak ada data": "other"}
    assert fig.layout.barmode == "group"


def test_a_median_not_reached_has_its_own_label_on_the_map_and_in_the_ranking():
    values = pd.DataFrame(
        {
            "region_code": ["63.09", "63.71", "64.02"],
            "region_name": ["Tabalong", "Banjarmasin", "Kukar"],
            "reported": [12, 0, 9],
            "median": [30.0, None, None],
        }
    )
    unreached = [False, False, True]
    fig = maps.choropleth_figure(
        values,
        LAYER,
        "median",
        "Q?",
        "Median",
        "tidak ada data",
        not_reached=unreached,
        not_reached_label="belum tercapai",
    ).to_plotly()
    by_name = {trace.name: trace for trace in fig.data}
    assert list(by_name["belum tercapai"].locations) == ["64.02"]
    assert list(by_name["tidak ada data"].locations) == ["63.71"]
    ranking = maps.ranking_figure(
        values, "median", "Q?", "Median", not_reached=unreached, not_reached_label="belum tercapai"
    ).to_plotly()
    labels = {trace.name: list(trace.y) for trace in ranking.data}
    assert labels["Median: belum tercapai"] == ["Kukar"] and labels["Median: tidak ada data"] == ["Banjarmasin"]
    assert list(ranking.layout.yaxis.categoryarray) == ["Banjarmasin", "Kukar", "Tabalong"]


def test_the_selected_region_is_outlined_and_nothing_else():
    fig = maps.choropleth_figure(_values(), LAYER, "rate", "Q?", "Rate", "tidak ada data", selected="63.71").to_plotly()
    outline = fig.data[-1]
    assert list(outline.locations) == ["63.71"] and outline.marker.line.width >= 3
    assert outline.hoverinfo == "skip" and not outline.showlegend
    assert (
        maps.choropleth_figure(_values(), LAYER, "rate", "Q?", "Rate", "-", selected="99.99").data[-1]["name"] == "Rate"
    )


def test_the_basemap_plotly_fetches_is_served_empty(tmp_path):
    written = maps.write_basemap(tmp_path)
    assert written.name == "world_110m.json"
    topology = json.loads(written.read_text(encoding="utf-8"))
    assert topology["type"] == "Topology" and all(not o["geometries"] for o in topology["objects"].values())
