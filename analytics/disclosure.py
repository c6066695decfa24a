"""What the public may see of the case register, and how: one place for every public surface.

The visitor this guards against sends any number of requests with any URL parameters, downloads
everything public, knows every published total and may know some cases from the press. Against
that visitor, hiding small counts table by table is not enough (subtracting the shown cells of
one query from the total of another gives the hidden one back), so public register numbers get
three protections together:

1. **Cell-key adjustment** (:mod:`analytics.cell_key`): every count is shown adjusted by a small
   amount fixed by the cases it counts, so the same cell always reads the same, and the
   difference of two cells is a count plus two unknown adjustments.
2. **No small count, and no zero either**: a count whose true or adjusted value is below the
   threshold (default 5) reads "< 5" (empty with a ``<column>_withheld`` flag in downloads),
   and so does an empty cell, so "nothing here" cannot be told from "a few here". Rows of a
   breakdown whose counts are all withheld are left out, so a missing row says no more.
   Rates are worked out from the adjusted counts; medians are rounded to whole days and rest
   on a shown count; values of a single case (the longest wait) are never public.
3. **A limit on detail**: public dates are whole months, and a public cell may be narrowed by at
   most :data:`RESTRICTION_BUDGET` of the finer dimensions (regency, category, position, agency
   level, a time window, ...: :data:`DIMENSION_COST`), counting the filters and the table's own
   breakdown. All cycles pooled together (unless the table splits them by period) spend the
   whole budget. Beyond it the public gets no number for that view, only the advice to widen
   it; analysts see everything exactly.

Each SQL file of a register query has a declaration beside it (``sql/<name>.yaml``): its
columns and what each one is (a count, a rate of two counts, a statistic resting on a count,
a single case's value, a label, ...), the dimensions its rows split the cases by, and whether
its rows cover a fixed list (every region) or only what was observed. A register query without
a declaration is refused, and the tests check every declaration against what its query returns.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

import numpy as np
import pandas as pd
import yaml

from analytics import cell_key
from analytics.filters import Filters
from analytics.settings import DEFAULT_THRESHOLD, SQL_DIR

#: How many finer dimensions a public cell may be narrowed by (filters and breakdown together).
RESTRICTION_BUDGET = 2
#: What narrowing a cell by each dimension costs. Dimensions with only two or three values cost
#: more: one shown value and the total give the other away up to two adjustments.
DIMENSION_COST: dict[str, int] = {
    "regency": 1,
    "category": 1,
    "position": 1,
    "agency_level": 1,
    "medium": 1,
    "time": 1,
    "agency": 1,
    "sanction": 1,
    "asn_status": 2,
    "intake": 2,
    "pooled": RESTRICTION_BUDGET,
    # coarse or structural: provinces are few and large, cycles and stages are shown side by side
    "province": 0,
    "cycle": 0,
    "stage": 0,
}
KEY_SUFFIX = "_key"
WITHHELD_SUFFIX = "_withheld"


class UnprotectedQuery(LookupError):
    """A query has no declaration, so its result may not be shown publicly."""


@dataclass(frozen=True)
class Declaration:
    """What one query returns, read from ``sql/<name>.yaml``."""

    name: str
    register: bool
    columns: Mapping[str, object] = field(default_factory=dict)
    rows: str = "observed"  # 'complete' (a fixed list) or 'observed'
    breakdown: tuple[str, ...] = ()
    order_by: tuple[str, ...] = ()
    limit_parameter: str | None = None
    pooled_parameter: str | None = None

    def kind(self, column: str) -> str:
        spec = self.columns[column]
        return spec if isinstance(spec, str) else next(iter(spec))

    def of_kind(self, kind: str) -> tuple[str, ...]:
        return tuple(c for c in self.columns if self.kind(c) == kind)

    @property
    def counts(self) -> tuple[str, ...]:
        return self.of_kind("count")

    def result_columns(self) -> list[str]:
        """The columns the query returns: the declared ones and a cell key per count."""
        return list(self.columns) + [f"{c}{KEY_SUFFIX}" for c in self.counts]

    def dimensions(self, extra: Mapping[str, object]) -> set[str]:
        found = set()
        for entry in self.breakdown:
            value = extra.get(entry[1:]) if entry.startswith("$") else entry
            found.add(str(value))
        if self.pooled_parameter and extra.get(self.pooled_parameter):
            found.discard("cycle")
        return found


@cache
def declaration(sql_name: str) -> Declaration:
    path = SQL_DIR / f"{sql_name}.yaml"
    if not path.exists():
        raise UnprotectedQuery(f"query {sql_name!r} has no declaration ({path.name})")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Declaration(
        name=sql_name,
        register=bool(raw.get("register", True)),
        columns=raw.get("columns") or {},
        rows=raw.get("rows", "observed"),
        breakdown=tuple(raw.get("breakdown") or ()),
        order_by=tuple(raw.get("order_by") or ()),
        limit_parameter=raw.get("limit_parameter"),
        pooled_parameter=raw.get("pooled_parameter"),
    )


# --- the limit on detail --------------------------------------------------------------------


def public_filters(filters: Filters | None) -> Filters | None:
    """The filters as the public view applies them: dates widened to whole months."""
    if filters is None:
        return None
    date_from = filters.date_from.replace(day=1) if filters.date_from else None
    date_to = filters.date_to
    if date_to:
        date_to = date_to.replace(day=calendar.monthrange(date_to.year, date_to.month)[1])
    return replace(filters, date_from=date_from, date_to=date_to)


def restricted_dimensions(declared: Declaration, filters: Filters | None, extra: Mapping[str, object]) -> set[str]:
    """The dimensions that narrow each cell of the query's result."""
    found = declared.dimensions(extra)
    if filters is not None:
        for name, value in (
            ("regency", filters.regency_code),
            ("category", filters.category_code),
            ("position", filters.position_code),
            ("agency_level", filters.agency_level),
        ):
            if value:
                found.add(name)
        if filters.date_from or filters.date_to:
            found.add("time")
        # all cycles pooled, unless the rows split by cycle or by period (a period's cases are
        # mostly of one cycle); a date filter does not: it can span every cycle
        if filters.election_id is None and not declared.dimensions(extra) & {"cycle", "time"}:
            found.add("pooled")
    if extra.get("age_days") is not None:
        # a cycle as it stood at an age (analytics.cycle_compare) is cut by a date, like a date filter
        found.add("time")
    return found


