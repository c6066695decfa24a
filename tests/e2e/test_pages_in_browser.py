"""Every page in headless Chromium against `streamlit run app.py`: renders, offline, no console
errors, screenshots at desktop and phone width; the map click; a shared URL."""

from __future__ import annotations

import pytest

from tests.e2e import browser as helpers


@pytest.mark.parametrize("viewport_name", ["desktop", "phone"])
@pytest.mark.parametrize("page_name", helpers.PAGES)
def test_page_renders_offline_without_console_errors(open_page, screenshot_dir, page_name, viewport_name):
    viewport = helpers.DESKTOP if viewport_name == "desktop" else helpers.PHONE
    page, watcher = open_page(
        f"{helpers.page_path(page_name)}?pemilu=pilkada-2024", viewport, analyst=page_name in helpers.ANALYST_PAGES
    )
    page.wait_for_timeout(2000)
    helpers.wait_for_maps(page)
    page.screenshot(path=str(screenshot_dir / f"{page_name}-{viewport_name}.png"), full_page=True)
    assert page.locator("h1").first.inner_text().strip()
    assert not page.locator('[data-testid="stException"]').count(), "a Python exception is shown"
    assert watcher.unexpected_console_errors() == []
    assert watcher.unexpected_failures() == []
    assert watcher.outside_requests == []


def test_map_click_selects_a_regency_and_outlines_it(open_page):
    page, _ = open_page("peta?pemilu=pilkada-2024&provinsi=63")
    helpers.wait_for_maps(page)
    drawn = page.evaluate(
        f"() => Array.from(document.querySelectorAll('{helpers.MAP_REGION}')).map(p => p.__data__ && p.__data__.loc)"
    )
    assert {code for code in drawn if code} == {f"63.{n:02d}" for n in range(1, 12)} | {"63.71", "63.72"}
    x, y = helpers.region_centre(page, "63.09")  # Kabupaten Tabalong
    page.mouse.click(x, y)
    page.wait_for_function("() => window.location.search.includes('kabkota=63.09')", timeout=30_000)
    helpers.wait_for_app(page)
    helpers.wait_for_maps(page)
    assert "Tabalong" in page.inner_text("body")
    # the chosen regency is outlined: a region path drawn with a thick dark stroke
    outlined = page.evaluate(f"""() => Array.from(document.querySelectorAll('{helpers.MAP_REGION}'))
        .filter(p => parseFloat(getComputedStyle(p).strokeWidth) >= 2.5).map(p => p.__data__.loc)""")
    assert outlined == ["63.09"]


def test_a_shared_url_reopens_the_same_view(open_page):
    shared = "jenis_pelanggaran?pemilu=pilkada-2020&provinsi=64&kategori=kampanye_medsos"
    page, _ = open_page(shared)
    combobox = page.get_by_role("combobox")
    assert combobox.and_(page.get_by_label("Pemilu/Pilkada")).input_value() == "Pilkada Serentak 2020"
    assert combobox.and_(page.get_by_label("Provinsi")).input_value() == "Kalimantan Timur"
    assert combobox.and_(page.get_by_label("Jenis pelanggaran")).input_value().startswith("Sosialisasi/kampanye")
    assert "pemilu=pilkada-2020" in page.url and "provinsi=64" in page.url and "kategori=kampanye_medsos" in page.url
    assert page.locator("h1").first.inner_text().strip() == "Jenis pelanggaran"


def test_language_switch_keeps_the_filters(open_page):
    page, _ = open_page("?pemilu=pilkada-2020&provinsi=63")
    page.get_by_text("English", exact=True).click()
    page.wait_for_function("() => window.location.search.includes('lang=en')", timeout=30_000)
    helpers.wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == "Summary"
    assert "provinsi=63" in page.url and "pemilu=pilkada-2020" in page.url


def test_filters_follow_the_user_to_another_page(open_page):
    page, _ = open_page("?pemilu=pilkada-2020&provinsi=63")
    page.get_by_role("link", name="Sanksi & tindak lanjut").click()
    page.wait_for_url("**/sanksi**")
    helpers.wait_for_app(page)
    combobox = page.get_by_role("combobox")
    assert combobox.and_(page.get_by_label("Pemilu/Pilkada")).input_value() == "Pilkada Serentak 2020"
    assert combobox.and_(page.get_by_label("Provinsi")).input_value() == "Kalimantan Selatan"
    assert "pemilu=pilkada-2020" in page.url and "provinsi=63" in page.url


def test_presentation_view_steps_through_the_briefing(open_page, screenshot_dir):
    page, watcher = open_page("paparan?pemilu=pilkada-2024&provinsi=63", analyst=True)
    page.get_by_role("button", name="Mulai presentasi").click()
    page.get_by_text("1 / ").wait_for(timeout=60_000)
    helpers.wait_for_idle(page)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    page.get_by_role("button", name="Berikutnya").click()
    page.get_by_text("2 / ").wait_for(timeout=60_000)
    helpers.wait_for_idle(page)
    assert "Pokok-pokok" in page.inner_text("body")
    page.screenshot(path=str(screenshot_dir / "paparan-presentasi.png"))
    assert watcher.unexpected_console_errors() == []


