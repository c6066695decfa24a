"""Small-count protection for public views: counts from 1 to threshold-1 are withheld, and
where a group would have exactly one withheld cell, the next smallest is withheld too, so no
withheld number can be recovered by subtracting the shown ones from a total."""

from __future__ import annotations

import pandas as pd

DEFAULT_THRESHOLD = 5


def suppress(frame: pd.DataFrame, count_columns: list[str], group_columns: list[str] | None = None,
             threshold: int = DEFAULT_THRESHOLD, rate_columns: dict[str, str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with small counts withheld (missing) and ``<column>_withheld`` flags.

    ``group_columns`` name the rows that add up to a published total (e.g. the regencies of one
    cycle); ``rate_columns`` maps a derived column (a rate, a median) to the count it rests on,
    and is withheld with it."""
    result = frame.copy()
    groups = [result.index] if not group_columns else list(result.groupby(group_columns, dropna=False).indices.values())
    groups = [result.index[positions] if not isinstance(positions, pd.Index) else positions for positions in groups]
    for column in count_columns:
        values = pd.to_numeric(result[column], errors="coerce")
        withheld = values.between(1, threshold - 1)
        for index in groups:
            in_group = withheld.loc[index]
            if in_group.sum() == 1:
                candidates = values.loc[index][~in_group & (values.loc[index] > 0)]
                if len(candidates):
                    withheld.loc[candidates.idxmin()] = True
        result[column] = values.astype("Float64").mask(withheld)
        result[f"{column}_withheld"] = withheld
    for derived, base in (rate_columns or {}).items():
        base_values = pd.to_numeric(frame[base], errors="coerce")
        hide = result[f"{base}_withheld"] | base_values.between(1, threshold - 1)
        result[derived] = pd.to_numeric(result[derived], errors="coerce").astype("Float64").mask(hide)
    return result

