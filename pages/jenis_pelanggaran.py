"""Jenis pelanggaran: cases by category, position, agency level and medium; cycle against cycle."""

import streamlit as st

from analytics.charts import categories as category_charts
from analytics.i18n import t
from analytics.text import in_sentence
from analytics.ui import (
    clicks,
    components,
    data,
    filter_choices,
    jenis_pelanggaran,
    session,
    sidebar,
    small_counts,
    url,
)
from analytics.ui.frame import ensure_routed_through_app
from analytics.ui.labels import code_labels

ensure_routed_through_app()

DIMENSIONS = ("category", "position", "agency_level", "medium")

lang = session.language()
filters = sidebar.current_filters()
components.page_header(t("page_categories", lang), t("categories_intro", lang))

headline = data.query("headline_numbers", filters).iloc[0]
if headline["any_synthetic"]:
    components.synthetic_banner()

elections = data.query("elections").set_index("election_id")
cycle_labels_all = dict(filter_choices.choices(lang).elections)
cycle_labels_all["semua"] = t("all_elections", lang)

col_dimension, col_compare = st.columns([3, 2])
url.url_control("jenis_dimensi", "rincian", DIMENSIONS, "category")
dimension = (
    col_dimension.segmented_control(
        t("breakdown_by", lang),
        DIMENSIONS,
        key="jenis_dimensi",
        wrap=True,
        format_func=lambda code: t(f"dimension_{code}", lang),
    )
    or "category"
)
focus = filters.election_id or "semua"
compare_options = [url.NO_CHOICE] + [code for code in elections.index if code != filters.election_id]
default_other = sidebar.previous_election(filters.election_id)
url.url_control(
    "jenis_banding", "banding", compare_options, default_other if default_other in compare_options else url.NO_CHOICE
)
other = col_compare.selectbox(
    t("compare_with", lang),
    compare_options,
    key="jenis_banding",
    format_func=lambda code: t("no_comparison", lang) if code == url.NO_CHOICE else cycle_labels_all[code],
)
other = None if other == url.NO_CHOICE else other

if headline["reported"] == 0:
    components.empty_state()
elif not small_counts.too_few_to_break_down(headline):
    as_of = data.query("data_as_of").iloc[0]["register_cases_as_of"]
    cycles = [filters.election_id] + ([other] if other else [])
    counts = jenis_pelanggaran.cycle_shares(filters, dimension, cycles)
    shown_cycles = {code: cycle_labels_all[code] for code in [focus] + ([other] if other else [])}
    dimension_name = in_sentence(t(f"dimension_{dimension}", lang))
    recorded = jenis_pelanggaran.recorded_codes(dimension)
    states = category_charts.share_states(counts, list(shown_cycles), recorded)
    figure = category_charts.cycle_comparison_figure(
        states,
        shown_cycles,
        t("q_by_dimension", lang, dimension=dimension_name),
        lang,
        withheld_label=f"< {small_counts.threshold()}",
        not_recorded_label=t("not_recorded_in_cycle", lang),
    )
    notes = [t("share_note", lang)]
    if (states["state"] == category_charts.NOT_RECORDED).any():
        notes.append(t("not_recorded_note", lang))
    notes.append(jenis_pelanggaran.other_share_note(counts, list(shown_cycles), bool(headline["any_synthetic"])))
    drill = None
    if dimension in clicks.DIMENSION_FILTER_KEYS:
        st.caption(t("bar_click_hint", lang, dimension=dimension_name))
        drill = clicks.on_bar_select("jenis_batang", dimension, dict(zip(counts["label"], counts["code"])))
    components.chart(
        figure,
        counts,
        key="jenis_batang",
        source=components.register_source(),
        as_of=as_of,
        unit_note=" ".join(n if n.endswith(".") else n + "." for n in notes if n),
        on_select=drill,
    )
    jenis_pelanggaran.comparison_table(counts, focus, other, cycle_labels_all, recorded)

    st.subheader(t("crosstab_title", lang))
    column_options = [d for d in DIMENSIONS if d != dimension]
    url.url_control("jenis_silang", "silang", column_options, column_options[0])
    column_dimension = st.selectbox(
        t("crosstab_against", lang),
        column_options,
        key="jenis_silang",
        format_func=lambda code: t(f"dimension_{code}", lang),
    )
    table = data.query("cases_crosstab", filters, row_dimension=dimension, column_dimension=column_dimension)
    table["row_label"] = table["row_code"].map(code_labels(dimension, table["row_code"].unique()))
    table["column_label"] = table["column_code"].map(code_labels(column_dimension, table["column_code"].unique()))
    heatmap = category_charts.crosstab_figure(
        table,
        t("q_crosstab", lang, rows=dimension_name, columns=in_sentence(t(f"dimension_{column_dimension}", lang))),
        t(f"dimension_{column_dimension}", lang),
        None,
        lang,
        f"< {small_counts.threshold()}",
    )
    components.chart(heatmap, table, key="jenis_silang_peta", source=components.register_source(), as_of=as_of)

components.source_footer(["violation_cases", "violation_categories", "positions"])
