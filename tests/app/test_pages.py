"""Every page runs under Streamlit's AppTest without an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics import demo

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = ["pages/ringkasan.py", "pages/peta.py", "pages/profil_wilayah.py", "pages/jenis_pelanggaran.py",
         "pages/sanksi.py", "pages/sosialisasi.py", "pages/angka_resmi.py", "pages/tentang_data.py"]


@pytest.fixture(scope="module")
def app_data_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("app_data")
    demo.ensure_demo(data_dir / "demo", cases=1500)
    return data_dir


@pytest.fixture()
def app(app_data_dir, monkeypatch):
    monkeypatch.setenv("PANTAU_DATA_DIR", str(app_data_dir))
    return AppTest.from_file(APP, default_timeout=60)


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [c.value for c in at.caption] + [t.value for t in at.title]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception(app, page):
    at = app.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception


def test_summary_shows_the_synthetic_banner_and_headline(app):
    at = app.run()
    assert not at.exception
    assert "Data contoh (sintetis)" in _texts(at)
    labels = [m.label for m in at.metric]
    assert "Dilaporkan" in labels and "Tingkat tindak lanjut" in labels
    assert at.title[0].value == "Ringkasan"


@pytest.mark.parametrize(
    "query",
    [
        {"pemilu": "pilkada-2020", "provinsi": "63"},
        {"pemilu": "semua", "kategori": "alat_peraga", "tingkat": "pusat"},
        {"pemilu": "pemilu-2024", "kabkota": "64.02", "jabatan": "jpt"},
        {"pemilu": "pilkada-2017"},                          # a cycle with no cases: empty state
        {"pemilu": "<script>alert(1)</script>", "dari": "not-a-date", "kabkota": "99.99"},
    ],
)
def test_summary_under_several_filter_combinations(app, query):
    at = app
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception


def test_no_match_shows_a_helpful_empty_state(app):
    app.query_params["pemilu"] = "pilkada-2017"
    at = app.run()
    assert any("Tidak ada kasus" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_url_filters_reach_the_widgets(app):
    app.query_params["pemilu"] = "pilkada-2020"
    app.query_params["kabkota"] = "63.09"
    at = app.run()
    assert at.session_state["f_election"] == "pilkada-2020"
    assert at.session_state["f_province"] == "63"
    assert at.session_state["f_regency"] == "63.09"


def test_english_switch(app):
    app.query_params["lang"] = "en"
    at = app.run()
    assert at.title[0].value == "Summary"
    assert "Demo data (synthetic)" in _texts(at)


def test_about_page_renders_the_catalog(app):
    at = app.run()
    at.switch_page("pages/tentang_data.py").run()
    assert not at.exception
    labels = " ".join(e.label for e in at.expander)
    for table in ("regions", "published_figures", "socialization_events", "violation_cases"):
        assert f"`{table}`" in labels
    assert "MIT" in _texts(at)
