"""A bounded, thread-safe cache of query results (DataFrames) and figure specs shared by every session.

Each hit hands out a shallow copy: pandas copies on write, so a caller that adds or changes a
column changes its own copy and never the cached frame, and a hit costs microseconds instead
of the pickling round trip of ``st.cache_data``. A cache made with ``immutable=True`` holds
values nobody changes (figure specs) and hands out the value itself. The key is built by the caller and must name
everything the result depends on (query, filters, data version, audience).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import pandas as pd


def _shallow_copy(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.copy(deep=False)


def _as_is(value: object) -> object:
    return value


class ResultCache:
    def __init__(self, max_entries: int = 1024, immutable: bool = False) -> None:
        """``immutable``: the values are never changed by their users (figure specs), so a hit
        hands out the value itself instead of a copy."""
        self.max_entries = max_entries
        self._hand_out = _as_is if immutable else _shallow_copy
        self._entries: OrderedDict[Hashable, pd.DataFrame] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """The cached result for ``key`` (a shallow copy, or the value itself when immutable),
        computing and keeping it on a miss.

        Two sessions missing the same key at once may both compute it; the result is the same
        and the last one is kept. A computation that raises keeps nothing."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._hand_out(found)
            self.misses += 1
        result = compute()
        with self._lock:
            self._entries[key] = result
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return self._hand_out(result)

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._entries

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
