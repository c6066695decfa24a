"""Downloads: CSV that spreadsheet programs cannot execute.

Two ways a text cell becomes a formula in a spreadsheet:
- it starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before one): such a cell
  gets a leading quote (:func:`neutralise_formula`);
- a spreadsheet that splits on another list separator than the file's (Excel with Indonesian
  regional settings splits on ``;``, whatever the file's quotes say once a line is cut) cuts
  ``Kab. A;=1+1`` into a cell ``=1+1``: a quote is put after every list separator inside a text
  that a formula character follows (``Kab. A;'=1+1``), and every text cell is written in double
  quotes besides.
"""

from __future__ import annotations

import csv
import re

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


#: A list separator (``;``, ``,`` or tab), spaces, then what would start a formula in the cell a
#: spreadsheet cuts there (a minus only before a digit, a bracket or '=': '2019, -' stays).
_AFTER_SEPARATOR = re.compile(r"([;,\t] *)(?=[=+@]|-[0-9(=])")
_HAS_FORMULA_AFTER_SEPARATOR = re.compile(r"[;,\t] *(?:[=+@]|-[0-9(=])")


def neutralise_formula(value: object) -> object:
    """Text a spreadsheet would run as a formula, at its start or after a list separator, with a
    quote put before the formula character."""
    if not isinstance(value, str):
        return value
    value = _AFTER_SEPARATOR.sub(r"\1'", value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if values.dtype == object:
            safe[column] = values.map(neutralise_formula)
        elif pd.api.types.is_string_dtype(values):
            risky = values.str.startswith(FORMULA_PREFIXES) | values.str.contains(_HAS_FORMULA_AFTER_SEPARATOR)
            risky = risky.fillna(False).astype(bool)
            if risky.any():
                safe[column] = values.where(~risky, values[risky].map(neutralise_formula))
    return safe


def safe_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 (with BOM, so Excel reads it right) CSV with formula injection neutralised and every
    text cell quoted (numbers stay plain, so they still read as numbers)."""
    return safe_frame(frame).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8-sig")


def chart_numbers_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """A chart's numbers as a download writes them: a count is a count (``33``, not ``33.0``,
    also in a column that has gaps, which pandas holds as floats); a missing value stays empty."""
    shown = frame.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_float_dtype(values) and not pd.api.types.is_bool_dtype(values):
            present = values.dropna()
            if len(present) and (present == present.round()).all() and present.abs().max() < 2**53:
                shown[column] = values.astype("Int64")
    return shown
