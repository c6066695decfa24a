"""Sosialisasi & pencegahan: documented events on a timeline and a map, and the cases reported
in the same regency before and after each event (not a measure of effect)."""

import streamlit as st

from analytics import geo
from analytics.charts import events as event_charts
from analytics.charts import maps
from analytics.formatting import format_count
from analytics.i18n import in_language, t
from analytics.ui import components, data, session, sidebar, small_counts, sosialisasi, url
from analytics.ui.frame import ensure_routed_through_app
from analytics.ui.geo import display_layer, explain_unavailable, layer_source

ensure_routed_through_app()

WINDOWS = (30, 60, 90)

lang = session.language()
filters = sidebar.current_filters()
components.page_header(t("page_events", lang), t("events_intro", lang))

as_of = data.query("data_as_of").iloc[0]
documented = data.query("events", filters)
source_events = t("events_source", lang)

if documented.empty:
    components.empty_state(t("no_events", lang))
else:
    col_count, col_regencies, col_types = st.columns(3)
    components.metric_tile(col_count, t("events_documented", lang), format_count(len(documented), lang))
    components.metric_tile(col_regencies, t("regencies_with_events", lang), str(documented["region_code"].nunique()))
    components.metric_tile(col_types, t("event_types_seen", lang), str(documented["event_type"].nunique()))

    calendar = data.query("elections")
    calendar["label"] = calendar[in_language("label", lang)]
    components.chart(
        event_charts.events_timeline_figure(documented, calendar, lang),
        documented.drop(columns=["date_note"], errors="ignore"),
        key="sosialisasi_linimasa",
        source=source_events,
        as_of=as_of["events_as_of"],
        unit_note=t("timeline_note", lang),
    )

    per_regency = sosialisasi.events_per_regency(documented, data.query("regions"), filters.province_code)
    try:
        display_layer("regency")
    except geo.BoundaryFilesMissing as missing:
        explain_unavailable(missing, lang)
    else:
        figure = maps.choropleth_figure(
            per_regency,
            layer_source("regency"),
            "events",
            t("q_events_map", lang),
            t("events_unit", lang),
            t("no_documented_event", lang),
            lang,
            ",d",
            count_column="events_count",
            count_label=t("events_unit", lang),
            flag_small=False,
            selected=filters.regency_code,
        )
        components.chart(
            figure,
            per_regency,
            key="sosialisasi_peta",
            source=source_events + ". " + geo.attribution(lang),
            as_of=as_of["events_as_of"],
        )
    sosialisasi.events_table(documented)

st.subheader(t("before_after_title", lang))
st.info(t("not_causal", lang), icon=":material/info:")
url.url_control("sosialisasi_jendela", "jendela", WINDOWS, 60)
window = (
    st.segmented_control(
        t("window_days", lang),
        WINDOWS,
        key="sosialisasi_jendela",
        wrap=True,
        format_func=lambda days: t("n_days", lang, n=days),
    )
    or 60
)
around = data.query("cases_around_events", filters, window_days=window)
if around.empty:
    components.empty_state(t("no_dated_events", lang))
else:
    if as_of["register_is_synthetic"]:
        components.synthetic_banner()
    public = small_counts.public_view()
    withheld_label = t("withheld_legend", lang, n=small_counts.threshold()) if public else None
    left_out = sosialisasi.both_sides_withheld(around) if public else 0
    note = t("before_after_note", lang) + (
        " " + t("before_after_left_out", lang, n=left_out, threshold=small_counts.threshold()) if left_out else ""
    )
    components.chart(
        event_charts.before_after_figure(around, window, lang, small_counts.threshold(), withheld_label),
        around,
        key="sosialisasi_sebelum_sesudah",
        source=components.register_source() + "; " + source_events,
        as_of=as_of["register_cases_as_of"],
        unit_note=note,
    )

components.source_footer(["socialization_events", "event_types", "violation_cases"])
