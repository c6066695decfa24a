"""Versions of imported data under ``<data dir>/imports``: atomic, complete, restorable.

Layout::

    imports/
      CURRENT             the active version's name, e.g. "v0003" (replaced atomically)
      versions/v0003/     manifest.json and one Parquet file per imported table (the whole table)
      .staging-*/         a version being written; never read
      .lock               held while a version is being committed

A commit writes the new version into a staging folder, renames it into ``versions/`` and only
then replaces ``CURRENT`` (``os.replace``). Until that last step readers keep the previous
version; a process killed at any point leaves the last good version serving. Files of a version
are never changed after it is written; tables a commit does not touch are hard-linked from the
version before.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analytics.catalog import Table

ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}


#: The state before any import: curated reference data and the synthetic demo.
EMPTY_VERSION = "v0000"


def _fault(point: str) -> None:
    """Test hook for the crash-safety tests: PANTAU_INGEST_FAULT=<point> ends the process there
    at once (no cleanup, as a kill would); PANTAU_INGEST_FAULT=pause:<point> waits there so a
    test can send SIGKILL itself."""
    fault = os.environ.get("PANTAU_INGEST_FAULT")
    if fault == point:
        os._exit(137)
    if fault == f"pause:{point}":
        (
            Path(os.environ.get("PANTAU_INGEST_PAUSED", "/dev/null")).write_text(point)
            if os.environ.get("PANTAU_INGEST_PAUSED")
            else None
        )
        time.sleep(60)


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.type]) for c in table.columns])


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class StoreError(RuntimeError):
    """The version store is damaged: CURRENT names a version that cannot be read."""


class StaleVersion(RuntimeError):
    """Another import or a restore landed after this import was checked."""

    def __init__(self, expected: str, current: str):
        super().__init__(f"expected {expected}, found {current}")
        self.expected, self.current = expected, current


@dataclass(frozen=True)
class Version:
    name: str
    path: Path
    manifest: dict

    @property
    def number(self) -> int:
        return int(self.name[1:])

    @property
    def tables(self) -> dict[str, dict]:
        return self.manifest["tables"]

    def table_file(self, table: str) -> Path | None:
        entry = self.tables.get(table)
        return self.path / entry["file"] if entry else None


class VersionStore:
    def __init__(self, data_dir: Path):
        self.root = Path(data_dir) / "imports"
        self.versions_dir = self.root / "versions"
        self.current_file = self.root / "CURRENT"

    # --- reading ---------------------------------------------------------------------
    def current(self) -> Version | None:
        """The version being served; None before any import. A CURRENT that cannot be followed
        raises StoreError: silently serving the demo instead would hide real data."""
        try:
            name = self.current_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        version = self._load(name) if name else None
        if version is None:
            raise StoreError(f"{self.current_file} names {name!r}, which cannot be read")
        return version

    def current_name(self) -> str:
        current = self.current()
        return current.name if current else EMPTY_VERSION

    def _load(self, name: str) -> Version | None:
        path = self.versions_dir / name
        try:
            manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        return Version(name, path, manifest)

    def versions(self) -> list[Version]:
        """Every committed version, newest first (versions never activated are left out)."""
        if not self.versions_dir.exists():
            return []
        current = self.current()
        limit = current.number if current else 0
        found = [self._load(p.name) for p in self.versions_dir.iterdir() if p.name.startswith("v")]
        return sorted((v for v in found if v and v.number <= limit), key=lambda v: v.number, reverse=True)

    def get(self, name: str) -> Version | None:
        version = self._load(name)
        current = self.current()
        return version if version and current and version.number <= current.number else None

    # --- writing ---------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self):
        """Hold the store's write lock; a folder that cannot be written is a StoreError that
        says so (nothing has been changed at that point)."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle = open(self.root / ".lock", "w")
        except OSError as error:
            raise StoreError(_unwritable(self.root, error)) from error
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            except OSError as error:
                raise StoreError(_unwritable(self.root, error)) from error
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _clean_leftovers(self, current: Version | None) -> None:
        """Staging folders and versions never activated are what a killed commit leaves."""
        for path in self.root.glob(".staging-*"):
            shutil.rmtree(path, ignore_errors=True)
        limit = current.number if current else 0
        if self.versions_dir.exists():
            for path in self.versions_dir.iterdir():
                if path.name.startswith("v") and path.name[1:].isdigit() and int(path.name[1:]) > limit:
                    shutil.rmtree(path, ignore_errors=True)

    def commit(
        self, changes: dict[str, tuple[Table, pa.Table]], meta: dict, expected_base: str | None = None
    ) -> Version:
        """A new version: ``changes`` replace whole tables; the others carry over unchanged.
        With ``expected_base``, refuses (StaleVersion) when another version landed meanwhile."""
        with self.lock():
            current = self.current()
            if expected_base is not None and (current.name if current else EMPTY_VERSION) != expected_base:
                raise StaleVersion(expected_base, current.name if current else EMPTY_VERSION)
            carried = {
                name: entry for name, entry in (current.tables if current else {}).items() if name not in changes
            }
            return self._write_version(current, current, carried, changes, meta)

    def rollback(self, name: str, meta: dict) -> Version:
        """A new version with exactly the tables of version ``name`` (history stays linear).
        ``v0000`` restores the state before any import."""
        with self.lock():
            current = self.current()
            if current is None:
                raise KeyError(name)
            target = (
                self.get(name) if name != EMPTY_VERSION else Version(EMPTY_VERSION, self.versions_dir, {"tables": {}})
            )
            if target is None:
                raise KeyError(name)
            meta = dict(meta, mode="rollback", restored_from=target.name)
            return self._write_version(current, target, dict(target.tables), {}, meta)

    def _write_version(
        self,
        current: Version | None,
        source: Version | None,
        carried: dict[str, dict],
        changes: dict[str, tuple[Table, pa.Table]],
        meta: dict,
    ) -> Version:
        """Write the next version (tables ``carried`` from ``source`` are hard-linked, ``changes``
        written), then activate it. Call with the lock held."""
        self._clean_leftovers(current)
        name = f"v{(current.number if current else 0) + 1:04d}"
        staging = self.root / f".staging-{uuid.uuid4().hex[:8]}"
        staging.mkdir(parents=True)
        tables: dict[str, dict] = {}
        for table_name, entry in carried.items():
            os.link(source.path / entry["file"], staging / entry["file"])
            tables[table_name] = dict(entry, carried_from=entry.get("carried_from", source.name))
        for table_name, (table, content) in changes.items():
            file_name = f"{table_name}.parquet"
            pq.write_table(content.cast(arrow_schema(table)), staging / file_name)
            pq.read_metadata(staging / file_name)  # written completely and readable
            tables[table_name] = {"file": file_name, "rows": content.num_rows, "sha256": sha256_of(staging / file_name)}
            _fault("after_table_write")
        manifest = dict(
            meta,
            version=name,
            parent=current.name if current else None,
            tables=tables,
            committed_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        for path in staging.iterdir():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        _fault("before_rename")
        self.versions_dir.mkdir(parents=True, exist_ok=True)
        os.rename(staging, self.versions_dir / name)
        _fsync_dir(self.versions_dir)
        _fault("after_rename")
        pointer = self.root / f".CURRENT-{uuid.uuid4().hex[:8]}"
        pointer.write_text(name + "\n", encoding="utf-8")
        with open(pointer, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(pointer, self.current_file)
        _fsync_dir(self.root)
        _fault("after_current")
        return self._load(name)


def _unwritable(root: Path, error: OSError) -> str:
    return (
        f"Folder data tidak dapat ditulis ({root}): {error.strerror or error}. Impor tidak disimpan; "
        f"data yang sudah ada tidak berubah. / The data folder cannot be written; nothing was changed."
    )


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
