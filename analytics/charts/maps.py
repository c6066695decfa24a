"""The Kalimantan choropleth and map-click handling.

The map is Plotly's SVG choropleth with no basemap, fitted to the regions it draws
(``fitbounds``): it fits a 360-px phone and a wide screen alike, with nothing cropped, and needs no
tile server."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from analytics import palette
from analytics.charts.spec import STAND_IN, FigureSpec, figure, layout
from analytics.disclosure import withheld_flags
from analytics.formatting import format_number

SMALL_COUNT = 5

#: Plotly's geo maps fetch a world basemap (``<topojsonURL>world_110m.json``, from cdn.plot.ly by
#: default) even when every base layer is hidden. The map shows nothing of it, so the app serves
#: this empty one itself: no request leaves the machine, and no third-party file is needed.
BASEMAP_NAME = "world_110m.json"
EMPTY_BASEMAP = {
    "type": "Topology",
    "arcs": [],
    "bbox": [-180, -90, 180, 90],
    "objects": {
        name: {"type": "GeometryCollection", "geometries": []}
        for name in ("coastlines", "land", "ocean", "lakes", "rivers", "countries", "subunits")
    },
}


def write_basemap(folder: Path) -> Path:
    """Write the empty basemap into ``folder`` (once; the same bytes every time)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / BASEMAP_NAME
    text = json.dumps(EMPTY_BASEMAP, separators=(",", ":"))
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    return target


def use_local_basemap_for_images() -> None:
    """Point the image renderer (kaleido) at the empty basemap, written to a temporary folder."""
    import plotly.io as pio

    folder = Path(tempfile.gettempdir()) / "pantau-basemap"
    write_basemap(folder)
    pio.defaults.topojson = folder.as_uri() + "/"


#: Under the map, across it: at the side it took a sixth of a phone's width from the map.
COLOUR_BAR_UNDER_MAP = {
    "orientation": "h",
    "thickness": 10,
    "separatethousands": True,
    "len": 0.8,
    "x": 0.5,
    "xanchor": "center",
    "y": -0.02,
    "yanchor": "top",
}


