"""Shared page components: the synthetic banner, chart cards with their CSV/PNG, footers."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st
from plotly.basedatatypes import BaseFigure

from analytics import cell_key, disclosure, settings
from analytics.catalog import load_catalog
from analytics.charts import maps
from analytics.charts.spec import FigureSpec, draws_nothing
from analytics.export_context import ExportContext, with_export_context
from analytics.exports import chart_numbers_csv, safe_csv_bytes
from analytics.formatting import format_date
from analytics.i18n import t, t_markdown
from analytics.scope import ScopeNames, scope_line, scope_slug
from analytics.text import in_sentence, markdown_literal
from analytics.ui import data, filter_choices, sidebar, small_counts
from analytics.ui.geo import basemap_url, static_file
from analytics.ui.session import language

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "toImageButtonOptions": {"format": "png", "scale": 2}}


def plotly_config() -> dict:
    """The charts' Plotly configuration, with the maps' empty basemap served by the app."""
    url = basemap_url()
    return {**PLOTLY_CONFIG, "topojsonURL": url} if url else PLOTLY_CONFIG


def scope_names(lang: str) -> ScopeNames:
    made = filter_choices.choices(lang)
    return ScopeNames(made.elections, made.names, made.categories, made.positions)


def scope_text(lang: str | None = None) -> str:
    """What the view covers (cycle · area · filters), as the public or an analyst sees it."""
    lang = lang or language()
    return scope_line(sidebar.current_filters(), scope_names(lang), lang, public=small_counts.public_view())


def page_header(title: str, intro: str | None = None, scoped: bool = True) -> None:
    """A page's title, the scope line under it (on a phone the sidebar that holds the filters is
    closed, so the page itself says what it shows), and its introduction."""
    st.title(title)
    if scoped:
        st.markdown(f":material/filter_alt: **{markdown_literal(scope_text())}**")
    if intro:
        st.caption(intro)


def light_edition_link(region_code: str | None = None) -> None:
    """A link to the light public edition's page of ``region_code`` (a province or regency;
    Kalimantan without one), when the deployment serves the edition beside the app: the same public
    numbers as static pages, fast on a phone."""
    url = settings.light_url()
    if url:
        lang = language()
        page = url + ("en/" if lang == "en" else "") + (f"{region_code}/" if region_code else "")
        st.link_button(t("light_link", lang), page, icon=":material/bolt:")


def synthetic_banner() -> None:
    st.warning(t("synthetic_banner", language()), icon=":material/science:")


def empty_state(message: str | None = None) -> None:
    """What an empty selection means: ``message``, or what is true of the shared filters: the
    register records nothing for the area and cycle ("belum ada kasus tercatat"), and only where
    a narrowing filter (category, position, level, dates) is set, the advice to remove it."""
    lang = language()
    if message is None:
        filters = sidebar.current_filters()
        choices = filter_choices.choices(lang)
        area = choices.names.get(filters.region_code, "Kalimantan") if filters.region_code else "Kalimantan"
        cycle = (
            choices.elections.get(filters.election_id, t("all_elections", lang))
            if filters.election_id
            else in_sentence(t("all_elections", lang))
        )
        narrowing = [
            label
            for label, chosen in (
                (choices.categories.get(filters.category_code), filters.category_code),
                (choices.positions.get(filters.position_code), filters.position_code),
                (t(filters.agency_level, lang) if filters.agency_level else None, filters.agency_level),
                (t("date_range", lang), filters.date_from or filters.date_to),
            )
            if chosen
        ]
        message = (
            t_markdown("none_recorded_filtered", lang, area=area, cycle=cycle, narrowing=", ".join(narrowing))
            if narrowing
            else t_markdown("none_recorded", lang, area=area, cycle=cycle)
        )
        st.info(message, icon=":material/inbox:")
        return
    st.info(message, icon=":material/filter_alt_off:")


def _png_bytes(fig: FigureSpec, context: ExportContext) -> bytes:
    """The chart as PNG, carrying its context (question, scope, source, date, the synthetic
    stamp: ``analytics.export_context``) and its map boundaries embedded (the browser fetches
    them by URL; the image renderer is given them)."""
    maps.use_local_basemap_for_images()
    png = with_export_context(fig, context).to_plotly()
    for trace in png.data:
        if isinstance(getattr(trace, "geojson", None), str):
            trace.geojson = json.loads(static_file(trace.geojson).read_text(encoding="utf-8"))
    return png.to_image(format="png", width=1100, height=680, scale=2)


class _SentAsIs(BaseFigure):
    """A finished spec for ``st.plotly_chart``, which validates a dict once more (a Plotly figure
    built and checked property by property) but takes a figure object's ``to_dict()`` as it is.
    This object is nothing but that ``to_dict()``; the specs are checked in the page tests."""

    def __init__(self, spec: dict) -> None:  # noqa: D107 (no Plotly figure is built)
        object.__setattr__(self, "_spec", spec)

    def to_dict(self) -> dict:
        return self._spec


def plotly_chart(fig: FigureSpec, **kwargs) -> object:
    """``st.plotly_chart`` for a finished spec."""
    return st.plotly_chart(_SentAsIs(fig.to_browser_dict()), **kwargs)


def chart(
    fig: FigureSpec,
    numbers: pd.DataFrame,
    key: str,
    source: str,
    as_of=None,
    unit_note: str | None = None,
    on_select=None,
    selection_mode=None,
) -> object:
    """A chart with its provenance and the exact numbers behind it as CSV and PNG."""
    lang = language()
    kwargs = {}
    if on_select is not None:
        kwargs = {"on_select": on_select, "selection_mode": selection_mode or ("points",)}
    title = fig.title
    shown = fig
    if title:
        # The question is written above the chart so that it wraps on a phone; the PNG keeps it
        # as the figure's own title.
        st.markdown(f"**{markdown_literal(title)}**")
        # what the figure's top margin holds beyond the title's usual 60 px (labels above the
        # plot, such as the timeline's voting days) stays
        room = max(0, int((fig.layout.get("margin") or {}).get("t") or 60) - 60)
        shown = fig.with_layout(title=None, margin={"t": 20 + room})
    if small_counts.too_detailed(numbers):
        return None
    if draws_nothing(fig):
        # every number of the chart is withheld (or there is none): say so, never draw empty axes
        if small_counts.public_view():
            st.info(t("chart_all_withheld", lang, n=small_counts.threshold()), icon=":material/shield_person:")
        else:
            st.info(t("chart_nothing_to_draw", lang), icon=":material/inbox:")
        return None
    event = plotly_chart(shown, key=key, config=plotly_config(), width="stretch", **kwargs)
    caption = [f"{t('source', lang)}: {markdown_literal(source)}"]
    register_shown = register_source() in source
    register_public = small_counts.public_view() and register_shown
    # the public's register date is its month (analytics.disclosure)
    as_of_text = None if as_of is None else format_date(as_of, lang, "month" if register_public else "day")
    if as_of_text is not None:
        caption.append(t("data_as_of", lang, date=as_of_text))
    if unit_note:
        caption.append(unit_note)
    withheld_note = small_counts.withheld_note(numbers)
    if withheld_note:
        caption.append(withheld_note)
    # register numbers the public sees are adjusted, also where a page reshaped them (the funnel)
    if disclosure.is_adjusted(numbers) or register_public:
        caption.append(t("adjusted_note", lang, d=cell_key.MAX_ADJUSTMENT))
    st.caption(" · ".join(caption))
    # The chart's text alternative: the very numbers it draws, as a table a screen reader reads. It is
    # made when opened (opening reruns the page) and stays open across filter changes while the chart
    # asks the same question (a new question, e.g. another metric, is a new table, closed): converting
    # every chart's table on every rerun cost a tenth of a page's time.
    with st.expander(
        t_markdown("chart_numbers", lang, title=title or key), key=f"{key}_numbers", on_change="rerun"
    ) as box:
        if box.open:
            st.dataframe(numbers, hide_index=True, width="stretch")
    col_csv, col_png, _ = st.columns([1, 1, 3])
    # Both files are made when asked for: writing every chart's CSV on every rerun cost a fifth
    # of a page's time.
    context = ExportContext(
        scope=scope_text(lang),
        source=source,
        as_of=as_of_text,
        synthetic=register_shown and register_is_synthetic(),
        lang=lang,
    )
    file_stem = f"{key}_{scope_slug(sidebar.current_filters())}"
    col_csv.download_button(
        t("download_csv", lang),
        data=lambda: safe_csv_bytes(chart_numbers_csv(numbers)),
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        icon=":material/table:",
    )
    col_png.download_button(
        t("download_png", lang),
        data=lambda: _png_bytes(fig, context),
        file_name=f"{file_stem}.png",
        mime="image/png",
        key=f"{key}_png",
        on_click="ignore",
        icon=":material/image:",
    )
    return event


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A formula-safe CSV of ``frame`` for a download button."""
    return safe_csv_bytes(frame)


