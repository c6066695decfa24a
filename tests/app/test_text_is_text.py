"""Text from data is text on every page, public and analyst: markup planted in event titles,
organisers and sources, in PPK agency names, and in an imported file's name, reaches Markdown
only escaped and charts only as Plotly literal text, so no heading, link, image or tag from data
is rendered; who imported and the file's name never reach the public."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import demo
from analytics.ingest.__main__ import main as ingest_main
from tests.app.test_pages import ANALYST_PAGES, APP, PAGES, as_analyst
from tests.ingest.samples import EVENT_HEADER, write_csv

HEADING, LINK, IMAGE, TAG = (
    "## DIRETAS",
    "[klik](https://contoh.invalid/x)",
    "![](https://contoh.invalid/i.png)",
    '<img src="https://contoh.invalid/p.png">',
)
PLANTED = f"{HEADING} {LINK} {IMAGE} {TAG}"
#: what any of them looks like when rendered raw: in Markdown source, or in a chart's text
RAW_MARKDOWN = [
    re.compile(r"(^|\s)## DIRETAS"),
    re.compile(r"(?<!\\)\[klik(?<!\\)\]\(https"),
    re.compile(r"(?<!\\)!(?<!\\)\[\]"),
    re.compile(r"<img"),
]
RAW_PLOTLY = ["<img", "<a href", 'contoh.invalid/x">']
FILE_NAME = "kasus ## DIRETAS [x](https:__contoh.invalid).csv"


@pytest.fixture(scope="module")
def hostile_data_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("text_data")
    demo.ensure_demo(data_dir / "demo", cases=1500)
    sanctions = pd.read_parquet(data_dir / "demo" / "sanctions.parquet")
    sanctions.loc[sanctions.index[::3], "ppk_agency"] = f"Bupati {PLANTED}"
    sanctions.to_parquet(data_dir / "demo" / "sanctions.parquet", index=False)
    rows = [
        [
            "EVT1",
            "17 Agustus 2024",
            "Kab. Tabalong",
            "Sosialisasi",
            f"Panitia {PLANTED}",
            f"Sosialisasi {PLANTED}",
            f"Sumber {PLANTED}",
            "https://contoh.invalid/sumber",
            "12",
        ]
    ]
    events = write_csv(data_dir / FILE_NAME, EVENT_HEADER, rows)
    import os

    previous = os.environ.get("PANTAU_DATA_DIR")
    os.environ["PANTAU_DATA_DIR"] = str(data_dir)
    try:
        assert ingest_main(["socialization_events", str(events)]) == 0
    finally:
        if previous is None:
            os.environ.pop("PANTAU_DATA_DIR")
        else:
            os.environ["PANTAU_DATA_DIR"] = previous
    return data_dir


def _rendered(at: AppTest) -> tuple[list[str], list[str]]:
    markdown = [
        str(e.value)
        for kind in ("markdown", "caption", "info", "warning", "success", "error", "title", "subheader", "header")
        for e in getattr(at, kind)
    ]
    markdown += [str(e.label) for e in at.expander] + [str(e.label) for e in at.metric]
    charts = [
        json.dumps(json.loads(c.proto.spec)["data"]) + json.dumps(json.loads(c.proto.spec)["layout"])
        for c in at.get("plotly_chart")
    ]
    return markdown, charts


@pytest.mark.parametrize("regency", [None, "63.09"])
@pytest.mark.parametrize("analyst", [False, True])
@pytest.mark.parametrize("page", PAGES)
def test_planted_markup_is_never_rendered(hostile_data_dir, monkeypatch, page, analyst, regency):
    if page in ANALYST_PAGES and not analyst:
        pytest.skip("analyst page")
    monkeypatch.setenv("PANTAU_DATA_DIR", str(hostile_data_dir))
    app = AppTest.from_file(APP, default_timeout=60)
    if analyst:
        as_analyst(app)
    app.query_params["pemilu"] = "pilkada-2024"
    if regency:
        app.query_params["kabkota"] = regency
    at = app.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    markdown, charts = _rendered(at)
    for text in markdown:
        for pattern in RAW_MARKDOWN:
            assert not pattern.search(text), (pattern.pattern, text[:300])
    for spec in charts:
        for raw in RAW_PLOTLY:
            assert raw not in spec, (raw, spec[:300])
    everything = "\n".join(markdown)
    if not analyst:
        assert "DIRETAS" not in everything or "\\#\\# DIRETAS" in everything
        assert FILE_NAME not in everything and "kasus \\#\\#" not in everything  # the file's name: analysts only
        assert "diimpor oleh" not in everything


def test_the_planted_text_is_still_readable(hostile_data_dir, monkeypatch):
    """Escaped, not dropped: the Profil page lists the event with its title as written."""
    monkeypatch.setenv("PANTAU_DATA_DIR", str(hostile_data_dir))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["pemilu"] = "semua"
    app.query_params["kabkota"] = "63.09"
    at = app.run()
    at.switch_page("pages/profil_wilayah.py").run()
    listed = [m.value for m in at.markdown if "Sosialisasi" in m.value and "DIRETAS" in m.value]
    assert listed and "\\#\\# DIRETAS \\[klik\\]" in listed[0]


def test_planted_markup_is_text_in_the_light_edition(hostile_data_dir, tmp_path):
    """The static pages escape what the app escapes: the planted organiser and title reach the
    light edition's event list as text, never as a tag or a link, and no page holds a raw tag."""
    from analytics import db, prepared, queries, settings
    from analytics.briefing.content import Slide
    from analytics.filters import Filters
    from analytics.publish import page, site

    sources = db.resolve_sources(hostile_data_dir)
    con = prepared.connect(settings.cache_dir(hostile_data_dir), sources)
    try:
        with con.cursor() as cur:
            site.publish(cur, tmp_path / "site", sources.version)
            events = queries.events(cur, Filters(regency_code="63.09"))
    finally:
        con.close()
    assert PLANTED in " ".join(events["organizer"])
    listed = page._events_table(Slide("Kegiatan", lines=["1 kegiatan"]), events, "id")
    assert "Panitia ## DIRETAS [klik](https://contoh.invalid/x)" in listed  # shown, as written
    assert "&lt;img src=&quot;https://contoh.invalid/p.png&quot;&gt;" in listed and "<img" not in listed
    assert 'href="https://contoh.invalid/sumber"' in listed  # a web address stays a link
    for path in (tmp_path / "site").rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        assert "<img" not in text and 'href="https://contoh.invalid/x"' not in text, path
