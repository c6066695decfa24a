"""``python -m analytics.publish [--out DIR] [--app-url URL]``: write the light public edition of
the current data version (the demo register is made first when there is none yet). Without
``--out`` it is written into the light folder (``PANTAU_LIGHT_DIR``, default ``<cache dir>/ringan``)
and ``current`` is pointed at it, as an import does."""

from __future__ import annotations

import argparse
from pathlib import Path

from analytics import db, demo, prepared, settings
from analytics.publish import site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analytics.publish", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write the site here (replaced when it exists)")
    parser.add_argument("--app-url", help="link to the full app from every page (for example ../)")
    args = parser.parse_args(argv)
    data_dir = settings.data_dir()
    demo.ensure_demo(settings.demo_dir(data_dir))
    sources = db.resolve_sources(data_dir)
    cache = settings.cache_dir(data_dir)

    def connect():
        return prepared.connect(cache, sources)

    if args.out is None:
        target = site.refresh(data_dir)
        print(f"{site.current_dir(settings.light_dir(data_dir))} -> {target}")
        return 0
    con = connect()
    try:
        with con.cursor() as cur:
            published = site.publish(cur, args.out, sources.version, app_url=args.app_url)
    finally:
        con.close()
    print(f"{published.pages} pages in {published.out} ({published.seconds:.1f} s, data version {published.version})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
