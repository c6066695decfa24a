"""The synthetic demo case register: deterministic, calibrated to published national figures.

No public case-level data exists, so the project ships a generated register of
``violation_cases`` and ``sanctions`` (plus synthetic ``asn_headcount`` rows for regencies
without a real count). Every row carries ``is_synthetic = true``.

How it is built
- ``load_reference`` reads the curated CSVs of ``data/`` (regions, elections, taxonomies,
  published figures, real headcounts).
- ``calibration_from_figures`` turns the published figures into targets per election cycle
  (category mix, position mix, proven rate, follow-up rate, reported counts, Kalimantan's share,
  published regency counts) and records which targets are published for that cycle and which are
  fallbacks. ``describe_calibration`` says so in words for the "Tentang data" page.
- ``iter_chunks`` generates the register in chunks with numpy only (no per-case Python loop).
  Chunk ``i`` draws from ``SeedSequence(seed, spawn_key=(1, i))``; everything shared between
  chunks (region intensities, synthetic headcounts) from ``SeedSequence(seed, spawn_key=(0, k))``.
  The same (cases, seed, chunk_size, reference files) always gives the same register, and a
  10-million-case register can be streamed chunk by chunk (``to_arrow`` + ``ParquetWriter``).
- ``generate`` concatenates the chunks; ``write`` writes the three Parquet files with exactly the
  catalog's columns and types. ``write_streaming`` writes the same rows chunk by chunk without
  holding the register in memory; ``build`` does so atomically (the CLI), and ``ensure_demo``
  builds the default demo, and builds it again when the reference data change its plan.

Size (``cases=None``, the default demo)
- The register stands for Kalimantan, so its size per cycle is Kalimantan's expected share of
  the national reported count: ``Calibration.expected_cases`` = the cycle's national reported
  count (``reported``) x ``kalimantan_share``, and never less than the sum of the cycle's
  published regency counts (published figures prove at least that many). The default demo has
  that many cases per cycle, rounded to whole cases (``Calibration.calibrated_counts``).
- ``kalimantan_share`` = the PNS located in the five provinces (``pns_count`` of each province,
  BPS, all agencies) / the national PNS total (national ``pns_count``, BPS), each the figure in
  ``published_figures`` (or, for a province, a real all-agencies PNS row of ``asn_headcount``)
  nearest in year to the national total. Civil servants are who can be reported, so their share
  is the stated proxy for Kalimantan's share of the reports. When a figure is missing the share
  is ``ASSUMED_KALIMANTAN_SHARE``, flagged as a demo assumption.
- ``cases=N`` (``--cases N``) is an explicit total for benchmarks: split across cycles by the
  national reported counts (``Calibration.cycle_weights``), with the same region probabilities.

Regencies
- A regency gets a persistent propensity, a per-cycle noise and its headcount as its weight; in a
  pilkada cycle some get no case. A regency with a published reported count for a cycle (rows of
  ``published_figures`` whose region_code has a dot and whose metric is in ``REPORTED_METRICS``;
  the largest per regency and cycle) is instead given an expected count near that figure:
  ``max(published, ANCHOR_FLOOR) x Gamma(ANCHOR_SHAPE, 1 / ANCHOR_SHAPE)`` (mean 1), as a share
  of the cycle's expected Kalimantan count; the other regencies share the rest by weight.
- Stated band (``regency_band``): in the default demo such a regency's count lies within
  ``[published / 3 - 2, 3 x published + 3]``. The count is Poisson-like around an expectation
  within about +-60 % of the published figure; a factor 3 either way leaves room for that and
  for interim snapshots, the additive 2-3 for the noise of counts of 0-3 (a published 0 gives an
  expectation of about 0.3 and a band of 0-3). The band is about the default demo; with
  ``cases=N`` such a regency's count scales with N.
- Headcount denominators: regencies without a real usable count (value_qualifier exact or
  approx, the ones the ``headcount_latest`` view uses) get a synthetic one;
  ``synthetic_denominators`` says how many of the regencies that is.

Status semantics (as of ``DEMO_AS_OF``)
- ``dilaporkan``: reported, registration decision still pending; ``diregistrasi``: registered,
  violation decision pending. Both have no ``decided_date``.
- ``tidak_diregistrasi``: ``decided_date`` is the registration decision.
- ``terbukti`` / ``tidak_terbukti`` / ``dihentikan``: ``decided_date`` is the violation decision.
  The calibrated proven rate is terbukti / (terbukti + tidak_terbukti + dihentikan).
- A ``terbukti`` case is forwarded 1-10 days after the decision (``forwarded_to`` KASN before
  24 Aug 2024, BKN from then on); a ``sanctions`` row exists once the recommendation (7-60 days
  after forwarding; for a share of cases forwarded to BKN 61-180 days) is dated on or before
  ``DEMO_AS_OF``. Proven cases not yet forwarded or not yet recommended have no sanctions row:
  they wait at Bawaslu or at KASN/BKN.
- The PPK answers within ``FOLLOWUP_MAX_DAYS`` of the recommendation or never. A ``belum`` row is
  either never answered or not answered yet; the calibrated follow-up rate is ditindaklanjuti /
  recommendations dated at least ``FOLLOWUP_MAX_DAYS`` before ``DEMO_AS_OF`` ("mature").

CLI: ``python -m analytics.demo --out DIR [--cases N] [--seed S] [--reference-dir DIR]``; without
``--cases`` the calibrated size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

DEFAULT_REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data"
#: The size of the default demo before it was calibrated to Kalimantan: a register without a
#: manifest (written before there was one) and of this size is that old default, and is replaced.
LEGACY_DEFAULT_CASES = 3000
DEFAULT_SEED = 20241127
DEFAULT_CHUNK_SIZE = 200_000

#: The date the synthetic register is "as of": nothing is decided, forwarded, recommended or
#: followed up after it, so the latest cycle has open cases.
DEMO_AS_OF = date(2025, 3, 31)
#: KASN was dissolved; its supervision moved to BKN on this day.
BKN_HANDOVER = date(2024, 8, 24)

#: The cycles of the demo, in order; only those present in elections.csv are generated.
CYCLES = ("pilkada-2015", "pilkada-2018", "pemilu-2019", "pilkada-2020", "pemilu-2024", "pilkada-2024")

#: Window of reported dates around voting day (days): the bulk from 150 days before to
#: 20 days after; a tail reaches back to 240 days before (pre-candidacy acts).
WINDOW_BEFORE_DAYS = 240
CORE_BEFORE_DAYS = 150
WINDOW_AFTER_DAYS = 20
#: Campaign period assumed when elections.csv has none: 75 to 4 days before voting day.
FALLBACK_CAMPAIGN_DAYS = (75, 4)
#: Shares of reported dates drawn from the campaign period, the core window and the early tail.
REPORTED_MIX = (0.55, 0.33, 0.12)

#: Service levels of BKN's reporting system: verification within 7 days, review within
#: 3 working days. Most but not all cases meet them.
VERIFICATION_SLA_DAYS = 7
REVIEW_SLA_WORKING_DAYS = 3
SHARE_VERIFIED_IN_SLA = 0.85
SHARE_REVIEWED_IN_SLA = 0.80
#: A few cases stall at Bawaslu: an extra exponential delay with this mean.
SHARE_STALLED = 0.06
STALL_MEAN_DAYS = 120
STALL_MAX_DAYS = 400

SHARE_NOT_REGISTERED = 0.04
SHARE_STOPPED = 0.06
SHARE_TEMUAN = 0.80
SHARE_PUSAT = 0.10
SHARE_PROVINSI = 0.15
FORWARD_DAYS = (1, 10)
RECOMMENDATION_DAYS = (7, 60)
#: After the hand-over BKN's verification queue grew (667 of 1,158 Pilkada 2024 complaints awaited
#: verification on 4 Dec 2024, figure F153): a share of BKN-era recommendations take longer.
SHARE_BKN_SLOW = 0.35
BKN_SLOW_DAYS = (61, 180)
FOLLOWUP_DAYS = (14, 180)
FOLLOWUP_MAX_DAYS = FOLLOWUP_DAYS[1]
SHARE_REFUSED_MAX = 0.04
SHARE_IMPOSED_LIGHTER = 0.20

#: Metrics counting what was reported in a cycle (ASN, cases, complaints, findings, reports).
REPORTED_METRICS = ("asn_reported", "cases_reported", "complaints_received", "cases_found", "reports_received")

#: The PNS headcount metric of published_figures: national total (scope national) and the PNS
#: located in each province (scope province; BPS, all agencies, central and regional).
PNS_TOTAL_METRIC = "pns_count"
#: Kalimantan's share of the national reported counts, ASSUMED only when the data lack the national
#: PNS total or one of the provinces' totals (then flagged as a demo assumption). Not a published
#: figure: a round value just under the share the curated BPS totals gave when it was set (the five
#: provinces' pns_count over the national one, about 8.5 %), so a gap in the data changes the
#: demo's size little.
ASSUMED_KALIMANTAN_SHARE = 0.08
#: Qualifiers of a count used as a number (a 'more_than' count is a bound, not a count).
USABLE_QUALIFIERS = ("exact", "approx")

#: A regency with a published reported count gets an expected count of max(published,
#: ANCHOR_FLOOR) x Gamma(ANCHOR_SHAPE, 1 / ANCHOR_SHAPE): near the figure (coefficient of variation
#: 1 / sqrt(ANCHOR_SHAPE), about 0.29), and about 0.3 for a published 0 (mostly 0, sometimes 1).
ANCHOR_FLOOR = 0.3
ANCHOR_SHAPE = 12.0
#: The stated band of a regency with a published count p in the default demo:
#: [p / BAND_FACTOR - BAND_BELOW, BAND_FACTOR x p + BAND_ABOVE].
BAND_FACTOR = 3.0
BAND_BELOW = 2.0
BAND_ABOVE = 3.0

#: Fallback reported counts (national, ASN) when published_figures has none for a cycle.
DEFAULT_REPORTED = {
    "pilkada-2015": 30,
    "pilkada-2018": 500,
    "pemilu-2019": 999,
    "pilkada-2020": 2034,
    "pemilu-2024": 450,
    "pilkada-2024": 1158,
}
#: Rates (percent) assumed only when no cycle at all has a published figure.
DEFAULT_FOLLOWUP_RATE_PCT = 60.0
DEFAULT_PROVEN_RATE_PCT = 70.0
DEFAULT_CATEGORY_SHARES_PCT = {
    "kampanye_medsos": 25,
    "interaksi_medsos": 10,
    "foto_keberpihakan": 12,
    "hadir_kampanye": 12,
    "kegiatan_keberpihakan": 15,
    "pendekatan_parpol": 6,
    "alat_peraga": 5,
    "keputusan_menguntungkan": 6,
    "tim_pemenangan": 3,
    "dukungan_ktp": 2,
    "anggota_parpol": 1,
    "lainnya": 3,
}
DEFAULT_POSITION_SHARES_PCT = {
    "jpt": 15,
    "administrator": 13,
    "pengawas": 12,
    "fungsional": 30,
    "pelaksana": 22,
    "kepala_wilayah": 8,
}
CATEGORY_REMAINDER = "lainnya"

MEDIA = ("media_sosial", "tatap_muka", "alat_peraga", "dokumen_resmi", "lainnya")
#: Probabilities over MEDIA per category; categories not listed use MEDIUM_OTHER.
MEDIUM_BY_CATEGORY = {
    "kampanye_medsos": (1, 0, 0, 0, 0),
    "interaksi_medsos": (1, 0, 0, 0, 0),
    "foto_keberpihakan": (1, 0, 0, 0, 0),
    "alat_peraga": (0, 0, 1, 0, 0),
    "keputusan_menguntungkan": (0, 0, 0, 1, 0),
    "hadir_kampanye": (0, 1, 0, 0, 0),
    "kegiatan_keberpihakan": (0, 1, 0, 0, 0),
    "pendekatan_parpol": (0, 1, 0, 0, 0),
    "tim_pemenangan": (0.15, 0.70, 0, 0, 0.15),
    "dukungan_ktp": (0, 0.5, 0, 0.5, 0),
    "anggota_parpol": (0, 0.3, 0, 0.3, 0.4),
}
MEDIUM_OTHER = (0, 0.4, 0, 0, 0.6)

#: Regency/city agencies (OPD) and their weights: teachers and health workers are the many.
REGENCY_AGENCIES = (
    ("Dinas Pendidikan", 0.22),
    ("Dinas Kesehatan", 0.11),
    ("Sekretariat Daerah", 0.12),
    ("Sekretariat DPRD", 0.04),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", 0.07),
    ("Badan Perencanaan Pembangunan Daerah", 0.05),
    ("Dinas Sosial", 0.05),
    ("Dinas Pertanian", 0.06),
    ("Dinas Kependudukan dan Pencatatan Sipil", 0.05),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", 0.04),
    ("Dinas Pemberdayaan Masyarakat dan Desa", 0.08),
    ("Satuan Polisi Pamong Praja", 0.05),
    ("Rumah Sakit Umum Daerah", 0.06),
)
PROVINCE_AGENCIES = (
    ("Dinas Pendidikan dan Kebudayaan", 0.40),
    ("Dinas Kesehatan", 0.12),
    ("Sekretariat Daerah", 0.15),
    ("Badan Pendapatan Daerah", 0.10),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", 0.13),
    ("Dinas Kehutanan", 0.10),
)
VERTICAL_OFFICES = (
    ("Kantor Kementerian Agama", 0.55),
    ("Kantor Pertanahan", 0.25),
    ("Badan Pusat Statistik", 0.20),
)
PPK_PUSAT = "Menteri/Kepala Instansi Pusat"

#: Recommended sanctions: moral sanctions for code-of-ethics acts before candidate
#: determination (reported before the campaign starts), disciplinary ones otherwise,
#: PTDH for party membership (UU 5/2014 Pasal 87(4)c).
MORAL_MIX = (("moral_tertutup", 0.6), ("moral_terbuka", 0.4))
DISIPLIN_MIX = (("disiplin_ringan", 0.45), ("disiplin_sedang", 0.40), ("disiplin_berat", 0.15))
PTDH_CATEGORY = "anggota_parpol"
PTDH_CODE = "ptdh"

SYNTHETIC_HEADCOUNT_YEAR = 2023
SYNTHETIC_HEADCOUNT_RANGE = {"kota": (3000, 9000), "kabupaten": (2500, 14000)}
SYNTHETIC_SOURCE_TITLE = "Data sintetis demo (analytics.demo)"
SYNTHETIC_PUBLISHER = "Pantau Netralitas ASN (synthetic)"

FILES = {
    "violation_cases": "violation_cases.parquet",
    "sanctions": "sanctions.parquet",
    "asn_headcount": "asn_headcount.parquet",
}

SCHEMAS: dict[str, pa.Schema] = {
    "violation_cases": pa.schema(
        [
            ("case_id", pa.string()),
            ("election_id", pa.string()),
            ("intake", pa.string()),
            ("reported_date", pa.date32()),
            ("region_code", pa.string()),
            ("agency_name", pa.string()),
            ("agency_level", pa.string()),
            ("asn_status", pa.string()),
            ("position_code", pa.string()),
            ("category_code", pa.string()),
            ("medium", pa.string()),
            ("status", pa.string()),
            ("decided_date", pa.date32()),
            ("forwarded_to", pa.string()),
            ("forwarded_date", pa.date32()),
            ("asn_name", pa.string()),
            ("nip", pa.string()),
            ("is_synthetic", pa.bool_()),
        ]
    ),
    "sanctions": pa.schema(
        [
            ("case_id", pa.string()),
            ("recommending_body", pa.string()),
            ("recommendation_date", pa.date32()),
            ("recommended_sanction_code", pa.string()),
            ("ppk_agency", pa.string()),
            ("followup_status", pa.string()),
            ("followup_date", pa.date32()),
            ("imposed_sanction_code", pa.string()),
            ("is_synthetic", pa.bool_()),
        ]
    ),
    "asn_headcount": pa.schema(
        [
            ("headcount_id", pa.string()),
            ("region_code", pa.string()),
            ("year", pa.int32()),
            ("asn_count", pa.int64()),
            ("count_basis", pa.string()),
            ("coverage", pa.string()),
            ("value_qualifier", pa.string()),
            ("source_title", pa.string()),
            ("source_url", pa.string()),
            ("publisher", pa.string()),
            ("is_synthetic", pa.bool_()),
        ]
    ),
}

_EPOCH = np.datetime64("1970-01-01", "D")
_NO_DAY = np.iinfo(np.int64).min  # missing date in the integer-day arrays


def _day(value: date | np.datetime64 | str) -> int:
    """Days since 1970-01-01."""
    return int((np.datetime64(value, "D") - _EPOCH).astype(np.int64))


AS_OF_DAY = _day(DEMO_AS_OF)
HANDOVER_DAY = _day(BKN_HANDOVER)


# --------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Calibration
# --------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------


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


def write(register: DemoRegister, out_dir: Path) -> dict[str, Path]:
    """Write the three Parquet files into ``out_dir`` (created if needed)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table, frame in register.tables().items():
        path = out / FILES[table]
        pq.write_table(to_arrow(frame, table), path)
        paths[table] = path
    return paths


