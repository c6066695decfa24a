"""The headline measures are columns the queries declare, named in both catalogs, with a change
unit the fair comparison knows."""

from __future__ import annotations

from analytics import cycle_compare, disclosure, measures
from analytics.i18n import t


def test_every_headline_measure_is_declared_named_and_comparable():
    headline = disclosure.declaration("headline_numbers")
    for measure in measures.HEADLINE:
        assert measure.column in headline.columns, measure
        assert t(measure.label_key, "id") != t(measure.label_key, "en"), measure
        assert measure.shown_as in ("count", "percent", "days"), measure
        # a count changes in per cent, a rate in points, a median in days
        expected = {"count": "percent", "rate": "points", "statistic": "days"}[headline.kind(measure.column)]
        assert measure.change_unit == expected, measure
    assert measures.PROVEN_PER_1000.column in disclosure.declaration("region_metrics").columns


def test_the_comparison_reads_the_measures_units_and_directions():
    assert cycle_compare.CHANGE_UNIT["followup_rate_pct"] == "points"
    assert cycle_compare.BETTER == {"followup_rate_pct": "higher", "median_days_to_resolution": "lower"}
    assert round(cycle_compare.change(46.2, 71.5, cycle_compare.CHANGE_UNIT["followup_rate_pct"]), 1) == -25.3
