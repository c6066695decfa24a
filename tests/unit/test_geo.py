import pytest

from analytics import geo


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


def test_map_view_centres_on_kalimantan(geo_dir):
    view = geo.map_view(geo.load_display_layer("regency", geo_dir))
    assert -1.5 < view.center_lat < 1.5
    assert 112.5 < view.center_lon < 116
    assert 4.0 < view.zoom < 6.0


def test_missing_files_raise_one_clear_error(tmp_path):
    with pytest.raises(geo.BoundaryFilesMissing) as error:
        geo.find_geo_dir([tmp_path / "nowhere", tmp_path])
    assert "PANTAU_GEO_DIR" in str(error.value)
    assert str(tmp_path / "nowhere") in str(error.value)


def test_environment_variable_comes_first(monkeypatch, tmp_path):
    from analytics import settings

    monkeypatch.setenv("PANTAU_GEO_DIR", str(tmp_path))
    assert settings.geo_dir_candidates()[0] == tmp_path


def test_view_of_one_province_zooms_closer(geo_dir):
    layer = geo.load_display_layer("regency", geo_dir)
    kalsel = geo.subset(layer, {f["id"] for f in layer["features"] if f["id"].startswith("63.")})
    assert len(kalsel["features"]) == 13
    assert geo.map_view(kalsel).zoom > geo.map_view(layer).zoom + 1
