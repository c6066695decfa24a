"""Published figures turned into targets per cycle (reported counts, proven and follow-up rates,
category and position mixes, Kalimantan's share, regency counts), with where each target comes
from, and the plain text the Tentang data page shows of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.demo.parameters import (
    ASSUMED_KALIMANTAN_SHARE,
    BAND_ABOVE,
    BAND_BELOW,
    BAND_FACTOR,
    CATEGORY_REMAINDER,
    CYCLES,
    DEFAULT_CATEGORY_SHARES_PCT,
    DEFAULT_FOLLOWUP_RATE_PCT,
    DEFAULT_POSITION_SHARES_PCT,
    DEFAULT_PROVEN_RATE_PCT,
    DEFAULT_REPORTED,
    DEMO_AS_OF,
    PNS_TOTAL_METRIC,
    REPORTED_METRICS,
    USABLE_QUALIFIERS,
)
from analytics.demo.reference import _FIGURE_COLUMNS

#: Where a target comes from: a published figure of the cycle, another cycle's, or a demo default.
PUBLISHED, FALLBACK, DEFAULT = "published", "fallback", "default"


@dataclass(frozen=True)
class Target:
    """One calibrated number and where it comes from.

    basis: ``published`` (a figure about this cycle), ``fallback`` (borrowed from
    ``source_election_id``, or from a cross-cycle figure when that is empty) or ``default``
    (a documented assumption; no figure at all)."""

    value: float
    basis: str
    source_election_id: str = ""
    figure_ids: tuple[str, ...] = ()
    as_of_date: str = ""
    note: str = ""


@dataclass(frozen=True)
class ShareTarget:
    """A calibrated mix (shares sum to 1) and where it comes from."""

    shares: Mapping[str, float]
    basis: str
    source_election_id: str = ""
    figure_ids: tuple[str, ...] = ()
    as_of_date: str = ""
    stated_total_pct: float = 0.0
    note: str = ""


@dataclass(frozen=True)
class Calibration:
    """Targets per demo cycle (keys = election_id)."""

    cycles: tuple[str, ...]
    labels: Mapping[str, str]
    category: Mapping[str, ShareTarget]
    position: Mapping[str, ShareTarget]
    proven_rate: Mapping[str, Target]  # percent: terbukti / decided registered cases
    followup_rate: Mapping[str, Target]  # percent: ditindaklanjuti / mature recommendations
    reported: Mapping[str, Target]  # national reported count: the split across cycles and the default size
    #: Kalimantan's share of the national reported counts (a fraction; basis published or default)
    kalimantan_share: Target = field(
        default_factory=lambda: Target(
            value=ASSUMED_KALIMANTAN_SHARE, basis=DEFAULT, note="no provinces given; demo assumption"
        )
    )
    #: per cycle, per regency code: the published reported count (the largest stated)
    regency_reported: Mapping[str, Mapping[str, Target]] = field(default_factory=dict)

    def fallbacks(self) -> list[str]:
        """'<cycle>: <what>' for every target that is not published for its cycle."""
        out = []
        for name, targets in (
            ("category", self.category),
            ("position", self.position),
            ("proven_rate", self.proven_rate),
            ("followup_rate", self.followup_rate),
            ("reported", self.reported),
        ):
            for cycle in self.cycles:
                if targets[cycle].basis != PUBLISHED:
                    out.append(f"{cycle}: {name} ({targets[cycle].basis})")
        return out

    def cycle_weights(self) -> dict[str, float]:
        total = sum(self.reported[c].value for c in self.cycles)
        return {c: self.reported[c].value / total for c in self.cycles}

    def regency_total(self, cycle: str) -> float:
        """The sum of the cycle's published regency counts."""
        return float(sum(t.value for t in self.regency_reported.get(cycle, {}).values()))

    def expected_cases(self) -> dict[str, float]:
        """Per cycle: the expected Kalimantan reported count, the national reported count x
        Kalimantan's share, never below the sum of the cycle's published regency counts."""
        share = self.kalimantan_share.value
        return {c: max(self.reported[c].value * share, self.regency_total(c)) for c in self.cycles}

    def calibrated_counts(self) -> dict[str, int]:
        """Per cycle: the default demo's number of cases, ``expected_cases`` rounded half up."""
        return {c: int(np.floor(e + 0.5)) for c, e in self.expected_cases().items()}


