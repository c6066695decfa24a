"""The demo register's knobs, written once: cycles, windows, service levels, shares, mixes,
fallback targets, agencies, sanction mixes and the Parquet schemas of the files it writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa

DEFAULT_REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data"
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
