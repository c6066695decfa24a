"""Every headline number and map value a page shows equals a plain pandas computation over the
register files themselves, not the SQL that made it: exact for analysts, and for the public
within the adjustment (or "< 5" where the true count may be below 5). Filters at each level,
a regency chosen without its province included."""

from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import cell_key
from tests.app.test_pages import APP, as_analyst

COMBINATIONS = [
    {"pemilu": "pilkada-2024"},
    {"pemilu": "pilkada-2020", "provinsi": "63"},
    {"pemilu": "pilkada-2024", "kabkota": "64.72"},
    {"pemilu": "pemilu-2024", "kategori": "lainnya"},
    {"pemilu": "pilkada-2024", "provinsi": "62", "tingkat": "kabupaten"},
]
FILTER_COLUMNS = {
    "pemilu": "election_id",
    "provinsi": "province_code",
    "kabkota": "region_code",
    "kategori": "category_code",
    "tingkat": "agency_level",
}


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    from analytics import demo

    data_dir = tmp_path_factory.mktemp("right_data")
    demo.ensure_demo(data_dir / "demo", cases=3000)
    cases = pd.read_parquet(data_dir / "demo" / "violation_cases.parquet")
    sanctions = pd.read_parquet(data_dir / "demo" / "sanctions.parquet")
    joined = cases.merge(sanctions.drop(columns="is_synthetic"), on="case_id", how="left")
    joined["province_code"] = joined["region_code"].str.split(".").str[0]
    return data_dir, joined


def _selected(joined: pd.DataFrame, combination: dict) -> pd.DataFrame:
    chosen = joined
    for parameter, value in combination.items():
        chosen = chosen[chosen[FILTER_COLUMNS[parameter]] == value]
    return chosen


def km_median(days: list[float], finished: list[bool]) -> float | None:
    """Kaplan-Meier median, written out: the first day the share still open is below one half
    (the middle of the interval where it is exactly one half); None when it never is."""
    pairs = sorted(zip(days, finished))
    times = sorted({d for d, f in pairs if f})
    share, half_at = 1.0, None
    for time in times:
        at_risk = sum(1 for d, _ in pairs if d >= time)
        ending = sum(1 for d, f in pairs if f and d == time)
        share *= 1 - ending / at_risk
        if half_at is not None:
            return (half_at + time) / 2
        if abs(share - 0.5) < 1e-9:
            half_at = time
        elif share < 0.5:
            return time
    return None  # never below one half, or exactly one half after the last resolution


def test_the_tests_survival_median_on_cases_worked_by_hand():
    assert km_median([1, 2, 3, 4], [True] * 4) == 2.5  # nothing open: the plain median
    assert km_median([1, 2, 3], [True] * 3) == 2
    # half finished by day 3 and the rest open: exactly one half from then on, not reached
    assert km_median([3] * 5 + [200] * 5, [True] * 5 + [False] * 5) is None
    # open cases count as not yet finished: 2 of 5 finished, both early; the median is not reached
    assert km_median([1, 2, 10, 10, 10], [True, True, False, False, False]) is None
    # left out, they would give 1.5; censored they push it to the third case's 6 days
    assert km_median([1, 2, 3, 6, 8], [True, True, False, True, False]) == 6


def _resolution(chosen: pd.DataFrame) -> pd.Series:
    ended = chosen["status"].isin(["tidak_diregistrasi", "tidak_terbukti", "dihentikan"])
    answered = chosen["followup_status"].isin(["ditindaklanjuti", "ditolak"])
    resolved = pd.Series(pd.NaT, index=chosen.index, dtype="datetime64[us]")
    resolved = resolved.where(~ended, pd.to_datetime(chosen["decided_date"]))
    return resolved.where(~(answered & ~ended), pd.to_datetime(chosen["followup_date"]))


def _headline(chosen: pd.DataFrame, newest: pd.Timestamp, cutoff: pd.Timestamp | None = None) -> dict:
    """The headline measures, by their definitions in the data dictionary: as the register stands
    (its newest date ``newest``), or as it stood on ``cutoff``."""
    seen = min(newest, cutoff) if cutoff is not None else newest
    if cutoff is not None:
        chosen = chosen[pd.to_datetime(chosen["reported_date"]) <= seen]
    # now, a step counts whatever its date; at an age only when its date falls by then
    by = lambda column: (pd.to_datetime(chosen[column]) <= seen) if cutoff is not None else True  # noqa: E731
    proven = (chosen["status"] == "terbukti") & by("decided_date")
    recommended = chosen["recommendation_date"].notna() & by("recommendation_date")
    followed = (chosen["followup_status"] == "ditindaklanjuti") & by("followup_date")
    resolved = _resolution(chosen)
    if cutoff is not None:
        resolved = resolved.where(resolved <= seen)
    reported = pd.to_datetime(chosen["reported_date"])
    days = ((resolved.fillna(seen)) - reported).dt.days
    return {
        "reported": len(chosen),
        "proven": int(proven.sum()),
        "recommended": int(recommended.sum()),
        "followed_up": int(followed.sum()),
        "rate": round(100 * followed.sum() / recommended.sum(), 1) if recommended.sum() else None,
        "median": km_median(days.tolist(), resolved.notna().tolist()) if len(chosen) else None,
    }


