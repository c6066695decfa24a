"""Pure figure builders: DataFrame in, ``go.Figure`` out. No Streamlit, no SQL."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analytics import palette
from analytics.formatting import format_number
from analytics.i18n import t

SEPARATORS = {"id": ",.", "en": ".,"}


#: The project's Plotly template, small on purpose: Plotly's default template is copied into
#: every figure and validated again whenever a figure is rebuilt from a dict (as Streamlit does
#: for each chart), which cost more than everything else on a page.
TEMPLATE = go.layout.Template(layout={
    "colorway": palette.OKABE_ITO,
    "plot_bgcolor": "white",
    "paper_bgcolor": "white",
    "font": {"family": "sans-serif", "color": "#2A2E35"},
    "hoverlabel": {"namelength": -1},
    "xaxis": {"showgrid": False, "automargin": True, "zeroline": False, "linecolor": "#B8BCC4", "ticks": "outside",
              "tickcolor": "#B8BCC4"},
    "yaxis": {"gridcolor": "#EEEEEE", "rangemode": "tozero", "automargin": True, "zeroline": False},
})
pio.templates["pantau"] = TEMPLATE
pio.templates.default = "pantau"


def base_layout(fig: go.Figure, title: str, x_title: str | None, y_title: str | None, lang: str) -> go.Figure:
    """Common layout: the question as title, units on the axes, legend under the chart (phones)."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        xaxis_title=x_title,
        yaxis_title=y_title,
        separators=SEPARATORS.get(lang, ",."),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0},
    )
    return fig


def wrap_label(text: str, width: int = 28) -> str:
    """Break a long axis label into lines of at most ``width`` characters (plotly's <br>)."""
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def _band(fig: go.Figure, start, end, color: str, name: str) -> None:
    fig.add_shape(type="rect", xref="x", yref="paper", x0=start, x1=end, y0=0, y1=1,
                  fillcolor=color, line_width=0, layer="below")
    # an invisible trace so that the band appears in the legend
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name,
                             marker={"size": 12, "symbol": "square", "color": color}, hoverinfo="skip"))


def _vertical_line(fig: go.Figure, when, color: str, text: str, dash: str = "dash") -> None:
    fig.add_shape(type="line", xref="x", yref="paper", x0=when, x1=when, y0=0, y1=1,
                  line={"color": color, "width": 1.5, "dash": dash})
    fig.add_annotation(x=when, y=1, xref="x", yref="paper", text=text, showarrow=False,
                       yanchor="bottom", font={"size": 11, "color": color})


def _within(value, start, end) -> bool:
    return value is not None and not pd.isna(value) and start <= pd.Timestamp(value) <= end


def trend_figure(
    over_time: pd.DataFrame,
    calendar: pd.DataFrame,
    milestones: pd.DataFrame,
    lang: str = "id",
    bucket: str = "week",
) -> go.Figure:
    """Reported (bars) and proven (line) cases over time, with the election phases shaded.

    ``calendar`` holds the election rows whose phases fall in the plotted range (voting_date,
    campaign_start/end, quiet_start/end); ``milestones`` the institutional milestones (the
    KASN→BKN hand-over is marked when it falls in range).
    """
    fig = go.Figure()
    x = pd.to_datetime(over_time["period_start"])
    fig.add_trace(go.Bar(x=x, y=over_time["reported"], name=t("reported", lang), marker_color=palette.PRIMARY,
                         hovertemplate="%{x|%d %b %Y}: %{y:,d}<extra></extra>"))
    fig.add_trace(go.Scatter(x=x, y=over_time["proven"], name=t("proven", lang), mode="lines+markers",
                             line={"color": palette.SECONDARY, "width": 2},
                             hovertemplate="%{x|%d %b %Y}: %{y:,d}<extra></extra>"))
    if len(x):
        start, end = x.min() - pd.Timedelta(days=7), x.max() + pd.Timedelta(days=7)
        shown_campaign = shown_quiet = False
        for row in calendar.itertuples():
            if not pd.isna(row.campaign_start) and not pd.isna(row.campaign_end) and _within(row.voting_date, start, end + pd.Timedelta(days=60)):
                _band(fig, row.campaign_start, row.campaign_end, palette.CAMPAIGN_BAND,
                      t("campaign", lang) if not shown_campaign else None)
                shown_campaign = True
            if not pd.isna(row.quiet_start) and not pd.isna(row.quiet_end) and _within(row.voting_date, start, end + pd.Timedelta(days=60)):
                _band(fig, row.quiet_start, row.quiet_end, palette.QUIET_BAND,
                      t("quiet", lang) if not shown_quiet else None)
                shown_quiet = True
            if _within(row.voting_date, start, end):
                _vertical_line(fig, row.voting_date, palette.VOTING_LINE, t("voting_day", lang), dash="solid")
        for row in milestones.itertuples():
            if row.milestone_id == "kasn-to-bkn" and _within(row.milestone_date, start, end):
                _vertical_line(fig, row.milestone_date, palette.MILESTONE_LINE, t("kasn_bkn", lang))
        for trace in fig.data:
            if trace.name is None:
                trace.showlegend = False
    y_title = t("cases_per_week" if bucket == "week" else "cases_per_month", lang)
    fig.update_layout(barmode="overlay", bargap=0.1)
    return base_layout(fig, t("q_trend", lang), None, y_title, lang)


