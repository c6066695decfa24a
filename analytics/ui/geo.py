"""The display layers, derived once per process, and served to browsers as static files.

A map figure that embeds its GeoJSON sends the boundaries over the websocket on every rerun,
and Plotly validates and copies them each time. The layer is instead written once to
``static/geo/`` (served by Streamlit at ``app/static/geo/...``) and the figure names it by URL,
so the browser fetches it once. Where the folder cannot be written, the figure embeds it.

When no layer can be read at all (``geo.BoundaryFilesMissing``), :func:`explain_unavailable` takes
the map's place: a short notice for everyone, the paths and the setting only for a logged-in
analyst (the log has them too, from ``analytics.geo``).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import streamlit as st

from analytics import geo, settings
from analytics.charts import maps
from analytics.i18n import t, t_markdown
from analytics.ui import access

STATIC_DIR = settings.REPO_DIR / "static"
STATIC_GEO_DIR = STATIC_DIR / "geo"


@st.cache_resource(show_spinner=False)
def display_layer(level: str) -> dict:
    """The GeoJSON layer: from the full-resolution files when present, else the shipped layers.
    Raises geo.BoundaryFilesMissing only when neither can be read."""
    return geo.load_display_layer(level)


@st.cache_resource(show_spinner=False)
def layer_source(level: str) -> str | dict:
    """What a map figure's ``geojson`` should be: the static file's URL, or the layer itself."""
    layer = display_layer(level)
    text = json.dumps(layer, separators=(",", ":"))
    name = f"{level}-{hashlib.sha256(text.encode()).hexdigest()[:12]}.json"
    if not st.get_option("server.enableStaticServing"):
        return layer
    try:
        STATIC_GEO_DIR.mkdir(parents=True, exist_ok=True)
        target = STATIC_GEO_DIR / name
        if not target.exists():
            with tempfile.NamedTemporaryFile(
                "w", dir=STATIC_GEO_DIR, suffix=".tmp", delete=False, encoding="utf-8"
            ) as handle:
                handle.write(text)
            os.replace(handle.name, target)
    except OSError:
        return layer
    return f"app/static/geo/{name}"


@st.cache_resource(show_spinner=False)
def basemap_url() -> str | None:
    """The URL folder of the empty basemap that Plotly's maps fetch (``maps.EMPTY_BASEMAP``), or
    None when the app cannot serve static files (Plotly would then ask its CDN)."""
    if not st.get_option("server.enableStaticServing"):
        return None
    try:
        maps.write_basemap(STATIC_DIR / "topojson")
    except OSError:
        return None
    return "app/static/topojson/"


def static_file(url: str) -> Path:
    """The file behind a URL returned by :func:`layer_source`."""
    return STATIC_GEO_DIR / Path(url).name


def explain_unavailable(missing: geo.BoundaryFilesMissing, lang: str) -> None:
    """In place of a map that cannot be drawn: what the public may read (no path, no setting),
    and for a logged-in analyst the detail that says where it looked and what to do."""
    st.warning(t("map_layers_unavailable", lang), icon=":material/map:")
    if access.is_analyst():
        st.caption(t_markdown("map_layers_detail", lang, detail=missing.detail))
