"""Pantau Netralitas ASN: router and frame only."""

import streamlit as st

from analytics import pages as site_pages
from analytics.disclosure import public_filters
from analytics.formatting import format_date
from analytics.i18n import t, t_markdown
from analytics.ui import access, data, session, sidebar, url
from analytics.ui.frame import framed, not_found_page, requested_page

st.set_page_config(page_title="Pantau Netralitas ASN", page_icon="⚖️", layout="wide", initial_sidebar_state="auto")

filters = sidebar.sidebar_filters()
st.session_state["filters"] = filters
lang = session.language()
with st.sidebar:
    access.login_box()
analyst = access.is_analyst()
if not analyst and (filters.date_from or filters.date_to):
    # the public's dates are whole months (analytics.disclosure): say which
    months = public_filters(filters)
    st.sidebar.caption(
        t(
            "public_months",
            lang,
            start=format_date(months.date_from, lang) if months.date_from else "…",
            end=format_date(months.date_to, lang) if months.date_to else "…",
        )
    )
if data.problem():
    st.warning(
        t_markdown("data_fallback", lang, reason=data.problem(), version=data.sources().version),
        icon=":material/error:",
    )

# Analyst pages exist only for a logged-in analyst: for the public their URLs open nothing.
pages = [
    st.Page(
        page.script,
        title=t(page.title_key, lang),
        icon=page.icon,
        url_path=page.url_path,
        default=page is site_pages.DEFAULT,
    )
    for page in site_pages.visible_pages(analyst)
]
pages += [
    st.Page(
        access.analyst_only_page(page.url_path),
        title=t("analyst_only_title", lang),
        url_path=page.url_path,
        visibility="hidden",
    )
    for page in site_pages.PAGES
    if page.analyst_only and not analyst
]
# An address the app does not have: a hidden page that says so in the visitor's language (the first
# page's own name, "/ringkasan", is the root's page: Streamlit reserves it).
requested = requested_page()
known = {page.url_path for page in site_pages.PAGES}
if requested and requested not in known and "/" not in requested:
    pages.append(
        st.Page(
            not_found_page(requested, t("not_found_title", lang), t("not_found_body", lang), t("page_summary", lang)),
            title=t("not_found_title", lang),
            url_path=requested,
            visibility="hidden",
        )
    )
with framed():
    try:
        st.navigation(pages, position="sidebar").run()
    finally:  # also after a page's st.stop(): the URL holds the filters and the page's own controls
        url.write_url()
