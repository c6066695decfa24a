"""The deployment of deploy/cluster.py, used as a visitor would use it: nginx in front of two
replicas sends Streamlit's frontend compressed and cached, keeps a visitor on one replica, carries
the session's websocket, serves the light edition beside the app (which links to it), and stopping
leaves nothing running. The light edition is walked at phone width, in both languages, with every
request kept on this machine."""

from __future__ import annotations

import asyncio
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmarks.ws_session import Session
from deploy import cluster
from tests.e2e import browser as helpers

pytestmark = pytest.mark.skipif(not Path(cluster.NGINX).exists(), reason="nginx is not installed")


@pytest.fixture(scope="module")
def deployed(e2e_data_dir):
    secrets = helpers.write_secrets(e2e_data_dir / "secrets-deploy.toml")
    with cluster.running(2, port=0, data_dir=e2e_data_dir, secrets_file=secrets) as running:
        yield running


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def test_the_frontend_comes_compressed_and_cached_for_a_year(deployed):
    status, headers, page = _get(deployed.url + "/", {"Accept-Encoding": "identity"})
    assert status == 200 and headers.get("cache-control") == "no-cache"  # the page itself is asked again
    script = re.search(rb'src="\./(static/js/index\.[^"]+\.js)"', page).group(1).decode()
    status, headers, body = _get(f"{deployed.url}/{script}", {"Accept-Encoding": "gzip, br"})
    assert headers["content-encoding"] == "br" and "immutable" in headers["cache-control"]
    _, plain_headers, plain = _get(f"{deployed.url}/{script}", {"Accept-Encoding": "identity"})
    assert len(body) < len(plain) / 3 and "content-encoding" not in plain_headers


def test_a_visitor_stays_on_the_replica_that_answered_first(deployed):
    _, headers, _ = _get(deployed.url + "/")
    replica = re.match(r"pantau_replica=(r\d)", headers["set-cookie"]).group(1)
    port = deployed.replica_urls[int(replica[1:]) - 1].rsplit(":", 1)[1]
    for _ in range(6):
        _, again, _ = _get(deployed.url + "/_stcore/host-config", {"Cookie": f"pantau_replica={replica}"})
        assert again["set-cookie"].startswith(f"pantau_replica={replica};")
    log = (deployed.run_dir / "logs" / "access.log").read_text()
    host_config = [line for line in log.splitlines() if "/_stcore/host-config" in line][-6:]
    assert all(f"upstream=127.0.0.1:{port}" in line for line in host_config)


def test_a_session_runs_over_the_proxied_websocket(deployed):
    async def open_page():
        async with Session(deployed.url, 0, "peta", "pemilu=pilkada-2024", timeout=60) as session:
            return await session.open()

    # on a thread of its own: Playwright's sync API keeps an event loop running on this one
    with ThreadPoolExecutor(max_workers=1) as pool:
        sample = pool.submit(asyncio.run, open_page()).result(timeout=120)
    assert sample.latency is not None and sample.errors == [] and sample.title


def test_the_light_edition_is_served_beside_the_app(deployed):
    status, headers, _ = _get(deployed.url + "/ringan/64/", {"Accept-Encoding": "br"})
    assert status == 200 and headers["content-encoding"] == "br"
    _, page_headers, page = _get(deployed.url + "/ringan/64/", {"Accept-Encoding": "identity"})
    plotly = re.search(rb'data-plotly="\.\./(aset/plotly-[0-9a-f]+\.min\.js)"', page).group(1).decode()
    _, asset_headers, _ = _get(f"{deployed.url}/ringan/{plotly}", {"Accept-Encoding": "gzip"})
    assert "immutable" in asset_headers["cache-control"] and asset_headers["content-encoding"] == "gzip"


def test_from_the_app_to_the_light_edition_at_phone_width(deployed, chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    hosts, problems = set(), []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        page.goto(deployed.url + "/", wait_until="domcontentloaded")
        link = page.get_by_role("link", name=re.compile("Versi ringan"))
        link.wait_for(timeout=60_000)
        assert link.get_attribute("href") == "/ringan/"
        page.goto(deployed.url + link.get_attribute("href"))
        assert page.locator("h1").inner_text().endswith("Kalimantan")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than a phone
        page.get_by_text("Pilih provinsi atau kabupaten/kota").click()
        page.get_by_role("link", name="Kalimantan Timur", exact=True).first.click()
        assert page.locator("h1").inner_text().endswith("Kalimantan Timur")
        page.get_by_text("Pilih provinsi atau kabupaten/kota").click()
        page.get_by_role("link", name="Kota Samarinda").click()
        assert page.locator("h1").inner_text().endswith("Kota Samarinda")
        assert page.locator("nav.trail").inner_text().startswith("Kalimantan › Kalimantan Timur")
        page.get_by_role("link", name="English").click()
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("h1").inner_text().endswith("Kota Samarinda")
        page.get_by_role("link", name="Kalimantan Timur").click()  # the breadcrumb, in English
        chart = page.locator("[data-chart]").first
        chart.scroll_into_view_if_needed()
        page.wait_for_selector("[data-drawn] .main-svg", timeout=60_000)  # the shared plotly.js drew it
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
    assert hosts == {"127.0.0.1"}, hosts  # no request leaves the machine
    assert problems == []


def test_the_apps_link_opens_the_light_page_of_the_chosen_area(deployed, chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(deployed.url + "/?provinsi=64&lang=en", wait_until="domcontentloaded")
        link = page.get_by_role("link", name=re.compile("Light edition"))
        link.wait_for(timeout=60_000)
        assert link.get_attribute("href") == "/ringan/en/64/"
        page.goto(deployed.url + link.get_attribute("href"))
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("h1").inner_text().endswith("Kalimantan Timur")
    finally:
        context.close()


def test_stopping_leaves_nothing_of_what_it_started(e2e_data_dir, tmp_path):
    light = tmp_path / "light"
    light.mkdir()
    (light / "index.html").write_text("<!doctype html><title>x</title>")
    with cluster.running(1, port=0, data_dir=e2e_data_dir, light_dir=light, run_dir=tmp_path / "run") as running:
        pids = running.pids
        assert _get(running.url + "/_stcore/health")[0] == 200
    assert all(not Path(f"/proc/{pid}").exists() or cluster._cmdline(pid) is None for pid in pids)
