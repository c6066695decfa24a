"""Bahan paparan: the briefing built from the current data, its decks, and the presentation view."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from analytics.briefing import content, decks
from analytics.briefing.content import Briefing
from analytics.formatting import format_date
from analytics.i18n import t
from analytics.ui import components, data
from analytics.ui.state import language

PRESENTATION_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none;}
[data-testid="stMarkdownContainer"] p.slide-title {font-size: 2.6rem !important; font-weight: 700; color: #0B5394;
  line-height: 1.2; margin: 0.5rem 0 1.2rem;}
[data-testid="stMarkdownContainer"] p.slide-line {font-size: 1.6rem !important; line-height: 1.45; margin: 0 0 0.8rem;}
[data-testid="stMarkdownContainer"] p.slide-foot {font-size: 0.95rem !important; color: #595959; margin-top: 1rem;}
[data-testid="stMarkdownContainer"] p.slide-flag {font-size: 1rem !important; font-weight: 700; color: #9A5B00;}
@media (max-width: 640px) {
  [data-testid="stMarkdownContainer"] p.slide-title {font-size: 1.8rem !important;}
  [data-testid="stMarkdownContainer"] p.slide-line {font-size: 1.2rem !important;}
}
</style>
"""


@st.cache_data(show_spinner=False, max_entries=16)
def _build(version: str, election_id: str, province_code: str | None, lang: str) -> Briefing:
    con, _ = data.connection()
    with con.cursor() as cur:
        return content.build(cur, election_id, province_code, lang)


def briefing_for(election_id: str, province_code: str | None) -> Briefing:
    return _build(data.sources().version, election_id, province_code, language())


def deck_bytes(briefing: Briefing, kind: str) -> bytes:
    render = decks.render_pptx if kind == "pptx" else decks.render_pdf
    with tempfile.TemporaryDirectory(prefix="pantau-deck-") as folder:
        path = Path(folder) / f"paparan.{kind}"
        render(briefing, path, language())
        return path.read_bytes()


def present(briefing: Briefing, index: int) -> None:
    """One slide, large, the sidebar hidden."""
    lang = language()
    st.markdown(PRESENTATION_CSS, unsafe_allow_html=True)
    if briefing.synthetic:
        st.markdown(f'<p class="slide-flag">{t("brief_synthetic_short", lang)}</p>', unsafe_allow_html=True)
    if index == 0:
        st.markdown(f'<p class="slide-title">{_escape(briefing.title)}</p>', unsafe_allow_html=True)
        lines = [briefing.scope]
        if briefing.as_of is not None:
            lines.append(t("data_as_of", lang, date=format_date(briefing.as_of, lang)))
        if briefing.synthetic:
            lines.append(t("brief_synthetic", lang))
        for line in lines:
            st.markdown(f'<p class="slide-line">{_escape(line)}</p>', unsafe_allow_html=True)
        return
    slide = briefing.slides[index - 1]
    st.markdown(f'<p class="slide-title">{_escape(slide.title)}</p>', unsafe_allow_html=True)
    for line in slide.lines:
        st.markdown(f'<p class="slide-line">{_escape(line)}</p>', unsafe_allow_html=True)
    if slide.figure is not None:
        shown = slide.figure.with_layout(title=None, font={"size": 16}, height=560)
        components.plotly_chart(shown, width="stretch", config={"displaylogo": False}, key=f"slide_{index}")
    foot = decks._footer(briefing, slide, lang)
    st.markdown(f'<p class="slide-foot">{_escape(foot)}</p>', unsafe_allow_html=True)


def _escape(text: str) -> str:
    import html

    return html.escape(str(text))
