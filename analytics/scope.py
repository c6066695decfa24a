"""What a view covers, said once for every place that needs it: the line under a page title, the
context printed on an exported chart, and the scope part of a downloaded file's name.

    Pilkada Serentak 2024 · Kalimantan Selatan · Kab. Tabalong · Pelaksana · Juli 2024 – September 2024
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from analytics.disclosure import public_filters
from analytics.filters import Filters
from analytics.formatting import format_date
from analytics.i18n import t

SEPARATOR = " · "


@dataclass(frozen=True)
class ScopeNames:
    """Labels in one language, by code (what the sidebar offers)."""

    elections: Mapping[str, str] = field(default_factory=dict)
    regions: Mapping[str, str] = field(default_factory=dict)
    categories: Mapping[str, str] = field(default_factory=dict)
    positions: Mapping[str, str] = field(default_factory=dict)


def scope_parts(filters: Filters | None, names: ScopeNames, lang: str, public: bool = False) -> list[str]:
    """The cycle, the area and every narrowing filter, in that order. The public's dates are whole
    months (``disclosure.public_filters``), so they are said as months."""
    filters = filters or Filters()
    parts = [
        names.elections.get(filters.election_id, filters.election_id)
        if filters.election_id
        else t("all_elections", lang)
    ]
    if filters.regency_code:
        province = filters.regency_code.split(".")[0]
        parts.append(
            f"{names.regions.get(filters.regency_code, filters.regency_code)}, {names.regions.get(province, province)}"
        )
    elif filters.province_code:
        parts.append(names.regions.get(filters.province_code, filters.province_code))
    else:
        parts.append("Kalimantan")
    if filters.category_code:
        parts.append(names.categories.get(filters.category_code, filters.category_code))
    if filters.position_code:
        parts.append(names.positions.get(filters.position_code, filters.position_code))
    if filters.agency_level:
        parts.append(t(filters.agency_level, lang))
    if filters.date_from or filters.date_to:
        shown = public_filters(filters) if public else filters
        precision = "month" if public else "day"
        start = format_date(shown.date_from, lang, precision) if shown.date_from else "…"
        end = format_date(shown.date_to, lang, precision) if shown.date_to else "…"
        parts.append(f"{start} – {end}")
    return parts


def scope_line(filters: Filters | None, names: ScopeNames, lang: str, public: bool = False) -> str:
    return SEPARATOR.join(scope_parts(filters, names, lang, public))


def scope_slug(filters: Filters | None) -> str:
    """The scope as a file-name part, from codes (the same in both languages):
    ``pilkada-2024_63-09_pelaksana_2024-07-01_2024-09-30``; ``semua-siklus_kalimantan`` for no filter."""
    filters = filters or Filters()
    parts = [
        filters.election_id or "semua-siklus",
        filters.regency_code or filters.province_code or "kalimantan",
        filters.category_code,
        filters.position_code,
        filters.agency_level,
        filters.date_from.isoformat() if filters.date_from else None,
        filters.date_to.isoformat() if filters.date_to else None,
    ]
    return "_".join(re.sub(r"[^a-z0-9-]+", "-", str(part).lower()).strip("-") for part in parts if part)
