"""What the briefing says, computed from the data: one Slide per idea, each with its figures'
sources. The narrative is templated sentences whose every number comes from a query result
kept beside it (``Slide.numbers``), so each figure can be traced."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analytics import cycle_compare, figures, followup_charts, geo, maps, queries, release
from analytics.figures import FigureSpec
from analytics.filters import Filters
from analytics.disclosure import withheld
from analytics.formatting import format_count, format_date, format_number, format_percent, is_missing
from analytics.i18n import t
from analytics.text import in_sentence

@dataclass
class Slide:
    title: str
    lines: list[str] = field(default_factory=list)     # short statements, one idea each
    figure: FigureSpec | None = None
    source: str = ""
    numbers: pd.DataFrame | None = None                 # the numbers behind the slide


@dataclass
class Briefing:
    title: str
    scope: str
    as_of: object
    synthetic: bool
    slides: list[Slide]


def _label(elections: pd.DataFrame, election_id: str | None, lang: str) -> str | None:
    if not election_id:
        return None
    row = elections.set_index("election_id").loc[election_id]
    return row["label_en" if lang == "en" else "label_id"]


def _region_name(cur, code: str | None, lang: str) -> str:
    if not code:
        return "Kalimantan"
    return queries.regions(cur).set_index("region_code").loc[code, "region_name"]


def build(cur, election_id: str, province_code: str | None = None, lang: str = "id",
          audience: release.Audience = release.ANALYST) -> Briefing:
    """The briefing for one cycle, for Kalimantan or one province; its register numbers come
    through ``analytics.release`` for ``audience`` (exact for analysts)."""

    def register(query_name: str, query_filters: Filters, **extra) -> pd.DataFrame:
        return release.fetch(cur, query_name, query_filters, audience, **extra)
    elections = queries.elections(cur)
    if election_id not in set(elections["election_id"]):
        raise ValueError(f"unknown election {election_id!r}")
    filters = Filters(election_id=election_id, province_code=province_code)
    cycle = _label(elections, election_id, lang)
    area = _region_name(cur, province_code, lang)
    as_of_row = release.fetch(cur, "data_as_of", audience=audience).iloc[0]
    headline = register("headline_numbers", filters).iloc[0]
    synthetic = bool(headline["any_synthetic"])
    register_source = t("register_source" if synthetic else "register_source_briefing", lang)
    previous_id = elections.set_index("election_id")["previous_election_id"].get(election_id)
    previous_id = previous_id if isinstance(previous_id, str) and previous_id else None
    previous_label = _label(elections, previous_id, lang)
    as_of = max(d for d in (as_of_row["register_cases_as_of"], as_of_row["register_sanctions_as_of"]) if not pd.isna(d)) \
        if not pd.isna(as_of_row["register_cases_as_of"]) else None
    # the previous cycle as it stood at this cycle's age (analytics.cycle_compare)
    newest = cycle_compare.newest_register_date(as_of_row["register_cases_as_of"], as_of_row["register_sanctions_as_of"],
                                                audience.public)
    same_age = cycle_compare.same_age(election_id, previous_id, elections.set_index("election_id")["voting_date"].to_dict(),
                                      newest, audience.public)
    previous = register("headline_numbers", filters.with_election(previous_id), age_days=same_age.other_age_days).iloc[0] \
        if same_age else None

    slides = [_headline_slide(headline, previous, previous_label, same_age, cycle, area, register_source, lang,
                              audience.threshold)]
    slides.append(_narrative_slide(register, filters, headline, previous, previous_label, cycle, area, register_source, lang))
    if headline["reported"] > 0:
        slides.append(_map_slide(register, filters, province_code, register_source, lang))
        bucket = "week"
        over_time = register("cases_over_time", filters, bucket=bucket)
        if audience.public and figures.mostly_withheld(over_time, bucket):
            bucket = "month"     # weeks mostly below the threshold: months say more
            over_time = register("cases_over_time", filters, bucket=bucket)
        withheld_label = t("withheld_legend", lang, n=audience.threshold) if audience.public else None
        slides.append(Slide(t("q_trend", lang), figure=figures.trend_figure(
            over_time, elections, queries.milestones(cur), lang, bucket, withheld_label=withheld_label,
            threshold=audience.threshold), source=register_source, numbers=over_time))
        hotspots = register("top_hotspots", filters, limit=10)
        slides.append(Slide(t("q_hotspots", lang), figure=figures.hotspots_figure(hotspots, lang), source=register_source,
                            numbers=hotspots))
        funnel = followup_charts.funnel_table(headline, lang)
        slides.append(Slide(t("q_funnel", lang), figure=followup_charts.funnel_figure(funnel, lang), source=register_source,
                            numbers=funnel, lines=[t("brief_followup_line", lang,
                                                     rate=format_percent(headline["followup_rate_pct"], 1, lang),
                                                     followed=format_number(headline["followed_up"], 0, lang),
                                                     recommended=format_number(headline["recommended"], 0, lang))]))
        backlog = register("backlog_by_age", filters, as_of=as_of) if as_of is not None else pd.DataFrame()
        if len(backlog):
            slides.append(Slide(t("q_backlog", lang), figure=followup_charts.backlog_figure(backlog, lang),
                                source=register_source, numbers=backlog,
                                lines=[t("brief_backlog_line", lang, n=format_number(backlog["cases"].sum(), 0, lang),
                                         old=format_number(backlog.loc[backlog["band_order"] >= 4, "cases"].sum(), 0, lang))]))
    slides.append(_events_slide(cur, filters, lang))
    slides.append(_sources_slide(synthetic, lang))
    title = t("brief_title", lang, cycle=cycle, area=area)
    return Briefing(title=title, scope=f"{cycle} · {area}", as_of=as_of, synthetic=synthetic, slides=slides)


def _shown(row: pd.Series, key: str, lang: str, threshold: int) -> str:
    """A headline value as the audience may see it: "< 5" for a withheld count, "n < 5" for a
    rate or median resting on one, "belum tercapai" for a median not reached."""
    if key.endswith("_pct") or key.startswith("median"):
        if withheld(row, key):
            return t("rests_on_withheld", lang, n=threshold)
        if key.startswith("median") and is_missing(row[key]) and (withheld(row, "reported") or row["reported"] > 0):
            return t("median_not_reached", lang)
        return format_percent(row[key], 1, lang) if key.endswith("_pct") else format_number(row[key], 0, lang)
    return format_count(row[key], lang, withheld(row, key), threshold)


def _headline_slide(headline, previous, previous_label, same_age, cycle, area, source, lang, threshold) -> Slide:
    rows, lines = [], []
    for key, label_key in (("reported", "reported"), ("proven", "proven"), ("recommended", "recommended"),
                           ("followed_up", "followed_up"), ("followup_rate_pct", "followup_rate"),
                           ("median_days_to_resolution", "median_days")):
        before = previous[key] if previous is not None else None
        change = cycle_compare.change_text(cycle_compare.row_change(headline, previous, key),
                                           cycle_compare.CHANGE_UNIT[key], lang) if previous is not None else None
        rows.append({"measure": t(label_key, lang), "value": headline[key], "previous_same_age": before})
        suffix = f" ({change} {t('vs_same_age', lang, prev=previous_label)})" if change else ""
        lines.append(f"{t(label_key, lang)}: {_shown(headline, key, lang, threshold)}{suffix}")
    if same_age is not None:
        age = t("age_months", lang, n=same_age.age_months) if same_age.approximate else t("age_days", lang, n=same_age.age_days)
        lines.append(t("brief_same_age", lang, age=age, other=previous_label))
    return Slide(t("brief_headline_title", lang, cycle=cycle, area=area), lines=lines, source=source,
                 numbers=pd.DataFrame(rows))


def _narrative_slide(register, filters, headline, previous, previous_label, cycle, area, source, lang) -> Slide:
    lines = []
    if headline["reported"] == 0:
        lines.append(t("brief_no_cases", lang, cycle=cycle, area=area))
        return Slide(t("brief_narrative_title", lang), lines=lines, source=source)
    lines.append(t("brief_sentence_total", lang, cycle=cycle, area=area,
                   reported=format_number(headline["reported"], 0, lang), proven=format_number(headline["proven"], 0, lang)))
    change = cycle_compare.row_change(headline, previous, "reported") if previous is not None else None
    if change:
        lines.append(t("brief_sentence_change_up" if change > 0 else "brief_sentence_change_down", lang,
                       pct=format_number(abs(change), 1, lang), previous=previous_label,
                       before=format_number(previous["reported"], 0, lang)))
    hotspots = register("top_hotspots", filters, limit=3)
    if len(hotspots):
        top = hotspots.iloc[0]
        lines.append(t("brief_sentence_hotspot", lang, region=top["region_name"], n=format_number(top["reported"], 0, lang),
                       share=format_percent(100.0 * top["reported"] / headline["reported"], 1, lang)))
    if headline["recommended"]:
        lines.append(t("brief_sentence_followup", lang, rate=format_percent(headline["followup_rate_pct"], 1, lang),
                       followed=format_number(headline["followed_up"], 0, lang),
                       recommended=format_number(headline["recommended"], 0, lang)))
    lines.append(t("brief_sentence_open", lang, n=format_number(headline["open_cases"], 0, lang)))
    numbers = pd.DataFrame([{"measure": k, "value": headline[k]} for k in
                            ("reported", "proven", "recommended", "followed_up", "followup_rate_pct", "open_cases")])
    return Slide(t("brief_narrative_title", lang), lines=lines, source=source, numbers=numbers)


def _map_slide(register, filters, province_code, source, lang) -> Slide:
    values = register("region_metrics", filters.without("province_code"), level="regency")
    if province_code:
        values = values[values["province_code"] == province_code]
    title = t("q_map", lang, metric=in_sentence(t("metric_count", lang)))
    try:
        layer = geo.load_display_layer("regency")
    except geo.BoundaryFilesMissing:
        return Slide(title, lines=[t("brief_map_missing", lang)], source=source, numbers=values)
    figure = maps.choropleth_figure(values, layer, "reported", title, t("metric_count", lang), t("no_data", lang),
                                    lang, ",d")
    return Slide(title, figure=figure, source=f"{source}. {geo.attribution(lang)}", numbers=values)


def _events_slide(cur, filters, lang) -> Slide:
    events = queries.events(cur, filters.without("election_id"))
    events = events.sort_values("event_date", ascending=False)
    lines = [t("brief_events_count", lang, n=len(events), regencies=events["region_code"].nunique())]
    for row in events.head(4).itertuples():
        kind = row.event_type_label_en if lang == "en" else row.event_type_label_id
        title = row.title if len(row.title) <= 90 else row.title[:88].rstrip() + "…"
        lines.append(f"{format_date(row.event_date, lang, row.date_precision)} · {row.region_name} · {kind}: {title}")
    return Slide(t("brief_events_title", lang), lines=lines, source=t("events_source_brief", lang),
                 numbers=events[["event_id", "event_date", "region_name", "event_type", "title", "source_url"]])


def _sources_slide(synthetic: bool, lang: str) -> Slide:
    lines = [t("brief_source_register" if synthetic else "brief_source_register_real", lang),
             t("brief_source_figures", lang), t("brief_source_events", lang), t("brief_source_boundaries", lang)]
    return Slide(t("brief_sources_title", lang), lines=lines, source="Pantau Netralitas ASN")
