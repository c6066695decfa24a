"""The app's pages, listed once: the navigation (app.py), the tests and the benchmarks read this.

Each page is a script under ``pages/`` with its URL path, the catalog key of its title, its icon,
whether it exists only for a logged-in analyst, and whether it draws register numbers (the pages
the load and query benchmarks exercise)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    url_path: str
    title_key: str
    icon: str
    analyst_only: bool = False
    analysis: bool = False  # draws the register's numbers under the shared filters

    @property
    def script(self) -> str:
        return f"pages/{self.url_path}.py"


PAGES = (
    Page("ringkasan", "page_summary", ":material/dashboard:", analysis=True),
    Page("peta", "page_map", ":material/map:", analysis=True),
    Page("profil_wilayah", "page_profile", ":material/location_on:", analysis=True),
    Page("jenis_pelanggaran", "page_categories", ":material/category:", analysis=True),
    Page("sanksi", "page_sanctions", ":material/gavel:", analysis=True),
    Page("sosialisasi", "page_events", ":material/campaign:", analysis=True),
    Page("angka_resmi", "page_figures", ":material/fact_check:", analysis=True),
    Page("data_terbuka", "page_open_data", ":material/download:"),
    Page("paparan", "page_briefing", ":material/co_present:"),
    Page("kelola_data", "page_manage", ":material/upload_file:", analyst_only=True),
    Page("tentang_data", "page_about", ":material/info:"),
    Page("laporkan", "page_report", ":material/report:"),
)
DEFAULT = PAGES[0]


def visible_pages(analyst: bool) -> list[Page]:
    """The navigation's pages: analyst pages exist only for a logged-in analyst."""
    return [page for page in PAGES if analyst or not page.analyst_only]
