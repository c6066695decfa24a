"""Sosialisasi & pencegahan: the events table and the per-regency counts for the map."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from analytics.disclosure import withheld_flags
from analytics.formatting import format_date
from analytics.i18n import in_language, t
from analytics.ui.session import language


def events_per_regency(events: pd.DataFrame, regions: pd.DataFrame, province_code: str | None) -> pd.DataFrame:
    """Every regency in scope with its number of documented events; regencies without any get a
    missing value (drawn as "no documented event", not as zero activity)."""
    regencies = regions[regions["level"] == "regency"]
    if province_code:
        regencies = regencies[regencies["province_code"] == province_code]
    counts = events.groupby("region_code").size()
    frame = regencies[["region_code", "region_name", "province_code"]].copy()
    frame["events"] = frame["region_code"].map(counts).astype("Float64")
    frame["events_count"] = frame["events"].fillna(0).astype("int64")
    return frame.reset_index(drop=True)


def events_table(events: pd.DataFrame) -> None:
    lang = language()
    shown = pd.DataFrame(
        {
            t("event_date", lang): [
                format_date(d, lang, p) for d, p in zip(events["event_date"], events["date_precision"])
            ],
            t("regency", lang): events["region_name"],
            t("event_type", lang): events[in_language("event_type_label", lang)],
            t("event_title", lang): events["title"],
            t("organizer", lang): events["organizer"],
            t("participants", lang): events["participants_count"],
            t("source", lang): events["source_url"],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            t("source", lang): st.column_config.LinkColumn(display_text=t("open_source", lang)),
            t("participants", lang): st.column_config.NumberColumn(format="%d"),
        },
    )


def both_sides_withheld(around: pd.DataFrame) -> int:
    """Events whose counts before and after the public view both withholds (or leaves out)."""
    before = np.array(withheld_flags(around, "before"), dtype=bool) | around["before"].isna().to_numpy()
    after = np.array(withheld_flags(around, "after"), dtype=bool) | around["after"].isna().to_numpy()
    return int((before & after).sum())
