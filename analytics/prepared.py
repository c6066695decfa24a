"""The prepared database: every table of one data version in a DuckDB file, built once.

``db.connect`` reads the curated CSVs and the register's Parquet anew for every connection and
joins cases with their sanctions, regions and cycles on every query. The prepared file does that
work once per data version: all catalog tables are stored (compressed, with min/max statistics
per block), and ``cases`` is a table sorted by cycle, province, regency and date, so that a query
for one cycle or one area reads only the blocks that can hold it. ``headcount_latest`` (a ranking
window over every headcount row) is stored too, so that the queries with rates per 1,000 ASN
only look it up. The app opens the file read-only. Its name is the data version, the build's
format and a digest of the views' SQL, so an import, a changed file or a changed view gives a new one.

Built under a lock into a temporary file that is renamed into place, so a reader never sees a
half-built file and two processes do not build the same one. Where the cache folder cannot be
written, callers fall back to ``db.connect``.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import os
from pathlib import Path

import duckdb

from analytics import db
from analytics.catalog import Catalog, load_catalog

SUFFIX = ".duckdb"
#: Raised when this module's build changes what a file holds (the views' SQL is in the name by its
#: digest), so that files of an older build are rebuilt.
FORMAT = 3
#: Memory DuckDB may use while building (it spills to a temporary folder beyond that).
BUILD_MEMORY_LIMIT = "1GB"
#: The order that lets DuckDB skip blocks for the common filters.
CASES_ORDER = "election_id, province_code, region_code, reported_date"
#: Derived views stored as tables, by the file that creates them: the view's name and the
#: order of its rows (None: as they come).
STORED_VIEWS = {
    db.CASES_VIEW_FILE: ("cases", CASES_ORDER),
    "30_headcount_latest.sql": ("headcount_latest", None),
}


def path_for(cache_dir: Path, sources: db.DataSources) -> Path:
    """The file of ``sources``' prepared database: named by the data version, the build's format and
    the derived views' SQL, so that a changed view or macro is never answered by a file built
    before it."""
    return Path(cache_dir) / f"{sources.version}.f{FORMAT}-{_views_digest()}{SUFFIX}"


@functools.cache
def _views_digest() -> str:
    digest = hashlib.sha1()
    for path in db.derived_view_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:8]


def build(target: Path, sources: db.DataSources, catalog: Catalog | None = None) -> Path:
    """Write the prepared database for ``sources`` to ``target`` (atomically)."""
    catalog = catalog or load_catalog()
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    spill = target.parent / ".spill"
    try:
        with contextlib.closing(duckdb.connect(str(temporary))) as con:
            con.execute(f"SET memory_limit = '{BUILD_MEMORY_LIMIT}'")
            con.execute("SET temp_directory = ?", [str(spill)])
            con.execute("SET preserve_insertion_order = false")
            for table in catalog:
                db.create_table(con, table, sources.files[table.name], materialize=True)
            db.create_record_keys(con, sources.cell_key_secret())
            for path in db.derived_view_files():
                con.execute(path.read_text(encoding="utf-8"))
                if path.name in STORED_VIEWS:
                    _store_view(con, *STORED_VIEWS[path.name])
            # the register's newest date is fixed per version: read once here, not scanned twice in
            # every query at an age (views/25_filtered_cases_at_age.sql)
            con.execute("CREATE TABLE register_newest AS SELECT register_newest_date() AS newest_date")
            con.execute("CREATE OR REPLACE MACRO register_newest_date() AS (SELECT newest_date FROM register_newest)")
            con.execute(
                "CREATE TABLE _prepared AS SELECT ?::VARCHAR AS version, ?::VARCHAR AS import_version, "
                "now() AS built_at",
                [sources.version, sources.import_version],
            )
            con.execute("CHECKPOINT")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _store_view(con: duckdb.DuckDBPyConnection, name: str, order: str | None) -> None:
    """Replace the view ``name`` by a table of its rows (views created later bind to it by name)."""
    order_by = f" ORDER BY {order}" if order else ""
    con.execute(f"CREATE TABLE {name}_stored AS SELECT * FROM {name}{order_by}")
    con.execute(f"DROP VIEW {name}")
    con.execute(f"ALTER TABLE {name}_stored RENAME TO {name}")


@contextlib.contextmanager
def _lock(cache_dir: Path):
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / ".lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure(cache_dir: Path, sources: db.DataSources, catalog: Catalog | None = None) -> Path:
    """The prepared file for ``sources``, built if missing; older versions' files are removed."""
    cache_dir = Path(cache_dir)
    target = path_for(cache_dir, sources)
    if target.exists():
        return target
    with _lock(cache_dir):
        if not target.exists():
            build(target, sources, catalog)
            for old in cache_dir.glob(f"*{SUFFIX}"):
                if old != target:
                    old.unlink(missing_ok=True)  # open readers keep their (unlinked) file
    return target


def last_good(cache_dir: Path) -> tuple[duckdb.DuckDBPyConnection, db.DataSources] | None:
    """The newest prepared database that opens, with the sources it was built from (files
    unknown): what to serve when the current data cannot be read."""
    for path in sorted(Path(cache_dir).glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True):
        try:
            con = duckdb.connect(str(path), read_only=True)
            version, import_version = con.execute("SELECT version, import_version FROM _prepared").fetchone()
        except (duckdb.Error, TypeError):
            continue
        return con, db.DataSources(files={}, version=version, import_version=import_version)
    return None


def connect(cache_dir: Path, sources: db.DataSources, catalog: Catalog | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the prepared database of ``sources``; falls back to an
    in-memory database (``db.connect``) where the cache folder cannot be written."""
    try:
        path = ensure(cache_dir, sources, catalog)
    except OSError:
        return db.connect(sources, catalog)
    return duckdb.connect(str(path), read_only=True)
