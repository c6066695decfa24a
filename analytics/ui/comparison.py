"""Fetching a cycle's comparison at the same age (analytics.cycle_compare) for the pages."""

from __future__ import annotations

import pandas as pd

from analytics import cycle_compare
from analytics import elections as cycles
from analytics.cycle_compare import SameAge
from analytics.filters import Filters
from analytics.i18n import t
from analytics.ui import data, small_counts


def cycle_label(election_id: str, lang: str) -> str:
    return cycles.label(data.query("elections"), election_id, lang)


def cycles_to_compare(election_id: str | None, previous_id: str | None) -> list[str]:
    """The cycles ``election_id`` can be compared with at the same age: the earlier ones the
    register holds, the previous cycle of the same type first, then the newest first."""
    if not election_id:
        return []
    held = set(data.query("register_cycles")["election_id"])
    elections = data.query("elections").sort_values("voting_date", ascending=False)
    voting = elections.set_index("election_id")["voting_date"]
    others = [
        code
        for code in elections["election_id"]
        if code in held and code != election_id and voting[code] < voting[election_id]
    ]
    if previous_id in others:
        others.remove(previous_id)
        others.insert(0, previous_id)
    return others


def cycle_year(election_id: str) -> str:
    """The cycle's year, enough to name a cycle of the same type in a tile."""
    return str(data.query("elections").set_index("election_id").loc[election_id, "election_year"])


def same_age(filters: Filters, other_id: str | None) -> SameAge | None:
    """The filtered cycle against ``other_id`` at the register's current age of that cycle; None
    under a date filter (a date range belongs to one cycle: the other would be compared whole)."""
    if filters.date_from or filters.date_to:
        return None
    election_id = filters.election_id
    as_of = data.query("data_as_of").iloc[0]
    public = small_counts.public_view()
    newest = cycle_compare.newest_register_date(
        as_of["register_cases_as_of"], as_of["register_sanctions_as_of"], public
    )
    voting = data.query("elections").set_index("election_id")["voting_date"].to_dict()
    return cycle_compare.same_age(election_id, other_id, voting, newest, public)


def age_text(comparison: SameAge, lang: str) -> str:
    if comparison.approximate:
        return t("age_months", lang, n=comparison.age_months)
    return t("age_days", lang, n=comparison.age_days)


def note(comparison: SameAge, lang: str, with_final_table: bool = False) -> str:
    """The sentences that say the comparison is at the same age (and how the age is known)."""
    other = cycle_label(comparison.other_id, lang)
    parts = [t("same_age_note", lang, age=age_text(comparison, lang), other=other)]
    if with_final_table:
        parts.append(t("same_age_final_note", lang, other=other))
    if comparison.approximate:
        parts.append(t("same_age_month_note", lang))
    return " ".join(parts)


def headline_pair(filters: Filters, comparison: SameAge) -> tuple[pd.Series, pd.Series]:
    """The compared cycle's headline numbers at the same age and as they stand now (final)."""
    other = filters.with_election(comparison.other_id)
    at_age = data.query("headline_numbers", other, age_days=comparison.other_age_days).iloc[0]
    final = data.query("headline_numbers", other).iloc[0]
    return cycle_compare.no_more_than_final(at_age, final), final
