"""The public view shows no person: an organisation imports cases that carry names and NIPs,
then every public page is opened in Chromium (with ordinary and hostile URL parameters) and
everything the browser receives is searched: the page text, every websocket message from the
server (chart specs with their tooltips, tables, error messages), every CSV download and the
address bar. None of the names or numbers may appear, and no downloaded case count is 0 to 4."""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from analytics import demo
from analytics.ingest.__main__ import main as ingest_main
from tests.e2e import browser as helpers

PUBLIC_PAGES = [name for name in helpers.PAGES if name not in helpers.ANALYST_PAGES]
QUERIES = [
    "?pemilu=pilkada-2024",
    "?pemilu=pilkada-2020&provinsi=63",
    "?pemilu=pilkada-2024&kabkota=63.09",
]
#: Count columns of register downloads; reference data (published figures, documented events) is public.
COUNT_COLUMNS = {
    "reported",
    "registered",
    "proven",
    "recommended",
    "followed_up",
    "sanctioned",
    "open_cases",
    "refused",
    "pending",
    "cases",
    "within_service_level",
    "before",
    "after",
    "imposed",
    "previous_reported",
}
MEDIA_URL = re.compile(rb"/media/[0-9a-f]+\.(?:csv|zip)")


def _name(index: int) -> str:
    return f"Nama Rahasia {index:04d}"


def _nip(index: int) -> str:
    return f"{197001012000000000 + index * 7919:018d}"


@contextmanager
def _data_dir_env(path: Path):
    before = os.environ.get("PANTAU_DATA_DIR")
    os.environ["PANTAU_DATA_DIR"] = str(path)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PANTAU_DATA_DIR", None)
        else:
            os.environ["PANTAU_DATA_DIR"] = before


@pytest.fixture(scope="module")
def imported_register(tmp_path_factory):
    """A data directory whose register was imported by an organisation, with a name and a NIP
    on every case; returns (data_dir, names, nips)."""
    data_dir = tmp_path_factory.mktemp("privacy_data")
    source = tmp_path_factory.mktemp("privacy_source")
    demo.ensure_demo(source / "demo", cases=1500)
    cases = pd.read_parquet(source / "demo" / demo.FILES["violation_cases"]).drop(columns="is_synthetic")
    cases["asn_name"] = [_name(i) for i in range(len(cases))]
    cases["nip"] = [_nip(i) for i in range(len(cases))]
    sanctions = pd.read_parquet(source / "demo" / demo.FILES["sanctions"]).drop(columns="is_synthetic")
    cases.to_csv(source / "kasus.csv", index=False)
    sanctions.to_csv(source / "sanksi.csv", index=False)
    demo.ensure_demo(data_dir / "demo", cases=300)
    with _data_dir_env(data_dir):
        assert ingest_main(["violation_cases", str(source / "kasus.csv"), "--who", "uji"]) == 0
        assert ingest_main(["sanctions", str(source / "sanksi.csv"), "--who", "uji"]) == 0
    return data_dir, [_name(i) for i in range(len(cases))], [_nip(i) for i in range(len(cases))]


@pytest.fixture(scope="module")
def public_url(imported_register):
    data_dir, _, _ = imported_register
    with helpers.streamlit_server(data_dir) as url:
        yield url


class Received:
    """Everything the server sends to one page: websocket messages and CSV downloads."""

    def __init__(self, page):
        self.frames: list[bytes] = []
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.webSocketFrameReceived", self._frame)

    def _frame(self, event) -> None:
        response = event["response"]
        payload = response["payloadData"]
        self.frames.append(base64.b64decode(payload) if response.get("opcode") == 2 else payload.encode())

    def media_urls(self, since: int = 0) -> set[str]:
        return {match.decode() for frame in self.frames[since:] for match in MEDIA_URL.findall(frame)}


