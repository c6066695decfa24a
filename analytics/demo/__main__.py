"""``python -m analytics.demo --out DIR [--cases N] [--seed S] [--reference-dir DIR]``; without
``--cases`` the calibrated size."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from analytics.demo.parameters import DEFAULT_CHUNK_SIZE, DEFAULT_SEED
from analytics.demo.writing import _summary_text, build


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analytics.demo", description="Generate the synthetic demo case register."
    )
    parser.add_argument(
        "--cases",
        type=int,
        default=None,
        help="explicit total (benchmarks); default: the calibrated size of the Kalimantan demo",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reference-dir", type=Path, default=None)
    parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = build(args.out, args.cases, args.seed, args.reference_dir, args.chunk_size)
    print(
        f"demo register: {_summary_text(counts)} -> {args.out} in {time.perf_counter() - started:.2f} s (seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
