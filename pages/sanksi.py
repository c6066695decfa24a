"""Sanksi & tindak lanjut: the funnel, follow-up by PPK agency, handling times against the
service levels, the backlog of open cases by age, and the sanction mix."""

import pandas as pd
import streamlit as st

from analytics import disclosure, queries
from analytics.charts import followup as followup_charts
from analytics.i18n import t
from analytics.ui import components, data, sanksi, session, sidebar, small_counts
from analytics.ui.frame import ensure_routed_through_app

ensure_routed_through_app()

lang = session.language()
filters = sidebar.current_filters()
components.page_header(t("page_sanctions", lang), t("sanctions_intro", lang))

data.prefetch(*sanksi.queries(filters))  # side by side; the calls below find them
headline = data.query("headline_numbers", filters).iloc[0]
if headline["any_synthetic"]:
    components.synthetic_banner()

if headline["reported"] == 0:
    components.empty_state()
elif not small_counts.too_few_to_break_down(headline):
    as_of_row = data.query("data_as_of").iloc[0]
    dates = [
        d
        for d in (as_of_row["register_cases_as_of"], as_of_row["register_sanctions_as_of"])
        if d is not None and not pd.isna(d)
    ]
    as_of = max(dates) if dates else None
    source = components.register_source()

    funnel = followup_charts.funnel_table(headline, lang, small_counts.threshold())
    components.chart(
        followup_charts.funnel_figure(funnel, lang),
        funnel.drop(columns="text"),
        key="sanksi_corong",
        source=source,
        as_of=as_of,
        unit_note=t("funnel_note", lang),
    )

    st.subheader(t("handling_title", lang))
    stages = data.query("stage_durations", filters)
    sanksi.service_level_tiles(stages)
    st.caption(
        t("service_level_note", lang, verification=queries.VERIFICATION_DAYS, review=queries.REVIEW_WORKING_DAYS)
    )
    components.chart(
        followup_charts.stage_durations_figure(stages, lang), stages, key="sanksi_durasi", source=source, as_of=as_of
    )

    agencies = data.query("followup_by_agency", filters)
    if disclosure.is_too_detailed(agencies):
        st.subheader(t("q_agency_followup", lang, n=5))
        small_counts.too_detailed(agencies)
    elif agencies.empty:
        st.subheader(t("q_agency_followup", lang, n=5))
        recommended = disclosure.withheld(headline, "recommended") or headline["recommended"] > 0
        components.empty_state(
            t("no_agency_with_enough" if recommended else "no_recommendations", lang, n=small_counts.threshold())
        )
    else:
        components.chart(
            followup_charts.agency_followup_figure(agencies, lang, threshold=small_counts.threshold()),
            agencies,
            key="sanksi_ppk",
            source=source,
            as_of=as_of,
            unit_note=t("agency_note", lang),
        )
        sanksi.agency_table(agencies)

    # ages as of the register's newest date (the SQL finds it: the public's as-of date is a month)
    backlog = data.query("backlog_by_age", filters, as_of=None)
    if disclosure.is_too_detailed(backlog):
        st.subheader(t("q_backlog", lang))
        small_counts.too_detailed(backlog)
    elif backlog.empty:
        st.subheader(t("q_backlog", lang))
        # the public table leaves out every count below the threshold, zero included: an empty one
        # says "each below 5", never "no open case" (Ringkasan may count some open)
        components.empty_state(
            t("chart_all_withheld", lang, n=small_counts.threshold())
            if small_counts.public_view()
            else t("no_backlog", lang)
        )
    else:
        components.chart(
            followup_charts.backlog_figure(backlog, lang, f"< {small_counts.threshold()}", small_counts.threshold()),
            followup_charts.backlog_numbers(backlog),
            key="sanksi_tunggakan",
            source=source,
            as_of=as_of,
            unit_note=t("backlog_note", lang),
        )

    mix = data.query("sanction_mix", filters)
    components.chart(
        followup_charts.sanction_mix_figure(mix, lang, f"< {small_counts.threshold()}", small_counts.threshold()),
        mix,
        key="sanksi_jenis",
        source=source,
        as_of=as_of,
        unit_note=t("sanction_mix_note", lang),
    )

components.source_footer(["violation_cases", "sanctions", "sanction_types"])
