"""The regency map's values equal an independent count of the case register (pandas over the
Parquet files, no SQL) for the same filters, and every one of the 56 regencies is drawn."""

from datetime import date

import pandas as pd
import pytest

from analytics import db, demo, geo, queries, settings
from analytics.charts import maps
from analytics.filters import Filters


@pytest.fixture(scope="module")
def demo_register(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("map_demo")
    demo.ensure_demo(data_dir / "demo", cases=4000)
    con = db.connect(db.resolve_sources(data_dir))
    cases = pd.read_parquet(data_dir / "demo" / "violation_cases.parquet")
    regions = pd.read_csv(settings.REFERENCE_DIR / "regions.csv", dtype=str)
    yield con, cases, regions
    con.close()


def independent_counts(cases: pd.DataFrame, regions: pd.DataFrame, filters: Filters) -> pd.Series:
    rows = cases.merge(regions[["region_code", "province_code"]], on="region_code")
    reported = pd.to_datetime(rows["reported_date"]).dt.date
    keep = pd.Series(True, index=rows.index)
    if filters.election_id:
        keep &= rows["election_id"] == filters.election_id
    if filters.province_code:
        keep &= rows["province_code"] == filters.province_code
    if filters.category_code:
        keep &= rows["category_code"] == filters.category_code
    if filters.position_code:
        keep &= rows["position_code"] == filters.position_code
    if filters.agency_level:
        keep &= rows["agency_level"] == filters.agency_level
    if filters.date_from:
        keep &= reported >= filters.date_from
    if filters.date_to:
        keep &= reported <= filters.date_to
    return rows[keep].groupby("region_code").size()


@pytest.mark.parametrize(
    "filters",
    [
        Filters(election_id="pilkada-2024"),
        Filters(election_id="pilkada-2020", province_code="62"),
        Filters(category_code="lainnya", agency_level="kabupaten"),
        Filters(
            election_id="pemilu-2024", position_code="jpt", date_from=date(2023, 11, 28), date_to=date(2024, 2, 10)
        ),
    ],
)
def test_regency_values_equal_an_independent_count(demo_register, filters):
    con, cases, regions = demo_register
    values = queries.region_metrics(con, filters, level="regency")
    assert len(values) == 56
    expected = independent_counts(cases, regions, filters)
    got = values.set_index("region_code")["reported"]
    assert got[got > 0].sort_index().to_dict() == expected.sort_index().to_dict()
    assert (got.drop(expected.index) == 0).all()


def test_the_regency_map_draws_all_56_regencies(demo_register):
    con, _, _ = demo_register
    try:
        layer = geo.load_display_layer("regency")
    except geo.BoundaryFilesMissing:
        pytest.skip("boundary files not present")
    values = queries.region_metrics(con, Filters(election_id="pilkada-2024"), level="regency")
    fig = maps.choropleth_figure(values, layer, "followup_rate_pct", "Q?", "%", "no data").to_plotly()
    drawn = [code for trace in fig.data for code in trace.locations]
    assert sorted(drawn) == sorted(f["id"] for f in layer["features"])
    assert len(drawn) == 56
