"""The register as Parquet files with the catalog's schema, streamed chunk by chunk for big
sizes, with a manifest that says which plan made it; ``build`` writes atomically and
``ensure_demo`` rebuilds only a missing or outdated default."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analytics.demo.generation import (
    GENERATOR_VERSION,
    DemoRegister,
    Plan,
    iter_chunks,
    plan,
    to_arrow,
)
from analytics.demo.parameters import (
    CYCLES,
    DEFAULT_CHUNK_SIZE,
    DEFAULT_SEED,
    DEMO_AS_OF,
    FILES,
    LEGACY_DEFAULT_CASES,
    SCHEMAS,
)


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
