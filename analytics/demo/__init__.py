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

Modules, in the order they build on each other: ``parameters`` (the knobs and the file schemas),
``reference`` (the curated data read), ``calibration`` (targets from published figures, and their
description), ``generation`` (the plan and its chunks), ``writing`` (Parquet files, manifest,
``build``, ``ensure_demo``) and ``__main__`` (the command line). This package names the API the
app, the tests and the benchmarks use.

CLI: ``python -m analytics.demo --out DIR [--cases N] [--seed S] [--reference-dir DIR]``; without
``--cases`` the calibrated size.
"""

from __future__ import annotations

from analytics.demo.calibration import (  # noqa: F401 (the package's API)
    Calibration,
    ShareTarget,
    Target,
    calibration_from_figures,
    describe_calibration,
    regency_band,
)
from analytics.demo.generation import (  # noqa: F401 (the package's API)
    GENERATOR_VERSION,
    DemoRegister,
    Plan,
    chunk,
    generate,
    iter_chunks,
    plan,
    synthetic_denominators,
    synthetic_headcount,
    to_arrow,
)
from analytics.demo.parameters import (  # noqa: F401 (the package's API)
    ANCHOR_FLOOR,
    ANCHOR_SHAPE,
    AS_OF_DAY,
    ASSUMED_KALIMANTAN_SHARE,
    BAND_ABOVE,
    BAND_BELOW,
    BAND_FACTOR,
    BKN_HANDOVER,
    BKN_SLOW_DAYS,
    CATEGORY_REMAINDER,
    CORE_BEFORE_DAYS,
    CYCLES,
    DEFAULT_CATEGORY_SHARES_PCT,
    DEFAULT_CHUNK_SIZE,
    DEFAULT_FOLLOWUP_RATE_PCT,
    DEFAULT_POSITION_SHARES_PCT,
    DEFAULT_PROVEN_RATE_PCT,
    DEFAULT_REFERENCE_DIR,
    DEFAULT_REPORTED,
    DEFAULT_SEED,
    DEMO_AS_OF,
    DISIPLIN_MIX,
    FALLBACK_CAMPAIGN_DAYS,
    FILES,
    FOLLOWUP_DAYS,
    FOLLOWUP_MAX_DAYS,
    FORWARD_DAYS,
    HANDOVER_DAY,
    LEGACY_DEFAULT_CASES,
    MEDIA,
    MEDIUM_BY_CATEGORY,
    MEDIUM_OTHER,
    MORAL_MIX,
    PNS_TOTAL_METRIC,
    PPK_PUSAT,
    PROVINCE_AGENCIES,
    PTDH_CATEGORY,
    PTDH_CODE,
    RECOMMENDATION_DAYS,
    REGENCY_AGENCIES,
    REPORTED_METRICS,
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
    WINDOW_AFTER_DAYS,
    WINDOW_BEFORE_DAYS,
)
from analytics.demo.reference import (  # noqa: F401 (the package's API)
    Reference,
    cycle_windows,
    load_reference,
)
from analytics.demo.writing import (  # noqa: F401 (the package's API)
    MANIFEST_KEY,
    StreamedCounts,
    build,
    ensure_demo,
    read_manifest,
    summary,
    write,
    write_streaming,
)
