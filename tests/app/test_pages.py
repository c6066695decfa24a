"""Every page runs under Streamlit's AppTest without an exception."""

from __future__ import annotations

import json
from pathlib import Path

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from analytics import demo
from analytics import pages as site_pages
from analytics.charts.spec import FigureSpec, draws_nothing

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = [page.script for page in site_pages.PAGES]
ANALYSIS_PAGES = [page.script for page in site_pages.PAGES if page.analysis]


@pytest.fixture(scope="module")
def app_data_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("app_data")
    demo.ensure_demo(data_dir / "demo", cases=1500)
    return data_dir


@pytest.fixture()
def app(app_data_dir, monkeypatch):
    monkeypatch.setenv("PANTAU_DATA_DIR", str(app_data_dir))
    return AppTest.from_file(APP, default_timeout=60)


ANALYST_PAGES = {page.script for page in site_pages.PAGES if page.analyst_only}


def as_analyst(at: AppTest) -> AppTest:
    """Log the AppTest session in as a local analyst (the login form itself is tested in tests/e2e
    and test_access)."""
    from analytics import auth
    from analytics.ui.access import SESSION_USER

    at.secrets["local_accounts"] = {"analis": auth.hash_password("uji", rounds=4)}
    at.session_state[SESSION_USER] = "analis"
    return at


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [c.value for c in at.caption] + [t.value for t in at.title]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception(app, page):
    if page in ANALYST_PAGES:
        as_analyst(app)
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
        {"pemilu": "pilkada-2017"},  # a cycle with no cases: empty state
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
    """An empty cycle says what is true, with no filter advice; a narrowing filter is named."""
    app.query_params["pemilu"] = "pilkada-2017"
    at = app.run()
    said = [i.value for i in at.info if "Belum ada kasus tercatat untuk Kalimantan pada" in i.value]
    assert said and "filter" not in said[0]
    assert not at.get("plotly_chart")
    narrowed = AppTest.from_file(APP, default_timeout=60)
    narrowed.query_params["pemilu"] = "pilkada-2017"
    narrowed.query_params["kategori"] = "lainnya"
    at = narrowed.run()
    assert any("dengan filter" in i.value and "Hapus filter" in i.value for i in at.info)


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


FILTER_COMBINATIONS = [
    {"pemilu": "pilkada-2020", "provinsi": "63"},
    {"pemilu": "semua", "kategori": "alat_peraga", "tingkat": "pusat"},
    {"pemilu": "pemilu-2024", "kabkota": "64.02", "jabatan": "jpt"},
    {"pemilu": "pilkada-2017"},  # a cycle with no cases
    {"pemilu": "pilkada-2024", "lang": "en", "dari": "2024-09-01", "sampai": "2024-11-30"},
    {"pemilu": "pilkada-2024", "provinsi": "65"},  # small areas: most public numbers withheld
    {"pemilu": "pilkada-2024", "kabkota": "63.09", "kategori": "lainnya"},
]


@pytest.mark.parametrize("query", FILTER_COMBINATIONS, ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()))
@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_pages_under_filter_combinations(app, page, query):
    """Every page runs, and every chart it sends passes Plotly's own validation (the figures are
    built without it, for speed; an invalid property would otherwise reach the browser)."""
    for key, value in query.items():
        app.query_params[key] = value
    at = app.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        go.Figure(spec)  # raises on an invalid property or value
        # no chart is empty axes, which read like zero: a chart whose numbers are all withheld says so
        assert not draws_nothing(FigureSpec(spec["data"], spec["layout"])), chart.proto.id


