"""The query set of every page, in the order and under the conditions the page runs it.

Each function mirrors one ``pages/*.py`` (with the sidebar of ``app.py`` and the helpers in
``analytics/ui`` it calls), using the widgets' defaults: Peta at regency level, Jenis pelanggaran
by category against the previous cycle and crossed with position, Sosialisasi with a 60-day
window. ``q(name, filters, **extra)`` stands for ``analytics.ui.data.query``: a backend runs it
on DuckDB (``analytics.queries``) or on the naive pandas baseline (``benchmarks.naive``).

Within one run identical calls are computed once, as ``st.cache_data`` does. Calls without
filters (reference tables, ``data_as_of``) do not change with the filters, so the app serves
them from its cache after a filter change: a ``QueryRunner`` given a ``shared`` cache keeps them
across runs. Pages whose whole set is filter-independent (Angka resmi, Data terbuka) are
measured as a first load instead (``filter_dependent = False``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple, dataclass

import pandas as pd

from analytics import elections as cycles
from analytics.filters import Filters

Backend = Callable[..., pd.DataFrame]  # backend(name, filters_or_None, **extra) -> DataFrame


class QueryRunner:
    """``q(name, filters=None, **extra)`` for one page run, counting the calls executed."""

    def __init__(self, backend: Backend, shared: dict | None = None):
        self.backend = backend
        self.shared = shared
        self.run_cache: dict = {}
        self.executed = 0

    def __call__(self, name: str, filters: Filters | None = None, **extra) -> pd.DataFrame:
        key = (name, astuple(filters) if filters is not None else None, tuple(sorted(extra.items())))
        cache = self.shared if (filters is None and self.shared is not None) else self.run_cache
        if key not in cache:
            cache[key] = self.backend(name, filters, **extra)
            self.executed += 1
        return cache[key]


#: The age of Pilkada 2024 in the demo register (voting day 27 Nov 2024, newest date 31 Mar 2025),
#: at which the pages compare the previous cycle.
SAME_AGE_DAYS = 124


def _previous_election(q: QueryRunner, election_id: str | None) -> str | None:
    """analytics.ui.sidebar.previous_election, on the runner's elections table."""
    return cycles.previous(q("elections"), election_id)


def sidebar(q: QueryRunner, f: Filters) -> None:
    """app.py: the sidebar options, on every page."""
    for name in ("elections", "regions", "categories", "positions"):
        q(name)


def ringkasan(q: QueryRunner, f: Filters) -> None:
    headline = q("headline_numbers", f).iloc[0]
    q("data_as_of")
    if headline["reported"] == 0:
        return
    elections = q("elections").set_index("election_id")
    previous_id = elections["previous_election_id"].get(f.election_id) if f.election_id else None
    if isinstance(previous_id, str):  # analytics.ui.comparison.headline_pair: at the same age, and final
        q("headline_numbers", f.with_election(previous_id), age_days=SAME_AGE_DAYS)
        q("headline_numbers", f.with_election(previous_id))
    bucket = "week" if f.election_id else "month"
    q("cases_over_time", f, bucket=bucket)
    q("milestones")
    q("cases_by_days_before_voting", f.with_election(None), bin_days=7)
    q("top_hotspots", f, limit=10)


def peta(q: QueryRunner, f: Filters) -> None:
    map_filters = f.without("regency_code")  # level "regency", the default
    q("region_metrics", map_filters, level="regency")
    q("register_cycles")  # analytics.ui.comparison.cycles_to_compare
    previous_id = _previous_election(q, f.election_id)
    if previous_id:  # a comparison chosen: the other cycle at the same age
        q("region_metrics", map_filters.with_election(previous_id), level="regency", age_days=SAME_AGE_DAYS)
    q("data_as_of")
    if f.region_code:
        q("regions")


def profil_wilayah(q: QueryRunner, f: Filters) -> None:
    region_code = f.region_code
    if not region_code:
        return
    q("regions")
    scopes = [f]  # analytics.ui.profil_wilayah.comparison_rows
    if "." in region_code:
        scopes.append(f.without("regency_code"))
    scopes.append(f.without("province_code", "regency_code"))
    first = [q("headline_numbers", scope).iloc[0] for scope in scopes][0]
    q("data_as_of")
    if first["reported"] > 0:
        q("cases_over_time", f, bucket="week" if f.election_id else "month")
        q("elections")
        q("milestones")
        q("cases_by_dimension", f, dimension="category")
        q("categories")
    q("events_for_region", region_code=region_code)
    q("figures_for_region", region_code=region_code)


