"""Every page runs inside app.py's frame (filters, navigation), even on a deep link."""

from __future__ import annotations

import contextlib
import threading

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

_run = threading.local()


@contextlib.contextmanager
def framed():
    """Mark the pages run inside this block (app.py's navigation) as run through the frame."""
    _run.framed = True
    try:
        yield
    finally:
        _run.framed = False


def ensure_routed_through_app() -> None:
    """Route a page run through app.py.

    With a ``pages/`` folder beside app.py, Streamlit runs ``pages/<name>.py`` on its own
    (its legacy multipage mode) for a session that opens a deep link before any session
    has called ``st.navigation`` since the server started. Such a run is not inside app.py's
    :func:`framed` block: switch the mode off and rerun, so that app.py renders the frame and
    runs the same page. The check is per run, not per process, so that pages opened at the
    same moment on a fresh server each get their frame.
    """
    if getattr(_run, "framed", False):
        return
    PagesManager.uses_pages_directory = False
    st.rerun()


def requested_page() -> str | None:
    """The page name the visitor's address asks for ("peta", "" for the root), before the
    navigation resolves it."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return None if ctx is None else ctx.pages_manager.intended_page_name


def not_found_page(url_path: str, title: str, body: str, home_label: str):
    """What a visitor finds at an address the app does not have: a page of its own, hidden from
    the navigation, saying so in the visitor's language (Streamlit's own answer is an English
    'Page not found' dialog over the first page)."""

    def not_found() -> None:
        st.title(title)
        st.info(body, icon=":material/travel_explore:")
        st.page_link("pages/ringkasan.py", label=home_label, icon=":material/dashboard:")

    not_found.__name__ = f"not_found_{url_path}"  # Streamlit tells pages apart by it
    return not_found
