"""Jenis pelanggaran: per-dimension shares for the focus cycle and the cycles it is compared with."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import disclosure, queries
from analytics.charts.categories import shares
from analytics.disclosure import withheld
from analytics.filters import Filters
from analytics.formatting import format_number, format_percent
from analytics.i18n import t
from analytics.ui import data, small_counts
from analytics.ui.labels import code_labels
from analytics.ui.session import language


def cycle_shares(filters: Filters, dimension: str, cycles: list[str | None]) -> pd.DataFrame:
    """Counts and shares per code for each cycle in ``cycles`` (None: all cycles pooled as 'semua')."""
    frames, totals = [], {}
    for cycle in cycles:
        cycle_filters = filters.with_election(cycle)
        frames.append(data.query("cases_by_dimension", cycle_filters, dimension=dimension, pooled=cycle is None))
        # the share's denominator is the cycle's own total, which stays right when parts are withheld
        totals[cycle or "semua"] = data.query("headline_numbers", cycle_filters).iloc[0]["reported"]
    counts = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["election_id", "code", "reported", "proven"])
    )
    # concat keeps attrs only where every frame has the same: a cycle too detailed for the public
    # makes the whole comparison so, and any adjusted cycle makes it adjusted
    marks = {
        "adjusted": any(disclosure.is_adjusted(f) for f in frames),
        "too_detailed": any(disclosure.is_too_detailed(f) for f in frames),
    }
    counts = shares(counts, totals)
    counts["label"] = counts["code"].map(code_labels(dimension, counts["code"].unique()))
    flags = [column for column in ("reported_withheld", "proven_withheld") if column in counts.columns]
    result = counts[["election_id", "code", "label", "reported", "proven", "share_pct", *flags]]
    result.attrs.update(marks)
    return result


def recorded_codes(dimension: str) -> set[tuple[str, str]] | None:
    """(cycle, code) pairs the register's cycles use at all (``register_codes``); None for a
    dimension whose codes are the same in every cycle."""
    if dimension not in queries.VOCABULARY_DIMENSIONS:
        return None
    codes = data.query("register_codes", dimension=dimension)
    return set(zip(codes["election_id"], codes["code"]))


def comparison_table(
    counts: pd.DataFrame,
    focus: str,
    other: str | None,
    cycle_labels: dict[str, str],
    recorded: set[tuple[str, str]] | None = None,
) -> None:
    """The numbers behind the chart: count, share and proven rate in the focus cycle, and the
    change of share (percentage points) against the other cycle. A code a cycle does not record
    reads so; its change is none."""
    lang = language()
    now = counts[counts["election_id"] == focus].set_index("code")
    withheld_text = t("rests_on_withheld", lang, n=small_counts.threshold())
    not_recorded = t("not_recorded_in_cycle", lang)

    def is_recorded(cycle: str, code: str) -> bool:
        return cycle == "semua" or recorded is None or (cycle, code) in recorded

    shown = pd.DataFrame(
        {
            t("code_label", lang): now["label"],
            t("reported", lang): [
                small_counts.count_text(row, "reported") if is_recorded(focus, code) else not_recorded
                for code, row in now.iterrows()
            ],
            t("share_pct", lang): [
                not_recorded
                if not is_recorded(focus, code)
                else withheld_text
                if withheld(row, "reported")
                else format_percent(row["share_pct"], 1, lang)
                for code, row in now.iterrows()
            ],
            t("proven_rate", lang): [
                "—"
                if not is_recorded(focus, code)
                else withheld_text
                if withheld(row, "reported") or withheld(row, "proven")
                else format_percent(100.0 * row["proven"] / row["reported"] if row["reported"] else None, 1, lang)
                for code, row in now.iterrows()
            ],
        }
    )
    if other is not None:
        other_rows = counts[counts["election_id"] == other].set_index("code")["share_pct"]
        # a code absent from the other cycle is 0 there for analysts; in a public table it was withheld
        absent_is_zero = len(other_rows) and not disclosure.is_adjusted(counts)
        before = other_rows.reindex(now.index, fill_value=0.0) if absent_is_zero else other_rows.reindex(now.index)
        change = now["share_pct"] - before
        shown[t("share_change_pp", lang, cycle=cycle_labels.get(other, other))] = [
            not_recorded
            if not is_recorded(other, code)
            else "—"
            if not is_recorded(focus, code) or pd.isna(v)
            else format_number(v, 1, lang, signed=True)
            for code, v in change.items()
        ]
    st.dataframe(shown, hide_index=True, width="stretch")


def other_share_note(counts: pd.DataFrame, cycles: list[str], synthetic: bool) -> str | None:
    """One line on why "lainnya" is large, when it is a fifth of a shown cycle's cases or more."""
    other = counts[(counts["code"] == "lainnya") & counts["election_id"].isin(cycles)]
    largest = other["share_pct"].max() if len(other) else None
    if largest is None or pd.isna(largest) or largest < OTHER_SHARE_NOTE_PCT:
        return None
    lang = language()
    return t("other_share_note_demo" if synthetic else "other_share_note", lang, share=format_percent(largest, 0, lang))


#: "lainnya" gets its explaining line from this share of a cycle's cases.
OTHER_SHARE_NOTE_PCT = 20.0
