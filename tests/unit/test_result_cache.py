import pandas as pd
import pytest

from analytics.result_cache import ResultCache


def test_a_hit_returns_the_cached_numbers_and_a_callers_change_does_not_reach_the_cache():
    cache = ResultCache()
    calls = []

    def compute():
        calls.append(1)
        return pd.DataFrame({"reported": [3, 7]})

    first = cache.get("k", compute)
    first["reported"] = 0  # a page replacing a column
    first.loc[1, "reported"] = 99  # or changing a cell
    first["extra"] = 1  # or adding one
    second = cache.get("k", compute)
    assert calls == [1]
    assert second["reported"].tolist() == [3, 7] and "extra" not in second.columns
    second.iloc[0, 0] = 42
    assert cache.get("k", compute)["reported"].tolist() == [3, 7]
    assert (cache.hits, cache.misses) == (2, 1)


def test_the_least_recently_used_result_goes_first_when_full():
    cache = ResultCache(max_entries=2)
    frame = pd.DataFrame({"x": [1]})
    for key in ("a", "b"):
        cache.get(key, lambda: frame)
    cache.get("a", lambda: frame)  # a is now the most recent
    cache.get("c", lambda: frame)
    computed = []
    cache.get("b", lambda: computed.append("b") or frame)
    cache.get("a", lambda: computed.append("a") or frame)
    assert computed == ["b", "a"] and len(cache) == 2


def test_a_failed_computation_keeps_nothing():
    cache = ResultCache()

    def broken():
        raise RuntimeError("file damaged")

    with pytest.raises(RuntimeError):
        cache.get("k", broken)
    assert len(cache) == 0
    assert cache.get("k", lambda: pd.DataFrame({"x": [1]}))["x"].tolist() == [1]


def test_an_immutable_cache_hands_out_the_value_itself():
    cache = ResultCache(immutable=True)
    spec = object()
    assert cache.get("k", lambda: spec) is spec
    assert cache.get("k", lambda: pytest.fail("computed twice")) is spec


def test_a_shaped_chart_is_made_once_per_version_and_audience_and_its_numbers_are_the_callers(monkeypatch):
    """What a page makes of its queries (analytics.ui.data.shaped) is shared by sessions of the same
    data version and audience only, and a caller changing the numbers it got changes no one else's."""
    from types import SimpleNamespace

    from analytics import release
    from analytics.ui import data

    monkeypatch.setattr(data, "SHAPED", ResultCache(immutable=True))
    version = {"now": "v1"}
    asking = {"now": release.Audience.for_public(5)}
    monkeypatch.setattr(data, "sources", lambda: SimpleNamespace(version=version["now"]))
    monkeypatch.setattr(data, "audience", lambda: asking["now"])
    made = []

    def make(area):
        made.append((area, version["now"], asking["now"].public))
        return {"spec": area}, pd.DataFrame({"reported": [3, 7]}), "note"

    spec, numbers, note = data.shaped("chart", make, "64")
    numbers.loc[0, "reported"] = 99
    again = data.shaped("chart", make, "64")
    assert again[0] is spec and again[1]["reported"].tolist() == [3, 7] and again[2] == "note"
    assert data.is_shaped("chart", "64") and not data.is_shaped("chart", "63")
    asking["now"] = release.ANALYST
    assert not data.is_shaped("chart", "64")
    data.shaped("chart", make, "64")
    version["now"] = "v2"
    data.shaped("chart", make, "64")
    assert made == [("64", "v1", True), ("64", "v1", False), ("64", "v2", False)]
