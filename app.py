"""Pantau Netralitas ASN: router and frame only."""

import streamlit as st

from analytics.disclosure import public_filters
from analytics.formatting import format_date
from analytics.i18n import t, t_markdown
from analytics.ui import access, data, state
from analytics.ui.frame import framed

st.set_page_config(page_title="Pantau Netralitas ASN", page_icon="⚖️", layout="wide",
                   initial_sidebar_state="auto")

filters = state.sidebar_filters()
st.session_state["filters"] = filters
lang = state.language()
with st.sidebar:
    access.login_box()
analyst = access.is_analyst()
if not analyst and (filters.date_from or filters.date_to):
    # the public's dates are whole months (analytics.disclosure): say which
    months = public_filters(filters)
    st.sidebar.caption(t("public_months", lang, start=format_date(months.date_from, lang) if months.date_from else "…",
                         end=format_date(months.date_to, lang) if months.date_to else "…"))
if data.problem():
    st.warning(t_markdown("data_fallback", lang, reason=data.problem(), version=data.sources().version),
               icon=":material/error:")

pages = [
    st.Page("pages/ringkasan.py", title=t("page_summary", lang), icon=":material/dashboard:",
            url_path="ringkasan", default=True),
    st.Page("pages/peta.py", title=t("page_map", lang), icon=":material/map:", url_path="peta"),
    st.Page("pages/profil_wilayah.py", title=t("page_profile", lang), icon=":material/location_on:",
            url_path="profil_wilayah"),
    st.Page("pages/jenis_pelanggaran.py", title=t("page_categories", lang), icon=":material/category:",
            url_path="jenis_pelanggaran"),
    st.Page("pages/sanksi.py", title=t("page_sanctions", lang), icon=":material/gavel:", url_path="sanksi"),
    st.Page("pages/sosialisasi.py", title=t("page_events", lang), icon=":material/campaign:", url_path="sosialisasi"),
    st.Page("pages/angka_resmi.py", title=t("page_figures", lang), icon=":material/fact_check:",
            url_path="angka_resmi"),
    st.Page("pages/data_terbuka.py", title=t("page_open_data", lang), icon=":material/download:",
            url_path="data_terbuka"),
    st.Page("pages/tentang_data.py", title=t("page_about", lang), icon=":material/info:", url_path="tentang_data"),
]
# Analyst pages exist only for a logged-in analyst: for the public their URLs open nothing.
if analyst:
    pages[-1:-1] = [
        st.Page("pages/paparan.py", title=t("page_briefing", lang), icon=":material/co_present:", url_path="paparan"),
        st.Page("pages/kelola_data.py", title=t("page_manage", lang), icon=":material/upload_file:",
                url_path="kelola_data"),
    ]
with framed():
    st.navigation(pages, position="sidebar").run()