@dataclass
class StreamedCounts:
    """What a streamed register holds, counted chunk by chunk (for the one-line summary)."""

    per_cycle: dict[str, int] = field(default_factory=dict)
    proven: int = 0
    recommendations: int = 0
    headcounts: int = 0

    @property
    def cases(self) -> int:
        return sum(self.per_cycle.values())

    def add(self, cases: pd.DataFrame, sanctions: pd.DataFrame) -> None:
        for cycle, n in cases["election_id"].value_counts(sort=False).items():
            self.per_cycle[cycle] = self.per_cycle.get(cycle, 0) + int(n)
        self.proven += int((cases["status"] == "terbukti").sum())
        self.recommendations += len(sanctions)


#: Key of the manifest in violation_cases.parquet's schema metadata (JSON: generator, size
#: 'calibrated' or 'explicit', seed, cases per cycle, the plan's fingerprint).
MANIFEST_KEY = b"pantau_demo"


def _manifest(plan_: Plan) -> bytes:
    return json.dumps(
        {
            "generator": GENERATOR_VERSION,
            "size": "calibrated" if plan_.calibrated else "explicit",
            "seed": plan_.seed,
            "cases_per_cycle": {c: int(n) for c, n in zip(plan_.cycles, plan_.counts, strict=True)},
            "fingerprint": plan_.fingerprint(),
        }
    ).encode()


