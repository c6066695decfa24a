"""Figures of the Sosialisasi & pencegahan page: the events timeline and cases before/after events."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics import palette
from analytics.charts.spec import STAND_IN, FigureSpec, figure, layout, vertical_line, wrap_label
from analytics.disclosure import withheld_flags
from analytics.formatting import date_ticks, format_date
from analytics.i18n import in_language, t


def events_timeline_figure(events: pd.DataFrame, calendar: pd.DataFrame, lang: str = "id") -> FigureSpec:
    """One marker per event (x = date, y = event type), coloured by province; voting days marked.

    Events dated only to a month or a year are drawn hollow at the first day of the period."""
    label_column = in_language("event_type_label", lang)
    # type names in lines of 18 characters at most: on a phone the long ones took half the width
    type_order = [
        wrap_label(name, 18)
        for name in events.drop_duplicates("event_type").sort_values("event_type_order")[label_column]
    ]
    # plain arrays, split per province with masks: grouping the wide events table copied every
    # column of every group, most of this figure's time
    column = {
        name: events[name].to_numpy(dtype=object)
        for name in (
            "province_code",
            "province_name",
            "event_date",
            "date_precision",
            label_column,
            "region_name",
            "title",
            "organizer",
        )
    }
    dates = pd.to_datetime(events["event_date"]).to_numpy()
    exact = column["date_precision"] == "day"
    traces = []
    # colour says the province (the same on every page); a hollow marker says only "date not exact":
    # each province's legend entry is its filled marker, and hollow has one legend entry of its own
    for index, province in enumerate(sorted(set(column["province_name"]))):
        in_province = column["province_name"] == province
        colour = palette.province_colour(column["province_code"][in_province][0], index)
        for is_exact in (True, False):
            rows = in_province & (exact if is_exact else ~exact)
            if is_exact is False and not rows.any():
                continue
            precision = column["date_precision"][rows]
            when = [format_date(d, lang, p) for d, p in zip(column["event_date"][rows], precision)]
            traces.append(
                {
                    "type": "scatter",
                    "x": dates[rows],
                    "y": [wrap_label(name, 18) for name in column[label_column][rows]],
                    "mode": "markers",
                    "name": province,
                    "legendgroup": province,
                    "showlegend": is_exact,
                    "marker": {
                        "size": 13,
                        "color": colour,
                        "symbol": "circle" if is_exact else "circle-open",
                        "line": {"width": 2},
                    },
                    "customdata": list(
                        zip(when, column["region_name"][rows], column["title"][rows], column["organizer"][rows])
                    ),
                    "hovertemplate": "%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}"
                    "<extra></extra>",
                }
            )
    if (~exact).any():
        traces.append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "name": t("date_not_exact", lang),
                "marker": {"size": 13, "color": palette.MUTED, "symbol": "circle-open", "line": {"width": 2}},
                "hoverinfo": "skip",
            }
        )
    shapes, annotations = [], []
    if len(events):
        start, end = pd.to_datetime(events["event_date"]).min(), pd.to_datetime(events["event_date"]).max()
        shown = calendar[
            pd.to_datetime(calendar["voting_date"]).between(start - pd.Timedelta(days=30), end + pd.Timedelta(days=30))
        ]
        # a short horizontal label ("Pemilu 2024") on one of three rows in turn: on a phone a year
        # is about 20 px, and labels two voting days apart then stand five years apart
        for place, row in enumerate(shown.sort_values("voting_date").itertuples()):
            line, label = vertical_line(
                pd.Timestamp(row.voting_date),
                palette.VOTING_LINE,
                voting_day_label(row, lang),
                dash="dot",
                width=1,
                font={"size": 11},
            )
            shapes.append(line)
            annotations.append({**label, "yshift": 2 + 15 * (place % 3)})
    ticks = date_ticks(dates.min(), dates.max(), lang) if len(dates) else {}
    return figure(
        traces,
        layout(
            t("q_events_timeline", lang),
            None,
            None,
            lang,
            height=max(340, 48 * len(type_order) + 200),
            yaxis={"categoryorder": "array", "categoryarray": type_order[::-1], "gridcolor": "#EEEEEE"},
            xaxis=ticks,
            margin={"t": 110},
            shapes=shapes,
            annotations=annotations,
        ),
    )


def voting_day_label(election, lang: str) -> str:
    """A voting day's short label: the election's kind and year ("Pilkada 2024")."""
    return t(f"election_short_{election.election_type}", lang, year=election.election_year)


def before_after_figure(
    around: pd.DataFrame, window_days: int, lang: str = "id", threshold: int = 5, withheld_label: str | None = None
) -> FigureSpec:
    """Per event, the cases reported in the same regency in the window before and after (a dumbbell).

    In the public view (``withheld_label``) a side whose count is withheld is an open marker at
    ``threshold`` labelled so, never a point at zero; an event whose both sides are withheld says
    nothing a chart could show and is left out (the page says how many)."""
    hidden_before = np.array(withheld_flags(around, "before"), dtype=bool)
    hidden_after = np.array(withheld_flags(around, "after"), dtype=bool)
    if withheld_label:
        hidden_before |= around["before"].isna().to_numpy()
        hidden_after |= around["after"].isna().to_numpy()
        keep = ~(hidden_before & hidden_after)
        around, hidden_before, hidden_after = around[keep], hidden_before[keep], hidden_after[keep]
    labels = [f"{format_date(d, lang)} · {name}" for d, name in zip(around["event_date"], around["region_name"])]
    before = np.where(hidden_before, float(threshold), around["before"].to_numpy(dtype=float, na_value=np.nan))
    after = np.where(hidden_after, float(threshold), around["after"].to_numpy(dtype=float, na_value=np.nan))
    traces = [
        {
            "type": "scatter",
            "x": [b, a],
            "y": [label, label],
            "mode": "lines",
            "showlegend": False,
            "line": {"color": palette.MUTED, "width": 2, "dash": "dot" if hb or ha else "solid"},
            "hoverinfo": "skip",
        }
        for label, b, a, hb, ha in zip(labels, before, after, hidden_before, hidden_after)
    ]
    hover = "%{y}<br>%{customdata[0]}<br>%{x:,d}<extra></extra>"
    titles = around[["title"]].to_numpy()
    for values, hidden, name_key, colour, symbol in (
        (before, hidden_before, "before_event", palette.SECONDARY, "circle"),
        (after, hidden_after, "after_event", palette.PRIMARY, "diamond"),
    ):
        name = t(name_key, lang, days=window_days)
        shown = ~np.asarray(hidden, dtype=bool)
        traces.append(
            {
                "type": "scatter",
                "x": values[shown],
                "y": np.array(labels, dtype=object)[shown],
                "mode": "markers",
                "name": name,
                "legendgroup": name_key,
                "marker": {"color": colour, "size": 11, "symbol": symbol},
                "customdata": titles[shown],
                "hovertemplate": hover,
            }
        )
        if (~shown).any():
            traces.append(
                {
                    "type": "scatter",
                    "x": values[~shown],
                    "y": np.array(labels, dtype=object)[~shown],
                    "mode": "markers",
                    "name": f"{name}: {withheld_label}",
                    "legendgroup": name_key,
                    **STAND_IN,
                    "marker": {"color": colour, "size": 11, "symbol": f"{symbol}-open", "line": {"width": 2}},
                    "customdata": titles[~shown],
                    "hovertemplate": "%{y}<br>%{customdata[0]}<br>" + str(withheld_label) + "<extra></extra>",
                }
            )
    return figure(
        traces,
        layout(
            t("q_before_after", lang, days=window_days),
            t("cases_unit", lang),
            None,
            lang,
            yaxis={"autorange": "reversed", "showgrid": True, "gridcolor": "#F3F3F3"},
            xaxis={"rangemode": "tozero"},
            height=max(340, 26 * len(around) + 160),
        ),
    )
