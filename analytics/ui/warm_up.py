"""What the first visitor after a start would otherwise wait for, done before the server takes
visitors (``serve.py``): the modules the pages import (pandas, Plotly, DuckDB), the data opened
and the map layers derived and written. About two seconds on a 2-core machine."""

from __future__ import annotations

import importlib
import logging
import pkgutil

import analytics.ui
from analytics import geo
from analytics.ui import data
from analytics.ui import geo as ui_geo

LOGGER = logging.getLogger(__name__)


def prepare() -> list[str]:
    """Import every page module, open the data and write the map layers; returns what was done.
    Nothing here is required: what fails is left for the first visit, which says why."""
    done = []
    for module in pkgutil.iter_modules(analytics.ui.__path__, "analytics.ui."):
        importlib.import_module(module.name)
    done.append("modules")
    try:
        opened = data.connection()  # outside a page run, unreadable data give None instead of stopping
    except Exception as error:  # noqa: BLE001 (the first visit shows the reason)
        opened, reason = None, str(error)
    else:
        reason = data.problem()
    if opened is not None:
        done.append("data")
    else:
        LOGGER.warning("Data not opened before the first visit: %s", reason)
    for level in ("regency", "province"):
        try:
            ui_geo.layer_source(level)
            done.append(f"map:{level}")
        except geo.BoundaryFilesMissing as missing:
            LOGGER.warning("No %s map before the first visit: %s", level, missing)
    return done
