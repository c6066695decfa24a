"""The URL is the whole view: a page's own controls (measure, level, comparison, breakdown, window)
are in it next to the shared filters, so a copied link reopens the same view in a new session, in
either language; a control at its default stays out of the URL."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_pages import APP, app_data_dir  # noqa: F401 (fixture)


@pytest.fixture()
def fresh(app_data_dir, monkeypatch):  # noqa: F811
    """A new browser session opening a link."""
    monkeypatch.setenv("PANTAU_DATA_DIR", str(app_data_dir))

    def open_link(page: str, **params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(page).run()  # the link opens the page itself
        assert not at.exception, at.exception
        return at

    return open_link


def _widget(at: AppTest, key: str):
    found = [w for kind in ("selectbox", "button_group") for w in at.get(kind) if getattr(w, "key", None) == key]
    assert found, f"no widget {key}"
    return found[0]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_map_link_reopens_its_measure_level_and_comparison(fresh, lang):
    at = fresh(
        "pages/peta.py", pemilu="pilkada-2024", ukuran="per1000", lapisan="province", banding="pilkada-2020", lang=lang
    )
    assert _widget(at, "map_metric").value == "per1000"
    assert _widget(at, "map_level").value == "province"
    assert _widget(at, "map_compare").value == "pilkada-2020"
    params = dict(at.query_params)
    assert (params["ukuran"], params["lapisan"], params["banding"]) == ("per1000", "province", "pilkada-2020")


def test_changing_a_control_writes_it_and_the_default_leaves_the_url(fresh):
    at = fresh("pages/peta.py", pemilu="pilkada-2024")
    assert "ukuran" not in at.query_params
    _widget(at, "map_metric").set_value("median").run()
    assert at.query_params["ukuran"] == "median"
    _widget(at, "map_metric").set_value("jumlah").run()
    assert "ukuran" not in at.query_params


def test_no_comparison_is_kept_where_the_default_compares(fresh):
    """Jenis pelanggaran compares with the previous cycle by default: 'none' must be said in the URL."""
    at = fresh("pages/jenis_pelanggaran.py", pemilu="pilkada-2024")
    assert _widget(at, "jenis_banding").value == "pilkada-2020"
    _widget(at, "jenis_banding").set_value("tidak").run()
    assert at.query_params["banding"] == "tidak"
    again = fresh("pages/jenis_pelanggaran.py", pemilu="pilkada-2024", banding="tidak", rincian="position")
    assert _widget(again, "jenis_banding").value == "tidak"
    assert _widget(again, "jenis_dimensi").value == "position"


def test_an_invalid_value_in_the_url_falls_back_to_the_default(fresh):
    at = fresh("pages/peta.py", ukuran="<script>", lapisan="planet", jendela="9999")
    assert _widget(at, "map_metric").value == "jumlah" and _widget(at, "map_level").value == "regency"
    assert "ukuran" not in at.query_params and "lapisan" not in at.query_params


def test_a_page_switch_leaves_the_other_pages_controls_out(fresh):
    at = fresh("pages/peta.py", ukuran="median")
    assert at.query_params["ukuran"] == "median"
    at.switch_page("pages/sosialisasi.py").run()
    assert "ukuran" not in at.query_params
    _widget(at, "sosialisasi_jendela").set_value(30).run()
    assert at.query_params["jendela"] == "30"
    reopened = fresh("pages/sosialisasi.py", jendela="30")
    assert _widget(reopened, "sosialisasi_jendela").value == 30


def test_no_comparison_reads_as_its_label_not_a_placeholder(fresh):
    at = fresh("pages/peta.py", pemilu="pilkada-2024")
    compare = _widget(at, "map_compare")
    assert compare.value == "tidak" and compare.format_func(compare.value) == "— tanpa pembanding —"
