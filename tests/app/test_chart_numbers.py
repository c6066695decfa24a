"""A chart's CSV ("Unduh CSV") holds that chart's numbers: every number a chart draws is in the
file it offers beside it, counts are written as integers, and a public file never holds a count
the chart hides. Checked on every chart of every analysis page, public and analyst, by recording
what each page hands to ``components.chart``."""

from __future__ import annotations

import io
import math
import os

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.charts.spec import STAND_IN
from analytics.exports import chart_numbers_csv, safe_csv_bytes
from analytics.ui import components
from tests.app.test_pages import ANALYSIS_PAGES, APP, app_data_dir, as_analyst  # noqa: F401 (fixture)

#: Trace keys whose numbers are drawn values (positions on a category or date axis are not).
VALUE_KEYS = ("x", "y", "z", "values")


def _drawn_numbers(trace: dict) -> set[float]:
    found = set()
    for key in VALUE_KEYS:
        values = trace.get(key)
        if values is None:
            continue
        for value in np.asarray(values, dtype=object).ravel():
            if isinstance(value, (bool, np.bool_)) or value is None:
                continue
            if isinstance(value, (int, float, np.integer, np.floating)) and math.isfinite(float(value)):
                found.add(round(float(value), 2))
    return found


def _file_numbers(numbers: pd.DataFrame) -> set[float]:
    written = pd.read_csv(io.BytesIO(safe_csv_bytes(chart_numbers_csv(numbers))), encoding="utf-8-sig")
    found = set()
    for column in written.columns:
        values = pd.to_numeric(written[column], errors="coerce").dropna()
        found.update(round(float(v), 2) for v in values)
    return found


@pytest.fixture(scope="module")
def charts(app_data_dir, monkeypatch_module):  # noqa: F811
    """(page, audience, key, figure spec, numbers) for every chart of every analysis page."""
    os.environ["PANTAU_DATA_DIR"] = str(app_data_dir)
    recorded = []
    original = components.chart

    def recording(fig, numbers, key, *args, **kwargs):
        recorded.append((current["page"], current["audience"], key, fig, numbers))
        return original(fig, numbers, key, *args, **kwargs)

    monkeypatch_module.setattr(components, "chart", recording)
    current = {}
    for audience in ("public", "analyst"):
        for page in ANALYSIS_PAGES:
            current.update(page=page, audience=audience)
            at = AppTest.from_file(APP, default_timeout=90)
            at.query_params["pemilu"] = "pilkada-2024"
            if page == "pages/profil_wilayah.py":  # a profile needs its region
                at.query_params["provinsi"] = "64"
            if audience == "analyst":
                as_analyst(at)
            at.switch_page(page).run()
            assert not at.exception, at.exception
    return recorded


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_every_analysis_page_hands_its_charts_numbers(charts):
    pages = {page for page, *_ in charts}
    assert pages == set(ANALYSIS_PAGES)


def test_every_number_a_chart_draws_is_in_its_csv(charts):
    missing = []
    for page, audience, key, fig, numbers in charts:
        in_file = _file_numbers(numbers)
        for trace in fig.data:
            if trace.get("hoverinfo") == "skip" or trace.get("meta") == STAND_IN["meta"]:
                continue  # a legend entry, a guide or a stand-in for a number not shown
            drawn = _drawn_numbers(trace)
            absent = sorted(v for v in drawn if v not in in_file)
            if absent:
                missing.append(f"{page} [{audience}] {key} {trace.get('name')!r}: {absent[:5]}")
    assert missing == [], "\n".join(missing)


def test_counts_in_a_chart_csv_are_integers(charts):
    floats = []
    for page, audience, key, _, numbers in charts:
        written = pd.read_csv(io.BytesIO(safe_csv_bytes(chart_numbers_csv(numbers))), encoding="utf-8-sig", dtype=str)
        for column in written.columns:
            if column in ("reported", "proven", "recommended", "followed_up", "cases", "events"):
                if written[column].dropna().str.contains(r"\.").any():
                    floats.append(f"{page} [{audience}] {key} {column}")
    assert floats == [], "\n".join(floats)


def test_a_public_chart_csv_leaves_every_withheld_count_empty(charts):
    leaked = []
    for page, audience, key, _, numbers in charts:
        if audience != "public":
            continue
        written = pd.read_csv(io.BytesIO(safe_csv_bytes(chart_numbers_csv(numbers))), encoding="utf-8-sig", dtype=str)
        for flag in [c for c in written.columns if c.endswith("_withheld")]:
            column = flag.removesuffix("_withheld")
            if column in written.columns:
                hidden = written[flag].str.lower().isin(["true", "1"])
                if written.loc[hidden, column].notna().any():
                    leaked.append(f"{page} {key} {column}")
    assert leaked == [], "\n".join(leaked)


def test_the_recording_saw_the_charts(charts):
    # a recording that saw nothing would pass every test above
    assert len(charts) >= 40
    assert {audience for _, audience, *_ in charts} == {"public", "analyst"}
