"""Figures of the Angka resmi page. Every marker is one published statement; nothing is summed."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics import palette
from analytics.figures import base_layout
from analytics.formatting import format_date
from analytics.i18n import t


def _metric_label(rows: pd.DataFrame, lang: str) -> str:
    return rows.iloc[0]["metric_label_en" if lang == "en" else "metric_label_id"]


def _provenance(rows: pd.DataFrame, lang: str) -> list[tuple]:
    return [(format_date(d, lang, p or "day") if not pd.isna(d) else "—", pub, fid)
            for d, p, pub, fid in zip(rows["as_of_date"], rows["as_of_precision"], rows["publisher"], rows["figure_id"])]


def series_by_cycle_figure(series: pd.DataFrame, lang: str = "id") -> go.Figure:
    """All national statements per cycle, one marker each, side by side per metric."""
    label_column = "election_label_en" if lang == "en" else "election_label_id"
    cycles = series.drop_duplicates("election_id").sort_values("voting_date")[label_column].tolist()
    fig = go.Figure()
    for index, (metric, rows) in enumerate(series.groupby("metric", sort=False)):
        fig.add_trace(go.Scatter(
            x=rows[label_column], y=rows["value"], mode="markers", name=_metric_label(rows, lang),
            marker={"size": 11, "color": palette.OKABE_ITO[index % len(palette.OKABE_ITO)], "opacity": 0.85,
                    "line": {"color": "white", "width": 1}},
            offsetgroup=metric, customdata=_provenance(rows, lang),
            hovertemplate="%{y:,.0f}<br>" + t("figure_as_of", lang) + ": %{customdata[0]}<br>%{customdata[1]} (%{customdata[2]})<extra>%{fullData.name}</extra>",
        ))
    fig.update_layout(scattermode="group", height=440)
    fig.update_xaxes(categoryorder="array", categoryarray=cycles)
    return base_layout(fig, t("q_series_by_cycle", lang), None, t("asn_or_recommendations", lang), lang)


def snapshots_figure(snapshots: pd.DataFrame, cycle_label: str, lang: str = "id") -> go.Figure:
    """How the stated national figures of one cycle changed over time: one line per metric."""
    fig = go.Figure()
    for index, (metric, rows) in enumerate(snapshots.groupby("metric", sort=False)):
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(rows["as_of_date"]), y=rows["value"], mode="lines+markers", name=_metric_label(rows, lang),
            line={"color": palette.OKABE_ITO[index % len(palette.OKABE_ITO)], "width": 2, "shape": "hv"},
            marker={"size": 9}, customdata=_provenance(rows, lang),
            hovertemplate="%{customdata[0]}: %{y:,.1f}<br>%{customdata[1]} (%{customdata[2]})<extra>%{fullData.name}</extra>",
        ))
    fig.update_layout(height=420)
    return base_layout(fig, t("q_snapshots", lang, cycle=cycle_label), t("figure_as_of", lang), None, lang)


def ikp_figure(table: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Vulnerability-index scores (left) beside documented counts (right), per region; one marker per figure."""
    regions = table.drop_duplicates("region_code").sort_values("region_code")["region_name"].tolist()
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.06,
                        subplot_titles=(t("ikp_panel", lang), t("counts_panel", lang)))
    label_column = "election_label_en" if lang == "en" else "election_label_id"
    for col, kind, color in ((1, "ikp", palette.SECONDARY), (2, "count", palette.PRIMARY)):
        rows = table[table["kind"] == kind]
        cycle = rows[label_column].fillna(rows["cycle_label"])
        fig.add_trace(go.Scatter(
            x=rows["value"], y=rows["region_name"], mode="markers", showlegend=False,
            marker={"size": 11, "color": color, "opacity": 0.85, "line": {"color": "white", "width": 1}},
            customdata=list(zip(cycle, *zip(*_provenance(rows, lang))) if len(rows) else []),
            hovertemplate="%{y}: %{x:,.2f}<br>%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]} (%{customdata[3]})<extra></extra>",
        ), row=1, col=col)
    fig.update_yaxes(categoryorder="array", categoryarray=regions[::-1])
    fig.update_layout(height=max(340, 30 * len(regions) + 160))
    return base_layout(fig, t("q_ikp", lang), None, None, lang)
