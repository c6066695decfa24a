"""The data of one data directory as the app serves it, owned by one object: which version is
current (looked up at most once a second), the connection open for it, the versions that failed
to open (not retried until their files change), the last version served well, and why the current
one cannot be served when so. No Streamlit: the ui gives it how to open a version, and decides
what a visitor sees when nothing can be served."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from analytics import db, prepared, release, settings
from analytics.ingest.store import StoreError

#: What opens a version: (data directory, version) -> (connection, DataSources).
Opener = Callable[[str, str], tuple]

#: Errors of data that cannot be read: the last good version is served instead.
UNREADABLE = (db.DataError, StoreError, duckdb.Error, OSError)


class Unavailable(Exception):
    """Nothing can be served: the current data cannot be read and no version was ever served."""


class ServedData:
    """One data directory's served state (see the module's docstring)."""

    def __init__(
        self,
        base: str,
        opener: Opener,
        prepare: Callable[[str], object] | None = None,
        sources_ttl_s: float = 1.0,
        clock=time.monotonic,
    ) -> None:
        self.base = base
        self.opener = opener
        self.prepare = prepare  # run once, before the first connection (the demo register's check)
        self._prepared = False
        self.sources_ttl_s = sources_ttl_s
        self.clock = clock
        self._recent: tuple[float, str] | None = None
        self._opened: tuple[str, tuple] | None = None
        self._failed: dict[str, Exception] = {}
        self._last_served: tuple | None = None
        self.problem: str | None = None
        self._contexts: dict[str, release.RegisterContext] = {}

    def forget_sources(self) -> None:
        """Look at the data files again on the next query (after an import or a restore here)."""
        self._recent = None

    def current_version(self) -> str:
        now = self.clock()
        if self._recent and now - self._recent[0] < self.sources_ttl_s:
            return self._recent[1]
        version = db.resolve_sources(Path(self.base)).version
        self._recent = (now, version)
        return version

    def connection(self) -> tuple:
        """(connection, DataSources) for the data as they are now, or for the last good version
        when the current one cannot be read (``problem`` then says why); raises
        :class:`Unavailable` when there is none."""
        try:
            if not self._prepared and self.prepare is not None:
                self.prepare(self.base)
            self._prepared = True
            version = self.current_version()
            if self._opened is not None and self._opened[0] == version:
                return self._opened[1]  # the common case: a page's tens of queries within the same second
            if version in self._failed:  # not retried until its files change
                raise self._failed[version]
            try:
                served = self.opener(self.base, version)
            except (db.DataError, duckdb.Error, OSError) as error:
                self._failed[version] = error
                raise
        except UNREADABLE as error:
            fallback = self._last_served or prepared.last_good(settings.cache_dir(Path(self.base)))
            self.problem = str(error)
            if fallback is None:
                raise Unavailable(str(error)) from error
            self._last_served = fallback
            return fallback
        self.problem = None
        self._last_served = served
        self._opened = (version, served)
        return served

    def register_context(self, cur, version: str) -> release.RegisterContext:
        """The register's context (its cycles, whether synthetic) for the release, once per version."""
        context = self._contexts.get(version)
        if context is None:
            context = self._contexts[version] = release.RegisterContext.read(cur)
        return context

    @property
    def opened(self) -> tuple[str, tuple] | None:
        """(version, served) of the connection open now."""
        return self._opened


_all: dict[str, ServedData] = {}
_lock = threading.Lock()


def served_data(base: str, opener: Opener, prepare: Callable[[str], object] | None = None) -> ServedData:
    """The one ServedData of data directory ``base`` in this process."""
    with _lock:
        found = _all.get(base)
        if found is None:
            found = _all[base] = ServedData(base, opener, prepare)
        return found


def forget_sources() -> None:
    """Every data directory looks at its files again on the next query."""
    with _lock:
        for served in _all.values():
            served.forget_sources()