def read_manifest(out_dir: Path) -> dict | None:
    """The manifest of the register in ``out_dir`` (None when it has none: written before there was one)."""
    metadata = pq.read_schema(Path(out_dir) / FILES["violation_cases"]).metadata or {}
    raw = metadata.get(MANIFEST_KEY)
    return json.loads(raw) if raw is not None else None


def write_streaming(plan_: Plan, out_dir: Path) -> StreamedCounts:
    """Write the register of ``plan_`` into ``out_dir`` chunk by chunk, so that only one chunk is
    ever in memory (a 10-million-case register included). The rows are those of ``generate`` +
    ``write`` for the same plan; each chunk is one Parquet row group. Cases come out in cycle
    order, so the row groups' election_id statistics let DuckDB skip other cycles' groups.
    violation_cases.parquet carries the plan's manifest (``read_manifest``)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = StreamedCounts(headcounts=len(plan_.headcount))
    pq.write_table(to_arrow(plan_.headcount, "asn_headcount"), out / FILES["asn_headcount"])
    cases_schema = SCHEMAS["violation_cases"].with_metadata({MANIFEST_KEY: _manifest(plan_)})
    with (
        pq.ParquetWriter(out / FILES["violation_cases"], cases_schema) as cases_out,
        pq.ParquetWriter(out / FILES["sanctions"], SCHEMAS["sanctions"]) as sanctions_out,
    ):
        for cases, sanctions in iter_chunks(plan_):
            cases_out.write_table(to_arrow(cases, "violation_cases"), row_group_size=plan_.chunk_size)
            sanctions_out.write_table(to_arrow(sanctions, "sanctions"), row_group_size=plan_.chunk_size)
            counts.add(cases, sanctions)
    return counts


def build(
    out_dir: Path,
    cases: int | None = None,
    seed: int = DEFAULT_SEED,
    reference_dir: Path | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> StreamedCounts:
    """Stream a register (``cases=None``: the calibrated size) into a temporary directory beside
    ``out_dir`` and move its files in one by one (``os.replace``, cases last), so a reader never
    sees a half-written file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".demo-tmp-", dir=out))
    try:
        counts = write_streaming(plan(cases, seed, reference_dir, chunk_size), tmp)
        for table in ("asn_headcount", "sanctions", "violation_cases"):
            os.replace(tmp / FILES[table], out / FILES[table])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return counts


