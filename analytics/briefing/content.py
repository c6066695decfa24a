"""What the briefing says, computed from the data: one Slide per idea, each with its figures'
sources. The takeaways and every other sentence are templates filled from a query result kept
beside them (``Slide.numbers``), so each number can be traced.

The order a leader reads: takeaways, the headline numbers against the previous cycle at the same
age, the province among the others, the map with the regencies that stand out named, the trend,
the chain from report to sanction, where it stalls, what was done, the sources."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analytics import cycle_compare, geo, measures, queries, release
from analytics import elections as cycles
from analytics.charts import briefing as briefing_charts
from analytics.charts import followup as followup_charts
from analytics.charts import maps
from analytics.charts import summary as summary_charts
from analytics.charts.spec import FigureSpec
from analytics.disclosure import visible, withheld
from analytics.filters import Filters
from analytics.formatting import format_count, format_date, format_number, format_percent, is_missing
from analytics.i18n import in_language, t
from analytics.text import in_sentence


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    change: str | None = None  # "−43,9 % vs Pilkada Serentak 2020 (umur sama)"


@dataclass
class Slide:
    title: str
    lines: list[str] = field(default_factory=list)  # short statements, one idea each
    figure: FigureSpec | None = None
    source: str = ""
    numbers: pd.DataFrame | None = None  # the numbers behind the slide
    tiles: list[Tile] = field(default_factory=list)


@dataclass
class Briefing:
    title: str
    scope: str
    as_of: object
    synthetic: bool
    slides: list[Slide]
    public: bool = False
    threshold: int = 5
    lang: str = "id"

    @property
    def audience_mark(self) -> str:
        """Said on every slide: the analyst deck is restricted, the public one protected."""
        return t("brief_mark_public" if self.public else "brief_mark_restricted", self.lang, n=self.threshold)


def _region_name(cur, code: str | None, lang: str) -> str:
    if not code:
        return "Kalimantan"
    return queries.regions(cur).set_index("region_code").loc[code, "region_name"]


HEADLINE_KEYS = tuple((measure.column, measure.label_key) for measure in measures.HEADLINE)


def build(
    cur,
    election_id: str,
    province_code: str | None = None,
    lang: str = "id",
    audience: release.Audience = release.ANALYST,
    regency_code: str | None = None,
) -> Briefing:
    """The briefing for one cycle, for Kalimantan, one province or one regency (its province is
    then looked up); its register numbers come through ``analytics.release`` for ``audience``
    (exact for analysts). A regency's map is its province's, the regency outlined."""

    def register(query_name: str, query_filters: Filters, **extra) -> pd.DataFrame:
        return release.fetch(cur, query_name, query_filters, audience, **extra)

    elections = queries.elections(cur)
    if election_id not in set(elections["election_id"]):
        raise ValueError(f"unknown election {election_id!r}")
    if regency_code is not None:
        province_code = queries.regions(cur).set_index("region_code").loc[regency_code, "province_code"]
    filters = Filters(election_id=election_id, province_code=province_code, regency_code=regency_code)
    cycle = cycles.label(elections, election_id, lang)
    area = _region_name(cur, regency_code or province_code, lang)
    as_of_row = release.fetch(cur, "data_as_of", audience=audience).iloc[0]
    headline = register("headline_numbers", filters).iloc[0]
    synthetic = bool(headline["any_synthetic"])
    register_source = t("register_source" if synthetic else "register_source_briefing", lang)
    previous_id = cycles.previous(elections, election_id)
    previous_label = cycles.label(elections, previous_id, lang)
    as_of = (
        max(d for d in (as_of_row["register_cases_as_of"], as_of_row["register_sanctions_as_of"]) if not pd.isna(d))
        if not pd.isna(as_of_row["register_cases_as_of"])
        else None
    )
    # the previous cycle as it stood at this cycle's age (analytics.cycle_compare)
    newest = cycle_compare.newest_register_date(
        as_of_row["register_cases_as_of"], as_of_row["register_sanctions_as_of"], audience.public
    )
    same_age = cycle_compare.same_age(
        election_id, previous_id, elections.set_index("election_id")["voting_date"].to_dict(), newest, audience.public
    )
    previous = (
        register("headline_numbers", filters.with_election(previous_id), age_days=same_age.other_age_days).iloc[0]
        if same_age
        else None
    )
    threshold = audience.threshold
    context = _Context(
        register, filters, province_code, cycle, area, previous_label, register_source, lang, threshold, audience.public
    )

    everywhere = filters.without("province_code", "regency_code")
    regencies = register("region_metrics", everywhere, level="regency")
    if province_code:
        regencies = regencies[regencies["province_code"] == province_code]
    provinces = register("region_metrics", everywhere, level="province")
    backlog = (
        register("backlog_by_age", filters, as_of=as_of)
        if as_of is not None and headline["reported"]
        else pd.DataFrame()
    )
    events = queries.events(cur, filters.without("election_id"))
    events = events[events["election_id"] == election_id].sort_values("event_date", ascending=False)

    # a regency's page names no regencies that stand out: that is its province's story
    standing_out = regencies.iloc[0:0] if regency_code else regencies
    slides = [_takeaways_slide(context, headline, previous, standing_out, backlog, events)]
    slides.append(_tiles_slide(context, headline, previous, same_age))
    if headline["reported"] > 0:
        slides.append(_provinces_slide(context, provinces))
        slides.append(_map_slide(context, regencies, queries.regions(cur), selected=regency_code))
        bucket = "week"
        over_time = register("cases_over_time", filters, bucket=bucket)
        if audience.public and summary_charts.mostly_withheld(over_time, bucket):
            bucket = "month"  # weeks mostly below the threshold: months say more
            over_time = register("cases_over_time", filters, bucket=bucket)
        withheld_label = t("withheld_legend", lang, n=threshold) if audience.public else None
        slides.append(
            Slide(
                t("q_trend", lang),
                figure=summary_charts.trend_figure(
                    over_time,
                    elections,
                    queries.milestones(cur),
                    lang,
                    bucket,
                    withheld_label=withheld_label,
                    threshold=threshold,
                ),
                source=register_source,
                numbers=over_time,
            )
        )
        funnel = followup_charts.funnel_table(headline, lang, threshold)
        slides.append(
            Slide(
                t("q_funnel", lang),
                figure=followup_charts.funnel_figure(funnel, lang),
                source=register_source,
                numbers=funnel,
            )
        )
        if len(backlog):
            slides.append(_backlog_slide(context, backlog))
    slides.append(_events_slide(context, events))
    slides.append(_sources_slide(synthetic, lang))
    title = t("brief_title", lang, cycle=cycle, area=area)
    return Briefing(
        title=title,
        scope=f"{cycle} · {area}",
        as_of=as_of,
        synthetic=synthetic,
        slides=slides,
        public=audience.public,
        threshold=threshold,
        lang=lang,
    )


@dataclass(frozen=True)
class _Context:
    register: object
    filters: Filters
    province_code: str | None
    cycle: str
    area: str
    previous_label: str | None
    source: str
    lang: str
    threshold: int
    public: bool


def _shown(row: pd.Series, key: str, lang: str, threshold: int) -> str:
    """A headline value as the audience may see it: "< 5" for a withheld count, "n < 5" for a
    rate or median resting on one, "belum tercapai" for a median not reached."""
    if key.endswith("_pct") or key.startswith("median"):
        if withheld(row, key):
            return t("rests_on_withheld", lang, n=threshold)
        if key.startswith("median") and is_missing(row[key]) and (withheld(row, "reported") or row["reported"] > 0):
            return t("median_not_reached", lang)
        if is_missing(row[key]):
            return "—"
        return (
            format_percent(row[key], 1, lang)
            if key.endswith("_pct")
            else t("age_days", lang, n=format_number(row[key], 0, lang))
        )
    return format_count(row[key], lang, withheld(row, key), threshold)


def _takeaways_slide(c: _Context, headline, previous, regencies, backlog, events) -> Slide:
    """Three to five sentences: what changed against the previous cycle at the same age, where the
    problem concentrates (per 1,000 ASN), where the chain stalls, what was done."""
    lang, rows, lines = c.lang, [], []

    def note(measure: str, value, sentence: str) -> None:
        rows.append({"takeaway": len(lines) + 1, "measure": measure, "value": value})
        if not lines or lines[-1] != sentence:
            lines.append(sentence)

    if headline["reported"] == 0 and not withheld(headline, "reported"):
        lines.append(t("brief_no_cases", lang, cycle=c.cycle, area=c.area))
    else:
        reported = _shown(headline, "reported", lang, c.threshold)
        change = cycle_compare.row_change(headline, previous, "reported") if previous is not None else None
        if change is not None and not is_missing(change):
            sentence = t(
                "brief_take_change_up" if change > 0 else "brief_take_change_down",
                lang,
                reported=reported,
                pct=format_number(abs(change), 1, lang),
                previous=c.previous_label,
                before=_shown(previous, "reported", lang, c.threshold),
            )
            note("reported", headline["reported"], sentence)
            note("reported_previous_same_age", previous["reported"], sentence)
        else:
            note(
                "reported",
                headline["reported"],
                t(
                    "brief_take_total",
                    lang,
                    cycle=c.cycle,
                    area=c.area,
                    reported=reported,
                    proven=_shown(headline, "proven", lang, c.threshold),
                ),
            )
        points = cycle_compare.row_change(headline, previous, "followup_rate_pct") if previous is not None else None
        if points is not None and not is_missing(points):
            sentence = t(
                "brief_take_rate",
                lang,
                rate=_shown(headline, "followup_rate_pct", lang, c.threshold),
                points=format_number(abs(points), 1, lang),
                direction=t("brief_above" if points > 0 else "brief_below", lang),
                previous=c.previous_label,
            )
            note("followup_rate_pct", headline["followup_rate_pct"], sentence)
            note("followup_rate_pct_previous_same_age", previous["followup_rate_pct"], sentence)
        top = _top_rates(regencies, 3)
        if len(top):
            names = [
                f"{row.region_name} ({format_number(row.proven_per_1000_asn, 2, lang)})" for row in top.itertuples()
            ]
            sentence = t("brief_take_concentration", lang, regions=_join(names, lang))
            for row in top.itertuples():
                note(f"proven_per_1000_asn {row.region_name}", row.proven_per_1000_asn, sentence)
        stall = _stall(backlog)
        if stall is not None:
            stage, waiting, old = stall
            sentence = _stall_sentence(stage, waiting, old, lang)
            note("open_in_stage", waiting, sentence)
            note("open_over_180_days", old, sentence)
    if len(events):
        sentence = t(
            "brief_take_events",
            lang,
            n=format_number(len(events), 0, lang),
            regencies=format_number(events["region_code"].nunique(), 0, lang),
            cycle=c.cycle,
        )
        note("events", len(events), sentence)
    return Slide(t("brief_takeaways_title", lang), lines=lines[:5], source=c.source, numbers=pd.DataFrame(rows))


def _top_rates(regencies: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` regencies with the highest shown proven-per-1,000-ASN rate."""
    if regencies.empty or "proven_per_1000_asn" not in regencies:
        return regencies.iloc[0:0]
    shown = regencies[visible(regencies, "proven_per_1000_asn") & (regencies["proven_per_1000_asn"] > 0)]
    return shown.sort_values(["proven_per_1000_asn", "region_name"], ascending=[False, True]).head(n)


