"""Clicks that choose: a region clicked on a map, a bar clicked in a breakdown, set as the
shared filters (callbacks for ``st.plotly_chart``'s ``on_select``)."""

from __future__ import annotations

import streamlit as st

from analytics.charts.spec import wrap_label
from analytics.text import plotly_literal
from analytics.ui.session import language  # noqa: F401 (pages read it here)
from analytics.ui.url import ALL


def select_region(region_code: str) -> None:
    """Select a province or regency (used by map clicks and links); call from a callback."""
    if "." in region_code:
        st.session_state["f_province"] = region_code.split(".")[0]
        st.session_state["f_regency"] = region_code
    else:
        st.session_state["f_province"] = region_code
        st.session_state["f_regency"] = ALL


def on_map_select(chart_key: str):
    """A plotly on_select callback: a click on a region selects it in the shared filters."""
    from analytics.charts.maps import region_from_selection

    def _select() -> None:
        code = region_from_selection(st.session_state.get(chart_key))
        if code:
            select_region(code)

    return _select


#: Breakdown dimensions that are also shared filters, with the filter's widget key.
DIMENSION_FILTER_KEYS = {"category": "f_category", "position": "f_position", "agency_level": "f_level"}


def on_bar_select(chart_key: str, dimension: str, codes_by_label: dict[str, str]):
    """A plotly on_select callback for a bar chart of ``dimension``: a click on a bar sets that
    value as the shared filter (a drill-down that the URL keeps)."""
    filter_key = DIMENSION_FILTER_KEYS[dimension]
    # the bar's label as the chart shows it: wrapped, and written as literal text
    codes_by_label = {
        **codes_by_label,
        **{plotly_literal(wrap_label(label)): code for label, code in codes_by_label.items()},
    }

    def _select() -> None:
        event = st.session_state.get(chart_key) or {}
        points = (event.get("selection") or {}).get("points") or []
        for point in points:
            code = codes_by_label.get(str(point.get("y")))
            if code:
                st.session_state[filter_key] = code
                return

    return _select
