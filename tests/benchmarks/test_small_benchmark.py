"""The benchmark runs end to end at a small scale and reports every number DESIGN section 8 asks for.

Timed assertions are regression guards at least ten times looser than the targets: the numbers
themselves come from ``python -m benchmarks.run``, never from a unit test."""

from __future__ import annotations

import json

import pytest

from benchmarks import report, run
from benchmarks.page_queries import PAGES
from benchmarks.scales import Scale
from benchmarks.targets import TARGETS

TINY = Scale("small", cases=5_000, query_combos=2, rerun_combos=1, import_rows=1_000, warm_repeats=1, profile=False)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return run.run(TINY, tmp_path_factory.mktemp("bench") / "data")


def _positive_numbers(value, path="") -> list[str]:
    """Paths of numbers that are not positive (ratios and timings must all be > 0)."""
    bad = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("n", "errors", "limit") and not key.startswith("load_average"):
                bad += _positive_numbers(item, f"{path}.{key}")
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and value <= 0:
        bad.append(path)
    return bad


def test_every_page_has_query_sets_naive_baseline_ratio_and_reruns(result):
    names = [page.name for page in PAGES]
    assert list(result["query_sets"]) == names
    assert list(result["page_reruns"]["pages"]) == names
    for name in names:
        entry = result["query_sets"][name]
        for part in ("cold", "warm", "naive"):
            assert entry[part]["n"] > 0 and entry[part]["p50_ms"] > 0, (name, part)
        assert set(entry["ratio"]) == {"cold_p50", "warm_p50"} and entry["ratio"]["warm_p50"] > 0, name
        rerun = result["page_reruns"]["pages"][name]
        assert rerun["after_filter_change"]["p50_ms"] > 0 and not rerun["errors"], (name, rerun["errors"])


def test_all_numbers_are_positive(result):
    checked = {key: result[key] for key in ("query_sets", "page_reruns", "naive", "map_payload", "import")}
    assert _positive_numbers(checked) == []


def test_regression_guards_ten_times_looser_than_the_targets(result):
    # targets: warm query set p50 300 ms (stress), rerun p50 100 ms (realistic), 500 ms (stress)
    for name, entry in result["query_sets"].items():
        assert entry["warm"]["p50_ms"] < 3_000, name
    for name, entry in result["page_reruns"]["pages"].items():
        assert entry["after_filter_change"]["p50_ms"] < 30_000, name
    assert result["page_reruns"]["peak_rss_mb"] < 15 * 1024
    if result["map_payload"]["available"]:
        assert result["map_payload"]["max_bytes"] < 6_000 * 1024


def test_targets_are_reported_and_the_json_round_trips(result, tmp_path):
    assert {check["id"] for check in result["targets"]} == {target.id for target in TARGETS}
    assert all(check["status"] in ("PASS", "FAIL", "n/a") for check in result["targets"])
    assert result["import"]["rows"] == 1_000 and result["import"]["seconds"] > 0
    path = tmp_path / "result.json"
    path.write_text(json.dumps(result, default=str))
    assert json.loads(path.read_text())["scale"] == "small"
    printed = report.render(result)
    assert all(name in printed for name in result["query_sets"])


def test_the_cached_register_is_reused(result):
    from pathlib import Path

    from benchmarks.scales import prepare_data_dir

    again, generation_s = prepare_data_dir(TINY, Path(result["data_dir"]))
    assert generation_s is None and str(again) == result["data_dir"]