#: The catalog keys of the stages an open case waits in.
STAGE_KEYS = followup_charts.OPEN_STAGE_KEYS


def _stall(backlog: pd.DataFrame) -> tuple[str, int, int] | None:
    """Where most open cases wait (its catalog key), how many shown wait there, and how many of
    those more than 180 days."""
    if backlog.empty:
        return None
    shown = backlog[visible(backlog, "cases")]
    if shown.empty:
        return None
    per_stage = shown.groupby("open_stage")["cases"].sum()
    stage = per_stage.idxmax()
    old = shown[(shown["open_stage"] == stage) & (shown["band_order"] >= 4)]["cases"].sum()
    return STAGE_KEYS[stage], int(per_stage[stage]), int(old)


def _stall_sentence(stage: str, waiting: int, old: int, lang: str) -> str:
    key = "brief_take_stall" if old else "brief_take_stall_recent"
    return t(
        key, lang, n=format_number(waiting, 0, lang), stage=in_sentence(t(stage, lang)), old=format_number(old, 0, lang)
    )


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t("brief_and", lang) + items[-1]


def _tiles_slide(c: _Context, headline, previous, same_age) -> Slide:
    lang, tiles, rows = c.lang, [], []
    for key, label_key in HEADLINE_KEYS:
        change = None
        if previous is not None:
            value = cycle_compare.row_change(headline, previous, key)
            text = cycle_compare.change_text(value, cycle_compare.CHANGE_UNIT[key], lang)
            change = f"{text} {t('vs_same_age', lang, prev=c.previous_label)}" if text else None
        tiles.append(Tile(t(label_key, lang), _shown(headline, key, lang, c.threshold), change))
        rows.append(
            {
                "measure": key,
                "value": headline[key],
                "previous_same_age": previous[key] if previous is not None else None,
            }
        )
    lines = []
    if same_age is not None:
        age = (
            t("age_months", lang, n=same_age.age_months)
            if same_age.approximate
            else t("age_days", lang, n=same_age.age_days)
        )
        lines.append(t("brief_same_age", lang, age=age, other=c.previous_label))
    return Slide(
        t("brief_headline_title", lang, cycle=c.cycle, area=c.area),
        lines=lines,
        source=c.source,
        numbers=pd.DataFrame(rows),
        tiles=tiles,
    )