@pytest.mark.parametrize("page_name", sorted(helpers.ANALYST_PAGES))
def test_analyst_pages_do_not_exist_for_the_public(open_page, page_name):
    page, _ = open_page(f"{page_name}?pemilu=pilkada-2024")
    # the address says in Bahasa that it is for analysts, and shows nothing of the page
    assert page.locator("h1").first.inner_text().strip() == "Khusus analis"
    assert "Page not found" not in page.inner_text("body")
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert all(title not in nav for title in helpers.ANALYST_PAGES.values())
    assert not page.get_by_text("Unggah berkas").count()


def test_a_wrong_password_says_nothing_about_which_part_was_wrong(open_page):
    page, _ = open_page("")
    page.get_by_text("Masuk analis").click()
    page.get_by_label("Nama pengguna").fill(helpers.ANALYST[0])
    page.get_by_label("Kata sandi").fill("salah")
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.get_by_text("Nama pengguna atau kata sandi salah.").wait_for(timeout=30_000)
    assert "Kelola data" not in page.locator('[data-testid="stSidebarNav"]').inner_text()


def test_pages_opened_at_once_on_a_fresh_server_each_get_the_frame(tmp_path, chromium):
    """Deep links opened together before any session went through app.py: every one of them
    must end up inside the frame (sidebar filters, navigation), not just the first."""
    from analytics import demo

    demo.ensure_demo(tmp_path / "demo", cases=300)
    names = ["peta", "sanksi", "jenis_pelanggaran", "sosialisasi", "profil_wilayah", "angka_resmi"]
    with helpers.streamlit_server(tmp_path) as url:
        contexts = [chromium.new_context(viewport=helpers.DESKTOP) for _ in names]
        pages = [context.new_page() for context in contexts]
        for page, name in zip(pages, names):
            page.goto(f"{url}/{name}?pemilu=pilkada-2024", wait_until="commit")
        for page in pages:
            helpers.wait_for_app(page)
            page.get_by_text("Pemilu/Pilkada").first.wait_for(timeout=30_000)
            assert page.locator('[data-testid="stSidebarNav"]').count() == 1
        for context in contexts:
            context.close()


@pytest.mark.parametrize("page_name", helpers.PAGES)
def test_at_phone_width_nothing_overflows_and_every_map_is_whole(open_page, page_name):
    """At 390 px the page does not scroll sideways, and every map draws all of its regions inside
    its own box (a fixed zoom cropped West Kalimantan at this width)."""
    page, _ = open_page(
        f"{helpers.page_path(page_name)}?pemilu=pilkada-2024", helpers.PHONE, analyst=page_name in helpers.ANALYST_PAGES
    )
    helpers.wait_for_maps(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= helpers.PHONE["width"]
    maps = page.evaluate(f"""() => Array.from(document.querySelectorAll('.js-plotly-plot'))
        .filter(plot => plot.querySelector('{helpers.MAP_REGION}'))
        .map(plot => {{
            const box = plot.getBoundingClientRect();
            const regions = Array.from(plot.querySelectorAll('{helpers.MAP_REGION}')).map(p => p.getBoundingClientRect())
                .filter(r => r.width > 0 && r.height > 0);
            return {{box: [box.left, box.top, box.right, box.bottom], regions: regions.length,
                     drawn: [Math.min(...regions.map(r => r.left)), Math.min(...regions.map(r => r.top)),
                             Math.max(...regions.map(r => r.right)), Math.max(...regions.map(r => r.bottom))]}};
        }})""")
    for found in maps:
        left, top, right, bottom = found["box"]
        drawn_left, drawn_top, drawn_right, drawn_bottom = found["drawn"]
        assert found["regions"] > 0
        assert left - 1 <= drawn_left and drawn_right <= right + 1, found
        assert top - 1 <= drawn_top and drawn_bottom <= bottom + 1, found


@pytest.mark.parametrize("address", ["halaman-yang-tidak-ada", "peta-lama?pemilu=pilkada-2024"])
def test_an_address_the_app_does_not_have_answers_in_bahasa(open_page, address):
    # Streamlit's own answer is an English "Page not found" dialog over the first page. (The very
    # first session after a server start still gets it: its frontend knows the app's pages only
    # from an earlier session.)
    open_page("")
    page, watcher = open_page(address)
    assert page.locator("h1").first.inner_text().strip() == "Halaman tidak ditemukan"
    assert "Page not found" not in page.inner_text("body")
    # the server answers an address it does not route with 404 (and the app's page): that is right
    assert [e for e in watcher.unexpected_console_errors() if "404" not in e] == []
