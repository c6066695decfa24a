"""Pure shaping of the published-figures registry for the Angka resmi page.

Published figures are point-in-time statements that often disagree. Nothing here sums or
averages them: every function keeps one row per stated figure, or, where a single value per
place is unavoidable (the map), picks the most recent statement and says how many others exist.
"""

from __future__ import annotations

import pandas as pd

#: The national headline series, in funnel order.
SERIES_METRICS = ("asn_reported", "asn_proven", "recommendations_issued", "recommendations_followed_up")
#: Documented counts shown beside the vulnerability index.
COUNT_METRICS = ("asn_reported", "cases_reported")
IKP_METRIC = "ikp_score"
#: What makes two figures "the same quantity": they conflict when their values differ.
#: The stated unit is not part of it: sources word the same count loosely ("ASN", "violations",
#: "reports" for the Pilkada 2020 total), so the table shows each figure's unit and wording instead.
SAME_QUANTITY = ["election_id", "metric", "scope", "area_key", "breakdown"]


def _area_key(figures: pd.DataFrame) -> pd.Series:
    return figures["region_code"].fillna(figures["area_label"]).fillna("")


def area_names(figures: pd.DataFrame, national: str) -> pd.Series:
    """Where each figure is about, for display: a coded place under its one name in the code list
    ("Kota Palangkaraya", whatever spelling the source used), an uncoded one as the source named
    it, a national figure as ``national``."""
    return figures["region_name"].fillna(figures["area_label"]).fillna(national)


def national_series(figures: pd.DataFrame, metrics: tuple[str, ...] = SERIES_METRICS) -> pd.DataFrame:
    """Every national statement of ``metrics`` for which a cycle is known, one row per figure,
    in cycle order (by voting day) and then by the date the figure refers to."""
    rows = figures[
        (figures["scope"] == "national")
        & figures["metric"].isin(metrics)
        & figures["election_id"].notna()
        & figures["breakdown"].isna()
    ]
    return rows.sort_values(["voting_date", "metric", "as_of_date", "figure_id"], na_position="last").reset_index(
        drop=True
    )


def in_scope(
    figures: pd.DataFrame,
    province_code: str | None = None,
    regency_code: str | None = None,
    outside_kalimantan: bool = False,
) -> pd.DataFrame:
    """The figures that speak of the chosen area: national ones, the chosen Kalimantan area's own
    (a regency's, its province's; a province's, its regencies'; with no area, every Kalimantan
    one), and figures of places outside Kalimantan (stated without a Kalimantan code) only when
    ``outside_kalimantan``."""
    codes = figures["region_code"].fillna("").astype(str)
    national = figures["scope"] == "national"
    if regency_code:
        own = (codes == regency_code) | (codes == regency_code.split(".")[0])
    elif province_code:
        own = (codes == province_code) | codes.str.startswith(province_code + ".")
    else:
        own = codes != ""
    outside = ~national & (codes == "") & outside_kalimantan
    return figures[national | own | outside]


def conflicts(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures that state different values for the same quantity (cycle, metric, scope, place,
    breakdown), side by side: one row per figure with a ``conflict_group`` number and the group's
    number of distinct values."""
    keyed = figures.assign(area_key=_area_key(figures), breakdown=figures["breakdown"].fillna(""))
    keyed = keyed[keyed["election_id"].notna()]
    distinct = keyed.groupby(SAME_QUANTITY, dropna=False)["value"].transform("nunique")
    clashing = keyed[distinct > 1].assign(distinct_values=distinct[distinct > 1])
    if clashing.empty:
        return clashing.assign(conflict_group=pd.Series(dtype="int64"))
    clashing = clashing.sort_values(SAME_QUANTITY + ["as_of_date", "figure_id"], na_position="last")
    clashing["conflict_group"] = clashing.groupby(SAME_QUANTITY, dropna=False, sort=False).ngroup() + 1
    return clashing.drop(columns="area_key").reset_index(drop=True)


def snapshots(figures: pd.DataFrame, election_id: str, metrics: tuple[str, ...]) -> pd.DataFrame:
    """The dated national statements of ``metrics`` within one cycle, oldest first: how the
    stated totals grew. Figures without a date cannot be placed on a line and are left out."""
    rows = figures[
        (figures["election_id"] == election_id)
        & (figures["scope"] == "national")
        & figures["metric"].isin(metrics)
        & figures["as_of_date"].notna()
        & figures["breakdown"].isna()
    ]
    return rows.sort_values(["metric", "as_of_date", "figure_id"]).reset_index(drop=True)


def kalimantan_metrics(figures: pd.DataFrame) -> pd.DataFrame:
    """Metrics with at least one figure about a Kalimantan region, with their counts per level."""
    placed = figures[figures["region_code"].notna() & figures["breakdown"].isna()]
    levels = placed.assign(
        level=placed["region_code"].str.contains(".", regex=False).map({True: "regency", False: "province"})
    )
    return (
        levels.groupby(["metric", "level"])
        .size()
        .rename("figures")
        .reset_index()
        .sort_values(["figures", "metric"], ascending=[False, True], ignore_index=True)
    )


def latest_by_region(figures: pd.DataFrame, metric: str, level: str, election_id: str | None = None) -> pd.DataFrame:
    """One value per Kalimantan region of ``level`` for ``metric`` (in ``election_id`` when given):
    the most recently dated statement (then the latest published), with ``figures_count`` (how many
    figures were stated for that region) so a map can say that others exist."""
    is_regency = figures["region_code"].fillna("").str.contains(".", regex=False)
    rows = figures[
        (figures["metric"] == metric)
        & figures["region_code"].notna()
        & figures["breakdown"].isna()
        & (is_regency if level == "regency" else ~is_regency)
    ]
    if election_id is not None:
        rows = rows[rows["election_id"] == election_id]
    rows = rows.sort_values(["region_code", "as_of_date", "published_date", "figure_id"], na_position="first")
    counts = rows.groupby("region_code").size().rename("figures_count")
    latest = rows.groupby("region_code").tail(1).set_index("region_code")
    return latest.join(counts).reset_index()


def ikp_beside_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """For each Kalimantan region with a vulnerability-index score or a documented count, every
    such figure as its own row (``kind`` = 'ikp' or 'count'), never combined into one number."""
    rows = figures[
        figures["region_code"].notna()
        & figures["breakdown"].isna()
        & figures["metric"].isin((IKP_METRIC,) + COUNT_METRICS)
    ]
    rows = rows.assign(kind=rows["metric"].map(lambda m: "ikp" if m == IKP_METRIC else "count"))
    return rows.sort_values(["region_code", "kind", "as_of_date", "figure_id"], na_position="last").reset_index(
        drop=True
    )