@pytest.mark.parametrize("page", ["pages/jenis_pelanggaran.py", "pages/sanksi.py"])
def test_register_pages_show_the_empty_state_when_nothing_matches(app, page):
    app.query_params["pemilu"] = "pilkada-2017"
    at = app.run()
    at.switch_page(page).run()
    assert any("Belum ada kasus tercatat" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_sanctions_page_measures_service_levels(app):
    at = app.run()
    at.switch_page("pages/sanksi.py").run()
    labels = [m.label for m in at.metric]
    assert labels == ["Pemeriksaan Bawaslu", "Penerusan ke KASN/BKN", "Rekomendasi KASN/BKN", "Jawaban PPK"]
    assert "tepat waktu" in str(at.metric[0].delta)
    assert "3 hari kerja" in _texts(at)


def test_events_page_says_the_comparison_is_not_causal(app):
    at = app.run()
    at.switch_page("pages/sosialisasi.py").run()
    assert "bukan ukuran dampak" in _texts(at)
    assert at.metric[0].value == "61"  # the curated events, all of Kalimantan


def test_events_page_in_a_province_without_events_for_the_period(app):
    app.query_params["provinsi"] = "65"
    app.query_params["sampai"] = "2015-01-01"
    at = app.run()
    at.switch_page("pages/sosialisasi.py").run()
    assert not at.exception
    assert any("Tidak ada kegiatan tercatat" in i.value for i in at.info)


def test_figures_page_keeps_conflicting_figures_apart(app):
    app.query_params["pemilu"] = "pilkada-2020"
    at = app.run()
    at.switch_page("pages/angka_resmi.py").run()
    assert not at.exception
    assert "tidak pernah dijumlahkan" in _texts(at)
    conflict_table = next(frame.value for frame in at.dataframe if "Ukuran" in frame.value.columns)
    national = conflict_table[
        (conflict_table["Ukuran"].str.startswith("ASN dilaporkan")) & (conflict_table["Wilayah"] == "Nasional")
    ]
    assert {"2.034", "2.035", "2.007"} <= set(national["Nilai"])


def test_clicking_a_category_bar_filters_every_page(app):
    at = app.run()
    at.switch_page("pages/jenis_pelanggaran.py").run()
    from analytics.ui import clicks

    callback = clicks.on_bar_select("jenis_batang", "category", {"Lainnya": "lainnya"})
    at.session_state["jenis_batang"] = {"selection": {"points": [{"y": "Lainnya", "x": 50.0}]}}
    # run the callback against the AppTest's session state
    from unittest import mock

    import streamlit as st

    with mock.patch.object(st, "session_state", at.session_state):
        callback()
    at.run()
    assert at.session_state["f_category"] == "lainnya"
    assert at.query_params["kategori"] == ["lainnya"] or at.query_params["kategori"] == "lainnya"


def test_briefing_page_presents_one_slide_at_a_time(app):
    as_analyst(app)
    app.query_params["pemilu"] = "pilkada-2024"
    app.query_params["provinsi"] = "63"
    at = app.run()
    at.switch_page("pages/paparan.py").run()
    assert not at.exception
    assert at.subheader[0].value == "Netralitas ASN: Pilkada Serentak 2024, Kalimantan Selatan"
    at.session_state["paparan_tampil"] = True
    at.session_state["paparan_slide"] = 0
    at.run()
    assert not at.exception
    assert "Netralitas ASN: Pilkada Serentak 2024" in " ".join(m.value for m in at.markdown)
    at.session_state["paparan_slide"] = 1
    at.run()
    assert "Pokok-pokok" in " ".join(m.value for m in at.markdown)
    at.session_state["paparan_slide"] = 2
    at.run()
    assert "Angka utama" in " ".join(m.value for m in at.markdown)
    assert {"Dilaporkan", "Terbukti", "Tingkat tindak lanjut"} <= {m.label for m in at.metric}
    assert {"Sebelumnya", "Berikutnya", "Keluar"} <= {b.label for b in at.button}


def test_the_public_gets_the_public_deck_and_an_analyst_the_restricted_one(app):
    app.query_params["pemilu"] = "pilkada-2024"
    app.query_params["provinsi"] = "64"
    at = app.run()
    at.switch_page("pages/paparan.py").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Versi publik" in captions and "TERBATAS" not in captions
    assert not at.toggle  # no choice of version for the public
    analyst = as_analyst(app).run()
    analyst.switch_page("pages/paparan.py").run()
    assert "TERBATAS – untuk keperluan internal" in " ".join(c.value for c in analyst.caption)
    analyst.toggle[0].set_value(True).run()
    assert "Versi publik" in " ".join(c.value for c in analyst.caption)
    assert analyst.query_params["versi_publik"] in ("True", ["True"])


def test_briefing_page_asks_for_one_cycle(app):
    as_analyst(app)
    app.query_params["pemilu"] = "semua"
    at = app.run()
    at.switch_page("pages/paparan.py").run()
    assert any("Pilih satu Pemilu/Pilkada" in i.value for i in at.info)


@pytest.mark.parametrize("page", sorted(ANALYST_PAGES))
def test_analyst_pages_do_not_open_for_the_public(app, page):
    at = app.run()
    try:
        at.switch_page(page).run()
    except Exception as refused:  # AppTest refuses a page that the navigation does not have
        assert "page" in str(refused).lower()
    else:
        assert at.title[0].value not in ("Kelola data", "Bahan paparan")
        assert not at.get("file_uploader")
    assert "Masuk analis" not in _texts(at)  # no login box without accounts configured


def test_local_account_login_form(app):
    from analytics import auth

    app.secrets["local_accounts"] = {"analis": auth.hash_password("benar", rounds=4)}
    at = app.run()
    at.text_input(key="login_name").input("analis")
    at.text_input(key="login_password").input("salah")
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]
    at.text_input(key="login_name").input("analis")
    at.text_input(key="login_password").input("benar")
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert "Masuk sebagai analis (analis)" in _texts(at)
    at.switch_page("pages/kelola_data.py").run()
    assert at.title[0].value == "Kelola data"


