"""Kelola data in the browser: a bad file is rejected with its report, a good one becomes a
version and the dashboard then shows the imported cases without the synthetic banner."""

from __future__ import annotations

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
    bad = write_csv(tmp_path / "kasus_salah.csv", CASE_HEADER,
                    [CASE_ROWS[0], CASE_ROWS[1][:3] + ["31/02/2024"] + CASE_ROWS[1][4:]])
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
    assert "kasus_salah.csv,3,Tanggal Laporan,31/02/2024" in report
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
