"""The naive baseline of DESIGN section 8: the whole register read once into a pandas DataFrame
held in memory, then filtered and grouped with pandas on every rerun.

``NaiveRegister.backend`` answers the same query names as ``analytics.queries`` with the same
numbers, so ``benchmarks.page_queries`` drives both through one query set. Reference tables
(regions, elections, events, published figures ...) are held in memory too: the baseline gets
them once from DuckDB and keeps them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics import open_data, queries
from analytics.filters import Filters

#: Queries over reference tables only: kept in memory after their first call.
REFERENCE_QUERIES = {
    "elections",
    "regions",
    "categories",
    "positions",
    "milestones",
    "published_figures",
    "events_for_region",
    "figures_for_region",
    "events",
    "reference_datasets",
    "register_cycles",
    "register_codes",
}
DIMENSION_COLUMNS = {
    "category": "category_code",
    "position": "position_code",
    "agency_level": "agency_level",
    "medium": "medium",
    "asn_status": "asn_status",
    "intake": "intake",
}
FILTER_COLUMNS = {
    "election_id": "election_id",
    "province_code": "province_code",
    "regency_code": "region_code",
    "category_code": "category_code",
    "position_code": "position_code",
    "agency_level": "agency_level",
}
AGE_BANDS = ((30, "0-30"), (90, "31-90"), (180, "91-180"), (365, "181-365"))


def _days(later: pd.Series, earlier: pd.Series) -> pd.Series:
    return (later - earlier).dt.days


def _median(values: pd.Series) -> float:
    values = values.dropna()
    return float(values.median()) if len(values) else np.nan


def _rate(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else np.nan


class NaiveRegister:
    """The register (the ``cases`` view, flags included) and the reference tables, in memory."""

    def __init__(self, cur):
        self.cur = cur
        self.cases = cur.execute("SELECT * FROM cases").df()
        self.headcount = cur.execute("SELECT region_code, asn_count, is_synthetic FROM headcount_latest").df()
        self.sanction_types = cur.execute("SELECT * FROM sanction_types").df()
        self.events_table = cur.execute(
            "SELECT e.*, r.level, r.province_code FROM socialization_events e JOIN regions r USING (region_code)"
        ).df()
        self.regions_table = queries.regions(cur)
        self._reference: dict = {}

    def memory_bytes(self) -> int:
        return int(self.cases.memory_usage(deep=True).sum())

    def backend(self, name: str, filters: Filters | None, **extra) -> pd.DataFrame:
        if name in REFERENCE_QUERIES:
            key = (name, filters, tuple(sorted(extra.items())))
            if key not in self._reference:
                self._reference[key] = self._reference_query(name, filters, **extra)
            return self._reference[key]
        method = getattr(self, name)
        return method(**extra) if filters is None else method(filters, **extra)

    def _reference_query(self, name: str, filters: Filters | None, **extra) -> pd.DataFrame:
        if name == "reference_datasets":
            return pd.DataFrame({"rows": [len(d.frame) for d in open_data.reference_datasets(self.cur)]})
        query = getattr(queries, name)
        return query(self.cur, **extra) if filters is None else query(self.cur, filters, **extra)

    # --- filtering ---------------------------------------------------------------------

    def filtered(self, f: Filters, with_dates: bool = True) -> pd.DataFrame:
        df = self.cases
        mask = np.ones(len(df), dtype=bool)
        for field, column in FILTER_COLUMNS.items():
            value = getattr(f, field)
            if value is not None:
                mask &= (df[column] == value).to_numpy()
        if with_dates and f.date_from is not None:
            mask &= (df["reported_date"] >= pd.Timestamp(f.date_from)).to_numpy()
        if with_dates and f.date_to is not None:
            mask &= (df["reported_date"] <= pd.Timestamp(f.date_to)).to_numpy()
        return df[mask]

    # --- the register queries ------------------------------------------------------------

    def data_as_of(self) -> pd.DataFrame:
        c = self.cases
        return pd.DataFrame(
            [
                {
                    "register_cases_as_of": max(
                        c["reported_date"].max(), c["decided_date"].max(), c["forwarded_date"].max()
                    ),
                    "register_sanctions_as_of": max(c["recommendation_date"].max(), c["followup_date"].max()),
                    "register_is_synthetic": bool(c["is_synthetic"].any()),
                }
            ]
        )

    def at_age(self, d: pd.DataFrame, age_days: int | None) -> pd.DataFrame:
        """The cases as they stood ``age_days`` after their voting day (views/25_filtered_cases_at_age.sql)."""
        if age_days is None:
            return d
        newest = max(
            self.cases[c].max()
            for c in ("reported_date", "decided_date", "forwarded_date", "recommendation_date", "followup_date")
        )
        cut = (d["voting_date"] + pd.Timedelta(days=age_days)).clip(upper=newest)
        d = d[d["reported_date"] <= cut].copy()
        cut = cut[d.index]
        d["is_proven"] &= d["decided_date"] <= cut
        d["is_recommended"] &= d["recommendation_date"] <= cut
        d["is_followed_up"] &= d["followup_date"] <= cut
        d["is_sanctioned"] &= d["followup_date"] <= cut
        d["resolution_date"] = d["resolution_date"].where(d["resolution_date"] <= cut)
        return d

    def headline_numbers(self, f: Filters, age_days: int | None = None) -> pd.DataFrame:
        d = self.at_age(self.filtered(f), age_days)
        recommended, followed = int(d["is_recommended"].sum()), int(d["is_followed_up"].sum())
        return pd.DataFrame(
            [
                {
                    "reported": len(d),
                    "registered": int(d["is_registered"].sum()),
                    "proven": int(d["is_proven"].sum()),
                    "recommended": recommended,
                    "followed_up": followed,
                    "sanctioned": int(d["is_sanctioned"].sum()),
                    "open_cases": int(d["resolution_date"].isna().sum()),
                    "followup_rate_pct": _rate(followed, recommended),
                    "median_days_to_resolution": _median(_days(d["resolution_date"], d["reported_date"])),
                    "any_synthetic": bool(d["is_synthetic"].any()),
                }
            ]
        )

    def cases_over_time(self, f: Filters, bucket: str = "week") -> pd.DataFrame:
        d = self.filtered(f)
        period = d["reported_date"].dt.to_period(
            {"week": "W", "month": "M", "day": "D", "quarter": "Q", "year": "Y"}[bucket]
        )
        grouped = d.groupby(period.dt.start_time)["is_proven"].agg(reported="size", proven="sum")
        return grouped.rename_axis("period_start").reset_index()

    def cases_by_days_before_voting(self, f: Filters, bin_days: int = 7) -> pd.DataFrame:
        d = self.filtered(f)
        binned = (np.floor(d["days_before_voting"] / bin_days) * bin_days).astype("int64")
        return (
            d.groupby([d["election_id"], binned.rename("days_before_voting")]).size().rename("reported").reset_index()
        )

    def _per_region(self, d: pd.DataFrame, key: str) -> pd.DataFrame:
        d = d.assign(_days=_days(d["resolution_date"], d["reported_date"]))
        return d.groupby(key).agg(
            reported=("case_id", "size"),
            proven=("is_proven", "sum"),
            recommended=("is_recommended", "sum"),
            followed_up=("is_followed_up", "sum"),
            median_days_to_resolution=("_days", "median"),
            any_synthetic=("is_synthetic", "any"),
        )

    def top_hotspots(self, f: Filters, limit: int = 10) -> pd.DataFrame:
        per = self._per_region(self.filtered(f), "region_code")[["reported", "proven"]].reset_index()
        per = per.merge(self.regions_table[["region_code", "region_name"]], on="region_code")
        per = per.merge(self.headcount, on="region_code", how="left")
        per["proven_per_1000_asn"] = (1000.0 * per["proven"] / per["asn_count"]).round(2)
        return per.sort_values(["reported", "region_code"], ascending=[False, True]).head(limit)

    def region_metrics(self, f: Filters, level: str = "regency", age_days: int | None = None) -> pd.DataFrame:
        key = "province_code" if level == "province" else "region_code"
        per = self._per_region(self.at_age(self.filtered(f), age_days), key).rename_axis("region_code").reset_index()
        regions = self.regions_table[self.regions_table["level"] == level][
            ["region_code", "region_name", "province_code"]
        ]
        out = regions.merge(per, on="region_code", how="left").merge(self.headcount, on="region_code", how="left")
        for column in ("reported", "proven", "recommended", "followed_up"):
            out[column] = out[column].fillna(0).astype("int64")
        out["followup_rate_pct"] = (
            100.0 * out["followed_up"] / out["recommended"].where(out["recommended"] > 0)
        ).round(1)
        out["proven_per_1000_asn"] = (1000.0 * out["proven"] / out["asn_count"]).round(3)
        return out.sort_values("region_code")

    def cases_by_dimension(self, f: Filters, dimension: str = "category") -> pd.DataFrame:
        d = self.filtered(f)
        grouped = d.groupby(["election_id", DIMENSION_COLUMNS[dimension]])["is_proven"].agg(
            reported="size", proven="sum"
        )
        grouped = grouped.reset_index().rename(columns={DIMENSION_COLUMNS[dimension]: "code"})
        return grouped.sort_values(["election_id", "reported", "code"], ascending=[True, False, True])

    def cases_crosstab(
        self, f: Filters, row_dimension: str = "category", column_dimension: str = "position"
    ) -> pd.DataFrame:
        d = self.filtered(f)
        grouped = d.groupby([DIMENSION_COLUMNS[row_dimension], DIMENSION_COLUMNS[column_dimension]])["is_proven"]
        grouped = grouped.agg(reported="size", proven="sum").reset_index()
        return grouped.set_axis(["row_code", "column_code", "reported", "proven"], axis=1)

    def followup_by_agency(self, f: Filters) -> pd.DataFrame:
        d = self.filtered(f)
        d = d[d["is_recommended"]]
        d = d.assign(
            _answered_days=_days(d["followup_date"], d["recommendation_date"]).where(
                d["followup_status"].isin(["ditindaklanjuti", "ditolak"])
            )
        )
        status = d["followup_status"]
        out = d.assign(_followed=status == "ditindaklanjuti", _refused=status == "ditolak", _pending=status == "belum")
        out = (
            out.groupby("ppk_agency")
            .agg(
                recommended=("case_id", "size"),
                followed_up=("_followed", "sum"),
                refused=("_refused", "sum"),
                pending=("_pending", "sum"),
                median_days_to_followup=("_answered_days", "median"),
            )
            .reset_index()
        )
        out["followup_rate_pct"] = (100.0 * out["followed_up"] / out["recommended"]).round(1)
        return out.sort_values(["recommended", "ppk_agency"], ascending=[False, True])

    def stage_durations(
        self,
        f: Filters,
        verification_days: int = queries.VERIFICATION_DAYS,
        review_working_days: int = queries.REVIEW_WORKING_DAYS,
    ) -> pd.DataFrame:
        d = self.filtered(f)
        registration_deadline = (d["reported_date"] + pd.Timedelta(days=verification_days)).to_numpy("datetime64[D]")
        review_deadline = np.busday_offset(registration_deadline, review_working_days, roll="backward")
        deadline = np.where(d["status"] == "tidak_diregistrasi", registration_deadline, review_deadline)
        decided = d["decided_date"].notna()
        stages = [
            (
                "bawaslu",
                _days(d["decided_date"], d["reported_date"])[decided],
                (d["decided_date"].to_numpy("datetime64[D]") <= deadline)[decided.to_numpy()],
            ),
            ("forwarding", _days(d["forwarded_date"], d["decided_date"]).dropna(), None),
            ("recommendation", _days(d["recommendation_date"], d["forwarded_date"]).dropna(), None),
            (
                "followup",
                _days(d["followup_date"], d["recommendation_date"])[
                    d["followup_status"].isin(["ditindaklanjuti", "ditolak"])
                ].dropna(),
                None,
            ),
        ]
        rows = []
        for order, (stage, days, in_level) in enumerate(stages, start=1):
            if not len(days):
                continue
            within = int(in_level.sum()) if in_level is not None else None
            rows.append(
                {
                    "stage": stage,
                    "stage_order": order,
                    "cases": len(days),
                    "median_days": days.median(),
                    "p90_days": days.quantile(0.9),
                    "max_days": days.max(),
                    "within_service_level": within,
                    "within_service_level_pct": _rate(within, len(days)) if within is not None else np.nan,
                }
            )
        return pd.DataFrame(
            rows,
            columns=[
                "stage",
                "stage_order",
                "cases",
                "median_days",
                "p90_days",
                "max_days",
                "within_service_level",
                "within_service_level_pct",
            ],
        )

    def backlog_by_age(self, f: Filters, as_of) -> pd.DataFrame:
        d = self.filtered(f)
        d = d[d["open_stage"].notna()]
        since = np.select(
            [d["open_stage"] == "pemeriksaan", d["open_stage"] == "menunggu_rekomendasi"],
            [d["reported_date"], d["forwarded_date"].fillna(d["decided_date"]).fillna(d["reported_date"])],
            d["recommendation_date"],
        )
        waiting = (pd.Timestamp(as_of) - pd.to_datetime(since)).days
        band = np.select([waiting <= limit for limit, _ in AGE_BANDS], [label for _, label in AGE_BANDS], ">365")
        grouped = pd.DataFrame({"open_stage": d["open_stage"].to_numpy(), "age_band": band, "waiting": waiting})
        return (
            grouped.groupby(["open_stage", "age_band"])
            .agg(cases=("waiting", "size"), oldest_days=("waiting", "max"))
            .reset_index()
        )

    def sanction_mix(self, f: Filters) -> pd.DataFrame:
        d = self.filtered(f)
        d = d[d["is_recommended"]]
        out = self.sanction_types[["code", "label_id", "label_en", "sanction_group", "severity"]].copy()
        out["recommended"] = out["code"].map(d["recommended_sanction_code"].value_counts()).fillna(0).astype("int64")
        out["imposed"] = out["code"].map(d["imposed_sanction_code"].value_counts()).fillna(0).astype("int64")
        return out.sort_values(["severity", "code"])

    def cases_around_events(self, f: Filters, window_days: int = 60) -> pd.DataFrame:
        scoped = self.filtered(f, with_dates=False)
        events = self.events_table[
            (self.events_table["date_precision"] == "day") & (self.events_table["level"] == "regency")
        ]
        if f.province_code:
            events = events[events["province_code"] == f.province_code]
        if f.regency_code:
            events = events[events["region_code"] == f.regency_code]
        rows = []
        window = pd.Timedelta(days=window_days)
        for event in events.itertuples():
            day = pd.Timestamp(event.event_date)
            here = scoped[
                (scoped["region_code"] == event.region_code)
                & scoped["reported_date"].between(day - window, day + window)
            ]["reported_date"]
            rows.append(
                {
                    "event_id": event.event_id,
                    "event_date": day,
                    "region_code": event.region_code,
                    "before": int((here < day).sum()),
                    "after": int((here > day).sum()),
                }
            )
        return pd.DataFrame(rows, columns=["event_id", "event_date", "region_code", "before", "after"])
