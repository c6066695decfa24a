"""Text that looks the same is the same: one Unicode form (NFC), and no character a reader cannot
see (zero-width, bidirectional controls, NUL…) slips into a stored value, so re-sent cases are never
counted again. The command line never answers with a traceback, and its exit codes keep their meaning."""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import unicodedata

import pandas as pd
import pytest

from analytics.ingest import pipeline
from analytics.ingest.__main__ import main as ingest_main
from analytics.ingest.store import VersionStore
from analytics.ingest.values import hidden_character, nfc
from analytics.settings import REPO_DIR
from tests.ingest.conftest import tree_digest
from tests.ingest.samples import CASE_HEADER, CASE_ROWS, SANCTION_HEADER, SANCTION_ROWS, write_csv


def col(name):
    return CASE_HEADER.index(name)


def stored_cases(data_dir) -> pd.DataFrame:
    return pipeline.current_content(pipeline.load_catalog()["violation_cases"], VersionStore(data_dir))


def with_cell(rows, index, column, value):
    rows = [list(r) for r in rows]
    rows[index][col(column)] = value
    return rows


# --- the characters ---------------------------------------------------------------------------

HIDDEN = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u2028",
    "\u2029",
    "\x00",
    "\x1f",
    "\x7f",
    "\x85",
    "\x0b",
    "\x0c",
    "\u3164",
    "\u115f",
    "\u2800",
    "\u034f",
    "\ud800",
]


@pytest.mark.parametrize("char", HIDDEN, ids=[f"U+{ord(c):04X}" for c in HIDDEN])
def test_every_hidden_character_is_found_in_ids_and_in_text(char):
    assert hidden_character(f"K-001{char}", identifier=True) == (5, char)
    assert hidden_character(f"Dinas{char} Pendidikan", identifier=False) == (5, char)


def test_what_text_and_ids_may_hold():
    assert hidden_character("Dinas\tPendidikan\nKota\r\nBanjarmasin", identifier=False) is None
    assert hidden_character("Café\u00a0Ñusa 😀 Ibu Siti", identifier=False) is None
    assert hidden_character("K 001", identifier=True) is None
    for char in "\t\n\r\u00a0\u3000\ue000\ufe0f":  # inside an id: no tab, line break, other space, private use
        assert hidden_character(f"K{char}001", identifier=True) == (1, char)
    assert nfc("Cafe\u0301") == "Café" and len(nfc("Cafe\u0301")) == 4


# --- re-sent cases are recognised, never counted twice -----------------------------------------


@pytest.mark.parametrize(
    "char,name", [("\u200b", "U+200B ZERO WIDTH SPACE"), ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE")]
)
def test_resent_cases_with_a_hidden_character_after_the_id_are_refused(data_dir, tmp_path, capsys, char, name):
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "a.csv", CASE_HEADER, CASE_ROWS))]) == 0
    before = tree_digest(data_dir)
    resent = [list(r) for r in CASE_ROWS[:3]]
    for row in resent:
        row[col("No Kasus")] += char
    capsys.readouterr()
    report = tmp_path / "report.csv"
    assert (
        ingest_main(
            [
                "violation_cases",
                str(write_csv(tmp_path / "b.csv", CASE_HEADER, resent)),
                "--report",
                str(report),
                "--lang",
                "en",
            ]
        )
        == 2
    )
    prepared = pipeline.prepare("violation_cases", tmp_path / "b.csv")
    assert [(p.code, p.row, p.column, p.params["character"], p.params["position"]) for p in prepared.problems] == [
        ("hidden_character_in_id", row, "No Kasus", name, 6) for row in (2, 3, 4)
    ]
    assert prepared.problems[0].value == f"K-001⟨U+{ord(char):04X}⟩"
    err = capsys.readouterr().err
    assert "REJECTED: 3 problem(s)" in err and name in err and "row 2, column No Kasus" in err
    assert char not in err  # the report shows the character, it does not carry it
    lines = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert [line[:3] for line in lines[1:]] == [["b.csv", str(row), "No Kasus"] for row in (2, 3, 4)]
    assert tree_digest(data_dir) == before
    assert len(stored_cases(data_dir)) == 5


