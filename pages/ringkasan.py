"""Ringkasan: headline numbers, the trend with election phases, cycles aligned on voting day, hotspots."""

import streamlit as st

from analytics.charts import summary as summary_charts
from analytics.i18n import t
from analytics.ui import comparison, components, data, ringkasan, session, sidebar, small_counts
from analytics.ui.frame import ensure_routed_through_app

ensure_routed_through_app()

lang = session.language()
filters = sidebar.current_filters()
components.page_header(t("page_summary", lang), t("summary_intro", lang))
st.page_link("pages/laporkan.py", label=t("report_link", lang), icon=":material/report:")
components.light_edition_link(filters.region_code)

same_age = comparison.same_age(filters, sidebar.previous_election(filters.election_id))
data.prefetch(*ringkasan.queries(filters, same_age))  # side by side; the calls below find them
headline = data.query("headline_numbers", filters).iloc[0]
as_of = data.query("data_as_of").iloc[0]
if headline["any_synthetic"]:
    components.synthetic_banner()

if headline["reported"] == 0:
    components.empty_state()
else:
    st.subheader(t("q_headline", lang))
    at_age, final = comparison.headline_pair(filters, same_age) if same_age else (None, None)
    ringkasan.headline_tiles(headline, same_age, at_age, final)

if headline["reported"] != 0 and not small_counts.too_few_to_break_down(headline):
    trend, over_time, trend_note = small_counts.trend(filters)
    components.chart(
        trend,
        over_time,
        key="ringkasan_tren",
        source=components.register_source(),
        as_of=as_of["register_cases_as_of"],
        unit_note=trend_note,
    )

    aligned_figure, aligned, aligned_note = small_counts.aligned(filters)
    components.chart(
        aligned_figure,
        aligned,
        key="ringkasan_siklus",
        source=components.register_source(),
        as_of=as_of["register_cases_as_of"],
        unit_note=aligned_note,
    )

    hotspots = data.query("top_hotspots", filters, limit=10)
    components.chart(
        summary_charts.hotspots_figure(hotspots, lang, f"< {small_counts.threshold()}"),
        hotspots,
        key="ringkasan_hotspot",
        source=components.register_source(),
        as_of=as_of["register_cases_as_of"],
    )

components.source_footer(["violation_cases", "sanctions", "elections", "milestones", "asn_headcount"])
