"""Figures of the Sanksi & tindak lanjut page: the funnel, follow-up by PPK agency, handling
times against the service levels, the backlog by age and the sanction mix."""

from __future__ import annotations

import pandas as pd

from analytics import disclosure, palette
from analytics.charts.spec import STAND_IN, FigureSpec, figure, layout, wrap_label
from analytics.disclosure import withheld_flags
from analytics.formatting import format_count, format_percent
from analytics.i18n import in_language, t

FUNNEL_STAGES = ("reported", "registered", "proven", "recommended", "followed_up", "sanctioned")
STAGE_KEYS = {
    "bawaslu": "stage_bawaslu",
    "forwarding": "stage_forwarding",
    "recommendation": "stage_recommendation",
    "followup": "stage_followup",
}
OPEN_STAGE_KEYS = {
    "pemeriksaan": "open_pemeriksaan",
    "menunggu_rekomendasi": "open_menunggu_rekomendasi",
    "menunggu_ppk": "open_menunggu_ppk",
}
#: The stage an open case has reached, whose colour it is drawn in.
OPEN_STAGE_REACHED = {"pemeriksaan": "registered", "menunggu_rekomendasi": "proven", "menunggu_ppk": "recommended"}
AGE_BANDS = ("0-30", "31-90", "91-180", "181-365", ">365")


def funnel_table(headline: pd.Series, lang: str = "id", threshold: int = 5) -> pd.DataFrame:
    """The funnel stages from a headline_numbers row: stage, label, cases, pct_of_reported and
    the text written on each stage ("< 5" where the public view withheld the count)."""
    cases = [headline[stage] for stage in FUNNEL_STAGES]
    withheld = [bool(headline.get(f"{stage}_withheld", False)) for stage in FUNNEL_STAGES]
    if any(f"{stage}_withheld" in headline.index for stage in FUNNEL_STAGES):
        # a public row: a stage without a number was withheld ("< 5"), never an empty box
        withheld = [hidden or pd.isna(count) for hidden, count in zip(withheld, cases)]
    first = None if pd.isna(cases[0]) or not cases[0] else float(cases[0])
    percents = [None if first is None or pd.isna(c) else round(100.0 * c / first, 1) for c in cases]
    texts = [
        format_count(c, lang, hidden, threshold) + ("" if p is None else f"\n{format_percent(p, 1, lang)}")
        for c, hidden, p in zip(cases, withheld, percents)
    ]
    frame = pd.DataFrame(
        {
            "stage": FUNNEL_STAGES,
            "label": [t(stage, lang) for stage in FUNNEL_STAGES],
            "cases": cases,
            "pct_of_reported": percents,
            "text": texts,
        }
    )
    if any(withheld):
        frame["cases_withheld"] = withheld
    return frame


def funnel_figure(funnel: pd.DataFrame, lang: str = "id") -> FigureSpec:
    stages = {
        "type": "funnel",
        "y": funnel["label"],
        "x": funnel["cases"],
        "text": funnel["text"],
        "textinfo": "text",
        "marker": {"color": [palette.STAGE.get(stage, palette.PRIMARY) for stage in funnel["stage"]]},
        "connector": {"line": {"color": palette.MUTED, "width": 1}},
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }
    return figure([stages], layout(t("q_funnel", lang), None, None, lang, height=380))


def agency_followup_figure(
    agencies: pd.DataFrame, lang: str = "id", min_recommended: int = 5, limit: int = 15, threshold: int = 5
) -> FigureSpec:
    """The PPK agencies with the lowest follow-up rates among those with at least
    ``min_recommended`` recommendations (smaller ones are too noisy to rank). In the public view
    a rate resting on a withheld count is listed after the ranked ones, labelled, never an
    empty bar that looks like zero."""
    eligible = agencies[agencies["recommended"] >= min_recommended]
    hidden = withheld_flags(eligible, "followup_rate_pct")
    ranked = (
        pd.concat([eligible[~hidden].nsmallest(limit, "followup_rate_pct"), eligible[hidden]]).head(limit).iloc[::-1]
    )
    hidden = withheld_flags(ranked, "followup_rate_pct")
    rates = ranked["followup_rate_pct"].to_numpy(dtype=float, na_value=float("nan"))
    withheld_label = f"n < {threshold}"
    texts = [withheld_label if h else format_percent(r, 1, lang) for r, h in zip(rates, hidden)]
    bars = {
        "type": "bar",
        "x": [0.0 if h else r for r, h in zip(rates, hidden)],
        "y": ranked["ppk_agency"],
        "orientation": "h",
        "marker": {"color": [palette.WITHHELD if h else palette.PRIMARY for h in hidden]},
        # counts as text: a withheld one reads "< 5" in the tooltip too, never 0
        "customdata": list(
            zip(
                *(
                    _count_texts(ranked, column, lang, threshold)
                    for column in ("followed_up", "recommended", "pending", "refused")
                )
            )
        ),
        "text": texts,
        "texttemplate": "%{text}",
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{y}<br>%{text} (%{customdata[0]} / %{customdata[1]})<br>"
        + t("pending", lang)
        + ": %{customdata[2]} · "
        + t("refused", lang)
        + ": %{customdata[3]}<extra></extra>",
    }
    return figure(
        [bars],
        layout(
            t("q_agency_followup", lang, n=min_recommended),
            t("followup_rate_pct_axis", lang),
            None,
            lang,
            height=max(320, 28 * len(ranked) + 140),
            xaxis={"range": [0, 112]},
        ),
    )


