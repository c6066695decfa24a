"""Percentiles of timing samples, in milliseconds."""

from __future__ import annotations

import numpy as np


def summarize(seconds: list[float]) -> dict[str, float | int]:
    """p50, p95 and max in milliseconds, and the number of samples."""
    if not seconds:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    values = np.asarray(seconds) * 1000.0
    return {
        "n": len(values),
        "p50_ms": round(float(np.percentile(values, 50)), 2),
        "p95_ms": round(float(np.percentile(values, 95)), 2),
        "max_ms": round(float(values.max()), 2),
    }