def jenis_pelanggaran(q: QueryRunner, f: Filters) -> None:
    headline = q("headline_numbers", f).iloc[0]
    q("elections")
    other = _previous_election(q, f.election_id)
    if headline["reported"] == 0:
        return
    q("data_as_of")
    for cycle in [f.election_id] + ([other] if other else []):  # analytics.ui.jenis_pelanggaran.cycle_shares
        q("cases_by_dimension", f.with_election(cycle), dimension="category")
    q("register_codes", dimension="category")  # analytics.ui.jenis_pelanggaran.recorded_codes
    q("categories")
    q("cases_crosstab", f, row_dimension="category", column_dimension="position")
    q("positions")


def sanksi(q: QueryRunner, f: Filters) -> None:
    headline = q("headline_numbers", f).iloc[0]
    if headline["reported"] == 0:
        return
    as_of_row = q("data_as_of").iloc[0]
    as_of = max(as_of_row["register_cases_as_of"], as_of_row["register_sanctions_as_of"])
    q("stage_durations", f)
    q("followup_by_agency", f)
    q("backlog_by_age", f, as_of=as_of)
    q("sanction_mix", f)


def sosialisasi(q: QueryRunner, f: Filters) -> None:
    q("data_as_of")
    documented = q("events", f)
    if not documented.empty:
        q("elections")
        q("regions")
    q("cases_around_events", f, window_days=60)


def angka_resmi(q: QueryRunner, f: Filters) -> None:
    q("published_figures")
    q("data_as_of")
    q("elections")
    q("regions")


def data_terbuka(q: QueryRunner, f: Filters) -> None:
    """analytics.open_data.register_datasets + reference_datasets (built once per data version)."""
    q("data_as_of")
    for election_id in q("elections")["election_id"]:
        cycle = Filters(election_id=election_id)
        q("region_metrics", cycle, level="regency")
        q("cases_by_dimension", cycle, dimension="category")
        q("cases_by_dimension", cycle, dimension="position")
    q("reference_datasets")


@dataclass(frozen=True)
class Page:
    name: str
    run: Callable[[QueryRunner, Filters], None]
    script: str
    filter_dependent: bool = True
    needs_region: bool = False


PAGES = (
    Page("ringkasan", ringkasan, "pages/ringkasan.py"),
    Page("peta", peta, "pages/peta.py"),
    Page("profil_wilayah", profil_wilayah, "pages/profil_wilayah.py", needs_region=True),
    Page("jenis_pelanggaran", jenis_pelanggaran, "pages/jenis_pelanggaran.py"),
    Page("sanksi", sanksi, "pages/sanksi.py"),
    Page("sosialisasi", sosialisasi, "pages/sosialisasi.py"),
    Page("angka_resmi", angka_resmi, "pages/angka_resmi.py", filter_dependent=False),
    Page("data_terbuka", data_terbuka, "pages/data_terbuka.py", filter_dependent=False),
)
PAGE_BY_NAME = {page.name: page for page in PAGES}


def run_page(page: Page, backend: Backend, filters: Filters, shared: dict | None) -> int:
    """Run the page's query set (sidebar included); returns how many queries were executed."""
    q = QueryRunner(backend, shared if page.filter_dependent else None)
    sidebar(q, filters)
    page.run(q, filters)
    return q.executed


def duckdb_backend(cur) -> Backend:
    """The product as ``analytics.ui.data`` serves the public: ``analytics.queries`` on a cursor of
    the prepared database, through ``analytics.release`` for the public, and the result kept
    in the same shared result cache, so that a repeated combination is answered from it."""
    from analytics import open_data, release
    from analytics.result_cache import ResultCache

    cache = ResultCache(max_entries=1024)
    public = release.Audience.for_public()
    context = release.RegisterContext.read(cur)

    def compute(name: str, filters: Filters | None, extra: dict) -> pd.DataFrame:
        if name == "reference_datasets":
            return pd.DataFrame({"rows": [len(d.frame) for d in open_data.reference_datasets(cur)]})
        return release.fetch(cur, name, filters, public, context, **extra)

    def backend(name: str, filters: Filters | None, **extra) -> pd.DataFrame:
        key = (name, filters, tuple(sorted(extra.items())))
        return cache.get(key, lambda: compute(name, filters, extra))

    return backend
