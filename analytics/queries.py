"""Pure query functions: ``(cursor, filters, ...) -> DataFrame``.

Each function runs one file of ``analytics/sql/`` with exactly the parameters that file
declares (DuckDB rejects extra or missing named parameters). SQL files name the filter
parameters ``$election_id``, ``$date_from`` ... as in :meth:`Filters.as_params`.
"""

from __future__ import annotations

import re
from functools import cache

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.settings import SQL_DIR

_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_COMMENT = re.compile(r"--[^\n]*")


@cache
def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@cache
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


#: Query functions whose SQL file has another name.
_SQL_NAMES = {"categories": "violation_categories"}


def sql_name(query_name: str) -> str:
    """The SQL file (and declaration) behind ``queries.<query_name>``."""
    return _SQL_NAMES.get(query_name, query_name)


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


def register_cycles(cur) -> pd.DataFrame:
    return run(cur, "register_cycles")


#: The dimensions whose vocabulary may differ between cycles (the categories followed the
#: regulations of each cycle); only they are told "not recorded in this cycle".
VOCABULARY_DIMENSIONS = ("category",)


def register_codes(cur, dimension: str = "category") -> pd.DataFrame:
    """The codes of ``dimension`` each cycle's cases use at all (its vocabulary)."""
    if dimension not in VOCABULARY_DIMENSIONS:
        raise ValueError(f"no vocabulary per cycle for {dimension!r}")
    return run(cur, "register_codes", dimension=dimension)


# --- case register --------------------------------------------------------------------


#: The filters a stored headline answers (views/90_headline_by_scope.sql): a cycle and an area.
SCOPE_FIELDS = frozenset({"election_id", "province_code", "regency_code"})


def headline_numbers(cur, filters: Filters, age_days: int | None = None) -> pd.DataFrame:
    """The funnel now, or (``age_days``) as it stood that many days after voting day. Now, for a
    cycle and an area alone, the answer stored with the data version is read instead of computed."""
    if age_days is None and _only_scope(filters):
        stored = run(cur, "headline_numbers_by_scope", filters)
        if len(stored) == 1:
            return stored
    return run(cur, "headline_numbers", filters, age_days=age_days)


def _only_scope(filters: Filters) -> bool:
    return all(value is None for name, value in filters.as_params().items() if name not in SCOPE_FIELDS)


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


def region_metrics(cur, filters: Filters, level: str = "regency", age_days: int | None = None) -> pd.DataFrame:
    """Per region now, or (``age_days``) as they stood that many days after voting day."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    return run(cur, "region_metrics", filters, level=level, age_days=age_days)


def cases_by_dimension(cur, filters: Filters, dimension: str = "category", pooled: bool = False) -> pd.DataFrame:
    """Cases per code of ``dimension`` for each cycle, or (``pooled``) for all the filtered
    cycles together under election_id 'semua'."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    return run(cur, "cases_by_dimension", filters, dimension=dimension, pooled=pooled)


def cases_crosstab(
    cur, filters: Filters, row_dimension: str = "category", column_dimension: str = "position"
) -> pd.DataFrame:
    for dimension in (row_dimension, column_dimension):
        if dimension not in DIMENSIONS:
            raise ValueError(f"unknown dimension {dimension!r}")
    return run(cur, "cases_crosstab", filters, row_dimension=row_dimension, column_dimension=column_dimension)


# --- sanctions and follow-up ----------------------------------------------------------

#: Service levels of BKN's reporting system: verification within 7 days, review within
#: 3 working days.
VERIFICATION_DAYS = 7
REVIEW_WORKING_DAYS = 3


def followup_by_agency(cur, filters: Filters) -> pd.DataFrame:
    return run(cur, "followup_by_agency", filters)


def stage_durations(
    cur, filters: Filters, verification_days: int = VERIFICATION_DAYS, review_working_days: int = REVIEW_WORKING_DAYS
) -> pd.DataFrame:
    return run(
        cur, "stage_durations", filters, verification_days=verification_days, review_working_days=review_working_days
    )


def backlog_by_age(cur, filters: Filters, as_of=None) -> pd.DataFrame:
    return run(cur, "backlog_by_age", filters, as_of=as_of)


def sanction_mix(cur, filters: Filters) -> pd.DataFrame:
    return run(cur, "sanction_mix", filters)


# --- documented events and published figures ------------------------------------------


def events(cur, filters: Filters) -> pd.DataFrame:
    """Events in the filters' area and period (the election filter does not apply to events)."""
    params = filters.as_params()
    return run(cur, "events", **{key: params[key] for key in ("province_code", "regency_code", "date_from", "date_to")})


def cases_around_events(cur, filters: Filters, window_days: int = 60) -> pd.DataFrame:
    if window_days <= 0:
        raise ValueError("window_days must be positive")
    return run(cur, "cases_around_events", filters, window_days=window_days)


def published_figures(cur, election_id: str | None = None, metric_group: str | None = None) -> pd.DataFrame:
    return run(cur, "published_figures", election_id=election_id, metric_group=metric_group)


def events_for_region(cur, region_code: str) -> pd.DataFrame:
    return run(cur, "events_for_region", region_code=region_code)


def figures_for_region(cur, region_code: str) -> pd.DataFrame:
    return run(cur, "figures_for_region", region_code=region_code)
