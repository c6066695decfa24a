import json
import logging

import pandas as pd
import pytest

from analytics import geo, settings
from analytics.i18n import LANGUAGES, t


@pytest.fixture(scope="module")
def geo_dir():
    try:
        return geo.find_geo_dir()
    except geo.BoundaryFilesMissing:
        pytest.skip("boundary files not available on this machine")


def test_display_layer_is_small_and_complete(geo_dir):
    regencies = geo.display_layer("regency", geo_dir)
    provinces = geo.display_layer("province", geo_dir)
    assert len(regencies["features"]) == 56
    assert len(provinces["features"]) == 5
    assert geo.payload_bytes(regencies) < 600_000
    assert {f["id"] for f in provinces["features"]} == {"61", "62", "63", "64", "65"}
    assert "63.09" in {f["id"] for f in regencies["features"]}


def test_missing_files_raise_one_clear_error(tmp_path):
    with pytest.raises(geo.BoundaryFilesMissing) as error:
        geo.find_geo_dir([tmp_path / "nowhere", tmp_path])
    assert "PANTAU_GEO_DIR" in error.value.detail  # for the log and an analyst
    assert str(tmp_path / "nowhere") in error.value.detail
    assert "PANTAU_GEO_DIR" not in str(error.value)  # what a page might show anyone
    assert str(tmp_path) not in str(error.value)


def test_environment_variable_comes_first(monkeypatch, tmp_path):
    from analytics import settings

    monkeypatch.setenv("PANTAU_GEO_DIR", str(tmp_path))
    assert settings.geo_dir_candidates()[0] == tmp_path


def test_one_province_has_its_thirteen_regencies(geo_dir):
    layer = geo.load_display_layer("regency", geo_dir)
    kalsel = [f for f in layer["features"] if f["id"].startswith("63.")]
    assert len(kalsel) == 13


# --- the display layers committed in analytics/geo_layers/ ----------------------------------


@pytest.fixture()
def no_full_resolution(monkeypatch, tmp_path):
    """No full-resolution files anywhere the app looks (as on a fresh clone)."""
    empty = [tmp_path / "env", tmp_path / "data_geo", tmp_path / "shared_geo"]
    for folder in empty:
        folder.mkdir()
    monkeypatch.setattr(settings, "geo_dir_candidates", lambda: list(empty))
    geo.load_display_layer.cache_clear()
    yield empty
    geo.load_display_layer.cache_clear()


@pytest.mark.parametrize("level, count", [("regency", 56), ("province", 5)])
def test_the_shipped_layers_hold_every_region_by_its_kemendagri_code(level, count):
    layer = geo.shipped_layer(level)
    regions = pd.read_csv(settings.REFERENCE_DIR / "regions.csv", dtype=str)
    expected = dict(regions.loc[regions["level"] == level, ["region_code", "region_name"]].values)
    assert len(layer["features"]) == count == len(expected)
    assert {f["id"] for f in layer["features"]} == set(expected)
    for feature in layer["features"]:
        assert feature["properties"] == {"region_code": feature["id"], "name": expected[feature["id"]]}
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert geo.shipped_layer_path(level).stat().st_size < 600_000


def test_the_shipped_layers_carry_their_licences_and_source():
    folder = settings.SHIPPED_GEO_DIR
    for name in ("LICENSE-wilayah_boundaries.txt", "LICENSE-wilayah.txt"):
        text = (folder / name).read_text(encoding="utf-8")
        assert "MIT License" in text and "Cahya DSN" in text
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for needed in (
        "cahyadsn/wilayah_boundaries",
        "3c5a7960f4d227a38489094d84252bdbb3f978a5",
        "cahyadsn/wilayah",
        "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7",
        "MIT",
        "coverage_simplify",
        "0.005",
        "python -m analytics.geo --write-layers",
        *geo.SHIPPED_LAYERS.values(),
    ):
        assert needed in readme


