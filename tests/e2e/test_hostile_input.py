"""Hostile input through the product's doors: markup and script in imported titles and names,
in the login form and in URL parameters, and absurdly long values. Everything must show as
text, nothing may run, and no user sees a stack trace."""

from __future__ import annotations

import pytest

from analytics import demo
from analytics.ingest.__main__ import main as ingest_main
from tests.e2e import browser as helpers
from tests.e2e.test_public_privacy import _data_dir_env
from tests.ingest.samples import EVENT_HEADER, write_csv

SCRIPT = "<script>window.__pwned = 1</script>"
IMAGE = '<img src=x onerror="window.__pwned = 2">'
LINK = "[klik](javascript:window.__pwned=3)"
TITLE = f"Sosialisasi {SCRIPT} {IMAGE} {LINK} **tebal**"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("hostile_data")
    demo.ensure_demo(data_dir / "demo", cases=600)
    rows = [
        [
            "EVH1",
            "17 Agustus 2024",
            "Kab. Tabalong",
            "Sosialisasi",
            f"Panitia {IMAGE}",
            TITLE,
            f"Sumber {SCRIPT}",
            "javascript:window.__pwned=4",
            "12",
        ]
    ]
    with _data_dir_env(data_dir):
        assert ingest_main(["socialization_events", str(write_csv(data_dir / "events.csv", EVENT_HEADER, rows))]) == 0
    secrets = helpers.write_secrets(data_dir / "secrets.toml")
    with helpers.streamlit_server(data_dir, secrets_file=secrets) as url:
        yield url


def _visit(chromium, url: str):
    context = chromium.new_context(viewport=helpers.DESKTOP)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    helpers.wait_for_app(page)
    return context, page, dialogs


def _not_run(page, dialogs) -> None:
    assert page.evaluate("() => window.__pwned === undefined"), "injected script ran"
    assert not dialogs
    assert "Traceback" not in page.inner_text("body")


@pytest.mark.parametrize(
    "path", ["sosialisasi?pemilu=semua&kabkota=63.09", "profil_wilayah?pemilu=semua&kabkota=63.09"]
)
def test_markup_in_imported_titles_is_shown_as_text(hostile_url, chromium, path):
    context, page, dialogs = _visit(chromium, f"{hostile_url}/{path}")
    helpers.wait_for_maps(page)
    if path.startswith("profil_wilayah"):  # the events list is text (Sosialisasi's table is a canvas grid)
        assert "tebal" in page.inner_text("body")
    for link in page.locator("a[href^='javascript:']").all():
        pytest.fail(f"a javascript: link was rendered: {link.get_attribute('href')}")
    _not_run(page, dialogs)
    context.close()


def test_markup_and_long_text_in_the_login_form_say_nothing_and_run_nothing(hostile_url, chromium):
    context, page, dialogs = _visit(chromium, f"{hostile_url}/")
    page.get_by_text("Masuk analis").click()
    page.get_by_label("Nama pengguna").fill(SCRIPT + "x" * 200)  # longer than the field allows
    page.get_by_label("Kata sandi").fill(IMAGE * 20)
    page.get_by_role("button", name="Masuk", exact=True).click()
    helpers.wait_for_idle(page)
    text = page.inner_text("body")
    assert "Nama pengguna atau kata sandi salah" in text
    assert SCRIPT not in text and "onerror" not in text  # the input is not echoed
    _not_run(page, dialogs)
    context.close()


@pytest.mark.parametrize(
    "query",
    [
        "?pemilu=" + SCRIPT,
        "?provinsi=" + IMAGE,
        "?kabkota=" + "9" * 10_000,
        "?dari=2024-13-45&sampai=-1",
        "?kategori=" + LINK + "&jabatan=%00%ff&lang=xx",
    ],
)
def test_absurd_url_parameters_fall_back_to_defaults(hostile_url, chromium, query):
    context, page, dialogs = _visit(chromium, f"{hostile_url}/jenis_pelanggaran{query}")
    assert page.locator("h1").first.inner_text() == "Jenis pelanggaran"
    assert "script" not in page.url and "onerror" not in page.url and "99999" not in page.url
    _not_run(page, dialogs)
    context.close()