def choropleth_figure(
    values: pd.DataFrame,
    layer: dict | str,
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
    diverging: bool = False,
    not_reached: np.ndarray | None = None,
    not_reached_label: str = "belum tercapai",
    selected: str | None = None,
) -> FigureSpec:
    """Regions coloured by ``value_column``; regions whose value is missing are grey "no data".
    The map fits the regions of ``values``; ``selected`` (a region code) is outlined.

    ``values`` has region_code, region_name, ``count_column`` (the number the value rests on,
    shown in the hover) and the value column. With ``flag_small``, regions resting on fewer than
    SMALL_COUNT cases are marked in the hover text (small counts are unstable). Regions whose
    value the public view withheld (``<value_column>_withheld``) get their own light fill and
    read ``withheld_label``; they are neither "no data" nor coloured by a number. ``diverging``
    (a change against another cycle) colours around zero instead of from low to high. Regions in
    ``not_reached`` (a median with half the cases or more still open) get a fill of their own and
    read ``not_reached_label``: they have cases, so they are not "no data".
    """
    # column by column: selecting rows of the whole (wide) table for each trace was most of the time
    hidden = withheld_flags(values, value_column)
    has_value = values[value_column].notna().to_numpy()
    unreached = np.zeros(len(values), dtype=bool) if not_reached is None else np.asarray(not_reached, dtype=bool)
    unreached &= ~has_value & ~hidden
    codes, names = values["region_code"], values["region_name"]
    traces = []
    for rows, colour, label in (
        (~has_value & ~hidden & ~unreached, palette.NO_DATA, no_data_label),
        (hidden, palette.MAP_WITHHELD, withheld_label),
        (unreached, palette.NOT_REACHED, not_reached_label),
    ):
        if rows.any():
            traces.append(
                {
                    "type": "choropleth",
                    "geojson": layer,
                    "featureidkey": "id",
                    "locations": codes[rows],
                    "z": [0] * int(rows.sum()),
                    "colorscale": [[0, colour], [1, colour]],
                    "showscale": False,
                    "marker": {"line": {"color": "white", "width": 0.8}},
                    "name": label,
                    "showlegend": True,
                    "customdata": names[rows].to_numpy()[:, None],
                    "hovertemplate": "%{customdata[0]}<br>" + label + "<extra></extra>",
                }
            )
    if has_value.any():
        counts = values[count_column][has_value]
        small = (counts.between(1, SMALL_COUNT - 1) & flag_small).to_numpy()
        count_hidden = withheld_flags(values, count_column)[has_value]
        count_text = [
            withheld_label if h else format_number(v, 0, lang) + (" ⚠ < 5" if is_small else "")
            for v, h, is_small in zip(counts, count_hidden, small)
        ]
        traces.append(
            {
                "type": "choropleth",
                "geojson": layer,
                "featureidkey": "id",
                "locations": codes[has_value],
                "z": values[value_column][has_value],
                "colorscale": palette.DIVERGING if diverging else palette.SEQUENTIAL,
                **({"zmid": 0} if diverging else {}),
                "marker": {"line": {"color": "white", "width": 0.8}, "opacity": 0.9},
                "colorbar": {"title": {"text": value_label, "side": "top"}, **COLOUR_BAR_UNDER_MAP},
                "name": value_label,
                "showlegend": False,
                "customdata": list(zip(names[has_value], count_text)),
                "hovertemplate": "%{customdata[0]}<br>"
                + value_label
                + ": %{z:"
                + hover_format
                + "}"
                + "<br>"
                + count_label
                + " = %{customdata[1]}<extra></extra>",
            }
        )
    if selected is not None and (codes == selected).any():
        traces.append(
            {
                "type": "choropleth",
                "geojson": layer,
                "featureidkey": "id",
                "locations": [selected],
                "z": [0],
                "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                "showscale": False,
                "marker": {"line": {"color": palette.SELECTED_OUTLINE, "width": 3}},
                "hoverinfo": "skip",
                "name": names[codes == selected].iloc[0],
                "showlegend": False,
            }
        )
    return figure(
        traces,
        layout(
            title,
            None,
            None,
            lang,
            height=560,
            geo={
                "fitbounds": "locations",
                "visible": False,
                "projection": {"type": "mercator"},
                "bgcolor": "rgba(0,0,0,0)",
            },
            margin={"l": 0, "r": 0, "t": 50, "b": 70},
            legend={"orientation": "h", "x": 0, "xanchor": "left", "yref": "paper", "y": 1.0, "yanchor": "bottom"},
        ),
    )


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


def ranking_figure(
    values: pd.DataFrame,
    value_column: str,
    title: str,
    value_label: str,
    lang: str = "id",
    hover_format: str = ",.1f",
    withheld_label: str = "< 5",
    no_data_label: str = "tidak ada data",
    withheld_length: float = 0.0,
    other_column: str | None = None,
    this_label: str | None = None,
    other_label: str | None = None,
    not_reached: np.ndarray | None = None,
    not_reached_label: str = "belum tercapai",
    colour: str = palette.PRIMARY,
) -> FigureSpec:
    """Every region of ``values``, ranked by ``value_column``, highest on top; none is left out.

    Each bar carries its value, so a zero reads "0". A withheld value is a hatched bar labelled
    ``withheld_label`` (a stub ``withheld_length`` long: a short one for a count, 0 for a rate) below
    the ranked ones, and a missing value an empty row labelled ``no_data_label`` below those:
    withheld, zero and missing never look alike. With ``other_column``, the compared cycle's
    value is drawn beside each region's (grey, labelled the same way); ``colour`` is the cycle's
    (``palette.cycle_colour``) where the bars are named by it. A region in ``not_reached``
    (a median not reached yet) is labelled ``not_reached_label`` instead of "no data".
    """
    hidden = withheld_flags(values, value_column)
    has_value = values[value_column].notna().to_numpy() & ~hidden
    unreached = np.zeros(len(values), dtype=bool) if not_reached is None else np.asarray(not_reached, dtype=bool)
    order = pd.DataFrame(
        {
            "rank": [0 if v else (1 if h else (1.5 if u else 2)) for v, h, u in zip(has_value, hidden, unreached)],
            "value": values[value_column].to_numpy(dtype=float, na_value=float("nan")),
            "name": values["region_name"].to_numpy(),
        }
    )
    order = order.sort_values(["rank", "value", "name"], ascending=[True, False, True])
    names = list(order["name"])[::-1]  # plotly draws the first category at the bottom
    decimals = 0 if hover_format.endswith("d") else int(hover_format.rstrip("f").split(".")[-1] or 0)
    traces = _ranking_bars(
        values,
        value_column,
        hidden,
        this_label or value_label,
        colour,
        withheld_label,
        no_data_label,
        withheld_length,
        decimals,
        hover_format,
        lang,
        "this",
        not_reached,
        not_reached_label,
    )
    if other_column is not None:
        traces += _ranking_bars(
            values,
            other_column,
            withheld_flags(values, other_column),
            other_label or "",
            palette.OTHER_CYCLE,
            withheld_label,
            no_data_label,
            withheld_length,
            decimals,
            hover_format,
            lang,
            "other",
        )
    rows = len(values) * (2 if other_column else 1)
    return figure(
        traces,
        layout(
            title,
            value_label,
            None,
            lang,
            height=max(300, 22 * rows + 160),
            barmode="group",
            yaxis={"categoryorder": "array", "categoryarray": names, "automargin": True},
            # the legend above the bars: under a tall ranking it would be a screen away from them
            legend={"orientation": "h", "yref": "paper", "yanchor": "bottom", "y": 1.0, "x": 0},
            margin={"t": 90},
            showlegend=True,
        ),
    )


