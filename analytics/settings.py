"""Where the project finds its files.

Three locations, each overridable by an environment variable:

- the curated reference data committed with the code (``data/`` of the repository);
- the working data directory (``PANTAU_DATA_DIR``, default ``data/``) that holds the
  generated demo register and, later, imported versions;
- the full-resolution boundary files (``PANTAU_GEO_DIR``, then ``data/geo/``, then
  ``../shared/geo/``), optional: without them the map uses the simplified display layers
  committed in ``analytics/geo_layers/``.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Counts below this are shown to the public as "< 5" (analytics/disclosure.py).
DEFAULT_THRESHOLD = 5

REPO_DIR = Path(__file__).resolve().parent.parent
REFERENCE_DIR = REPO_DIR / "data"
SQL_DIR = Path(__file__).resolve().parent / "sql"
CATALOG_PATH = Path(__file__).resolve().parent / "catalog.yaml"

DATA_DIR_ENV = "PANTAU_DATA_DIR"
SMALL_COUNT_ENV = "PANTAU_SMALL_COUNT_THRESHOLD"
CACHE_DIR_ENV = "PANTAU_CACHE_DIR"
GEO_DIR_ENV = "PANTAU_GEO_DIR"
LIGHT_URL_ENV = "PANTAU_LIGHT_URL"
LIGHT_DIR_ENV = "PANTAU_LIGHT_DIR"

REGENCY_GEOJSON = "kalimantan_regencies.geojson"
PROVINCE_GEOJSON = "kalimantan_provinces.geojson"

#: The simplified display layers committed with the code (``python -m analytics.geo --write-layers``).
SHIPPED_GEO_DIR = Path(__file__).resolve().parent / "geo_layers"


def data_dir() -> Path:
    """The working data directory: ``$PANTAU_DATA_DIR`` or the repository's ``data/``."""
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured).expanduser() if configured else REFERENCE_DIR


def small_count_threshold() -> int:
    """Counts below this are shown to the public as "< N": ``$PANTAU_SMALL_COUNT_THRESHOLD``,
    default 5. A value that is not a whole number of at least 2 falls back to the default
    rather than showing small counts."""
    configured = os.environ.get(SMALL_COUNT_ENV, "").strip()
    return int(configured) if configured.isdigit() and int(configured) >= 2 else DEFAULT_THRESHOLD


def cache_dir(base: Path | None = None) -> Path:
    """Where prepared databases are kept (``$PANTAU_CACHE_DIR``, default ``<data dir>/cache``):
    derived from the data, safe to delete."""
    configured = os.environ.get(CACHE_DIR_ENV)
    return Path(configured).expanduser() if configured else (base or data_dir()) / "cache"


def light_dir(base: Path | None = None) -> Path:
    """Where the light public edition is kept, one folder per data version and ``current``
    pointing at the newest (``$PANTAU_LIGHT_DIR``, default ``<cache dir>/ringan``): derived from
    the data, safe to delete; replicas with caches of their own share one."""
    configured = os.environ.get(LIGHT_DIR_ENV)
    return Path(configured).expanduser() if configured else cache_dir(base) / "ringan"


def light_url() -> str | None:
    """Where the light public edition is served beside the app (``$PANTAU_LIGHT_URL``, set by
    ``deploy/cluster.py`` to ``/ringan/``): a path on this host or a web address, else None (the
    app then does not link to it)."""
    configured = os.environ.get(LIGHT_URL_ENV, "").strip()
    if configured.startswith("/") and not configured.startswith("//") or configured.startswith("https://"):
        return configured if configured.endswith("/") else configured + "/"
    return None


def demo_dir(base: Path | None = None) -> Path:
    """Where the synthetic demo register lives (generated, git-ignored)."""
    return (base or data_dir()) / "demo"


def geo_dir_candidates() -> list[Path]:
    """Full-resolution boundary-file locations in search order (the shipped layers come after)."""
    candidates = []
    configured = os.environ.get(GEO_DIR_ENV)
    if configured:
        candidates.append(Path(configured).expanduser())
    candidates.append(REFERENCE_DIR / "geo")
    candidates.append(REPO_DIR.parent / "shared" / "geo")
    return candidates
