"""The light edition: a page for Kalimantan, every province and every regency in both languages;
its numbers are the public release's (and no count from 1 to 4 appears anywhere on any page, in
text, tables or chart data); every link and asset a page names exists in the site; plotly.js is
there once; the compressed copies are the same bytes; text from data stays text."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from analytics import queries, release
from analytics.filters import Filters
from analytics.publish import page, site

PUBLIC = release.Audience.for_public(5)


class _Page(HTMLParser):
    """The text, the links and the chart specs of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.specs: list[dict] = []
        self.lang = None
        self._in_json = False
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        for key in ("href", "src", "data-plotly"):
            if attrs.get(key):
                self.links.append(attrs[key])
        self._in_json = tag == "script" and attrs.get("type") == "application/json"
        self._in_script = tag in ("script", "style")

    def handle_endtag(self, tag):
        self._in_json = self._in_script = False

    def handle_data(self, data):
        if self._in_json:
            self.specs.append(json.loads(data))
        elif not self._in_script:
            self.text.append(data)


def parsed(path: Path) -> _Page:
    reader = _Page()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


@pytest.fixture(scope="module")
def edition(demo_con, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ringan") / "site"
    with demo_con.cursor() as cur:
        published = site.publish(cur, out, "test-version", app_url="../", threshold=5)
    assert published.pages == 2 * 62
    return out


def test_every_area_has_a_page_in_both_languages(edition, demo_con):
    with demo_con.cursor() as cur:
        regions = queries.regions(cur)
    assert len(regions) == 61  # 5 provinces and 56 regencies
    for lang_root, lang in ((edition, "id"), (edition / "en", "en")):
        assert parsed(lang_root / "index.html").lang == lang
        for code in regions["region_code"]:
            reader = parsed(lang_root / code / "index.html")
            assert reader.lang == lang
            name = regions.set_index("region_code").at[code, "region_name"]
            assert name in " ".join(reader.text)


def test_the_headline_is_the_public_release(edition, demo_con):
    """The tiles say what the public release says: counted again here from the release's own
    numbers, formatted by hand."""
    with demo_con.cursor() as cur:
        election = site.newest_cycle(cur)
        for code, html_path in ((None, edition / "index.html"), ("64", edition / "64" / "index.html")):
            filters = Filters(election_id=election, province_code=code)
            row = release.fetch(cur, "headline_numbers", filters, PUBLIC).iloc[0]
            reported = "< 5" if row.get("reported_withheld") else f"{int(row['reported']):,}".replace(",", ".")
            text = html_path.read_text(encoding="utf-8")
            tile = re.search(r"<dt>Dilaporkan</dt><dd><b>([^<]*)</b>", text)
            assert tile and tile.group(1).replace("&lt;", "<") == reported


def test_no_page_shows_a_count_from_one_to_four(edition):
    """The register's numbers; published figures (an institution's own, with its source) are
    shown as published, small or not, as on the Angka resmi page."""
    small = re.compile(r"(?<![\d.,])[1-4] (kasus|cases)\b")
    for path in edition.rglob("index.html"):
        html_text = path.read_text(encoding="utf-8")
        register_part = re.sub(r"<section[^>]*data-published>.*?</section>", "", html_text, flags=re.S)
        reader = _Page()
        reader.feed(register_part)
        text = " ".join(reader.text)
        assert not small.search(text), (path, small.search(text).group(0))
        for spec in reader.specs:  # counts are whole numbers; rates per 1,000 ASN are not
            for trace in spec["data"]:
                if trace.get("type") in ("bar", "funnel", "scatter") and not trace.get("meta"):
                    for axis in ("x", "y"):
                        values = trace.get(axis)
                        if isinstance(values, list):
                            small_counts = [
                                v
                                for v in values
                                if isinstance(v, (int, float)) and 1 <= v <= 4 and float(v).is_integer()
                            ]
                            assert small_counts == [], (path, trace.get("name"), axis)


def test_every_link_and_asset_is_in_the_site(edition):
    missing = []
    for path in edition.rglob("index.html"):
        for target in parsed(path).links:
            parts = urlsplit(target)
            if parts.scheme in ("http", "https") or target.startswith(("data:", "#")):
                continue
            if target == "../" and path.parent in (edition, edition / "en"):
                continue  # the full app, beside the edition
            resolved = (path.parent / parts.path).resolve()
            if target.startswith("../") and target.count("../") > len(path.parent.relative_to(edition).parts):
                continue  # the app, one level above the edition
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                missing.append(f"{path.relative_to(edition)} -> {target}")
    assert missing == []


def test_plotly_is_there_once_and_the_compressed_copies_are_the_same_bytes(edition):
    assert len(list((edition / "aset").glob("plotly-*.min.js"))) == 1
    assert not any(p.name.startswith("plotly") for p in edition.rglob("*.js") if p.parent != edition / "aset")
    for path in list(edition.rglob("*.html"))[:10] + list((edition / "aset").glob("*.js")):
        raw = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == raw
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == raw


def test_maps_name_their_boundaries_by_url_and_no_page_is_heavy(edition):
    for path in edition.rglob("index.html"):
        assert len(gzip.compress(path.read_bytes())) < 300 * 1024
        for spec in parsed(path).specs:
            for trace in spec["data"]:
                if "geojson" in trace:
                    assert isinstance(trace["geojson"], str) and trace["geojson"].endswith(".geo.json")


def test_the_area_numbers_are_downloadable_and_the_synthetic_demo_is_said(edition):
    text = (edition / "64" / "index.html").read_text(encoding="utf-8")
    assert "DATA CONTOH SINTETIS" in text
    assert (edition / "data" / "64-id.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert list((edition / "data").glob("*-en.zip"))


def test_text_from_data_is_text_and_only_web_addresses_are_links():
    assert page.e('<img src=x onerror="alert(1)">') == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert page.link("klik", "javascript:alert(1)") == "klik"
    assert page.link("<b>x</b>", "https://contoh.invalid/a?b=1&c=2") == (
        '<a href="https://contoh.invalid/a?b=1&amp;c=2" rel="noopener">&lt;b&gt;x&lt;/b&gt;</a>'
    )
    assert "</script" not in page.script_json({"name": "</script><script>alert(1)</script>"})
    assert json.loads(page.script_json({"name": "</script>&"})) == {"name": "</script>&"}


def test_publishing_a_version_points_current_at_it_and_keeps_the_one_before(demo_con, tmp_path, monkeypatch):
    calls = []

    def fake_publish(cur, out, version, app_url=None, threshold=None):
        out.mkdir(parents=True)
        (out / "VERSION").write_text(version)
        calls.append(version)

    monkeypatch.setattr(site, "publish", fake_publish)

    class Sources:
        def __init__(self, version):
            self.version = version

    for version in ("v1", "v2", "v3"):
        site.publish_version(tmp_path, Sources(version), lambda: demo_con.cursor())
    current = site.current_dir(tmp_path)
    assert current.is_symlink() and (current / "VERSION").read_text() == "v3"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.is_symlink()) == ["v2", "v3"]
    site.publish_version(tmp_path, Sources("v3"), lambda: demo_con.cursor())
    assert calls == ["v1", "v2", "v3"]  # a version already published is not made again
