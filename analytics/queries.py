"""Pure query functions: ``(cursor, filters, ...) -> DataFrame``.

Each function runs one file of ``analytics/sql/`` with exactly the parameters that file
declares (DuckDB rejects extra or missing named parameters). SQL files name the filter
parameters ``$election_id``, ``$date_from`` ... as in :meth:`Filters.as_params`.
"""

from __future__ import annotations

import re
from functools import lru_cache

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.settings import SQL_DIR

_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_COMMENT = re.compile(r"--[^\n]*")


@lru_cache(maxsize=None)
def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def sql_params(name: str) -> frozenset[str]:
    """The named parameters a SQL file declares (comments ignored)."""
    return frozenset(_PARAM.findall(_COMMENT.sub("", sql_text(name))))


def run(cur: duckdb.DuckDBPyConnection, name: str, filters: Filters | None = None, **extra: object) -> pd.DataFrame:
    """Run ``sql/<name>.sql`` binding exactly the parameters it declares."""
    available: dict[str, object] = dict(filters.as_params()) if filters else {}
    available.update(extra)
    wanted = sql_params(name)
    missing = wanted - available.keys()
    if missing:
        raise TypeError(f"{name}.sql needs parameters {sorted(missing)}")
    return cur.execute(sql_text(name), {key: available[key] for key in wanted}).df()


def sql_files() -> list[str]:
    return sorted(p.stem for p in SQL_DIR.glob("*.sql"))


# --- reference ------------------------------------------------------------------------

def regions(cur) -> pd.DataFrame:
    return run(cur, "regions")


def elections(cur) -> pd.DataFrame:
    return run(cur, "elections")


def milestones(cur) -> pd.DataFrame:
    return run(cur, "milestones")


def categories(cur) -> pd.DataFrame:
    return run(cur, "violation_categories")


def positions(cur) -> pd.DataFrame:
    return run(cur, "positions")


def data_as_of(cur) -> pd.DataFrame:
    return run(cur, "data_as_of")


# --- case register --------------------------------------------------------------------

def headline_numbers(cur, filters: Filters) -> pd.DataFrame:
    return run(cur, "headline_numbers", filters)


def cases_over_time(cur, filters: Filters, bucket: str = "week") -> pd.DataFrame:
    if bucket not in ("day", "week", "month", "quarter", "year"):
        raise ValueError(f"unknown bucket {bucket!r}")
    return run(cur, "cases_over_time", filters, bucket=bucket)


def cases_by_days_before_voting(cur, filters: Filters, bin_days: int = 7) -> pd.DataFrame:
    return run(cur, "cases_by_days_before_voting", filters, bin_days=bin_days)


def top_hotspots(cur, filters: Filters, limit: int = 10) -> pd.DataFrame:
    return run(cur, "top_hotspots", filters, limit=limit)


DIMENSIONS = ("category", "position", "agency_level", "medium", "asn_status", "intake")
LEVELS = ("province", "regency")


def region_metrics(cur, filters: Filters, level: str = "regency") -> pd.DataFrame:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    return run(cur, "region_metrics", filters, level=level)


def cases_by_dimension(cur, filters: Filters, dimension: str = "category") -> pd.DataFrame:
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    return run(cur, "cases_by_dimension", filters, dimension=dimension)


def events_for_region(cur, region_code: str) -> pd.DataFrame:
    return run(cur, "events_for_region", region_code=region_code)


def figures_for_region(cur, region_code: str) -> pd.DataFrame:
    return run(cur, "figures_for_region", region_code=region_code)