def detail_cost(dimensions: set[str]) -> int:
    return sum(DIMENSION_COST.get(d, 1) for d in dimensions)


def too_detailed(declared: Declaration, filters: Filters | None, extra: Mapping[str, object]) -> bool:
    return declared.register and detail_cost(restricted_dimensions(declared, filters, extra)) > RESTRICTION_BUDGET


# --- the adjustment -------------------------------------------------------------------------


def protect(
    declared: Declaration,
    frame: pd.DataFrame,
    threshold: int = DEFAULT_THRESHOLD,
    *,
    detailed_too_far: bool = False,
    register_is_synthetic: bool | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """``frame`` (the exact result of the declared query) as the public may see it."""
    if not declared.register:
        return _public_dates(declared, frame)
    values = {column: frame[column] for column in frame.columns if not column.endswith(KEY_SUFFIX)}
    flags: dict[str, np.ndarray] = {}
    rows = len(frame)
    for column in declared.counts:
        exact = _floats(frame[column])
        if detailed_too_far:
            shown = np.full(rows, np.nan)
        else:
            shown = cell_key.adjusted(exact, _floats(frame[f"{column}{KEY_SUFFIX}"]))
            shown = np.where((exact < threshold) | (shown < threshold), np.nan, shown)
        values[column] = shown
        flags[column] = np.isnan(shown) & ~np.isnan(exact)  # a missing count is missing, not withheld
    for column in declared.columns:
        kind, spec = declared.kind(column), declared.columns[column]
        if kind == "rate":
            numerator, denominator = spec["rate"]
            top, bottom = _floats(values[numerator]), _floats(values[denominator])
            hidden = flags.get(numerator, np.zeros(rows, bool)) | flags.get(denominator, np.zeros(rows, bool))
            with np.errstate(divide="ignore", invalid="ignore"):
                rate = np.round(
                    spec.get("scale", 1) * top / np.where(bottom > 0, bottom, np.nan), spec.get("decimals", 1)
                )
            values[column] = np.where(hidden, np.nan, rate)
            flags[column] = hidden
        elif kind == "statistic":
            # withheld with its count whether or not there is a value: "no value" would say "no case";
            # a high percentile of a few cases is nearly one case's value, so it may ask for more
            hidden = flags[spec["statistic"]] | (
                np.nan_to_num(_floats(values[spec["statistic"]])) < spec.get("min_count", 0)
            )
            values[column] = np.where(hidden, np.nan, np.round(_floats(frame[column])))
            flags[column] = hidden
        elif kind == "single_case":
            flags[column] = np.ones(rows, dtype=bool)
            values[column] = np.full(rows, np.nan)
        elif kind == "register_flag" and register_is_synthetic is not None:
            values[column] = np.full(rows, register_is_synthetic)
    result = pd.DataFrame({**values, **{f"{c}{WITHHELD_SUFFIX}": f for c, f in flags.items()}}, index=frame.index)
    if declared.rows == "observed" and declared.counts:
        # a row stays only where one of its counts is shown: a count that is missing in that row
        # (no service level for a stage) must not keep a row of withheld ones
        shown_any = np.logical_or.reduce([~np.isnan(_floats(values[c])) for c in declared.counts])
        result = result[shown_any]
    if declared.order_by:
        result = _ordered(result, declared.order_by)
    if limit is not None:
        result = result.head(limit)
    result = result.reset_index(drop=True)
    result.attrs.update(adjusted=True, too_detailed=detailed_too_far)
    return result


def nothing_recorded(declared: Declaration, frame: pd.DataFrame) -> pd.DataFrame:
    """The public frame of a cycle the register holds no case of: its zeros are zeros, shaped
    like :func:`protect`'s result (flags all False) so that readers need no second path."""
    result = exact(declared, frame).copy()
    for column in declared.columns:
        if declared.kind(column) in ("count", "rate", "statistic", "single_case"):
            result[f"{column}{WITHHELD_SUFFIX}"] = False
    result.attrs.update(adjusted=True, too_detailed=False)
    return result


def exact(declared: Declaration, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as analysts see it: the exact numbers, without the cell keys."""
    keys = [c for c in frame.columns if c.endswith(KEY_SUFFIX) and c[: -len(KEY_SUFFIX)] in declared.counts]
    return frame.drop(columns=keys) if keys else frame


def _public_dates(declared: Declaration, frame: pd.DataFrame) -> pd.DataFrame:
    dated = declared.of_kind("register_date") if declared.columns else ()
    if not dated:
        return frame
    return frame.assign(**{column: _month(frame[column]) for column in dated})


def _month(column: pd.Series) -> pd.Series:
    """A register date as the public sees it: the first day of its month."""
    stamps = pd.to_datetime(column, errors="coerce")
    return pd.Series(
        [None if pd.isna(s) else date(s.year, s.month, 1) for s in stamps], index=column.index, dtype=object
    )


def _ordered(frame: pd.DataFrame, order_by: tuple[str, ...]) -> pd.DataFrame:
    columns = [c.lstrip("-") for c in order_by]
    ascending = [not c.startswith("-") for c in order_by]
    return frame.sort_values(columns, ascending=ascending, kind="stable", na_position="last")


def _floats(column) -> np.ndarray:
    if isinstance(column, np.ndarray):
        return column.astype("float64")
    if pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column.dtype):
        return column.to_numpy(dtype="float64", na_value=np.nan)
    return pd.to_numeric(column, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


# --- reading protected frames -----------------------------------------------------------------


def withheld(row: Mapping, column: str) -> bool:
    """True when ``row[column]`` was withheld from the public."""
    flag = row.get(f"{column}{WITHHELD_SUFFIX}", False) if hasattr(row, "get") else False
    return bool(flag) and not pd.isna(flag)


def withheld_flags(frame: pd.DataFrame, column: str) -> np.ndarray:
    """Per row, whether ``frame[column]`` was withheld (:func:`withheld`, a column at a time);
    all False where the frame has no flags (the analyst view)."""
    flags = frame.get(f"{column}{WITHHELD_SUFFIX}")
    return np.zeros(len(frame), dtype=bool) if flags is None else flags.to_numpy(dtype=bool, na_value=False)


def visible(frame: pd.DataFrame, column: str) -> np.ndarray:
    """Per row, whether ``frame[column]`` holds a number the audience sees: present and not withheld."""
    return frame[column].notna().to_numpy() & ~withheld_flags(frame, column)


def any_withheld(frame: pd.DataFrame) -> bool:
    return any(
        frame[column].to_numpy(dtype=bool, na_value=False).any()
        for column in frame.columns
        if str(column).endswith(WITHHELD_SUFFIX)
    )


def is_adjusted(frame: pd.DataFrame) -> bool:
    """True for a public frame of register numbers (adjusted by the cell-key method)."""
    return bool(frame.attrs.get("adjusted"))


def is_too_detailed(frame: pd.DataFrame) -> bool:
    """True where the public asked for more detail than :data:`RESTRICTION_BUDGET` allows."""
    return bool(frame.attrs.get("too_detailed"))


def with_withheld_flags(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``columns`` of ``frame`` (those it has) and, after them, the withheld flags of those that
    have one: what a chart's CSV or an open-data file holds. The frame's markings (adjusted, too
    detailed) go with it."""
    if not len(frame):
        return frame
    wanted = [c for c in dict.fromkeys(columns) if c in frame.columns]
    chosen = frame[wanted + [f"{c}_withheld" for c in wanted if f"{c}_withheld" in frame.columns]]
    chosen.attrs.update(frame.attrs)
    return chosen
