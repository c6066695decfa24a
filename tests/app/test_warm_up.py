"""``serve.py`` prepares before the first visitor what that visitor would otherwise wait for."""

from __future__ import annotations

import sys

from analytics import demo, geo, settings
from analytics.ui import data, warm_up
from analytics.ui import geo as ui_geo


def test_prepare_imports_the_pages_modules_opens_the_data_and_writes_the_maps(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_DATA_DIR", str(tmp_path))
    demo.ensure_demo(tmp_path / "demo", cases=300)
    data.forget_sources()

    done = warm_up.prepare()

    assert done[:2] == ["modules", "data"]
    assert {"analytics.ui.components", "analytics.ui.angka_resmi", "analytics.ui.data_terbuka"} <= set(sys.modules)
    assert data.served().opened[1][1].version == data.sources().version  # the next query reuses it
    assert done[2:] == ["map:regency", "map:province"]  # from the full-resolution files or the shipped layers
    for level in ("regency", "province"):
        url = ui_geo.layer_source(level)
        assert (ui_geo.STATIC_GEO_DIR / url.rsplit("/", 1)[1]).is_file()


def test_prepare_leaves_unreadable_data_to_the_first_visit(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be")
    monkeypatch.setenv("PANTAU_DATA_DIR", str(not_a_folder))
    data.forget_sources()
    done = warm_up.prepare()
    assert done[0] == "modules" and "data" not in done


def test_a_damaged_boundary_file_gives_way_to_the_shipped_layers(tmp_path, monkeypatch):
    geo_dir = tmp_path / "geo"
    geo_dir.mkdir()
    for name in (settings.REGENCY_GEOJSON, settings.PROVINCE_GEOJSON):
        (geo_dir / name).write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    monkeypatch.setenv("PANTAU_GEO_DIR", str(geo_dir))
    monkeypatch.setenv("PANTAU_DATA_DIR", str(tmp_path))
    demo.ensure_demo(tmp_path / "demo", cases=300)
    data.forget_sources()
    geo.load_display_layer.cache_clear()
    ui_geo.display_layer.clear()
    ui_geo.layer_source.clear()
    try:
        done = warm_up.prepare()
    finally:
        geo.load_display_layer.cache_clear()
        ui_geo.display_layer.clear()
        ui_geo.layer_source.clear()
    assert done == ["modules", "data", "map:regency", "map:province"]
