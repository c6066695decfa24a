"""Figures of the Jenis pelanggaran page: shares by dimension, cycle against cycle, and a cross-table."""

from __future__ import annotations

import pandas as pd

from analytics import disclosure, palette
from analytics.charts.spec import STAND_IN, FigureSpec, figure, layout, wrap_label
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


#: The states of a code's share in a cycle, each drawn differently (never as a silent 0 %).
SHOWN, WITHHELD, NOT_RECORDED = "shown", "withheld", "not_recorded"


def share_states(counts: pd.DataFrame, cycles: list[str], recorded: set[tuple[str, str]] | None) -> pd.DataFrame:
    """One row per (cycle, code) of ``cycles`` × every code in ``counts``: its label, share,
    count and state. A code the cycle does not use at all (not in ``recorded``, pairs of
    election_id and code; None: all recorded) is NOT_RECORDED. A withheld count, or in a public
    table (adjusted) an absent code, is WITHHELD. An absent code in an exact table is a real 0 %."""
    public = disclosure.is_adjusted(counts)
    labels = counts.drop_duplicates("code").set_index("code")["label"]
    flags = counts.get("reported_withheld", pd.Series(False, index=counts.index)).fillna(False).astype(bool)
    by_pair = counts.assign(hidden=flags).set_index(["election_id", "code"])
    rows = []
    for cycle in cycles:
        for code, label in labels.items():
            pooled = cycle == "semua"
            if not pooled and recorded is not None and (cycle, code) not in recorded:
                state, share, reported = NOT_RECORDED, None, None
            elif (cycle, code) in by_pair.index:
                row = by_pair.loc[(cycle, code)]
                hidden = bool(row["hidden"])
                state = WITHHELD if hidden else SHOWN
                share, reported = (None, None) if hidden else (row["share_pct"], row["reported"])
            elif public:
                state, share, reported = WITHHELD, None, None
            else:
                state, share, reported = SHOWN, 0.0, 0
            rows.append(
                {
                    "election_id": cycle,
                    "code": code,
                    "label": label,
                    "state": state,
                    "share_pct": share,
                    "reported": reported,
                }
            )
    return pd.DataFrame(rows, columns=["election_id", "code", "label", "state", "share_pct", "reported"])


