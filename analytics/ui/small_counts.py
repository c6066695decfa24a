"""Showing register numbers that may have been withheld from the public ("< 5")."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import disclosure, settings
from analytics.charts import summary as summary_charts
from analytics.disclosure import any_withheld, withheld, withheld_flags
from analytics.formatting import format_count, format_number, format_percent
from analytics.i18n import t
from analytics.ui import access, data, filter_choices
from analytics.ui.session import language


def threshold() -> int:
    return settings.small_count_threshold()


def public_view() -> bool:
    """True for anyone not logged in as an analyst: register numbers reach them protected."""
    return not access.is_analyst()


def count_text(row, column: str) -> str:
    """``row[column]`` as a count, or "< 5" where it was withheld."""
    return format_count(row[column], language(), withheld(row, column), threshold())


def count_texts(frame: pd.DataFrame, column: str) -> list[str]:
    """:func:`count_text` of every row, a column at a time."""
    lang, limit = language(), threshold()
    return [
        format_count(value, lang, bool(hidden), limit)
        for value, hidden in zip(frame[column], withheld_flags(frame, column))
    ]


def derived_text(row, column: str, decimals: int = 1, percent: bool = False) -> str:
    """A rate or median that rests on a count: "n < 5" where that count was withheld."""
    if withheld(row, column):
        return t("rests_on_withheld", language(), n=threshold())
    value = row[column]
    return format_percent(value, decimals, language()) if percent else format_number(value, decimals, language())


def derived_texts(frame: pd.DataFrame, column: str, decimals: int = 1, percent: bool = False) -> list[str]:
    """:func:`derived_text` of every row, a column at a time."""
    lang = language()
    rests_on_withheld = t("rests_on_withheld", lang, n=threshold())
    shown = format_percent if percent else format_number
    return [
        rests_on_withheld if hidden else shown(value, decimals, lang)
        for value, hidden in zip(frame[column], withheld_flags(frame, column))
    ]


def withheld_note(frame: pd.DataFrame) -> str | None:
    """The sentence that explains "< 5", when ``frame`` has a withheld number."""
    return t("withheld_note", language(), n=threshold()) if any_withheld(frame) else None


def too_detailed(frame: pd.DataFrame) -> bool:
    """True (and says so) when the public asked for more detail than its numbers may show."""
    if not disclosure.is_too_detailed(frame):
        return False
    st.info(t("too_detailed_public", language(), n=disclosure.RESTRICTION_BUDGET), icon=":material/shield_person:")
    return True


def too_few_to_break_down(headline: pd.Series) -> bool:
    """True (and says so) when the selection's case count itself is withheld, or the view is too
    detailed for the public: every breakdown of it would be withheld too, so the page shows the
    headline and stops there."""
    if too_detailed(headline):
        return True
    if not withheld(headline, "reported"):
        return False
    st.info(t("too_few_public", language(), n=threshold()), icon=":material/shield_person:")
    return True


def trend_queries(filters) -> list[tuple]:
    """The queries :func:`trend` asks first, as ``data.prefetch`` takes them (none once it is made)."""
    if data.is_shaped("trend", *_trend_args(filters, None)):
        return []
    return [("cases_over_time", filters, {"bucket": "week" if filters.election_id else "month"})]


def aligned_queries(filters) -> list[tuple]:
    """The queries :func:`aligned` asks, as ``data.prefetch`` takes them (none once it is made)."""
    if data.is_shaped("aligned", *_aligned_args(filters, None)):
        return []
    bins = summary_charts.ALIGNED_BINS if public_view() else summary_charts.ALIGNED_BINS[:1]
    return [("cases_by_days_before_voting", filters.with_election(None), {"bin_days": b}) for b in bins]


def trend(filters, title_lang: str | None = None):
    """The trend chart and its numbers: by week for one cycle, by month otherwise. In the public
    view a weekly trend whose weeks are mostly without a number is shown by month instead, and
    every period without a number is marked "< 5" (:func:`analytics.charts.summary.trend_figure`).
    Returns (figure, numbers, note), made once per filters, language, audience and data version."""
    return data.shaped("trend", _trend, *_trend_args(filters, title_lang))


def _trend_args(filters, lang: str | None) -> tuple:
    return filters, lang or language(), threshold()


def _trend(filters, lang: str, limit: int):
    public = public_view()
    bucket = "week" if filters.election_id else "month"
    over_time = data.query("cases_over_time", filters, bucket=bucket)
    note = None
    if public and bucket == "week" and (over_time.empty or summary_charts.mostly_withheld(over_time, "week")):
        bucket = "month"
        over_time = data.query("cases_over_time", filters, bucket=bucket)
        note = t("trend_by_month", lang, n=limit)
    label = t("withheld_legend", lang, n=limit) if public else None
    figure = summary_charts.trend_figure(
        over_time,
        data.query("elections"),
        data.query("milestones"),
        lang,
        bucket,
        withheld_label=label,
        threshold=limit,
    )
    if public:  # a period outside the drawn range is below the threshold too: said in every public trend
        over_time = summary_charts.with_unshown_rows(over_time, bucket)  # the CSV lists the "< 5" periods too
        note = " ".join(filter(None, [note, t("trend_withheld_note", lang, n=limit)]))
    return figure, over_time, note


def aligned(filters, lang: str | None = None):
    """The cycles-aligned chart (cases by days before voting day, every cycle) and its numbers. The
    public view takes the finest bin (1, 2 or 4 weeks) of those that draw the most cycles
    (:func:`analytics.charts.summary.aligned_bin`), marks each bin without a number "< 5" and
    lists those bins in the numbers. Returns (figure, numbers, note), made once per area and
    filters (the chart shows every cycle, so the chosen one does not matter), language, audience
    and data version."""
    return data.shaped("aligned", _aligned, *_aligned_args(filters, lang))


def _aligned_args(filters, lang: str | None) -> tuple:
    return filters.with_election(None), lang or language(), threshold()


def _aligned(every_cycle, lang: str, limit: int):
    public = public_view()
    bin_days = summary_charts.ALIGNED_BINS[0]
    by_days = data.query("cases_by_days_before_voting", every_cycle, bin_days=bin_days)
    note = None
    if public:
        tried = {bin_days: by_days}
        for coarser in summary_charts.ALIGNED_BINS[1:]:
            tried[coarser] = data.query("cases_by_days_before_voting", every_cycle, bin_days=coarser)
        bin_days = summary_charts.aligned_bin(tried)
        by_days = tried[bin_days]
        note = " ".join(
            filter(
                None,
                [
                    t("aligned_by_days", lang, days=bin_days, n=limit)
                    if bin_days != summary_charts.ALIGNED_BINS[0]
                    else None,
                    t("aligned_withheld_note", lang, n=limit, days=bin_days),
                ],
            )
        )
    figure = summary_charts.aligned_cycles_figure(
        by_days,
        filter_choices.choices(lang).elections,
        lang,
        bin_days=bin_days,
        threshold=limit,
        withheld_label=t("withheld_legend", lang, n=limit) if public else None,
    )
    return figure, summary_charts.aligned_with_gaps(by_days, bin_days) if public else by_days, note
