"""The sidebar's choices (cycles, provinces and their regencies, categories, positions) with their
labels in a language, made once per data version."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics import elections as cycles
from analytics.i18n import label
from analytics.ui import data
from analytics.ui.session import language  # noqa: F401 (pages read it here)


def _options() -> dict[str, pd.DataFrame]:
    return {
        "elections": data.query("elections"),
        "regions": data.query("regions"),
        "categories": data.query("categories"),
        "positions": data.query("positions"),
    }


@dataclass(frozen=True)
class Choices:
    """The sidebar's options and their labels in one language: {code: label}, in display order."""

    elections: dict[str, str]
    provinces: dict[str, str]
    names: dict[str, str]
    regencies: dict[str | None, list[str]]  # by province code; None: all of Kalimantan
    categories: dict[str, str]
    positions: dict[str, str]

    def regencies_of(self, province: str | None) -> list[str]:
        return self.regencies.get(province, [])


_choices_made: dict[tuple[str, str], Choices] = {}


def choices(lang: str) -> Choices:
    """The sidebar's choices for the data as they are now, made once per data version and language
    (the reference tables behind them change only with an import)."""
    key = (data.sources().version, lang)
    made = _choices_made.get(key)
    if made is None:
        options = _options()
        regions = options["regions"]
        regencies = regions[regions["level"] == "regency"]
        by_province: dict[str | None, list[str]] = {None: list(regencies["region_code"])}
        for code, province_code in zip(regencies["region_code"], regencies["province_code"]):
            by_province.setdefault(province_code, []).append(code)
        provinces = regions[regions["level"] == "province"]
        elections = options["elections"]
        made = Choices(
            elections=cycles.labels(elections, lang),
            provinces=dict(zip(provinces["region_code"], provinces["region_name"])),
            names=dict(zip(regions["region_code"], regions["region_name"])),
            regencies=by_province,
            categories={row["code"]: label(row, lang) for _, row in options["categories"].iterrows()},
            positions={row["code"]: label(row, lang) for _, row in options["positions"].iterrows()},
        )
        if len(_choices_made) > 8:  # versions come and go with imports
            _choices_made.clear()
        _choices_made[key] = made
    return made
