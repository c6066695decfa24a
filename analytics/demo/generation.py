"""The register drawn from a plan: deterministic chunks of cases and sanctions from the
calibration, seeded per chunk, and synthetic headcounts for regencies without a real one."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from analytics.demo.calibration import Calibration, calibration_from_figures
from analytics.demo.parameters import (
    _EPOCH,
    _NO_DAY,
    ANCHOR_FLOOR,
    ANCHOR_SHAPE,
    AS_OF_DAY,
    BKN_SLOW_DAYS,
    CORE_BEFORE_DAYS,
    DEFAULT_CHUNK_SIZE,
    DEFAULT_SEED,
    DISIPLIN_MIX,
    FOLLOWUP_DAYS,
    FORWARD_DAYS,
    HANDOVER_DAY,
    MEDIA,
    MEDIUM_BY_CATEGORY,
    MEDIUM_OTHER,
    MORAL_MIX,
    PPK_PUSAT,
    PROVINCE_AGENCIES,
    PTDH_CATEGORY,
    PTDH_CODE,
    RECOMMENDATION_DAYS,
    REGENCY_AGENCIES,
    REPORTED_MIX,
    REVIEW_SLA_WORKING_DAYS,
    SCHEMAS,
    SHARE_BKN_SLOW,
    SHARE_IMPOSED_LIGHTER,
    SHARE_NOT_REGISTERED,
    SHARE_PROVINSI,
    SHARE_PUSAT,
    SHARE_REFUSED_MAX,
    SHARE_REVIEWED_IN_SLA,
    SHARE_STALLED,
    SHARE_STOPPED,
    SHARE_TEMUAN,
    SHARE_VERIFIED_IN_SLA,
    STALL_MAX_DAYS,
    STALL_MEAN_DAYS,
    SYNTHETIC_HEADCOUNT_RANGE,
    SYNTHETIC_HEADCOUNT_YEAR,
    SYNTHETIC_PUBLISHER,
    SYNTHETIC_SOURCE_TITLE,
    USABLE_QUALIFIERS,
    VERIFICATION_SLA_DAYS,
    VERTICAL_OFFICES,
    _day,
)
from analytics.demo.reference import Reference, cycle_windows, load_reference


def _seed_sequence(seed: int, *key: int) -> np.random.SeedSequence:
    return np.random.SeedSequence(seed, spawn_key=key)


def _chunk_rng(seed: int, chunk_index: int) -> np.random.Generator:
    """The generator of one chunk: seeded from (seed, chunk_index) only."""
    return np.random.default_rng(_seed_sequence(seed, 1, chunk_index))


def _setup_rng(seed: int, stream: int) -> np.random.Generator:
    return np.random.default_rng(_seed_sequence(seed, 0, stream))


_STREAM_HEADCOUNT, _STREAM_INTENSITY = 0, 1


def _allocate(total: int, weights: Sequence[float]) -> np.ndarray:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder)."""
    w = np.asarray(weights, dtype=float)
    exact = total * w / w.sum()
    counts = np.floor(exact).astype(np.int64)
    short = total - int(counts.sum())
    order = np.argsort(-(exact - counts), kind="stable")
    counts[order[:short]] += 1
    return counts


def _regencies_with_real_count(reference: Reference) -> set[str]:
    """Regencies with a real count usable as a denominator: value_qualifier exact or approx, the
    rows the ``headcount_latest`` view takes (a 'more_than' count is only a bound)."""
    real = reference.headcount
    if real.empty:
        return set()
    usable = (
        real["value_qualifier"].astype(str).str.strip().isin(USABLE_QUALIFIERS) if "value_qualifier" in real else True
    )
    return set(real.loc[usable, "region_code"]) & set(reference.regencies["region_code"])


def synthetic_denominators(reference_dir: Path | None = None, reference: Reference | None = None) -> tuple[int, int]:
    """(regencies whose per-1,000-ASN denominator in the demo is synthetic, all regencies), for a
    line such as "<n> dari 56 penyebut sintetis". Read from the reference data: every regency
    without a real usable count gets one synthetic asn_headcount row (``synthetic_headcount``),
    which the ``headcount_latest`` view then takes. Once real cases are imported the synthetic
    rows go (they belong to the demo), and such regencies have no denominator at all."""
    ref = reference or load_reference(reference_dir)
    regencies = set(ref.regencies["region_code"])
    return len(regencies - _regencies_with_real_count(ref)), len(regencies)


