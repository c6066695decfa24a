"""Accessibility in a real browser: axe-core on every page (public and analyst), text
alternatives for charts and a keyboard path to the filters."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e import browser as helpers

BLOCKING = ("serious", "critical")
AXE = Axe()


def _blocking_violations(page) -> list[str]:
    results = AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]} {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("page_name", helpers.PAGES)
def test_no_serious_or_critical_axe_violation(open_page, page_name):
    analyst = page_name in helpers.ANALYST_PAGES
    page, _ = open_page(
        f"{helpers.page_path(page_name) if not analyst else page_name}?pemilu=pilkada-2024", analyst=analyst
    )
    helpers.wait_for_maps(page)
    assert not _blocking_violations(page)


def test_every_chart_has_its_numbers_as_a_table(open_page):
    page, _ = open_page("?pemilu=pilkada-2024")
    page.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=60_000)
    charts = page.locator('[data-testid="stPlotlyChart"]').count()
    tables = page.locator('[data-testid="stExpander"]', has_text="Angka di balik grafik")
    assert charts >= 3 and tables.count() == charts
    tables.first.locator("summary").click()  # the table is made when opened: the page reruns
    tables.first.locator('[data-testid="stDataFrame"]').wait_for(state="visible", timeout=30_000)
    helpers.wait_for_app(page)
    assert tables.first.locator('[data-testid="stDataFrame"]').is_visible()


def test_the_keyboard_reaches_the_filters(open_page):
    """Tab from the top of the page reaches the election filter without a mouse."""
    page, _ = open_page("?pemilu=pilkada-2024")
    election_filter = 'input[aria-label*="Pemilu/Pilkada"]'
    page.wait_for_selector(election_filter, timeout=60_000)  # the sidebar has rendered its filters
    helpers.wait_for_app(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    visited = []
    for _ in range(60):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => { const e = document.activeElement; if (!e) return '';"
            " return e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30)"
            " || e.tagName; }"
        )
        visited.append(label)
        if "Pemilu/Pilkada" in (label or ""):
            break
    else:
        pytest.fail(f"60 presses of Tab did not reach the election filter; focus went through {visited}")
    page.keyboard.press("ArrowDown")
    page.get_by_role("option").first.wait_for(timeout=10_000)
    assert page.get_by_role("option").count() > 3  # the list of elections opened from the keyboard
