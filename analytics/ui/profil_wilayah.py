"""Components of the region profile: the region against its province and Kalimantan, its events and figures."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from analytics import official
from analytics.filters import Filters
from analytics.formatting import format_date, format_stated
from analytics.i18n import figure_unit, in_language, t
from analytics.text import markdown_link, markdown_literal
from analytics.ui import data, small_counts
from analytics.ui.session import language

DIMENSION_TABLES = {"category": "categories", "position": "positions"}


def _scopes(filters: Filters, region_code: str) -> list[tuple[str, Filters]]:
    """The region, its province (for a regency) and all of Kalimantan, each with its filters."""
    regions = data.query("regions").set_index("region_code")
    scopes = [(regions.loc[region_code, "region_name"], filters)]
    province = region_code.split(".")[0]
    if "." in region_code:
        # the regency's own province, also when the regency was chosen without choosing it
        scopes.append(
            (regions.loc[province, "region_name"], replace(filters, regency_code=None, province_code=province))
        )
    scopes.append(("Kalimantan", filters.without("province_code", "regency_code")))
    return scopes


def queries(filters: Filters, region_code: str) -> list[tuple]:
    """The register queries the profile asks, as ``data.prefetch`` takes them."""
    asked = [("headline_numbers", scope, {}) for _, scope in _scopes(filters, region_code)]
    return asked + small_counts.trend_queries(filters) + [("cases_by_dimension", filters, {"dimension": "category"})]


def comparison_rows(filters: Filters, region_code: str) -> pd.DataFrame:
    """Headline numbers for the region, its province (for a regency) and all of Kalimantan."""
    rows, first = [], None
    for name, scope_filters in _scopes(filters, region_code):
        result = data.query("headline_numbers", scope_filters)
        first = result if first is None else first
        row = result.iloc[0].to_dict()
        row["scope"] = name
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame.attrs.update(first.attrs)  # the region's own row says whether it is adjusted or too detailed
    return frame


def comparison_table(frame: pd.DataFrame) -> None:
    lang = language()
    shown = pd.DataFrame(
        {
            ("Wilayah" if lang == "id" else "Area"): frame["scope"],
            t("reported", lang): small_counts.count_texts(frame, "reported"),
            t("proven", lang): small_counts.count_texts(frame, "proven"),
            t("recommended", lang): small_counts.count_texts(frame, "recommended"),
            t("followup_rate", lang): small_counts.derived_texts(frame, "followup_rate_pct", 1, percent=True),
            t("median_days", lang): small_counts.derived_texts(frame, "median_days_to_resolution", 0),
            t("open_cases", lang): small_counts.count_texts(frame, "open_cases"),
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
    note = small_counts.withheld_note(frame)
    if note:
        st.caption(note)


def labelled_dimension(filters: Filters, dimension: str) -> pd.DataFrame:
    """Cases per code of ``dimension`` with the code's label in the current language."""
    lang = language()
    counts = data.query("cases_by_dimension", filters, dimension=dimension)
    table = data.query(DIMENSION_TABLES[dimension]).set_index("code")
    column = in_language("label", lang)
    counts["label"] = counts["code"].map(table[column]).fillna(counts["code"])
    return counts


def events_list(events: pd.DataFrame) -> None:
    lang = language()
    if events.empty:
        st.caption(t("profile_no_events", lang))
        return
    for row in events.itertuples():
        when = format_date(row.event_date, lang, row.date_precision)
        kind = getattr(row, in_language("event_type_label", lang))
        source = markdown_link(row.source_title, row.source_url)
        st.markdown(
            f"- **{markdown_literal(when)}** · {markdown_literal(kind)} · {markdown_literal(row.region_name)}: "
            f"{markdown_literal(row.title)}. {t('source', lang)}: {source}"
        )


def figures_list(figures: pd.DataFrame) -> None:
    lang = language()
    if figures.empty:
        st.caption(t("profile_no_figures", lang))
        return
    shown = pd.DataFrame(
        {
            t("figure_metric", lang): figures[in_language("metric_label", lang)],
            t("figure_cycle", lang): figures["cycle_label"],
            t("figure_area", lang): official.area_names(figures, t("national", lang)),
            t("figure_value", lang): [format_stated(v, lang) for v in figures["value"]],
            t("figure_unit", lang): [figure_unit(unit, lang) for unit in figures["unit"]],
            t("figure_as_of", lang): [
                format_date(d, lang, p or "day") if not pd.isna(d) else "—"
                for d, p in zip(figures["as_of_date"], figures["as_of_precision"])
            ],
            t("source", lang): figures["source_url"],
        }
    )
    st.dataframe(
        shown, hide_index=True, width="stretch", column_config={t("source", lang): st.column_config.LinkColumn()}
    )
