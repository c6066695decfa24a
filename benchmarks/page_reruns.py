"""The real page scripts rerun under ``streamlit.testing.v1.AppTest`` after a filter change, and the
peak memory of the process serving them.

Run as a subprocess (``python -m benchmarks.page_reruns --data-dir DIR ...``) so that its peak
RSS is the serving process's alone: it prints one JSON object. AppTest runs ``app.py`` (router,
sidebar) and the page in this process, with the app's own caches; a filter change sets the
sidebar widgets' values (as a user's change does) and reruns. One session visits every page in
turn; each page gets its own filter combinations, so one page's cached results do not flatter
the next.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

from analytics import settings
from analytics.filters import Filters

APP = str(settings.REPO_DIR / "app.py")
ALL = "semua"  # analytics.ui.url.ALL
WIDGETS = {
    "f_election": "election_id",
    "f_from": "date_from",
    "f_to": "date_to",
    "f_province": "province_code",
    "f_regency": "regency_code",
    "f_category": "category_code",
    "f_position": "position_code",
    "f_level": "agency_level",
}


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not getrusage: Linux carries ru_maxrss over from the parent
    across fork + exec, so a child of a large benchmark process would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)  # kB
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def _set_filters(at, filters: Filters) -> None:
    for key, field in WIDGETS.items():
        value = getattr(filters, field)
        at.session_state[key] = value if (value is not None or key in ("f_from", "f_to")) else ALL


def _changes(at, filters: Filters) -> list[Filters]:
    """The filter changes a user makes to reach ``filters``: a regency of another province is
    picked from the list the new province shows, so the province changes first."""
    if filters.regency_code and at.session_state["f_province"] != filters.province_code:
        return [replace(filters, regency_code=None), filters]
    return [filters]


def time_page(at, script: str, combos: list[Filters], profile_with: Filters | None = None) -> dict:
    """Switch to the page (its first load), then one timed rerun per filter change and one rerun
    unchanged. With ``profile_with``, one more filter change (to that combination) runs under cProfile."""
    from benchmarks.stats import summarize

    started = time.perf_counter()
    at.switch_page(script).run()
    first = time.perf_counter() - started
    errors = [str(e.value) for e in at.exception]
    changed, unchanged = [], []
    for filters in combos:
        for change in _changes(at, filters):
            _set_filters(at, change)
            started = time.perf_counter()
            at.run()
            changed.append(time.perf_counter() - started)
        if at.session_state["filters"] != filters:
            errors.append(f"filters not applied: {filters}")
        started = time.perf_counter()
        at.run()
        unchanged.append(time.perf_counter() - started)
        errors += [str(e.value) for e in at.exception]
    result = {
        "first_load_ms": round(first * 1000, 1),
        "after_filter_change": summarize(changed),
        "unchanged": summarize(unchanged),
        "errors": errors[:5],
    }
    if profile_with is not None:
        result["profile"] = _profiled_change(at, profile_with)
    return result


def _profiled_change(at, filters: Filters) -> dict[str, list[dict]]:
    """One rerun after a change to ``filters`` under cProfile. AppTest runs the script in a thread
    of its own, so the profiler is switched on inside the threads that start during the run."""
    import cProfile
    import pstats
    import threading

    from benchmarks.profiling import top_functions

    for change in _changes(at, filters)[:-1]:
        _set_filters(at, change)
        at.run()
    _set_filters(at, filters)
    profiler = cProfile.Profile()

    def start_in_thread(frame, event, arg):
        sys.setprofile(None)
        profiler.enable()

    threading.setprofile(start_in_thread)
    try:
        at.run()
    finally:
        threading.setprofile(None)
    stats = pstats.Stats(profiler)
    return {"by_cumulative": top_functions(stats, 15, "cumulative"), "by_own_time": top_functions(stats, 12, "tottime")}


def compile_scripts_once() -> None:
    """Share one script cache across AppTest runs, as a server shares its runtime's.

    AppTest makes a new ``ScriptCache`` on every run, so each rerun would compile ``app.py`` and the
    page again (with Streamlit's magic rewrite, about 20 ms); a server compiles each script once."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def measure(
    data_dir: Path,
    combos_for: dict[str, list[Filters]],
    scripts: dict[str, str],
    timeout: float,
    profile_for: dict[str, Filters] | None = None,
) -> dict:
    """One AppTest session (as one user): the app's first run, then page after page."""
    from streamlit.testing.v1 import AppTest

    os.environ[settings.DATA_DIR_ENV] = str(data_dir)
    compile_scripts_once()
    profile_for = profile_for or {}
    at = AppTest.from_file(APP, default_timeout=timeout)
    started = time.perf_counter()
    at.run()
    app_first_run = time.perf_counter() - started
    pages = {name: time_page(at, scripts[name], combos, profile_for.get(name)) for name, combos in combos_for.items()}
    return {"app_first_run_ms": round(app_first_run * 1000, 1), "pages": pages, "peak_rss_mb": peak_rss_mb()}


def run_subprocess(
    data_dir: Path,
    combos_for: dict[str, list[Filters]],
    timeout: float = 600,
    profile_for: dict[str, Filters] | None = None,
) -> dict:
    """``measure`` in a fresh Python process; returns its JSON."""
    import subprocess

    from benchmarks.page_queries import PAGE_BY_NAME

    payload = {
        "data_dir": str(data_dir),
        "timeout": timeout,
        "scripts": {name: PAGE_BY_NAME[name].script for name in combos_for},
        "combos": {name: [_encode(f) for f in combos] for name, combos in combos_for.items()},
        "profile": {name: _encode(f) for name, f in (profile_for or {}).items()},
    }
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.page_reruns"],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        cwd=settings.REPO_DIR,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"page reruns failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _encode(filters: Filters) -> dict:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in filters.__dict__.items()}


def _decode(raw: dict) -> Filters:
    from datetime import date

    return Filters(**{k: (date.fromisoformat(v) if k.startswith("date_") and v else v) for k, v in raw.items()})


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description="Page reruns under AppTest; reads its job as JSON on stdin.").parse_args(argv)
    job = json.loads(sys.stdin.read())
    combos = {name: [_decode(raw) for raw in items] for name, items in job["combos"].items()}
    profile_for = {name: _decode(raw) for name, raw in job.get("profile", {}).items()}
    result = measure(Path(job["data_dir"]), combos, job["scripts"], job["timeout"], profile_for)
    print(json.dumps(result, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
