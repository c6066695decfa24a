"""The curated data the demo is built from (``data/``): regions, elections and their windows,
taxonomies, published figures, real headcounts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.demo.parameters import (
    CATEGORY_REMAINDER,
    CYCLES,
    DEFAULT_REFERENCE_DIR,
    DISIPLIN_MIX,
    FALLBACK_CAMPAIGN_DAYS,
    MORAL_MIX,
    PTDH_CODE,
    WINDOW_AFTER_DAYS,
    WINDOW_BEFORE_DAYS,
)


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _parse_dates(values: pd.Series) -> pd.Series:
    """ISO date strings (empty = missing) to datetime64; raises on anything else."""
    cleaned = values.astype(str).str.strip().replace("", None)
    return pd.to_datetime(cleaned, format="ISO8601", errors="raise").astype("datetime64[s]")


def _is_true(values: pd.Series) -> pd.Series:
    return values.astype(str).str.strip().str.lower().isin(["true", "1", "yes", "t"])


@dataclass(frozen=True, eq=False)
class Reference:
    """The reference inputs of the generator, parsed."""

    regencies: pd.DataFrame  # region_code, region_name, region_name_short, regency_type, province_code, province_name
    elections: (
        pd.DataFrame
    )  # election_id, election_type, voting_date, campaign_start/end (datetime64, NaT = unknown), label_id, label_en
    category_codes: tuple[str, ...]
    position_codes: tuple[str, ...]
    sanction_severity: Mapping[str, tuple[str, int]]  # code -> (group, severity)
    published_figures: pd.DataFrame
    headcount: pd.DataFrame  # the real (non-synthetic) rows of asn_headcount.csv


def load_reference(reference_dir: Path | None = None) -> Reference:
    """Read the reference CSVs. published_figures.csv and asn_headcount.csv may be absent."""
    ref = Path(reference_dir) if reference_dir is not None else DEFAULT_REFERENCE_DIR
    regions = _read_csv(ref / "regions.csv")
    provinces = regions[regions["level"] == "province"]
    province_names = dict(zip(provinces["province_code"], provinces["region_name_short"], strict=True))
    regencies = regions[regions["level"] == "regency"].copy()
    if regencies.empty:
        raise ValueError(f"{ref / 'regions.csv'}: no rows with level == 'regency'")
    bad_type = ~regencies["regency_type"].isin(["kabupaten", "kota"])
    if bad_type.any():
        raise ValueError(
            f"regions.csv: regency_type must be kabupaten/kota for {list(regencies.loc[bad_type, 'region_code'])}"
        )
    regencies["province_name"] = [province_names.get(code, code) for code in regencies["province_code"]]
    regencies = regencies.sort_values("region_code").reset_index(drop=True)[
        ["region_code", "region_name", "region_name_short", "regency_type", "province_code", "province_name"]
    ]

    elections = _read_csv(ref / "elections.csv")
    for col in ("voting_date", "campaign_start", "campaign_end"):
        elections[col] = _parse_dates(elections[col]) if col in elections else pd.NaT
    if elections["voting_date"].isna().any():
        raise ValueError("elections.csv: every election needs a voting_date")
    for col in ("election_type", "label_id", "label_en"):
        if col not in elections:
            elections[col] = ""

    categories = tuple(_read_csv(ref / "violation_categories.csv")["code"])
    positions = tuple(_read_csv(ref / "positions.csv")["code"])
    sanctions = _read_csv(ref / "sanction_types.csv")
    severity = {
        code: (group, int(sev))
        for code, group, sev in zip(sanctions["code"], sanctions["sanction_group"], sanctions["severity"], strict=True)
    }
    needed = {c for c, _ in MORAL_MIX + DISIPLIN_MIX} | {PTDH_CODE}
    if missing := needed - set(severity):
        raise ValueError(f"sanction_types.csv lacks {sorted(missing)}")
    if CATEGORY_REMAINDER not in categories:
        raise ValueError(f"violation_categories.csv lacks {CATEGORY_REMAINDER!r}")

    figures_path = ref / "published_figures.csv"
    figures = _read_csv(figures_path) if figures_path.exists() else pd.DataFrame(columns=_FIGURE_COLUMNS)
    headcount_path = ref / "asn_headcount.csv"
    headcount = (
        _read_csv(headcount_path)
        if headcount_path.exists()
        else pd.DataFrame(
            columns=["headcount_id", "region_code", "year", "asn_count", "count_basis", "coverage", "is_synthetic"]
        )
    )
    if not headcount.empty:
        headcount = headcount[~_is_true(headcount["is_synthetic"])].reset_index(drop=True)
    return Reference(
        regencies=regencies,
        elections=elections,
        category_codes=categories,
        position_codes=positions,
        sanction_severity=severity,
        published_figures=figures,
        headcount=headcount,
    )


def cycle_windows(elections: pd.DataFrame) -> pd.DataFrame:
    """Per demo cycle: voting day, the campaign period used (published or fallback) and the
    window every reported_date falls in. Index election_id; columns are datetime64."""
    rows = []
    present = set(elections["election_id"])
    for cycle in CYCLES:
        if cycle not in present:
            continue
        row = elections.loc[elections["election_id"] == cycle].iloc[0]
        voting = np.datetime64(row["voting_date"], "D")
        start, end = row.get("campaign_start"), row.get("campaign_end")
        known = pd.notna(start) and pd.notna(end)
        # A missing end is 4 days before voting (quiet days follow the campaign); a missing start
        # is 75 days before voting. A campaign always ends before voting day.
        start = np.datetime64(start, "D") if pd.notna(start) else voting - FALLBACK_CAMPAIGN_DAYS[0]
        end = np.datetime64(end, "D") if pd.notna(end) else voting - FALLBACK_CAMPAIGN_DAYS[1]
        end = min(end, voting - 1)
        if start >= end:
            known = False
            start, end = voting - FALLBACK_CAMPAIGN_DAYS[0], voting - FALLBACK_CAMPAIGN_DAYS[1]
        rows.append(
            {
                "election_id": cycle,
                "voting_date": voting,
                "campaign_start": start,
                "campaign_end": end,
                "campaign_known": bool(known),
                "window_start": voting - WINDOW_BEFORE_DAYS,
                "window_end": voting + WINDOW_AFTER_DAYS,
            }
        )
    if not rows:
        raise ValueError(f"elections.csv has none of the demo cycles {CYCLES}")
    frame = pd.DataFrame(rows).set_index("election_id")
    for col in ("voting_date", "campaign_start", "campaign_end", "window_start", "window_end"):
        frame[col] = frame[col].astype("datetime64[s]")
    return frame


_FIGURE_COLUMNS = [
    "figure_id",
    "election_id",
    "scope",
    "region_code",
    "metric",
    "breakdown",
    "value",
    "value_qualifier",
    "as_of_date",
    "confidence",
]
