"""The shared filters in the sidebar, kept in the URL so a view can be shared and reopened.

Streamlit drops widget state on a page switch, so the values are pinned through the Session
State API at the start of every run (and kept under a key of our own): the filters follow the
user from page to page.

The URL holds codes (``?pemilu=pilkada-2024&provinsi=63&kabkota=63.09``), not labels, so
it survives a language switch. It is read once per browser session, when the widgets are
seeded, and written back from the widget values on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from analytics import elections as cycles
from analytics.charts.spec import wrap_label
from analytics.filters import AGENCY_LEVELS, Filters
from analytics.i18n import LANGUAGES, label, t
from analytics.text import plotly_literal
from analytics.ui import data
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


def _options() -> dict[str, pd.DataFrame]:
    return {
        "elections": data.query("elections"),
        "regions": data.query("regions"),
        "categories": data.query("categories"),
        "positions": data.query("positions"),
    }


@dataclass(frozen=True)
class Choices:
    """The sidebar's options and their labels in one language: {code: label}, in display order."""

    elections: dict[str, str]
    provinces: dict[str, str]
    names: dict[str, str]
    regencies: dict[str | None, list[str]]  # by province code; None: all of Kalimantan
    categories: dict[str, str]
    positions: dict[str, str]

    def regencies_of(self, province: str | None) -> list[str]:
        return self.regencies.get(province, [])


_choices_made: dict[tuple[str, str], Choices] = {}


def choices(lang: str) -> Choices:
    """The sidebar's choices for the data as they are now, made once per data version and language
    (the reference tables behind them change only with an import)."""
    key = (data.sources().version, lang)
    made = _choices_made.get(key)
    if made is None:
        options = _options()
        regions = options["regions"]
        regencies = regions[regions["level"] == "regency"]
        by_province: dict[str | None, list[str]] = {None: list(regencies["region_code"])}
        for code, province_code in zip(regencies["region_code"], regencies["province_code"]):
            by_province.setdefault(province_code, []).append(code)
        provinces = regions[regions["level"] == "province"]
        elections = options["elections"]
        made = Choices(
            elections=cycles.labels(elections, lang),
            provinces=dict(zip(provinces["region_code"], provinces["region_name"])),
            names=dict(zip(regions["region_code"], regions["region_name"])),
            regencies=by_province,
            categories={row["code"]: label(row, lang) for _, row in options["categories"].iterrows()},
            positions={row["code"]: label(row, lang) for _, row in options["positions"].iterrows()},
        )
        if len(_choices_made) > 8:  # versions come and go with imports
            _choices_made.clear()
        _choices_made[key] = made
    return made


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


def select_region(region_code: str) -> None:
    """Select a province or regency (used by map clicks and links); call from a callback."""
    if "." in region_code:
        st.session_state["f_province"] = region_code.split(".")[0]
        st.session_state["f_regency"] = region_code
    else:
        st.session_state["f_province"] = region_code
        st.session_state["f_regency"] = ALL


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


def on_map_select(chart_key: str):
    """A plotly on_select callback: a click on a region selects it in the shared filters."""
    from analytics.charts.maps import region_from_selection

    def _select() -> None:
        code = region_from_selection(st.session_state.get(chart_key))
        if code:
            select_region(code)

    return _select


def url_params() -> dict[str, str]:
    """The current filters as URL parameters (for links to other pages)."""
    return dict(st.query_params)


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


def current_user() -> str:
    """Who is acting, for the version log: the logged-in user where there is one."""
    try:
        user = st.user
        if getattr(user, "is_logged_in", False):
            return str(user.get("email") or user.get("name") or "analyst")
    except Exception:  # st.user needs an auth configuration on some versions
        pass
    from analytics.ingest.pipeline import default_user

    return default_user()
