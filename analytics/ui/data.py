"""The cached connection and cached query results.

Results are cached by query name, filters, the data version and the audience, so a change of
the data files invalidates them; widgets are never read inside a cached function. The public
(anyone not logged in as an analyst) gets every register number through
:func:`analytics.release.fetch`: adjusted by the cell-key method, small counts withheld, the
same numbers in the charts, tables and CSV downloads.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics import db, demo, prepared, release, serving, settings
from analytics.filters import Filters
from analytics.i18n import t_markdown
from analytics.result_cache import ResultCache
from analytics.ui import access
from analytics.ui.session import language


@st.cache_resource(show_spinner=False)
def _demo_ready(data_dir: str) -> bool:
    demo.ensure_demo(settings.demo_dir(Path(data_dir)))
    return True


@st.cache_resource(show_spinner="Menyiapkan data…", max_entries=2)
def _connection_for(data_dir: str, version: str):
    sources = db.resolve_sources(Path(data_dir))
    return prepared.connect(settings.cache_dir(Path(data_dir)), sources), sources


def served() -> serving.ServedData:
    """The served state of the data directory as configured now (analytics.serving)."""
    return serving.served_data(str(settings.data_dir()), _connection_for, _demo_ready)


def forget_sources() -> None:
    """Look at the data files again on the next query (after an import or a restore here)."""
    serving.forget_sources()


def connection():
    """(DuckDB connection, DataSources) for the data as they are now.

    The sources are resolved at most once a second (a few file stats) so that an import, which
    switches the active version, is served from the next run on; the connection is cached
    per data version. When the current data cannot be read (a damaged or missing file), the
    last good version keeps being served and :func:`problem` says what is wrong; only when
    there is none does the page stop with the reason."""
    try:
        return served().connection()
    except serving.Unavailable as nothing:
        st.error(t_markdown("data_unavailable", language(), reason=str(nothing)), icon=":material/error:")
        st.stop()


def problem() -> str | None:
    """Why the data as they are now cannot be served (the last good version is shown instead)."""
    return served().problem


def sources() -> db.DataSources:
    return connection()[1]


#: Query results of every session, by query, filters, data version and audience.
RESULTS = ResultCache(max_entries=1024)


class _Running:
    """How many queries this process is computing now (outside ``prefetch``)."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def one(self):
        with self._lock:
            self.count += 1
        try:
            yield
        finally:
            with self._lock:
                self.count -= 1


_RUNNING = _Running()


def _run_query(query_name: str, filters: Filters | None, extra: dict, audience: release.Audience) -> pd.DataFrame:
    con, sources_now = connection()
    with _RUNNING.one(), con.cursor() as cur:
        context = served().register_context(cur, sources_now.version) if audience.public else None
        return release.fetch(cur, query_name, filters, audience, context, **extra)


#: Threads that run a page's independent queries side by side: DuckDB gives up the GIL while it
#: binds and runs a statement, so two cold queries take about as long as the slower one.
_QUERY_THREADS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pantau-query")
_PREFETCHING = threading.Lock()


def audience() -> release.Audience:
    """Who is asking: an analyst, or the public (every register number protected)."""
    return release.ANALYST if access.is_analyst() else release.Audience.for_public()


def prefetch(*requests: tuple[str, Filters | None, dict]) -> None:
    """Compute the page's coming queries that are not cached yet, side by side, so that its
    ``query`` calls find them: each request is ``(query_name, filters, extra)`` exactly as the page
    will ask. Waits for them; a failure is left for the page's own call to raise."""
    asking = audience()
    con, sources_now = connection()
    version = sources_now.version
    missing = [
        (key, name, filters, extra)
        for name, filters, extra in requests
        if (key := (name, filters, tuple(sorted(extra.items())), version, asking)) not in RESULTS
    ]
    # Only on an idle server: side by side, DuckDB's threads of two statements share the cores, which
    # costs more CPU in all; under 50 sessions that pushed a saturated server's p50 from 129 ms to
    # 0.9-1 s. A page that finds other queries running asks its own one after the other, as before.
    if len(missing) < 2 or _RUNNING.count or not _PREFETCHING.acquire(blocking=False):
        return
    try:
        _fetch_side_by_side(con, version, asking, missing)
    finally:
        _PREFETCHING.release()


def _fetch_side_by_side(con, version, audience, missing) -> None:
    def compute(name, filters, extra):
        with con.cursor() as cur:
            context = served().register_context(cur, version) if audience.public else None
            return release.fetch(cur, name, filters, audience, context, **extra)

    futures = [
        _QUERY_THREADS.submit(RESULTS.get, key, functools.partial(compute, name, filters, extra))
        for key, name, filters, extra in missing
    ]
    for future in futures:
        with contextlib.suppress(Exception):
            future.result()


def query(query_name: str, filters: Filters | None = None, **extra) -> pd.DataFrame:
    """Run ``queries.<query_name>`` through the cache, protected for the public. Returns a copy
    callers may change."""
    asking = audience()
    key = (query_name, filters, tuple(sorted(extra.items())), sources().version, asking)
    return RESULTS.get(key, lambda: _run_query(query_name, filters, extra, asking))


#: What pages make of query results (a chart's spec, its numbers, its note), by what it was made
#: of, shared by every session: a rerun that changed nothing the chart rests on draws it again
#: without reshaping its numbers.
SHAPED = ResultCache(max_entries=512, immutable=True)


def _shaped_key(name: str, args: tuple) -> tuple:
    return (name, args, sources().version, audience())


def is_shaped(name: str, *args) -> bool:
    """True when :func:`shaped` has ``name`` for ``args`` already: the queries it rests on need
    not be fetched."""
    return _shaped_key(name, args) in SHAPED


def shaped(name: str, make, *args):
    """``make(*args)`` once per data version, audience and ``args`` (which must name everything
    the result depends on besides the queries it asks). Frames in the result are handed out as
    shallow copies; everything else (figure specs, text) is shared as is and must not be changed."""
    made = SHAPED.get(_shaped_key(name, args), lambda: make(*args))
    if isinstance(made, tuple):
        return tuple(part.copy(deep=False) if isinstance(part, pd.DataFrame) else part for part in made)
    return made.copy(deep=False) if isinstance(made, pd.DataFrame) else made


def imported_tables() -> dict[str, dict]:
    """Tables served from an import: {table: {who, when, file, version}} (the import that last
    wrote the table, followed back through the versions it was carried over from)."""
    import_version = sources().import_version
    if not import_version:
        return {}
    return _imported_tables(str(settings.data_dir()), import_version)


@st.cache_data(show_spinner=False, max_entries=8)
def _imported_tables(data_dir: str, import_version: str) -> dict[str, dict]:
    from analytics.ingest.store import VersionStore

    store = VersionStore(Path(data_dir))
    current = store.get(import_version)
    found = {}
    for table, entry in (current.tables if current else {}).items():
        origin = store.get(entry.get("carried_from", import_version)) or current
        manifest = origin.manifest
        found[table] = {
            "who": manifest.get("who", "?"),
            "when": (manifest.get("committed_at") or "")[:10],
            "file": manifest.get("file") or "?",
            "version": origin.name,
        }
    return found
