"""Helpers for the browser suite: a Streamlit server on 127.0.0.1 and Debian's Chromium.

Kept free of pytest so that the same helpers drive ad-hoc screenshot runs:
``python -m tests.e2e.browser [OUT_DIR]`` writes every page at desktop and phone width.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from analytics import pages as site_pages
from analytics.i18n import t

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--enable-unsafe-swiftshader",
    "--use-angle=swiftshader",
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1400, "height": 2400}
PHONE = {"width": 390, "height": 2400}
PAGES = tuple(page.url_path for page in site_pages.PAGES)


#: Pages that exist only for a logged-in analyst, with their titles in the navigation.
ANALYST_PAGES = {page.url_path: t(page.title_key, "id") for page in site_pages.PAGES if page.analyst_only}
#: Every page's title in the navigation (Bahasa Indonesia).
PAGE_TITLES = {page.url_path: t(page.title_key, "id") for page in site_pages.PAGES}


def page_path(page_name: str) -> str:
    """The URL path of a page: the default page (Ringkasan) lives at the root."""
    return "" if page_name == PAGES[0] else page_name


def chromium_path() -> str | None:
    configured = os.environ.get("PANTAU_CHROMIUM")
    if configured:
        return configured
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    data_dir: Path,
    port: int | None = None,
    timeout: float = 120.0,
    secrets_file: Path | None = None,
    root: Path = ROOT,
    env: dict[str, str] | None = None,
    log_dir: Path | None = None,
    script: str = "app.py",
):
    """Run ``streamlit run <script>`` (of ``root``; ``app.py``, or ``serve.py`` which prepares the
    data before taking visitors) on 127.0.0.1 with PANTAU_DATA_DIR = data_dir (and, when given,
    only ``secrets_file`` as secrets, and ``env`` on top); yield its URL."""
    port = port or free_port()
    env = dict(os.environ, PANTAU_DATA_DIR=str(data_dir), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false", **(env or {}))
    log = open(Path(log_dir or data_dir) / f"streamlit-{port}.log", "w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--secrets.files",
            str(secrets_file or Path(data_dir) / "no-secrets.toml"),
        ],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {process.returncode}; see {log.name}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            time.sleep(0.3)
        else:
            raise TimeoutError(f"streamlit did not answer within {timeout} s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def wait_for_idle(page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script (no 'running' indicator)."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms)
    page.wait_for_timeout(1500)


def wait_for_app(page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script (no 'running' indicator, a title shown)."""
    page.wait_for_selector("h1", timeout=timeout_ms)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms)
    page.wait_for_timeout(1500)


ANALYST = ("analis", "uji-rahasia-analis")


def write_secrets(path: Path) -> Path:
    """A secrets file with one local analyst account (for the tests)."""
    from analytics.auth import hash_password

    path.write_text(f'[local_accounts]\n{ANALYST[0]} = "{hash_password(ANALYST[1], rounds=4)}"\n', encoding="utf-8")
    return path


def show_sidebar(page) -> None:
    """Open the sidebar where it starts collapsed (phone width)."""
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    for _ in range(6):  # the button is inert while a rerun redraws the page
        if not (expand.count() and expand.first.is_visible()):
            return
        try:
            expand.first.click(timeout=5_000)
            page.locator('[data-testid="stSidebarCollapseButton"]').wait_for(state="visible", timeout=10_000)
            page.wait_for_timeout(500)
            return
        except Exception:
            wait_for_app(page)
    raise TimeoutError("the sidebar could not be opened")


def open_as_analyst(page, url: str, page_name: str) -> None:
    """Open the app with ``url``'s query, log in, then follow the navigation link to
    ``page_name``: a local-account login lives in the browser session, which a new page load
    would start afresh (and for the public an analyst URL only shows "page not found")."""
    base, _, query = url.partition("?")
    page.goto(base.rsplit("/", 1)[0] + "/" + (f"?{query}" if query else ""))
    wait_for_app(page)
    log_in(page)
    show_sidebar(page)
    page.get_by_role("link", name=PAGE_TITLES[page_name]).click()
    page.wait_for_url(f"**/{page_name}**")
    wait_for_app(page)


def log_in(page, name: str = ANALYST[0], password: str = ANALYST[1]) -> None:
    """Log in through the sidebar form as a local analyst."""
    show_sidebar(page)
    page.get_by_text("Masuk analis").click()
    page.get_by_label("Nama pengguna").fill(name)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.get_by_text(f"Masuk sebagai {name}").wait_for(timeout=30_000)
    wait_for_app(page)


def wait_for_charts(page, timeout_ms: int = 30_000) -> None:
    """Wait until Plotly has drawn every chart on the page (its bundle loads lazily)."""
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('[data-testid=\"stPlotlyChart\"]'))"
        ".every(chart => chart.querySelector('.main-svg'))",
        timeout=timeout_ms,
    )


#: Plotly draws each region of a choropleth as one of these (the geojson is fetched first).
MAP_REGION = "path.choroplethlocation"


def wait_for_maps(page, timeout_ms: int = 30_000) -> None:
    """Give Plotly time to draw every chart, and every map its regions (fetched as GeoJSON)."""
    wait_for_charts(page, timeout_ms)
    maps = page.locator(".geo")
    if maps.count():
        page.wait_for_function(f"() => document.querySelectorAll('{MAP_REGION}').length > 0", timeout=timeout_ms)
        page.wait_for_timeout(1000)


def region_centre(page, code: str) -> tuple[float, float] | None:
    """The centre (CSS pixels) of region ``code`` as drawn on the page's first map."""
    return page.evaluate(
        """code => { const path = Array.from(document.querySelectorAll('SELECTOR'))
                       .find(p => p.__data__ && p.__data__.loc === code);
                     if (!path) return null; const r = path.getBoundingClientRect();
                     return [r.x + r.width / 2, r.y + r.height / 2]; }""".replace("SELECTOR", MAP_REGION),
        code,
    )


def screenshot_all(out_dir: Path, url: str, browser) -> list[Path]:
    written = []
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for page_name in PAGES:
            page.goto(f"{url}/{page_path(page_name)}?pemilu=pilkada-2024")
            wait_for_app(page)
            page.wait_for_timeout(2500)
            wait_for_maps(page)
            path = out_dir / f"{page_name}-{name}.png"
            page.screenshot(path=str(path), full_page=True)
            written.append(path)
        context.close()
    return written


def main(argv: list[str]) -> int:
    import tempfile

    from playwright.sync_api import sync_playwright

    from analytics import demo

    out_dir = Path(argv[0]) if argv else ROOT / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="pantau-shots-"))
    demo.ensure_demo(data_dir / "demo")
    with streamlit_server(data_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for path in screenshot_all(out_dir, url, browser):
            print(path)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
