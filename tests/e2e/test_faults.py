"""Faults injected under a real server and browser: what the app does when its files are missing,
damaged or read-only, and when the server restarts under an open session. (A killed import is
tested at the process level in tests/ingest/test_crash_safety.py.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analytics import demo
from tests.e2e import browser as helpers
from tests.ingest.samples import CASE_HEADER, CASE_ROWS, write_csv

APP_FILES = ("app.py", "pages", "analytics", ".streamlit")


def _open(chromium, url: str, viewport=helpers.DESKTOP):
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(url)
    helpers.wait_for_app(page)
    return context, page


def _body(page) -> str:
    return page.inner_text("body")


@pytest.fixture()
def small_data(tmp_path) -> Path:
    data_dir = tmp_path / "data"
    demo.ensure_demo(data_dir / "demo", cases=600)
    return data_dir


def _app_copy(tmp_path: Path, shipped_layers: bool = True) -> Path:
    """A copy of the app with its curated data and no full-resolution boundary files anywhere it
    looks (as a fresh clone); without ``shipped_layers`` its committed map layers are gone too."""
    root = tmp_path / "app"
    root.mkdir()
    for name in APP_FILES:
        source = helpers.ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    shutil.copytree(
        helpers.ROOT / "data", root / "data", ignore=shutil.ignore_patterns("demo", "geo", "imports", "cache")
    )
    if not shipped_layers:
        shutil.rmtree(root / "analytics" / "geo_layers")
    return root


def test_without_boundary_files_beside_it_the_map_is_drawn_from_the_shipped_layers(tmp_path, small_data, chromium):
    root = _app_copy(tmp_path)
    assert not (root / "static").exists() and not (tmp_path / "shared").exists()  # nothing prepared, nothing beside
    with helpers.streamlit_server(small_data, root=root, env={"PANTAU_GEO_DIR": str(tmp_path / "nowhere")}) as url:
        context, page = _open(chromium, f"{url}/peta?pemilu=pilkada-2024")
        layers = []
        page.on("response", lambda r: layers.append(r.status) if "/app/static/geo/" in r.url else None)
        page.reload()
        helpers.wait_for_app(page)
        page.locator(helpers.MAP_REGION).first.wait_for(timeout=30_000)
        text = _body(page)
        assert "tidak dapat dibaca" not in text and "Traceback" not in text
        assert layers and set(layers) == {200}  # the browser got the boundaries
        context.close()


def test_without_any_boundary_layer_the_map_explains_without_paths_and_the_rest_works(tmp_path, small_data, chromium):
    root = _app_copy(tmp_path, shipped_layers=False)
    with helpers.streamlit_server(small_data, root=root, env={"PANTAU_GEO_DIR": str(tmp_path / "nowhere")}) as url:
        context, page = _open(chromium, f"{url}/peta?pemilu=pilkada-2024")
        text = _body(page)
        assert "lapisan batas wilayah tidak dapat dibaca" in text
        assert "PANTAU_GEO_DIR" not in text and str(tmp_path) not in text and "geo_layers" not in text
        assert "Peringkat wilayah" in text  # the ranking still works
        assert "Traceback" not in text
        page.goto(f"{url}/?pemilu=pilkada-2024")
        helpers.wait_for_app(page)
        assert page.locator('[data-testid="stMetric"]').count() >= 6
        context.close()
    log = (small_data / "streamlit-{}.log".format(url.rsplit(":", 1)[1])).read_text(encoding="utf-8")
    assert "PANTAU_GEO_DIR" in log and str(root / "analytics" / "geo_layers") in log  # the detail went to the log


def test_a_damaged_register_file_keeps_the_last_good_version_and_says_what_is_wrong(small_data, chromium):
    with helpers.streamlit_server(small_data) as url:
        context, page = _open(chromium, f"{url}/?pemilu=pilkada-2024")
        reported = page.locator('[data-testid="stMetricValue"]').first.inner_text()
        damaged = small_data / "demo" / demo.FILES["violation_cases"]
        damaged.write_bytes(b"PAR1 not really parquet" * 64)
        page.wait_for_timeout(1500)  # the sources are looked at once a second
        page.reload()
        helpers.wait_for_app(page)
        text = _body(page)
        assert "Data terbaru tidak dapat dibaca" in text and "violation_cases" in text
        assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == reported
        assert "Traceback" not in text
        context.close()


def test_the_server_restarted_under_an_open_session_reconnects_to_the_same_view(small_data, chromium):
    port = helpers.free_port()
    with helpers.streamlit_server(small_data, port=port) as url:
        context, page = _open(chromium, f"{url}/peta?pemilu=pilkada-2020&provinsi=63")
        before = page.locator('[data-testid="stMetricValue"], h1').first.inner_text()
    # the server is gone; the open page waits and reconnects when it is back
    with helpers.streamlit_server(small_data, port=port):
        page.wait_for_function("() => !document.body.innerText.includes('Connecting')", timeout=60_000)
        helpers.wait_for_app(page)
        assert page.locator("h1").first.inner_text() == before
        assert "pemilu=pilkada-2020" in page.url and "provinsi=63" in page.url
        assert "Traceback" not in _body(page)
        context.close()


def _read_only(path: Path):
    """Bind-mount ``path`` read-only over itself (root only); returns an undo, or None."""
    done = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
    if done.returncode != 0:
        return None
    subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True)
    return lambda: subprocess.run(["umount", str(path)], check=True)


def test_a_read_only_data_directory_is_served_and_an_import_says_why_it_cannot(tmp_path, small_data, chromium):
    undo = _read_only(small_data)
    if undo is None:
        pytest.skip("bind mounts need root; the read-only data directory was not tested here")
    try:
        with helpers.streamlit_server(small_data, log_dir=tmp_path) as url:
            context, page = _open(chromium, f"{url}/?pemilu=pilkada-2024")
            page.locator('[data-testid="stMetric"]').nth(5).wait_for(timeout=60_000)  # in-memory: slower
            assert page.locator('[data-testid="stMetric"]').count() >= 6
            assert "Traceback" not in _body(page)
            context.close()
        sample = write_csv(tmp_path / "kasus.csv", CASE_HEADER, CASE_ROWS)  # a valid file
        done = subprocess.run(
            [sys.executable, "-m", "analytics.ingest", "violation_cases", str(sample)],
            cwd=helpers.ROOT,
            env=helpers.os.environ | {"PANTAU_DATA_DIR": str(small_data)},
            capture_output=True,
            text=True,
        )
        assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
        assert "tidak dapat ditulis" in done.stderr
    finally:
        undo()
