"""Command line for scheduled loads.

    python -m analytics.ingest TABLE FILE [--mode append|replace] [--sheet NAME] [--who NAME]
    python -m analytics.ingest --versions
    python -m analytics.ingest --rollback VERSION

Exit status: 0 accepted (or nothing new to add), 2 rejected (the report is printed), 1 misuse.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analytics.ingest import pipeline
from analytics.ingest.problems import report_csv
from analytics.ingest.readers import DEFAULT_LIMIT_MB
from analytics.ingest.store import StoreError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analytics.ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("table", nargs="?", choices=pipeline.IMPORTABLE)
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--mode", choices=pipeline.MODES, default="append")
    parser.add_argument("--sheet", help="Excel sheet name (default: the first)")
    parser.add_argument("--who", help="who is importing (default: the login name)")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--report", type=Path, help="also write the problem report to this CSV file")
    parser.add_argument("--max-mb", type=float, default=DEFAULT_LIMIT_MB, help="largest file accepted, in MB")
    parser.add_argument("--versions", action="store_true", help="list the versions")
    parser.add_argument("--rollback", metavar="VERSION", help="restore VERSION as a new version (v0000: before any import)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    en = args.lang == "en"
    if args.versions:
        frame = pipeline.versions_frame()
        print(frame.to_string(index=False) if len(frame) else ("No imports yet." if en else "Belum ada impor."))
        return 0
    if args.rollback:
        try:
            version = pipeline.rollback(args.rollback, who=args.who)
        except KeyError:
            print(f"{'Unknown version' if en else 'Versi tidak dikenal'}: {args.rollback}", file=sys.stderr)
            return 1
        print(f"{'Restored' if en else 'Dipulihkan'} {args.rollback} → {version.name}")
        return 0
    if not args.table or not args.file:
        _parser().print_usage(sys.stderr)
        return 1
    prepared = pipeline.prepare(args.table, args.file, mode=args.mode, sheet=args.sheet, limit_mb=args.max_mb)
    if args.report:
        args.report.write_bytes(report_csv(prepared.problems + prepared.notices, args.lang))
    for notice in prepared.notices:
        print(notice.describe(args.lang))
    if not prepared.ok:
        print(("REJECTED" if en else "DITOLAK") + f": {len(prepared.problems)} "
              + ("problem(s); nothing was changed." if en else "masalah; tidak ada data yang diubah."), file=sys.stderr)
        for problem in prepared.problems:
            print(problem.describe(args.lang), file=sys.stderr)
        return 2
    try:
        version = pipeline.commit(prepared, who=args.who)
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return 1
    except pipeline.StaleVersion:
        # another import landed while this file was being checked: check it again once
        prepared = pipeline.prepare(args.table, args.file, mode=args.mode, sheet=args.sheet, limit_mb=args.max_mb)
        if not prepared.ok:
            for problem in prepared.problems:
                print(problem.describe(args.lang), file=sys.stderr)
            return 2
        version = pipeline.commit(prepared, who=args.who)
    if version is None:
        print(("Nothing new: every row is already stored." if en else
               "Tidak ada yang baru: semua baris sudah tersimpan."))
        return 0
    print(("ACCEPTED" if en else "DITERIMA") + f": {version.name} · {args.table} · "
          + (f"{prepared.added} rows added, {prepared.skipped} skipped" if en else
             f"{prepared.added} baris ditambahkan, {prepared.skipped} dilewati")
          + (f", {prepared.replaced_rows} replaced" if args.mode == "replace" and en else
             f", {prepared.replaced_rows} diganti" if args.mode == "replace" else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
