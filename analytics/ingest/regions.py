"""From what people write ('Kab. Tabalong', 'TABALONG', 'Kota Banjarmasin', 'Kukar', 'HSS') to
the Kemendagri region code, with a province to break ties and close matches for the unknown."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import pandas as pd

from analytics.ingest.headers import aliases, normalise

_PREFIX = re.compile(r"^(kabupaten|kab|kota|kotamadya|provinsi|prov|pemkab|pemkot|pemprov)\s+")
_CODE = re.compile(r"^\d{2}(\.\d{2})?$")


def _bare(text: str) -> str:
    return _PREFIX.sub("", normalise(text))


def _compact(text: str) -> str:
    return text.replace(" ", "")


@dataclass
class RegionMatch:
    code: str | None
    problem: str | None = None  # 'unknown_region', 'ambiguous_region'
    suggestions: tuple[str, ...] = ()


class RegionMatcher:
    def __init__(self, regions: pd.DataFrame):
        self.regions = regions.set_index("region_code")
        self.by_full: dict[str, set[str]] = {}
        self.by_bare: dict[str, set[str]] = {}
        for code, row in self.regions.iterrows():
            for name in (row["region_name"], row["region_name_short"]):
                self.by_full.setdefault(_compact(normalise(name)), set()).add(code)
                self.by_bare.setdefault(_compact(_bare(name)), set()).add(code)
        for short, name in aliases()["region_abbreviations"].items():
            codes = self.by_bare.get(_compact(_bare(name)), set())
            self.by_bare.setdefault(_compact(normalise(short)), set()).update(codes)
        self.names = sorted(set(self.regions["region_name"]) | set(self.regions["region_name_short"]))

    def name(self, code: str) -> str:
        return str(self.regions.loc[code, "region_name"])

    def province_of(self, text: object) -> str | None:
        if text is None or (isinstance(text, float) and text != text) or not str(text).strip():
            return None
        found = self.match(text)
        return found.code if found.code and "." not in found.code else None

    def match(self, text: object, province: str | None = None) -> RegionMatch:
        written = str(text).strip()
        if _CODE.match(written):
            return RegionMatch(written) if written in self.regions.index else self._unknown(written)
        full = _compact(normalise(written))
        kind = normalise(written).split(" ", 1)[0]
        candidates = set(self.by_full.get(full, set()))
        if not candidates:
            candidates = set(self.by_bare.get(_compact(_bare(written)), set()))
            wanted = {
                "kota": "kota",
                "kotamadya": "kota",
                "pemkot": "kota",
                "kabupaten": "kabupaten",
                "kab": "kabupaten",
                "pemkab": "kabupaten",
            }.get(kind)
            if wanted and candidates:
                typed = {c for c in candidates if self.regions.loc[c, "regency_type"] == wanted}
                if not typed:  # 'Kota Tabalong', 'Kabupaten Banjarmasin'
                    return RegionMatch(
                        None,
                        "region_type_mismatch",
                        tuple(sorted(self.regions.loc[c, "region_name"] for c in candidates)),
                    )
                candidates = typed
        if province and len(candidates) > 1:
            candidates = {c for c in candidates if c.split(".")[0] == province} or candidates
        if len(candidates) == 1:
            return RegionMatch(next(iter(candidates)))
        if len(candidates) > 1:
            return RegionMatch(
                None, "ambiguous_region", tuple(sorted(self.regions.loc[c, "region_name"] for c in candidates))
            )
        return self._unknown(written)

    def _unknown(self, written: str) -> RegionMatch:
        close = difflib.get_close_matches(written.title(), self.names, n=3, cutoff=0.6)
        if not close:
            close = difflib.get_close_matches(_bare(written).title(), self.names, n=3, cutoff=0.6)
        return RegionMatch(None, "unknown_region", tuple(close))