def test_hidden_characters_in_sanction_keys_vocabularies_and_text_are_refused(data_dir, tmp_path):
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "a.csv", CASE_HEADER, CASE_ROWS))]) == 0
    sanctions = [list(r) for r in SANCTION_ROWS]
    sanctions[1][0] = "\ufeffK-004"
    prepared = pipeline.prepare("sanctions", write_csv(tmp_path / "s.csv", SANCTION_HEADER, sanctions))
    assert [(p.code, p.row, p.column, p.params["character"]) for p in prepared.problems] == [
        ("hidden_character_in_id", 3, "No Kasus", "U+FEFF ZERO WIDTH NO-BREAK SPACE")
    ]
    rows = with_cell(CASE_ROWS[:2], 0, "Status Kasus", "Terbukti\u200b")
    rows = with_cell(rows, 1, "Nama Instansi", "Kecamatan \u2067Tenggarong")
    prepared = pipeline.prepare("violation_cases", write_csv(tmp_path / "b.csv", CASE_HEADER, rows))
    assert sorted((p.code, p.row, p.column, p.params["character"]) for p in prepared.problems) == [
        ("hidden_character", 2, "Status Kasus", "U+200B ZERO WIDTH SPACE"),
        ("hidden_character", 3, "Nama Instansi", "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ]


def test_spaces_around_an_id_are_still_stripped_and_inside_refused(data_dir, tmp_path):
    rows = with_cell(CASE_ROWS[:2], 0, "No Kasus", "\u00a0K-001 \t")  # as copied from a web page
    rows = with_cell(rows, 1, "Kabupaten/Kota", "Kab.\u00a0Kutai Kartanegara")  # a name looked up: NBSP is a space
    rows[1][col("Provinsi")] = ""
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "a.csv", CASE_HEADER, rows))]) == 0
    assert set(stored_cases(data_dir)["case_id"]) == {"K-001", "K-002"}
    rows = with_cell(CASE_ROWS[2:3], 0, "No Kasus", "K-\u00a0003")
    prepared = pipeline.prepare("violation_cases", write_csv(tmp_path / "b.csv", CASE_HEADER, rows))
    assert [(p.code, p.params["character"]) for p in prepared.problems] == [
        ("hidden_character_in_id", "U+00A0 NO-BREAK SPACE")
    ]


def test_a_decomposed_name_is_the_same_name(data_dir, tmp_path, capsys):
    composed = with_cell(CASE_ROWS, 0, "Nama Instansi", "Dinas Pendidikan Café")
    composed = with_cell(composed, 0, "Nama ASN", "Budi Santoso Ré")
    decomposed = [[unicodedata.normalize("NFD", cell) for cell in row] for row in composed]
    assert decomposed[0][col("Nama Instansi")] != composed[0][col("Nama Instansi")]
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "a.csv", CASE_HEADER, composed))]) == 0
    before = tree_digest(data_dir)
    capsys.readouterr()
    assert ingest_main(["violation_cases", str(write_csv(tmp_path / "b.csv", CASE_HEADER, decomposed))]) == 0
    out = capsys.readouterr().out
    assert "Tidak ada yang baru" in out and out.count("sudah ada dengan isi yang sama") == 5
    assert tree_digest(data_dir) == before
    # a file written decomposed is stored composed
    assert ingest_main(["violation_cases", str(tmp_path / "b.csv"), "--mode", "replace"]) == 0
    stored = stored_cases(data_dir).set_index("case_id")
    assert (
        stored.loc["K-001", "agency_name"]
        == "Dinas Pendidikan Café"
        == unicodedata.normalize("NFC", "Dinas Pendidikan Café")
    )
    assert stored.loc["K-001", "asn_name"] == "Budi Santoso Ré"


def test_nul_in_free_text_is_refused_and_tabs_and_line_breaks_are_kept(data_dir, tmp_path):
    frame = pd.DataFrame(with_cell(CASE_ROWS[:2], 1, "Nama Instansi", "Kecamatan\x00Tenggarong"), columns=CASE_HEADER)
    frame.to_parquet(tmp_path / "nul.parquet", index=False)
    before = tree_digest(data_dir)
    prepared = pipeline.prepare("violation_cases", tmp_path / "nul.parquet")
    assert [(p.code, p.row, p.column, p.params["character"], p.value) for p in prepared.problems] == [
        ("hidden_character", 3, "Nama Instansi", "U+0000 NULL", "Kecamatan⟨U+0000⟩Tenggarong")
    ]
    assert ingest_main(["violation_cases", str(tmp_path / "nul.parquet")]) == 2
    assert tree_digest(data_dir) == before
    frame = pd.DataFrame(
        with_cell(CASE_ROWS[:2], 1, "Nama Instansi", "Kecamatan\tTenggarong\nKutai"), columns=CASE_HEADER
    )
    frame.to_parquet(tmp_path / "ok.parquet", index=False)
    assert ingest_main(["violation_cases", str(tmp_path / "ok.parquet")]) == 0
    assert stored_cases(data_dir).set_index("case_id").loc["K-002", "agency_name"] == "Kecamatan\tTenggarong\nKutai"


