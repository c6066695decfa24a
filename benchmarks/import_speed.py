"""How fast a big file imports, and how much memory it needs: a 200,000-row XLSX and a
1,000,000-row CSV of case-like rows are written to a temporary folder, then each is taken in a fresh
process, which prints its seconds and peak RSS, three ways side by side:

- ``read``: the reader alone (``readers.read_file``);
- ``import``: everything up to the commit (``pipeline.prepare``: read, map, derive, check, compare
  with the stored rows), into an empty data folder;
- ``careful`` (XLSX, the baseline): the cell-by-cell openpyxl reader that sheets with formulas or
  zero-padded formats still take (``--no-baseline`` leaves it out; it takes about 45 s).

    python -m benchmarks.import_speed [--xlsx-rows N] [--csv-rows N] [--no-baseline]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = [
    "No Kasus",
    "Pemilu",
    "Asal Kasus",
    "Tanggal Laporan",
    "Kabupaten/Kota",
    "Provinsi",
    "Nama Instansi",
    "Tingkat Instansi",
    "Status ASN",
    "Jabatan",
    "Jenis Pelanggaran",
    "Media",
    "Status Kasus",
    "Tanggal Putusan",
    "Diteruskan ke",
    "Tanggal Diteruskan",
    "Nama ASN",
    "NIP",
]
REGIONS = ["Kab. Tabalong", "Kukar", "Kota Banjarmasin", "HSS", "Kota Samarinda", "Kapuas", "Kotim", "PPU"]
AGENCIES = ["Dinas Pendidikan", "Dinas Kesehatan", "Kecamatan Tenggarong", "Setda Kota", "Bappeda", "Dinas PUPR"]
NAMES = ["Budi Santoso", "Siti Aminah", "Ahmad Fauzi", "Dewi Lestari", "Rina Wati", "Agus Salim", ""]


def case_rows(count: int, seed: int = 20240717):
    """Rows as offices write them: text dates in several styles, region nicknames, blanks."""
    chance = random.Random(seed)
    for index in range(count):
        day, month = chance.randint(1, 28), chance.randint(7, 11)
        decided = chance.random() < 0.6
        name = chance.choice(NAMES)
        yield [
            f"K-{index + 1:07d}",
            "Pilkada 2024",
            chance.choice(["Temuan", "Laporan"]),
            f"{day:02d}/{month:02d}/2024",
            chance.choice(REGIONS),
            "",
            f"{chance.choice(AGENCIES)} {chance.randint(1, 60)}",
            "Kabupaten",
            chance.choice(["PNS", "PPPK"]),
            chance.choice(["pelaksana", "fungsional", "jpt"]),
            "lainnya",
            chance.choice(["media sosial", "tatap muka", "APK"]),
            "terbukti" if decided else "dilaporkan",
            f"2024-{month:02d}-{min(day + 5, 28):02d}" if decided else "",
            "BKN" if decided else "",
            "",
            name,
            f"19800101200501{index % 10000:04d}" if name else "",
        ]


def write_csv(path: Path, rows: int) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(case_rows(rows))


def write_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Kasus")
    sheet.append(HEADER)
    for row in case_rows(rows):
        sheet.append(row)
    book.save(path)


def measure(path: Path, way: str) -> dict:
    """Take ``path`` once in this process the given way: seconds, peak RSS, rows."""
    from analytics.ingest import pipeline, readers

    limit_mb = path.stat().st_size / 1024 / 1024 + 1
    started = time.perf_counter()
    if way == "read":
        rows = len(readers.read_file(path, limit_mb=limit_mb).rows)
    elif way == "careful":
        rows = len(readers.read_xlsx(path.read_bytes(), path.name, quick=False).rows)
    else:
        with tempfile.TemporaryDirectory(prefix="import_speed_data_") as data_dir:
            prepared = pipeline.prepare("violation_cases", path, data_dir=Path(data_dir), limit_mb=limit_mb)
            if not prepared.ok:
                raise SystemExit(f"import refused: {prepared.problems[:3]}")
            rows = prepared.added
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak_kb / 1024), "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xlsx-rows", type=int, default=200_000)
    parser.add_argument("--csv-rows", type=int, default=1_000_000)
    parser.add_argument("--no-baseline", action="store_true", help="leave out the careful XLSX reader")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process's own run
    parser.add_argument("--way", default="read", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.way)))
        return 0
    with tempfile.TemporaryDirectory(prefix="import_speed_") as folder:
        for kind, rows, writer in (("xlsx", args.xlsx_rows, write_xlsx), ("csv", args.csv_rows, write_csv)):
            path = Path(folder) / f"cases.{kind}"
            started = time.perf_counter()
            writer(path, rows)
            written = time.perf_counter() - started
            print(f"{kind.upper()} {rows:,} rows, {path.stat().st_size / 1e6:.1f} MB (written in {written:.1f} s)")
            ways = ["read", "import"] + (["careful"] if kind == "xlsx" and not args.no_baseline else [])
            for way in ways:
                # a fresh process each, so that one run's peak memory is not the other's
                child = subprocess.run(
                    [sys.executable, "-m", "benchmarks.import_speed", "--measure", str(path), "--way", way],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if child.returncode != 0:
                    print(f"  {way}: failed\n{child.stderr.strip() or child.stdout.strip()}")
                    return 1
                result = json.loads(child.stdout.strip().splitlines()[-1])
                print(
                    f"  {way:<8} {result['seconds']:>7.2f} s  peak RSS {result['peak_rss_mb']:>5} MB  "
                    f"{result['rows']:,} rows"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
