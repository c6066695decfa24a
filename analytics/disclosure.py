"""Small-count protection for public views: counts from 1 to threshold-1 are withheld, and
where a group would have exactly one withheld cell, the next smallest is withheld too, so no
withheld number can be recovered by subtracting the shown ones from a total.

``PUBLIC_RULES`` says, for every query of the case register, which columns are counts, which
rows add up to a total shown elsewhere, and which derived columns (rates, medians) rest on a
count; :func:`protect` applies it. A register query without a rule is refused, so a new
query cannot reach the public unprotected by accident."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

DEFAULT_THRESHOLD = 5

#: The whole table is one group: its rows add up to a total shown elsewhere.
WHOLE_TABLE: tuple[str, ...] = ()


def suppress(frame: pd.DataFrame, count_columns: list[str], group_columns: Sequence[str] | None = None,
             threshold: int = DEFAULT_THRESHOLD, rate_columns: Mapping[str, str | tuple[str, ...]] | None = None,
             group_sets: Sequence[Sequence[str]] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with small counts withheld (NaN) and ``<column>_withheld`` flags.

    ``group_columns`` name the rows that add up to a published total (e.g. the regencies of one
    cycle); ``group_sets`` gives several such groupings at once (e.g. the regencies of each
    province, and all regencies), and secondary cells are added until no group of any set has
    exactly one withheld cell. ``rate_columns`` maps a derived column (a rate, a median) to the
    count or counts it rests on (a rate's numerator and denominator: knowing one and the rate
    gives the other), and is withheld (and flagged) with any of them."""
    sets = [tuple(group_columns or WHOLE_TABLE)] if group_sets is None else [tuple(s) for s in group_sets]
    codes = [_group_codes(frame, columns) for columns in sets]
    counts, flags = {}, {}
    for column in count_columns:
        values = _floats(frame[column])
        withheld = (values >= 1) & (values < threshold)
        changed = bool(withheld.any())
        while changed:
            changed = False
            for group in codes:
                alone = np.bincount(group, weights=withheld, minlength=group.max(initial=0) + 1)[group] == 1
                candidates = np.flatnonzero(alone & ~withheld & (values > 0))
                if len(candidates):
                    # the smallest shown count of each group whose only withheld cell it would give away
                    ordered = candidates[np.lexsort((values[candidates], group[candidates]))]
                    first = np.r_[True, group[ordered][1:] != group[ordered][:-1]]
                    withheld[ordered[first]] = True
                    changed = True
        counts[column] = np.where(withheld, np.nan, values)
        flags[column] = withheld
    derived_values = {}
    for derived, bases in (rate_columns or {}).items():
        values = _floats(frame[derived])
        hide = np.zeros(len(frame), dtype=bool)
        for base in (bases,) if isinstance(bases, str) else bases:
            base_values = _floats(frame[base])
            hide |= flags[base] | ((base_values >= 1) & (base_values < threshold))
        hide &= ~np.isnan(values)
        derived_values[derived] = np.where(hide, np.nan, values)
        flags[derived] = hide
    updates = {**counts, **derived_values}
    # one new frame, the changed columns in their places and the flags after them (inserting
    # them one by one cost more than the protection itself)
    columns = {column: updates.get(column, frame[column]) for column in frame.columns}
    columns.update({f"{column}_withheld": flag for column, flag in flags.items()})
    return pd.DataFrame(columns, index=frame.index)


def _floats(column: pd.Series) -> np.ndarray:
    if pd.api.types.is_numeric_dtype(column.dtype):
        return column.to_numpy(dtype="float64", na_value=np.nan)
    return pd.to_numeric(column, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


def _group_codes(frame: pd.DataFrame, columns: tuple[str, ...]) -> np.ndarray:
    """A group number per row (0 for every row when the whole table is one group)."""
    if not columns:
        return np.zeros(len(frame), dtype="int64")
    return frame.groupby(list(columns), dropna=False, sort=False).ngroup().to_numpy(dtype="int64")


@dataclass(frozen=True)
class Rule:
    """How one query's result is protected."""

    counts: tuple[str, ...]
    groups: tuple[tuple[str, ...], ...] = (WHOLE_TABLE,)
    derived: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)


