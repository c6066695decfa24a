"""The import, step by step: read the file, map its headers, validate every row, compare with
what is stored (append: new keys only; replace: the whole table), and commit a new version.
``prepare`` changes nothing; ``commit`` is the only step that writes."""

from __future__ import annotations

import gc
import getpass
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from analytics import settings
from analytics.catalog import Table, load_catalog
from analytics.ingest import learned
from analytics.ingest.derive import derive
from analytics.ingest.headers import HeaderMapping, aliases, map_headers, normalise
from analytics.ingest.problems import Problem
from analytics.ingest.readers import DEFAULT_LIMIT_MB, RawTable, ReadError, read_file
from analytics.ingest.store import StaleVersion, Version, VersionStore, arrow_schema, sha256_of  # noqa: F401
from analytics.ingest.validate import Reference, Validated, validate

IMPORTABLE = ("violation_cases", "sanctions", "socialization_events", "published_figures", "asn_headcount")
MODES = ("append", "replace")
#: Referenced tables whose codes may also be written as their labels.
LABELLED = {
    "violation_categories": "code",
    "positions": "code",
    "sanction_types": "code",
    "event_types": "code",
    "metrics": "metric",
    "elections": "election_id",
}


def load_reference(reference_dir: Path | None = None) -> Reference:
    reference_dir = reference_dir or settings.REFERENCE_DIR
    regions = pd.read_csv(reference_dir / "regions.csv", dtype=str, keep_default_na=False)
    codes: dict[str, dict[str, str]] = {}
    for name, key in LABELLED.items():
        frame = pd.read_csv(reference_dir / f"{name}.csv", dtype=str, keep_default_na=False)
        lookup: dict[str, str] = {}
        for column in ("label_en", "label_id", key):
            if column in frame:
                lookup.update({normalise(v): c for v, c in zip(frame[column], frame[key]) if v})
        if name == "elections":  # 'Pilkada 2024', 'Pemilu 2019'
            lookup.update(
                {
                    normalise(f"{t} {y}"): c
                    for t, y, c in zip(frame["election_type"], frame["election_year"], frame[key])
                }
            )
        for code, written in (aliases().get("reference_values", {}).get(name) or {}).items():
            lookup.update({normalise(w): code for w in written})  # 'Apel ikrar' -> ikrar_pakta
        codes[name] = lookup
    elections = pd.read_csv(reference_dir / "elections.csv", dtype=str, keep_default_na=False)
    elections["voting_date"] = pd.to_datetime(elections["voting_date"], errors="coerce")
    return Reference(regions=regions, codes=codes, elections=elections[["election_id", "voting_date"]])


def current_content(table: Table, store: VersionStore, reference_dir: Path | None = None) -> pd.DataFrame:
    """The table as the dashboard serves it now, apart from the synthetic demo: the imported
    version, else the curated file for real tables, else nothing."""
    reference_dir = reference_dir or settings.REFERENCE_DIR
    current = store.current()
    path = current.table_file(table.name) if current else None
    con = duckdb.connect()
    try:
        if path is not None:
            frame = con.execute("SELECT * FROM read_parquet(?)", [str(path)]).df()
        elif table.is_real:
            from analytics.db import load_statement

            frame = con.execute(load_statement(table, reference_dir / table.file)).df()
        else:
            frame = pd.DataFrame(columns=table.column_names)
    finally:
        con.close()
    frame = frame[table.column_names]
    return _as_python(table, frame)


