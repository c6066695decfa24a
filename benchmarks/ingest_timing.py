"""The import benchmark: demo cases written as a CSV, then ``python -m analytics.ingest
violation_cases FILE --mode replace`` timed against a scratch data directory. When it is slower
than its target, a second run of a tenth of the rows under cProfile says where the time goes."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analytics import demo, settings
from benchmarks import profiling

#: Demo columns an import does not take: imported data are real (no is_synthetic flag).
NOT_IMPORTED = ["is_synthetic"]
#: Fewest rows from which the time is projected to the target's row count.
PROJECT_FROM = 100_000


def write_cases_csv(path: Path, rows: int, seed: int = demo.DEFAULT_SEED) -> int:
    """``rows`` demo cases as an importer's CSV, streamed chunk by chunk; returns its bytes."""
    plan = demo.plan(rows, seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        for index, (cases, _) in enumerate(demo.iter_chunks(plan)):
            cases.drop(columns=NOT_IMPORTED).to_csv(out, index=False, header=index == 0, date_format="%Y-%m-%d")
    return path.stat().st_size


def _ingest_command(csv_path: Path, profile_to: Path | None) -> list[str]:
    size_mb = csv_path.stat().st_size / 1e6
    args = [
        "-m",
        "analytics.ingest",
        "violation_cases",
        str(csv_path),
        "--mode",
        "replace",
        "--who",
        "benchmark",
        "--max-mb",
        str(int(size_mb) + 10),
    ]
    return [sys.executable, *(["-m", "cProfile", "-o", str(profile_to)] if profile_to else []), *args]


def run_ingest(csv_path: Path, scratch: Path, profile_to: Path | None = None) -> tuple[float, str]:
    """Seconds for one import into a fresh scratch data directory, and the command's last line."""
    data_dir = scratch / f"data-{time.monotonic_ns()}"
    demo.ensure_demo(settings.demo_dir(data_dir), cases=300)  # the served state before the import
    env = {**os.environ, settings.DATA_DIR_ENV: str(data_dir)}
    started = time.perf_counter()
    done = subprocess.run(
        _ingest_command(csv_path, profile_to),
        env=env,
        cwd=settings.REPO_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"import failed ({done.returncode}): {(done.stderr or done.stdout)[-2000:]}")
    return seconds, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def measure(rows: int, target_s: float | None, target_rows: int, profile_if_slow: bool = True) -> dict:
    with tempfile.TemporaryDirectory(prefix="pantau-ingest-") as tmp:
        scratch = Path(tmp)
        csv_path = scratch / "violation_cases.csv"
        csv_bytes = write_cases_csv(csv_path, rows)
        seconds, message = run_ingest(csv_path, scratch)
        result = {
            "rows": rows,
            "csv_mb": round(csv_bytes / 1e6, 1),
            "seconds": round(seconds, 2),
            "rows_per_second": round(rows / seconds),
            "message": message,
        }
        # a linear projection; from few rows it is mostly start-up time, so none below PROJECT_FROM rows
        projected = seconds * target_rows / rows if rows >= PROJECT_FROM else None
        result["projected_seconds_for_target_rows"] = None if projected is None else round(projected, 1)
        if profile_if_slow and target_s is not None and projected is not None and projected > target_s:
            profile_rows = max(rows // 10, 1000)
            small = scratch / "profile.csv"
            write_cases_csv(small, profile_rows)
            profile_path = scratch / "ingest.prof"
            run_ingest(small, scratch, profile_to=profile_path)
            result["profile"] = {"rows": profile_rows, **profiling.from_file(profile_path, limit=12)}
        return result
