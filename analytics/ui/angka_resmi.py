"""Angka resmi: the registry tables, each figure with its date, publisher and link."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from analytics import official
from analytics.charts.spec import FigureSpec
from analytics.formatting import format_date, format_stated
from analytics.i18n import figure_unit, in_language, t
from analytics.result_cache import ResultCache
from analytics.ui import data
from analytics.ui.session import language

QUALIFIER_MARK = {"exact": "", "approx": "~", "more_than": ">"}


#: The registry's shaped tables of every session, by function, arguments, cycle and data version.
SHAPED = ResultCache(max_entries=256)


def shaped(function_name: str, *args, election_id: str | None = None) -> pd.DataFrame:
    """``analytics.official.<function_name>(registry, *args)``, computed once per data version
    (and cycle: with ``election_id``, over that cycle's figures only) and shared by sessions."""
    return _table(function_name, args, election_id, data.sources().version)


def _table(function_name: str, args: tuple, election_id: str | None, version: str) -> pd.DataFrame:
    return SHAPED.get((function_name, args, election_id, version), lambda: _shaped(function_name, args, election_id))


#: Their charts, by builder, table, arguments and data version.
SPECS = ResultCache(max_entries=256, immutable=True)


def chart_spec(
    builder: Callable[..., FigureSpec],
    function_name: str,
    *args,
    election_id: str | None = None,
    build_args: tuple = (),
) -> tuple[FigureSpec, pd.DataFrame]:
    """``builder(shaped(function_name, *args), *build_args)`` and the table it draws, the chart made once
    per data version and arguments (building one from the registry took 10-20 ms) and shared."""
    version = data.sources().version  # read once: the table and its chart of the same version
    table = _table(function_name, args, election_id, version)
    key = (builder.__module__, builder.__qualname__, function_name, args, election_id, build_args, version)
    return SPECS.get(key, lambda: builder(table, *build_args)), table


def _shaped(function_name: str, args: tuple, election_id: str | None) -> pd.DataFrame:
    registry = data.query("published_figures")
    if election_id:
        registry = registry[registry["election_id"] == election_id]
    return getattr(official, function_name)(registry, *args)


def metric_labels(lang: str) -> pd.Series:
    """Each metric's label in ``lang``, once per data version."""
    key = ("metric_labels", lang, data.sources().version)
    return DISPLAYED.get(
        key,
        lambda: (
            data.query("published_figures")
            .drop_duplicates("metric")
            .set_index("metric")[in_language("metric_label", lang)]
        ),
    )


def map_values(metric: str, level: str, election_id: str | None) -> pd.DataFrame:
    """Every region of ``level`` with the latest published ``metric`` (``official.latest_by_region``)
    and how many figures it rests on (0 where none), once per data version and choice."""
    key = ("map_values", metric, level, election_id, data.sources().version)
    return SHAPED.get(key, lambda: _map_values(metric, level, election_id))


def _map_values(metric: str, level: str, election_id: str | None) -> pd.DataFrame:
    latest = shaped("latest_by_region", metric, level, election_id)
    regions = data.query("regions")
    values = regions[regions["level"] == level][["region_code", "region_name"]].merge(
        latest.drop(columns=["region_name"]), on="region_code", how="left"
    )
    values["figures_count"] = values["figures_count"].fillna(0).astype("int64")
    return values


def _dates(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        format_date(d, lang, p or "day") if not pd.isna(d) else "—"
        for d, p in zip(frame["as_of_date"], frame["as_of_precision"])
    ]


def listed(
    province_code: str | None, regency_code: str | None, outside: bool, group: str, election_id: str | None
) -> pd.DataFrame:
    """The registry's figures for the chosen area (``official.in_scope``), metric group (``"semua"``:
    all) and cycle, selected once per data version and choice and shared by sessions (selecting
    rows of the wide registry was a fifth of a loaded server's time)."""
    version = data.sources().version
    key = ("listed", province_code, regency_code, outside, group, election_id, version)
    return SHAPED.get(key, lambda: _listed(province_code, regency_code, outside, group, election_id))


def _listed(province_code, regency_code, outside, group, election_id) -> pd.DataFrame:
    shown = official.in_scope(data.query("published_figures"), province_code, regency_code, outside)
    if group != "semua":
        shown = shown[shown["metric_group"] == group]
    if election_id:
        shown = shown[shown["election_id"] == election_id]
    return shown


#: The tables as shown, by the figures' ids, the grouping, the language and the data version.
DISPLAYED = ResultCache(max_entries=256, immutable=True)


def registry_table(figures: pd.DataFrame, group_column: str | None = None, height: int | None = None) -> None:
    """Published figures with value (and its qualifier), date, publisher and a link to the source."""
    lang = language()
    key = (tuple(figures["figure_id"]), group_column, lang, data.sources().version)
    shown = DISPLAYED.get(key, lambda: _displayed(figures, group_column, lang))
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=height or "auto",
        column_config={
            t("source", lang): st.column_config.LinkColumn(display_text=t("open_source", lang)),
        },
    )


def _displayed(figures: pd.DataFrame, group_column: str | None, lang: str) -> pd.DataFrame:
    shown = pd.DataFrame(
        {
            t("figure_cycle", lang): figures["cycle_label"],
            t("figure_metric", lang): figures[in_language("metric_label", lang)],
            t("figure_area", lang): official.area_names(figures, t("national", lang)),
            # grouped and pointed as the language writes numbers (3.824 and 12,5 in Bahasa Indonesia)
            t("figure_value", lang): [
                QUALIFIER_MARK.get(q, "") + format_stated(v, lang)
                for v, q in zip(figures["value"], figures["value_qualifier"])
            ],
            t("figure_unit", lang): [figure_unit(unit, lang) for unit in figures["unit"]],
            t("figure_as_of", lang): _dates(figures, lang),
            t("publisher", lang): figures["publisher"],
            # the source's own headline, as published: the curated description is English only
            t("source_title", lang): figures["source_title"],
            t("source", lang): figures["source_url"],
            "ID": figures["figure_id"],
        }
    )
    if group_column is not None:
        shown.insert(0, t("conflict_group", lang), figures[group_column])
    return shown