def _prepare_figures(figures: pd.DataFrame, national_only: bool = True) -> pd.DataFrame:
    frame = figures.reindex(columns=_FIGURE_COLUMNS).fillna("").astype(str).copy()
    for col in ("scope", "region_code", "metric", "breakdown", "value_qualifier", "election_id"):
        frame[col] = frame[col].str.strip()
    frame["value"] = pd.to_numeric(frame["value"].str.strip(), errors="coerce")
    frame["as_of"] = pd.to_datetime(
        frame["as_of_date"].str.strip().replace("", None), format="ISO8601", errors="coerce"
    )
    frame["high"] = frame["confidence"].str.strip().eq("high")
    frame = frame[frame["value"].notna()]
    if national_only:
        frame = frame[frame["scope"].eq("national")]
    return frame


def _latest_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Latest as_of_date first (unknown dates last), then high confidence, then figure_id."""
    return rows.sort_values(
        ["as_of", "high", "figure_id"], ascending=[False, False, True], na_position="last", kind="stable"
    )


def _date_text(value) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _nearest(
    cycle: str, candidates: Sequence[str], voting: Mapping[str, pd.Timestamp], types: Mapping[str, str]
) -> str:
    """The candidate cycle nearest in voting date; ties go to the same election type, then the earlier."""

    def key(other: str):
        gap = abs((voting[other] - voting[cycle]).days)
        return (gap, types.get(other) != types.get(cycle), voting[other])

    return min(candidates, key=key)


def _rates(frame: pd.DataFrame, metric: str, cycles: Sequence[str], voting, types, default: float) -> dict[str, Target]:
    """Per cycle: the national figure with the latest as_of_date (then high confidence); a cycle
    without one borrows from the nearest cycle that has one; ``default`` when none has."""
    published: dict[str, Target] = {}
    for cycle in cycles:
        rows = frame[(frame["metric"] == metric) & (frame["election_id"] == cycle)]
        if rows.empty:
            continue
        best = _latest_first(rows).iloc[0]
        published[cycle] = Target(
            value=float(best["value"]),
            basis=PUBLISHED,
            source_election_id=cycle,
            figure_ids=(best["figure_id"],),
            as_of_date=_date_text(best["as_of"]),
            note=f"{metric}, confidence {best['confidence']}",
        )
    out: dict[str, Target] = {}
    for cycle in cycles:
        if cycle in published:
            out[cycle] = published[cycle]
        elif published:
            src = published[_nearest(cycle, list(published), voting, types)]
            out[cycle] = Target(
                value=src.value,
                basis=FALLBACK,
                source_election_id=src.source_election_id,
                figure_ids=src.figure_ids,
                as_of_date=src.as_of_date,
                note=f"no figure for {cycle}; nearest cycle with one",
            )
        else:
            out[cycle] = Target(value=float(default), basis=DEFAULT, note="no published figure; documented default")
    return out


def _reported(frame: pd.DataFrame, cycles: Sequence[str]) -> dict[str, Target]:
    """Per cycle: the largest national count of reported ASN/cases/complaints stated for it (not
    one of low confidence).
    Counts are cumulative and snapshots grow, while final figures often carry only a year as
    their date, so the largest count (not the latest date) is the most complete. Never summed.
    Fallback: ``DEFAULT_REPORTED``."""
    # a figure the compiler marks doubtful (confidence low) never sets the size
    rows_all = frame[frame["metric"].isin(REPORTED_METRICS) & ~frame["confidence"].str.strip().eq("low")]
    out: dict[str, Target] = {}
    for cycle in cycles:
        rows = rows_all[rows_all["election_id"] == cycle]
        if rows.empty:
            out[cycle] = Target(
                value=float(DEFAULT_REPORTED.get(cycle, 100)),
                basis=DEFAULT,
                note="no published count; documented default",
            )
            continue
        best = rows.sort_values(
            ["value", "high", "as_of", "figure_id"],
            ascending=[False, False, False, True],
            na_position="last",
            kind="stable",
        ).iloc[0]
        out[cycle] = Target(
            value=float(best["value"]),
            basis=PUBLISHED,
            source_election_id=cycle,
            figure_ids=(best["figure_id"],),
            as_of_date=_date_text(best["as_of"]),
            note=f"{best['metric']}, the largest national count stated",
        )
    return out


def _kalimantan_share(figures: pd.DataFrame, province_codes: Sequence[str], headcount: pd.DataFrame | None) -> Target:
    """Kalimantan's share of the national reported counts: the PNS located in its provinces over
    the national PNS total. The national total is the latest national ``PNS_TOTAL_METRIC`` figure;
    per province the province-scope figure nearest to it in year (a real all-agencies PNS row of
    asn_headcount when no figure is as near; a figure first on a tie). ``ASSUMED_KALIMANTAN_SHARE``
    (basis default) when the national total or a province's is missing."""
    provinces = sorted(set(province_codes))

    def assumed(why: str) -> Target:
        return Target(value=ASSUMED_KALIMANTAN_SHARE, basis=DEFAULT, note=f"{why}; demo assumption")

    if not provinces:
        return assumed("no provinces given")
    usable = (
        figures["value_qualifier"].isin(USABLE_QUALIFIERS + ("",))
        & (figures["value"] > 0)
        & figures["breakdown"].eq("")
    )
    pns = figures[usable & figures["metric"].eq(PNS_TOTAL_METRIC)]
    national = pns[pns["scope"].eq("national") & pns["region_code"].eq("")]
    if national.empty:
        return assumed(f"no national {PNS_TOTAL_METRIC} figure")
    nat = _latest_first(national).iloc[0]
    nat_year = nat["as_of"].year if pd.notna(nat["as_of"]) else np.nan

    rows = pns[pns["scope"].eq("province") & pns["region_code"].isin(provinces)]
    candidates = [
        pd.DataFrame(
            {
                "region_code": rows["region_code"],
                "count": rows["value"],
                "year": rows["as_of"].dt.year.astype(float),
                "id": rows["figure_id"],
                "from_headcount": False,
            }
        )
    ]
    if headcount is not None and not headcount.empty:
        hc = (
            headcount.reindex(
                columns=[
                    "headcount_id",
                    "region_code",
                    "year",
                    "asn_count",
                    "count_basis",
                    "coverage",
                    "value_qualifier",
                ]
            )
            .fillna("")
            .astype(str)
        )
        hc = hc[
            hc["region_code"].isin(provinces)
            & hc["count_basis"].eq("pns")
            & hc["coverage"].eq("all_agencies_in_region")
            & hc["value_qualifier"].isin(USABLE_QUALIFIERS)
        ]
        candidates.append(
            pd.DataFrame(
                {
                    "region_code": hc["region_code"],
                    "count": pd.to_numeric(hc["asn_count"], errors="coerce"),
                    "year": pd.to_numeric(hc["year"], errors="coerce"),
                    "id": hc["headcount_id"],
                    "from_headcount": True,
                }
            )
        )
    pool = pd.concat(candidates, ignore_index=True)
    pool = pool[pool["count"] > 0]
    pool["gap"] = (pool["year"] - nat_year).abs().fillna(np.inf)
    chosen = (
        pool.sort_values(
            ["gap", "from_headcount", "year", "id"],
            ascending=[True, True, False, True],
            na_position="last",
            kind="stable",
        )
        .drop_duplicates("region_code")
        .set_index("region_code")
        .reindex(provinces)
    )
    missing = [code for code in provinces if pd.isna(chosen.loc[code, "count"])]
    if missing:
        return assumed(f"no {PNS_TOTAL_METRIC} total for province(s) {', '.join(missing)}")
    total = float(chosen["count"].sum())
    share = total / float(nat["value"])
    if not 0 < share < 1:
        return assumed(f"province totals ({total:,.0f}) do not fit the national total ({nat['value']:,.0f})")
    years = ", ".join(f"{code} {int(y)}" if pd.notna(y) else f"{code} ?" for code, y in chosen["year"].items())
    return Target(
        value=share,
        basis=PUBLISHED,
        figure_ids=(nat["figure_id"], *chosen["id"]),
        as_of_date=_date_text(nat["as_of"]),
        note=f"PNS in the provinces {total:,.0f} / national PNS {nat['value']:,.0f}; province years: {years}",
    )