def synthetic_headcount(reference: Reference, seed: int) -> pd.DataFrame:
    """One synthetic row per regency without a real usable count (catalog columns of asn_headcount)."""
    regs = reference.regencies
    real = _regencies_with_real_count(reference)
    rng = _setup_rng(seed, _STREAM_HEADCOUNT)
    # One draw per regency (in region_code order), so a regency's count does not depend on which others are real.
    u = rng.random(len(regs))
    lo = np.where(
        regs["regency_type"] == "kota", SYNTHETIC_HEADCOUNT_RANGE["kota"][0], SYNTHETIC_HEADCOUNT_RANGE["kabupaten"][0]
    )
    hi = np.where(
        regs["regency_type"] == "kota", SYNTHETIC_HEADCOUNT_RANGE["kota"][1], SYNTHETIC_HEADCOUNT_RANGE["kabupaten"][1]
    )
    counts = np.round(np.exp(np.log(lo) + u * (np.log(hi) - np.log(lo))) / 10).astype(np.int64) * 10
    keep = ~regs["region_code"].isin(real).to_numpy()
    codes = regs["region_code"].to_numpy()[keep]
    n = len(codes)
    return pd.DataFrame(
        {
            "headcount_id": pd.array(["SYN-" + c for c in codes], dtype="str"),
            "region_code": pd.array(codes, dtype="str"),
            "year": np.full(n, SYNTHETIC_HEADCOUNT_YEAR, dtype=np.int32),
            "asn_count": counts[keep],
            "count_basis": pd.array(["asn"] * n, dtype="str"),
            "coverage": pd.array(["regional_government"] * n, dtype="str"),
            "value_qualifier": pd.array(["exact"] * n, dtype="str"),
            "source_title": pd.array([SYNTHETIC_SOURCE_TITLE] * n, dtype="str"),
            "source_url": pd.array([""] * n, dtype="str"),
            "publisher": pd.array([SYNTHETIC_PUBLISHER] * n, dtype="str"),
            "is_synthetic": np.ones(n, dtype=bool),
        }
    )


def _region_headcounts(reference: Reference, synthetic: pd.DataFrame) -> np.ndarray:
    """One headcount per regency (region_code order): the latest real count (preferring ASN over
    PNS-only and regional-government coverage), else the synthetic one."""
    counts = dict(zip(synthetic["region_code"], synthetic["asn_count"].astype(float), strict=True))
    real = reference.headcount
    if not real.empty:
        real = real.assign(
            _n=pd.to_numeric(real["asn_count"], errors="coerce"),
            _year=pd.to_numeric(real["year"], errors="coerce"),
            _asn=real["count_basis"].eq("asn"),
            _rg=real["coverage"].eq("regional_government"),
        ).dropna(subset=["_n"])
        real = real.sort_values(["_asn", "_rg", "_year"], ascending=False, kind="stable").drop_duplicates("region_code")
        counts.update(zip(real["region_code"], real["_n"], strict=True))
    return np.array([counts.get(code, np.nan) for code in reference.regencies["region_code"]], dtype=float)


def _share_without_cases(cycle: str) -> float:
    """Share of regencies given no case at all in a cycle: more where only some regions held a
    local election (Pilkada before 2024), few where every region voted."""
    return 0.03 if cycle.startswith("pemilu") or cycle == "pilkada-2024" else 0.12


def _pppk_share(year: int) -> float:
    """PPPK were first appointed in 2019-2021 and are about a quarter of ASN by 2024."""
    if year < 2019:
        return 0.0
    return 0.28 if year >= 2024 else 0.05


