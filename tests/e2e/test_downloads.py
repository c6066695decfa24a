"""The CSV and PNG under a chart arrive in the browser and hold what the chart shows."""

from __future__ import annotations

import io
import struct

import pandas as pd

from tests.e2e import browser as helpers


def test_hotspot_csv_and_png_hold_what_the_chart_draws(open_page):
    page, _ = open_page("?pemilu=pilkada-2024")
    helpers.wait_for_charts(page)
    # Streamlit marks each keyed element with st-key-<key>; what Plotly drew (its decoded data): regions and values
    drawn = page.locator(".st-key-ringkasan_hotspot .js-plotly-plot").first.evaluate(
        "gd => ({y: Array.from(gd._fullData[0].y), x: Array.from(gd._fullData[0].x)})"
    )
    drawn_values = dict(zip(drawn["y"], drawn["x"]))

    with page.expect_download() as csv_download:
        page.locator(".st-key-ringkasan_hotspot_csv button").click()
    # the file name carries the scope, so a forwarded file still says what it covers
    assert csv_download.value.suggested_filename == "ringkasan_hotspot_pilkada-2024_kalimantan.csv"
    table = pd.read_csv(io.BytesIO(open(csv_download.value.path(), "rb").read()), encoding="utf-8-sig")
    from_csv = dict(zip(table["region_name"], table["reported"]))
    assert from_csv.keys() == drawn_values.keys()
    assert all(float(from_csv[name]) == float(value) for name, value in drawn_values.items())

    with page.expect_download(timeout=120_000) as png_download:
        page.locator(".st-key-ringkasan_hotspot_png button").click()
    assert png_download.value.suggested_filename == "ringkasan_hotspot_pilkada-2024_kalimantan.png"
    head = open(png_download.value.path(), "rb").read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (2200, 1360)  # 1100 × 680 at scale 2: room for scope and source
