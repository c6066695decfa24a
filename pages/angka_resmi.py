"""Angka resmi: the published-figures registry. National series by cycle, dated snapshots within
a cycle, conflicting figures side by side, the vulnerability index beside documented counts and
the Kalimantan figures on the map. Nothing is summed or averaged."""

import streamlit as st

from analytics import geo, official
from analytics.charts import maps
from analytics.charts import official as official_charts
from analytics.i18n import t
from analytics.scope import scope_slug
from analytics.text import in_sentence
from analytics.ui import angka_resmi as official_ui
from analytics.ui import components, data, filter_choices, session, sidebar, url
from analytics.ui.frame import ensure_routed_through_app
from analytics.ui.geo import display_layer, explain_unavailable, layer_source

ensure_routed_through_app()

lang = session.language()
filters = sidebar.current_filters()
components.page_header(t("page_figures", lang), t("figures_intro", lang))

registry = data.query("published_figures")
as_of = data.query("data_as_of").iloc[0]["figures_as_of"]
source = t("figures_source", lang)
elections = data.query("elections").set_index("election_id")
cycle_label = filter_choices.choices(lang).elections

series_figure, series = official_ui.chart_spec(
    official_charts.series_by_cycle_figure, "national_series", build_args=(lang,)
)
components.chart(series_figure, series, key="angka_seri", source=source, as_of=as_of, unit_note=t("series_note", lang))

snapshot_counts = {
    code: len(official_ui.shaped("snapshots", code, official.SERIES_METRICS)) for code in elections.index
}
with_snapshots = [code for code, count in snapshot_counts.items() if count >= 2]
if with_snapshots:
    richest = max(with_snapshots, key=snapshot_counts.get)
    default = filters.election_id if filters.election_id in with_snapshots else richest
    url.url_control("angka_siklus", "cuplikan", with_snapshots, default)
    cycle = st.selectbox(t("snapshot_cycle", lang), with_snapshots, key="angka_siklus", format_func=cycle_label.get)
    lines_figure, lines = official_ui.chart_spec(
        official_charts.snapshots_figure,
        "snapshots",
        cycle,
        official.SERIES_METRICS,
        build_args=(cycle_label[cycle], lang),
    )
    components.chart(
        lines_figure, lines, key="angka_cuplikan", source=source, as_of=as_of, unit_note=t("snapshot_note", lang)
    )

st.subheader(t("conflicts_title", lang))
scope_label = cycle_label.get(filters.election_id, t("all_elections", lang))
st.caption(t("conflicts_intro", lang, scope=scope_label))
clashing = official_ui.shaped("conflicts", election_id=filters.election_id)
if clashing.empty:
    components.empty_state(t("no_conflicts", lang))
else:
    official_ui.registry_table(clashing, group_column="conflict_group")

st.subheader(t("ikp_title", lang))
ikp_figure, ikp = official_ui.chart_spec(official_charts.ikp_figure, "ikp_beside_counts", build_args=(lang,))
components.chart(ikp_figure, ikp, key="angka_ikp", source=source, as_of=as_of, unit_note=t("ikp_note", lang))

st.subheader(t("figures_map_title", lang))
available = official_ui.shaped("kalimantan_metrics")
metric_labels = official_ui.metric_labels(lang)
choices = [f"{r.metric}|{r.level}" for r in available.itertuples()]
url.url_control("angka_peta_metrik", "angka_peta", choices, choices[0])
choice = st.selectbox(
    t("figures_map_metric", lang),
    choices,
    key="angka_peta_metrik",
    format_func=lambda c: f"{metric_labels[c.split('|')[0]]} · {in_sentence(t('level_' + c.split('|')[1], lang))}",
)
metric, level = choice.split("|")
values = official_ui.map_values(metric, level, filters.election_id)
try:
    display_layer(level)
except geo.BoundaryFilesMissing as missing:
    explain_unavailable(missing, lang)
else:
    figure = maps.choropleth_figure(
        values,
        layer_source(level),
        "value",
        t("q_figures_map", lang, metric=metric_labels[metric], scope=scope_label),
        metric_labels[metric],
        t("no_published_figure", lang),
        lang,
        ",.2f",
        count_column="figures_count",
        count_label=t("figures_count", lang),
        flag_small=False,
        selected=filters.regency_code if level == "regency" else filters.province_code,
    )
    components.chart(
        figure,
        values,
        key="angka_peta",
        source=source + ". " + geo.attribution(lang),
        as_of=as_of,
        unit_note=t("figures_map_note", lang),
    )

st.subheader(t("registry_title", lang))
groups = ["semua", *sorted(registry["metric_group"].unique())]
url.url_control("angka_kelompok", "kelompok", groups, "semua")
group = st.selectbox(
    t("metric_group", lang),
    groups,
    key="angka_kelompok",
    format_func=lambda g: t("all_groups", lang) if g == "semua" else t(f"group_{g}", lang),
)
url.url_control("angka_luar", "luar_kalimantan", [True, False], False)
outside = st.toggle(t("registry_outside_kalimantan", lang), key="angka_luar")
shown = official_ui.listed(filters.province_code, filters.regency_code, outside, group, filters.election_id)
st.caption(t("registry_count", lang, n=len(shown), scope=components.scope_text(lang)))
official_ui.registry_table(shown, height=480)
st.download_button(
    t("download_registry", lang),
    data=lambda: components.csv_bytes(shown),
    file_name=f"angka_resmi_{scope_slug(filters)}{'_luar-kalimantan' if outside else ''}.csv",
    mime="text/csv",
    key="angka_unduh",
    on_click="ignore",
    icon=":material/table:",
)

components.source_footer(["published_figures", "metrics"])
