"""The prepared database answers every register query exactly as the data files read directly do
(``db.connect``): same rows, same values, for the whole register, one cycle, one area, a cycle at an
age, and a filter that matches nothing."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import db, prepared, release
from analytics.filters import Filters

AS_OF = pd.Timestamp("2025-03-31")
QUERIES = (
    ("headline_numbers", {}),
    ("headline_numbers", {"age_days": 124}),
    ("region_metrics", {"level": "regency"}),
    ("region_metrics", {"level": "province", "age_days": 124}),
    ("cases_over_time", {"bucket": "week"}),
    ("cases_by_dimension", {"dimension": "category"}),
    ("cases_crosstab", {"row_dimension": "category", "column_dimension": "position"}),
    ("top_hotspots", {"limit": 10}),
    ("stage_durations", {}),
    ("followup_by_agency", {}),
    ("backlog_by_age", {"as_of": AS_OF}),
    ("sanction_mix", {}),
    ("cases_around_events", {"window_days": 60}),
)
FILTERS = (
    Filters(),
    Filters(election_id="pilkada-2020"),
    Filters(election_id="pilkada-2024", province_code="64"),
    Filters(election_id="pemilu-2024", regency_code="63.09"),
    Filters(election_id="pilkada-2024", category_code="no-such-category"),
)


@pytest.fixture(scope="module")
def both(demo_data_dir, tmp_path_factory):
    sources = db.resolve_sources(data_dir=demo_data_dir)
    direct = db.connect(sources)
    ready = prepared.connect(tmp_path_factory.mktemp("prepared"), sources)
    yield direct, ready
    direct.close()
    ready.close()


@pytest.mark.parametrize("name,extra", QUERIES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(QUERIES)])
def test_the_prepared_database_answers_as_the_files_do(both, name, extra):
    direct, ready = both
    for filters in FILTERS:
        scoped = filters.without("regency_code") if name == "region_metrics" else filters
        with direct.cursor() as a, ready.cursor() as b:
            expected = release.fetch(a, name, scoped, release.ANALYST, **extra)
            got = release.fetch(b, name, scoped, release.ANALYST, **extra)
        pd.testing.assert_frame_equal(
            got.reset_index(drop=True), expected.reset_index(drop=True), obj=f"{name} {scoped}"
        )


def test_the_newest_date_is_read_from_the_prepared_table(both):
    direct, ready = both
    query = "SELECT register_newest_date()"
    assert ready.execute(query).fetchone() == direct.execute(query).fetchone()
    assert ready.execute("SELECT count(*) FROM register_newest").fetchone() == (1,)


def test_a_changed_view_gives_a_new_prepared_file(demo_data_dir, tmp_path, monkeypatch):
    """A file built before a view or macro changed is never the one answering."""
    sources = db.resolve_sources(data_dir=demo_data_dir)
    copies = []
    for path in db.derived_view_files():
        copy = tmp_path / path.name
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        copies.append(copy)
    monkeypatch.setattr(db, "derived_view_files", lambda: copies)
    prepared._views_digest.cache_clear()
    before = prepared.path_for(tmp_path, sources)
    copies[-1].write_text(copies[-1].read_text(encoding="utf-8") + "\n-- changed\n", encoding="utf-8")
    prepared._views_digest.cache_clear()
    after = prepared.path_for(tmp_path, sources)
    monkeypatch.undo()
    prepared._views_digest.cache_clear()
    assert before != after
    assert before.name.startswith(sources.version) and after.name.startswith(sources.version)
