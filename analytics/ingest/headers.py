"""Recognising column headers and written values, in Indonesian or English."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ALIASES_PATH = Path(__file__).with_name("aliases.yaml")


def normalise(text: object) -> str:
    """'Tanggal  Laporan' / 'tanggal_laporan' / 'Tgl.' -> 'tanggal laporan' / 'tgl'. Format
    characters nobody sees (a zero-width space, a BOM, a bidirectional mark) are not part of a
    name, and the text is compared in NFC."""
    lowered = unicodedata.normalize("NFC", str(text)).strip().lower()
    lowered = "".join(ch for ch in lowered if unicodedata.category(ch) != "Cf")
    lowered = re.sub(r"[_\-/.:()\[\]]+", " ", lowered)
    return re.sub(r"\s+", " ", lowered).strip()


@lru_cache(maxsize=1)
def aliases() -> dict:
    return yaml.safe_load(ALIASES_PATH.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class HeaderMapping:
    """Which file column feeds which catalog column (by position in the file)."""

    columns: dict[str, int]  # catalog column -> file column index
    helpers: dict[str, int]  # helper name (e.g. province) -> file column index
    ignored: list[str]  # file headers not recognised
    duplicates: list[tuple[str, str]]  # (header, the earlier header that claimed the same column)
    headers: list[str]

    def source_header(self, column: str) -> str:
        return self.headers[self.columns[column]]


def header_lookup(table: str, column_names: list[str]) -> dict[str, str]:
    """normalised written name -> catalog column (or 'helper:<name>')."""
    lookup: dict[str, str] = {}
    table_aliases = aliases()["headers"].get(table, {})
    for column in column_names:
        lookup[normalise(column)] = column
    for column, names in table_aliases.items():
        for name in names:
            lookup.setdefault(normalise(name), column)
    for helper, names in aliases()["helpers"].items():
        for name in names:
            lookup.setdefault(normalise(name), f"helper:{helper}")
    return lookup


def map_headers(
    table: str, column_names: list[str], headers: list[str], learned: dict[str, str] | None = None
) -> HeaderMapping:
    """Which file column feeds which catalog column. ``learned`` (normalised written header ->
    column, what the deployment's stewards taught: analytics.ingest.learned) comes after the
    catalog names and the built-in aliases."""
    lookup = dict(header_lookup(table, column_names))
    for written, column in (learned or {}).items():
        if column in column_names:
            lookup.setdefault(normalise(written), column)
    columns: dict[str, int] = {}
    helpers: dict[str, int] = {}
    ignored, duplicates = [], []
    for index, header in enumerate(headers):
        target = lookup.get(normalise(header))
        if target is None:
            if header:
                ignored.append(header)
            continue
        if target.startswith("helper:"):
            helpers.setdefault(target.split(":", 1)[1], index)
            continue
        if target in columns:
            duplicates.append((header, headers[columns[target]]))
            continue
        columns[target] = index
    return HeaderMapping(columns, helpers, ignored, duplicates, list(headers))


def aliases_for(table: str, column: str) -> list[str]:
    names = [column, *aliases()["headers"].get(table, {}).get(column, [])]
    return list(dict.fromkeys(names))


def value_lookup(column: str) -> dict[str, str]:
    """normalised written value -> allowed code, for columns with written forms."""
    lookup: dict[str, str] = {}
    for code, names in (aliases()["values"].get(column) or {}).items():
        lookup[normalise(code)] = code
        for name in names:
            lookup[normalise(name)] = code
    return lookup
