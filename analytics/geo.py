"""Kalimantan boundaries: the display layers every map draws, from the best source present.

Two sources, in this order:

1. the full-resolution boundary files (external, optional; MIT, © Cahya DSN), looked for in
   ``$PANTAU_GEO_DIR``, then ``data/geo/``, then ``../shared/geo/``: when a folder holds both,
   the light display layer is derived from them once per process;
2. otherwise the same display layers as committed in ``analytics/geo_layers/`` (derived from
   those files by ``python -m analytics.geo --write-layers``; licence and source in its README).

Only when neither can be read does :class:`BoundaryFilesMissing` reach a page. Its ``str()`` is
a short sentence without server paths; the paths and the setting to change are in ``detail``,
which goes to the log (here) and to a logged-in analyst (``analytics/ui/geo.py``), never to the
public.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import shapely

from analytics import settings

LOGGER = logging.getLogger(__name__)

SIMPLIFY_TOLERANCE_DEG = 0.005
GRID_SIZE_DEG = 1e-4

LAYERS = {
    "regency": (settings.REGENCY_GEOJSON, "kemendagri_code", "regency_name"),
    "province": (settings.PROVINCE_GEOJSON, "province_code", "province_name"),
}

#: The committed display layer of each level, in ``settings.SHIPPED_GEO_DIR``.
SHIPPED_LAYERS = {
    "regency": "kalimantan_regencies.display.geojson",
    "province": "kalimantan_provinces.display.geojson",
}


def attribution(lang: str = "id") -> str:
    """The boundaries' credit, shown with every map (MIT asks for it)."""
    from analytics.i18n import t

    return t("boundaries_attribution", lang)


#: What anyone may read when no map can be drawn: no path, no setting.
PUBLIC_MESSAGE = "The Kalimantan map layers cannot be read."


class BoundaryFilesMissing(FileNotFoundError):
    """No boundary layer can be read: the full-resolution files are in none of the searched
    folders and (when ``shipped`` is given) the committed display layer cannot be read either.

    ``str()`` is safe to show anyone; :attr:`detail` names the server paths and the setting."""

    def __init__(self, searched: list[Path], shipped: Path | None = None, problem: str | None = None):
        self.searched = list(searched)
        self.shipped = shipped
        self.problem = problem
        super().__init__(PUBLIC_MESSAGE)

    @property
    def detail(self) -> str:
        """For the log and a logged-in analyst only: where it looked and what to do."""
        places = "; ".join(str(p) for p in self.searched) or "(no folder)"
        text = (
            f"No full-resolution boundary files ({settings.REGENCY_GEOJSON}, {settings.PROVINCE_GEOJSON}) "
            f"in: {places}. Set {settings.GEO_DIR_ENV} to a folder that holds them."
        )
        if self.shipped is not None:
            text += (
                f" The shipped display layer {self.shipped} cannot be read either ({self.problem}); "
                "restore it from the repository or run: python -m analytics.geo --write-layers."
            )
        return text


def find_geo_dir(candidates: list[Path] | None = None) -> Path:
    """The first location that holds both boundary files."""
    candidates = candidates if candidates is not None else settings.geo_dir_candidates()
    for folder in candidates:
        if all((folder / name).is_file() for name, _, _ in LAYERS.values()):
            return folder
    raise BoundaryFilesMissing(candidates)


