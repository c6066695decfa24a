"""Pantau Netralitas ASN, served with its data and maps ready before the first visitor:
``streamlit run serve.py``. It serves the pages of ``app.py``; ``streamlit run app.py`` serves the
same pages and prepares them on the first visit instead (about two seconds longer for that visit)."""

import asyncio
import contextlib
import logging

import streamlit as st

#: The server answers its health check after this long at most; a slower preparation (another
#: replica building the prepared database, say) goes on in the background.
PREPARE_LIMIT_S = 60.0


@contextlib.asynccontextmanager
async def _prepared(_app):
    from analytics.ui import warm_up

    preparing = asyncio.ensure_future(asyncio.to_thread(warm_up.prepare))
    try:
        await asyncio.wait_for(asyncio.shield(preparing), PREPARE_LIMIT_S)
    except TimeoutError:
        logging.getLogger(__name__).warning("Still preparing after %.0f s; taking visitors", PREPARE_LIMIT_S)
    yield


app = st.App("app.py", lifespan=_prepared)
