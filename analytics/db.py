"""The one connection factory: an in-memory DuckDB database over the project's files.

Reference, published and documented tables are loaded from the curated CSVs with the
types the catalog declares. The case register (``violation_cases``, ``sanctions``) is a
view over Parquet: the synthetic demo, or an organisation's imported cases. Derived
views (``analytics/sql/views/*.sql``) are created last, in file-name order.

DuckDB refuses concurrent calls on one connection: callers take ``con.cursor()`` per
query or thread.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from analytics import settings
from analytics.catalog import Catalog, Table, csv_columns_spec, load_catalog, quote_ident, quote_literal, select_list

VIEWS_DIR = settings.SQL_DIR / "views"


class DataError(RuntimeError):
    """A data file is missing or does not match the catalog."""


@dataclass(frozen=True)
class DataSources:
    """Which files feed which table, and a version that changes when any of them changes.

    Whether the register is synthetic is read from the data (``is_synthetic``), not assumed here.
    """

    files: dict[str, tuple[Path, ...]]
    version: str = field(default="")


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
    files: dict[str, tuple[Path, ...]] = {}
    for table in catalog:
        if table.is_real:
            paths = [reference_dir / table.file]
            if table.synthetic_file and (register_dir / table.synthetic_file).exists():
                paths.append(register_dir / table.synthetic_file)
        else:
            paths = [register_dir / table.file]
        for path in paths:
            if not path.exists():
                raise DataError(f"Berkas data tidak ditemukan untuk tabel {table.name}: {path}")
        files[table.name] = tuple(paths)
    all_paths = [p for paths in files.values() for p in paths]
    return DataSources(files=files, version=_fingerprint(all_paths))


def _load_statement(table: Table, path: Path) -> str:
    if path.suffix == ".csv":
        return (
            f"SELECT {select_list(table)} FROM read_csv({quote_literal(str(path))}, header = true, "
            f"columns = {csv_columns_spec(table)}, auto_detect = false, quote = '\"', escape = '\"')"
        )
    return f"SELECT {select_list(table)} FROM read_parquet({quote_literal(str(path))})"


def _create_table(con: duckdb.DuckDBPyConnection, table: Table, paths: tuple[Path, ...]) -> None:
    selects = " UNION ALL BY NAME ".join(_load_statement(table, p) for p in paths)
    kind = "TABLE" if table.is_real else "VIEW"
    try:
        con.execute(f"CREATE {kind} {quote_ident(table.name)} AS {selects}")
    except duckdb.Error as exc:
        raise DataError(f"Tabel {table.name} tidak dapat dibaca dari {', '.join(map(str, paths))}: {exc}") from exc


def create_derived_views(con: duckdb.DuckDBPyConnection) -> None:
    for path in sorted(VIEWS_DIR.glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


def connect(sources: DataSources | None = None, catalog: Catalog | None = None) -> duckdb.DuckDBPyConnection:
    """Open an in-memory database with every catalog table and the derived views."""
    catalog = catalog or load_catalog()
    sources = sources or resolve_sources(catalog=catalog)
    con = duckdb.connect(":memory:")
    for table in catalog:
        _create_table(con, table, sources.files[table.name])
    create_derived_views(con)
    return con


def table_row_counts(cur, catalog: Catalog | None = None) -> dict[str, int]:
    """Rows per catalog table. Table names come from the trusted catalog, quoted."""
    catalog = catalog or load_catalog()
    return {
        table.name: cur.execute(f"SELECT count(*)::BIGINT FROM {quote_ident(table.name)}").fetchone()[0]
        for table in catalog
    }