def _regency_reported(
    figures: pd.DataFrame, cycles: Sequence[str], regency_codes: Sequence[str] | None
) -> dict[str, dict[str, Target]]:
    """Per cycle, per regency: the largest published ``REPORTED_METRICS`` count (region_code with
    a dot; counts are cumulative, so the largest is the most complete)."""
    rows = figures[
        figures["metric"].isin(REPORTED_METRICS)
        & figures["region_code"].str.contains(".", regex=False)
        & figures["election_id"].isin(cycles)
        & (figures["value"] >= 0)
    ]
    if regency_codes is not None:
        rows = rows[rows["region_code"].isin(set(regency_codes))]
    best = rows.sort_values(
        ["value", "high", "as_of", "figure_id"],
        ascending=[False, False, False, True],
        na_position="last",
        kind="stable",
    ).drop_duplicates(["election_id", "region_code"])
    out: dict[str, dict[str, Target]] = {c: {} for c in cycles}
    for row in best.sort_values(["election_id", "region_code"]).itertuples(index=False):
        out[row.election_id][row.region_code] = Target(
            value=float(row.value),
            basis=PUBLISHED,
            source_election_id=row.election_id,
            figure_ids=(row.figure_id,),
            as_of_date=_date_text(row.as_of),
            note=f"{row.metric}, the largest count stated for the regency",
        )
    return out


