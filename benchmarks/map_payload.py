"""The bytes of the regency choropleth the browser receives, built as ``pages/peta.py`` builds it
(region metrics, the change against the previous cycle, the display layer) and serialised as
``st.plotly_chart`` does (``plotly.io.to_json``), for every map metric."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io

from analytics import geo, maps, queries
from analytics.filters import Filters
from analytics.region_compare import MAP_METRICS, with_change


def _previous(cur, election_id: str | None) -> str | None:
    previous = queries.elections(cur).set_index("election_id")["previous_election_id"].get(election_id)
    return previous if isinstance(previous, str) and previous else None


def figure_bytes(cur, filters: Filters, metric_column: str, layer: dict, view: geo.MapView) -> int:
    map_filters = filters.without("regency_code")
    values = queries.region_metrics(cur, map_filters, level="regency")
    previous_id = _previous(cur, filters.election_id)
    previous = queries.region_metrics(cur, map_filters.with_election(previous_id), level="regency") if previous_id else None
    values = with_change(values, previous)
    figure = maps.choropleth_figure(values, layer, view, metric_column, "Peta", "Nilai", "Tidak ada data", "id")
    shown = go.Figure(figure).update_layout(title=None, margin={"t": 20})  # as analytics.ui.components.chart
    return len(plotly.io.to_json(shown, validate=False).encode())


def measure(cur, filters: Filters = Filters(election_id="pilkada-2024")) -> dict:
    """{layer_bytes, by_metric: {code: bytes}, max_bytes}; ``available`` False without boundary files."""
    try:
        layer = geo.load_display_layer("regency")
    except geo.BoundaryFilesMissing as missing:
        return {"available": False, "reason": str(missing)}
    view = geo.map_view(layer)
    by_metric = {m.code: figure_bytes(cur, filters, m.column, layer, view) for m in MAP_METRICS}
    return {"available": True, "filters": filters.__dict__ | {}, "layer_bytes": geo.payload_bytes(layer),
            "by_metric": by_metric, "max_bytes": max(by_metric.values()), "default_metric_bytes": by_metric["jumlah"]}