def test_the_shipped_layers_are_what_the_full_resolution_files_derive(geo_dir, tmp_path):
    assert geo.write_layers(geo_dir, tmp_path / "a") == geo.write_layers(geo_dir, tmp_path / "b")
    for level, name in geo.SHIPPED_LAYERS.items():
        written = (tmp_path / "a" / name).read_bytes()
        assert written == (tmp_path / "b" / name).read_bytes()  # the same input, the same bytes
        assert written == geo.shipped_layer_path(level).read_bytes(), (
            f"{name}: run python -m analytics.geo --write-layers"
        )
        assert json.loads(written) == geo.display_layer(level, geo_dir)
    assert geo.main(["--check", "--source", str(geo_dir)]) == 0


def test_without_full_resolution_files_the_map_uses_the_shipped_layers(no_full_resolution):
    for level, count in (("regency", 56), ("province", 5)):
        layer = geo.load_display_layer(level)
        assert len(layer["features"]) == count
        assert layer == geo.shipped_layer(level)


def test_damaged_full_resolution_files_fall_back_to_the_shipped_layers(no_full_resolution, caplog):
    for name in (settings.REGENCY_GEOJSON, settings.PROVINCE_GEOJSON):
        (no_full_resolution[0] / name).write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="analytics.geo"):
        layer = geo.load_display_layer("regency")
    assert layer == geo.shipped_layer("regency")
    assert str(no_full_resolution[0]) in caplog.text


def test_without_any_layer_the_public_message_names_no_path_and_the_log_has_the_detail(
    no_full_resolution, monkeypatch, tmp_path, caplog
):
    monkeypatch.setattr(settings, "SHIPPED_GEO_DIR", tmp_path / "removed")
    with caplog.at_level(logging.ERROR, logger="analytics.geo"), pytest.raises(geo.BoundaryFilesMissing) as error:
        geo.load_display_layer("regency")
    public = [str(error.value)] + [t("map_layers_unavailable", lang) for lang in LANGUAGES]
    for text in public:
        assert "PANTAU_GEO_DIR" not in text and "/" not in text and str(tmp_path) not in text
    assert str(no_full_resolution[0]) in error.value.detail and "PANTAU_GEO_DIR" in error.value.detail
    assert str(tmp_path / "removed") in error.value.detail
    assert error.value.detail in caplog.text


def test_a_damaged_shipped_layer_is_reported_not_drawn(no_full_resolution, monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "SHIPPED_GEO_DIR", tmp_path)
    for text in ('{"type": "FeatureCollection", "features": [', '{"type": "FeatureCollection", "features": []}', "[]"):
        geo.shipped_layer_path("regency").write_text(text, encoding="utf-8")
        with pytest.raises(geo.BoundaryFilesMissing) as error:
            geo.load_display_layer("regency")
        assert str(tmp_path) not in str(error.value)


def test_the_detail_reaches_an_analyst_and_not_the_public():
    from streamlit.testing.v1 import AppTest

    def page():
        from pathlib import Path

        from analytics import geo
        from analytics.ui.geo import explain_unavailable

        explain_unavailable(
            geo.BoundaryFilesMissing([Path("/srv/secret/geo")], Path("/srv/app/layer.geojson"), "gone"), "en"
        )

    public = AppTest.from_function(page, default_timeout=30).run()
    shown = " ".join([w.value for w in public.warning] + [c.value for c in public.caption])
    assert "boundary layers cannot be read" in shown
    assert "/srv" not in shown and "PANTAU_GEO_DIR" not in shown

    analyst = AppTest.from_function(page, default_timeout=30)
    analyst.session_state["analyst_user"] = "analis"
    analyst.run()
    detail = " ".join(c.value for c in analyst.caption).replace("\\", "")  # Markdown escapes, as shown
    assert "/srv/secret/geo" in detail and "PANTAU_GEO_DIR" in detail
