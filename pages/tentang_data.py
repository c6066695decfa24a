"""Tentang data: the data dictionary from the catalog, sources, licences, methodology, caveats."""

import streamlit as st

from analytics import cell_key, disclosure, geo, settings
from analytics.i18n import t
from analytics.ui import components, data, session, tentang_data
from analytics.ui.frame import ensure_routed_through_app

ensure_routed_through_app()

lang = session.language()
components.page_header(t("page_about", lang), scoped=False)
register_is_synthetic = bool(data.query("data_as_of").iloc[0]["register_is_synthetic"])

st.markdown(t("about_intro", lang))
st.page_link("pages/laporkan.py", label=t("report_link", lang), icon=":material/report:")
st.subheader(t("about_tiers_title", lang))
st.markdown(t("about_tiers", lang))
st.subheader(t("about_method_title", lang))
st.markdown(t("about_method", lang))
st.subheader(t("about_protection_title", lang), anchor="perlindungan-angka-publik")
st.markdown(
    t(
        "about_protection",
        lang,
        d=cell_key.MAX_ADJUSTMENT,
        n=settings.small_count_threshold(),
        budget=disclosure.RESTRICTION_BUDGET,
    )
)

# the details an analyst checks fold away below the plain-language part
st.subheader(t("about_details_title", lang))
if register_is_synthetic:
    with st.expander(t("about_demo_title", lang), icon=":material/science:"):
        st.markdown(tentang_data.calibration_text(lang))
with st.expander(t("about_boundaries_title", lang), icon=":material/map:"):
    st.markdown(geo.attribution(lang) + " " + t("about_boundaries_layers", lang))
st.markdown(f"**{t('about_dictionary_title', lang)}**")
tentang_data.data_dictionary(register_is_synthetic)  # one folded entry per table
