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
FILTER_COLUMNS = {"pemilu": "election_id", "provinsi": "province_code", "kabkota": "region_code",
                  "kategori": "category_code", "tingkat": "agency_level"}


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


def _headline(chosen: pd.DataFrame) -> dict:
    """The headline measures, by their definitions in the data dictionary."""
    recommended = chosen["recommendation_date"].notna()
    followed = chosen["followup_status"] == "ditindaklanjuti"
    ended = chosen["status"].isin(["tidak_diregistrasi", "tidak_terbukti", "dihentikan"])
    answered = chosen["followup_status"].isin(["ditindaklanjuti", "ditolak"])
    resolved = pd.Series(pd.NaT, index=chosen.index, dtype="datetime64[us]")
    resolved = resolved.where(~ended, pd.to_datetime(chosen["decided_date"]))
    resolved = resolved.where(~(answered & ~ended), pd.to_datetime(chosen["followup_date"]))
    days = (resolved - pd.to_datetime(chosen["reported_date"])).dt.days.dropna()
    return {"reported": len(chosen), "proven": int((chosen["status"] == "terbukti").sum()),
            "recommended": int(recommended.sum()), "followed_up": int(followed.sum()),
            "rate": round(100 * followed.sum() / recommended.sum(), 1) if recommended.sum() else None,
            "median": float(np.median(days)) if len(days) else None}


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
    truth = _headline(_selected(joined, combination))
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


@pytest.mark.parametrize("combination", COMBINATIONS, ids=lambda c: "&".join(f"{k}={v}" for k, v in c.items()))
def test_public_tiles_are_the_register_within_the_adjustment(register, monkeypatch, combination):
    data_dir, joined = register
    truth = _headline(_selected(joined, combination))
    at = _run(data_dir, monkeypatch, combination, analyst=False)
    tiles = [m.value for m in at.metric]
    if not tiles:       # a selection of fewer than 5 cases shows no tiles
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
        if trace.get("type") == "choroplethmap" and trace.get("z") is not None:
            drawn.update(dict(zip(_array(trace["locations"]), _array(trace["z"]))))
    assert drawn, "no map values drawn"
    for code, value in drawn.items():
        assert value == truth.get(code, 0), code