#: Queries that hold no number of the case register (reference tables, published figures,
#: documented events): shown as they are.
OPEN_QUERIES = frozenset({"regions", "elections", "milestones", "categories", "positions", "data_as_of",
                          "events", "published_figures", "events_for_region", "figures_for_region"})

PUBLIC_RULES: dict[str, Rule] = {
    # one row; each figure is its own total
    "headline_numbers": Rule(
        ("reported", "registered", "proven", "recommended", "followed_up", "sanctioned", "open_cases"),
        derived={"followup_rate_pct": ("recommended", "followed_up"), "median_days_to_resolution": "proven"}),
    # periods add up to the headline total
    "cases_over_time": Rule(("reported", "proven")),
    "cases_by_days_before_voting": Rule(("reported",), groups=(("election_id",),)),
    "top_hotspots": Rule(("reported", "proven"), derived={"proven_per_1000_asn": "proven"}),
    # regencies add up to their province, provinces to Kalimantan
    "region_metrics": Rule(
        ("reported", "proven", "recommended", "followed_up"), groups=(("province_code",), WHOLE_TABLE),
        derived={"followup_rate_pct": ("recommended", "followed_up"), "median_days_to_resolution": "proven",
                 "proven_per_1000_asn": "proven"}),
    "cases_by_dimension": Rule(("reported", "proven"), groups=(("election_id",),)),
    # cells add up to their row, their column and the table
    "cases_crosstab": Rule(("reported", "proven"), groups=(("row_code",), ("column_code",), WHOLE_TABLE)),
    "followup_by_agency": Rule(
        ("recommended", "followed_up", "refused", "pending"),
        derived={"followup_rate_pct": ("recommended", "followed_up"), "median_days_to_followup": "followed_up"}),
    "stage_durations": Rule(
        ("cases", "within_service_level"), groups=(("stage",),),
        derived={"median_days": "cases", "p90_days": "cases", "max_days": "cases",
                 "within_service_level_pct": ("cases", "within_service_level")}),
    "backlog_by_age": Rule(("cases",), groups=(("open_stage",), WHOLE_TABLE), derived={"oldest_days": "cases"}),
    "sanction_mix": Rule(("recommended", "imposed")),
    "cases_around_events": Rule(("before", "after")),
}


class UnprotectedQuery(LookupError):
    """A register query has no disclosure rule, so its result may not be shown publicly."""


def protect(query_name: str, frame: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """``frame`` (the result of ``queries.<query_name>``) as the public may see it."""
    if query_name in OPEN_QUERIES:
        return frame
    rule = PUBLIC_RULES.get(query_name)
    if rule is None:
        raise UnprotectedQuery(f"query {query_name!r} has no public disclosure rule")
    return suppress(frame, list(rule.counts), threshold=threshold, rate_columns=rule.derived, group_sets=rule.groups)


def withheld(row: Mapping, column: str) -> bool:
    """True when ``row[column]`` was withheld as a small count."""
    flag = row.get(f"{column}_withheld", False) if hasattr(row, "get") else False
    return bool(flag) and not pd.isna(flag)


def withheld_flags(frame: pd.DataFrame, column: str) -> np.ndarray:
    """Per row, whether ``frame[column]`` was withheld (:func:`withheld`, a column at a time);
    all False where the frame has no flags (the analyst view)."""
    flags = frame.get(f"{column}_withheld")
    return np.zeros(len(frame), dtype=bool) if flags is None else flags.to_numpy(dtype=bool, na_value=False)


def any_withheld(frame: pd.DataFrame) -> bool:
    return any(frame[column].to_numpy(dtype=bool, na_value=False).any()
               for column in frame.columns if str(column).endswith("_withheld"))
