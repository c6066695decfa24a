"""The briefing: its numbers are the query results (counted again by hand on the fixture), it tells
a story in takeaways, the analyst deck is marked restricted and the public one protected, every
text fits its box in every province and both languages, and the decks open and render."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from analytics import release
from analytics.briefing import content, decks, fit

PUBLIC = release.Audience.for_public(5)


def test_the_tiles_are_the_register_counted_by_hand(cur):
    briefing = content.build(cur, "pilkada-2024", "63")
    assert briefing.title == "Netralitas ASN: Pilkada 2024, Kalimantan Selatan"
    assert briefing.synthetic is True
    # fixture: in Kalimantan Selatan, C1, C2 (Tabalong) and C3 (Banjarmasin) are pilkada-2024 cases;
    # C1 and C2 proven, both recommended, C1 followed up
    tiles = {tile.label: tile.value for slide in briefing.slides for tile in slide.tiles}
    assert tiles["Dilaporkan"] == "3" and tiles["Terbukti"] == "2"
    assert tiles["Direkomendasikan"] == "2" and tiles["Ditindaklanjuti PPK"] == "1"
    assert tiles["Tingkat tindak lanjut"] == "50,0%"
    assert all(slide.source for slide in briefing.slides)


def test_the_first_slide_is_three_to_five_takeaways_each_backed_by_its_numbers(demo_cur):
    briefing = content.build(demo_cur, "pilkada-2024", "64")
    takeaways = briefing.slides[0]
    assert takeaways.title == "Pokok-pokok" and 3 <= len(takeaways.lines) <= 5
    text = " ".join(takeaways.lines)
    assert "pada umur yang sama" in text  # the fair comparison, named
    assert "poin" in text  # a rate's change in points
    assert "per 1.000 ASN" in text and "kegiatan pencegahan" in text
    numbers = takeaways.numbers
    assert set(numbers["takeaway"]) == set(range(1, len(takeaways.lines) + 1))
    # the count in the first sentence is the headline query's, and the tile's
    headline = release.fetch(
        demo_cur, "headline_numbers", content.Filters(election_id="pilkada-2024", province_code="64")
    ).iloc[0]
    reported = numbers.loc[numbers["measure"] == "reported", "value"].iloc[0]
    assert reported == headline["reported"]
    assert takeaways.lines[0].startswith(f"{int(headline['reported'])} kasus dilaporkan")


def test_the_stall_takeaway_is_the_backlog_counted_again(demo_cur):
    briefing = content.build(demo_cur, "pilkada-2024")
    backlog = release.fetch(
        demo_cur, "backlog_by_age", content.Filters(election_id="pilkada-2024"), as_of=briefing.as_of
    )
    per_stage = backlog.groupby("open_stage")["cases"].sum()
    stage = per_stage.idxmax()
    old = int(backlog[(backlog["open_stage"] == stage) & (backlog["band_order"] >= 4)]["cases"].sum())
    stall = next(line for line in briefing.slides[0].lines if line.startswith("Rantai paling tersendat"))
    assert f"{int(per_stage[stage])} kasus terbuka" in stall
    assert (f"{old} di antaranya" in stall) if old else ("belum ada yang" in stall)


def test_a_cycle_without_cases_says_so(cur):
    briefing = content.build(cur, "pilkada-2020", "64")
    assert "Tidak ada kasus tercatat" in briefing.slides[0].lines[0]
    assert not any(slide.figure is not None for slide in briefing.slides)


def test_unknown_election_is_refused(cur):
    with pytest.raises(ValueError):
        content.build(cur, "pemilu-2099")


def test_the_public_briefing_never_carries_a_small_count(demo_cur):
    briefing = content.build(demo_cur, "pilkada-2024", "64", audience=PUBLIC)
    assert briefing.public and "TERBATAS" not in briefing.audience_mark
    for slide in briefing.slides:
        for tile in slide.tiles:
            assert not re.fullmatch(r"[1-4]", tile.value), (slide.title, tile)
        for line in slide.lines:
            assert not re.search(r"(?<![\d.,])[1-4] kasus", line), line
    analyst = content.build(demo_cur, "pilkada-2024", "64")
    assert analyst.audience_mark == "TERBATAS – untuk keperluan internal"


def test_events_are_named_in_the_decks_language_without_cutting(demo_cur):
    for lang in ("id", "en"):
        events = content.build(demo_cur, "pilkada-2024", lang=lang).slides[-2]
        assert not any("…" in line for line in events.lines)
        assert not any("(" in line.split(" · ")[-1] for line in events.lines[1:])  # curator's notes left out
    english = " ".join(content.build(demo_cur, "pilkada-2024", lang="id").slides[-2].lines)
    assert " opened by " not in english


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_text_fits_its_box_in_every_province_and_kalimantan(demo_cur, lang):
    too_big = []
    for province in (None, "61", "62", "63", "64", "65"):
        for audience in (release.ANALYST, PUBLIC):
            briefing = content.build(demo_cur, "pilkada-2024", province, lang, audience)
            for number, page in enumerate(decks.plan(briefing), start=1):
                for box in page.boxes:
                    if not box.fits:
                        too_big.append(f"{province} {lang} slide {number}: {box.paragraphs[0][:60]}")
    assert too_big == []


@pytest.fixture(scope="module")
def rendered(demo_con, tmp_path_factory):
    out = tmp_path_factory.mktemp("briefing")
    with demo_con.cursor() as cur:
        briefing = content.build(cur, "pilkada-2024", "64")
    decks.render_pptx(briefing, out / "b.pptx")
    decks.render_pdf(briefing, out / "b.pdf")
    return briefing, out


def test_pptx_opens_and_every_slide_is_marked_and_sourced(rendered):
    from pptx import Presentation

    briefing, out = rendered
    deck = Presentation(out / "b.pptx")
    assert len(deck.slides) == len(briefing.slides) + 1
    assert deck.core_properties.title == briefing.title and deck.core_properties.author == "Pantau Netralitas ASN"
    texts = [
        "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame) for slide in deck.slides
    ]
    assert briefing.title in texts[0] and "DATA CONTOH SINTETIS" in texts[0]
    assert all("TERBATAS – untuk keperluan internal" in text for text in texts)
    pictures = sum(1 for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13)
    charts = [slide for slide in briefing.slides if slide.figure is not None]
    assert pictures == len(charts)
    # a text slide names its source in its footer; a chart's image carries its own (export context)
    assert all("Sumber:" in text for text, slide in zip(texts[1:], briefing.slides) if slide.figure is None)


def test_every_text_frame_of_the_saved_deck_fits_its_shape(rendered):
    """Measured on the saved PPTX: each frame's text, wrapped at its shape's width with the deck's
    face at the frame's size, stays inside the shape's height."""
    from pptx import Presentation

    _, out = rendered
    for number, slide in enumerate(Presentation(out / "b.pptx").slides, start=1):
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            paragraphs = [p for p in shape.text_frame.paragraphs if p.text]
            size = paragraphs[0].font.size.pt
            bold = bool(paragraphs[0].font.bold)
            assert fit.fits([p.text for p in paragraphs], size, shape.width / 12700, shape.height / 12700, bold), (
                number,
                shape.text_frame.text[:60],
                size,
            )


def test_the_chart_images_carry_their_context():
    from analytics.briefing.content import Briefing, Slide
    from analytics.charts.spec import FigureSpec

    slide = Slide(
        "Q",
        figure=FigureSpec([{"type": "bar", "x": [1], "y": [2]}], {"title": {"text": "Berapa?"}}),
        source="Register kasus demo sintetis",
    )
    briefing = Briefing("T", "Pilkada 2024 · Kalimantan Timur", None, True, [slide])
    context = decks._export_context(briefing, slide)
    assert "TERBATAS" in context.scope and context.synthetic and context.source == slide.source


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_pdf_renders_with_pdftoppm_and_has_its_metadata(rendered):
    briefing, out = rendered
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out / "b.pdf"), str(out / "page")], check=True, timeout=120)
    pages = sorted(out.glob("page-*.png"))
    assert len(pages) == len(briefing.slides) + 1
    assert all(page.stat().st_size > 2000 for page in pages)
    info = subprocess.run(["pdfinfo", str(out / "b.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Netralitas ASN: Pilkada Serentak 2024, Kalimantan Timur$", info, re.M)
    assert re.search(r"^Author:\s+Pantau Netralitas ASN$", info, re.M)


def test_the_readme_command_works_before_the_app_has_ever_run(tmp_path):
    """A fresh clone: curated data, no demo register, no cache. The command builds the register
    first, as the app does on its first visit, and writes the deck."""
    import os
    import sys
    from pathlib import Path

    data = tmp_path / "data"
    shutil.copytree(
        Path(__file__).resolve().parents[2] / "data",
        data,
        ignore=shutil.ignore_patterns("demo", "cache", "imports*", "versions*"),
    )
    assert not (data / "demo").exists()
    out = tmp_path / "paparan.pptx"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analytics.briefing",
            "--election",
            "pilkada-2024",
            "--province",
            "64",
            "--format",
            "pptx",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PANTAU_DATA_DIR": str(data)},
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and out.stat().st_size > 50_000
