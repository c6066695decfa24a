"""The light edition's whole site for one data version: Kalimantan, every province and every
regency, in Bahasa Indonesia (the root) and English (``en/``), with shared assets named by their
content (cached for a year) and every text file also written gzip- and brotli-compressed for
servers that send them as they are (nginx ``gzip_static`` / ``brotli_static``).

    DIR/index.html              Kalimantan          DIR/en/index.html
    DIR/64/index.html           a province          DIR/en/64/index.html
    DIR/64.72/index.html        a regency           DIR/en/64.72/index.html
    DIR/aset/                   plotly.js (one copy), the chart loader, the boundary layers
    DIR/data/                   the open-data bundles and one CSV per area and language
    DIR/VERSION                 the data version it was made from
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly

from analytics import exports, geo, official, open_data, queries, release
from analytics.briefing import content
from analytics.charts import maps
from analytics.filters import Filters
from analytics.i18n import in_language, t
from analytics.publish.page import Area, Links, render

ASSETS = Path(__file__).with_name("assets")
LANGUAGES = ("id", "en")
COMPRESSED = (".html", ".css", ".js", ".json", ".csv", ".txt")


@dataclass
class Published:
    out: Path
    version: str
    pages: int
    seconds: float


def newest_cycle(cur) -> str:
    """The newest cycle the register holds cases of (the app's default), else the newest cycle."""
    elections = queries.elections(cur).sort_values("voting_date")
    held = set(queries.register_cycles(cur)["election_id"])
    with_cases = elections[elections["election_id"].isin(held)]
    return str((with_cases if len(with_cases) else elections)["election_id"].iloc[-1])


def areas(cur) -> list[Area]:
    """Kalimantan, then the provinces, then the regencies, each with its province."""
    regions = queries.regions(cur)
    found = [Area(None, "Kalimantan")]
    for row in regions.itertuples():
        if row.level == "province":
            found.append(Area(row.region_code, row.region_name))
    for row in regions.itertuples():
        if row.level == "regency":
            found.append(Area(row.region_code, row.region_name, row.province_code))
    return found


def _hashed(folder: Path, name: str, payload: bytes) -> str:
    stem, dot, suffix = name.partition(".")
    hashed = f"{stem}-{hashlib.sha256(payload).hexdigest()[:12]}{dot}{suffix}"
    (folder / hashed).write_bytes(payload)
    return hashed


def _figures_for(all_figures: pd.DataFrame, area: Area, lang: str) -> pd.DataFrame:
    scoped = official.in_scope(
        all_figures,
        province_code=area.province_code or area.code,
        regency_code=area.code if area.province_code else None,
    )
    shown = scoped.assign(
        area=official.area_names(scoped, t("national", lang)),
        metric_label=scoped[in_language("metric_label", lang)],
    )
    return shown.sort_values(["as_of_date", "figure_id"], ascending=[False, True]).head(40)


def _area_numbers(briefing: content.Briefing) -> pd.DataFrame:
    """The page's numbers in one table: each slide's, marked with its title."""
    parts = []
    for slide in briefing.slides:
        if slide.numbers is not None and len(slide.numbers) and (slide.figure is not None or slide.tiles):
            parts.append(exports.chart_numbers_csv(slide.numbers).assign(section=slide.title))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({"section": []})


def _links(area: Area, lang: str, app_url: str | None) -> Links:
    depth = (1 if area.code else 0) + (1 if lang == "en" else 0)
    up = "../" * depth
    root = up + ("en/" if lang == "en" else "")
    other_root = up + ("" if lang == "en" else "en/")
    return Links(
        root=root,
        assets=up + "aset/",
        other_language=other_root + (f"{area.folder}/" if area.code else ""),
        data=up + "data/",
        app=app_url,
    )


def publish(cur, out: Path, version: str = "", app_url: str | None = None, threshold: int | None = None) -> Published:
    """Write the site into ``out`` (replaced when it exists)."""
    started = time.perf_counter()
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "aset").mkdir(parents=True)
    (out / "data").mkdir()
    audience = release.Audience.for_public(threshold)
    plotly_js = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()
    plotly_name = _hashed(out / "aset", "plotly.min.js", plotly_js)
    script = _hashed(out / "aset", "grafik.js", (ASSETS / "grafik.js").read_bytes())
    css = (ASSETS / "style.css").read_text(encoding="utf-8")
    layers = {level: geo.load_display_layer(level) for level in ("regency", "province")}
    layer_names = {
        level: _hashed(out / "aset", f"{level}.geo.json", json.dumps(layer, separators=(",", ":")).encode())
        for level, layer in layers.items()
    }
    # plotly.js draws geo charts on a base map it would otherwise fetch from its CDN
    maps.write_basemap(out / "aset" / "topojson")
    election_id = newest_cycle(cur)
    all_areas = areas(cur)
    all_figures = queries.published_figures(cur)
    bundles: dict[str, list[tuple[str, str]]] = {}
    datasets = open_data.register_datasets(cur, audience)
    for lang in LANGUAGES:
        bundles[lang] = []
        for dataset in datasets:
            name = f"{dataset.name}-{lang}.zip"
            (out / "data" / name).write_bytes(open_data.bundle(dataset, lang))
            bundles[lang].append((name, dataset.title(lang)))
    pages = 0
    for lang in LANGUAGES:
        for area in all_areas:
            briefing = content.build(
                cur,
                election_id,
                province_code=None if area.province_code else area.code,
                lang=lang,
                audience=audience,
                regency_code=area.code if area.province_code else None,
            )
            events = _events_frame(cur, area, election_id)
            csv_name = f"{area.code or 'kalimantan'}-{lang}.csv"
            (out / "data" / csv_name).write_bytes(exports.safe_csv_bytes(_area_numbers(briefing)))
            links = _links(area, lang, app_url)
            urls = {level: links.assets + name for level, name in layer_names.items()}
            text = render(
                briefing,
                area,
                all_areas,
                _figures_for(all_figures, area, lang),
                events,
                links,
                csv_name,
                bundles[lang],
                css,
                urls,
                script,
                plotly_name,
            )
            folder = out / ("en" if lang == "en" else "") / area.folder
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.html").write_text(text, encoding="utf-8")
            pages += 1
    (out / "VERSION").write_text(f"{version}\n", encoding="utf-8")
    compress_tree(out)
    return Published(out, version, pages, time.perf_counter() - started)


