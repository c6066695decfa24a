"""Figures of the Angka resmi page. Every marker is one published statement; nothing is summed."""

from __future__ import annotations

import pandas as pd

from analytics import palette
from analytics.charts.spec import FigureSpec, figure, layout, wrap_label
from analytics.formatting import date_ticks, format_date
from analytics.i18n import in_language, t


def _metric_label(rows: pd.DataFrame, lang: str) -> str:
    return rows.iloc[0][in_language("metric_label", lang)]


def _provenance(rows: pd.DataFrame, lang: str) -> list[tuple]:
    return [
        (format_date(d, lang, p or "day") if not pd.isna(d) else "—", pub, fid)
        for d, p, pub, fid in zip(rows["as_of_date"], rows["as_of_precision"], rows["publisher"], rows["figure_id"])
    ]


def series_by_cycle_figure(series: pd.DataFrame, lang: str = "id") -> FigureSpec:
    """All national statements per cycle, one marker each, side by side per metric."""
    label_column = in_language("election_label", lang)
    # cycle names on two lines ("Pilkada Serentak<br>2020"): on one, a phone cut and overlapped them
    cycles = [
        wrap_label(label, 16)
        for label in series.drop_duplicates("election_id").sort_values("voting_date")[label_column]
    ]
    traces = [
        {
            "type": "scatter",
            "x": [wrap_label(label, 16) for label in rows[label_column]],
            "y": rows["value"],
            "mode": "markers",
            "name": _metric_label(rows, lang),
            "marker": {
                "size": 11,
                "color": palette.metric_colour(metric, index),
                "opacity": 0.85,
                "line": {"color": "white", "width": 1},
            },
            "offsetgroup": metric,
            "customdata": _provenance(rows, lang),
            "hovertemplate": "%{y:,.0f}<br>"
            + t("figure_as_of", lang)
            + ": %{customdata[0]}<br>%{customdata[1]} (%{customdata[2]})<extra>%{fullData.name}</extra>",
        }
        for index, (metric, rows) in enumerate(series.groupby("metric", sort=False))
    ]
    return figure(
        traces,
        layout(
            t("q_series_by_cycle", lang),
            None,
            t("asn_or_recommendations", lang),
            lang,
            scattermode="group",
            height=440,
            xaxis={"categoryorder": "array", "categoryarray": cycles, "tickangle": 0, "automargin": True},
        ),
    )


def snapshots_figure(snapshots: pd.DataFrame, cycle_label: str, lang: str = "id") -> FigureSpec:
    """How the stated national figures of one cycle changed over time: one line per metric."""
    traces = [
        {
            "type": "scatter",
            "x": pd.to_datetime(rows["as_of_date"]),
            "y": rows["value"],
            "mode": "lines+markers",
            "name": _metric_label(rows, lang),
            "line": {"color": palette.metric_colour(metric, index), "width": 2, "shape": "hv"},
            "marker": {"size": 9},
            "customdata": _provenance(rows, lang),
            "hovertemplate": "%{customdata[0]}: %{y:,.1f}<br>%{customdata[1]} (%{customdata[2]})<extra>%{fullData.name}</extra>",
        }
        for index, (metric, rows) in enumerate(snapshots.groupby("metric", sort=False))
    ]
    dates = pd.to_datetime(snapshots["as_of_date"])
    ticks = date_ticks(dates.min(), dates.max(), lang) if len(dates) else {}
    return figure(
        traces,
        layout(t("q_snapshots", lang, cycle=cycle_label), t("figure_as_of", lang), None, lang, height=420, xaxis=ticks),
    )


#: Two panels side by side sharing the regions' axis (what ``make_subplots(cols=2,
#: shared_yaxes=True, horizontal_spacing=0.06)`` lays out, without its cost).
PANEL_DOMAINS = ([0.0, 0.47], [0.53, 1.0])


def ikp_figure(table: pd.DataFrame, lang: str = "id") -> FigureSpec:
    """Vulnerability-index scores (left) beside documented counts (right), per region; one marker per figure."""
    regions = table.drop_duplicates("region_code").sort_values("region_code")["region_name"].tolist()
    label_column = in_language("election_label", lang)
    traces, titles = [], []
    for panel, (kind, color, title_key) in enumerate(
        (("ikp", palette.SECONDARY, "ikp_panel"), ("count", palette.PRIMARY, "counts_panel"))
    ):
        rows = table[table["kind"] == kind]
        cycle = rows[label_column].fillna(rows["cycle_label"])
        axis = "" if panel == 0 else str(panel + 1)
        traces.append(
            {
                "type": "scatter",
                "x": rows["value"],
                "y": rows["region_name"],
                "mode": "markers",
                "showlegend": False,
                "xaxis": f"x{axis}",
                "yaxis": f"y{axis}",
                "marker": {"size": 11, "color": color, "opacity": 0.85, "line": {"color": "white", "width": 1}},
                "customdata": list(zip(cycle, *zip(*_provenance(rows, lang))) if len(rows) else []),
                "hovertemplate": "%{y}: %{x:,.2f}<br>%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]} (%{customdata[3]})<extra></extra>",
            }
        )
        left, right = PANEL_DOMAINS[panel]
        titles.append(
            {
                "text": t(title_key, lang),
                "x": (left + right) / 2,
                "xanchor": "center",
                "xref": "paper",
                "y": 1.0,
                "yanchor": "bottom",
                "yref": "paper",
                "showarrow": False,
                "font": {"size": 16},
            }
        )
    region_axis = {"categoryorder": "array", "categoryarray": regions[::-1], "domain": [0.0, 1.0]}
    return figure(
        traces,
        layout(
            t("q_ikp", lang),
            None,
            None,
            lang,
            height=max(340, 30 * len(regions) + 160),
            annotations=titles,
            xaxis={"anchor": "y", "domain": PANEL_DOMAINS[0]},
            xaxis2={"anchor": "y2", "domain": PANEL_DOMAINS[1]},
            yaxis={"anchor": "x", **region_axis},
            yaxis2={"anchor": "x2", "matches": "y", "showticklabels": False, **region_axis},
        ),
    )
