"""The one connection factory: an in-memory DuckDB database over the project's files.

Reference, published and documented tables are loaded from the curated CSVs with the
types the catalog declares. The case register (``violation_cases``, ``sanctions``) is a
view over Parquet: the synthetic demo, or an organisation's imported cases. Any table with an
imported version (``analytics.ingest.store``) is read from that version instead. Derived
views (``analytics/sql/views/*.sql``) are created last, in file-name order.

DuckDB refuses concurrent calls on one connection: callers take ``con.cursor()`` per
query or thread.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from analytics import cell_key, settings
from analytics.catalog import Catalog, Table, csv_columns_spec, load_catalog, quote_ident, quote_literal, select_list
from analytics.ingest.store import VersionStore

#: The case register: imported together or served from the demo together, never mixed.
REGISTER_TABLES = ("violation_cases", "sanctions")

VIEWS_DIR = settings.SQL_DIR / "views"
#: The view that joins every case with its recommendation, region and cycle.
CASES_VIEW_FILE = "10_cases.sql"


class DataError(RuntimeError):
    """A data file is missing or does not match the catalog."""


@dataclass(frozen=True)
class DataSources:
    """Which files feed which table, and a version that changes when any of them changes.

    Whether the register is synthetic is read from the data (``is_synthetic``), not assumed here.
    """

    files: dict[str, tuple[Path, ...]]
    version: str = field(default="")
    import_version: str | None = None
    #: the working data directory, whose cell-key secret gives the cases their record keys
    data_dir: Path | None = None

    def cell_key_secret(self) -> str:
        return cell_key.secret(self.data_dir or settings.data_dir())


def _fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha1()
    for path in sorted(paths):
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def resolve_sources(
    data_dir: Path | None = None,
    reference_dir: Path | None = None,
    catalog: Catalog | None = None,
) -> DataSources:
    """Find the file(s) behind every catalog table. Raises DataError when one is missing."""
    catalog = catalog or load_catalog()
    data_dir = data_dir or settings.data_dir()
    reference_dir = reference_dir or settings.REFERENCE_DIR
    register_dir = settings.demo_dir(data_dir)
    current = VersionStore(data_dir).current()
    imported = current.tables if current else {}
    register_imported = any(name in imported for name in REGISTER_TABLES)
    files: dict[str, tuple[Path, ...]] = {}
    for table in catalog:
        if table.name in imported:
            paths = [current.table_file(table.name)]
        elif table.is_real:
            paths = [reference_dir / table.file]
            # synthetic rows belong to the demo: they go when real cases come
            if table.synthetic_file and not register_imported and (register_dir / table.synthetic_file).exists():
                paths.append(register_dir / table.synthetic_file)
        elif register_imported:
            paths = []  # the register is imported but this table is not (yet): empty, never the demo
        else:
            paths = [register_dir / table.file]
        for path in paths:
            if not path.exists():
                raise DataError(f"Berkas data tidak ditemukan untuk tabel {table.name}: {path}")
        files[table.name] = tuple(paths)
    all_paths = [p for paths in files.values() for p in paths]
    # the record keys, and so every adjusted number, change with the secret
    version = (
        _fingerprint(all_paths)
        + "k"
        + cell_key.fingerprint(cell_key.secret(data_dir))
        + (f"-{current.name}" if current else "")
    )
    return DataSources(
        files=files, version=version, import_version=current.name if current else None, data_dir=data_dir
    )


def load_statement(table: Table, path: Path) -> str:
    if path.suffix == ".csv":
        return (
            f"SELECT {select_list(table)} FROM read_csv({quote_literal(str(path))}, header = true, "
            f"columns = {csv_columns_spec(table)}, auto_detect = false, quote = '\"', escape = '\"')"
        )
    return f"SELECT {select_list(table)} FROM read_parquet({quote_literal(str(path))})"


def _empty_statement(table: Table) -> str:
    columns = ", ".join(f"CAST(NULL AS {c.type}) AS {quote_ident(c.name)}" for c in table.columns)
    return f"SELECT {columns} WHERE false"


def create_table(
    con: duckdb.DuckDBPyConnection, table: Table, paths: tuple[Path, ...], materialize: bool = False
) -> None:
    """Create ``table`` from its files: a table for the curated data (and for everything when
    ``materialize``), a view over the register's Parquet otherwise."""
    selects = " UNION ALL BY NAME ".join(load_statement(table, p) for p in paths) if paths else _empty_statement(table)
    kind = "TABLE" if table.is_real or materialize else "VIEW"
    try:
        con.execute(f"CREATE {kind} {quote_ident(table.name)} AS {selects}")
    except duckdb.Error as exc:
        raise DataError(f"Tabel {table.name} tidak dapat dibaca dari {', '.join(map(str, paths))}: {exc}") from exc


def create_record_keys(con: duckdb.DuckDBPyConnection, secret: str) -> None:
    """``record_keys``: each case's secret record key (``analytics.cell_key``), for the cell keys
    that the public adjustment of register numbers rests on."""
    con.execute(
        f"CREATE TABLE record_keys AS SELECT case_id, {cell_key.record_key_sql(secret)} AS record_key "
        "FROM violation_cases"
    )


def derived_view_files() -> list[Path]:
    """The derived views and macros, in the order they must be created."""
    return sorted(VIEWS_DIR.glob("*.sql"))


def create_derived_views(con: duckdb.DuckDBPyConnection) -> None:
    for path in derived_view_files():
        con.execute(path.read_text(encoding="utf-8"))


def connect(sources: DataSources | None = None, catalog: Catalog | None = None) -> duckdb.DuckDBPyConnection:
    """Open an in-memory database with every catalog table and the derived views."""
    catalog = catalog or load_catalog()
    sources = sources or resolve_sources(catalog=catalog)
    con = duckdb.connect(":memory:")
    for table in catalog:
        create_table(con, table, sources.files[table.name])
    create_record_keys(con, sources.cell_key_secret())
    create_derived_views(con)
    return con


def table_row_counts(cur, catalog: Catalog | None = None) -> dict[str, int]:
    """Rows per catalog table. Table names come from the trusted catalog, quoted."""
    catalog = catalog or load_catalog()
    return {
        table.name: cur.execute(f"SELECT count(*)::BIGINT FROM {quote_ident(table.name)}").fetchone()[0]
        for table in catalog
    }