def _events_frame(cur, area: Area, election_id: str) -> pd.DataFrame:
    """The cycle's events in the area, newest first, with the labels and sources the page lists
    (the briefing's slide keeps only what a slide shows)."""
    regency = area.code if area.province_code else None
    events = queries.events(cur, Filters(province_code=None if regency else area.code, regency_code=regency))
    return events[events["election_id"] == election_id].sort_values("event_date", ascending=False)


def compress_tree(folder: Path) -> None:
    try:
        import brotli
    except ImportError:  # gzip alone; a server then compresses brotli on the fly or not at all
        brotli = None
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in COMPRESSED:
            raw = path.read_bytes()
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(raw, 9, mtime=0))
            if brotli is not None:
                path.with_name(path.name + ".br").write_bytes(brotli.compress(raw, quality=10))


def current_dir(base: Path) -> Path:
    """The folder a server serves: a link to the newest published version in ``base``."""
    return Path(base) / "current"


def publish_version(base: Path, sources, connect) -> Path:
    """Publish the data version ``sources`` into ``base`` (unless already done) and point
    ``current`` at it, atomically; of the older versions only the one before stays (for pages
    still open on it). ``connect()`` gives a connection to that version."""
    base = Path(base)
    base.mkdir(parents=True, exist_ok=True)
    target = base / sources.version
    if not (target / "VERSION").exists():
        building = base / f".{sources.version}.{os.getpid()}.tmp"
        con = connect()
        try:
            with con.cursor() as cur:
                publish(cur, building, sources.version, app_url="../")
        finally:
            con.close()
        if target.exists():  # another process published it meanwhile
            shutil.rmtree(building)
        else:
            building.rename(target)
    link = current_dir(base)
    temporary = base / f".current.{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(target.name)
    os.replace(temporary, link)
    older = sorted(
        (p for p in base.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".") and p != target),
        key=lambda p: p.stat().st_mtime,
    )
    for old in older[:-1]:
        shutil.rmtree(old, ignore_errors=True)
    return target


def refresh(data_dir: Path | None = None, only_if_kept: bool = False) -> Path | None:
    """Publish the current data version of ``data_dir`` into its light folder
    (``settings.light_dir``). With ``only_if_kept``, only where an edition is kept already (an
    import calls it so: a deployment that serves the edition gets the new version)."""
    from analytics import db, prepared, settings

    data_dir = Path(data_dir or settings.data_dir())
    base = settings.light_dir(data_dir)
    if only_if_kept and not current_dir(base).exists():
        return None
    sources = db.resolve_sources(data_dir)
    cache = settings.cache_dir(data_dir)
    return publish_version(base, sources, lambda: prepared.connect(cache, sources))
