"""How fast the importer's reader takes a big file, and how much memory it needs: a 200,000-row
XLSX and a 1,000,000-row CSV of case-like rows are written to a temporary folder, then each is read
with ``readers.read_file`` in a fresh process, which prints its seconds and peak RSS.

    python -m benchmarks.import_speed [--xlsx-rows N] [--csv-rows N]
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

HEADER = ["No Kasus", "Pemilu", "Asal Kasus", "Tanggal Laporan", "Kabupaten/Kota", "Provinsi", "Nama Instansi",
          "Tingkat Instansi", "Status ASN", "Jabatan", "Jenis Pelanggaran", "Media", "Status Kasus",
          "Tanggal Putusan", "Diteruskan ke", "Tanggal Diteruskan", "Nama ASN", "NIP"]
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
        yield [f"K-{index + 1:07d}", "Pilkada 2024", chance.choice(["Temuan", "Laporan"]), f"{day:02d}/{month:02d}/2024",
               chance.choice(REGIONS), "", f"{chance.choice(AGENCIES)} {chance.randint(1, 60)}", "Kabupaten",
               chance.choice(["PNS", "PPPK"]), chance.choice(["pelaksana", "fungsional", "jpt"]), "lainnya",
               chance.choice(["media sosial", "tatap muka", "APK"]),
               "terbukti" if decided else "dilaporkan", f"2024-{month:02d}-{min(day + 5, 28):02d}" if decided else "",
               "BKN" if decided else "", "", name, f"19800101200501{index % 10000:04d}" if name else ""]


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


def measure(path: Path) -> dict:
    """Read ``path`` once in this process: seconds, peak RSS, rows, and the reader's label."""
    from analytics.ingest import readers

    started = time.perf_counter()
    table = readers.read_file(path, limit_mb=path.stat().st_size / 1024 / 1024 + 1)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss      # kilobytes on Linux
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak_kb / 1024), "rows": len(table.rows),
            "detail": table.detail}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xlsx-rows", type=int, default=200_000)
    parser.add_argument("--csv-rows", type=int, default=1_000_000)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)      # the child process's own run
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    with tempfile.TemporaryDirectory(prefix="import_speed_") as folder:
        for kind, rows, writer in (("xlsx", args.xlsx_rows, write_xlsx), ("csv", args.csv_rows, write_csv)):
            path = Path(folder) / f"cases.{kind}"
            started = time.perf_counter()
            writer(path, rows)
            written = time.perf_counter() - started
            # a fresh process each, so that one file's peak memory is not the other's
            child = subprocess.run([sys.executable, "-m", "benchmarks.import_speed", "--measure", str(path)],
                                   capture_output=True, text=True, check=False)
            if child.returncode != 0:
                print(f"{kind.upper()}: reading failed\n{child.stderr.strip()}")
                return 1
            result = json.loads(child.stdout.strip().splitlines()[-1])
            print(f"{kind.upper()} {rows:,} rows, {path.stat().st_size / 1e6:.1f} MB (written in {written:.1f} s): "
                  f"read in {result['seconds']} s, peak RSS {result['peak_rss_mb']} MB, "
                  f"{result['rows']:,} rows, {result['detail']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
