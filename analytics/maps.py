"""The Kalimantan choropleth (offline: MapLibre with a blank basemap) and map-click handling."""

from __future__ import annotations

import pandas as pd

from analytics import palette
from analytics.disclosure import withheld_flags
from analytics.figures import FigureSpec, figure, layout
from analytics.formatting import format_number
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
    withheld_label: str = "< 5",
) -> FigureSpec:
    """Regions coloured by ``value_column``; regions whose value is missing are grey "no data".

    ``values`` has region_code, region_name, ``count_column`` (the number the value rests on,
    shown in the hover) and the value column. With ``flag_small``, regions resting on fewer than
    SMALL_COUNT cases are marked in the hover text (small counts are unstable). Regions whose
    value the public view withheld (``<value_column>_withheld``) get their own light fill and
    read ``withheld_label``; they are neither "no data" nor coloured by a number.
    """
    # column by column: selecting rows of the whole (wide) table for each trace was most of the time
    hidden = withheld_flags(values, value_column)
    has_value = values[value_column].notna().to_numpy()
    codes, names = values["region_code"], values["region_name"]
    traces = []
    for rows, colour, label in ((~has_value & ~hidden, palette.NO_DATA, no_data_label),
                                (hidden, palette.WITHHELD, withheld_label)):
        if rows.any():
            traces.append({
                "type": "choroplethmap", "geojson": layer, "featureidkey": "id", "locations": codes[rows],
                "z": [0] * int(rows.sum()), "colorscale": [[0, colour], [1, colour]], "showscale": False,
                "marker": {"line": {"color": "white", "width": 0.8}},
                "name": label, "showlegend": True, "customdata": names[rows].to_numpy()[:, None],
                "hovertemplate": "%{customdata[0]}<br>" + label + "<extra></extra>",
            })
    if has_value.any():
        counts = values[count_column][has_value]
        small = (counts.between(1, SMALL_COUNT - 1) & flag_small).to_numpy()
        count_hidden = withheld_flags(values, count_column)[has_value]
        count_text = [withheld_label if h else format_number(v, 0, lang) + (" ⚠ < 5" if is_small else "")
                      for v, h, is_small in zip(counts, count_hidden, small)]
        traces.append({
            "type": "choroplethmap", "geojson": layer, "featureidkey": "id", "locations": codes[has_value],
            "z": values[value_column][has_value], "colorscale": palette.SEQUENTIAL,
            "marker": {"line": {"color": "white", "width": 0.8}, "opacity": 0.9},
            "colorbar": {"title": {"text": value_label, "side": "right"}, "thickness": 12},
            "name": value_label, "showlegend": False,
            "customdata": list(zip(names[has_value], count_text)),
            "hovertemplate": "%{customdata[0]}<br>" + value_label + ": %{z:" + hover_format + "}"
                             + "<br>" + count_label + " = %{customdata[1]}<extra></extra>",
        })
    return figure(traces, layout(
        title, None, None, lang, height=520,
        map={"style": "white-bg", "center": {"lat": view.center_lat, "lon": view.center_lon}, "zoom": view.zoom},
        margin={"l": 0, "r": 0, "t": 50, "b": 0}, legend={"y": 0.02, "x": 0.01, "orientation": "v"}))


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
                   limit: int = 15, hover_format: str = ",.1f", withheld_label: str = "< 5") -> FigureSpec:
    """The regions ranked by ``value_column`` (missing and withheld values left out), highest on top."""
    ranked = values[values[value_column].notna()].nlargest(limit, value_column).iloc[::-1]
    colors = [palette.MUTED if small else palette.PRIMARY for small in ranked["reported"].between(1, SMALL_COUNT - 1)]
    counts = [withheld_label if h else format_number(v, 0, lang)
              for v, h in zip(ranked["reported"], withheld_flags(ranked, "reported"))]
    decimals = 0 if hover_format.endswith("d") else int(hover_format.rstrip("f").split(".")[-1] or 0)
    bars = {
        "type": "bar", "x": ranked[value_column], "y": ranked["region_name"], "orientation": "h",
        "marker": {"color": colors}, "customdata": counts,
        # every bar carries its value, so a short bar is never read as an unlabelled zero
        "text": [format_number(v, decimals, lang) for v in ranked[value_column]], "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{y}<br>" + value_label + ": %{x:" + hover_format + "}<br>n = %{customdata}<extra></extra>",
    }
    return figure([bars], layout(title, value_label, None, lang, height=max(300, 28 * len(ranked) + 120)))
