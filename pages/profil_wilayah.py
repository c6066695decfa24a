"""Profil wilayah: one province or regency against its province and Kalimantan."""

import streamlit as st

from analytics.charts import summary as summary_charts
from analytics.i18n import t
from analytics.text import markdown_literal
from analytics.ui import components, data, profil_wilayah, session, sidebar, small_counts, url
from analytics.ui.frame import ensure_routed_through_app

ensure_routed_through_app()

lang = session.language()
filters = sidebar.current_filters()
components.page_header(t("page_profile", lang))

region_code = filters.region_code
if not region_code:
    st.info(t("profile_pick_region", lang), icon=":material/location_on:")
    st.page_link("pages/peta.py", label=t("page_map", lang), icon=":material/map:", query_params=url.url_params())
    st.stop()

regions = data.query("regions").set_index("region_code")
region = regions.loc[region_code]
st.header(markdown_literal(region["region_name"]))
data.prefetch(*profil_wilayah.queries(filters, region_code))  # side by side; the calls below find them
comparison = profil_wilayah.comparison_rows(filters, region_code)
if comparison["any_synthetic"].any():
    components.synthetic_banner()
profil_wilayah.comparison_table(comparison)

as_of = data.query("data_as_of").iloc[0]["register_cases_as_of"]
if comparison.iloc[0]["reported"] == 0:
    components.empty_state()
elif not small_counts.too_few_to_break_down(comparison.iloc[0]):
    trend, over_time, trend_note = small_counts.trend(filters)
    components.chart(
        trend, over_time, key="profil_tren", source=components.register_source(), as_of=as_of, unit_note=trend_note
    )
    by_category = profil_wilayah.labelled_dimension(filters, "category")
    components.chart(
        summary_charts.share_bars_figure(
            by_category,
            t("q_categories", lang),
            lang,
            total=comparison.iloc[0]["reported"],
            withheld_label=f"< {small_counts.threshold()}",
        ),
        by_category,
        key="profil_kategori",
        source=components.register_source(),
        as_of=as_of,
        unit_note=t("categories_not_shown", lang, n=small_counts.threshold()) if small_counts.public_view() else None,
    )

st.subheader(t("profile_events", lang))
events = data.query("events_for_region", region_code=region_code)
profil_wilayah.events_list(events)
st.subheader(t("profile_figures", lang))
figures_here = data.query("figures_for_region", region_code=region_code)
profil_wilayah.figures_list(figures_here)
components.source_footer(["violation_cases", "sanctions", "socialization_events", "published_figures"])