def _count_texts(frame: pd.DataFrame, column: str, lang: str, threshold: int) -> list[str]:
    return [
        format_count(value, lang, bool(hidden), threshold)
        for value, hidden in zip(frame[column], withheld_flags(frame, column))
    ]


def stage_durations_figure(stages: pd.DataFrame, lang: str = "id") -> FigureSpec:
    """Median (bar) and 90th percentile (marker) of days in each handling stage."""
    labels = [t(STAGE_KEYS[s], lang) for s in stages["stage"]]
    hover = "%{y}: %{x:.0f} " + t("days", lang) + "<extra></extra>"
    traces = [
        {
            "type": "bar",
            "x": stages["median_days"],
            "y": labels,
            "orientation": "h",
            "name": t("median", lang),
            "marker": {"color": palette.PRIMARY},
            "hovertemplate": hover,
        },
        {
            "type": "scatter",
            "x": stages["p90_days"],
            "y": labels,
            "mode": "markers",
            "name": t("p90", lang),
            "marker": {"color": palette.SECONDARY, "size": 12, "symbol": "diamond"},
            "hovertemplate": hover,
            "showlegend": bool(stages["p90_days"].notna().any()),
        },  # no legend entry for points not drawn
    ]
    return figure(
        traces,
        layout(t("q_stage_durations", lang), t("days", lang), None, lang, height=340, yaxis={"autorange": "reversed"}),
    )


def _withheld_stubs(
    labels: list,
    name: str,
    withheld_label: str,
    length: float,
    orientation: str,
    group: str | None = None,
    colour: str = palette.PRIMARY,
) -> dict:
    """Hatched stubs labelled ``withheld_label`` for the ``labels`` whose count was withheld, hatched
    in the colour of the series they stand in for."""
    value, category = ([length] * len(labels), labels)
    trace = {
        "type": "bar",
        "name": f"{name}: {withheld_label}" if name else withheld_label,
        "orientation": orientation,
        **STAND_IN,
        "marker": {
            "color": palette.WITHHELD,
            "line": {"color": colour, "width": 1},
            "pattern": {"shape": "/", "fgcolor": colour, "size": 5},
        },
        "text": [withheld_label] * len(labels),
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{" + ("y" if orientation == "h" else "x") + "}: " + withheld_label + "<extra></extra>",
    }
    trace.update({"x": value, "y": category} if orientation == "h" else {"x": category, "y": value})
    if group:
        trace["offsetgroup"] = group
    return trace


def backlog_numbers(backlog: pd.DataFrame) -> pd.DataFrame:
    """The backlog chart's numbers: in the exact view every stage × age band it draws, 0 where no
    case waits; a public table stays as it is (there an absent band is "< 5", not 0)."""
    if disclosure.is_adjusted(backlog) or backlog.empty:
        return backlog
    grid = pd.MultiIndex.from_product([list(OPEN_STAGE_KEYS), list(AGE_BANDS)], names=["open_stage", "age_band"])
    full = backlog.set_index(["open_stage", "age_band"]).reindex(grid).reset_index()
    full["cases"] = full["cases"].fillna(0).astype("int64")
    stages, bands = list(OPEN_STAGE_KEYS), list(AGE_BANDS)
    full["stage_order"] = [stages.index(stage) + 1 for stage in full["open_stage"]]
    full["band_order"] = [bands.index(band) + 1 for band in full["age_band"]]
    full["oldest_days"] = full["oldest_days"].astype("Int64")
    return full


