"""The shared filters in the sidebar: the widgets, their reset, and the ``Filters`` of this run."""

from __future__ import annotations

from datetime import date

import streamlit as st

from analytics import elections as cycles
from analytics.filters import AGENCY_LEVELS, Filters
from analytics.i18n import LANGUAGES, t
from analytics.ui import data
from analytics.ui.filter_choices import choices
from analytics.ui.session import language  # noqa: F401 (pages read it here)
from analytics.ui.url import ALL, DEFAULT_ELECTION, PAGE_CONTROLS, URL_KEYS, _pin_filter_values, _save, _seed_from_url


def reset_filters() -> None:
    for key in URL_KEYS:
        if key != "lang":
            st.session_state.pop(key, None)
    st.session_state["f_election"] = DEFAULT_ELECTION


def sidebar_filters() -> Filters:
    """Render the shared filters in the sidebar and return them."""
    _seed_from_url()
    _pin_filter_values()
    if "f_election" not in st.session_state:
        st.session_state["f_election"] = DEFAULT_ELECTION if DEFAULT_ELECTION in choices("id").elections else ALL

    with st.sidebar:
        if st.session_state.get("lang") not in LANGUAGES:
            st.session_state["lang"] = "id"
        st.segmented_control(
            t("language", language()),
            options=list(LANGUAGES),
            key="lang",
            format_func=lambda code: {"id": "Bahasa Indonesia", "en": "English"}[code],
        )
        lang = language()
        st.header(t("filters", lang))

        options = choices(lang)
        st.selectbox(
            t("election", lang),
            [ALL, *options.elections],
            key="f_election",
            format_func=lambda code: t("all_elections", lang) if code == ALL else options.elections[code],
        )
        # one under the other: side by side, each field cut its own placeholder to "dd/mm/y"
        st.date_input(
            t("date_from", lang),
            value=None,
            key="f_from",
            format="DD/MM/YYYY",
            min_value=date(2014, 1, 1),
            max_value=date(2030, 12, 31),
        )
        st.date_input(
            t("date_to", lang),
            value=None,
            key="f_to",
            format="DD/MM/YYYY",
            min_value=date(2014, 1, 1),
            max_value=date(2030, 12, 31),
        )

        st.selectbox(
            t("province", lang),
            [ALL, *options.provinces],
            key="f_province",
            format_func=lambda code: t("all_provinces", lang) if code == ALL else options.names[code],
        )
        regencies = options.regencies_of(_chosen("f_province"))
        if st.session_state.get("f_regency", ALL) not in {ALL, *regencies}:
            st.session_state["f_regency"] = ALL
        st.selectbox(
            t("regency", lang),
            [ALL, *regencies],
            key="f_regency",
            format_func=lambda code: t("all_regencies", lang) if code == ALL else options.names[code],
        )
        st.selectbox(
            t("category", lang),
            [ALL, *options.categories],
            key="f_category",
            format_func=lambda code: t("all_categories", lang) if code == ALL else options.categories[code],
        )
        st.selectbox(
            t("position", lang),
            [ALL, *options.positions],
            key="f_position",
            format_func=lambda code: t("all_positions", lang) if code == ALL else options.positions[code],
        )
        st.selectbox(
            t("agency_level", lang),
            [ALL, *AGENCY_LEVELS],
            key="f_level",
            format_func=lambda code: t("all_levels", lang) if code == ALL else t(code, lang),
        )
        st.button(t("reset_filters", lang), on_click=reset_filters, width="stretch")

    _save()
    st.session_state[PAGE_CONTROLS] = {}  # the page registers its own as it runs; app.py writes the URL after
    date_from, date_to = st.session_state.get("f_from"), st.session_state.get("f_to")
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    return Filters(
        election_id=_chosen("f_election"),
        date_from=date_from,
        date_to=date_to,
        province_code=_chosen("f_province"),
        regency_code=_chosen("f_regency"),
        category_code=_chosen("f_category"),
        position_code=_chosen("f_position"),
        agency_level=_chosen("f_level"),
    )


def _chosen(key: str) -> str | None:
    """A selectbox's value, with "all" as None."""
    value = st.session_state.get(key)
    return None if value in (None, ALL) else value


def current_filters() -> Filters:
    """The filters app.py rendered for this run."""
    return st.session_state.get("filters") or Filters(election_id=DEFAULT_ELECTION)


def previous_election(election_id: str | None) -> str | None:
    """The previous comparable cycle of ``election_id`` (same election type), if any."""
    return cycles.previous(data.query("elections"), election_id)