def test_oidc_configuration_offers_the_provider_login(app):
    app.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "pantau",
        "client_secret": "s",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    }
    at = app.run()
    assert not at.exception
    assert "Masuk dengan akun lembaga" in [b.label for b in at.button]


def _tile(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_public_sees_small_counts_as_less_than_five_and_analysts_see_the_number(app, app_data_dir):
    # a regency with 1-4 pilkada-2024 cases in the 1,500-case demo, counted from its register
    import pandas as pd

    cases = pd.read_parquet(app_data_dir / "demo" / "violation_cases.parquet")
    per_regency = cases[cases["election_id"] == "pilkada-2024"].groupby("region_code").size()
    small = per_regency[per_regency.between(1, 4)].sort_index()
    assert not small.empty
    code, count = small.index[0], int(small.iloc[0])
    app.query_params["pemilu"] = "pilkada-2024"
    app.query_params["kabkota"] = code
    public = app.run()
    assert _tile(public, "Dilaporkan") == "< 5"
    assert any("kurang dari 5 kasus" in i.value for i in public.info)  # no breakdown below the tiles
    assert not public.get("plotly_chart")

    analyst = as_analyst(AppTest.from_file(APP, default_timeout=60))
    analyst.query_params["pemilu"] = "pilkada-2024"
    analyst.query_params["kabkota"] = code
    analyst.run()
    assert _tile(analyst, "Dilaporkan") == str(count)
    assert analyst.get("plotly_chart")


def test_public_map_table_of_a_province_withholds_its_small_regencies(app):
    app.query_params["pemilu"] = "pilkada-2024"
    app.query_params["provinsi"] = "61"
    at = app.run()
    at.switch_page("pages/peta.py").run()
    assert not at.exception
    assert any("< 5: kurang dari 5 kasus" in c.value for c in at.caption)
    assert any("disesuaikan sedikit" in c.value for c in at.caption)


def test_a_charts_numbers_table_is_made_when_opened_and_stays_open(app):
    app.query_params["pemilu"] = "pilkada-2024"
    at = app.run()
    titles = [e.label for e in at.expander if e.label.startswith("Angka di balik grafik")]
    assert len(titles) == len(at.get("plotly_chart")) >= 3
    before = len(at.dataframe)  # the comparison table under the tiles
    at.session_state["ringkasan_hotspot_numbers"] = True  # what opening it in the browser sets
    at.run()
    assert len(at.dataframe) == before + 1  # closed, it was neither converted nor sent
    shown = at.dataframe[-1].value
    assert {"region_name", "reported"} <= set(shown.columns) and len(shown) > 0
    at.sidebar.selectbox(key="f_election").select("pemilu-2024").run()  # same question, other cycle: still open
    assert len(at.dataframe) == before + 1 and not at.exception


def test_a_regency_chosen_without_its_province_is_compared_with_its_own_province(app, app_data_dir):
    """The profile's province row is the regency's province (Kalimantan Selatan for Tabalong), computed
    here from the register file itself, also when the province filter was left at "all"."""
    import pandas as pd

    as_analyst(app)
    app.query_params["pemilu"] = "pilkada-2024"
    at = app.run()
    at.sidebar.selectbox(key="f_regency").select("63.09").run()
    assert at.session_state["f_province"] == "semua"
    at.switch_page("pages/profil_wilayah.py").run()
    table = at.dataframe[0].value
    cases = pd.read_parquet(app_data_dir / "demo" / "violation_cases.parquet")
    in_cycle = cases[cases["election_id"] == "pilkada-2024"]
    expected = {
        "Kabupaten Tabalong": (in_cycle["region_code"] == "63.09").sum(),
        "Kalimantan Selatan": in_cycle["region_code"].str.startswith("63.").sum(),
        "Kalimantan": len(in_cycle),
    }
    shown = dict(zip(table.iloc[:, 0], table.iloc[:, 1]))
    assert {k: int(str(v).replace(".", "")) for k, v in shown.items()} == expected


def test_public_pages_hold_up_at_the_edges_of_the_protection(app):
    """Tentang data gives no exact register total; a map compared with an empty cycle runs; a view
    too detailed for the public says so on Sanksi instead of 'no recommendations'."""
    app.query_params["pemilu"] = "pilkada-2024"
    at = app.run()
    at.switch_page("pages/tentang_data.py").run()
    register_labels = [e.label for e in at.expander if "violation_cases" in e.label or "`sanctions`" in e.label]
    assert register_labels and not any("baris" in label for label in register_labels)
    fresh = AppTest.from_file(APP, default_timeout=60)
    fresh.query_params["pemilu"] = "pilkada-2018"
    at = fresh.run()
    at.switch_page("pages/peta.py").run()
    assert not at.exception
    detailed = AppTest.from_file(APP, default_timeout=60)
    detailed.query_params["pemilu"] = "pilkada-2024"
    detailed.query_params["kabkota"] = "63.71"
    detailed.query_params["kategori"] = "lainnya"
    at = detailed.run()
    at.switch_page("pages/sanksi.py").run()
    assert not at.exception
    infos = [i.value for i in at.info]
    assert not any("rekomendasi" in v.lower() and "belum ada" in v.lower() for v in infos)
    assert sum("terlalu rinci" in v for v in infos) >= 2  # the PPK table and the backlog


def test_an_empty_public_backlog_says_each_count_is_below_five_not_none(app_data_dir, monkeypatch):
    """Where the analyst sees open cases, the public page never says there are none."""
    monkeypatch.setenv("PANTAU_DATA_DIR", str(app_data_dir))
    for province in ("61", "62", "63", "64", "65"):
        public = AppTest.from_file(APP, default_timeout=60)
        public.query_params["pemilu"] = "pilkada-2024"
        public.query_params["provinsi"] = province
        public.switch_page("pages/sanksi.py").run()
        analyst = as_analyst(AppTest.from_file(APP, default_timeout=60))
        analyst.query_params["pemilu"] = "pilkada-2024"
        analyst.query_params["provinsi"] = province
        analyst.switch_page("pages/sanksi.py").run()
        assert not public.exception and not analyst.exception
        analyst_sees_open = "Tidak ada kasus terbuka" not in _texts(analyst)
        if analyst_sees_open:
            assert "Tidak ada kasus terbuka" not in _texts(public), province