@dataclass(frozen=True, eq=False)
class Plan:
    """Everything shared by the chunks of one register: the reference, the calibration, the
    case counts per cycle and the per-cycle region probabilities."""

    reference: Reference
    calibration: Calibration
    windows: pd.DataFrame
    cycles: tuple[str, ...]
    counts: np.ndarray  # cases per cycle
    region_p: np.ndarray  # (cycles, regencies)
    headcount: pd.DataFrame  # synthetic rows
    total: int
    seed: int
    chunk_size: int
    id_width: int
    lookups: Mapping[str, object] = field(default_factory=dict)
    calibrated: bool = False  # the size is the calibrated one (cases=None), not an explicit total

    @property
    def n_chunks(self) -> int:
        return -(-self.total // self.chunk_size)

    def fingerprint(self) -> str:
        """A digest of everything the register's rows follow from (generator version, seed, chunk
        size, counts, region probabilities, calibration, synthetic headcounts): the same digest,
        the same rows."""
        digest = hashlib.sha256()
        digest.update(
            json.dumps(
                {
                    "generator": GENERATOR_VERSION,
                    "seed": self.seed,
                    "chunk_size": self.chunk_size,
                    "cycles": list(self.cycles),
                    "counts": [int(n) for n in self.counts],
                }
            ).encode()
        )
        digest.update(np.ascontiguousarray(self.region_p, dtype=np.float64).tobytes())
        digest.update(repr(self.calibration).encode())
        digest.update(self.headcount.to_csv(index=False).encode())
        return digest.hexdigest()[:16]


#: Changes whenever the same plan would give other rows (part of ``Plan.fingerprint``).
GENERATOR_VERSION = 2


def plan(
    cases: int | None = None,
    seed: int = DEFAULT_SEED,
    reference_dir: Path | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    reference: Reference | None = None,
) -> Plan:
    """Prepare a register: read the reference, calibrate, count the cases per cycle. ``cases=None``
    gives the calibrated size (``Calibration.calibrated_counts``); an explicit ``cases`` is split
    across cycles by ``Calibration.cycle_weights``."""
    if (cases is not None and cases < 0) or chunk_size < 1:
        raise ValueError("cases must be >= 0 and chunk_size >= 1")
    ref = reference or load_reference(reference_dir)
    regions = ref.regencies
    cal = calibration_from_figures(
        ref.published_figures,
        ref.elections,
        ref.category_codes,
        ref.position_codes,
        province_codes=sorted(set(regions["province_code"])),
        regency_codes=list(regions["region_code"]),
        headcount=ref.headcount,
    )
    windows = cycle_windows(ref.elections)
    cycles = cal.cycles
    if cases is None:
        calibrated = cal.calibrated_counts()
        counts = np.array([calibrated[c] for c in cycles], dtype=np.int64)
    elif cases:
        weights = cal.cycle_weights()
        counts = _allocate(cases, [weights[c] for c in cycles])
    else:
        counts = np.zeros(len(cycles), dtype=np.int64)

    headcount = synthetic_headcount(ref, seed)
    size = _region_headcounts(ref, headcount)
    size = np.where(np.isnan(size), np.nanmedian(size), size)
    rng = _setup_rng(seed, _STREAM_INTENSITY)
    n_reg = len(size)
    base = rng.gamma(2.0, 1 / 2.0, n_reg)  # persistent propensity of a regency
    per_cycle = rng.gamma(2.0, 1 / 2.0, (len(cycles), n_reg))  # this cycle's noise
    zero = rng.random((len(cycles), n_reg)) < np.array([[_share_without_cases(c)] for c in cycles])
    intensity = size[None, :] * base[None, :] * per_cycle * ~zero
    # drawn for every cell, after the draws above, so that neither depends on which regencies have a figure
    anchor_noise = rng.gamma(ANCHOR_SHAPE, 1 / ANCHOR_SHAPE, (len(cycles), n_reg))
    published = _published_matrix(cal, cycles, regions["region_code"])
    expected = cal.expected_cases()
    region_p = _region_probabilities(intensity, size, published, anchor_noise, np.array([expected[c] for c in cycles]))

    width = max(6, len(str(int(counts.max()) if len(counts) else 0)))
    return Plan(
        reference=ref,
        calibration=cal,
        windows=windows,
        cycles=cycles,
        counts=counts,
        region_p=region_p,
        headcount=headcount,
        total=int(counts.sum()),
        seed=int(seed),
        chunk_size=int(chunk_size),
        id_width=width,
        lookups=_lookups(ref),
        calibrated=cases is None,
    )


def _published_matrix(cal: Calibration, cycles: Sequence[str], region_codes: pd.Series) -> np.ndarray:
    """(cycles, regencies): the published regency count, NaN where there is none."""
    index = {code: i for i, code in enumerate(region_codes)}
    out = np.full((len(cycles), len(index)), np.nan)
    for k, cycle in enumerate(cycles):  # a few figures per cycle, not cases
        for code, target in cal.regency_reported.get(cycle, {}).items():
            if code in index:
                out[k, index[code]] = target.value
    return out


def _region_probabilities(
    intensity: np.ndarray, size: np.ndarray, published: np.ndarray, noise: np.ndarray, expected: np.ndarray
) -> np.ndarray:
    """Per cycle, the probability of each regency. A regency with a published count takes
    max(published, ANCHOR_FLOOR) x noise cases of the cycle's ``expected`` count (all of them
    scaled down together only if they would exceed it); the others share the rest by intensity
    (by headcount when every one of them is zero)."""
    anchored = ~np.isnan(published)
    lam = np.where(anchored, np.maximum(np.nan_to_num(published), ANCHOR_FLOOR) * noise, 0.0)
    scale = np.maximum(expected, lam.sum(axis=1))
    anchor_p = lam / np.where(scale > 0, scale, 1.0)[:, None]
    free = np.where(anchored, 0.0, intensity)
    empty = free.sum(axis=1) == 0
    free[empty] = np.where(anchored[empty], 0.0, size[None, :])  # never leave the rest without regions
    free_sum = free.sum(axis=1, keepdims=True)
    rest = 1.0 - anchor_p.sum(axis=1, keepdims=True)
    p = anchor_p + np.where(free_sum > 0, rest / np.where(free_sum > 0, free_sum, 1.0), 0.0) * free
    return p / p.sum(axis=1, keepdims=True)


def _lookups(ref: Reference) -> dict[str, object]:
    regs = ref.regencies
    provinces = sorted(set(regs["province_code"]))
    prov_index = {p: i for i, p in enumerate(provinces)}
    prov_names = dict(zip(regs["province_code"], regs["province_name"], strict=False))
    names = regs["region_name"].to_numpy(dtype=object)
    is_kota = (regs["regency_type"] == "kota").to_numpy()
    regency_agency = np.array([[f"{opd} {name}" for opd, _ in REGENCY_AGENCIES] for name in names], dtype=object)
    vertical = np.array([[f"{office} {name}" for office, _ in VERTICAL_OFFICES] for name in names], dtype=object)
    province_agency = np.array(
        [[f"{opd} Provinsi {prov_names[p]}" for opd, _ in PROVINCE_AGENCIES] for p in provinces], dtype=object
    )
    ppk_regency = np.array(
        [
            ("Wali Kota " if k else "Bupati ") + short
            for short, k in zip(regs["region_name_short"], is_kota, strict=True)
        ],
        dtype=object,
    )
    ppk_province = np.array([f"Gubernur {prov_names[p]}" for p in provinces], dtype=object)
    medium = np.array([MEDIUM_BY_CATEGORY.get(code, MEDIUM_OTHER) for code in ref.category_codes], dtype=float)
    medium = np.cumsum(medium / medium.sum(axis=1, keepdims=True), axis=1)
    severity = ref.sanction_severity
    sanction_codes = list(severity)
    lighter = []  # index of the next lighter sanction of the same group (itself when none)
    for code in sanction_codes:
        group, sev = severity[code]
        below = [(s, c) for c, (g, s) in severity.items() if g == group and s < sev]
        lighter.append(sanction_codes.index(max(below)[1]) if below else sanction_codes.index(code))
    return {
        "region_codes": regs["region_code"].to_numpy(dtype=object),
        "is_kota": is_kota,
        "province_idx": np.array([prov_index[p] for p in regs["province_code"]], dtype=np.int64),
        "regency_agency": regency_agency,
        "regency_agency_p": _probs(REGENCY_AGENCIES),
        "province_agency": province_agency,
        "province_agency_p": _probs(PROVINCE_AGENCIES),
        "vertical": vertical,
        "vertical_p": _probs(VERTICAL_OFFICES),
        "ppk_regency": ppk_regency,
        "ppk_province": ppk_province,
        "categories": np.array(ref.category_codes, dtype=object),
        "positions": np.array(ref.position_codes, dtype=object),
        "medium_cum": medium,
        "sanction_codes": np.array(sanction_codes, dtype=object),
        "sanction_index": {c: i for i, c in enumerate(sanction_codes)},
        "lighter": np.array(lighter, dtype=np.int64),
    }


def _probs(pairs) -> np.ndarray:
    p = np.array([w for _, w in pairs], dtype=float)
    return p / p.sum()


def _to_dates(days: np.ndarray) -> np.ndarray:
    """Integer days (``_NO_DAY`` = missing) to datetime64[s] with NaT."""
    out = (_EPOCH + np.where(days == _NO_DAY, 0, days).astype("timedelta64[D]")).astype("datetime64[s]")
    out[days == _NO_DAY] = np.datetime64("NaT")
    return out


def _uniform_days(rng: np.random.Generator, lo, hi, n: int) -> np.ndarray:
    """Integer days uniform on [lo, hi] (inclusive, element-wise)."""
    lo = np.asarray(lo, dtype=np.int64)
    hi = np.asarray(hi, dtype=np.int64)
    return lo + np.floor(rng.random(n) * (hi - lo + 1)).astype(np.int64)


def _segment(plan_: Plan, rng: np.random.Generator, cycle_pos: int, first_seq: int, n: int) -> tuple[dict, dict]:
    """Cases ``first_seq .. first_seq + n - 1`` (1-based sequence within the cycle) of one cycle,
    and the recommendations among them. Columns as numpy arrays; dates as integer days."""
    lk, cycle = plan_.lookups, plan_.cycles[cycle_pos]
    seq = pd.Series(np.arange(first_seq, first_seq + n, dtype=np.int64)).astype(str)
    case_id = seq.str.zfill(plan_.id_width).radd(f"{cycle}-").to_numpy(dtype=object)
    region = rng.choice(len(lk["region_codes"]), size=n, p=plan_.region_p[cycle_pos])
    reported = _reported_days(rng, plan_.windows.loc[cycle], n)
    intake = np.where(rng.random(n) < SHARE_TEMUAN, "temuan", "laporan").astype(object)
    who = _who(plan_, rng, cycle, region, n)
    status, decided = _bawaslu(rng, plan_.calibration.proven_rate[cycle].value / 100.0, reported, n)
    forwarded = decided + rng.integers(FORWARD_DAYS[0], FORWARD_DAYS[1] + 1, n)
    forwarded = np.where((status == "terbukti") & (forwarded <= AS_OF_DAY), forwarded, _NO_DAY)
    is_fwd = forwarded != _NO_DAY
    forwarded_to = np.full(n, None, dtype=object)
    forwarded_to[is_fwd] = np.where(forwarded[is_fwd] < HANDOVER_DAY, "KASN", "BKN")
    nulls = np.full(n, None, dtype=object)
    cases = {
        "case_id": case_id,
        "election_id": np.full(n, cycle, dtype=object),
        "intake": intake,
        "reported_date": reported,
        "region_code": lk["region_codes"][region],
        "agency_name": who["agency_name"],
        "agency_level": who["agency_level"],
        "asn_status": who["asn_status"],
        "position_code": lk["positions"][who["position"]],
        "category_code": lk["categories"][who["category"]],
        "medium": who["medium"],
        "status": status,
        "decided_date": decided,
        "forwarded_to": forwarded_to,
        "forwarded_date": forwarded,
        "asn_name": nulls,
        "nip": nulls,
        "is_synthetic": np.ones(n, dtype=bool),
    }
    early = reported < _day(plan_.windows.loc[cycle, "campaign_start"])
    sanctions = _recommendations(plan_, rng, cycle, forwarded, early, who, n)
    has_rec = sanctions.pop("_has_rec")
    sanctions = {"case_id": case_id[has_rec], **{k: v[has_rec] for k, v in sanctions.items()}}
    return cases, sanctions


def _reported_days(rng: np.random.Generator, win: pd.Series, n: int) -> np.ndarray:
    """Reported dates: REPORTED_MIX of campaign period / core window / early tail, uniform in each."""
    voting = _day(win["voting_date"])
    w_lo, w_hi = _day(win["window_start"]), _day(win["window_end"])
    core_lo = voting - CORE_BEFORE_DAYS
    c_lo, c_hi = max(_day(win["campaign_start"]), w_lo), min(_day(win["campaign_end"]), w_hi)
    part = rng.random(n)
    in_campaign, in_core = part < REPORTED_MIX[0], part < REPORTED_MIX[0] + REPORTED_MIX[1]
    lo = np.where(in_campaign, c_lo, np.where(in_core, core_lo, w_lo))
    hi = np.where(in_campaign, c_hi, np.where(in_core, w_hi, core_lo - 1))
    return np.minimum(_uniform_days(rng, lo, hi, n), AS_OF_DAY)


def _who(plan_: Plan, rng: np.random.Generator, cycle: str, region: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """Position, category, medium, employing agency and its level, PNS/PPPK."""
    lk, cal = plan_.lookups, plan_.calibration
    shares = cal.position[cycle].shares
    position = rng.choice(len(lk["positions"]), size=n, p=[shares[c] for c in lk["positions"]])
    shares = cal.category[cycle].shares
    category = rng.choice(len(lk["categories"]), size=n, p=[shares[c] for c in lk["categories"]])
    medium = np.minimum((rng.random(n)[:, None] > lk["medium_cum"][category]).sum(axis=1), len(MEDIA) - 1)
    # camat/lurah work for the regency/city; the other levels are scaled up so the overall shares hold
    camat = lk["positions"][position] == "kepala_wilayah"
    not_camat = max(1.0 - cal.position[cycle].shares.get("kepala_wilayah", 0.0), 0.5)
    p_pusat, p_prov = SHARE_PUSAT / not_camat, SHARE_PROVINSI / not_camat
    u_level = rng.random(n)
    pusat = (u_level < p_pusat) & ~camat
    provinsi = (u_level >= p_pusat) & (u_level < p_pusat + p_prov) & ~camat
    level = np.where(lk["is_kota"][region], "kota", "kabupaten").astype(object)
    level[pusat], level[provinsi] = "pusat", "provinsi"
    prov = lk["province_idx"][region]
    agency = lk["regency_agency"][region, rng.choice(len(lk["regency_agency_p"]), size=n, p=lk["regency_agency_p"])]
    pick_prov = rng.choice(len(lk["province_agency_p"]), size=n, p=lk["province_agency_p"])
    agency[provinsi] = lk["province_agency"][prov[provinsi], pick_prov[provinsi]]
    pick_vert = rng.choice(len(lk["vertical_p"]), size=n, p=lk["vertical_p"])
    agency[pusat] = lk["vertical"][region[pusat], pick_vert[pusat]]
    ppk = lk["ppk_regency"][region].copy()
    ppk[provinsi] = lk["ppk_province"][prov[provinsi]]
    ppk[pusat] = PPK_PUSAT
    year = int(pd.Timestamp(plan_.windows.loc[cycle, "voting_date"]).year)
    asn_status = np.where(rng.random(n) < _pppk_share(year), "PPPK", "PNS").astype(object)
    return {
        "position": position,
        "category": category,
        "medium": np.array(MEDIA, dtype=object)[medium],
        "agency_level": level,
        "agency_name": agency,
        "ppk": ppk,
        "asn_status": asn_status,
    }


def _bawaslu(rng: np.random.Generator, p_proven: float, reported: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Status and decided day: registration (mostly within VERIFICATION_SLA_DAYS), then the
    violation decision (mostly within REVIEW_SLA_WORKING_DAYS working days); a few cases stall.
    Whatever would be decided after DEMO_AS_OF stays open without a decided date."""
    not_registered = rng.random(n) < SHARE_NOT_REGISTERED
    p_stop = min(SHARE_STOPPED, (1.0 - p_proven) / 2)
    u_out = rng.random(n)
    outcome = np.where(
        u_out < p_proven, "terbukti", np.where(u_out < p_proven + p_stop, "dihentikan", "tidak_terbukti")
    )
    in_sla = rng.random(n) < SHARE_VERIFIED_IN_SLA
    registered = reported + np.where(
        in_sla, rng.integers(1, VERIFICATION_SLA_DAYS + 1, n), rng.integers(VERIFICATION_SLA_DAYS + 1, 22, n)
    )
    in_sla = rng.random(n) < SHARE_REVIEWED_IN_SLA
    review_wd = np.where(
        in_sla, rng.integers(1, REVIEW_SLA_WORKING_DAYS + 1, n), rng.integers(REVIEW_SLA_WORKING_DAYS + 1, 11, n)
    )
    reviewed = np.busday_offset(_EPOCH + registered.astype("timedelta64[D]"), review_wd, roll="forward")
    reviewed = (reviewed - _EPOCH).astype(np.int64)
    stall = np.minimum(np.ceil(rng.exponential(STALL_MEAN_DAYS, n)).astype(np.int64), STALL_MAX_DAYS)
    stall = np.where(rng.random(n) < SHARE_STALLED, stall, 0)
    decided = np.where(not_registered, registered, reviewed) + stall
    status = np.where(not_registered, "tidak_diregistrasi", outcome).astype(object)
    open_ = decided > AS_OF_DAY
    registration_pending = np.where(not_registered, decided, registered) > AS_OF_DAY
    status[open_ & registration_pending] = "dilaporkan"
    status[open_ & ~registration_pending] = "diregistrasi"
    return status, np.where(open_, _NO_DAY, decided)


def _recommendations(
    plan_: Plan, rng: np.random.Generator, cycle: str, forwarded: np.ndarray, early: np.ndarray, who: dict, n: int
) -> dict[str, np.ndarray]:
    """Recommendation and the PPK's answer, drawn for every case; ``_has_rec`` marks the rows that
    exist (forwarded and recommended by DEMO_AS_OF)."""
    lk = plan_.lookups
    rec_lag = rng.integers(RECOMMENDATION_DAYS[0], RECOMMENDATION_DAYS[1] + 1, n)
    slow = (forwarded >= HANDOVER_DAY) & (rng.random(n) < SHARE_BKN_SLOW)  # BKN's verification backlog
    rec = forwarded + np.where(slow, rng.integers(BKN_SLOW_DAYS[0], BKN_SLOW_DAYS[1] + 1, n), rec_lag)
    has_rec = (forwarded != _NO_DAY) & (rec <= AS_OF_DAY)
    recommended = np.where(
        early, _pick(rng, MORAL_MIX, n, lk["sanction_index"]), _pick(rng, DISIPLIN_MIX, n, lk["sanction_index"])
    )
    recommended[lk["categories"][who["category"]] == PTDH_CATEGORY] = lk["sanction_index"][PTDH_CODE]
    p_follow = plan_.calibration.followup_rate[cycle].value / 100.0
    p_refuse = min(SHARE_REFUSED_MAX, (1.0 - p_follow) / 4)
    u = rng.random(n)
    answer = np.where(u < p_follow, "ditindaklanjuti", np.where(u < p_follow + p_refuse, "ditolak", "belum")).astype(
        object
    )
    lag = np.floor(rng.triangular(FOLLOWUP_DAYS[0], 30, FOLLOWUP_DAYS[1] + 1, n)).astype(np.int64)
    followup = rec + np.minimum(lag, FOLLOWUP_DAYS[1])
    answered = (answer != "belum") & (followup <= AS_OF_DAY)
    answer[~answered] = "belum"
    imposed = np.where(rng.random(n) < SHARE_IMPOSED_LIGHTER, lk["lighter"][recommended], recommended)
    imposed = lk["sanction_codes"][imposed]
    imposed[answer != "ditindaklanjuti"] = None
    return {
        "recommending_body": np.where(rec < HANDOVER_DAY, "KASN", "BKN").astype(object),
        "recommendation_date": rec,
        "recommended_sanction_code": lk["sanction_codes"][recommended],
        "ppk_agency": who["ppk"],
        "followup_status": answer,
        "followup_date": np.where(answered, followup, _NO_DAY),
        "imposed_sanction_code": imposed,
        "is_synthetic": np.ones(n, dtype=bool),
        "_has_rec": has_rec,
    }


def _pick(rng: np.random.Generator, pairs, n: int, index: Mapping[str, int]) -> np.ndarray:
    """Indices (into the sanction codes) drawn from a weighted mix."""
    codes = np.array([index[c] for c, _ in pairs], dtype=np.int64)
    return codes[rng.choice(len(codes), size=n, p=_probs(pairs))]


_DATE_COLUMNS = {
    "violation_cases": ("reported_date", "decided_date", "forwarded_date"),
    "sanctions": ("recommendation_date", "followup_date"),
}


def _frame(parts: list[dict], table: str) -> pd.DataFrame:
    schema = SCHEMAS[table]
    data = {}
    for name in schema.names:
        values = np.concatenate([p[name] for p in parts]) if parts else np.array([], dtype=object)
        if name in _DATE_COLUMNS[table]:
            data[name] = _to_dates(values.astype(np.int64))
        elif schema.field(name).type == pa.bool_():
            data[name] = values.astype(bool)
        else:
            data[name] = pd.array(values, dtype="str")
    return pd.DataFrame(data)


def chunk(plan_: Plan, chunk_index: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cases and sanctions of chunk ``chunk_index``: global cases
    ``[chunk_index * chunk_size, ...)`` in cycle order, drawn from (seed, chunk_index) only."""
    start = chunk_index * plan_.chunk_size
    stop = min(start + plan_.chunk_size, plan_.total)
    rng = _chunk_rng(plan_.seed, chunk_index)
    bounds = np.concatenate([[0], np.cumsum(plan_.counts)])
    case_parts, sanction_parts = [], []
    for pos in range(len(plan_.cycles)):
        lo, hi = max(start, bounds[pos]), min(stop, bounds[pos + 1])
        if lo >= hi:
            continue
        cases, sanctions = _segment(plan_, rng, pos, int(lo - bounds[pos]) + 1, int(hi - lo))
        case_parts.append(cases)
        sanction_parts.append(sanctions)
    return _frame(case_parts, "violation_cases"), _frame(sanction_parts, "sanctions")


def iter_chunks(plan_: Plan) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """(violation_cases, sanctions) chunk by chunk; stream them with ``to_arrow`` + ParquetWriter."""
    for index in range(plan_.n_chunks):
        yield chunk(plan_, index)


@dataclass(frozen=True, eq=False)
class DemoRegister:
    violation_cases: pd.DataFrame
    sanctions: pd.DataFrame
    asn_headcount: pd.DataFrame  # synthetic rows only
    calibration: Calibration | None = None

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "violation_cases": self.violation_cases,
            "sanctions": self.sanctions,
            "asn_headcount": self.asn_headcount,
        }


def generate(
    cases: int | None = None,
    seed: int = DEFAULT_SEED,
    reference_dir: Path | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> DemoRegister:
    """The whole register in memory (chunks concatenated); ``cases=None``: the calibrated size."""
    p = plan(cases, seed, reference_dir, chunk_size)
    parts = list(iter_chunks(p))
    if parts:
        vc = pd.concat([c for c, _ in parts], ignore_index=True)
        sa = pd.concat([s for _, s in parts], ignore_index=True)
    else:
        vc, sa = _frame([], "violation_cases"), _frame([], "sanctions")
    return DemoRegister(violation_cases=vc, sanctions=sa, asn_headcount=p.headcount, calibration=p.calibration)


def to_arrow(frame: pd.DataFrame, table: str) -> pa.Table:
    """A register DataFrame as an Arrow table with exactly the catalog's columns and types
    (dates as date32, codes as strings, booleans)."""
    schema = SCHEMAS[table]
    if list(frame.columns) != schema.names:
        raise ValueError(f"{table}: columns {list(frame.columns)} differ from {schema.names}")
    arrays = []
    for fld in schema:
        col = frame[fld.name]
        if fld.type == pa.date32():
            values = col.to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
            arrays.append(pa.array(values, type=pa.date32(), mask=np.isnat(values)))
        elif fld.type == pa.string():
            # from the Arrow-backed column directly (no Python objects): missing values become nulls
            arrays.append(pa.Array.from_pandas(col, type=pa.string()))
        else:
            arrays.append(pa.array(col.to_numpy(), type=fld.type))
    return pa.Table.from_arrays(arrays, schema=schema)
