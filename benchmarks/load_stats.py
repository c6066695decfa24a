"""Latency percentiles and the load report (a table for people, a dict for JSON)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from benchmarks.ws_session import Sample


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation between ranks (numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_summary(samples: Iterable[Sample]) -> dict:
    samples = list(samples)
    latencies = [s.latency for s in samples if s.latency is not None]
    return {
        "runs": len(samples),
        "errors": sum(1 for s in samples if s.errors),
        "p50_ms": _ms(percentile(latencies, 50)),
        "p95_ms": _ms(percentile(latencies, 95)),
        "max_ms": _ms(max(latencies) if latencies else None),
        "mean_kb": round(sum(s.bytes for s in samples) / len(samples) / 1024, 1) if samples else None,
    }


def error_kinds(samples: Iterable[Sample], session_failures: list[str]) -> dict[str, int]:
    kinds = Counter(error.split(":")[0] for sample in samples for error in sample.errors)
    kinds.update(failure.split(":")[0] for failure in session_failures)
    return dict(kinds)


def error_examples(errors: list[str], per_kind: int = 3) -> list[str]:
    """A few distinct messages of every kind of error."""
    examples: dict[str, list[str]] = {}
    for error in errors:
        kind = examples.setdefault(error.split(":")[0], [])
        if error not in kind and len(kind) < per_kind:
            kind.append(error)
    return [example for kind in examples.values() for example in kind]


def build_report(samples: list[Sample], session_failures: list[str], settings: dict, extra: dict) -> dict:
    changes = [s for s in samples if s.action.startswith("change")]
    opens = [s for s in samples if s.action == "open"]
    between = [s for s in samples if s.action == "between runs"]  # errors seen between runs
    by_page = {
        page: latency_summary(s for s in changes if s.page == page) for page in sorted({s.page for s in changes})
    }
    overall = latency_summary(changes)
    errors = overall["errors"] + sum(1 for s in opens + between if s.errors) + len(session_failures)
    return {
        "settings": settings,
        "reruns": overall,
        "opens": latency_summary(opens),
        "by_page": by_page,
        "errors_total": errors,
        "error_kinds": error_kinds(samples, session_failures),
        "error_examples": error_examples([e for s in samples for e in s.errors] + session_failures),
        "warnings": sorted({w for s in samples for w in s.warnings})[:10],
        "runs_without_title": sum(1 for s in samples if s.latency is not None and not s.title),
        **extra,
        "target": {
            "p95_rerun_ms_max": 1000,
            "errors_max": 0,
            "met": overall["p95_ms"] is not None
            and overall["p95_ms"] <= 1000
            and errors == 0
            and extra.get("server_log_tracebacks", 0) == 0,
        },
    }


def format_table(report: dict) -> str:
    header = f"{'':<22}{'runs':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'KB/run':>9}"
    rows = [header, "-" * len(header)]

    def row(name: str, summary: dict) -> str:
        cells = [
            summary["runs"],
            summary["errors"],
            summary["p50_ms"],
            summary["p95_ms"],
            summary["max_ms"],
            summary["mean_kb"],
        ]
        return f"{name:<22}" + "".join(f"{'-' if c is None else c:>{w}}" for c, w in zip(cells, (7, 8, 9, 9, 9, 9)))

    rows.append(row("filter-change reruns", report["reruns"]))
    for page, summary in report["by_page"].items():
        rows.append(row(f"  {page}", summary))
    rows.append(row("page opens", report["opens"]))
    rows.append("")
    rows.append(f"errors total: {report['errors_total']} {report['error_kinds'] or ''}".rstrip())
    for example in report["error_examples"]:
        rows.append(f"  e.g. {example[:200]}")
    if report["warnings"]:
        rows.append(f"warning elements seen (not counted as errors): {report['warnings']}")
    if report.get("server_log_tracebacks") is not None:
        rows.append(f"tracebacks in the server log: {report['server_log_tracebacks']}")
    for key in (
        "server_cpu_s",
        "server_peak_rss_mb",
        "driver_cpu_s",
        "wall_s",
        "offered_reruns_per_s",
        "achieved_reruns_per_s",
        "load_avg_1min_before",
        "cpus",
    ):
        if report.get(key) is not None:
            rows.append(f"{key}: {report[key]}")
    target = report["target"]
    rows.append(
        f"target p95 <= {target['p95_rerun_ms_max']} ms and zero errors: {'MET' if target['met'] else 'NOT MET'}"
    )
    return "\n".join(rows)


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)
