"""The Kalimantan choropleth (offline: MapLibre with a blank basemap) and map-click handling."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import palette
from analytics.figures import base_layout
from analytics.geo import MapView

SMALL_COUNT = 5


def choropleth_figure(
    values: pd.DataFrame,
    layer: dict,
    view: MapView,
    value_column: str,
    title: str,
    value_label: str,
    no_data_label: str,
    lang: str = "id",
    hover_format: str = ",.1f",
    count_column: str = "reported",
    count_label: str = "n",
    flag_small: bool = True,
) -> go.Figure:
    """Regions coloured by ``value_column``; regions whose value is missing are grey "no data".

    ``values`` has region_code, region_name, ``count_column`` (the number the value rests on,
    shown in the hover) and the value column. With ``flag_small``, regions resting on fewer than
    SMALL_COUNT cases are marked in the hover text (small counts are unstable).
    """
    frame = values.copy()
    frame["small"] = frame[count_column].between(1, SMALL_COUNT - 1) & flag_small
    has_value = frame[value_column].notna()
    fig = go.Figure()
    missing = frame[~has_value]
    if len(missing):
        fig.add_trace(go.Choroplethmap(
            geojson=layer, featureidkey="id", locations=missing["region_code"], z=[0] * len(missing),
            colorscale=[[0, palette.NO_DATA], [1, palette.NO_DATA]], showscale=False,
            marker={"line": {"color": "white", "width": 0.8}},
            name=no_data_label, showlegend=True, customdata=missing[["region_name"]],
            hovertemplate="%{customdata[0]}<br>" + no_data_label + "<extra></extra>",
        ))
    present = frame[has_value]
    if len(present):
        flag = present["small"].map({True: " ⚠ < 5", False: ""})
        fig.add_trace(go.Choroplethmap(
            geojson=layer, featureidkey="id", locations=present["region_code"], z=present[value_column],
            colorscale=palette.SEQUENTIAL, marker={"line": {"color": "white", "width": 0.8}, "opacity": 0.9},
            colorbar={"title": {"text": value_label, "side": "right"}, "thickness": 12},
            name=value_label, showlegend=False,
            customdata=pd.concat([present[["region_name", count_column]], flag.rename("flag")], axis=1),
            hovertemplate="%{customdata[0]}<br>" + value_label + ": %{z:" + hover_format + "}"
                          + "<br>" + count_label + " = %{customdata[1]:,d}%{customdata[2]}<extra></extra>",
        ))
    fig.update_layout(
        map={"style": "white-bg", "center": {"lat": view.center_lat, "lon": view.center_lon}, "zoom": view.zoom},
        height=520,
    )
    fig = base_layout(fig, title, None, None, lang)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 50, "b": 0}, legend={"y": 0.02, "x": 0.01, "orientation": "v"})
    return fig


def region_from_selection(event: object) -> str | None:
    """The region code of the first clicked location in a ``st.plotly_chart`` selection event."""
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    for point in points or []:
        location = point.get("location") if isinstance(point, dict) else None
        if location:
            return str(location)
    return None


def ranking_figure(values: pd.DataFrame, value_column: str, title: str, value_label: str, lang: str = "id",
                   limit: int = 15, hover_format: str = ",.1f") -> go.Figure:
    """The regions ranked by ``value_column`` (missing values left out), highest on top."""
    ranked = values[values[value_column].notna()].nlargest(limit, value_column).iloc[::-1]
    colors = [palette.MUTED if small else palette.PRIMARY for small in ranked["reported"].between(1, SMALL_COUNT - 1)]
    fig = go.Figure(go.Bar(
        x=ranked[value_column], y=ranked["region_name"], orientation="h", marker_color=colors,
        customdata=ranked[["reported"]],
        hovertemplate="%{y}<br>" + value_label + ": %{x:" + hover_format + "}<br>n = %{customdata[0]:,d}<extra></extra>",
    ))
    fig.update_layout(height=max(300, 28 * len(ranked) + 120))
    return base_layout(fig, title, value_label, None, lang)
