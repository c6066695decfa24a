"""Figures of the Jenis pelanggaran page: shares by dimension, cycle against cycle, and a cross-table."""

from __future__ import annotations

import pandas as pd

from analytics import disclosure, palette
from analytics.figures import FigureSpec, figure, layout, wrap_label
from analytics.formatting import format_number
from analytics.i18n import t
from analytics.text import plotly_literal


def shares(counts: pd.DataFrame, totals: dict[str, float] | None = None) -> pd.DataFrame:
    """Add ``share_pct`` (of the cycle's reported cases) to per-cycle counts (election_id, reported).

    ``totals`` gives each cycle's case total; without it the counts are added up, which is only
    right when none of them is withheld."""
    if totals is None:
        cycle_totals = counts.groupby("election_id")["reported"].transform("sum")
    else:
        cycle_totals = counts["election_id"].map(totals).astype("float64")
    return counts.assign(share_pct=(100.0 * counts["reported"] / cycle_totals.where(cycle_totals > 0)).round(1))


def cycle_comparison_figure(counts: pd.DataFrame, cycle_labels: dict[str, str], title: str,
                            lang: str = "id") -> FigureSpec:
    """Horizontal bars of each code's share of its cycle's cases, one bar colour per cycle.

    ``counts`` has election_id, label, reported and share_pct; codes are ordered by their
    share in the first cycle of ``cycle_labels`` (the one in focus)."""
    order_cycle = next(iter(cycle_labels), None)
    focus = counts[counts["election_id"] == order_cycle].sort_values("share_pct")
    order = list(focus["label"]) + sorted(set(counts["label"]) - set(focus["label"]))
    traces = []
    for index, (election_id, cycle_label) in enumerate(reversed(list(cycle_labels.items()))):
        rows = counts[counts["election_id"] == election_id].set_index("label").reindex(order)
        traces.append({
            "type": "bar", "x": rows["share_pct"], "y": [wrap_label(v) for v in order], "orientation": "h",
            "name": cycle_label,
            "marker": {"color": palette.OKABE_ITO[(len(cycle_labels) - 1 - index) % len(palette.OKABE_ITO)]},
            "customdata": rows[["reported"]].fillna(0),
            "hovertemplate": "%{y}<br>%{x:.1f}% (n = %{customdata[0]:,d})<extra>" + plotly_literal(cycle_label) + "</extra>",
        })
    height = max(320, 30 * len(order) * max(1, len(cycle_labels)) + 140)
    return figure(traces, layout(title, t("share_of_cases_pct", lang), None, lang, barmode="group", height=height,
                                 legend={"traceorder": "reversed"}))


def crosstab_figure(table: pd.DataFrame, title: str, x_title: str, y_title: str, lang: str = "id",
                    withheld_label: str = "< 5") -> FigureSpec:
    """A heatmap of reported cases for every pair (row_label × column_label), counts written in.

    Pairs without cases are 0; a count withheld from the public (``reported_withheld``) is left
    uncoloured and reads ``withheld_label``."""
    cells = table.set_index(["row_label", "column_label"])
    pivot = cells["reported"].unstack()
    if "reported_withheld" in cells.columns:
        # in a public table a pair that is not there was withheld (or empty: the same "< 5")
        missing = pivot.isna() if disclosure.is_adjusted(table) else False
        hidden = cells["reported_withheld"].astype(bool).unstack().reindex_like(pivot).fillna(False).astype(bool) | missing
    else:
        hidden = pd.DataFrame(False, index=pivot.index, columns=pivot.columns)
    pivot = pivot.fillna(0).mask(hidden)
    order = pivot.sum(axis=1).sort_values().index
    pivot, hidden = pivot.loc[order], hidden.loc[order]
    text = [[withheld_label if h else format_number(v, 0, lang) for v, h in zip(values, flags)]
            for values, flags in zip(pivot.to_numpy(), hidden.to_numpy())]
    heatmap = {
        "type": "heatmap", "z": pivot.values, "x": [wrap_label(v, 16) for v in pivot.columns],
        "y": [wrap_label(v) for v in pivot.index], "colorscale": palette.SEQUENTIAL, "text": text,
        "texttemplate": "%{text}", "hoverongaps": False, "hovertemplate": "%{y} × %{x}: %{text}<extra></extra>",
        "colorbar": {"title": {"text": t("cases_unit", lang), "side": "right"}, "thickness": 12},
    }
    return figure([heatmap], layout(title, x_title, y_title, lang, height=max(320, 40 * len(pivot.index) + 200),
                                    yaxis={"gridcolor": None, "showgrid": False}))