def _provinces_slide(c: _Context, provinces: pd.DataFrame) -> Slide:
    """Each province's proven cases per 1,000 ASN beside Kalimantan as a whole (from the shown
    counts), the briefing's province marked."""
    lang = c.lang
    kalimantan = briefing_charts.kalimantan_rate(provinces)
    figure = briefing_charts.province_rates_figure(provinces, c.province_code, kalimantan, lang, c.threshold)
    numbers = provinces[
        ["region_code", "region_name", "proven", "asn_count", "proven_per_1000_asn"]
        + [col for col in provinces.columns if col.endswith("_withheld")]
    ].copy()
    lines = []
    if kalimantan is not None:
        lines.append(t("brief_kalimantan_rate", lang, rate=format_number(kalimantan, 2, lang)))
    return Slide(
        t("brief_provinces_title", lang),
        lines=lines,
        figure=figure,
        source=f"{c.source}. {t('brief_headcount_source', lang)}",
        numbers=numbers,
    )


def _map_slide(c: _Context, regencies: pd.DataFrame, regions: pd.DataFrame, selected: str | None = None) -> Slide:
    lang = c.lang
    by_code = regions.set_index("region_code")
    # a regency is drawn among its province's regencies
    area = by_code.loc[by_code.loc[selected, "province_code"], "region_name"] if selected else c.area
    title = t("brief_map_title", lang, area=area)
    top = _top_rates(regencies, 3)
    ranked = [
        f"{rank}. {row.region_name} ({format_number(row.proven_per_1000_asn, 2, lang)})"
        for rank, row in enumerate(top.itertuples(), start=1)
    ]
    lines = [t("brief_map_line", lang, regions=" · ".join(ranked))] if ranked else []
    try:
        layer = geo.load_display_layer("regency")
    except geo.BoundaryFilesMissing:
        return Slide(title, lines=[t("brief_map_missing", lang)], source=c.source, numbers=regencies)
    figure = maps.choropleth_figure(
        regencies,
        layer,
        "proven_per_1000_asn",
        title,
        t("per_1000_asn", lang),
        t("no_data", lang),
        lang,
        ",.2f",
        selected=selected,
    )
    figure = briefing_charts.with_numbers_on_map(figure, regions.set_index("region_code").loc[top["region_code"]])
    return Slide(title, lines=lines, figure=figure, source=f"{c.source}. {geo.attribution(lang)}", numbers=regencies)


