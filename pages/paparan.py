"""Bahan paparan: the leadership briefing for the selected cycle and province, as PPTX or PDF,
and a presentation view with one idea per screen. The public gets the public deck (its numbers
protected as on every public page); an analyst gets the restricted deck, or the public one to
share."""

import streamlit as st

from analytics.i18n import t
from analytics.text import markdown_literal
from analytics.ui import components, paparan, session, sidebar, small_counts, url
from analytics.ui.frame import ensure_routed_through_app

ensure_routed_through_app()

lang = session.language()
filters = sidebar.current_filters()

if not filters.election_id:
    st.title(t("page_briefing", lang))
    components.empty_state(t("brief_pick_election", lang))
    st.stop()

presenting = bool(st.session_state.get("paparan_tampil"))
if not presenting:
    components.page_header(t("page_briefing", lang), t("briefing_intro", lang))
public_version = False
if not small_counts.public_view():
    if not presenting:
        url.url_control("paparan_publik", "versi_publik", [True, False], False)
        st.session_state["paparan_publik_dipilih"] = st.toggle(
            t("brief_public_version", lang), key="paparan_publik", help=t("brief_public_version_help", lang)
        )
    public_version = bool(st.session_state.get("paparan_publik_dipilih"))
deck = paparan.briefing_for(filters.election_id, filters.province_code, public=public_version)
slide_count = len(deck.slides) + 1

if presenting:
    index = min(st.session_state.get("paparan_slide", 0), slide_count - 1)
    paparan.present(deck, index)
    col_prev, col_pos, col_next, col_exit = st.columns([1, 1, 1, 1])
    if col_prev.button(t("previous_slide", lang), disabled=index == 0, width="stretch", icon=":material/arrow_back:"):
        st.session_state["paparan_slide"] = index - 1
        st.rerun()
    col_pos.markdown(f"**{index + 1} / {slide_count}**")
    if col_next.button(
        t("next_slide", lang), disabled=index >= slide_count - 1, width="stretch", icon=":material/arrow_forward:"
    ):
        st.session_state["paparan_slide"] = index + 1
        st.rerun()
    if col_exit.button(t("exit_presentation", lang), width="stretch", icon=":material/close_fullscreen:"):
        st.session_state["paparan_tampil"] = False
        st.rerun()
    st.stop()

if deck.synthetic:
    components.synthetic_banner()
st.subheader(deck.title)
st.markdown("\n".join(f"{i + 2}. {markdown_literal(slide.title)}" for i, slide in enumerate(deck.slides)))
st.caption(deck.audience_mark)
col_pptx, col_pdf, col_show = st.columns(3)
name = (
    f"paparan_{filters.election_id}{'_' + filters.province_code if filters.province_code else ''}"
    f"_{'publik' if deck.public else 'terbatas'}"
)
col_pptx.download_button(
    t("download_pptx", lang),
    data=lambda: paparan.deck_bytes(deck, filters.election_id, filters.province_code, "pptx"),
    file_name=f"{name}.pptx",
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    on_click="ignore",
    icon=":material/slideshow:",
    key="paparan_pptx",
    width="stretch",
)
col_pdf.download_button(
    t("download_pdf", lang),
    data=lambda: paparan.deck_bytes(deck, filters.election_id, filters.province_code, "pdf"),
    file_name=f"{name}.pdf",
    mime="application/pdf",
    on_click="ignore",
    icon=":material/picture_as_pdf:",
    key="paparan_pdf",
    width="stretch",
)
if col_show.button(t("start_presentation", lang), type="primary", width="stretch", icon=":material/co_present:"):
    st.session_state["paparan_tampil"] = True
    st.session_state["paparan_slide"] = 0
    st.rerun()
if not small_counts.public_view():  # the command line is the analysts' (scheduled decks)
    st.caption(t("briefing_cli", lang))
    st.code(
        f"python -m analytics.briefing --election {filters.election_id}"
        + (f" --province {filters.province_code}" if filters.province_code else "")
        + (" --audience public" if deck.public else "")
        + f" --format pptx --out {name}.pptx",
        language=None,
    )  # plain text: the highlighter's colours fail WCAG contrast
components.source_footer(["violation_cases", "sanctions", "socialization_events", "published_figures"])
