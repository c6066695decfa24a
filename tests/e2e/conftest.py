"""Fixtures of the browser suite: one Streamlit server and one Chromium for the session."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from analytics import demo
from tests.e2e import browser as helpers

playwright_api = pytest.importorskip("playwright.sync_api")


def pytest_collection_modifyitems(config, items):
    if helpers.chromium_path() is None:
        skip = pytest.mark.skip(reason="no Chromium found (apt-get install chromium, or set PANTAU_CHROMIUM)")
        for item in items:
            if "tests/e2e" in str(item.fspath):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def e2e_data_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("e2e_data")
    demo.ensure_demo(data_dir / "demo", cases=2000)
    return data_dir


@pytest.fixture(scope="session")
def app_url(e2e_data_dir):
    secrets = helpers.write_secrets(e2e_data_dir / "secrets.toml")
    # served as the README serves it (the fault tests start ``app.py`` themselves)
    with helpers.streamlit_server(e2e_data_dir, secrets_file=secrets, script="serve.py") as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=helpers.chromium_path(), args=helpers.CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """Where the suite writes its screenshots: PANTAU_SCREENSHOT_DIR, else a temporary folder."""
    configured = os.environ.get("PANTAU_SCREENSHOT_DIR")
    path = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


#: Streamlit's frontend probes ``/<page>/_stcore/health`` and ``/host-config`` before the root
#: ones when a page is opened by its own URL; the server answers 404 (streamlit/streamlit#7074,
#: open upstream). These two requests, and only they, are tolerated.
KNOWN_PROBE = re.compile(r"/[a-z_]+/_stcore/(health|host-config)$")
RESOURCE_404 = "Failed to load resource: the server responded with a status of 404 (Not Found)"


class PageWatcher:
    """Collects console errors, page errors, failed responses and requests to other hosts."""

    def __init__(self, page, app_url: str):
        self.console_errors: list[str] = []
        self.failed_responses: list[str] = []
        self.outside_requests: list[str] = []
        host = app_url.split("//", 1)[1]
        page.on(
            "console", lambda message: self.console_errors.append(message.text) if message.type == "error" else None
        )
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on(
            "response",
            lambda response: (
                self.failed_responses.append(f"{response.status} {response.url}") if response.status >= 400 else None
            ),
        )
        page.on(
            "request",
            lambda request: (
                self.outside_requests.append(request.url)
                if not request.url.startswith(("data:", "blob:")) and host not in request.url
                else None
            ),
        )

    def unexpected_failures(self) -> list[str]:
        return [r for r in self.failed_responses if not (r.startswith("404 ") and KNOWN_PROBE.search(r))]

    def unexpected_console_errors(self) -> list[str]:
        """Console errors other than the messages of the tolerated 404 probes."""
        tolerated = len(self.failed_responses) - len(self.unexpected_failures())
        errors = list(self.console_errors)
        for _ in range(tolerated):
            if RESOURCE_404 in errors:
                errors.remove(RESOURCE_404)
        return errors


@pytest.fixture()
def open_page(chromium, app_url):
    """open_page(path, viewport) -> (page, watcher), in a fresh browser context (a new session)."""
    contexts = []

    def _open(path: str, viewport: dict | None = None, analyst: bool = False):
        context = chromium.new_context(viewport=viewport or helpers.DESKTOP, accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        watcher = PageWatcher(page, app_url)
        if analyst:
            helpers.open_as_analyst(page, f"{app_url}/{path}", path.split("?")[0])
        else:
            page.goto(f"{app_url}/{path}")
            helpers.wait_for_app(page)
        return page, watcher

    yield _open
    for context in contexts:
        context.close()
