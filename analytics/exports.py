"""Downloads: CSV that spreadsheet programs cannot execute."""

from __future__ import annotations

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if values.dtype == object:
            safe[column] = values.map(neutralise_formula)
        elif pd.api.types.is_string_dtype(values):
            risky = values.str.startswith(FORMULA_PREFIXES).fillna(False).astype(bool)
            if risky.any():
                safe[column] = values.where(~risky, "'" + values)
    return safe


def safe_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 (with BOM, so Excel reads it right) CSV with formula injection neutralised."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")
