from datetime import date

import pytest

from analytics import queries
from analytics.filters import FILTER_FIELDS, Filters


def test_filters_are_hashable_and_frozen():
    filters = Filters(election_id="pilkada-2024", province_code="63")
    assert hash(filters) == hash(Filters(election_id="pilkada-2024", province_code="63"))
    with pytest.raises(AttributeError):
        filters.election_id = "pemilu-2024"


def test_reversed_dates_and_unknown_level_are_rejected():
    with pytest.raises(ValueError):
        Filters(date_from=date(2024, 2, 1), date_to=date(2024, 1, 1))
    with pytest.raises(ValueError):
        Filters(agency_level="desa")


def test_with_election_drops_the_cycle_dates():
    filters = Filters(election_id="pilkada-2024", date_from=date(2024, 9, 1), regency_code="63.09")
    previous = filters.with_election("pilkada-2020")
    assert previous == Filters(election_id="pilkada-2020", regency_code="63.09")


def test_region_code_is_the_most_specific():
    assert Filters(province_code="63").region_code == "63"
    assert Filters(province_code="63", regency_code="63.09").region_code == "63.09"


def test_params_cover_exactly_the_filter_fields():
    assert tuple(Filters().as_params()) == FILTER_FIELDS
    assert queries.sql_params("headline_numbers") == set(FILTER_FIELDS) | {"age_days"}
