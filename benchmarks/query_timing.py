"""Every page's query set timed over many filter combinations: the product (DuckDB) cold and warm,
and the naive pandas baseline over the same combinations, with their ratio."""

from __future__ import annotations

import time

from analytics.filters import Filters
from benchmarks.page_queries import PAGES, Backend, Page, run_page
from benchmarks.stats import summarize

#: The first view of a fresh session (the sidebar's default election): runs once per page before
#: the timed combinations, to fill the cache of filter-independent results as a served app has it.
FIRST_VIEW = Filters(election_id="pilkada-2024")


def _timed(page: Page, backend: Backend, filters: Filters, shared: dict) -> tuple[float, int]:
    started = time.perf_counter()
    executed = run_page(page, backend, filters, shared)
    return time.perf_counter() - started, executed


def time_page(page: Page, backend: Backend, combos: list[Filters], warm_repeats: int) -> dict:
    """Cold: the first execution of each combination; warm: the same combination again."""
    shared: dict = {}
    first_load, _ = _timed(page, backend, FIRST_VIEW, shared)
    cold, warm, executed = [], [], []
    for filters in combos:
        seconds, count = _timed(page, backend, filters, shared)
        cold.append(seconds)
        executed.append(count)
        warm += [_timed(page, backend, filters, shared)[0] for _ in range(warm_repeats)]
    return {
        "first_load_ms": round(first_load * 1000, 2),
        "cold": summarize(cold),
        "warm": summarize(warm),
        "queries_per_set": max(executed) if executed else 0,
    }


def time_naive_page(page: Page, backend: Backend, combos: list[Filters], repeats: int) -> dict:
    """The baseline recomputes everything on every rerun: one sample per combination and repeat."""
    shared: dict = {}
    _timed(page, backend, FIRST_VIEW, shared)
    samples = [_timed(page, backend, filters, shared)[0] for filters in combos for _ in range(max(repeats, 1))]
    return {"rerun": summarize(samples)}


def ratio(naive_ms: float | None, product_ms: float | None) -> float | None:
    """Baseline time / product time (above 1: the product is faster)."""
    if not naive_ms or not product_ms:
        return None
    return round(naive_ms / product_ms, 2)


def compare_pages(product: Backend, naive: Backend, combos_for: dict[str, list[Filters]], warm_repeats: int) -> dict:
    """Per page: product cold/warm, naive, and ``ratio`` (naive p50 / product p50, cold and warm)."""
    results = {}
    for page in PAGES:
        combos = combos_for[page.name]
        measured = time_page(page, product, combos, warm_repeats)
        baseline = time_naive_page(page, naive, combos, warm_repeats)
        measured["naive"] = baseline["rerun"]
        measured["ratio"] = {
            "cold_p50": ratio(baseline["rerun"]["p50_ms"], measured["cold"]["p50_ms"]),
            "warm_p50": ratio(baseline["rerun"]["p50_ms"], measured["warm"]["p50_ms"]),
        }
        measured["filter_dependent"] = page.filter_dependent
        results[page.name] = measured
    return results