def _ranking_bars(
    values: pd.DataFrame,
    column: str,
    hidden,
    name: str,
    colour: str,
    withheld_label: str,
    no_data_label: str,
    withheld_length: float,
    decimals: int,
    hover_format: str,
    lang: str,
    group: str,
    not_reached=None,
    not_reached_label: str = "",
) -> list[dict]:
    """The bars of one cycle: the values, the withheld (hatched), the medians not reached and the
    missing (empty, labelled)."""
    present = values[column].notna().to_numpy() & ~hidden
    unreached = np.zeros(len(values), dtype=bool) if not_reached is None else np.asarray(not_reached, dtype=bool)
    unreached &= ~present & ~hidden
    missing = ~present & ~hidden & ~unreached
    regions = values["region_name"]
    traces = []
    if present.any():
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "x": values[column][present],
                "y": regions[present],
                "name": name,
                "offsetgroup": group,
                "marker": {"color": colour},
                "legendgroup": group,
                "text": [format_number(v, decimals, lang) for v in values[column][present]],
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{y}<br>" + name + ": %{x:" + hover_format + "}<extra></extra>",
            }
        )
    if hidden.any():
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "x": [withheld_length] * int(hidden.sum()),
                "y": regions[hidden],
                **STAND_IN,
                "name": f"{name}: {withheld_label}",
                "offsetgroup": group,
                "legendgroup": group,
                "marker": {
                    "color": palette.WITHHELD,
                    "line": {"color": colour, "width": 1},
                    "pattern": {"shape": "/", "fgcolor": colour, "size": 6},
                },
                "text": [withheld_label] * int(hidden.sum()),
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{y}<br>" + name + ": " + withheld_label + "<extra></extra>",
            }
        )
    if unreached.any():
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "x": [0] * int(unreached.sum()),
                "y": regions[unreached],
                **STAND_IN,
                "name": f"{name}: {not_reached_label}",
                "offsetgroup": group,
                "legendgroup": group,
                "marker": {"color": palette.NOT_REACHED},
                "text": [not_reached_label] * int(unreached.sum()),
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{y}<br>" + name + ": " + not_reached_label + "<extra></extra>",
            }
        )
    if missing.any():
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "x": [0] * int(missing.sum()),
                "y": regions[missing],
                **STAND_IN,
                "name": f"{name}: {no_data_label}",
                "offsetgroup": group,
                "legendgroup": group,
                "marker": {"color": palette.NO_DATA, "line": {"color": palette.MUTED, "width": 1}},
                "text": [no_data_label] * int(missing.sum()),
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{y}<br>" + name + ": " + no_data_label + "<extra></extra>",
            }
        )
    return traces
