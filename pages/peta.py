"""Peta & perbandingan wilayah: choropleth, metric selector, ranking, click to select a region."""

import streamlit as st

from analytics import geo, palette
from analytics.charts import maps
from analytics.disclosure import with_withheld_flags
from analytics.i18n import t, t_markdown
from analytics.region_compare import MAP_METRIC_BY_CODE, MAP_METRICS, median_not_reached, with_other_cycle
from analytics.text import in_sentence
from analytics.ui import clicks, comparison, components, data, session, sidebar, small_counts, url
from analytics.ui.frame import ensure_routed_through_app
from analytics.ui.geo import display_layer, explain_unavailable, layer_source

ensure_routed_through_app()

lang = session.language()
filters = sidebar.current_filters()
components.page_header(t("page_map", lang))

col_level, col_metric, col_other = st.columns([1, 1, 1])
url.url_control("map_level", "lapisan", ["regency", "province"], "regency")
level = (
    col_level.segmented_control(
        t("map_level", lang),
        ["regency", "province"],
        key="map_level",
        wrap=True,
        format_func=lambda code: t(f"level_{code}", lang),
    )
    or "regency"
)
metric_codes = [m.code for m in MAP_METRICS]
url.url_control("map_metric", "ukuran", metric_codes, metric_codes[0])
metric_code = col_metric.selectbox(
    t("map_metric", lang),
    metric_codes,
    key="map_metric",
    format_func=lambda code: t(MAP_METRIC_BY_CODE[code].label_key, lang),
)
metric = MAP_METRIC_BY_CODE[metric_code]
metric_label = t(metric.label_key, lang)
other_cycles = comparison.cycles_to_compare(filters.election_id, sidebar.previous_election(filters.election_id))
url.url_control("map_compare", "banding", [url.NO_CHOICE, *other_cycles], url.NO_CHOICE)
other_id = col_other.selectbox(
    t("compare_with", lang),
    [url.NO_CHOICE, *other_cycles],
    key="map_compare",
    format_func=lambda code: t("compare_none", lang) if code == url.NO_CHOICE else comparison.cycle_label(code, lang),
    disabled=not other_cycles,
    help=t("compare_with_help", lang),
)
other_id = None if other_id == url.NO_CHOICE else other_id

map_filters = (
    filters.without("province_code", "regency_code") if level == "province" else filters.without("regency_code")
)
values = data.query("region_metrics", map_filters, level=level)
same_age = comparison.same_age(filters, other_id)
other = (
    data.query("region_metrics", map_filters.with_election(other_id), level=level, age_days=same_age.other_age_days)
    if same_age
    else None
)
values = with_other_cycle(values, other, metric.column)
if level == "regency" and filters.province_code:
    values = values[values["province_code"] == filters.province_code]

# a median with half the cases still open has no value yet: it is not "no data"
not_reached = median_not_reached(values) if metric.column == "median_days_to_resolution" else None

if values["any_synthetic"].any():
    components.synthetic_banner()
if not filters.election_id:
    st.caption(t("compare_pick_cycle", lang))
if other_id and not same_age:
    st.info(t("compare_unavailable", lang), icon=":material/compare_arrows:")
elif same_age and not small_counts.too_detailed(other):
    st.info(comparison.note(same_age, lang), icon=":material/compare_arrows:")

as_of = data.query("data_as_of").iloc[0]["register_cases_as_of"]
try:
    display_layer(level)
except geo.BoundaryFilesMissing as missing:
    explain_unavailable(missing, lang)
else:
    shown_column, shown_label, hover = metric.column, metric_label, metric.hover_format
    if same_age:
        shown_column, hover = "change", "+" + metric.hover_format.lstrip("+").replace("d", ".0f")
        shown_label = t("change_of", lang, metric=metric_label, unit=t(f"unit_{metric.change_unit}", lang))
    title = t(
        "q_map_change" if same_age else "q_map",
        lang,
        metric=in_sentence(metric_label),
        other=comparison.cycle_label(other_id, lang) if same_age else "",
    )
    figure = maps.choropleth_figure(
        values,
        layer_source(level),
        shown_column,
        title,
        shown_label,
        t("no_data", lang),
        lang,
        hover,
        withheld_label=t("withheld_legend", lang, n=small_counts.threshold()),
        diverging=bool(same_age),
        not_reached=None if same_age else not_reached,
        not_reached_label=t("median_not_reached", lang),
        selected=filters.regency_code if level == "regency" else filters.province_code,
    )
    st.caption(t("map_click_hint", lang))
    map_columns = ["region_code", "region_name", shown_column, "reported"]
    components.chart(
        figure,
        with_withheld_flags(values, map_columns),
        key=f"peta_{level}",
        source=components.register_source() + ". " + geo.attribution(lang),
        as_of=as_of,
        unit_note=None if small_counts.public_view() else t("small_counts_note", lang),
        on_select=clicks.on_map_select(f"peta_{level}"),
        selection_mode=("points",),
    )

selected = filters.regency_code or filters.province_code
if selected:
    name = data.query("regions").set_index("region_code").loc[selected, "region_name"]
    st.markdown(t_markdown("selected_region", lang, name=name))
    st.page_link(
        "pages/profil_wilayah.py",
        label=t_markdown("open_profile", lang, name=name),
        icon=":material/location_on:",
        query_params=url.url_params(),
    )

this_label = comparison.cycle_label(filters.election_id, lang) if filters.election_id else None
# the ranking's CSV holds what the ranking draws: each region's value (and the compared cycle's)
ranked_columns = ["region_code", "region_name", metric.column] + (
    [f"other_{metric.column}", "change"] if same_age else []
)
ranking = maps.ranking_figure(
    values,
    metric.column,
    t("q_ranking", lang, metric=in_sentence(metric_label)),
    metric_label,
    lang,
    hover_format=metric.hover_format,
    withheld_label=f"< {small_counts.threshold()}",
    no_data_label=t("no_data", lang),
    withheld_length=0.3 * small_counts.threshold() if metric.column == "reported" else 0,
    other_column=f"other_{metric.column}" if same_age else None,
    this_label=this_label,
    other_label=t("compare_same_age", lang, other=comparison.cycle_label(other_id, lang)) if same_age else None,
    not_reached=not_reached,
    not_reached_label=t("median_not_reached", lang),
    colour=palette.cycle_colour(filters.election_id) if filters.election_id else palette.PRIMARY,
)
components.chart(
    ranking,
    with_withheld_flags(values, ranked_columns),
    key=f"peringkat_{level}",
    source=components.register_source(),
    as_of=as_of,
    unit_note=components.per_1000_note(values) if metric_code == "per1000" else None,
)
components.source_footer(["violation_cases", "sanctions", "asn_headcount", "regions"])