def backlog_figure(
    backlog: pd.DataFrame, lang: str = "id", withheld_label: str = "< 5", threshold: int = 5
) -> FigureSpec:
    """Open cases by how long they have waited, stacked by the stage they wait in. Every segment
    carries its count; a band with no case reads "0" (exact view), and in a public table a band
    with no shown count is a hatched stub labelled ``withheld_label`` (there an absent band reads
    like a withheld one)."""
    public = disclosure.is_adjusted(backlog)
    traces = []
    shown_any = pd.Series(False, index=list(AGE_BANDS))
    for stage, key in OPEN_STAGE_KEYS.items():
        rows = backlog[backlog["open_stage"] == stage].set_index("age_band").reindex(AGE_BANDS)
        absent = ~rows.index.isin(backlog.loc[backlog["open_stage"] == stage, "age_band"])
        # a band without open cases is 0, but in a public table an absent band reads like a withheld
        # one ("< 5"): it stays missing
        filled = rows["cases"] if public else rows["cases"].mask(absent, 0)
        shown_any |= (filled.fillna(0) > 0).to_numpy()
        traces.append(
            {
                "type": "bar",
                "x": list(AGE_BANDS),
                "y": filled,
                "name": t(key, lang),
                "marker": {"color": palette.STAGE[OPEN_STAGE_REACHED[stage]]},
                "text": [format_count(v, lang) if v and not pd.isna(v) else "" for v in filled],
                "textposition": "inside",
                "hovertemplate": "%{x} " + t("days", lang) + ": %{y:,d}<extra>" + t(key, lang) + "</extra>",
            }
        )
    empty = [band for band in AGE_BANDS if not shown_any[band]]
    if empty and public:
        traces.append(_withheld_stubs(empty, "", withheld_label, 0.3 * threshold, "v"))
    elif empty:
        traces.append(
            {
                "type": "scatter",
                "mode": "text",
                "x": empty,
                "y": [0] * len(empty),
                "text": ["0"] * len(empty),
                "textposition": "top center",
                "showlegend": False,
                "hoverinfo": "skip",
            }
        )
    return figure(
        traces,
        layout(t("q_backlog", lang), t("waiting_days", lang), t("open_cases", lang), lang, barmode="stack", height=380),
    )


def sanction_mix_figure(
    mix: pd.DataFrame, lang: str = "id", withheld_label: str = "< 5", threshold: int = 5
) -> FigureSpec:
    """Recommended against imposed sanctions per type, lightest on top. Every bar is labelled:
    a count, "0", or (withheld from the public) a hatched stub labelled ``withheld_label``."""
    labels = [wrap_label(v) for v in mix[in_language("label", lang)]]
    hover = "%{y}: %{x:,d}<extra></extra>"
    traces = []
    for column, name_key, colour in (
        ("recommended", "recommended_sanction", palette.STAGE["recommended"]),
        ("imposed", "imposed_sanction", palette.STAGE["sanctioned"]),
    ):
        hidden = withheld_flags(mix, column)
        name = t(name_key, lang)
        shown = [label for label, h in zip(labels, hidden) if not h]
        values = mix[column][~hidden]
        traces.append(
            {
                "type": "bar",
                "x": values,
                "y": shown,
                "orientation": "h",
                "name": name,
                "offsetgroup": column,
                "marker": {"color": colour},
                "hovertemplate": hover,
                "text": [format_count(v, lang) for v in values],
                "textposition": "outside",
                "cliponaxis": False,
            }
        )
        if hidden.any():
            traces.append(
                _withheld_stubs(
                    [label for label, h in zip(labels, hidden) if h],
                    name,
                    withheld_label,
                    0.3 * threshold,
                    "h",
                    group=column,
                    colour=colour,
                )
            )
    # the axis always reaches the threshold: with every count withheld it ran to 1,4 and the stubs filled it
    largest = max(
        [
            float(mix[c][~withheld_flags(mix, c)].max())
            for c in ("recommended", "imposed")
            if (~withheld_flags(mix, c)).any() and mix[c][~withheld_flags(mix, c)].notna().any()
        ]
        or [0.0]
    )
    return figure(
        traces,
        layout(
            t("q_sanction_mix", lang),
            t("cases_unit", lang),
            None,
            lang,
            barmode="group",
            height=max(340, 50 * len(mix) + 120),
            xaxis={"range": [0, max(largest, float(threshold)) * 1.25]},
            yaxis={"categoryorder": "array", "categoryarray": labels[::-1]},
        ),
    )