def regency_band(published: float | np.ndarray) -> tuple:
    """The stated band of the default demo's count for a regency with a published count:
    ``[published / BAND_FACTOR - BAND_BELOW, BAND_FACTOR x published + BAND_ABOVE]``."""
    return published / BAND_FACTOR - BAND_BELOW, BAND_FACTOR * published + BAND_ABOVE


def _share_set(rows: pd.DataFrame) -> pd.DataFrame:
    """The most recent set (one as_of_date, one election) and one row per breakdown in it.
    A set states at least two shares when any such set exists (a lone figure is not a mix);
    ties on the date go to the larger set, then to the election_id sorting last."""
    keyed = rows.assign(_as_of=rows["as_of"].fillna(pd.Timestamp.min))
    sizes = keyed.groupby(["_as_of", "election_id"])["breakdown"].nunique().reset_index(name="_n")
    sizes["_set"] = sizes["_n"] >= 2
    best = sizes.sort_values(["_set", "_as_of", "_n", "election_id"], ascending=False, kind="stable").iloc[0]
    chosen = keyed[(keyed["_as_of"] == best["_as_of"]) & (keyed["election_id"] == best["election_id"])]
    chosen = chosen.sort_values(["high", "figure_id"], ascending=[False, True], kind="stable")
    return chosen.drop_duplicates("breakdown", keep="first").drop(columns="_as_of")


