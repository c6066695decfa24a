"""Kelola data in the browser: a bad file is rejected with its report, a good one becomes a
version and the dashboard then shows the imported cases without the synthetic banner."""

from __future__ import annotations

import csv
import io

import pytest

from analytics import demo
from tests.e2e import browser as helpers
from tests.ingest.samples import CASE_HEADER, CASE_ROWS, write_csv


@pytest.fixture(scope="module")
def import_app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("import_e2e")
    demo.ensure_demo(data_dir / "demo", cases=500)
    secrets = helpers.write_secrets(data_dir / "secrets.toml")
    with helpers.streamlit_server(data_dir, secrets_file=secrets) as url:
        yield url


def test_import_page_rejects_a_bad_file_then_accepts_a_good_one(chromium, import_app, tmp_path, screenshot_dir):
    bad = write_csv(
        tmp_path / "kasus_salah.csv", CASE_HEADER, [CASE_ROWS[0], CASE_ROWS[1][:3] + ["31/02/2024"] + CASE_ROWS[1][4:]]
    )
    good = write_csv(tmp_path / "kasus.csv", CASE_HEADER, CASE_ROWS)
    context = chromium.new_context(viewport=helpers.DESKTOP, accept_downloads=True)
    page = context.new_page()
    helpers.open_as_analyst(page, f"{import_app}/kelola_data", "kelola_data")
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')

    uploader.set_input_files(str(bad))
    page.get_by_text("Ditolak: 1 masalah").wait_for(timeout=30_000)
    # the report table is drawn on a canvas; its downloadable CSV carries the same rows
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh laporan (CSV)").click()
    report = download.value.path().read_text(encoding="utf-8-sig")
    assert report.splitlines()[0] == "berkas,baris,kolom,nilai_ditemukan,diharapkan,pesan"
    rows = list(csv.reader(io.StringIO(report)))
    assert ["kasus_salah.csv", "3", "Tanggal Laporan", "31/02/2024"] in [row[:4] for row in rows]
    assert "Tanggal tidak ada di kalender." in report
    page.screenshot(path=str(screenshot_dir / "kelola_data-rejected.png"), full_page=True)

    uploader.set_input_files(str(good))
    page.get_by_text("Lolos pemeriksaan: 5 baris").wait_for(timeout=30_000)
    page.get_by_role("button", name="Simpan sebagai versi baru").click()
    page.get_by_text("Dasbor memakai data impor versi v0001.").wait_for(timeout=30_000)
    page.screenshot(path=str(screenshot_dir / "kelola_data-accepted.png"), full_page=True)

    page.get_by_role("link", name="Ringkasan").click()
    page.wait_for_url(f"{import_app}/?**")
    helpers.wait_for_app(page)
    body = page.inner_text("body")
    assert "Data contoh (sintetis)" not in body
    assert "Register kasus yang diimpor lembaga (versi v0001)" in body
    context.close()


@pytest.fixture(scope="module")
def limited_app(tmp_path_factory):
    """A server whose upload checks may use 200 MB: a large file then exceeds it in the child."""
    data_dir = tmp_path_factory.mktemp("import_limit_e2e")
    demo.ensure_demo(data_dir / "demo", cases=300)
    secrets = helpers.write_secrets(data_dir / "secrets.toml")
    with helpers.streamlit_server(data_dir, secrets_file=secrets, env={"PANTAU_IMPORT_MEMORY_MB": "200"}) as url:
        yield url


def test_an_upload_past_its_memory_limit_is_stopped_while_the_public_site_keeps_serving(
    chromium, limited_app, tmp_path
):
    """The upload is checked in a child process: while it runs a public page loads, and past the
    limit the steward reads which limit was reached."""
    rows = [[f"K-{i:07d}", *row[1:]] for i in range(120_000) for row in CASE_ROWS[:1]]
    big = write_csv(tmp_path / "kasus_besar.csv", CASE_HEADER, rows)
    analyst = chromium.new_context(viewport=helpers.DESKTOP)
    page = analyst.new_page()
    helpers.open_as_analyst(page, f"{limited_app}/kelola_data", "kelola_data")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(big))
    visitor = chromium.new_context(viewport=helpers.PHONE).new_page()
    visitor.goto(f"{limited_app}/?pemilu=pilkada-2024")
    helpers.wait_for_app(visitor, timeout_ms=60_000)
    assert "Ringkasan" in visitor.inner_text("h1")
    page.get_by_text("Ditolak: 1 masalah").wait_for(timeout=120_000)
    # the report table is a canvas grid; its cells' text is in the page for assistive technology
    assert "200 MB memori" in page.locator('[data-testid="glide-cell-1-0"]').text_content()
    analyst.close()


def test_a_steward_teaches_a_column_and_a_word_and_the_file_then_passes(chromium, import_app, tmp_path):
    from tests.ingest.test_learned import HEADER, ROW

    path = write_csv(tmp_path / "acara_kantor.csv", HEADER, [ROW])
    context = chromium.new_context(viewport=helpers.DESKTOP)
    page = context.new_page()
    helpers.open_as_analyst(page, f"{import_app}/kelola_data", "kelola_data")
    # the second "Tabel" (the first belongs to the blank templates)
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Tabel").nth(1).locator("input").click()
    page.keyboard.type("socialization_events")
    page.keyboard.press("Enter")
    helpers.wait_for_idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.get_by_text("Ajari pemeriksa istilah kantor Anda").wait_for(timeout=60_000)

    def choose(label: str, option: str) -> None:
        # type to filter the options (a long list is drawn only in part), then take the match
        page.locator('[data-testid="stSelectbox"]').filter(has_text=label).locator("input").click()
        page.keyboard.type(option)
        page.keyboard.press("Enter")
        helpers.wait_for_idle(page)

    for label, option in (("Kolom 'Bentuk Acara' berisi", "event_type"), ("Kolom 'Nama Acara' berisi", "title")):
        choose(label, option)
    page.get_by_role("button", name="Ingat dan periksa lagi").click()
    # the file is checked again with the columns taught: now only the word is unknown
    page.get_by_text("'Apel kesetiaan' di event_type berarti").wait_for(timeout=60_000)
    choose("'Apel kesetiaan' di event_type berarti", "ikrar_pakta")
    page.get_by_role("button", name="Ingat dan periksa lagi").click()
    page.get_by_text("Lolos pemeriksaan: 1 baris").wait_for(timeout=60_000)
    context.close()
