"""Components of the summary: headline tiles, compared with the previous cycle at the same age."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import cycle_compare, disclosure, measures
from analytics.cycle_compare import SameAge
from analytics.disclosure import withheld
from analytics.filters import Filters
from analytics.formatting import format_number, format_percent, is_missing
from analytics.i18n import t
from analytics.ui import comparison as compare
from analytics.ui import small_counts
from analytics.ui.components import metric_tile
from analytics.ui.session import language

#: (column, how it is shown) of the six headline tiles (analytics.measures).
TILES = tuple((measure.column, measure.shown_as) for measure in measures.HEADLINE)
TILE_LABELS = {measure.column: measure.label_key for measure in measures.HEADLINE}


def queries(filters: Filters, same_age) -> list[tuple]:
    """Every register query Ringkasan asks for ``filters`` (the previous cycle at the same age and
    final when ``same_age``), as ``data.prefetch`` takes them."""
    asked = [("headline_numbers", filters, {}), ("top_hotspots", filters, {"limit": 10})]
    if same_age:
        other = filters.with_election(same_age.other_id)
        asked += [("headline_numbers", other, {"age_days": same_age.other_age_days}), ("headline_numbers", other, {})]
    return asked + small_counts.trend_queries(filters) + small_counts.aligned_queries(filters)


def formatted(row: pd.Series, field: str, kind: str, lang: str) -> str:
    """A headline value as shown: a count ("< 5" when withheld), a rate, or a median in days
    ("belum tercapai" where half the cases or more are still open)."""
    if kind == "count":
        return small_counts.count_text(row, field)
    if withheld(row, field):
        return small_counts.derived_text(row, field)
    value = row[field]
    if kind == "percent":
        return format_percent(value, 1, lang)
    if is_missing(value) and _has_cases(row):
        return t("median_not_reached", lang)
    return format_number(value, 0, lang) + (" " + t("days", lang) if not is_missing(value) else "")


def _has_cases(row: pd.Series) -> bool:
    return withheld(row, "reported") or (not is_missing(row["reported"]) and row["reported"] > 0)


def _direction_help(field: str, lang: str) -> str:
    return t(
        {"higher": "better_higher", "lower": "better_lower"}.get(cycle_compare.BETTER.get(field), "better_none"), lang
    )


def headline_tiles(
    current: pd.Series,
    comparison: SameAge | None = None,
    at_age: pd.Series | None = None,
    final: pd.Series | None = None,
) -> None:
    """The six headline tiles; with a comparison, each tile's change against the other cycle at
    the same age, the note that says so and a table with the other cycle's final values."""
    lang = language()
    if disclosure.is_too_detailed(current):
        return  # the page says why (small_counts.too_few_to_break_down)
    if at_age is not None and disclosure.is_too_detailed(at_age):
        # cut by the age as well, the compared cycle is finer than the public may see
        st.caption(t("same_age_too_detailed", lang))
        comparison = at_age = final = None
    columns = []
    for _ in range(0, len(TILES), 3):
        columns.extend(st.columns(3))
    other_label = compare.cycle_year(comparison.other_id) if comparison else None
    for index, (field, kind) in enumerate(TILES):
        delta = None
        if at_age is not None:
            text = cycle_compare.change_text(
                cycle_compare.row_change(current, at_age, field), cycle_compare.CHANGE_UNIT[field], lang
            )
            delta = f"{text} {t('vs_same_age', lang, prev=other_label)}" if text else None
        help_text = _direction_help(field, lang) if delta else None
        if (
            field == "median_days_to_resolution"
            and is_missing(current[field])
            and not withheld(current, field)
            and _has_cases(current)
        ):
            help_text = t("median_not_reached_help", lang)
        metric_tile(
            columns[index],
            t(TILE_LABELS.get(field, field), lang),
            formatted(current, field, kind, lang),
            delta=delta,
            delta_color=cycle_compare.delta_colour(field),
            help_text=help_text,
        )
    if not withheld(current, "open_cases") and not is_missing(current["open_cases"]) and current["open_cases"] > 0:
        st.caption(t("open_cases_note", lang, n=small_counts.count_text(current, "open_cases")))
    if comparison is not None and at_age is not None and final is not None:
        st.caption(compare.note(comparison, lang, with_final_table=True))
        st.dataframe(comparison_table(current, at_age, final, comparison, lang), hide_index=True, width="stretch")


def comparison_table(
    current: pd.Series, at_age: pd.Series, final: pd.Series, comparison: SameAge, lang: str
) -> pd.DataFrame:
    """Measure | this cycle now | the other at the same age | the other's final value | change."""
    this, other = compare.cycle_label(comparison.election_id, lang), compare.cycle_label(comparison.other_id, lang)
    rows = []
    for field, kind in TILES:
        change = cycle_compare.change_text(
            cycle_compare.row_change(current, at_age, field), cycle_compare.CHANGE_UNIT[field], lang
        )
        rows.append(
            {
                t("compare_measure", lang): t(TILE_LABELS.get(field, field), lang),
                t("compare_current", lang, cycle=this): formatted(current, field, kind, lang),
                t("compare_same_age", lang, other=other): formatted(at_age, field, kind, lang),
                t("compare_final", lang, other=other): formatted(final, field, kind, lang),
                t("compare_change", lang): change or "—",
            }
        )
    return pd.DataFrame(rows)
