"""Pantau Netralitas ASN, served with its data and maps ready before the first visitor:
``streamlit run serve.py``. It serves the pages of ``app.py``; ``streamlit run app.py`` serves the
same pages and prepares them on the first visit instead (about two seconds longer for that visit)."""

import asyncio
import contextlib

import streamlit as st


@contextlib.asynccontextmanager
async def _prepared(_app):
    from analytics.ui import warm_up

    await asyncio.to_thread(warm_up.prepare)
    yield


app = st.App("app.py", lifespan=_prepared)