def ensure_demo(
    out_dir: Path, reference_dir: Path | None = None, cases: int | None = None, seed: int = DEFAULT_SEED
) -> bool:
    """Build the demo register in ``out_dir`` (see ``build``) when one of its files is missing, and,
    for the calibrated default (``cases=None``), also when the register there is an out-of-date
    default: its manifest says calibrated and its fingerprint is not that of today's plan (the
    reference data changed its size, its regencies or its mixes, or the seed differs), or it has
    no manifest and the old default's ``LEGACY_DEFAULT_CASES`` rows. A register built with an
    explicit size (a benchmark's, the CLI's ``--cases``) is kept, and so is a damaged file (the
    data layer says what is wrong with it). Returns True when it built the demo."""
    out = Path(out_dir)
    if all((out / name).exists() for name in FILES.values()):
        if cases is not None or not _outdated_default(out, seed, reference_dir):
            return False
    build(out, cases, seed, reference_dir)
    return True


def _outdated_default(out: Path, seed: int, reference_dir: Path | None) -> bool:
    try:
        manifest = read_manifest(out)
        rows = pq.read_metadata(out / FILES["violation_cases"]).num_rows
    except (OSError, ValueError, pa.ArrowException):
        return False
    if manifest is None:
        return rows == LEGACY_DEFAULT_CASES
    if manifest.get("size") != "calibrated":
        return False
    return manifest.get("fingerprint") != plan(None, seed, reference_dir).fingerprint()


def _summary_text(counts: StreamedCounts) -> str:
    cycles = ", ".join(f"{c} {counts.per_cycle[c]}" for c in CYCLES if c in counts.per_cycle)
    return (
        f"{counts.cases} cases ({cycles}), {counts.proven} proven, "
        f"{counts.recommendations} recommendations, {counts.headcounts} synthetic headcounts, as of {DEMO_AS_OF}"
    )


def summary(register: DemoRegister) -> str:
    counts = StreamedCounts(headcounts=len(register.asn_headcount))
    counts.add(register.violation_cases, register.sanctions)
    return _summary_text(counts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analytics.demo", description="Generate the synthetic demo case register."
    )
    parser.add_argument(
        "--cases",
        type=int,
        default=None,
        help="explicit total (benchmarks); default: the calibrated size of the Kalimantan demo",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reference-dir", type=Path, default=None)
    parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = build(args.out, args.cases, args.seed, args.reference_dir, args.chunk_size)
    print(
        f"demo register: {_summary_text(counts)} -> {args.out} in {time.perf_counter() - started:.2f} s (seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
