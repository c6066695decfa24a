"""``python -m benchmarks.run [--scale small|realistic|stress] [--out FILE] [--repeats N]``

Prepares (or reuses) the data directory of the scale, measures, prints a table and writes the
result as JSON (default ``benchmark-<scale>.json`` in the current directory). See
``benchmarks/__init__.py`` for what is measured and DESIGN section 8 for the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from analytics import db, prepared, settings
from benchmarks import ingest_timing, map_payload, page_reruns, report, targets
from benchmarks.filter_sample import sample_filters, with_region
from benchmarks.naive import NaiveRegister
from benchmarks.page_queries import PAGES, duckdb_backend
from benchmarks.query_timing import compare_pages
from benchmarks.scales import SCALES, Scale, prepare_data_dir


def _combos_per_page(cur, count: int, seed: int) -> dict[str, list]:
    """``count`` distinct combinations for each page, no two pages sharing one (the app's cache
    would otherwise answer a later page from an earlier one's results)."""
    pool = sample_filters(cur, count * len(PAGES), seed)
    combos = {page.name: pool[i :: len(PAGES)] for i, page in enumerate(PAGES)}
    for page in PAGES:
        if page.needs_region:
            combos[page.name] = [with_region(f, cur, seed + i) for i, f in enumerate(combos[page.name])]
    return combos


def run(
    scale: Scale,
    data_dir: Path | None = None,
    warm_repeats: int | None = None,
    seed: int = 20240214,
    with_reruns: bool = True,
    with_import: bool = True,
) -> dict:
    data_dir, generation_s = prepare_data_dir(scale, data_dir)
    started = time.perf_counter()
    sources = db.resolve_sources(data_dir)
    prepared_ready = prepared.path_for(settings.cache_dir(data_dir), sources).exists()
    con = prepared.connect(settings.cache_dir(data_dir), sources)  # as the app connects
    connect_ms = (time.perf_counter() - started) * 1000
    cur = con.cursor()
    result: dict = {
        "scale": scale.name,
        "cases": scale.cases,
        "data_dir": str(data_dir),
        "seed": seed,
        "generation_s": None if generation_s is None else round(generation_s, 2),
        "connect_ms": round(connect_ms, 1),
        "prepared_database_built": not prepared_ready,
        "environment": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            "duckdb_threads": cur.execute("SELECT current_setting('threads')").fetchone()[0],
        },
    }
    combos = _combos_per_page(cur, scale.query_combos + 1, seed)  # the last one: the rerun profile

    started = time.perf_counter()
    naive = NaiveRegister(cur)
    result["naive"] = {
        "load_s": round(time.perf_counter() - started, 2),
        "memory_mb": round(naive.memory_bytes() / 2**20, 1),
    }
    repeats = warm_repeats if warm_repeats is not None else scale.warm_repeats
    measured = {name: items[:-1] for name, items in combos.items()}
    result["query_sets"] = compare_pages(duckdb_backend(cur), naive.backend, measured, repeats)
    del naive

    result["map_payload"] = map_payload.measure(cur)
    if with_reruns:
        rerun_combos = {name: items[: scale.rerun_combos] for name, items in measured.items()}
        profile_for = {name: items[-1] for name, items in combos.items()} if scale.profile else None
        result["page_reruns"] = page_reruns.run_subprocess(data_dir, rerun_combos, profile_for=profile_for)
    if with_import:
        limit = next(t.limit for t in targets.TARGETS if t.id == "import_1m_rows_s")
        result["import"] = ingest_timing.measure(scale.import_rows, limit, 1_000_000, profile_if_slow=scale.profile)
    result["environment"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result["targets"] = targets.evaluate(result, scale.name)
    result["measured_elsewhere"] = targets.ELSEWHERE
    con.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[1])
    parser.add_argument("--scale", choices=sorted(SCALES), default="realistic")
    parser.add_argument("--out", type=Path, default=None, help="JSON result (default benchmark-<scale>.json)")
    parser.add_argument("--repeats", type=int, default=None, help="warm repetitions of each filter combination")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="data directory (default /tmp/pantau-bench/<scale>)"
    )
    parser.add_argument("--seed", type=int, default=20240214, help="seed of the filter combinations")
    parser.add_argument("--no-reruns", action="store_true", help="skip the AppTest page reruns")
    parser.add_argument("--no-import", action="store_true", help="skip the import benchmark")
    args = parser.parse_args(argv)
    scale = SCALES[args.scale]
    result = run(
        scale, args.data_dir, args.repeats, args.seed, with_reruns=not args.no_reruns, with_import=not args.no_import
    )
    out = args.out or Path(f"benchmark-{scale.name}.json")
    out.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    print(report.render(result))
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
