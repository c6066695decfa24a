"""Components of the summary: headline tiles with the change against the previous cycle."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import disclosure
from analytics.disclosure import withheld
from analytics.formatting import format_change, format_number, format_percent
from analytics.i18n import t
from analytics.ui import small_counts
from analytics.ui.components import metric_tile
from analytics.ui.state import language

TILES = (
    ("reported", "count"),
    ("proven", "count"),
    ("recommended", "count"),
    ("followed_up", "count"),
    ("followup_rate_pct", "percent"),
    ("median_days_to_resolution", "days"),
)
TILE_LABELS = {"followup_rate_pct": "followup_rate", "median_days_to_resolution": "median_days"}


def _formatted(row: pd.Series, field: str, kind: str, lang: str) -> str:
    if kind == "count":
        return small_counts.count_text(row, field)
    if withheld(row, field):
        return small_counts.derived_text(row, field)
    value = row[field]
    if kind == "percent":
        return format_percent(value, 1, lang)
    return format_number(value, 0, lang) + (" " + t("days", lang) if not pd.isna(value) else "")


def headline_tiles(current: pd.Series, previous: pd.Series | None, previous_label: str | None) -> None:
    lang = language()
    if disclosure.is_too_detailed(current):
        return   # the page says why (small_counts.too_few_to_break_down)
    columns = []
    for _ in range(0, len(TILES), 3):
        columns.extend(st.columns(3))
    for index, (field, kind) in enumerate(TILES):
        delta = None
        if previous is not None and previous_label:
            change = format_change(current[field], previous[field], lang)
            if change:
                delta = f"{change} {t('vs_previous', lang, prev=previous_label)}"
        delta_color = "inverse" if field in ("reported", "proven", "median_days_to_resolution") else "normal"
        metric_tile(columns[index], t(TILE_LABELS.get(field, field), lang), _formatted(current, field, kind, lang),
                    delta=delta, delta_color=delta_color)