def display_layer(level: str, geo_dir: Path) -> dict:
    """A GeoJSON FeatureCollection small enough to send to a browser.

    Coverage-preserving simplification keeps neighbours sharing edges; coordinates are
    snapped to a 1e-4 degree grid. Each feature's ``id`` is the Kemendagri region code.
    """
    filename, code_field, name_field = LAYERS[level]
    frame = gpd.read_file(geo_dir / filename)
    geometries = shapely.coverage_simplify(frame.geometry.values, tolerance=SIMPLIFY_TOLERANCE_DEG)
    geometries = shapely.set_precision(geometries, GRID_SIZE_DEG)
    features = []
    for code, name, geometry in zip(frame[code_field].astype(str), frame[name_field], geometries):
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"region_code": code, "name": name},
                "geometry": json.loads(shapely.to_geojson(geometry)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def layer_text(layer: dict) -> str:
    """The compact JSON a layer is stored in (``--write-layers``): the same bytes for the same layer."""
    return json.dumps(layer, separators=(",", ":"), ensure_ascii=False) + "\n"


def shipped_layer_path(level: str) -> Path:
    return settings.SHIPPED_GEO_DIR / SHIPPED_LAYERS[level]


def shipped_layer(level: str) -> dict:
    """The committed display layer of ``level``; ValueError or OSError when it is absent or damaged."""
    layer = json.loads(shipped_layer_path(level).read_text(encoding="utf-8"))
    features = layer.get("features") if isinstance(layer, dict) else None
    if not isinstance(features, list) or not features or layer.get("type") != "FeatureCollection":
        raise ValueError("not a FeatureCollection with features")
    for feature in features:
        if not (
            isinstance(feature, dict)
            and isinstance(feature.get("id"), str)
            and isinstance(feature.get("geometry"), dict)
            and feature["geometry"].get("coordinates")
        ):
            raise ValueError("a feature without an id or a geometry")
    return layer


_reported: set[str] = set()


@lru_cache(maxsize=4)
def load_display_layer(level: str, geo_dir: Path | None = None) -> dict:
    """The display layer for ``level`` ('regency' or 'province'), read once per process: derived
    from ``geo_dir`` when given, else from the full-resolution files when a searched folder holds
    them and they can be read, else the committed layer. Raises :class:`BoundaryFilesMissing`
    (after logging its detail) when none can be read."""
    if geo_dir is not None:
        return display_layer(level, geo_dir)
    try:
        folder = find_geo_dir()
    except BoundaryFilesMissing as missing:
        searched = missing.searched
        LOGGER.info(
            "No full-resolution boundary files in %s; the %s map uses the shipped display layer",
            "; ".join(map(str, searched)),
            level,
        )
    else:
        try:
            return display_layer(level, folder)
        except Exception:  # noqa: BLE001 (a damaged file: the committed layer still draws the map)
            LOGGER.warning(
                "The full-resolution %s boundaries in %s cannot be read; using the shipped display layer",
                level,
                folder,
                exc_info=True,
            )
            searched = [folder]
    try:
        return shipped_layer(level)
    except (OSError, ValueError) as error:
        missing = BoundaryFilesMissing(
            searched, shipped=shipped_layer_path(level), problem=f"{type(error).__name__}: {error}"
        )
        if missing.detail not in _reported:  # once per process, not on every page view
            _reported.add(missing.detail)
            LOGGER.error("No %s map can be drawn. %s", level, missing.detail)
        raise missing from error


def payload_bytes(layer: dict) -> int:
    return len(json.dumps(layer, separators=(",", ":")).encode())


def write_layers(source: Path, target: Path) -> dict[str, int]:
    """Derive both display layers from the full-resolution files in ``source`` and write them to
    ``target``; returns {file name: bytes}. The same input gives the same bytes."""
    target.mkdir(parents=True, exist_ok=True)
    written = {}
    for level, name in SHIPPED_LAYERS.items():
        data = layer_text(display_layer(level, source)).encode("utf-8")
        (target / name).write_bytes(data)
        written[name] = len(data)
    return written


def stale_layers(source: Path, target: Path) -> list[str]:
    """The committed layers in ``target`` that differ from what ``source`` derives."""
    stale = []
    for level, name in SHIPPED_LAYERS.items():
        path = target / name
        expected = layer_text(display_layer(level, source)).encode("utf-8")
        if not path.is_file() or path.read_bytes() != expected:
            stale.append(name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analytics.geo",
        description="Derive the simplified display layers from the full-resolution boundary files.",
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write-layers", action="store_true", help=f"write them to {settings.SHIPPED_GEO_DIR}")
    action.add_argument("--check", action="store_true", help="exit 1 when the committed layers differ")
    parser.add_argument(
        "--source",
        type=Path,
        help="folder with the full-resolution files "
        f"(default: the first of ${settings.GEO_DIR_ENV}, data/geo/, ../shared/geo/ that holds them)",
    )
    args = parser.parse_args(argv)
    try:
        source = find_geo_dir([args.source] if args.source else None)
    except BoundaryFilesMissing as missing:
        print(missing.detail, file=sys.stderr)
        return 2
    if args.check:
        stale = stale_layers(source, settings.SHIPPED_GEO_DIR)
        for name in stale:
            print(f"{name} differs from what {source} derives; run: python -m analytics.geo --write-layers")
        return 1 if stale else 0
    for name, size in write_layers(source, settings.SHIPPED_GEO_DIR).items():
        print(f"{settings.SHIPPED_GEO_DIR / name}: {size / 1024:.0f} KB from {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