def _shares(chosen: pd.DataFrame, codes: Sequence[str], remainder_to: str | None) -> tuple[dict[str, float], float]:
    """Stated percentages to shares summing to 1. A stated total under 100 % leaves a remainder
    that goes to ``remainder_to`` or, when None, is split equally over the codes not stated.
    A stated total over 100 % is normalised."""
    stated = {b: float(v) for b, v in zip(chosen["breakdown"], chosen["value"], strict=True) if b in codes}
    stated = {b: max(v, 0.0) for b, v in stated.items()}
    total = sum(stated.values())
    pct = {c: stated.get(c, 0.0) for c in codes}
    remainder = max(100.0 - total, 0.0)
    if remainder > 0:
        unstated = [c for c in codes if c not in stated]
        if remainder_to is not None:
            pct[remainder_to] += remainder
        elif unstated:
            for c in unstated:
                pct[c] += remainder / len(unstated)
    grand = sum(pct.values())
    if grand <= 0:
        raise ValueError("share figures sum to zero")
    return {c: pct[c] / grand for c in codes}, total


def _mix(
    frame: pd.DataFrame,
    metric: str,
    cycles: Sequence[str],
    codes: Sequence[str],
    remainder_to: str | None,
    default_pct: Mapping[str, float],
) -> dict[str, ShareTarget]:
    rows_all = frame[(frame["metric"] == metric) & frame["breakdown"].isin(codes)]
    out: dict[str, ShareTarget] = {}
    for cycle in cycles:
        rows = rows_all[rows_all["election_id"] == cycle]
        basis = PUBLISHED
        if rows.empty:
            rows, basis = rows_all, FALLBACK
        if rows.empty:
            default = pd.DataFrame({"breakdown": list(default_pct), "value": list(default_pct.values())})
            shares, total = _shares(default, codes, remainder_to)
            out[cycle] = ShareTarget(
                shares=shares, basis=DEFAULT, stated_total_pct=total, note="no published shares; documented default mix"
            )
            continue
        chosen = _share_set(rows)
        shares, total = _shares(chosen, codes, remainder_to)
        source = chosen["election_id"].iloc[0]
        remainder = max(100.0 - total, 0.0)
        where = f"'{remainder_to}'" if remainder_to else "the positions not stated"
        note = (
            f"stated shares total {total:.1f}%"
            + (f"; remainder {remainder:.1f}% to {where}" if remainder else "")
            + ("; normalised" if total > 100 else "")
        )
        out[cycle] = ShareTarget(
            shares=shares,
            basis=basis,
            source_election_id=source,
            figure_ids=tuple(chosen["figure_id"]),
            as_of_date=_date_text(chosen["as_of"].iloc[0]),
            stated_total_pct=total,
            note=note,
        )
    return out


