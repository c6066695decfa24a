"""Pure helpers for comparing regions: the map metrics and the change against a previous cycle."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class MapMetric:
    code: str
    column: str
    label_key: str
    hover_format: str


MAP_METRICS = (
    MapMetric("jumlah", "reported", "metric_count", ",d"),
    MapMetric("per1000", "proven_per_1000_asn", "per_1000_asn", ",.2f"),
    MapMetric("tindaklanjut", "followup_rate_pct", "metric_followup_pct", ",.1f"),
    MapMetric("median", "median_days_to_resolution", "metric_median_days", ",.0f"),
    MapMetric("perubahan", "change_pct", "metric_change_pct", "+,.1f"),
)
MAP_METRIC_BY_CODE = {m.code: m for m in MAP_METRICS}


def with_change(current: pd.DataFrame, previous: pd.DataFrame | None) -> pd.DataFrame:
    """Add ``previous_reported`` and ``change_pct`` (reported vs the previous cycle, in percent).

    The change is missing where the previous cycle had no cases in the region (a change from
    zero has no percentage) or where there is no previous cycle.
    """
    result = current.copy()
    if previous is None:
        result["previous_reported"] = pd.NA
        result["change_pct"] = float("nan")
        return result
    before = previous.set_index("region_code")["reported"]
    result["previous_reported"] = result["region_code"].map(before)
    base = result["previous_reported"].astype("float")
    result["change_pct"] = ((result["reported"] - base) / base.where(base > 0) * 100).round(1)
    if "reported_withheld" in result.columns:
        # the public view: a change resting on a withheld count is withheld with it
        previous_withheld = result["region_code"].map(previous.set_index("region_code")["reported_withheld"])
        result["previous_reported_withheld"] = previous_withheld.fillna(False).astype(bool)
        result["change_pct_withheld"] = result["reported_withheld"] | result["previous_reported_withheld"]
    return result
