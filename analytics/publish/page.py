"""One page of the light edition as HTML: an area's briefing (analytics.briefing.content, public
protection), its published figures, how to report, and downloads.

Every text from data goes through ``html.escape``; links are written only for ``http(s)``
addresses; chart specs travel as JSON inside ``<script type="application/json">`` with ``<``,
``>`` and ``&`` escaped, so no value can close the element. Charts are drawn by the shared
plotly.js once they come near the screen; each has its numbers as a table beside it, so the page
reads without any script."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

import pandas as pd
from plotly.utils import PlotlyJSONEncoder

from analytics import report_channels
from analytics.briefing.content import Briefing, Slide, organiser_name
from analytics.charts import maps
from analytics.charts.spec import draws_nothing
from analytics.formatting import format_date, format_number, format_stated, is_missing
from analytics.i18n import figure_unit, in_language, t


@dataclass(frozen=True)
class Area:
    code: str | None  # None: Kalimantan
    name: str
    province_code: str | None = None  # a regency's province

    @property
    def folder(self) -> str:
        return self.code or ""


@dataclass(frozen=True)
class Links:
    """Where things are, relative to the page."""

    root: str  # the edition's root in this language ("", "../", ...)
    assets: str  # the shared assets folder
    other_language: str  # the same page in the other language
    data: str  # the downloads folder
    app: str | None  # the full app, when it is served beside the edition


def e(value: object) -> str:
    """Text from anywhere, as text (never markup)."""
    return html.escape("" if value is None or (not isinstance(value, str) and is_missing(value)) else str(value))


def safe_url(value: object) -> str | None:
    text = str(value or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else None


def link(title: object, url: object) -> str:
    href = safe_url(url)
    return f'<a href="{e(href)}" rel="noopener">{e(title)}</a>' if href else e(title)


def script_json(value: object) -> str:
    """JSON that cannot end its ``<script>`` element."""
    text = json.dumps(value, cls=PlotlyJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def chart_spec(figure, geojson_urls: dict[str, str]) -> dict:
    """The figure's JSON for the browser; a boundary layer is replaced by the URL of its shared
    file (plotly.js fetches a ``geojson`` given as a string), chosen by the level of its regions."""
    spec = figure.to_dict()
    for trace in spec["data"]:
        layer = trace.get("geojson")
        if isinstance(layer, dict):
            first = str((layer.get("features") or [{}])[0].get("id", ""))
            trace["geojson"] = geojson_urls["regency" if "." in first else "province"]
        if trace.get("type") == "choropleth" and "colorbar" in trace:  # a page is read on a phone, not a slide
            title = {**(trace["colorbar"].get("title") or {}), "side": "top"}
            trace["colorbar"] = {**trace["colorbar"], **maps.COLOUR_BAR_UNDER_MAP, "title": title}
    # the section's heading already asks the chart's question
    spec["layout"].pop("title", None)
    spec["layout"]["margin"] = {**spec["layout"].get("margin", {}), "t": 30}
    return spec


def _tiles(slide: Slide) -> str:
    items = []
    for tile in slide.tiles:
        change = f'<span class="change">{e(tile.change)}</span>' if tile.change else ""
        items.append(f'<div class="tile"><dt>{e(tile.label)}</dt><dd><b>{e(tile.value)}</b>{change}</dd></div>')
    return f'<dl class="tiles">{"".join(items)}</dl>' if items else ""


def _numbers_table(numbers: pd.DataFrame | None, lang: str, threshold: int) -> str:
    if numbers is None or numbers.empty:
        return ""
    shown = numbers[[c for c in numbers.columns if not str(c).endswith("_withheld")]].head(80)
    head = "".join(f'<th scope="col">{e(c)}</th>' for c in shown.columns)
    rows = []
    for _, row in shown.iterrows():
        cells = []
        for column, value in row.items():
            flag = f"{column}_withheld"
            if flag in numbers.columns and bool(numbers.at[_, flag]):
                cells.append(f"<td>&lt; {threshold}</td>")
            elif isinstance(value, float) and is_missing(value):
                cells.append("<td>—</td>")
            elif isinstance(value, float):
                cells.append(f"<td>{e(format_number(value, 0 if value == round(value) else 2, lang))}</td>")
            else:
                cells.append(f"<td>{e(value)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<details><summary>{e(t("light_numbers", lang))}</summary><div class="scroll"><table>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></details>"
    )


def _slide_section(
    slide: Slide, number: int, lang: str, threshold: int, geojson_urls: dict[str, str], events=None
) -> str:
    parts = [f'<section aria-labelledby="s{number}"><h2 id="s{number}">{e(slide.title)}</h2>']
    if slide.tiles:
        parts.append(_tiles(slide))
    if slide.lines and events is None:
        tag = "ul" if number == 0 else "div"
        if tag == "ul":
            parts.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in slide.lines) + "</ul>")
        else:
            parts.append("".join(f"<p>{e(line)}</p>" for line in slide.lines))
    if slide.figure is not None and draws_nothing(slide.figure):
        parts.append(f'<p class="empty">{e(t("light_chart_withheld", lang, n=threshold))}</p>')
    elif slide.figure is not None:
        spec = chart_spec(slide.figure, geojson_urls)
        height = int(spec["layout"].get("height") or 420)
        parts.append(
            f'<div class="chart" data-chart="c{number}" style="min-height:{min(height, 560)}px" role="img" '
            f'aria-label="{e(slide.figure.title or slide.title)}"></div>'
            f'<script type="application/json" id="c{number}">{script_json(spec)}</script>'
            f"<noscript><p>{e(t('light_no_script', lang))}</p></noscript>"
        )
        parts.append(_numbers_table(slide.numbers, lang, threshold))
    if events is not None:
        parts.append(_events_table(slide, events, lang))
    if slide.source:
        parts.append(f'<p class="source">{e(t("source", lang))}: {e(slide.source)}</p>')
    parts.append("</section>")
    return "".join(parts)


def _events_table(slide: Slide, events: pd.DataFrame, lang: str) -> str:
    lines = "".join(f"<p>{e(line)}</p>" for line in slide.lines[:1])
    if events.empty:
        return lines
    rows = []
    for row in events.head(30).itertuples():
        kind = getattr(row, in_language("event_type_label", lang))
        rows.append(
            f"<tr><td>{e(format_date(row.event_date, lang, row.date_precision))}</td><td>{e(row.region_name)}</td>"
            f"<td>{e(kind)}</td><td>{e(organiser_name(row.organizer))}</td>"
            f"<td>{link(t('light_source_link', lang), row.source_url)}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{e(t(k, lang))}</th>'
        for k in ("light_col_date", "light_col_place", "light_col_kind", "light_col_organiser", "source")
    )
    return (
        f'{lines}<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def _figures_section(figures: pd.DataFrame, lang: str) -> str:
    title = t("light_figures_title", lang)
    if figures.empty:
        body = f"<p>{e(t('light_figures_none', lang))}</p>"
    else:
        rows = []
        for row in figures.itertuples():
            stated = format_stated(row.value, lang)
            rows.append(
                f"<tr><td>{e(row.area)}</td><td>{e(row.metric_label)}</td>"
                f"<td class='n'>{e(stated)} {e(figure_unit(row.unit, lang) if not is_missing(row.unit) else '')}</td>"
                f"<td>{e(format_date(row.as_of_date, lang, row.as_of_precision))}</td>"
                f"<td>{link(row.source_title, row.source_url)} ({e(row.publisher)})</td></tr>"
            )
        head = "".join(
            f'<th scope="col">{e(t(k, lang))}</th>'
            for k in ("light_col_place", "light_col_metric", "light_col_value", "light_col_date", "source")
        )
        body = (
            f"<p>{e(t('light_figures_intro', lang))}</p><div class='scroll'><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    return f'<section aria-labelledby="figures" data-published><h2 id="figures">{e(title)}</h2>{body}</section>'


def _report_section(lang: str) -> str:
    items = []
    for channel in report_channels.CHANNELS:
        items.append(
            f"<li><b>{link(channel.name, channel.address)}</b>: {e(t(channel.when_key, lang))} "
            f'<span class="source">({e(t("source", lang))}: {link(channel.source_title, channel.source_url)}, '
            f"{e(channel.source_publisher)}, {e(format_date(channel.source_date, lang))})</span></li>"
        )
    return (
        f'<section aria-labelledby="report"><h2 id="report">{e(t("light_report_title", lang))}</h2>'
        f"<ul>{''.join(items)}</ul></section>"
    )


def _downloads_section(links: Links, area_csv: str, bundles: list[tuple[str, str]], lang: str) -> str:
    items = [f'<li><a href="{e(links.data + area_csv)}" download>{e(t("light_area_csv", lang))}</a></li>']
    items += [f'<li><a href="{e(links.data + name)}" download>{e(title)}</a></li>' for name, title in bundles]
    return (
        f'<section aria-labelledby="downloads"><h2 id="downloads">{e(t("light_downloads_title", lang))}</h2>'
        f"<p>{e(t('light_downloads_intro', lang))}</p><ul>{''.join(items)}</ul></section>"
    )


def _area_nav(area: Area, areas: list[Area], links: Links, lang: str) -> str:
    """Breadcrumb and a list of every area (a phone reads it as one column)."""
    by_code = {a.code: a for a in areas}
    trail = [f'<a href="{e(links.root or "./")}">Kalimantan</a>']
    if area.province_code:
        province = by_code[area.province_code]
        trail.append(f'<a href="{e(links.root + province.folder)}/">{e(province.name)}</a>')
    if area.code:
        trail.append(f'<span aria-current="page">{e(area.name)}</span>')
    provinces = [a for a in areas if a.code and not a.province_code]
    groups = []
    for province in provinces:
        regencies = "".join(
            f'<li><a href="{e(links.root + a.folder)}/">{e(a.name)}</a></li>'
            for a in areas
            if a.province_code == province.code
        )
        groups.append(
            f'<li><a href="{e(links.root + province.folder)}/">{e(province.name)}</a><ul>{regencies}</ul></li>'
        )
    return (
        f'<nav aria-label="{e(t("light_areas", lang))}" class="trail">{" › ".join(trail)}</nav>'
        f'<details class="areas"><summary>{e(t("light_choose_area", lang))}</summary><ul>{"".join(groups)}</ul>'
        "</details>"
    )


def render(
    briefing: Briefing,
    area: Area,
    areas: list[Area],
    figures: pd.DataFrame,
    events: pd.DataFrame,
    links: Links,
    area_csv: str,
    bundles: list[tuple[str, str]],
    css: str,
    geojson_urls: dict[str, str],
    script: str,
    plotly: str,
) -> str:
    lang = briefing.lang
    other = "en" if lang == "id" else "id"
    sections = []
    for number, slide in enumerate(briefing.slides[:-1]):  # the last slide (sources) is the footer
        is_events = slide.title == t("brief_events_title", lang)
        sections.append(
            _slide_section(slide, number, lang, briefing.threshold, geojson_urls, events if is_events else None)
        )
    sources = briefing.slides[-1]
    synthetic = (
        f'<p class="synthetic" role="note"><b>{e(t("synthetic_stamp", lang))}</b> {e(t("light_synthetic", lang))}</p>'
        if briefing.synthetic
        else ""
    )
    as_of = format_date(briefing.as_of, lang) if briefing.as_of is not None else "—"
    app_link = f' · <a href="{e(links.app)}">{e(t("light_full_app", lang))}</a>' if links.app else ""
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{e(area.name)} · {e(t("app_title", lang))}</title>
<meta name="description" content="{e(briefing.title)}">
<link rel="alternate" hreflang="{other}" href="{e(links.other_language)}">
<style>{css}</style>
</head>
<body>
<header><p class="brand"><a href="{e(links.root or "./")}">{e(t("app_title", lang))}</a> · {e(t("light_edition", lang))}</p>
<p class="switch"><a href="{e(links.other_language)}" hreflang="{other}" lang="{other}">{e(t("light_other_language", lang))}</a>{app_link}</p></header>
<main>
{_area_nav(area, areas, links, lang)}
{synthetic}
<h1>{e(briefing.title)}</h1>
<p class="meta">{e(t("light_as_of", lang, date=as_of))} · {e(briefing.audience_mark)}</p>
{"".join(sections)}
{_figures_section(figures, lang)}
{_report_section(lang)}
{_downloads_section(links, area_csv, bundles, lang)}
</main>
<footer><h2>{e(sources.title)}</h2><ul>{"".join(f"<li>{e(line)}</li>" for line in sources.lines)}</ul>
<p>{e(t("light_footer", lang))}</p></footer>
<script src="{e(links.assets + script)}" defer data-plotly="{e(links.assets + plotly)}"></script>
</body>
</html>
"""