def _as_python(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """Column values as plain Python objects (dates as date, missing as None) for comparing and storing."""
    out = {}
    for column in table.columns:
        values = frame[column.name]
        if column.type == "DATE":
            out[column.name] = [
                None if pd.isna(v) else (v.date() if isinstance(v, (datetime, pd.Timestamp)) else v) for v in values
            ]
        else:
            out[column.name] = [
                None
                if (v is None or (not isinstance(v, str) and pd.isna(v)))
                else (v.item() if hasattr(v, "item") else v)
                for v in values
            ]
    return pd.DataFrame(
        {name: pd.Series(values, dtype=object) for name, values in out.items()}, columns=table.column_names
    )


@dataclass
class Prepared:
    table: Table
    file_name: str
    file_sha256: str
    mode: str
    raw: RawTable | None
    mapping: HeaderMapping | None
    validated: Validated | None
    problems: list[Problem]
    notices: list[Problem] = field(default_factory=list)
    result: pd.DataFrame | None = None  # the whole table after the import
    base_version: str = "v0000"  # the version the checks were made against
    added: int = 0
    skipped: int = 0
    replaced_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changes_anything(self) -> bool:
        return self.ok and (self.mode == "replace" or self.added > 0)


def _nfc(value):
    """Stored text from before imports were normalised may be decomposed: compare in NFC."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _keys(frame: pd.DataFrame, key_columns) -> list[tuple]:
    """Each row's primary key, compared in NFC, read column by column."""
    return list(zip(*(map(_nfc, frame[c].tolist()) for c in key_columns)))


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _same(a, b) -> bool:
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    if isinstance(a, float) or isinstance(b, float):
        return abs(float(a) - float(b)) < 1e-9
    return _nfc(a) == _nfc(b)


@contextmanager
def _cycle_collector_paused():
    """A big file makes millions of row lists and cells, none in a reference cycle; the cycle
    collector would walk them again and again (a quarter of a 1M-row import's time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def prepare(
    table_name: str,
    path: Path,
    mode: str = "append",
    sheet: str | None = None,
    data_dir: Path | None = None,
    reference_dir: Path | None = None,
    display_name: str | None = None,
    limit_mb: float = DEFAULT_LIMIT_MB,
) -> Prepared:
    """Everything up to the commit; writes nothing."""
    with _cycle_collector_paused():
        return _prepare(table_name, path, mode, sheet, data_dir, reference_dir, display_name, limit_mb)


def _prepare(
    table_name: str,
    path: Path,
    mode: str,
    sheet: str | None,
    data_dir: Path | None,
    reference_dir: Path | None,
    display_name: str | None,
    limit_mb: float,
) -> Prepared:
    if table_name not in IMPORTABLE:
        raise ValueError(f"table {table_name!r} cannot be imported; choose one of {', '.join(IMPORTABLE)}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    table = load_catalog()[table_name]
    name = display_name or Path(path).name
    store = VersionStore(data_dir or settings.data_dir())
    digest = sha256_of(Path(path)) if Path(path).is_file() else ""
    try:
        raw = read_file(Path(path), sheet=sheet, limit_mb=limit_mb, display_name=name)
    except ReadError as error:
        return Prepared(table, name, digest, mode, None, None, None, [error.problem])
    base_version = store.current_name()
    taught = learned.load(store.root.parent)
    mapping = map_headers(table_name, table.column_names, raw.headers, taught.headers.get(table_name))
    reference = load_reference(reference_dir)
    reference.learned_values = taught.values
    raw, mapping, derived = derive(table, raw, mapping, reference.matcher)
    checked = validate(table, raw, mapping, reference)
    prepared = Prepared(
        table,
        raw.file,
        digest,
        mode,
        raw,
        mapping,
        checked,
        list(checked.problems),
        derived + list(checked.notices),
        base_version=base_version,
    )
    if not checked.ok:
        return prepared
    incoming = checked.rows  # already plain Python values (date, int, str, None), as _as_python makes them
    key_columns = list(table.primary_key)
    if table_name == "sanctions":
        cases = current_content(load_catalog()["violation_cases"], store, reference_dir)
        known = set(cases["case_id"])
        header = mapping.source_header("case_id")
        for number, case_id in zip(checked.row_numbers, incoming["case_id"]):
            if case_id not in known:
                prepared.problems.append(
                    Problem("case_missing", raw.file, number, header, case_id, params={"key": case_id})
                )
        if prepared.problems:
            return prepared
    existing = current_content(table, store, reference_dir)
    if table_name == "violation_cases":
        _check_sanctions_keep_their_cases(prepared, incoming if mode == "replace" else None, store, reference_dir)
        if prepared.problems:
            return prepared
    if mode == "replace":
        prepared.result = incoming
        prepared.added = len(incoming)
        prepared.replaced_rows = len(existing)
        return prepared
    stored = {key: position for position, key in enumerate(_keys(existing, key_columns))}
    header = mapping.source_header(key_columns[0]) if key_columns[0] in mapping.columns else key_columns[0]
    new_rows, resent = [], []
    for position, key in enumerate(_keys(incoming, key_columns)):
        if key in stored:
            resent.append((position, key))
        else:
            new_rows.append(position)
    # only the rows sent again are compared column by column, so a file of new rows costs no row dicts
    sent_again = incoming.iloc[[position for position, _ in resent]].to_dict("records")
    stored_rows = existing.iloc[[stored[key] for _, key in resent]].to_dict("records")
    for (position, key), row, before in zip(resent, sent_again, stored_rows):
        number = checked.row_numbers[position]
        differing = [c for c in table.column_names if not _same(row[c], before[c])]
        key_text = "/".join(map(str, key))
        if differing:
            prepared.problems.append(
                Problem(
                    "key_changed",
                    raw.file,
                    number,
                    header,
                    key_text,
                    params={"key": key_text, "columns": ", ".join(differing[:5])},
                )
            )
        else:
            prepared.skipped += 1
            prepared.notices.append(Problem("resent_key", raw.file, number, header, params={"key": key_text}))
    if prepared.problems:
        return prepared
    prepared.added = len(new_rows)
    added = incoming.iloc[new_rows].reset_index(drop=True)[table.column_names]
    prepared.result = pd.concat([existing, added], ignore_index=True)
    return prepared


def _check_sanctions_keep_their_cases(
    prepared: Prepared, new_cases: pd.DataFrame | None, store: VersionStore, reference_dir: Path | None
) -> None:
    """Replacing the cases must not leave imported recommendations without their case."""
    if new_cases is None:
        return
    current = store.current()
    if current is None or current.table_file("sanctions") is None:
        return
    sanctions = current_content(load_catalog()["sanctions"], store, reference_dir)
    remaining = set(new_cases["case_id"])
    for case_id in sorted(set(sanctions["case_id"]) - remaining)[:50]:
        prepared.problems.append(
            Problem("sanction_orphaned", prepared.file_name, None, "case_id", case_id, params={"key": case_id})
        )


def commit(prepared: Prepared, who: str | None = None, data_dir: Path | None = None) -> Version | None:
    """Store the prepared import as a new version. Returns None when there is nothing to add."""
    if not prepared.ok:
        raise ValueError("a rejected import cannot be committed")
    if not prepared.changes_anything:
        return None
    store = VersionStore(data_dir or settings.data_dir())
    table = prepared.table
    content = pa.Table.from_pandas(prepared.result, schema=arrow_schema(table), preserve_index=False)
    meta = {
        "who": who or default_user(),
        "file": prepared.file_name,
        "file_sha256": prepared.file_sha256,
        "mode": prepared.mode,
        "table": table.name,
        "rows_added": prepared.added,
        "rows_skipped": prepared.skipped,
        "rows_replaced": prepared.replaced_rows,
    }
    return store.commit({table.name: (table, content)}, meta, expected_base=prepared.base_version)


def default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user database entry (containers)
        return "unknown"


def rollback(version: str, who: str | None = None, data_dir: Path | None = None) -> Version:
    store = VersionStore(data_dir or settings.data_dir())
    return store.rollback(version, {"who": who or default_user(), "file": None, "table": None})


def versions_frame(data_dir: Path | None = None) -> pd.DataFrame:
    """The version history as a table, newest first."""
    store = VersionStore(data_dir or settings.data_dir())
    current = store.current()
    rows = []
    for version in store.versions():
        m = version.manifest
        rows.append(
            {
                "version": version.name,
                "active": current is not None and version.name == current.name,
                "committed_at": m.get("committed_at"),
                "who": m.get("who"),
                "mode": m.get("mode"),
                "table": m.get("table") or "",
                "file": m.get("file") or "",
                "file_sha256": (m.get("file_sha256") or "")[:12],
                "rows_added": m.get("rows_added"),
                "rows_skipped": m.get("rows_skipped"),
                "restored_from": m.get("restored_from") or "",
                "tables": ", ".join(f"{name} ({entry['rows']})" for name, entry in sorted(m["tables"].items())),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "version",
            "active",
            "committed_at",
            "who",
            "mode",
            "table",
            "file",
            "file_sha256",
            "rows_added",
            "rows_skipped",
            "restored_from",
            "tables",
        ],
    )
