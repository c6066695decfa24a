"""One colour per meaning: a stage of the chain, a cycle and a province keep their colour on every
chart of every page, and a name in a legend never stands for two colours."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from streamlit.testing.v1 import AppTest

from analytics import palette
from tests.app.test_pages import ANALYSIS_PAGES, APP, app_data_dir  # noqa: F401 (fixture)


def _colour(trace: dict) -> str | None:
    for part in ("marker", "line"):
        colour = (trace.get(part) or {}).get("color")
        if isinstance(colour, str):
            return colour
    return None


@pytest.fixture(scope="module")
def drawn(app_data_dir):  # noqa: F811
    """name -> {colour: [where]} over every chart of every analysis page, in two cycles."""
    import os

    os.environ["PANTAU_DATA_DIR"] = str(app_data_dir)
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for cycle in ("pilkada-2024", "pilkada-2020"):
        for page in ANALYSIS_PAGES:
            at = AppTest.from_file(APP, default_timeout=60)
            at.query_params["pemilu"] = cycle
            at.switch_page(page).run()
            assert not at.exception, at.exception
            for chart in at.get("plotly_chart"):
                for trace in json.loads(chart.proto.spec)["data"]:
                    name, colour = trace.get("name"), _colour(trace)
                    if name and colour and trace.get("type") not in ("choropleth",):
                        found[name][colour].append(f"{page} {cycle}")
    return found


def test_a_name_in_a_legend_has_one_colour_everywhere(drawn):
    """(A withheld marker keeps the colour of what it stands in for: it is not a measure of its own.)"""
    assert {
        name: dict(colours) for name, colours in drawn.items() if len(colours) > 1 and not name.startswith("&lt; ")
    } == {}


def test_a_stage_has_its_colour_in_the_register_and_in_published_figures(drawn):
    assert set(drawn["Terbukti"]) == {palette.STAGE["proven"]}  # Ringkasan's trend
    assert set(drawn["ASN terbukti melanggar"]) == {palette.STAGE["proven"]}  # Angka resmi
    assert set(drawn["Rekomendasi sanksi diterbitkan (KASN/BKN)"]) == {palette.STAGE["recommended"]}
    assert set(drawn["Direkomendasikan"]) == {palette.STAGE["recommended"]}  # Sanksi's mix
    assert set(drawn["Dijatuhkan PPK"]) == {palette.STAGE["sanctioned"]}


def test_a_cycle_has_its_colour_on_every_page(drawn):
    where = drawn["Pilkada Serentak 2020"]
    assert set(where) == {palette.CYCLE["pilkada-2020"]}
    pages = {place.split()[0] for place in where[palette.CYCLE["pilkada-2020"]]}
    assert {"pages/ringkasan.py", "pages/jenis_pelanggaran.py"} <= pages
