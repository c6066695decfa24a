"""Data terbuka: the downloadable aggregates, built once per data version."""

from __future__ import annotations

import streamlit as st

from analytics import open_data
from analytics.exports import safe_csv_bytes
from analytics.ui import data


@st.cache_data(show_spinner=False, max_entries=4)
def _datasets(version: str) -> list[open_data.Dataset]:
    con, _ = data.connection()
    with con.cursor() as cur:
        return open_data.register_datasets(cur) + open_data.reference_datasets(cur)


def datasets() -> list[open_data.Dataset]:
    return _datasets(data.sources().version)


@st.cache_data(show_spinner=False, max_entries=8)
def _files(version: str, lang: str) -> dict[str, tuple[bytes, bytes]]:
    return {
        dataset.name: (open_data.bundle(dataset, lang), safe_csv_bytes(dataset.frame)) for dataset in _datasets(version)
    }


def files(lang: str) -> dict[str, tuple[bytes, bytes]]:
    """Each dataset's ZIP (CSV and README) and formula-safe CSV, made once per data version and
    language: the page offers them on every run without writing them again."""
    return _files(data.sources().version, lang)