def aligned_cycles_figure(by_days: pd.DataFrame, election_labels: dict[str, str], lang: str = "id") -> go.Figure:
    """Cases per bin of days before voting day, one line per cycle; voting day at x = 0."""
    fig = go.Figure()
    for index, (election_id, rows) in enumerate(by_days.groupby("election_id", sort=True)):
        fig.add_trace(go.Scatter(
            x=rows["days_before_voting"], y=rows["reported"], mode="lines+markers",
            name=election_labels.get(election_id, election_id),
            line={"color": palette.OKABE_ITO[index % len(palette.OKABE_ITO)], "width": 2},
            hovertemplate="%{x} " + t("days", lang) + ": %{y:,d}<extra>%{fullData.name}</extra>",
        ))
    fig.add_shape(type="line", xref="x", yref="paper", x0=0, x1=0, y0=0, y1=1,
                  line={"color": palette.VOTING_LINE, "width": 1.5})
    fig.add_annotation(x=0, y=1, xref="x", yref="paper", text=t("voting_day", lang), showarrow=False,
                       yanchor="bottom", font={"size": 11, "color": palette.VOTING_LINE})
    fig.update_xaxes(autorange="reversed")
    return base_layout(fig, t("q_aligned", lang), t("days_before_voting", lang),
                       t("cases_per_week", lang), lang)


def hotspots_figure(hotspots: pd.DataFrame, lang: str = "id", withheld_label: str = "< 5") -> go.Figure:
    """Horizontal bars of reported cases by regency, largest on top (a count withheld from the
    public reads ``withheld_label``)."""
    ordered = hotspots.sort_values("reported", ascending=True)
    reported = _count_labels(ordered, "reported", lang, withheld_label)
    fig = go.Figure(go.Bar(
        x=ordered["reported"], y=ordered["region_name"], orientation="h",
        marker_color=palette.PRIMARY, text=reported, textposition="auto",
        customdata=list(zip(ordered["province_name"], reported, _count_labels(ordered, "proven", lang, withheld_label))),
        hovertemplate="%{y} (%{customdata[0]})<br>" + t("reported", lang) + ": %{customdata[1]}<br>"
                      + t("proven", lang) + ": %{customdata[2]}<extra></extra>",
    ))
    fig.update_yaxes(showgrid=False)
    return base_layout(fig, t("q_hotspots", lang), t("cases_unit", lang), None, lang)


def _count_labels(frame: pd.DataFrame, column: str, lang: str, withheld_label: str) -> list[str]:
    flags = frame.get(f"{column}_withheld", pd.Series(False, index=frame.index)).fillna(False)
    return [withheld_label if hidden else format_number(value, 0, lang) for value, hidden in zip(frame[column], flags)]


def share_bars_figure(counts: pd.DataFrame, title: str, lang: str = "id", total: float | None = None) -> go.Figure:
    """Horizontal bars of reported cases per labelled code (``label``, ``reported``), largest on top.

    Shares are of ``total`` (the selection's case count) when given, else of the counts' sum;
    a withheld count has neither bar nor share."""
    ordered = counts.groupby("label", as_index=False)["reported"].sum(min_count=1).sort_values("reported")
    total = ordered["reported"].sum() if total is None or pd.isna(total) else total
    shares = (100.0 * ordered["reported"] / total).round(1) if total else ordered["reported"] * 0.0
    fig = go.Figure(go.Bar(
        x=ordered["reported"], y=[wrap_label(v) for v in ordered["label"]], orientation="h",
        marker_color=palette.PRIMARY, customdata=shares, texttemplate="%{customdata:.1f}%", textposition="auto",
        hovertemplate="%{y}<br>%{x:,d} (%{customdata:.1f}%)<extra></extra>",
    ))
    fig.update_layout(height=max(300, 44 * len(ordered) + 120))
    return base_layout(fig, title, t("cases_unit", lang), None, lang)
