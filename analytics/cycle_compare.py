"""Comparing one election cycle with another fairly.

A cycle still in progress has cases moving through the chain, so against a closed cycle its
follow-up rate looks low and its median (of the cases already finished, the quick ones) looks
short. Here a cycle is compared with another *at the same age*: both as they stood the same
number of days after their voting day (``age_days``, the ``$age_days`` parameter of
``headline_numbers`` and ``region_metrics``). Changes are in the measure's own unit: percentage
points for rates, days for durations, per-1,000 points for rates per 1,000 ASN. Counts change in
per cent on the headline and in cases on the map, where counts are small. Whether a change is good
or bad is said only where the measure's direction has a stated meaning (:data:`BETTER`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from analytics import measures
from analytics.disclosure import withheld
from analytics.formatting import format_number, is_missing

#: How each compared measure changes: "percent" (relative), "points", "days" (analytics.measures).
CHANGE_UNIT = {column: measure.change_unit for column, measure in measures.BY_COLUMN.items()}
#: The direction that is better, where it has a stated meaning (analytics.measures).
BETTER = {column: measure.better for column, measure in measures.BY_COLUMN.items() if measure.better}


@dataclass(frozen=True)
class SameAge:
    """Comparing ``election_id``, ``age_days`` after its voting day, with ``other_id`` as it
    stood ``other_age_days`` after its own: the same age, or in the public view (``approximate``:
    the ages rest on month ends, so they are given in months) up to a month more."""

    election_id: str
    other_id: str
    age_days: int  # the current cycle's age: what the view says
    other_age_days: int  # the age the other cycle is cut at (the $age_days of its queries)
    approximate: bool

    @property
    def age_months(self) -> int:
        return max(0, round(self.age_days / 30.4))


def newest_register_date(cases_as_of: object, sanctions_as_of: object, month_only: bool) -> date | None:
    """The register's newest date from ``data_as_of``. In the public view the dates are only
    their month (its first day): the end of that month is used, so that the earlier cycle is
    compared at least as old as the current one is, never younger."""
    known = [pd.Timestamp(d).date() for d in (cases_as_of, sanctions_as_of) if not is_missing(d)]
    if not known:
        return None
    newest = max(known)
    if month_only:
        newest = newest.replace(day=calendar.monthrange(newest.year, newest.month)[1])
    return newest


def same_age(
    election_id: str | None,
    other_id: str | None,
    voting_dates: dict[str, object],
    newest: date | None,
    month_only: bool,
) -> SameAge | None:
    """The comparison of ``election_id`` with ``other_id`` at the current cycle's age, or None
    where it cannot be made: a cycle or a voting day missing, no register date, or the other
    cycle not yet that old (it is then no comparison at the same age). In the public view
    (``month_only``) the other cycle's cut-off is moved to the end of its month, so that no
    public number is cut by a day finer than the dates the public may filter by."""
    if not election_id or not other_id or newest is None:
        return None
    if is_missing(voting_dates.get(election_id)) or is_missing(voting_dates.get(other_id)):
        return None
    voting, other_voting = pd.Timestamp(voting_dates[election_id]).date(), pd.Timestamp(voting_dates[other_id]).date()
    age = (newest - voting).days
    cutoff = other_voting + timedelta(days=age)
    if month_only:
        cutoff = cutoff.replace(day=calendar.monthrange(cutoff.year, cutoff.month)[1])
    if cutoff > newest:
        return None
    return SameAge(election_id, other_id, age, (cutoff - other_voting).days, month_only)


def change(current: object, other: object, unit: str) -> float | None:
    """The change from ``other`` to ``current`` in ``unit``; None where it has no value (a
    missing side, or a per-cent change from zero)."""
    if is_missing(current) or is_missing(other):
        return None
    current, other = float(current), float(other)
    if unit == "percent":
        return None if other == 0 else 100.0 * (current - other) / other
    return current - other


def change_text(value: float | None, unit: str, lang: str = "id") -> str | None:
    """'+12,5%', '-3,2 poin', '+4 hari', '+2 kasus'; None for no change value."""
    if value is None or is_missing(value):
        return None
    decimals = {"percent": 1, "points": 1, "days": 0, "cases": 0}[unit]
    # a plain hyphen-minus: st.metric reads the direction of its arrow and colour from it
    number = format_number(value, decimals, lang, signed=True)
    words = {
        "percent": "%",
        "points": " poin" if lang == "id" else " pts",
        "days": " hari" if lang == "id" else " days",
        "cases": " kasus" if lang == "id" else " cases",
    }
    return number + words[unit]


def delta_colour(field: str) -> str:
    """st.metric's delta_color: green/red only where :data:`BETTER` states the direction."""
    better = BETTER.get(field)
    return {"higher": "normal", "lower": "inverse"}.get(better, "off")


def row_change(current: pd.Series, other: pd.Series, field: str) -> float | None:
    """A headline change, None where a side was withheld from the public."""
    if withheld(current, field) or withheld(other, field):
        return None
    return change(current[field], other[field], CHANGE_UNIT[field])


#: Counts that only grow as a cycle ages: at any age they are at most what they are at the end.
CUMULATIVE_COUNTS = ("reported", "registered", "proven", "recommended", "followed_up", "sanctioned")


def no_more_than_final(at_age: pd.Series, final: pd.Series) -> pd.Series:
    """The same-age counts, each at most its final count. The public's counts are adjusted one by
    one (cell-key), so a count at an age can come out a few above the same count at the end (136
    against 133), which no register can hold; taking the smaller of two released numbers reveals
    nothing new, and the exact (analyst) counts never need it."""
    shown = at_age.copy()
    for column in CUMULATIVE_COUNTS:
        if (
            column in shown.index
            and column in final.index
            and not pd.isna(shown[column])
            and not pd.isna(final[column])
            and shown[column] > final[column]
        ):
            shown[column] = final[column]
    return shown
