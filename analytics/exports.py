"""Downloads: CSV that spreadsheet programs cannot execute.

Two ways a text cell becomes a formula in a spreadsheet:
- it starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before one): such a cell
  gets a leading quote (:func:`neutralise_formula`);
- a spreadsheet that splits on another list separator than the file's (Excel with Indonesian
  regional settings splits on ``;``) cuts ``Kab. A;=1+1`` into a cell ``=1+1``: every text cell is
  therefore written in double quotes, inside which no separator splits.
"""

from __future__ import annotations

import csv

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
    """UTF-8 (with BOM, so Excel reads it right) CSV with formula injection neutralised and every
    text cell quoted (numbers stay plain, so they still read as numbers)."""
    return safe_frame(frame).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8-sig")