def _backlog_slide(c: _Context, backlog: pd.DataFrame) -> Slide:
    lang = c.lang
    lines = []
    stall = _stall(backlog)
    if stall is not None:
        stage, waiting, old = stall
        lines.append(_stall_sentence(stage, waiting, old, lang))
    return Slide(
        t("q_backlog", lang),
        lines=lines,
        figure=followup_charts.backlog_figure(backlog, lang, f"< {c.threshold}", c.threshold),
        source=c.source,
        numbers=followup_charts.backlog_numbers(backlog),
    )


def _events_slide(c: _Context, events: pd.DataFrame) -> Slide:
    """The cycle's documented events, newest first: date, place, kind and organiser (a title is
    a source's own headline, in its own language: the deck names the kind instead)."""
    lang = c.lang
    lines = [t("brief_events_count", lang, n=len(events), regencies=events["region_code"].nunique(), cycle=c.cycle)]
    for row in events.head(5).itertuples():
        kind = getattr(row, in_language("event_type_label", lang))
        lines.append(
            f"{format_date(row.event_date, lang, row.date_precision)} · {row.region_name} · {kind} · "
            f"{organiser_name(row.organizer)}"
        )
    return Slide(
        t("brief_events_title", lang),
        lines=lines,
        source=t("events_source_brief", lang),
        numbers=events[["event_id", "event_date", "region_name", "event_type", "organizer", "source_url"]],
    )


def organiser_name(organizer: str) -> str:
    """The organiser without the curator's note in brackets ("Bawaslu Kota Bontang (Ketua …)",
    often English): the institution is what a leader needs, in any language."""
    return str(organizer).split(" (")[0].strip()


def _sources_slide(synthetic: bool, lang: str) -> Slide:
    lines = [
        t("brief_source_register" if synthetic else "brief_source_register_real", lang),
        t("brief_source_figures", lang),
        t("brief_source_events", lang),
        t("brief_source_boundaries", lang),
    ]
    return Slide(t("brief_sources_title", lang), lines=lines, source="Pantau Netralitas ASN")
