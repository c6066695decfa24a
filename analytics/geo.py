"""Kalimantan boundaries: find the external files and derive a light display layer once.

The boundary files are external data (MIT, see ``../shared/geo/SOURCE.md``): they are
read from ``$PANTAU_GEO_DIR``, then ``data/geo/``, then ``../shared/geo/`` and never
committed. When none of these holds them, :class:`BoundaryFilesMissing` says where it
looked, and the map explains that instead of failing.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import shapely

from analytics import settings

SIMPLIFY_TOLERANCE_DEG = 0.005
GRID_SIZE_DEG = 1e-4

LAYERS = {
    "regency": (settings.REGENCY_GEOJSON, "kemendagri_code", "regency_name"),
    "province": (settings.PROVINCE_GEOJSON, "province_code", "province_name"),
}

ATTRIBUTION = (
    "Batas wilayah: cahyadsn/wilayah_boundaries dan cahyadsn/wilayah (MIT, © Cahya DSN), "
    "kode Kepmendagri 2025; disederhanakan untuk tampilan."
)


class BoundaryFilesMissing(FileNotFoundError):
    """The boundary files are not in any of the configured locations."""

    def __init__(self, searched: list[Path]):
        self.searched = searched
        places = "; ".join(str(p) for p in searched)
        super().__init__(
            "Berkas batas wilayah Kalimantan tidak ditemukan. Dicari di: "
            f"{places}. Setel PANTAU_GEO_DIR ke folder yang berisi {settings.REGENCY_GEOJSON} "
            f"dan {settings.PROVINCE_GEOJSON}."
        )


def find_geo_dir(candidates: list[Path] | None = None) -> Path:
    """The first location that holds both boundary files."""
    candidates = candidates if candidates is not None else settings.geo_dir_candidates()
    for folder in candidates:
        if all((folder / name).is_file() for name, _, _ in LAYERS.values()):
            return folder
    raise BoundaryFilesMissing(candidates)


@dataclass(frozen=True)
class MapView:
    center_lat: float
    center_lon: float
    zoom: float


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


@lru_cache(maxsize=4)
def load_display_layer(level: str, geo_dir: Path | None = None) -> dict:
    """The display layer for ``level`` ('regency' or 'province'), derived once per process."""
    return display_layer(level, geo_dir or find_geo_dir())


def payload_bytes(layer: dict) -> int:
    return len(json.dumps(layer, separators=(",", ":")).encode())


def map_view(layer: dict, width_px: int = 600, height_px: int = 520) -> MapView:
    """Centre and zoom that fit the layer's bounds (MapLibre does not auto-fit; 512-px tiles)."""
    min_lon, min_lat, max_lon, max_lat = shapely.total_bounds(
        [shapely.geometry.shape(f["geometry"]) for f in layer["features"]]
    )
    lon_span = max(max_lon - min_lon, 1e-6)
    lat_span = max(max_lat - min_lat, 1e-6)
    zoom_lon = math.log2(360.0 * width_px / (512.0 * lon_span))
    zoom_lat = math.log2(360.0 * height_px / (512.0 * lat_span))
    return MapView(
        center_lat=float((min_lat + max_lat) / 2),
        center_lon=float((min_lon + max_lon) / 2),
        zoom=round(float(min(zoom_lon, zoom_lat)) - 0.3, 2),
    )


def subset(layer: dict, codes: set[str]) -> dict:
    """The features of ``layer`` whose id is in ``codes`` (to fit the view to a province)."""
    return {"type": "FeatureCollection", "features": [f for f in layer["features"] if f["id"] in codes]}


def representative_point(layer: dict, code: str) -> tuple[float, float]:
    """(lon, lat) of a point guaranteed to lie inside the region ``code`` (for labels and clicks)."""
    for feature in layer["features"]:
        if feature["id"] == code:
            point = shapely.geometry.shape(feature["geometry"]).representative_point()
            return float(point.x), float(point.y)
    raise KeyError(code)
