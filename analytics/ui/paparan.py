"""Bahan paparan: the briefing built from the current data, its decks, and the presentation view."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from analytics import release
from analytics.briefing import content, decks
from analytics.briefing.content import Briefing
from analytics.formatting import format_date
from analytics.i18n import t
from analytics.ui import components, data, small_counts
from analytics.ui.session import language

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
def _build(version: str, election_id: str, province_code: str | None, lang: str, public: bool) -> Briefing:
    con, _ = data.connection()
    audience = release.Audience.for_public(small_counts.threshold()) if public else release.ANALYST
    with con.cursor() as cur:
        return content.build(cur, election_id, province_code, lang, audience)


def briefing_for(election_id: str, province_code: str | None, public: bool | None = None) -> Briefing:
    """The briefing as this visitor may see it: the public one (protected) for the public, the
    restricted one for an analyst unless ``public`` asks for the public version."""
    public = small_counts.public_view() if public is None or small_counts.public_view() else public
    return _build(data.sources().version, election_id, province_code, language(), public)


@st.cache_data(show_spinner=False, max_entries=8)
def _deck(version: str, election_id: str, province_code: str | None, lang: str, public: bool, kind: str) -> bytes:
    """A deck's bytes, made once per data version: its chart images are rendered once and serve
    both formats (:func:`analytics.briefing.decks.chart_images`)."""
    briefing = _images_kept(version, election_id, province_code, lang, public)
    render = decks.render_pptx if kind == "pptx" else decks.render_pdf
    with tempfile.TemporaryDirectory(prefix="pantau-deck-") as folder:
        path = Path(folder) / f"paparan.{kind}"
        render(briefing, path)
        return path.read_bytes()


@st.cache_resource(show_spinner=False, max_entries=4)
def _images_kept(version: str, election_id: str, province_code: str | None, lang: str, public: bool) -> Briefing:
    """One Briefing object per deck, kept (not copied) so that its rendered images are shared."""
    return _build(version, election_id, province_code, lang, public)


def deck_bytes(briefing: Briefing, election_id: str, province_code: str | None, kind: str) -> bytes:
    return _deck(data.sources().version, election_id, province_code, briefing.lang, briefing.public, kind)


def present(briefing: Briefing, index: int) -> None:
    """One slide, large, the sidebar hidden: the mark, the title, the tiles or lines, the chart."""
    lang = briefing.lang
    st.markdown(PRESENTATION_CSS, unsafe_allow_html=True)
    flags = [briefing.audience_mark] + ([t("brief_synthetic_short", lang)] if briefing.synthetic else [])
    st.markdown(f'<p class="slide-flag">{_escape(" · ".join(flags))}</p>', unsafe_allow_html=True)
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
    title = slide.figure.title if slide.figure is not None and slide.figure.title else slide.title
    st.markdown(f'<p class="slide-title">{_escape(title)}</p>', unsafe_allow_html=True)
    if slide.tiles:
        columns = st.columns(3)
        for number, tile in enumerate(slide.tiles):
            components.metric_tile(columns[number % 3], tile.label, tile.value, tile.change)
    for line in slide.lines:
        st.markdown(f'<p class="slide-line">{_escape(line)}</p>', unsafe_allow_html=True)
    if slide.figure is not None:
        shown = slide.figure.with_layout(title=None, font={"size": 16}, height=560)
        components.plotly_chart(shown, width="stretch", config={"displaylogo": False}, key=f"slide_{index}")
    foot = [f"{t('source', lang)}: {slide.source}"] if slide.source else []
    if briefing.as_of is not None:
        foot.append(t("data_as_of", lang, date=format_date(briefing.as_of, lang)))
    st.markdown(f'<p class="slide-foot">{_escape(" · ".join(foot))}</p>', unsafe_allow_html=True)


def _escape(text: str) -> str:
    import html

    return html.escape(str(text))
