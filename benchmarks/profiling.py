"""A short cProfile summary: the functions where the time goes, for the JSON report."""

from __future__ import annotations

import io
import pstats


def top_functions(stats: pstats.Stats, limit: int = 15, sort: str = "cumulative") -> list[dict]:
    """The ``limit`` heaviest functions as {function, calls, own_s, cumulative_s}."""
    stats.sort_stats(sort)
    rows = []
    for func in stats.fcn_list[: limit * 4]:  # type: ignore[attr-defined]
        calls, _, own, cumulative, _ = stats.stats[func]  # type: ignore[attr-defined]
        filename, line, name = func
        if name.startswith("<") and name != "<module>":
            continue
        short = filename.split("site-packages/")[-1].replace(str(_repo_root()) + "/", "")
        rows.append(
            {
                "function": f"{short}:{line}({name})",
                "calls": calls,
                "own_s": round(own, 3),
                "cumulative_s": round(cumulative, 3),
            }
        )
        if len(rows) == limit:
            break
    return rows


def from_file(path, limit: int = 15) -> dict[str, list[dict]]:
    stats = pstats.Stats(str(path), stream=io.StringIO())
    return {
        "by_cumulative": top_functions(stats, limit, "cumulative"),
        "by_own_time": top_functions(stats, limit, "tottime"),
    }


def _repo_root():
    from analytics.settings import REPO_DIR

    return REPO_DIR
