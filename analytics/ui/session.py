"""The visitor's own settings for this browser session: the language (the sidebar's choice, kept in
the URL). Every ui module may read it; it reads nothing of the app."""

from __future__ import annotations

import streamlit as st

from analytics.i18n import LANGUAGES


def language() -> str:
    lang = st.session_state.get("lang", "id")
    return lang if lang in LANGUAGES else "id"
