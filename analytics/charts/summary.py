"""Charts of Ringkasan and Profil wilayah: the trend with its phases, the cycles aligned on voting
day, the regencies with most cases, shares of a total; and what a public trend or pace chart
leaves out (periods and bins below the threshold)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics import palette
from analytics.charts.spec import STAND_IN, FigureSpec, figure, layout, vertical_line, wrap_label
from analytics.disclosure import visible, withheld_flags
from analytics.formatting import date_ticks, format_date, format_number
from analytics.i18n import t


def _band(start, end, color: str, name: str | None) -> tuple[dict, dict]:
    """A shaded phase: the rectangle, and an invisible trace so that it appears in the legend."""
    shape = {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": start,
        "x1": end,
        "y0": 0,
        "y1": 1,
        "fillcolor": color,
        "line": {"width": 0},
        "layer": "below",
    }
    legend_entry = {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "name": name,
        "marker": {"size": 12, "symbol": "square", "color": color},
        "hoverinfo": "skip",
    }
    if name is None:
        legend_entry["showlegend"] = False
    return shape, legend_entry


def _within(value, start, end) -> bool:
    return value is not None and not pd.isna(value) and start <= pd.Timestamp(value) <= end


#: A public weekly trend is shown by month when more than this share of its weeks has no number.
MOSTLY_WITHHELD = 0.5

PERIOD_FREQUENCY = {"week": "W-MON", "month": "MS", "quarter": "QS", "year": "YS"}

PERIOD_DAYS = {"week": 7, "month": 30.4, "quarter": 91.3, "year": 365.2}


def unshown_periods(over_time: pd.DataFrame, bucket: str) -> pd.DatetimeIndex:
    """The periods from the first to the last in ``over_time`` that have no shown reported count:
    absent rows (a public table leaves out rows whose counts are all below the threshold) and
    withheld counts. In the public view each of them is "< 5", zero included."""
    if not len(over_time) or bucket not in PERIOD_FREQUENCY:
        return pd.DatetimeIndex([])
    starts = pd.to_datetime(over_time["period_start"])
    grid = pd.date_range(starts.min(), starts.max(), freq=PERIOD_FREQUENCY[bucket])
    shown = starts[visible(over_time, "reported")]
    return grid.difference(pd.DatetimeIndex(shown))


def with_unshown_rows(over_time: pd.DataFrame, bucket: str) -> pd.DataFrame:
    """``over_time`` with a row for every period between its first and last that the public table
    left out, its counts empty and flagged withheld: the chart's CSV then lists every period it
    draws, "< 5" ones included, as its note says."""
    missing = unshown_periods(over_time, bucket)
    starts = pd.to_datetime(over_time["period_start"]) if len(over_time) else pd.DatetimeIndex([])
    missing = missing.difference(pd.DatetimeIndex(starts))
    if not len(missing):
        return over_time
    added = pd.DataFrame({"period_start": missing})
    for column in over_time.columns:
        if column.endswith("_withheld"):
            added[column] = True
    result = pd.concat([over_time, added], ignore_index=True).sort_values("period_start", ignore_index=True)
    result.attrs.update(over_time.attrs)
    for column in [c for c in result.columns if c.endswith("_withheld")]:
        result[column] = result[column].fillna(True).astype(bool)
    return result


def mostly_withheld(over_time: pd.DataFrame, bucket: str) -> bool:
    """True when more than :data:`MOSTLY_WITHHELD` of the periods have no shown number."""
    if not len(over_time) or bucket not in PERIOD_FREQUENCY:
        return False
    starts = pd.to_datetime(over_time["period_start"])
    periods = len(pd.date_range(starts.min(), starts.max(), freq=PERIOD_FREQUENCY[bucket]))
    return len(unshown_periods(over_time, bucket)) > MOSTLY_WITHHELD * periods


def trend_figure(
    over_time: pd.DataFrame,
    calendar: pd.DataFrame,
    milestones: pd.DataFrame,
    lang: str = "id",
    bucket: str = "week",
    withheld_label: str | None = None,
    threshold: int = 5,
) -> FigureSpec:
    """Reported (bars) and proven (line) cases over time, with the election phases shaded.

    ``calendar`` holds the election rows whose phases fall in the plotted range (voting_date,
    campaign_start/end, quiet_start/end); ``milestones`` the institutional milestones (the
    KASN→BKN hand-over is marked when it falls in range). With ``withheld_label`` (the public
    view), every period without a shown count (:func:`unshown_periods`) is a hatched bar
    ``threshold`` high labelled so, never a gap that reads as zero.
    """
    x = pd.to_datetime(over_time["period_start"])
    # the period's date in the page's language (Plotly's own %b is English)
    hover = "%{customdata}: %{y:,d}<extra></extra>"
    proven_x, proven = x, over_time["proven"]
    if len(x) and bucket in PERIOD_FREQUENCY:
        # the proven line runs over every period: in the exact view a period without a row had no
        # case (0); in the public one it had no number, and the line breaks there
        grid = pd.date_range(x.min(), x.max(), freq=PERIOD_FREQUENCY[bucket])
        shown = over_time["proven"].where(~withheld_flags(over_time, "proven")).to_numpy(dtype=float, na_value=np.nan)
        line = pd.Series(shown, index=x.to_numpy()).reindex(grid)
        proven_x, proven = grid, line if withheld_label else line.fillna(0)
    precision = "day" if bucket == "week" else "month"
    traces = [
        {
            "type": "bar",
            "x": x,
            "y": over_time["reported"],
            "name": t("reported", lang),
            "marker": {"color": palette.PRIMARY},
            "hovertemplate": hover,
            "customdata": [format_date(d, lang, precision) for d in x],
        },
        {
            "type": "scatter",
            "x": proven_x,
            "y": proven,
            "name": t("proven", lang),
            "mode": "lines+markers",
            "connectgaps": False,
            "line": {"color": palette.STAGE["proven"], "width": 2},
            "hovertemplate": hover,
            "customdata": [format_date(d, lang, precision) for d in pd.to_datetime(pd.Index(proven_x))],
        },
    ]
    unshown = unshown_periods(over_time, bucket) if withheld_label else pd.DatetimeIndex([])
    if len(unshown):
        traces.insert(
            1,
            {
                "type": "bar",
                "x": unshown,
                "y": [threshold] * len(unshown),
                "name": withheld_label,
                **STAND_IN,
                # a bar as wide as its period: alone, plotly would size it from its own sparse dates
                "width": [PERIOD_DAYS[bucket] * 0.9 * 86_400_000] * len(unshown),
                "marker": {
                    "color": palette.WITHHELD,
                    "line": {"color": palette.PRIMARY, "width": 1},
                    "pattern": {"shape": "/", "fgcolor": palette.PRIMARY, "size": 5},
                },
                "customdata": [format_date(d, lang, precision) for d in unshown],
                "hovertemplate": "%{customdata}: " + withheld_label + "<extra></extra>",
            },
        )
    shapes, annotations = [], []
    if len(x):
        start, end = x.min() - pd.Timedelta(days=7), x.max() + pd.Timedelta(days=7)
        shown_campaign = shown_quiet = False
        for row in calendar.itertuples():
            near = _within(row.voting_date, start, end + pd.Timedelta(days=60))
            bands = []
            if not pd.isna(row.campaign_start) and not pd.isna(row.campaign_end) and near:
                bands.append(
                    _band(
                        row.campaign_start,
                        row.campaign_end,
                        palette.CAMPAIGN_BAND,
                        t("campaign", lang) if not shown_campaign else None,
                    )
                )
                shown_campaign = True
            if not pd.isna(row.quiet_start) and not pd.isna(row.quiet_end) and near:
                bands.append(
                    _band(
                        row.quiet_start,
                        row.quiet_end,
                        palette.QUIET_BAND,
                        t("quiet", lang) if not shown_quiet else None,
                    )
                )
                shown_quiet = True
            for shape, legend_entry in bands:
                shapes.append(shape)
                traces.append(legend_entry)
            if _within(row.voting_date, start, end):
                line, label = vertical_line(row.voting_date, palette.VOTING_LINE, t("voting_day", lang), dash="solid")
                shapes.append(line)
                annotations.append(label)
        for row in milestones.itertuples():
            if row.milestone_id == "kasn-to-bkn" and _within(row.milestone_date, start, end):
                line, label = vertical_line(row.milestone_date, palette.MILESTONE_LINE, t("kasn_bkn", lang))
                shapes.append(line)
                # inside the plot, right of its line: above it, it ran into the voting day's label
                annotations.append(
                    {
                        **label,
                        "y": 0.98,
                        "yanchor": "top",
                        "xanchor": "left",
                        "xshift": 3,
                        "bgcolor": "rgba(255,255,255,0.85)",
                    }
                )
    y_title = t("cases_per_week" if bucket == "week" else "cases_per_month", lang)
    ticks = date_ticks(x.min(), x.max(), lang, finest="day" if bucket == "week" else "month") if len(x) else {}
    return figure(
        traces,
        layout(
            t("q_trend", lang),
            None,
            y_title,
            lang,
            barmode="overlay",
            bargap=0.1,
            shapes=shapes,
            annotations=annotations,
            xaxis=ticks,
        ),
    )


#: Bin widths (days) of the cycles-aligned chart, finest first. The public view takes the finest
#: of those that read best (:func:`aligned_bin`).
ALIGNED_BINS = (7, 14, 28)


def _aligned_grid(by_days: pd.DataFrame, bin_days: int) -> dict[str, list[int]]:
    """Per cycle, every bin from its first to its last shown one."""
    shown = by_days[visible(by_days, "reported")]
    return {
        election_id: list(range(int(days.min()), int(days.max()) + 1, bin_days))
        for election_id, days in shown.groupby("election_id", sort=True)["days_before_voting"]
    }


def aligned_bin(by_bin: dict[int, pd.DataFrame]) -> int:
    """The bin width (a key of ``by_bin``, the public numbers binned so) that reads best: the one
    drawing the most cycles as a line of at least three shown numbers, the finest of equals. A
    finer bin that leaves each cycle a point or two compares nothing; when no width draws a line,
    the one with the most shown numbers."""

    def counts(by_days: pd.DataFrame) -> tuple[int, int]:
        shown = by_days[visible(by_days, "reported")]
        return int((shown.groupby("election_id").size() >= 3).sum()), len(shown)

    scored = {days: counts(rows) for days, rows in sorted(by_bin.items())}
    lines = max(score[0] for score in scored.values())
    if lines == 0:
        return max(scored, key=lambda days: scored[days][1])
    return next(days for days, score in scored.items() if score[0] == lines)


def aligned_with_gaps(by_days: pd.DataFrame, bin_days: int) -> pd.DataFrame:
    """The public numbers of the aligned chart with a row for each bin it marks "< threshold" (a
    bin between a cycle's first and last shown one without a row): counts empty, flagged withheld."""
    present = set(zip(by_days["election_id"], by_days["days_before_voting"].astype(int)))
    missing = [
        (election_id, day)
        for election_id, bins in _aligned_grid(by_days, bin_days).items()
        for day in bins
        if (election_id, day) not in present
    ]
    if not missing:
        return by_days
    added = pd.DataFrame(missing, columns=["election_id", "days_before_voting"])
    for column in by_days.columns:
        if column.endswith("_withheld"):
            added[column] = True
    result = pd.concat([by_days, added], ignore_index=True).sort_values(
        ["election_id", "days_before_voting"], ignore_index=True
    )
    result.attrs.update(by_days.attrs)
    return result


def aligned_cycles_figure(
    by_days: pd.DataFrame,
    election_labels: dict[str, str],
    lang: str = "id",
    bin_days: int = 7,
    withheld_label: str | None = None,
    threshold: int = 5,
) -> FigureSpec:
    """Cases per bin of days before voting day, one line per cycle; voting day at x = 0. With
    ``withheld_label`` (the public view), a bin without a shown count between a cycle's first and
    last is an open marker at ``threshold`` labelled so, and the line breaks there: a gap is
    never drawn as a line through zero."""
    traces = []
    for index, (election_id, rows) in enumerate(by_days.groupby("election_id", sort=True)):
        colour = palette.cycle_colour(election_id, index)
        name = election_labels.get(election_id, election_id)
        shown = rows[visible(rows, "reported")]
        bins = range(int(rows["days_before_voting"].min()), int(rows["days_before_voting"].max()) + 1, bin_days)
        # every bin of the cycle's span, so that a bin without a number breaks the line
        line = pd.Series(shown["reported"].to_numpy(), index=shown["days_before_voting"].to_numpy()).reindex(list(bins))
        if not withheld_label:
            line = line.fillna(0)  # the exact view: a bin without a row had no case
        traces.append(
            {
                "type": "scatter",
                "x": list(line.index),
                "y": line.to_numpy(),
                "mode": "lines+markers",
                "name": name,
                "legendgroup": election_id,
                "line": {"color": colour, "width": 2},
                "connectgaps": False,
                "hovertemplate": "%{x} " + t("days", lang) + ": %{y:,d}<extra>%{fullData.name}</extra>",
            }
        )
        gaps = [b for b in bins if pd.isna(line.get(b))]
        if withheld_label and gaps:
            traces.append(
                {
                    "type": "scatter",
                    "x": gaps,
                    "y": [threshold] * len(gaps),
                    "mode": "markers",
                    **STAND_IN,
                    # one legend entry for the open circles of every cycle
                    "name": withheld_label,
                    "legendgroup": "withheld",
                    "showlegend": not any(trace.get("legendgroup") == "withheld" for trace in traces),
                    "marker": {"color": colour, "symbol": "circle-open", "size": 8},
                    "hovertemplate": "%{x} " + t("days", lang) + ": " + withheld_label + "<extra>" + name + "</extra>",
                }
            )
    line, label = vertical_line(0, palette.VOTING_LINE, t("voting_day", lang), dash="solid")
    per_bin = t("cases_per_week", lang) if bin_days == 7 else t("cases_per_days", lang, n=bin_days)
    return figure(
        traces,
        layout(
            t("q_aligned", lang),
            t("days_before_voting", lang),
            per_bin,
            lang,
            xaxis={"autorange": "reversed"},
            shapes=[line],
            annotations=[label],
        ),
    )


def hotspots_figure(hotspots: pd.DataFrame, lang: str = "id", withheld_label: str = "< 5") -> FigureSpec:
    """Horizontal bars of reported cases by regency, largest on top (a count withheld from the
    public reads ``withheld_label``)."""
    ordered = hotspots.sort_values("reported", ascending=True)
    reported = _count_labels(ordered, "reported", lang, withheld_label)
    bars = {
        "type": "bar",
        "x": ordered["reported"],
        "y": ordered["region_name"],
        "orientation": "h",
        "marker": {"color": palette.PRIMARY},
        "text": reported,
        "textposition": "auto",
        "customdata": list(
            zip(ordered["province_name"], reported, _count_labels(ordered, "proven", lang, withheld_label))
        ),
        "hovertemplate": "%{y} (%{customdata[0]})<br>"
        + t("reported", lang)
        + ": %{customdata[1]}<br>"
        + t("proven", lang)
        + ": %{customdata[2]}<extra></extra>",
    }
    return figure([bars], layout(t("q_hotspots", lang), t("cases_unit", lang), None, lang, yaxis={"showgrid": False}))


def _count_labels(frame: pd.DataFrame, column: str, lang: str, withheld_label: str) -> list[str]:
    return [
        withheld_label if hidden else format_number(value, 0, lang)
        for value, hidden in zip(frame[column], withheld_flags(frame, column))
    ]


def share_bars_figure(
    counts: pd.DataFrame, title: str, lang: str = "id", total: float | None = None, withheld_label: str = "< 5"
) -> FigureSpec:
    """Horizontal bars of reported cases per labelled code (``label``, ``reported``), largest on top.

    Shares are of ``total`` (the selection's case count) when given, else of the counts' sum.
    Every bar is labelled with its count and share; a withheld count is a hatched stub labelled
    ``withheld_label``, below the others, with no share."""
    hidden = withheld_flags(counts, "reported")
    shown = counts[~hidden].groupby("label", as_index=False)["reported"].sum(min_count=1).sort_values("reported")
    total = shown["reported"].sum() if total is None or pd.isna(total) else total
    shares = (100.0 * shown["reported"] / total).round(1) if total else shown["reported"] * 0.0
    withheld_rows = sorted(set(counts.loc[hidden, "label"]) - set(shown["label"]), reverse=True)
    traces = []
    if withheld_rows:
        traces.append(
            {
                "type": "bar",
                "x": [0.5] * len(withheld_rows),
                "y": [wrap_label(v) for v in withheld_rows],
                "orientation": "h",
                "name": withheld_label,
                "showlegend": False,
                **STAND_IN,
                "marker": {
                    "color": palette.WITHHELD,
                    "line": {"color": palette.PRIMARY, "width": 1},
                    "pattern": {"shape": "/", "fgcolor": palette.PRIMARY, "size": 5},
                },
                "text": [withheld_label] * len(withheld_rows),
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{y}<br>" + withheld_label + "<extra></extra>",
            }
        )
    traces.append(
        {
            "type": "bar",
            "x": shown["reported"],
            "y": [wrap_label(v) for v in shown["label"]],
            "orientation": "h",
            "marker": {"color": palette.PRIMARY},
            "customdata": shares,
            "name": t("cases_unit", lang),
            "showlegend": False,
            "text": [
                f"{format_number(n, 0, lang)} · {format_number(sh, 1, lang)}%"
                for n, sh in zip(shown["reported"], shares)
            ],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": "%{y}<br>%{x:,d} (%{customdata:.1f}%)<extra></extra>",
        }
    )
    rows = len(shown) + len(withheld_rows)
    return figure(traces, layout(title, t("cases_unit", lang), None, lang, height=max(300, 44 * rows + 120)))
