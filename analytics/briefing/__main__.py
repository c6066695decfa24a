"""python -m analytics.briefing --election ID [--province CODE] --format pptx|pdf --out FILE [--lang id|en]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analytics import db
from analytics.briefing import content, decks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analytics.briefing", description="Leadership briefing deck")
    parser.add_argument("--election", required=True, help="election id, e.g. pilkada-2024")
    parser.add_argument("--province", help="province code, e.g. 63 (default: all of Kalimantan)")
    parser.add_argument("--format", choices=("pptx", "pdf"), default="pptx")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = parser.parse_args(argv)
    con = db.connect(db.resolve_sources())
    try:
        with con.cursor() as cur:
            briefing = content.build(cur, args.election, args.province, args.lang)
    except (ValueError, KeyError) as error:
        print(f"{error}", file=sys.stderr)
        return 1
    finally:
        con.close()
    render = decks.render_pptx if args.format == "pptx" else decks.render_pdf
    render(briefing, args.out, args.lang)
    print(f"{args.out} · {len(briefing.slides) + 1} slides")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
