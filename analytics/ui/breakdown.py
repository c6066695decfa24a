"""Jenis pelanggaran: per-dimension shares for the focus cycle and the cycles it is compared with."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.category_charts import shares
from analytics.filters import Filters
from analytics.formatting import format_number, format_percent
from analytics.i18n import t
from analytics.ui import data
from analytics.ui.labels import code_labels
from analytics.ui.state import language


def cycle_shares(filters: Filters, dimension: str, cycles: list[str | None]) -> pd.DataFrame:
    """Counts and shares per code for each cycle in ``cycles`` (None: all cycles pooled as 'semua')."""
    frames = []
    for cycle in cycles:
        counts = data.query("cases_by_dimension", filters.with_election(cycle), dimension=dimension)
        if cycle is None:
            counts = counts.groupby("code", as_index=False)[["reported", "proven"]].sum().assign(election_id="semua")
        frames.append(counts)
    counts = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["election_id", "code", "reported", "proven"])
    counts = shares(counts)
    counts["label"] = counts["code"].map(code_labels(dimension, counts["code"].unique()))
    return counts[["election_id", "code", "label", "reported", "proven", "share_pct"]]


def comparison_table(counts: pd.DataFrame, focus: str, other: str | None, cycle_labels: dict[str, str]) -> None:
    """The numbers behind the chart: count, share and proven rate in the focus cycle, and the
    change of share (percentage points) against the other cycle."""
    lang = language()
    now = counts[counts["election_id"] == focus].set_index("code")
    shown = pd.DataFrame({
        t("code_label", lang): now["label"],
        t("reported", lang): [format_number(v, 0, lang) for v in now["reported"]],
        t("share_pct", lang): [format_percent(v, 1, lang) for v in now["share_pct"]],
        t("proven_rate", lang): [format_percent(100.0 * p / r if r else None, 1, lang)
                                 for p, r in zip(now["proven"], now["reported"])],
    })
    if other is not None:
        other_rows = counts[counts["election_id"] == other].set_index("code")["share_pct"]
        before = other_rows.reindex(now.index, fill_value=0.0) if len(other_rows) else other_rows.reindex(now.index)
        change = now["share_pct"] - before
        shown[t("share_change_pp", lang, cycle=cycle_labels.get(other, other))] = [
            "—" if pd.isna(v) else format_number(v, 1, lang, signed=True) for v in change]
    st.dataframe(shown, hide_index=True, width="stretch")
