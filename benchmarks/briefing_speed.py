"""How long a briefing deck takes: for Kalimantan Timur and Kalimantan as a whole, the content
(queries and sentences), the chart images (once per deck, in one Chromium), then the PPTX and the
PDF from them, and each format alone as the command line makes it (content + images + file).
Beside it, the baseline: the same images with a fresh Chromium per chart (kaleido without its
shared browser), as a deck was rendered before.

    python -m benchmarks.briefing_speed [--province 64] [--lang id] [--no-baseline]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from analytics import db, demo, release, settings
from analytics.briefing import content, decks


def _seconds(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def one_deck(cur, election: str, province: str | None, lang: str, folder: Path, baseline: bool) -> dict[str, float]:
    row: dict[str, float] = {}
    row["content"], briefing = _seconds(lambda: content.build(cur, election, province, lang, release.ANALYST))
    row["images"], _ = _seconds(lambda: decks.chart_images(briefing))
    row["pptx_after_images"], _ = _seconds(lambda: decks.render_pptx(briefing, folder / "deck.pptx"))
    row["pdf_after_images"], _ = _seconds(lambda: decks.render_pdf(briefing, folder / "deck.pdf"))
    for kind, render in (("pptx", decks.render_pptx), ("pdf", decks.render_pdf)):
        fresh = content.build(cur, election, province, lang, release.ANALYST)
        row[f"{kind}_alone"], _ = _seconds(
            lambda render=render, fresh=fresh, kind=kind: render(fresh, folder / f"alone.{kind}")
        )
        row[f"{kind}_alone"] += row["content"]
    if baseline:
        fresh = content.build(cur, election, province, lang, release.ANALYST)
        pages = decks.plan(fresh)
        places = {p.index: p for page in pages for p in page.pictures}
        decks.fonts.make_visible_to_chromium()

        def one_browser_per_chart():
            return [decks.chart_png(fresh, fresh.slides[i], decks._pixels(place)) for i, place in places.items()]

        row["baseline_images"], _ = _seconds(one_browser_per_chart)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.briefing_speed")
    parser.add_argument("--election", default="pilkada-2024")
    parser.add_argument("--province", action="append", help="province code (repeatable); default: 64 and Kalimantan")
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv)
    demo.ensure_demo(settings.demo_dir(settings.data_dir()))
    con = db.connect(db.resolve_sources())
    provinces = args.province or ["64", None]
    print(
        f"{'area':<12} {'content':>8} {'images':>8} {'pptx':>8} {'pdf':>8} {'pptx alone':>11} {'pdf alone':>10}"
        f" {'baseline images':>16}"
    )
    with con.cursor() as cur, tempfile.TemporaryDirectory() as folder:
        for province in provinces:
            row = one_deck(cur, args.election, province, args.lang, Path(folder), not args.no_baseline)
            base = f"{row['baseline_images']:>15.2f}s" if "baseline_images" in row else f"{'–':>16}"
            print(
                f"{province or 'Kalimantan':<12} {row['content']:>7.2f}s {row['images']:>7.2f}s "
                f"{row['pptx_after_images']:>7.2f}s {row['pdf_after_images']:>7.2f}s {row['pptx_alone']:>10.2f}s "
                f"{row['pdf_alone']:>9.2f}s {base}"
            )
    con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
