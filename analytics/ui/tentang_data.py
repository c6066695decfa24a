"""Components of the "Tentang data" page: the data dictionary rendered from the catalog."""

from __future__ import annotations

import streamlit as st

from analytics import db, demo
from analytics.catalog import columns_frame, load_catalog
from analytics.formatting import format_count
from analytics.i18n import t
from analytics.ui import data, small_counts
from analytics.ui.session import language

TIER_LABELS = {
    "reference": {"id": "Referensi (nyata)", "en": "Reference (real)"},
    "published": {"id": "Angka resmi (nyata, bersumber)", "en": "Published figures (real, cited)"},
    "documented": {"id": "Kegiatan tercatat (nyata, bersumber)", "en": "Documented events (real, cited)"},
    "register": {"id": "Register kasus", "en": "Case register"},
}


@st.cache_data(show_spinner=False)
def _row_counts(version: str) -> dict[str, int]:
    con, _ = data.connection()
    with con.cursor() as cur:
        return db.table_row_counts(cur)


def data_dictionary(register_is_synthetic: bool) -> None:
    lang = language()
    counts = _row_counts(data.sources().version)
    for table in load_catalog():
        title = table.title_in(lang)
        tier = TIER_LABELS[table.tier][lang]
        if table.tier == "register" and register_is_synthetic:
            tier += " — " + t("tier_synthetic_demo", lang)
        # the register's row counts are exact totals of cases: the public gets them adjusted on the pages only
        size = (
            ""
            if table.tier == "register" and small_counts.public_view()
            else " · " + t("dictionary_rows", lang, n=format_count(counts.get(table.name, 0), lang))
        )
        with st.expander(f"**{title}** (`{table.name}`) · {tier}{size}"):
            st.markdown(table.description)
            st.markdown(
                f"**{t('source', lang)}:** {table.source_in(lang)}  \n"
                f"**{t('licence', lang)}:** {table.licence_in(lang)}  \n"
                f"**{t('dictionary_retrieved', lang)}:** {table.retrieved}  \n"
                f"**{t('dictionary_key', lang)}:** {', '.join(table.primary_key)}"
            )
            st.dataframe(columns_frame(table), hide_index=True, width="stretch")


@st.cache_data(show_spinner=False)
def calibration_text(lang: str) -> str:
    """How the demo register was calibrated, and which targets are fallbacks, not published."""
    reference = demo.load_reference()
    calibration = demo.calibration_from_figures(
        reference.published_figures, reference.elections, reference.category_codes, reference.position_codes
    )
    return demo.describe_calibration(calibration, lang)
