"""The view in the URL, so that a copied link reopens it: the shared filters' parameters (codes, not
labels, so a link survives a language switch: ``?pemilu=pilkada-2024&provinsi=63&kabkota=63.09``),
read once per browser session when the widgets are seeded, and each page's own controls
(``url_control``); ``write_url`` writes the whole view back at the end of every run.

Streamlit drops widget state on a page switch, so the filter values are pinned through the
Session State API at the start of every run (and kept under a key of our own): the filters
follow the user from page to page."""

from __future__ import annotations

from datetime import date

import streamlit as st

from analytics.filters import AGENCY_LEVELS
from analytics.i18n import LANGUAGES
from analytics.ui.filter_choices import _options
from analytics.ui.session import language  # noqa: F401 (pages read it here)

DEFAULT_ELECTION = "pilkada-2024"

ALL = "semua"

# widget key -> URL parameter
URL_KEYS = {
    "f_election": "pemilu",
    "f_from": "dari",
    "f_to": "sampai",
    "f_province": "provinsi",
    "f_regency": "kabkota",
    "f_category": "kategori",
    "f_position": "jabatan",
    "f_level": "tingkat",
    "lang": "lang",
}


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _seed_from_url() -> None:
    """Copy valid URL parameters into the widget state, once per session."""
    if st.session_state.get("_url_seeded"):
        return
    st.session_state["_url_seeded"] = True
    options = _options()
    params = st.query_params
    regions = options["regions"]
    valid = {
        "f_election": set(options["elections"]["election_id"]) | {ALL},
        "f_province": set(regions.loc[regions["level"] == "province", "region_code"]),
        "f_regency": set(regions.loc[regions["level"] == "regency", "region_code"]),
        "f_category": set(options["categories"]["code"]),
        "f_position": set(options["positions"]["code"]),
        "f_level": set(AGENCY_LEVELS),
        "lang": set(LANGUAGES),
    }
    for key, param in URL_KEYS.items():
        raw = params.get(param)
        if raw is None:
            continue
        if key in ("f_from", "f_to"):
            parsed = _parse_date(raw)
            if parsed is not None:
                st.session_state[key] = parsed
        elif raw in valid[key]:
            st.session_state[key] = raw
    if st.session_state.get("f_regency", ALL) != ALL:
        st.session_state["f_province"] = st.session_state["f_regency"].split(".")[0]


SAVED = "_saved_filters"


def _pin_filter_values() -> None:
    """Carry the filter values into this run explicitly.

    On a page switch Streamlit registers the sidebar widgets under new ids (the id includes the
    page) and would show their defaults; assigning each value through the Session State API
    before the widgets are created makes them keep it. A user's change in this run is already
    the current value, so it is kept too."""
    saved = st.session_state.get(SAVED) or {}
    for key in URL_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
        elif key in saved:
            st.session_state[key] = saved[key]


def _save() -> None:
    st.session_state[SAVED] = {key: st.session_state[key] for key in URL_KEYS if key in st.session_state}


#: This run's page controls (a page's own measure, level, comparison ...): widget key -> (URL
#: parameter, default). Reset at the start of every run; the URL is written at its end.
PAGE_CONTROLS = "_page_controls"

SEEDED_CONTROLS = "_page_controls_seeded"

#: The option "none" of a page control (no comparison): an option of its own, since a selectbox
#: whose value is None shows its placeholder, not the option's label.
NO_CHOICE = "tidak"


def url_control(widget_key: str, param: str, options, default=None) -> None:
    """Keep a page's own control in the URL under ``param``, so that a copied link reopens the same
    view. The first time a session renders it, the URL's value (when it names one of ``options``)
    is taken; otherwise the control keeps its value, or takes ``default`` when that value is no
    longer offered or the default itself changed (a default that follows the cycle filter, such as
    the previous cycle to compare with). Create the widget right after, with ``key=widget_key`` and
    without a default or index of its own."""
    st.session_state.setdefault(PAGE_CONTROLS, {})[widget_key] = (param, default)
    defaults = st.session_state.setdefault(SEEDED_CONTROLS, {})
    if widget_key not in defaults:
        defaults[widget_key] = default
        raw = st.query_params.get(param)
        found = [option for option in options if raw is not None and str(option) == raw]
        if found:
            st.session_state[widget_key] = found[0]
            return
    default_changed = defaults[widget_key] != default
    defaults[widget_key] = default
    if default_changed or widget_key not in st.session_state or st.session_state[widget_key] not in options:
        st.session_state[widget_key] = default


def write_url() -> None:
    """Write the whole view into the URL: the shared filters and this run's page controls (a
    control at its default is left out)."""
    params: dict[str, str] = {}
    for key, param in URL_KEYS.items():
        value = st.session_state.get(key)
        if key == "f_election":
            params[param] = value or ALL
        elif key == "lang":
            if value and value != "id":
                params[param] = value
        elif isinstance(value, date):
            params[param] = value.isoformat()
        elif value and value != ALL:
            params[param] = str(value)
    for widget_key, (param, default) in (st.session_state.get(PAGE_CONTROLS) or {}).items():
        value = st.session_state.get(widget_key, default)
        if value != default:
            params[param] = str(value)
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)


def url_params() -> dict[str, str]:
    """The current filters as URL parameters (for links to other pages)."""
    return dict(st.query_params)