def calibration_from_figures(
    published_figures: pd.DataFrame,
    elections: pd.DataFrame,
    category_codes: Sequence[str] | None = None,
    position_codes: Sequence[str] | None = None,
    province_codes: Sequence[str] | None = None,
    regency_codes: Sequence[str] | None = None,
    headcount: pd.DataFrame | None = None,
) -> Calibration:
    """Calibration targets per demo cycle from the national published figures.

    - category / position mix: ``category_share_pct`` / ``position_share_pct`` rows whose breakdown
      is a known code; per cycle the most recent set (latest as_of_date) about that cycle, else the
      most recent set overall (basis ``fallback``); a set states two or more shares where such a
      set exists. Stated shares are normalised; a remainder up to
      100 % goes to 'lainnya' (categories) or is split over the positions not stated.
    - proven rate (``proven_rate_pct``) and follow-up rate (``followup_rate_pct``) per cycle: the
      latest as_of_date, then confidence high; a cycle without one borrows from the nearest cycle
      (by voting day) that has one (basis ``fallback``).
    - reported count: the largest national ``REPORTED_METRICS`` figure stated for the cycle
      (cumulative counts; final figures often dated by year only); fallback ``DEFAULT_REPORTED``.
      Splits an explicit number of cases across cycles and, times the share, sizes the default demo.
    - Kalimantan's share (``province_codes`` and the real ``headcount`` rows): see
      ``_kalimantan_share``; without ``province_codes`` the assumed share.
    - regency counts: the largest ``REPORTED_METRICS`` figure per regency (region_code with a dot,
      among ``regency_codes`` when given) and cycle.
    National-scope rows make the national targets. Values stay in percent (rates) and ASN/cases (counts).
    """
    category_codes = tuple(category_codes or DEFAULT_CATEGORY_SHARES_PCT)
    position_codes = tuple(position_codes or DEFAULT_POSITION_SHARES_PCT)
    elections = elections.copy()
    elections["voting_date"] = pd.to_datetime(elections["voting_date"].astype(str), format="ISO8601")
    cycles = tuple(c for c in CYCLES if c in set(elections["election_id"]))
    if not cycles:
        raise ValueError(f"elections has none of the demo cycles {CYCLES}")
    voting = dict(zip(elections["election_id"], elections["voting_date"], strict=True))
    types = dict(
        zip(elections["election_id"], elections.get("election_type", pd.Series("", index=elections.index)), strict=True)
    )
    label_col = elections["label_id"] if "label_id" in elections else elections["election_id"]
    labels = {e: (lab or e) for e, lab in zip(elections["election_id"], label_col, strict=True)}

    frame = _prepare_figures(published_figures)
    every = _prepare_figures(published_figures, national_only=False)
    return Calibration(
        cycles=cycles,
        labels={c: labels[c] for c in cycles},
        category=_mix(
            frame, "category_share_pct", cycles, category_codes, CATEGORY_REMAINDER, DEFAULT_CATEGORY_SHARES_PCT
        ),
        position=_mix(frame, "position_share_pct", cycles, position_codes, None, DEFAULT_POSITION_SHARES_PCT),
        proven_rate=_rates(frame, "proven_rate_pct", cycles, voting, types, DEFAULT_PROVEN_RATE_PCT),
        followup_rate=_rates(frame, "followup_rate_pct", cycles, voting, types, DEFAULT_FOLLOWUP_RATE_PCT),
        reported=_reported(frame, cycles),
        kalimantan_share=_kalimantan_share(every, () if province_codes is None else province_codes, headcount),
        regency_reported=_regency_reported(every, cycles, regency_codes),
    )