def cycle_comparison_figure(
    states: pd.DataFrame,
    cycle_labels: dict[str, str],
    title: str,
    lang: str = "id",
    withheld_label: str = "< 5",
    not_recorded_label: str = "tidak dicatat pada siklus ini",
) -> FigureSpec:
    """Horizontal bars of each code's share of its cycle's cases, one colour per cycle, codes
    ordered by their share in the first cycle of ``cycle_labels`` (the one in focus).

    ``states`` is :func:`share_states`. Every bar is labelled: a share, ``withheld_label`` (a
    hatched stub) or ``not_recorded_label`` (an empty row), so a category a cycle does not record
    never reads as 0 %."""
    order_cycle = next(iter(cycle_labels), None)
    focus = states[states["election_id"] == order_cycle].assign(sort=lambda f: f["share_pct"].fillna(-1))
    order = list(focus.sort_values(["sort", "label"], ascending=[True, False])["label"])
    order += sorted(set(states["label"]) - set(order))
    traces = []
    for index, (election_id, cycle_label) in enumerate(reversed(list(cycle_labels.items()))):
        colour = palette.cycle_colour(election_id, index)
        rows = states[states["election_id"] == election_id]
        name = plotly_literal(cycle_label)
        for state, rows_in_state in rows.groupby("state", sort=False):
            y = [wrap_label(v) for v in rows_in_state["label"]]
            trace = {
                "type": "bar",
                "y": y,
                "orientation": "h",
                "offsetgroup": election_id,
                "legendgroup": election_id,
                "cliponaxis": False,
                "textposition": "outside",
            }
            if state == SHOWN:
                trace.update(
                    x=rows_in_state["share_pct"],
                    name=cycle_label,
                    marker={"color": colour},
                    text=[format_number(v, 1, lang) + "%" for v in rows_in_state["share_pct"]],
                    customdata=[format_number(v, 0, lang) for v in rows_in_state["reported"]],
                    hovertemplate="%{y}<br>%{x:.1f}% (n = %{customdata})<extra>" + name + "</extra>",
                )
            elif state == WITHHELD:
                trace.update(
                    x=[0.8] * len(y),
                    name=f"{cycle_label}: {withheld_label}",
                    showlegend=True,
                    **STAND_IN,
                    marker={
                        "color": palette.WITHHELD,
                        "line": {"color": colour, "width": 1},
                        "pattern": {"shape": "/", "fgcolor": colour, "size": 5},
                    },
                    text=[withheld_label] * len(y),
                    hovertemplate="%{y}<br>" + withheld_label + "<extra>" + name + "</extra>",
                )
            else:
                trace.update(
                    x=[0] * len(y),
                    name=f"{cycle_label}: {not_recorded_label}",
                    showlegend=False,
                    **STAND_IN,
                    marker={"color": "rgba(0,0,0,0)"},
                    text=[not_recorded_label] * len(y),
                    hovertemplate="%{y}<br>" + not_recorded_label + "<extra>" + name + "</extra>",
                )
            traces.append(trace)
    height = max(320, 30 * len(order) * max(1, len(cycle_labels)) + 140)
    # room for the labels written beyond the longest bar ("52,1%"), which a narrow screen cut off
    longest = float(states["share_pct"].max()) if states["share_pct"].notna().any() else 0.0
    return figure(
        traces,
        layout(
            title,
            t("share_of_cases_pct", lang),
            None,
            lang,
            barmode="group",
            height=height,
            legend={"traceorder": "reversed"},
            xaxis={"range": [0, max(longest, 10.0) * 1.3], "automargin": True},
            yaxis={"categoryorder": "array", "categoryarray": [wrap_label(v) for v in order]},
        ),
    )


def crosstab_figure(
    table: pd.DataFrame, title: str, x_title: str, y_title: str, lang: str = "id", withheld_label: str = "< 5"
) -> FigureSpec:
    """A heatmap of reported cases for every pair (row_label × column_label), counts written in.

    Pairs without cases are 0; a count withheld from the public (``reported_withheld``) is left
    uncoloured and reads ``withheld_label``."""
    cells = table.set_index(["row_label", "column_label"])
    pivot = cells["reported"].unstack()
    if "reported_withheld" in cells.columns:
        # in a public table a pair that is not there was withheld (or empty: the same "< 5")
        missing = pivot.isna() if disclosure.is_adjusted(table) else False
        hidden = (
            cells["reported_withheld"].astype(bool).unstack().reindex_like(pivot).fillna(False).astype(bool) | missing
        )
    else:
        hidden = pd.DataFrame(False, index=pivot.index, columns=pivot.columns)
    pivot = pivot.fillna(0).mask(hidden)
    order = pivot.sum(axis=1).sort_values().index
    pivot, hidden = pivot.loc[order], hidden.loc[order]
    text = [
        [withheld_label if h else format_number(v, 0, lang) for v, h in zip(values, flags)]
        for values, flags in zip(pivot.to_numpy(), hidden.to_numpy())
    ]
    heatmap = {
        "type": "heatmap",
        "z": pivot.values,
        "x": [str(v) for v in pivot.columns],
        "y": [wrap_label(v) for v in pivot.index],
        "colorscale": palette.SEQUENTIAL,
        "text": text,
        "texttemplate": "%{text}",
        "hoverongaps": False,
        "hovertemplate": "%{y} × %{x}: %{text}<extra></extra>",
        # every cell writes its count, so no colour bar: on a phone it took a fifth of the width
        "showscale": False,
    }
    return figure(
        [heatmap],
        layout(
            title,
            x_title,
            y_title,
            lang,
            height=max(320, 40 * len(pivot.index) + 240),
            yaxis={"gridcolor": None, "showgrid": False},
            # one line each at 45°: neighbours stay a line apart however narrow the
            # columns; wrapped labels fanned into each other on a phone
            xaxis={"tickangle": -45, "automargin": True},
        ),
    )
