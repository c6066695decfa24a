"""The headline answers stored per area and cycle (views/90_headline_by_scope.sql) are the ones the
query computes, and they are what is served for a cycle and an area alone; any other filter is
computed."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import db, prepared, queries
from analytics.filters import Filters


@pytest.fixture(scope="module")
def ready(demo_data_dir, tmp_path_factory):
    sources = db.resolve_sources(data_dir=demo_data_dir)
    con = prepared.connect(tmp_path_factory.mktemp("prepared"), sources)
    yield con
    con.close()


def _scope_filters(row) -> Filters:
    def value(column):
        return row[column] if isinstance(row[column], str) else None

    return Filters(
        election_id=value("scope_election_id"),
        province_code=value("scope_province_code"),
        regency_code=value("scope_regency_code"),
    )


def test_every_stored_answer_is_the_computed_one(ready):
    with ready.cursor() as cur:
        stored = cur.execute("SELECT * FROM headline_by_scope").df()
        elections = cur.execute("SELECT count(*) FROM elections").fetchone()[0]
        regions = cur.execute("SELECT count(*) FROM regions WHERE level IN ('province', 'regency')").fetchone()[0]
        # every cycle and all cycles together, times Kalimantan, each province and each regency
        assert len(stored) == (elections + 1) * (regions + 1)
        for _, row in stored.iterrows():
            filters = _scope_filters(row)
            computed = queries.run(cur, "headline_numbers", filters, age_days=None)
            served = queries.headline_numbers(cur, filters)
            pd.testing.assert_frame_equal(served, computed, obj=str(filters))


def test_a_stored_answer_is_what_is_served_and_only_for_its_scope(demo_data_dir):
    con = db.connect(db.resolve_sources(data_dir=demo_data_dir))  # writable: an answer can be planted
    cycle = Filters(election_id="pilkada-2024", province_code="64")
    with con.cursor() as cur:
        computed = queries.run(cur, "headline_numbers", cycle, age_days=None).iloc[0]
        cur.execute(
            "UPDATE headline_by_scope SET reported = 424242 WHERE scope_election_id = 'pilkada-2024' "
            "AND scope_province_code = '64' AND scope_regency_code IS NULL"
        )
        assert queries.headline_numbers(cur, cycle).iloc[0]["reported"] == 424242
        # an age, or any filter beyond the cycle and the area, is computed
        assert queries.headline_numbers(cur, cycle, age_days=30).iloc[0]["reported"] <= computed["reported"]
        position = cur.execute(
            "SELECT position_code FROM cases WHERE election_id = 'pilkada-2024' AND province_code = '64' LIMIT 1"
        ).fetchone()[0]
        for narrower in (
            Filters(election_id="pilkada-2024", province_code="64", position_code=position),
            Filters(election_id="pilkada-2024", province_code="64", date_from=pd.Timestamp("2024-01-01").date()),
        ):
            assert queries.headline_numbers(cur, narrower).iloc[0]["reported"] != 424242
    con.close()


def test_a_regency_asked_with_another_province_is_computed_as_the_nothing_it_matches(ready):
    mismatched = Filters(election_id="pilkada-2024", province_code="61", regency_code="64.72")
    with ready.cursor() as cur:
        assert queries.run(cur, "headline_numbers_by_scope", mismatched).empty
        served = queries.headline_numbers(cur, mismatched)
    assert served.iloc[0]["reported"] == 0