def _newest(joined: pd.DataFrame) -> pd.Timestamp:
    return max(
        pd.to_datetime(joined[c]).max()
        for c in ("reported_date", "decided_date", "forwarded_date", "recommendation_date", "followup_date")
    )


def _array(value) -> list:
    """A spec's array: a list, or Plotly's typed array (base64 with its dtype)."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def _number(text: str) -> float:
    return float(text.split()[0].replace("%", "").replace(".", "").replace(",", "."))


def _run(data_dir, monkeypatch, combination, analyst, page=None):
    monkeypatch.setenv("PANTAU_DATA_DIR", str(data_dir))
    app = AppTest.from_file(APP, default_timeout=60)
    if analyst:
        as_analyst(app)
    for key, value in combination.items():
        app.query_params[key] = value
    at = app.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("combination", COMBINATIONS, ids=lambda c: "&".join(f"{k}={v}" for k, v in c.items()))
def test_analysts_tiles_are_the_register_counted_again(register, monkeypatch, combination):
    data_dir, joined = register
    truth = _headline(_selected(joined, combination), _newest(joined))
    at = _run(data_dir, monkeypatch, combination, analyst=True)
    tiles = [m.value for m in at.metric]
    assert _number(tiles[0]) == truth["reported"]
    assert _number(tiles[1]) == truth["proven"]
    assert _number(tiles[2]) == truth["recommended"]
    assert _number(tiles[3]) == truth["followed_up"]
    if truth["rate"] is not None:
        assert _number(tiles[4]) == truth["rate"]
    if truth["median"] is not None:
        assert _number(tiles[5]) == round(truth["median"])
    elif truth["reported"]:
        assert tiles[5] == "belum tercapai"


PREVIOUS = {"pilkada-2024": "pilkada-2020", "pemilu-2024": "pemilu-2019"}


@pytest.mark.parametrize(
    "combination",
    [c for c in COMBINATIONS if c["pemilu"] in PREVIOUS],
    ids=lambda c: "&".join(f"{k}={v}" for k, v in c.items()),
)
def test_the_previous_cycle_is_counted_again_at_the_same_age(register, monkeypatch, combination):
    """The comparison table: the previous cycle as it stood as many days after its voting day as
    the current one is now, and as it stands (final), both counted again from the files."""
    data_dir, joined = register
    voting = pd.read_csv("data/elections.csv", parse_dates=["voting_date"]).set_index("election_id")["voting_date"]
    newest = _newest(joined)
    age = (newest - voting[combination["pemilu"]]).days
    previous = PREVIOUS[combination["pemilu"]]
    earlier = _selected(joined, {**combination, "pemilu": previous})
    at_age = _headline(earlier, newest, cutoff=voting[previous] + pd.Timedelta(days=age))
    final = _headline(earlier, newest)
    at = _run(data_dir, monkeypatch, combination, analyst=True)
    assert any(f"{age} hari setelah pemungutan suara" in c.value for c in at.caption)
    table = at.dataframe[0].value
    same_age_column = next(c for c in table.columns if "umur yang sama" in c)
    final_column = next(c for c in table.columns if "nilai akhir" in c)
    for row, key in enumerate(("reported", "proven", "recommended", "followed_up")):
        assert _number(table[same_age_column][row]) == at_age[key], key
        assert _number(table[final_column][row]) == final[key], key
    if at_age["rate"] is not None:
        assert _number(table[same_age_column][4]) == at_age["rate"]
    if at_age["median"] is not None:
        assert _number(table[same_age_column][5]) == round(at_age["median"])


@pytest.mark.parametrize("combination", COMBINATIONS, ids=lambda c: "&".join(f"{k}={v}" for k, v in c.items()))
def test_public_tiles_are_the_register_within_the_adjustment(register, monkeypatch, combination):
    data_dir, joined = register
    truth = _headline(_selected(joined, combination), _newest(joined))
    at = _run(data_dir, monkeypatch, combination, analyst=False)
    tiles = [m.value for m in at.metric]
    if not tiles:  # a selection of fewer than 5 cases shows no tiles
        assert truth["reported"] < 5 + cell_key.MAX_ADJUSTMENT
        return
    for tile, key in zip(tiles[:4], ("reported", "proven", "recommended", "followed_up")):
        if tile.startswith("<"):
            assert truth[key] < 5 + cell_key.MAX_ADJUSTMENT, key
        else:
            assert truth[key] >= 5 and abs(_number(tile) - truth[key]) <= cell_key.MAX_ADJUSTMENT, key


@pytest.mark.parametrize("combination", COMBINATIONS[:3], ids=lambda c: "&".join(f"{k}={v}" for k, v in c.items()))
def test_the_map_draws_each_regency_as_counted_in_the_register(register, monkeypatch, combination):
    data_dir, joined = register
    at = _run(data_dir, monkeypatch, combination, analyst=True, page="pages/peta.py")
    chosen = _selected(joined, {k: v for k, v in combination.items() if k == "pemilu"})
    if "provinsi" in combination:
        chosen = chosen[chosen["province_code"] == combination["provinsi"]]
    truth = chosen.groupby("region_code").size()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    drawn = {}
    for trace in spec["data"]:
        if trace.get("type") == "choropleth" and trace.get("z") is not None and trace.get("hoverinfo") != "skip":
            drawn.update(dict(zip(_array(trace["locations"]), _array(trace["z"]))))
    assert drawn, "no map values drawn"
    for code, value in drawn.items():
        assert value == truth.get(code, 0), code


@pytest.mark.parametrize("age_days", [None, 60, 124])
def test_each_regencys_median_is_the_survival_median_counted_again(register, age_days):
    """The map's median days per regency (open cases censored), now and at an age, equals the
    written-out Kaplan-Meier over the register files."""
    from analytics import db, queries
    from analytics.filters import Filters

    data_dir, joined = register
    voting = pd.read_csv("data/elections.csv", parse_dates=["voting_date"]).set_index("election_id")["voting_date"]
    cutoff = voting["pilkada-2020"] + pd.Timedelta(days=age_days) if age_days is not None else None
    con = db.connect(db.resolve_sources(data_dir=data_dir))
    try:
        shown = queries.region_metrics(con.cursor(), Filters(election_id="pilkada-2020"), age_days=age_days)
    finally:
        con.close()
    chosen = _selected(joined, {"pemilu": "pilkada-2020"})
    checked = 0
    for code, row in shown.set_index("region_code").iterrows():
        truth = _headline(chosen[chosen["region_code"] == code], _newest(joined), cutoff)
        assert row["reported"] == truth["reported"] and row["followed_up"] == truth["followed_up"], code
        if truth["median"] is None:
            assert pd.isna(row["median_days_to_resolution"]), code
        else:
            assert row["median_days_to_resolution"] == pytest.approx(truth["median"]), code
            checked += 1
    assert checked >= 10


def test_the_map_says_exactly_how_many_denominators_are_synthetic(register, monkeypatch):
    """Per 1,000 ASN over all 56 regencies: the note counts the regencies without a real usable
    headcount in data/asn_headcount.csv (an exact or approximate count; 'more than' is a bound)."""
    data_dir, _ = register
    real = pd.read_csv("data/asn_headcount.csv", dtype=str)
    regions = pd.read_csv("data/regions.csv", dtype=str)
    regencies = set(regions.loc[regions["region_code"].str.contains(".", regex=False), "region_code"])
    usable = set(real.loc[real["value_qualifier"].isin(["exact", "approx"]), "region_code"]) & regencies
    at = _run(data_dir, monkeypatch, {"pemilu": "pilkada-2024"}, analyst=True, page="pages/peta.py")
    at.selectbox(key="map_metric").set_value("per1000").run()
    assert not at.exception
    expected = f"{len(regencies) - len(usable)} dari {len(regencies)} penyebut"
    assert any(expected in c.value for c in at.caption), expected


@pytest.mark.parametrize("combination", COMBINATIONS[:3], ids=lambda c: "&".join(f"{k}={v}" for k, v in c.items()))
def test_the_sanksi_funnel_is_the_register_counted_again(register, monkeypatch, combination):
    data_dir, joined = register
    chosen = _selected(joined, combination)
    registered = chosen["status"].isin(["diregistrasi", "terbukti", "tidak_terbukti", "dihentikan"])
    truth = [
        len(chosen),
        int(registered.sum()),
        int((chosen["status"] == "terbukti").sum()),
        int(chosen["recommendation_date"].notna().sum()),
        int((chosen["followup_status"] == "ditindaklanjuti").sum()),
        int(chosen["imposed_sanction_code"].notna().sum()),
    ]
    at = _run(data_dir, monkeypatch, combination, analyst=True, page="pages/sanksi.py")
    if not truth[0]:
        return
    funnel = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert funnel["type"] == "funnel"
    assert [int(v) for v in _array(funnel["x"])] == truth


@pytest.mark.parametrize("combination", COMBINATIONS[:2], ids=lambda c: "&".join(f"{k}={v}" for k, v in c.items()))
def test_the_category_shares_are_the_register_counted_again(register, monkeypatch, combination):
    """Jenis pelanggaran: each category's count and share of its cycle in the table under the
    chart, for the cycle in focus, from the files."""
    data_dir, joined = register
    chosen = _selected(joined, combination)
    truth = chosen.groupby("category_code").size()
    labels = pd.read_csv("data/violation_categories.csv").set_index("code")["label_id"]
    at = _run(data_dir, monkeypatch, combination, analyst=True, page="pages/jenis_pelanggaran.py")
    table = at.dataframe[0].value.set_index("Nilai")
    assert len(table) == len(truth)
    for code, count in truth.items():
        row = table.loc[labels[code]]
        assert _number(row["Dilaporkan"]) == count, code
        assert _number(row["Bagian"]) == round(100 * count / len(chosen), 1), code
