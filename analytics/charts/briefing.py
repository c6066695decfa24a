"""Charts that only the briefing draws: the provinces side by side per 1,000 ASN, and the map
with the regencies that stand out marked by their rank."""

from __future__ import annotations

import pandas as pd

from analytics import palette
from analytics.charts.spec import STAND_IN, FigureSpec, figure, layout
from analytics.disclosure import visible
from analytics.formatting import format_number
from analytics.i18n import t
from analytics.text import plotly_literal


def kalimantan_rate(provinces: pd.DataFrame) -> float | None:
    """Proven cases per 1,000 ASN for the five provinces together, from the counts as shown (a
    province whose count or headcount is not shown is left out of both sides)."""
    usable = provinces[
        visible(provinces, "proven")
        & provinces["asn_count"].notna().to_numpy()
        & (provinces["asn_count"].fillna(0) > 0).to_numpy()
    ]
    if usable.empty:
        return None
    return 1000.0 * float(usable["proven"].sum()) / float(usable["asn_count"].sum())


def province_rates_figure(
    provinces: pd.DataFrame, selected: str | None, kalimantan: float | None, lang: str = "id", threshold: int = 5
) -> FigureSpec:
    """Horizontal bars of proven cases per 1,000 ASN by province, highest on top; the briefing's
    province in the primary colour, the others muted; Kalimantan as a whole a dashed line. A rate
    not shown (withheld, or no headcount) is a labelled empty row, never a bar at zero."""
    ordered = provinces.assign(_rate=provinces["proven_per_1000_asn"].where(visible(provinces, "proven_per_1000_asn")))
    ordered = ordered.sort_values(["_rate", "region_name"], ascending=[True, False], na_position="first")
    has_rate = ordered["_rate"].notna().to_numpy()
    colours = [
        palette.PRIMARY if (selected is None or code == selected) else palette.MUTED
        for code in ordered["region_code"][has_rate]
    ]
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "x": ordered["_rate"][has_rate],
            "y": ordered["region_name"][has_rate],
            "marker": {"color": colours},
            "name": t("per_1000_asn", lang),
            "showlegend": False,
            "text": [format_number(v, 2, lang) for v in ordered["_rate"][has_rate]],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": "%{y}: %{text}<extra></extra>",
        }
    ]
    if (~has_rate).any():
        label = t("rests_on_withheld", lang, n=threshold)
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "x": [0] * int((~has_rate).sum()),
                "y": ordered["region_name"][~has_rate],
                **STAND_IN,
                "showlegend": False,
                "text": [label] * int((~has_rate).sum()),
                "textposition": "outside",
                "cliponaxis": False,
                "marker": {"color": "rgba(0,0,0,0)"},
                "hoverinfo": "skip",
            }
        )
    shapes, annotations = [], []
    if kalimantan is not None:
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": kalimantan,
                "x1": kalimantan,
                "y0": 0,
                "y1": 1,
                "line": {"color": palette.VOTING_LINE, "width": 2, "dash": "dash"},
            }
        )
        annotations.append(
            {
                "x": kalimantan,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"color": palette.VOTING_LINE},
                "text": plotly_literal(t("brief_kalimantan_marker", lang, rate=format_number(kalimantan, 2, lang))),
            }
        )
    return figure(
        traces,
        layout(
            t("brief_provinces_title", lang),
            t("per_1000_asn", lang),
            None,
            lang,
            shapes=shapes,
            annotations=annotations,
            margin={"t": 70, "r": 60},
        ),
    )


def with_numbers_on_map(map_figure: FigureSpec, regions: pd.DataFrame) -> FigureSpec:
    """``map_figure`` for a slide: its colour bar at its side, and each of ``regions`` (indexed by
    code, with its label point, in rank order) marked by its rank in a white disc; the slide names
    them beside the map, where a long name has room (names on a province's map ran into each
    other)."""
    data = [_colour_bar_at_the_side(trace) for trace in map_figure.data]
    if regions.empty:
        return FigureSpec(data, map_figure.layout)
    marks = {
        "type": "scattergeo",
        "lat": regions["centroid_lat"].tolist(),
        "lon": regions["centroid_lon"].tolist(),
        "text": [str(rank) for rank in range(1, len(regions) + 1)],
        "mode": "markers+text",
        "textposition": "middle center",
        "textfont": {"size": 17, "color": "#1A1A1A"},
        "marker": {"size": 28, "color": "white", "line": {"color": "#1A1A1A", "width": 2}},
        "showlegend": False,
        "hoverinfo": "skip",
    }
    return FigureSpec(data + [marks], map_figure.layout)


def _colour_bar_at_the_side(trace: dict) -> dict:
    """On a slide the map has the width and lacks height: its colour bar goes to its right."""
    if trace.get("type") != "choropleth":
        return trace
    bar = {
        **(trace.get("colorbar") or {}),
        "orientation": "v",
        "x": 1.0,
        "xanchor": "left",
        "y": 0.5,
        "yanchor": "middle",
        "len": 0.85,
        "thickness": 16,
    }
    bar["title"] = {**(bar.get("title") or {}), "side": "right"}
    return {**trace, "colorbar": bar}
