"""The display layers, derived once per process."""

from __future__ import annotations

import streamlit as st

from analytics import geo


@st.cache_resource(show_spinner=False)
def display_layer(level: str) -> tuple[dict, geo.MapView]:
    """(GeoJSON layer, fitted view). Raises geo.BoundaryFilesMissing when the files are absent."""
    layer = geo.load_display_layer(level)
    return layer, geo.map_view(layer)
