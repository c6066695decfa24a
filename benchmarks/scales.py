"""The benchmark scales and their data directories, generated once and reused."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from analytics import demo, settings

CACHE_ROOT = Path("/tmp/pantau-bench")


@dataclass(frozen=True)
class Scale:
    name: str
    cases: int
    query_combos: int  # filter combinations per page for the query sets
    rerun_combos: int  # filter changes per page under AppTest
    import_rows: int  # rows of the import benchmark
    warm_repeats: int = 2
    profile: bool = True  # profile one page rerun and a slow import


SCALES = {
    "small": Scale(
        "small", cases=20_000, query_combos=3, rerun_combos=1, import_rows=2_000, warm_repeats=1, profile=False
    ),
    "realistic": Scale("realistic", cases=100_000, query_combos=30, rerun_combos=12, import_rows=1_000_000),
    "stress": Scale("stress", cases=10_000_000, query_combos=4, rerun_combos=2, import_rows=1_000_000, warm_repeats=1),
}


def default_data_dir(scale: Scale) -> Path:
    return CACHE_ROOT / scale.name


def register_rows(data_dir: Path) -> int | None:
    """Cases in the demo register of ``data_dir``, or None when there is none."""
    path = settings.demo_dir(data_dir) / demo.FILES["violation_cases"]
    if not all((settings.demo_dir(data_dir) / name).exists() for name in demo.FILES.values()):
        return None
    return pq.read_metadata(path).num_rows


def prepare_data_dir(
    scale: Scale, data_dir: Path | None = None, seed: int = demo.DEFAULT_SEED
) -> tuple[Path, float | None]:
    """A data directory whose ``demo/`` holds ``scale.cases`` cases: reused when its register already
    has that many rows, else streamed anew. Returns (directory, generation seconds or None when reused)."""
    data_dir = Path(data_dir) if data_dir else default_data_dir(scale)
    if register_rows(data_dir) == scale.cases:
        return data_dir, None
    started = time.perf_counter()
    demo.build(settings.demo_dir(data_dir), scale.cases, seed)
    return data_dir, time.perf_counter() - started
