"""Figures of the Sosialisasi & pencegahan page: the events timeline and cases before/after events."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import palette
from analytics.figures import base_layout
from analytics.formatting import format_date
from analytics.i18n import t


def events_timeline_figure(events: pd.DataFrame, calendar: pd.DataFrame, lang: str = "id") -> go.Figure:
    """One marker per event (x = date, y = event type), coloured by province; voting days marked.

    Events dated only to a month or a year are drawn hollow at the first day of the period."""
    label_column = "event_type_label_en" if lang == "en" else "event_type_label_id"
    type_order = events.drop_duplicates("event_type").sort_values("event_type_order")[label_column].tolist()
    fig = go.Figure()
    for index, (province, rows) in enumerate(events.groupby("province_name", sort=True)):
        exact = rows["date_precision"] == "day"
        when = [format_date(d, lang, p) for d, p in zip(rows["event_date"], rows["date_precision"])]
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(rows["event_date"]), y=rows[label_column], mode="markers", name=province,
            marker={"size": 13, "color": palette.OKABE_ITO[index % len(palette.OKABE_ITO)],
                    "symbol": ["circle" if e else "circle-open" for e in exact], "line": {"width": 2}},
            customdata=list(zip(when, rows["region_name"], rows["title"], rows["organizer"])),
            hovertemplate="%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        ))
    if len(events):
        start, end = pd.to_datetime(events["event_date"]).min(), pd.to_datetime(events["event_date"]).max()
        for row in calendar.itertuples():
            voting = pd.Timestamp(row.voting_date)
            if start - pd.Timedelta(days=30) <= voting <= end + pd.Timedelta(days=30):
                fig.add_shape(type="line", xref="x", yref="paper", x0=voting, x1=voting, y0=0, y1=1,
                              line={"color": palette.VOTING_LINE, "width": 1, "dash": "dot"})
                fig.add_annotation(x=voting, y=1, xref="x", yref="paper", text=row.label, showarrow=False,
                                   yanchor="bottom", textangle=-30, font={"size": 10, "color": palette.VOTING_LINE})
    fig.update_yaxes(categoryorder="array", categoryarray=type_order[::-1], gridcolor="#EEEEEE")
    fig.update_layout(height=max(340, 48 * len(type_order) + 200), margin={"t": 90})
    fig = base_layout(fig, t("q_events_timeline", lang), None, None, lang)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 90, "b": 10})
    return fig


def before_after_figure(around: pd.DataFrame, window_days: int, lang: str = "id") -> go.Figure:
    """Per event, the cases reported in the same regency in the window before and after (a dumbbell)."""
    labels = [f"{format_date(d, lang)} · {name}" for d, name in zip(around["event_date"], around["region_name"])]
    fig = go.Figure()
    for label, before, after in zip(labels, around["before"], around["after"]):
        fig.add_trace(go.Scatter(x=[before, after], y=[label, label], mode="lines", showlegend=False,
                                 line={"color": palette.MUTED, "width": 2}, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=around["before"], y=labels, mode="markers", name=t("before_event", lang, days=window_days),
                             marker={"color": palette.SECONDARY, "size": 11},
                             customdata=around[["title"]], hovertemplate="%{y}<br>%{customdata[0]}<br>%{x:,d}<extra></extra>"))
    fig.add_trace(go.Scatter(x=around["after"], y=labels, mode="markers", name=t("after_event", lang, days=window_days),
                             marker={"color": palette.PRIMARY, "size": 11, "symbol": "diamond"},
                             customdata=around[["title"]], hovertemplate="%{y}<br>%{customdata[0]}<br>%{x:,d}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", showgrid=True, gridcolor="#F3F3F3")
    fig.update_layout(height=max(340, 26 * len(around) + 160))
    return base_layout(fig, t("q_before_after", lang, days=window_days), t("cases_unit", lang), None, lang)
