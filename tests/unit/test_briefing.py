"""The briefing: every number in it comes from the queries; the decks open and render."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from analytics.briefing import content, decks


def test_briefing_numbers_are_the_query_results(cur):
    briefing = content.build(cur, "pilkada-2024", "63")
    assert briefing.title == "Netralitas ASN: Pilkada 2024, Kalimantan Selatan"
    assert briefing.synthetic is True
    headline = briefing.slides[0]
    # fixture: in Kalimantan Selatan, C1, C2 (Tabalong) and C3 (Banjarmasin) are pilkada-2024 cases
    assert headline.lines[0].startswith("Dilaporkan: 3 ")
    assert headline.lines[1].startswith("Terbukti: 2 ")
    narrative = " ".join(briefing.slides[1].lines)
    assert "tercatat 3 kasus dilaporkan; 2 terbukti" in narrative
    assert "Kabupaten Tabalong: 2 kasus (66,7% dari seluruh laporan)" in narrative
    assert "PPK telah menindaklanjuti 1 dari 2 rekomendasi (50,0%)" in narrative
    assert set(briefing.slides[1].numbers["measure"]) >= {"reported", "proven", "followed_up"}
    assert all(slide.source for slide in briefing.slides)


def test_briefing_of_a_cycle_without_cases(cur):
    briefing = content.build(cur, "pilkada-2020", "64")
    assert "Tidak ada kasus tercatat" in briefing.slides[1].lines[0]
    assert not any(slide.figure is not None for slide in briefing.slides)


def test_unknown_election_is_refused(cur):
    with pytest.raises(ValueError):
        content.build(cur, "pemilu-2099")


@pytest.fixture(scope="module")
def rendered(fixture_con, tmp_path_factory):
    out = tmp_path_factory.mktemp("briefing")
    with fixture_con.cursor() as cur:
        briefing = content.build(cur, "pilkada-2024")
    decks.render_pptx(briefing, out / "b.pptx")
    decks.render_pdf(briefing, out / "b.pdf")
    return briefing, out


def test_pptx_opens_with_python_pptx(rendered):
    from pptx import Presentation

    briefing, out = rendered
    deck = Presentation(out / "b.pptx")
    assert len(deck.slides) == len(briefing.slides) + 1
    texts = ["\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame) for slide in deck.slides]
    assert briefing.title in texts[0] and "DATA CONTOH SINTETIS" in texts[0]
    assert all("Sumber:" in text for text in texts[1:])
    pictures = sum(1 for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13)
    assert pictures == sum(1 for slide in briefing.slides if slide.figure is not None)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_pdf_renders_with_pdftoppm(rendered):
    briefing, out = rendered
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out / "b.pdf"), str(out / "page")], check=True, timeout=120)
    pages = sorted(out.glob("page-*.png"))
    assert len(pages) == len(briefing.slides) + 1
    assert all(page.stat().st_size > 2000 for page in pages)
