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
