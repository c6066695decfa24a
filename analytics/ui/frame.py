"""Every page runs inside app.py's frame (filters, navigation), even on a deep link."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_routed_through_app() -> None:
    """Route a page run through app.py.

    With a ``pages/`` folder beside app.py, Streamlit runs ``pages/<name>.py`` on its own
    (its legacy multipage mode) for a session that opens a deep link before any session
    has called ``st.navigation`` since the server started. Switch the mode off and rerun,
    so that app.py renders the frame and runs the same page.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