def register_is_synthetic() -> bool:
    """Whether the case register shown is the synthetic demo (no cases or sanctions imported)."""
    imported = data.imported_tables()
    return not ("violation_cases" in imported or "sanctions" in imported)


def register_source() -> str:
    """The case register's provenance: the synthetic demo, or the imported version."""
    lang = language()
    imported = data.imported_tables()
    if "violation_cases" in imported or "sanctions" in imported:
        return t("register_source_imported", lang, version=data.sources().import_version)
    return t("register_source", lang)


def source_footer(table_names: list[str]) -> None:
    """Name the sources and licences of the tables a page used (from the catalog, or the
    import that replaced a table)."""
    lang = language()
    catalog = load_catalog()
    imported = data.imported_tables()
    lines = []
    for name in table_names:
        table = catalog[name]
        title = table.title_in(lang)
        if name in imported:
            entry = imported[name]
            # who imported and the file's name are for analysts; the public sees version and date
            if small_counts.public_view():
                said = t_markdown("imported_source_public", lang, when=entry["when"], version=entry["version"])
            else:
                said = t_markdown(
                    "imported_source",
                    lang,
                    who=entry["who"],
                    when=entry["when"],
                    file=entry["file"],
                    version=entry["version"],
                )
            lines.append(f"- **{title}**: {said}.")
            continue
        lines.append(f"- **{title}**: {table.source_in(lang)}. {t('licence', lang)}: {table.licence_in(lang)}.")
    with st.container(border=True):
        st.markdown(f"**{t('sources_title', lang)}**" + "\n\n" + "\n".join(lines))
        if small_counts.public_view() and {"violation_cases", "sanctions"} & set(table_names):
            st.page_link("pages/tentang_data.py", label=t("protection_link", lang), icon=":material/shield_person:")


def metric_tile(
    column, label: str, value: str, delta: str | None = None, help_text: str | None = None, delta_color: str = "normal"
) -> None:
    column.metric(label, value, delta=delta, help=help_text, delta_color=delta_color, border=True)


def per_1000_note(values: pd.DataFrame) -> str:
    """What the per-1,000-ASN denominators are, and exactly how many of those shown are synthetic."""
    lang = language()
    note = t("per_1000_note", lang)
    synthetic = values["headcount_is_synthetic"].fillna(False).astype(bool)
    if synthetic.any():
        note += " " + t("per_1000_synthetic_note", lang, n=int(synthetic.sum()), total=len(values))
    return note
