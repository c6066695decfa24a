"""What the first visitor after a start would otherwise wait for, done before the server takes
visitors (``serve.py``): the modules the pages import (pandas, Plotly, DuckDB), the data opened
and the map layers derived and written. About two seconds on a 2-core machine.

Nothing here is required: a step that fails is logged and left to the first visit, which shows
the reason as it always has."""

from __future__ import annotations

import importlib
import logging
import pkgutil

import analytics.ui

LOGGER = logging.getLogger(__name__)


def prepare() -> list[str]:
    """Import every page module, open the data and write the map layers; returns what was done."""
    done = []
    try:
        for module in pkgutil.iter_modules(analytics.ui.__path__, "analytics.ui."):
            importlib.import_module(module.name)
        done.append("modules")
    except Exception:  # noqa: BLE001 (the first visit shows the error)
        LOGGER.warning("Page modules not imported before the first visit", exc_info=True)
        return done
    from analytics import geo
    from analytics.ui import data
    from analytics.ui import geo as ui_geo

    try:
        opened = data.connection()  # outside a page run, unreadable data give None instead of stopping
        reason = data.problem()
    except Exception as error:  # noqa: BLE001
        opened, reason = None, str(error)
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
        except Exception:  # noqa: BLE001 (a damaged boundary file: the map page says so)
            LOGGER.warning("The %s map not prepared before the first visit", level, exc_info=True)
    return done
