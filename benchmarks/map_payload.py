"""The bytes of the regency choropleth the browser receives, built as ``pages/peta.py`` builds it
(region metrics, the change against the previous cycle at the same age) and serialised as ``st.plotly_chart``
does (``plotly.io.to_json``), for every map metric.

The figure names its boundaries by URL (``analytics.ui.geo.layer_source``): every rerun sends
the figure, and the browser fetches the boundary file once. ``max_bytes`` is the first visit
(figure + boundary file), the most the map ever sends."""

from __future__ import annotations

import plotly.io

from analytics import geo, queries
from analytics.charts import maps
from analytics.filters import Filters
from analytics.region_compare import MAP_METRICS, with_other_cycle


def _previous(cur, election_id: str | None) -> str | None:
    previous = queries.elections(cur).set_index("election_id")["previous_election_id"].get(election_id)
    return previous if isinstance(previous, str) and previous else None


#: Same length as the real URL (analytics.ui.geo.layer_source): app/static/geo/<level>-<12 hex>.json
LAYER_URL = "app/static/geo/regency-000000000000.json"


def figure_bytes(cur, filters: Filters, metric_column: str, layer: str | dict) -> int:
    map_filters = filters.without("regency_code")
    values = queries.region_metrics(cur, map_filters, level="regency")
    previous_id = _previous(cur, filters.election_id)
    previous = (
        queries.region_metrics(cur, map_filters.with_election(previous_id), level="regency", age_days=120)
        if previous_id
        else None
    )
    shown = metric_column
    if metric_column == "change":  # the change of the reported count against the previous cycle
        metric_column = "reported"
    values = with_other_cycle(values, previous, metric_column)
    figure = maps.choropleth_figure(values, layer, shown, "Peta", "Nilai", "Tidak ada data", "id")
    sent = figure.with_layout(title=None, margin={"t": 20}).to_browser_dict()  # as analytics.ui.components.chart
    return len(plotly.io.to_json(sent, validate=False).encode())


def measure(cur, filters: Filters | None = None) -> dict:
    """{layer_bytes, by_metric: {code: bytes}, max_bytes}; ``available`` False without boundary files.
    ``filters`` default: Pilkada 2024."""
    filters = filters or Filters(election_id="pilkada-2024")
    try:
        layer = geo.load_display_layer("regency")
    except geo.BoundaryFilesMissing as missing:
        return {"available": False, "reason": str(missing)}
    layer_bytes = geo.payload_bytes(layer)
    by_metric = {m.code: figure_bytes(cur, filters, m.column, LAYER_URL) for m in MAP_METRICS}
    by_metric["perubahan"] = figure_bytes(cur, filters, "change", LAYER_URL)
    return {
        "available": True,
        "filters": filters.__dict__ | {},
        "layer_bytes": layer_bytes,
        "rerun_bytes_by_metric": by_metric,
        "max_rerun_bytes": max(by_metric.values()),
        "max_bytes": max(by_metric.values()) + layer_bytes,
        "embedded_bytes": figure_bytes(cur, filters, "reported", layer),
    }
