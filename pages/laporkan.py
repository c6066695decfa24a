"""Laporkan pelanggaran: the official channels for a report, as working links, with when to use which."""

import streamlit as st

from analytics.formatting import format_date
from analytics.i18n import t
from analytics.report_channels import CHANNELS
from analytics.text import markdown_link, markdown_literal
from analytics.ui import components, session
from analytics.ui.frame import ensure_routed_through_app

ensure_routed_through_app()

lang = session.language()
components.page_header(t("page_report", lang), scoped=False)
st.markdown(t("report_intro", lang))
for channel in CHANNELS:
    with st.container(border=True):
        st.markdown(f"#### {markdown_link(channel.name, channel.address)}")
        st.markdown(t(channel.when_key, lang))
        st.link_button(channel.address.removeprefix("https://"), channel.address, icon=":material/open_in_new:")
        source = (
            f"{markdown_link(channel.source_title, channel.source_url)}, {markdown_literal(channel.source_publisher)}, "
            f"{format_date(channel.source_date, lang)}"
        )
        st.markdown(t("report_source", lang, source=source))  # a caption's grey made the link too faint
st.info(t("report_prepare", lang), icon=":material/checklist:")