def _walk(page, received: Received, url: str) -> tuple[bytes, list[tuple[str, pd.DataFrame]], list[str]]:
    """Open ``url``; return everything received as bytes (a deck's slides as their text), the CSV
    downloads it offers and the names of every file downloaded (each download button but PNG
    clicked, as a visitor would: the files are made on the click)."""
    first_frame = len(received.frames)
    page.goto(url)
    helpers.wait_for_app(page)
    helpers.wait_for_maps(page)
    files: dict[str, bytes] = {}
    sent_with_page = received.media_urls(since=first_frame)  # before the clicks: a clicked file is served once
    buttons = page.locator('[data-testid="stDownloadButton"] button').filter(has_not_text="PNG")
    _settle(page, buttons)
    for index in range(buttons.count()):
        download = _download(page, buttons.nth(index))
        files[download.suggested_filename] = Path(download.path()).read_bytes()
    for media in sorted(sent_with_page):
        response = page.request.get(_origin(url) + media)
        assert response.ok, media
        files[media] = response.body()
    downloads = []
    blob = [page.inner_text("body").encode(), page.url.encode()]
    for name, body in files.items():
        contents = {name: body}
        if name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                contents = {f"{name}:{inner}": archive.read(inner) for inner in archive.namelist()}
        if name.endswith(".pptx"):  # a deck's text is compressed XML: searched as its slides' text
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                contents = {
                    f"{name}:{inner}": archive.read(inner)
                    for inner in archive.namelist()
                    if inner.startswith("ppt/slides/")
                }
        elif name.endswith(".pdf"):
            contents = {
                name: subprocess.run(["pdftotext", "-", "-"], input=body, capture_output=True, check=True).stdout
            }
        for inner, content in contents.items():
            blob.append(content)
            if inner.endswith(".csv"):
                downloads.append((inner, pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")))
    blob.extend(received.frames)
    return b"\n".join(blob), downloads, list(files)


def _settle(page, locator, quiet_ms: int = 1500, limit_ms: int = 20_000) -> None:
    """Wait until the number of ``locator`` matches stops changing (a busy machine draws late)."""
    count, waited = locator.count(), 0
    while waited < limit_ms:
        page.wait_for_timeout(quiet_ms)
        waited += quiet_ms
        now = locator.count()
        if now == count and (now or waited >= 3 * quiet_ms):
            return
        count = now


def _download(page, button):
    """The file a click on ``button`` downloads. A click that brings nothing within 30 s (a busy
    machine) is made once more, as a visitor would, before the test fails."""
    for attempt in (1, 2):
        try:
            with page.expect_download(timeout=30_000) as download:
                button.click()
            return download.value
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def _origin(url: str) -> str:
    return "/".join(url.split("/")[:3])


def _secrets_found(blob: bytes, names: list[str], nips: list[str]) -> list[str]:
    text = blob.decode("utf-8", errors="ignore")
    found = [value for value in nips if value in text]
    found += [value for value in names if value in text]
    if "Nama Rahasia" in text:
        found.append("Nama Rahasia")
    return found


def _small_counts(downloads: list[tuple[str, pd.DataFrame]]) -> list[str]:
    problems = []
    for media, frame in downloads:
        for column in COUNT_COLUMNS & set(frame.columns):
            values = pd.to_numeric(frame[column], errors="coerce")
            # none of 1-4, and no 0 either: "none" must read like "a few" ("< 5", empty in a CSV)
            if values.between(0, 4).any():
                problems.append(f"{media}: {column} = {values[values.between(0, 4)].tolist()}")
    return problems


@pytest.mark.parametrize("page_name", PUBLIC_PAGES)
def test_no_name_or_nip_reaches_the_public(public_url, imported_register, chromium, page_name):
    _, names, nips = imported_register
    context = chromium.new_context(viewport=helpers.DESKTOP, accept_downloads=True)
    page = context.new_page()
    received = Received(page)
    csv_count = deck_count = 0
    for query in QUERIES:
        blob, downloads, downloaded = _walk(page, received, f"{public_url}/{helpers.page_path(page_name)}{query}")
        csv_count += len(downloads)
        deck_count += sum(1 for name in downloaded if name.endswith((".pptx", ".pdf")))
        assert received.frames and b"Kalimantan" in blob, "nothing was captured to search"
        assert not _secrets_found(blob, names, nips), (page_name, query)
        assert not _small_counts(downloads), (page_name, query, _small_counts(downloads))
        assert "Traceback" not in page.inner_text("body")
    context.close()
    if page_name == "paparan":  # the public deck, both formats
        assert deck_count == 2 * len(QUERIES), f"{page_name} offered {deck_count} decks to check"
    elif page_name not in ("tentang_data", "laporkan"):  # the catalog page and the report channels hold no numbers
        assert csv_count > 0, f"{page_name} offered no CSV download to check"


HOSTILE = [
    "?pemilu={nip}&provinsi={name}",
    "?kabkota={nip}&kategori=<script>alert(1)</script>",
    "?pemilu=pilkada-2024&jabatan=' OR 1=1 --&tingkat={name}",
    "?dari=9999-99-99&sampai={nip}&lang={name}",
    "?pemilu=" + "x" * 5000,
]


@pytest.mark.parametrize("template", HOSTILE)
def test_hostile_url_parameters_are_neither_echoed_nor_kept(public_url, imported_register, chromium, template):
    _, names, nips = imported_register
    context = chromium.new_context(viewport=helpers.DESKTOP)
    page = context.new_page()
    received = Received(page)
    query = template.format(nip=nips[0], name=names[0].replace(" ", "+"))
    blob, _, _ = _walk(page, received, f"{public_url}/peta{query}")
    assert not _secrets_found(blob, names, nips)
    assert nips[0] not in page.url and "Rahasia" not in page.url and "script" not in page.url
    assert "Traceback" not in page.inner_text("body")
    assert page.locator("h1").first.inner_text()  # the page still renders
    context.close()
