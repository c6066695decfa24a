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
