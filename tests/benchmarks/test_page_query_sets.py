"""The benchmark's page query sets stay those of the pages: every query a page (or the analytics/ui
helper it calls) runs through ``data.query`` is part of the benchmark, and the naive baseline
answers every register query with the product's numbers."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pandas as pd
import pytest

from analytics import queries
from analytics.filters import Filters
from benchmarks import page_queries
from benchmarks.naive import NaiveRegister

REPO = Path(__file__).resolve().parents[2]
QUERY_CALL = re.compile(r"""data\.query\(\s*["']([a-z_]+)["']""")


def _called_queries(paths) -> set[str]:
    return {name for path in paths for name in QUERY_CALL.findall(path.read_text(encoding="utf-8"))}


def test_every_page_query_is_in_the_benchmark():
    benchmarked = set(re.findall(r"""q\(\s*["']([a-z_]+)["']""", inspect.getsource(page_queries)))
    pages = [REPO / page.script for page in page_queries.PAGES]
    helpers = [
        p
        for p in (REPO / "analytics" / "ui").glob("*.py")
        if p.stem not in ("kelola_data", "paparan", "access", "tentang_data")
    ]  # analyst and catalog pages
    missing = _called_queries(pages + helpers) - benchmarked
    assert not missing, f"queries the pages run but benchmarks/page_queries.py does not: {sorted(missing)}"


REGISTER_QUERIES = [
    ("headline_numbers", {}),
    ("region_metrics", {"level": "regency"}),
    ("cases_by_dimension", {"dimension": "category"}),
    ("followup_by_agency", {}),
    ("sanction_mix", {}),
    ("cases_around_events", {"window_days": 60}),
    ("cases_crosstab", {"row_dimension": "category", "column_dimension": "position"}),
]


@pytest.mark.parametrize("name,extra", REGISTER_QUERIES, ids=[n for n, _ in REGISTER_QUERIES])
@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(election_id="pilkada-2024"),
        Filters(election_id="pilkada-2020", province_code="63", category_code="kampanye_medsos"),
    ],
)
def test_naive_baseline_counts_what_the_product_counts(fixture_con, name, extra, filters):
    cur = fixture_con.cursor()
    product = getattr(queries, name)(cur, filters, **extra)
    naive = NaiveRegister(cur).backend(name, filters, **extra)
    counts = [
        c
        for c in ("reported", "proven", "recommended", "followed_up", "before", "after", "imposed")
        if c in product.columns and c in naive.columns
    ]
    assert counts
    key = [
        c
        for c in ("region_code", "code", "ppk_agency", "event_id", "row_code", "column_code", "election_id")
        if c in product.columns and c in naive.columns
    ]

    def sort(frame):
        return frame[key + counts].sort_values(key).reset_index(drop=True).astype({c: "int64" for c in counts})

    pd.testing.assert_frame_equal(sort(product), sort(naive), check_dtype=False)


def test_every_public_page_that_queries_data_is_benchmarked():
    """A page added to the app (analytics/pages.py) that runs queries fails here until the
    benchmark measures it: the page list is the app's, not a copy."""
    from analytics import pages as site_pages

    benchmarked = {page.script for page in page_queries.PAGES}
    querying = {
        page.script
        for page in site_pages.PAGES
        if not page.analyst_only and _called_queries([REPO / page.script]) and page.url_path != "tentang_data"
    }  # the catalog page: reference tables only
    assert querying - benchmarked == set()
    assert benchmarked <= {page.script for page in site_pages.PAGES}
