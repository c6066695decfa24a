"""Columns an office's own spreadsheet leaves out because they follow from the others.

Runs between reading a file and validating it, on the text as written, and only fills a catalog
column the file does not have. Each derived column is said in the report as a notice.

- **Ids.** A table whose key is one id column (events, published figures, headcounts, cases) gets
  the id from the row's content when the file has none: the table's prefix and the first 12
  hex digits of SHA-256 over the row's written values, each trimmed, NFC-normalised, lower-cased
  and with its spaces collapsed, in the catalog's column order, joined by a unit separator. The
  same row sent again (even re-typed with other spacing or capitals) gets the same id, so it is
  recognised as already there; a row with any value changed is a new row.
- **Published figures.** ``cycle_label`` is the election as written ("Pilkada 2020"); ``scope``
  follows from the region (a regency, a province, or none: national); ``description`` is the
  metric as written ("Indikator"); ``value_qualifier`` comes from a marker before the value
  (``~``, ``>``, ``sekitar``, ``lebih dari``, ``kurang lebih``), which is taken off the value.
- **Events.** ``source_title`` is the web address's host ("kompas.com") when only the URL is given.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from urllib.parse import urlparse

import pandas as pd

from analytics.catalog import Table
from analytics.ingest.headers import HeaderMapping
from analytics.ingest.problems import Problem
from analytics.ingest.readers import RawTable
from analytics.ingest.regions import RegionMatcher

ID_PREFIXES = {
    "socialization_events": "EVI-",
    "published_figures": "PFI-",
    "asn_headcount": "HCI-",
    "violation_cases": "KSI-",
}
ID_DIGITS = 12
#: Written markers of an approximate or lower-bound value, longest first.
QUALIFIER_MARKERS = (
    ("lebih dari", "more_than"),
    ("kurang lebih", "approx"),
    ("more than", "more_than"),
    ("sekitar", "approx"),
    ("kira-kira", "approx"),
    ("±", "approx"),
    ("~", "approx"),
    ("≥", "more_than"),
    (">", "more_than"),
)
_SPACES = re.compile(r"\s+")


def _empty(value) -> bool:
    return (
        value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip())
    )


def canonical_text(value) -> str:
    """A written value as the id scheme sees it: trimmed, NFC, lower-case, single spaces."""
    if _empty(value):
        return ""
    text = unicodedata.normalize("NFC", str(value)).strip().lower()
    return _SPACES.sub(" ", text)


def content_id(table_name: str, values: list) -> str:
    digest = hashlib.sha256("\x1f".join(canonical_text(v) for v in values).encode("utf-8")).hexdigest()
    return ID_PREFIXES[table_name] + digest[:ID_DIGITS]


class _Builder:
    """The raw table and its mapping with columns added."""

    def __init__(self, raw: RawTable, mapping: HeaderMapping):
        self.rows = raw.rows.copy()
        self.headers = list(raw.headers)
        self.columns = dict(mapping.columns)
        self.notices: list[Problem] = []
        self.raw, self.mapping = raw, mapping

    def has(self, column: str) -> bool:
        return column in self.columns

    def values(self, column: str) -> pd.Series:
        return self.rows[self.columns[column]]

    def add(self, column: str, values: list, source: str) -> None:
        index = len(self.headers)
        self.rows[index] = values
        self.headers.append(column)
        self.columns[column] = index
        self.notices.append(
            Problem("derived_column", self.raw.file, 1, column, params={"column": column, "source": source})
        )

    def set(self, column: str, values: list) -> None:
        self.rows[self.columns[column]] = values

    def result(self) -> tuple[RawTable, HeaderMapping, list[Problem]]:
        raw = replace(self.raw, rows=self.rows, headers=self.headers)
        mapping = replace(self.mapping, columns=self.columns, headers=self.headers)
        return raw, mapping, self.notices


def split_qualifier(value) -> tuple[object, str | None]:
    """'~3.000' -> ('3.000', 'approx'); 'lebih dari 20' -> ('20', 'more_than'); 3824 -> (3824, None)."""
    if not isinstance(value, str):
        return value, None
    text = value.strip()
    lowered = text.lower()
    for marker, qualifier in QUALIFIER_MARKERS:
        if lowered.startswith(marker):
            return text[len(marker) :].strip(), qualifier
    return value, None


def _scope(region, matcher: RegionMatcher) -> str:
    if _empty(region):
        return "national"
    found = matcher.match(region)
    if found.code is None:
        return str(region)  # validation names the unknown region
    return "regency" if "." in found.code else "province"


def _host(url) -> str | None:
    if _empty(url):
        return None
    host = urlparse(str(url).strip()).netloc.lower()
    return re.sub(r"^(www|amp|m)\.", "", host) or None


def count_basis_of_header(header: str) -> str | None:
    """What a count column's own name says it counts: 'Jumlah PNS' -> pns; 'Jumlah ASN' or
    'PNS dan PPPK' -> asn (ASN are PNS and PPPK); a name that says neither says nothing."""
    words = set(re.findall(r"[a-z0-9]+", header.lower()))
    if "asn" in words or ("pns" in words and words & {"pppk", "p3k"}):
        return "asn"
    if "pns" in words:
        return "pns"
    return None


def _derive_headcount_columns(build: _Builder, mapping: HeaderMapping) -> None:
    if not build.has("asn_count"):
        return
    header = mapping.source_header("asn_count")
    if not build.has("count_basis") and (basis := count_basis_of_header(header)):
        build.add("count_basis", [basis] * len(build.rows), header)
    if not build.has("value_qualifier"):
        split = [split_qualifier(v) for v in build.values("asn_count")]
        if any(q for _, q in split):
            build.set("asn_count", [v for v, _ in split])
            build.add("value_qualifier", [q or "exact" for _, q in split], header)


def derive(
    table: Table, raw: RawTable, mapping: HeaderMapping, matcher: RegionMatcher
) -> tuple[RawTable, HeaderMapping, list[Problem]]:
    """``raw`` and ``mapping`` with the derivable columns the file lacks, and a notice for each."""
    build = _Builder(raw, mapping)
    name = table.name
    if name == "published_figures":
        if build.has("value") and not build.has("value_qualifier"):
            split = [split_qualifier(v) for v in build.values("value")]
            if any(q for _, q in split):
                build.set("value", [v for v, _ in split])
                build.add("value_qualifier", [q or "exact" for _, q in split], mapping.source_header("value"))
        if build.has("election_id") and not build.has("cycle_label"):
            build.add("cycle_label", list(build.values("election_id")), mapping.source_header("election_id"))
        if not build.has("scope"):
            regions = build.values("region_code") if build.has("region_code") else [None] * len(build.rows)
            source = mapping.source_header("region_code") if build.has("region_code") else "-"
            build.add("scope", [_scope(r, matcher) for r in regions], source)
        if build.has("metric") and not build.has("description"):
            build.add("description", list(build.values("metric")), mapping.source_header("metric"))
    if name == "asn_headcount":
        _derive_headcount_columns(build, mapping)
    if name in ("socialization_events", "published_figures", "asn_headcount"):
        if build.has("source_url") and not build.has("source_title"):
            build.add(
                "source_title", [_host(u) for u in build.values("source_url")], mapping.source_header("source_url")
            )
    key = table.primary_key[0] if len(table.primary_key) == 1 else None
    if key and name in ID_PREFIXES and not build.has(key):
        present = [c for c in table.column_names if c in mapping.columns]  # the file's own columns
        frame = build.rows[[build.columns[c] for c in present]]
        build.add(
            key,
            [content_id(name, list(row)) for row in frame.itertuples(index=False, name=None)],
            ", ".join(build.headers[build.columns[c]] for c in present),
        )
    return build.result()
