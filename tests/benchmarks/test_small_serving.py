"""The serving benchmark runs end to end in small: one replica behind nginx, a few sessions for a
few seconds, no Lighthouse. It reports every number the full run prints and judges every target
(the numbers themselves come from ``python -m benchmarks.serving``, never from a test)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from benchmarks import serving
from deploy import cluster
from tests.e2e import browser as helpers

pytestmark = pytest.mark.skipif(
    not Path(cluster.NGINX).exists() or helpers.chromium_path() is None,
    reason="needs nginx and Chromium",
)


@pytest.fixture(scope="module")
def result(tmp_path_factory, monkeypatch_module):
    from analytics import demo

    data_dir = tmp_path_factory.mktemp("serving") / "data"
    demo.ensure_demo(data_dir / "demo", cases=600)
    monkeypatch_module.setenv("PANTAU_DATA_DIR", str(data_dir))
    args = argparse.Namespace(
        replicas=1,
        sessions=3,
        seconds=4.0,
        interval=2.0,
        repeats=1,
        no_load=False,
        no_lighthouse=True,
        lighthouse_dir=Path("/nonexistent"),
        out=None,
    )
    return serving.measure(args)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_every_number_is_measured_and_every_target_judged(result):
    summary = result["summary"]
    for key in ("proxy_first_visit_mb", "direct_first_visit_mb", "light_page_kb", "light_usable_s"):
        assert summary[key] > 0, key
    assert summary["light_requests_leaving"] == 0
    assert summary["load_direct_errors"] == 0 and summary["load_proxy_errors"] == 0
    judged = {row["key"]: row["status"] for row in result["targets"]}
    assert set(judged) == {key for key, *_ in serving.TARGETS}
    assert all(status in ("PASS", "FAIL", "n/a") for status in judged.values())
    assert judged["lighthouse_light_performance"] == "n/a"  # not run here


def test_through_nginx_the_first_visit_is_compressed(result):
    """Regression guard, far looser than the target: nginx sends the frontend compressed."""
    summary = result["summary"]
    assert summary["proxy_first_visit_mb"] < summary["direct_first_visit_mb"] / 2
    table = serving.format_table(result)
    assert "app direct" in table and "app via nginx" in table and "light edition" in table
