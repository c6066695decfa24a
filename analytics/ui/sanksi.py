"""Sanksi & tindak lanjut: the tables shown beside the charts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.charts.followup import STAGE_KEYS
from analytics.disclosure import any_withheld, withheld
from analytics.formatting import format_number, format_percent
from analytics.i18n import t
from analytics.ui import components, small_counts
from analytics.ui.session import language


def queries(filters) -> list[tuple]:
    """The register queries Sanksi asks, as ``data.prefetch`` takes them."""
    return [
        ("headline_numbers", filters, {}),
        ("stage_durations", filters, {}),
        ("followup_by_agency", filters, {}),
        ("backlog_by_age", filters, {"as_of": None}),
        ("sanction_mix", filters, {}),
    ]


def agency_table(agencies: pd.DataFrame) -> None:
    """Every PPK agency with its recommendations and answers (searchable, sortable)."""
    lang = language()
    if any_withheld(agencies):
        # the public view: counts below the threshold read "< 5", so the columns are text
        shown = pd.DataFrame(
            {
                t("ppk_agency", lang): agencies["ppk_agency"],
                **{
                    t(column, lang): small_counts.count_texts(agencies, column)
                    for column in ("recommended", "followed_up", "pending", "refused")
                },
                t("followup_rate", lang): small_counts.derived_texts(agencies, "followup_rate_pct", 1, percent=True),
                t("median_days_to_followup", lang): small_counts.derived_texts(agencies, "median_days_to_followup", 0),
            }
        )
        st.dataframe(shown, hide_index=True, width="stretch", height=320)
        return
    shown = pd.DataFrame(
        {
            t("ppk_agency", lang): agencies["ppk_agency"],
            t("recommended", lang): agencies["recommended"],
            t("followed_up", lang): agencies["followed_up"],
            t("pending", lang): agencies["pending"],
            t("refused", lang): agencies["refused"],
            t("followup_rate", lang): agencies["followup_rate_pct"],
            t("median_days_to_followup", lang): agencies["median_days_to_followup"],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=320,
        column_config={
            t("followup_rate", lang): st.column_config.NumberColumn(format="%.1f%%"),
            t("median_days_to_followup", lang): st.column_config.NumberColumn(format="%.0f"),
        },
    )


def service_level_tiles(stages: pd.DataFrame) -> None:
    """The Bawaslu stage against its service level, and the median of each later stage."""
    lang = language()
    by_stage = stages.set_index("stage")
    columns = st.columns(len(STAGE_KEYS))
    for column, (stage, key) in zip(columns, STAGE_KEYS.items()):
        if stage not in by_stage.index:
            components.metric_tile(column, t(key, lang), "—")
            continue
        row = by_stage.loc[stage]
        if withheld(row, "median_days"):
            components.metric_tile(column, t(key, lang), small_counts.derived_text(row, "median_days"))
            continue
        value = t("n_days", lang, n=format_number(row["median_days"], 0, lang))
        help_text = t(
            "stage_help", lang, n=small_counts.count_text(row, "cases"), p90=format_number(row["p90_days"], 0, lang)
        )
        delta = None
        if not pd.isna(row["within_service_level_pct"]):
            delta = t("within_service_level", lang, pct=format_percent(row["within_service_level_pct"], 1, lang))
        components.metric_tile(column, t(key, lang), value, delta=delta, help_text=help_text, delta_color="off")
