"""Pure helpers for comparing regions: the map measures and their change against another cycle."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.disclosure import WITHHELD_SUFFIX, withheld_flags


@dataclass(frozen=True)
class MapMetric:
    code: str
    column: str
    label_key: str
    hover_format: str
    #: how the measure changes against another cycle (analytics.cycle_compare.change_text)
    change_unit: str


MAP_METRICS = (
    MapMetric("jumlah", "reported", "metric_count", ",d", "cases"),
    MapMetric("per1000", "proven_per_1000_asn", "per_1000_asn", ",.2f", "points"),
    MapMetric("tindaklanjut", "followup_rate_pct", "metric_followup_pct", ",.1f", "points"),
    MapMetric("median", "median_days_to_resolution", "metric_median_days", ",.0f", "days"),
)
MAP_METRIC_BY_CODE = {m.code: m for m in MAP_METRICS}


def with_other_cycle(current: pd.DataFrame, other: pd.DataFrame | None, column: str) -> pd.DataFrame:
    """``current`` with ``other_<column>`` (the compared cycle's value, by region) and
    ``change``, the difference in the measure's own unit (``MapMetric.change_unit``: cases,
    points or days; every map measure changes by a difference). A change resting on a withheld value is withheld itself
    (``change_withheld``); a change with a missing side is missing."""
    result = current.copy()
    other_column = f"other_{column}"
    if other is None:
        result[other_column] = np.nan
        result["change"] = np.nan
        return result
    by_region = other.set_index("region_code")
    result[other_column] = result["region_code"].map(by_region[column]).astype("float")
    result["change"] = (result[column].astype("float") - result[other_column]).round(3)
    flag = f"{column}{WITHHELD_SUFFIX}"
    if flag in current.columns or flag in other.columns:
        theirs_hidden = (
            result["region_code"]
            .map(pd.Series(withheld_flags(other, column), index=other["region_code"]))
            .fillna(False)
            .astype(bool)
        )
        result[f"{other_column}{WITHHELD_SUFFIX}"] = theirs_hidden
        result[f"change{WITHHELD_SUFFIX}"] = withheld_flags(result, column) | theirs_hidden.to_numpy()
        result.loc[result[f"change{WITHHELD_SUFFIX}"], "change"] = np.nan
    return result


def median_not_reached(values: pd.DataFrame, column: str = "median_days_to_resolution") -> np.ndarray:
    """Per region, whether its median is missing because half its cases or more are still open
    (it has cases, and the median was not withheld), not because it has no case."""
    has_cases = (values["reported"].fillna(0).to_numpy() > 0) | withheld_flags(values, "reported")
    return values[column].isna().to_numpy() & ~withheld_flags(values, column) & has_cases
