"""Command line for scheduled loads.

    python -m analytics.ingest TABLE FILE [--mode append|replace] [--sheet NAME] [--who NAME]
    python -m analytics.ingest --versions
    python -m analytics.ingest --rollback VERSION

Exit status: 0 accepted (or nothing new to add); 1 not done (an unknown version, a data folder
or report that cannot be written; nothing was changed); 2 rejected (the file has problems; the
report is printed); 64 usage error (an unknown option, a missing or invalid argument); 70 an
unexpected error (one line on stderr, the technical details in a file it names); 130 interrupted.
No outcome prints a Python traceback.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from pathlib import Path

from analytics.ingest import pipeline
from analytics.ingest.problems import Problem, report_csv
from analytics.ingest.readers import DEFAULT_LIMIT_MB
from analytics.ingest.store import StoreError

ACCEPTED, NOT_DONE, REJECTED, USAGE, UNEXPECTED, INTERRUPTED = 0, 1, 2, 64, 70, 130


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on misuse, the code that means 'rejected' here: usage errors get 64."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m analytics.ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("table", nargs="?", choices=pipeline.IMPORTABLE)
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--mode", choices=pipeline.MODES, default="append")
    parser.add_argument("--sheet", help="Excel sheet name (default: the first)")
    parser.add_argument("--who", help="who is importing (default: the login name)")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument(
        "--report", type=Path, help="also write the problem report to this CSV file (its folder is created)"
    )
    parser.add_argument("--max-mb", type=float, default=DEFAULT_LIMIT_MB, help="largest file accepted, in MB")
    parser.add_argument("--versions", action="store_true", help="list the versions")
    parser.add_argument(
        "--rollback", metavar="VERSION", help="restore VERSION as a new version (v0000: before any import)"
    )
    return parser


def _lang_of(argv: list[str]) -> str:
    """The language asked for, read without argparse (for messages when parsing itself failed)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "id"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "id"
    return "id"


def _keep_output_printable() -> None:
    """Values from files may hold characters the console cannot encode: escape them, never fail."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _keep_output_printable()
    lang = _lang_of(argv)
    report: Path | None = None
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as done:  # --help (0) or a usage error (64), already printed
            return done.code if isinstance(done.code, int) else USAGE
        report = args.report
        return _run(args)
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return NOT_DONE
    except KeyboardInterrupt:
        problem = Problem("interrupted", "python -m analytics.ingest")
        _try_report(report, [problem], lang)
        print(problem.describe(lang), file=sys.stderr)
        return INTERRUPTED
    except Exception as error:  # noqa: BLE001 – the last line of defence: a report line, never a traceback
        problem = Problem(
            "unexpected_error",
            "python -m analytics.ingest",
            params={"detail": f"{type(error).__name__}: {error}"[:300], "log": _log_traceback()},
        )
        _try_report(report, [problem], lang)
        print(problem.describe(lang), file=sys.stderr)
        return UNEXPECTED


def _log_traceback() -> str:
    """The current exception's traceback in a file of its own (the path), kept out of the output."""
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", prefix="pantau-import-error-", suffix=".txt", delete=False
        ) as handle:
            handle.write(traceback.format_exc())
            return handle.name
    except OSError:
        return "-"


def _try_report(path: Path | None, problems: list[Problem], lang: str) -> None:
    if path is not None:
        try:
            _write_report(path, problems, lang)
        except OSError:
            pass


def _write_report(path: Path, problems: list[Problem], lang: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(report_csv(problems, lang))


def _report_or_refuse(args, prepared) -> int | None:
    """Write the report if asked; NOT_DONE (with the reason printed) if it cannot be written."""
    if not args.report:
        return None
    try:
        _write_report(args.report, prepared.problems + prepared.notices, args.lang)
    except OSError as error:
        problem = Problem(
            "report_unwritable", "--report", params={"path": str(args.report), "detail": error.strerror or str(error)}
        )
        print(problem.describe(args.lang), file=sys.stderr)
        return NOT_DONE
    return None


def _print_rejection(prepared, en: bool) -> int:
    print(
        ("REJECTED" if en else "DITOLAK")
        + f": {len(prepared.problems)} "
        + ("problem(s); nothing was changed." if en else "masalah; tidak ada data yang diubah."),
        file=sys.stderr,
    )
    for problem in prepared.problems:
        print(problem.describe("en" if en else "id"), file=sys.stderr)
    return REJECTED


def _run(args) -> int:
    en = args.lang == "en"
    if args.versions:
        frame = pipeline.versions_frame()
        print(frame.to_string(index=False) if len(frame) else ("No imports yet." if en else "Belum ada impor."))
        return ACCEPTED
    if args.rollback:
        try:
            version = pipeline.rollback(args.rollback, who=args.who)
        except KeyError:
            print(f"{'Unknown version' if en else 'Versi tidak dikenal'}: {args.rollback}", file=sys.stderr)
            return NOT_DONE
        print(f"{'Restored' if en else 'Dipulihkan'} {args.rollback} → {version.name}")
        return ACCEPTED
    if not args.table or not args.file:
        parser = _parser()
        parser.print_usage(sys.stderr)
        print(
            f"{parser.prog}: error: " + ("TABLE and FILE are required" if en else "TABLE dan FILE wajib diisi"),
            file=sys.stderr,
        )
        return USAGE
    prepared = pipeline.prepare(args.table, args.file, mode=args.mode, sheet=args.sheet, limit_mb=args.max_mb)
    if (refused := _report_or_refuse(args, prepared)) is not None:
        return refused
    for notice in prepared.notices:
        print(notice.describe(args.lang))
    if not prepared.ok:
        return _print_rejection(prepared, en)
    try:
        version = pipeline.commit(prepared, who=args.who)
    except pipeline.StaleVersion:
        # another import landed while this file was being checked: check it again once
        prepared = pipeline.prepare(args.table, args.file, mode=args.mode, sheet=args.sheet, limit_mb=args.max_mb)
        if (refused := _report_or_refuse(args, prepared)) is not None:
            return refused
        if not prepared.ok:
            return _print_rejection(prepared, en)
        version = pipeline.commit(prepared, who=args.who)
    if version is None:
        print(
            "Nothing new: every row is already stored." if en else "Tidak ada yang baru: semua baris sudah tersimpan."
        )
        return ACCEPTED
    print(
        ("ACCEPTED" if en else "DITERIMA")
        + f": {version.name} · {args.table} · "
        + (
            f"{prepared.added} rows added, {prepared.skipped} skipped"
            if en
            else f"{prepared.added} baris ditambahkan, {prepared.skipped} dilewati"
        )
        + (
            f", {prepared.replaced_rows} replaced"
            if args.mode == "replace" and en
            else f", {prepared.replaced_rows} diganti"
            if args.mode == "replace"
            else ""
        )
    )
    _republish_light_edition(en)
    return ACCEPTED


def _republish_light_edition(en: bool) -> None:
    """Where a light edition is kept, publish the new version's (a deployment serves it)."""
    from analytics import publish

    published = publish.refresh(only_if_kept=True)
    if published is not None:
        print(("Light edition published: " if en else "Versi ringan diterbitkan: ") + str(published))


if __name__ == "__main__":
    raise SystemExit(main())