def _fmt_pct(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return (text.replace(".", ",") if lang == "id" else text) + "%"


def _source_text(t: Target | ShareTarget, cal: Calibration, lang: str) -> str:
    ids = ", ".join(t.figure_ids)
    src_label = cal.labels.get(t.source_election_id, t.source_election_id)
    as_of = (
        f", per {t.as_of_date}"
        if t.as_of_date and lang == "id"
        else (f", as of {t.as_of_date}" if t.as_of_date else "")
    )
    if lang == "id":
        if t.basis == PUBLISHED:
            return f"angka resmi ({ids}{as_of})"
        if t.basis == FALLBACK:
            where = f"dari {src_label}" if t.source_election_id else "dari angka lintas siklus"
            return f"BUKAN angka resmi siklus ini: dipinjam {where} ({ids}{as_of})"
        return "asumsi demo (tidak ada angka resmi)"
    if t.basis == PUBLISHED:
        return f"published ({ids}{as_of})"
    if t.basis == FALLBACK:
        where = f"from {src_label}" if t.source_election_id else "from a cross-cycle figure"
        return f"NOT published for this cycle: borrowed {where} ({ids}{as_of})"
    return "demo assumption (no published figure)"


def describe_calibration(calibration: Calibration, lang: str = "id") -> str:
    """Plain text for the "Tentang data" page: what each cycle's targets are and whether each
    is published for that cycle, borrowed from another cycle, or a demo assumption."""
    cal = calibration
    if lang == "id":
        lines = [
            "Register kasus ini SINTETIS (is_synthetic = true): tidak ada data kasus publik. "
            f"Dibangkitkan secara deterministik, per {DEMO_AS_OF.isoformat()}, dan dikalibrasi ke angka nasional yang dipublikasikan.",
        ]
    else:
        lines = [
            "This case register is SYNTHETIC (is_synthetic = true): no public case-level data exists. "
            f"It is generated deterministically, as of {DEMO_AS_OF.isoformat()}, and calibrated to published national figures.",
        ]
    lines += ["", *_size_text(cal, lang)]
    weights = cal.cycle_weights()
    expected, counts = cal.expected_cases(), cal.calibrated_counts()
    share_pct = _fmt_pct(100 * cal.kalimantan_share.value, lang)
    for cycle in cal.cycles:
        label = cal.labels[cycle]
        f, p, r = cal.followup_rate[cycle], cal.proven_rate[cycle], cal.reported[cycle]
        cat, pos = cal.category[cycle], cal.position[cycle]
        regency = cal.regency_reported.get(cycle, {})
        floor = cal.regency_total(cycle) > r.value * cal.kalimantan_share.value
        regency_ids = ", ".join(t.figure_ids[0] for t in regency.values())
        if lang == "id":
            size = (
                f"  - perkiraan kasus Kalimantan {_fmt_num(expected[cycle], lang)}"
                + (
                    f": jumlah angka resmi kabupaten/kota, lebih dari {_fmt_num(r.value, lang, 0)} × {share_pct}"
                    if floor
                    else f" = {_fmt_num(r.value, lang, 0)} × {share_pct}"
                )
                + f"; register demo bawaan: {_fmt_num(counts[cycle], lang, 0)} kasus"
            )
            if regency:
                size += f"; angka resmi kabupaten/kota: {len(regency)} wilayah ({regency_ids})"
            lines += [
                "",
                f"**{label}**",
                "",
                size,
                f"  - porsi kasus {_fmt_pct(100 * weights[cycle], lang)} dari jumlah dilaporkan {_fmt_num(r.value, lang, 0)}: {_source_text(r, cal, lang)}",
                f"  - tingkat terbukti {_fmt_pct(p.value, lang)}: {_source_text(p, cal, lang)}",
                f"  - tingkat tindak lanjut PPK {_fmt_pct(f.value, lang)}: {_source_text(f, cal, lang)}",
                f"  - komposisi kategori: {_source_text(cat, cal, lang)}; {_remainder_text(cat, 'lainnya', lang)}",
                f"  - komposisi jabatan: {_source_text(pos, cal, lang)}; {_remainder_text(pos, None, lang)}",
            ]
        else:
            size = (
                f"  - expected Kalimantan cases {_fmt_num(expected[cycle], lang)}"
                + (
                    f": the sum of the published regency counts, more than {r.value:,.0f} × {share_pct}"
                    if floor
                    else f" = {r.value:,.0f} × {share_pct}"
                )
                + f"; default demo register: {counts[cycle]:,} cases"
            )
            if regency:
                size += f"; published regency counts: {len(regency)} regencies ({regency_ids})"
            lines += [
                "",
                f"**{label}**",
                "",
                size,
                f"  - share of cases {_fmt_pct(100 * weights[cycle], lang)} from reported count {r.value:,.0f}: {_source_text(r, cal, lang)}",
                f"  - proven rate {_fmt_pct(p.value, lang)}: {_source_text(p, cal, lang)}",
                f"  - PPK follow-up rate {_fmt_pct(f.value, lang)}: {_source_text(f, cal, lang)}",
                f"  - category mix: {_source_text(cat, cal, lang)}; {_remainder_text(cat, 'lainnya', lang)}",
                f"  - position mix: {_source_text(pos, cal, lang)}; {_remainder_text(pos, None, lang)}",
            ]
    lines.append("")
    if lang == "id":
        lines.append(
            "Wilayah (selain kabupaten/kota yang punya angka resmi), instansi, tanggal, jeda proses dan jenis "
            "sanksi adalah asumsi demo, bukan angka resmi."
        )
    else:
        lines.append(
            "Regions (other than regencies with a published count), agencies, dates, processing lags and "
            "sanction types are demo assumptions, not published figures."
        )
    return "\n".join(lines)


def _fmt_num(value: float, lang: str, decimals: int = 1) -> str:
    """A number with Indonesian separators (1.158; 172,2) or English ones (1,158; 172.2)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".") if lang == "id" else text


def _size_text(cal: Calibration, lang: str) -> list[str]:
    """How big the default demo is and why: the share, its source, the regency band."""
    share = cal.kalimantan_share
    pct = _fmt_pct(100 * share.value, lang)
    ids = ", ".join(share.figure_ids)
    band = (
        f"[{'angka' if lang == 'id' else 'published'}/{BAND_FACTOR:g} − {BAND_BELOW:g}, "
        f"{BAND_FACTOR:g} × {'angka' if lang == 'id' else 'published'} + {BAND_ABOVE:g}]"
    )
    if lang == "id":
        if share.basis == PUBLISHED:
            years = share.note.split("province years: ")[-1] if "province years: " in share.note else ""
            source = (
                f"PNS di {len(share.figure_ids) - 1} provinsi Kalimantan dibagi total PNS nasional, angka resmi "
                f"({ids}; total nasional per {share.as_of_date}"
                + (f"; tahun angka provinsi: {years})" if years else ")")
            )
        else:
            source = (
                f"asumsi demo, bukan angka resmi: total PNS nasional atau provinsi tidak lengkap di data ({share.note})"
            )
        return [
            f"Ukuran register demo bawaan: per siklus, jumlah dilaporkan nasional × porsi Kalimantan {pct} "
            "(tidak kurang dari jumlah angka resmi kabupaten/kota siklus itu), dibulatkan. "
            f"Porsi Kalimantan {pct}: {source}.",
            "",
            "Kabupaten/kota yang punya angka resmi jumlah dilaporkan untuk suatu siklus mendapat perkiraan di dekat "
            f"angka itu; di register demo bawaan jumlah kasusnya berada dalam rentang {band}.",
        ]
    if share.basis == PUBLISHED:
        source = (
            f"PNS located in the {len(share.figure_ids) - 1} Kalimantan provinces over the national PNS total, "
            f"published ({ids}; national total as of {share.as_of_date}; {share.note})"
        )
    else:
        source = (
            f"a demo assumption, not a published figure: the data lack a national or province PNS total ({share.note})"
        )
    return [
        f"Size of the default demo register: per cycle, the national reported count × Kalimantan's share {pct} "
        "(never less than the sum of the cycle's published regency counts), rounded. "
        f"Kalimantan's share {pct}: {source}.",
        "",
        "Regencies with a published reported count for a cycle get an expectation near that figure; in the default "
        f"demo register their count lies within {band}.",
    ]


def _remainder_text(t: ShareTarget, remainder_to: str | None, lang: str) -> str:
    if t.basis == DEFAULT:
        return "campuran asumsi" if lang == "id" else "assumed mix"
    remainder = max(100.0 - t.stated_total_pct, 0.0)
    if remainder <= 0:
        return "dinormalisasi ke 100%" if lang == "id" else "normalised to 100%"
    if lang == "id":
        where = f"'{remainder_to}'" if remainder_to else "jabatan yang tidak disebut"
        return f"angka yang disebut berjumlah {_fmt_pct(t.stated_total_pct, lang)}; sisa {_fmt_pct(remainder, lang)} dimasukkan ke {where}"
    where = f"'{remainder_to}'" if remainder_to else "the positions not stated"
    return f"stated shares total {_fmt_pct(t.stated_total_pct, lang)}; the remaining {_fmt_pct(remainder, lang)} goes to {where}"
