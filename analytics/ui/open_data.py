"""Data terbuka: the downloadable aggregates, built once per data version."""

from __future__ import annotations

import streamlit as st

from analytics import open_data
from analytics.ui import data


@st.cache_data(show_spinner=False, max_entries=4)
def _datasets(version: str) -> list[open_data.Dataset]:
    con, _ = data.connection()
    with con.cursor() as cur:
        return open_data.register_datasets(cur) + open_data.reference_datasets(cur)


def datasets() -> list[open_data.Dataset]:
    return _datasets(data.sources().version)
