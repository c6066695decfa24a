"""python -m analytics.briefing --election ID [--province CODE] [--audience analyst|public]
[--format pptx|pdf] --out FILE [--lang id|en]

Works on a fresh clone before the app has ever started: the demo register is built first when
no register exists yet (as the app does on its first visit)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from analytics import db, demo, release, settings
from analytics.briefing import content, decks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analytics.briefing", description="Leadership briefing deck")
    parser.add_argument("--election", required=True, help="election id, e.g. pilkada-2024")
    parser.add_argument("--province", help="province code, e.g. 63 (default: all of Kalimantan)")
    parser.add_argument(
        "--audience",
        choices=("analyst", "public"),
        default="analyst",
        help="analyst: exact numbers, marked TERBATAS; public: the public protection",
    )
    parser.add_argument("--format", choices=("pptx", "pdf"), default="pptx")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    data_dir = settings.data_dir()
    demo.ensure_demo(settings.demo_dir(data_dir))
    audience = release.Audience.for_public() if args.audience == "public" else release.ANALYST
    con = db.connect(db.resolve_sources(data_dir))
    try:
        with con.cursor() as cur:
            briefing = content.build(cur, args.election, args.province, args.lang, audience)
    except (ValueError, KeyError) as error:
        print(f"{error}", file=sys.stderr)
        return 1
    finally:
        con.close()
    render = decks.render_pptx if args.format == "pptx" else decks.render_pdf
    render(briefing, args.out)
    print(f"{args.out} · {len(briefing.slides) + 1} slides · {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
