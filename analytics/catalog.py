"""The catalog: one declaration of every table, read from ``catalog.yaml``.

The DuckDB views, the data tests and the "Tentang data" page are built from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from analytics.settings import CATALOG_PATH

TIERS = ("reference", "published", "documented", "register")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    required: bool = False
    allowed: tuple[str, ...] | None = None
    references: str | None = None
    unit: str | None = None
    personal: bool = False

    @property
    def reference_table(self) -> str | None:
        return self.references.split(".", 1)[0] if self.references else None

    @property
    def reference_column(self) -> str | None:
        return self.references.split(".", 1)[1] if self.references else None


@dataclass(frozen=True)
class Table:
    name: str
    tier: str
    file: str
    title_id: str
    title_en: str
    description: str
    primary_key: tuple[str, ...]
    source: str  # in English, as the open-data files carry it
    licence: str
    source_id: str  # the same in Bahasa Indonesia, for the pages
    licence_id: str
    columns: tuple[Column, ...]
    retrieved: str
    source_url: str | None = None
    synthetic_file: str | None = None

    def title_in(self, lang: str) -> str:
        return {"id": self.title_id, "en": self.title_en}.get(lang, self.title_id)

    def source_in(self, lang: str) -> str:
        return {"id": self.source_id, "en": self.source}.get(lang, self.source_id)

    def licence_in(self, lang: str) -> str:
        return {"id": self.licence_id, "en": self.licence}.get(lang, self.licence_id)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def is_real(self) -> bool:
        return self.tier != "register"


@dataclass(frozen=True)
class Catalog:
    tables: dict[str, Table]

    def __getitem__(self, name: str) -> Table:
        return self.tables[name]

    def __iter__(self):
        return iter(self.tables.values())

    def by_tier(self, tier: str) -> list[Table]:
        return [t for t in self.tables.values() if t.tier == tier]


def _column(raw: dict) -> Column:
    allowed = raw.get("allowed")
    return Column(
        name=raw["name"],
        type=raw["type"],
        description=raw["description"],
        required=bool(raw.get("required", False)),
        allowed=tuple(str(a) for a in allowed) if allowed else None,
        references=raw.get("references"),
        unit=raw.get("unit"),
        personal=bool(raw.get("personal", False)),
    )


def parse_catalog(raw: dict) -> Catalog:
    retrieved = raw.get("defaults", {}).get("retrieved", "")
    tables = {}
    for name, spec in raw["tables"].items():
        if spec["tier"] not in TIERS:
            raise ValueError(f"catalog: table {name} has unknown tier {spec['tier']!r}")
        tables[name] = Table(
            name=name,
            tier=spec["tier"],
            file=spec["file"],
            title_id=spec["title_id"],
            title_en=spec["title_en"],
            description=spec["description"],
            primary_key=tuple(spec["primary_key"]),
            source=spec["source"],
            licence=spec["licence"],
            source_id=spec["source_id"],
            licence_id=spec["licence_id"],
            columns=tuple(_column(c) for c in spec["columns"]),
            retrieved=str(spec.get("retrieved", retrieved)),
            source_url=spec.get("source_url"),
            synthetic_file=spec.get("synthetic_file"),
        )
    return Catalog(tables)


@lru_cache(maxsize=4)
def load_catalog(path: Path = CATALOG_PATH) -> Catalog:
    with open(path, encoding="utf-8") as handle:
        return parse_catalog(yaml.safe_load(handle))


def quote_ident(name: str) -> str:
    """Quote a SQL identifier. The only way names from the catalog enter DDL."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    """Quote a SQL string literal (file paths in view DDL, which cannot take parameters)."""
    return "'" + value.replace("'", "''") + "'"


def csv_columns_spec(table: Table) -> str:
    """The ``columns={...}`` argument of DuckDB's read_csv for a catalog table."""
    pairs = ", ".join(f"{quote_literal(c.name)}: {quote_literal(c.type)}" for c in table.columns)
    return "{" + pairs + "}"


def select_list(table: Table) -> str:
    """``CAST(col AS type) AS col, ...`` for reading files with the declared types."""
    return ", ".join(f"CAST({quote_ident(c.name)} AS {c.type}) AS {quote_ident(c.name)}" for c in table.columns)


def columns_frame(table: Table):
    """The data dictionary of one table as a DataFrame (for the "Tentang data" page)."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "column": c.name,
                "type": c.type,
                "unit": c.unit or "",
                "required": c.required,
                "allowed": ", ".join(c.allowed) if c.allowed else "",
                "references": c.references or "",
                "description": c.description,
            }
            for c in table.columns
        ]
    )