# --- the command line ---------------------------------------------------------------------------


def test_a_report_into_a_missing_folder_creates_it(data_dir, tmp_path):
    path = write_csv(tmp_path / "k.csv", CASE_HEADER, with_cell(CASE_ROWS[:1], 0, "Tanggal Laporan", "31/02/2024"))
    report = tmp_path / "laporan" / "2024" / "hasil.csv"
    assert ingest_main(["violation_cases", str(path), "--report", str(report)]) == 2
    assert "date_not_in_calendar" not in report.read_text(encoding="utf-8-sig")
    assert "Tanggal tidak ada di kalender." in report.read_text(encoding="utf-8-sig")


def test_a_report_that_cannot_be_written_changes_nothing(data_dir, tmp_path, capsys):
    (tmp_path / "a-file").write_text("x")
    before = tree_digest(data_dir)
    path = write_csv(tmp_path / "k.csv", CASE_HEADER, CASE_ROWS)
    assert ingest_main(["violation_cases", str(path), "--report", str(tmp_path / "a-file" / "r.csv")]) == 1
    err = capsys.readouterr().err
    assert "Laporan tidak dapat ditulis" in err and "Traceback" not in err
    assert tree_digest(data_dir) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["violation_cases", "k.csv", "--bogus"],  # unknown option
        ["--rollback"],  # missing argument
        ["violation_cases", "k.csv", "--mode"],  # missing argument
        ["no_such_table", "k.csv"],  # invalid choice
        ["violation_cases", "k.csv", "--max-mb", "x"],  # invalid value
        ["violation_cases"],  # no file
        [],  # nothing
    ],
)
def test_usage_errors_have_their_own_exit_code(data_dir, capsys, argv):
    assert ingest_main(argv) == 64
    captured = capsys.readouterr()
    assert "usage:" in captured.err and "Traceback" not in captured.err + captured.out


def test_help_still_exits_zero(capsys):
    assert ingest_main(["--help"]) == 0
    assert "usage:" in capsys.readouterr().out


def test_an_unexpected_error_is_one_report_line_not_a_traceback(data_dir, tmp_path, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pipeline, "prepare", broken)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    report = tmp_path / "r" / "report.csv"
    path = write_csv(tmp_path / "k.csv", CASE_HEADER, CASE_ROWS)
    assert ingest_main(["violation_cases", str(path), "--report", str(report), "--lang", "en"]) == 70
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "Unexpected error (RuntimeError: disk on fire)" in lines[0]
    logs = list(tmp_path.glob("pantau-import-error-*.txt"))
    assert len(logs) == 1 and str(logs[0]) in lines[0]
    assert "Traceback" in logs[0].read_text() and "disk on fire" in logs[0].read_text()
    assert "disk on fire" in report.read_text(encoding="utf-8-sig")


def test_the_real_command_line_answers_misuse_without_a_traceback(data_dir):
    done = subprocess.run(
        [sys.executable, "-m", "analytics.ingest", "--no-such-option"],
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 64 and "Traceback" not in done.stdout + done.stderr
    assert "unrecognized arguments" in done.stderr


def test_rows_stored_before_normalisation_compare_in_nfc():
    """A row stored decomposed (before imports were normalised) and the same row re-sent composed
    are the same row: the key and every value are compared in NFC."""
    from analytics.ingest import pipeline

    stored, sent = unicodedata.normalize("NFD", "Dinas Pendidikan Café"), "Dinas Pendidikan Café"
    assert stored != sent and pipeline._same(stored, sent)
    frame = pd.DataFrame({"case_id": [unicodedata.normalize("NFD", "K-é1")]})
    assert pipeline._keys(frame, ["case_id"]) == [("K-é1",)]
