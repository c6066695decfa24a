"""User-facing text in Bahasa Indonesia (default) and English, from ``analytics/locales``."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import yaml

from analytics.text import markdown_literal

LANGUAGES = ("id", "en")

LOCALES_DIR = Path(__file__).parent / "locales"


def _load(lang: str) -> dict[str, str]:
    with (LOCALES_DIR / f"{lang}.yaml").open(encoding="utf-8") as source:
        return yaml.safe_load(source)


#: key -> {language: text}, from one catalog per language (analytics/locales/<lang>.yaml).
CATALOGS: dict[str, dict[str, str]] = {lang: _load(lang) for lang in LANGUAGES}
TEXT: dict[str, dict[str, str]] = {
    key: {lang: CATALOGS[lang][key] for lang in LANGUAGES if key in CATALOGS[lang]} for key in CATALOGS["id"]
}


def t(key: str, lang: str = "id", **values: object) -> str:
    """The text for ``key`` in ``lang``; unknown keys raise so that typos fail tests."""
    text = TEXT[key][lang if lang in LANGUAGES else "id"]
    return text.format(**values) if values else text


def t_markdown(key: str, lang: str = "id", **values: object) -> str:
    """:func:`t` for Streamlit Markdown: the text's own formatting stays, every value put into it
    (a name, a title, a file, a reason) reads as its characters (``analytics.text``)."""
    return t(key, lang, **{name: markdown_literal(value) for name, value in values.items()})


def in_language(column: str, lang: str) -> str:
    """The name of ``column``'s version in ``lang`` in a bilingual table: ``label`` -> ``label_en``."""
    return f"{column}_{lang if lang in LANGUAGES else 'id'}"


def label(row, lang: str = "id") -> str:
    """A reference-table row's label (``label_id`` / ``label_en``) in ``lang``."""
    return row[in_language("label", lang)]


@lru_cache(maxsize=1)
def _figure_units() -> dict[str, dict[str, str]]:
    with (LOCALES_DIR / "figure_units.csv").open(encoding="utf-8", newline="") as source:
        return {row["unit"]: {"id": row["label_id"], "en": row["label_en"]} for row in csv.DictReader(source)}


def figure_unit(unit: object, lang: str = "id") -> object:
    """A published figure's unit as written in ``lang`` (the curated data write it in English:
    'cases' reads 'kasus'); a unit without a translation stays as written."""
    if not isinstance(unit, str):
        return unit
    return _figure_units().get(unit, {}).get(lang if lang in LANGUAGES else "id", unit)
