"""The headline measures, written once: the column each is read from, the catalog key of its
name, how it is shown (a count, a percentage, days), how it changes against another cycle
(relative per cent, points, days) and which direction is better where that has a meaning. The
Ringkasan tiles, the comparison table, the briefing's tiles and the fair change all read this."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    column: str  # in headline_numbers (and region_metrics)
    label_key: str
    shown_as: str  # "count", "percent" or "days"
    change_unit: str  # "percent" (relative), "points", "days" (analytics.cycle_compare.change)
    #: "higher" or "lower" where a direction is better; a count of reports is neither: more
    #: reports may be more violations or more vigilant reporting
    better: str | None = None


#: The six headline tiles, in their order.
HEADLINE = (
    Measure("reported", "reported", "count", "percent"),
    Measure("proven", "proven", "count", "percent"),
    Measure("recommended", "recommended", "count", "percent"),
    Measure("followed_up", "followed_up", "count", "percent"),
    Measure("followup_rate_pct", "followup_rate", "percent", "points", better="higher"),
    Measure("median_days_to_resolution", "median_days", "days", "days", better="lower"),
)
PROVEN_PER_1000 = Measure("proven_per_1000_asn", "per_1000_asn", "rate", "points")
BY_COLUMN = {measure.column: measure for measure in (*HEADLINE, PROVEN_PER_1000)}
