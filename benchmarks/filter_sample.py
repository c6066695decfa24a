"""Seeded random filter combinations drawn from the real reference tables (elections, regions,
categories, positions): what users pick in the sidebar."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pandas as pd

from analytics import queries
from analytics.filters import AGENCY_LEVELS, Filters


def _options(cur) -> dict[str, pd.DataFrame]:
    return {
        "elections": queries.elections(cur),
        "regions": queries.regions(cur),
        "categories": queries.categories(cur),
        "positions": queries.positions(cur),
    }


def _one(rng: random.Random, opts: dict[str, pd.DataFrame]) -> Filters:
    elections, regions = opts["elections"], opts["regions"]
    election = rng.choice(list(elections["election_id"])) if rng.random() < 0.85 else None
    province = regency = None
    if rng.random() < 0.5:
        province = rng.choice(list(regions.loc[regions["level"] == "province", "region_code"]))
        if rng.random() < 0.4:
            in_province = regions[(regions["level"] == "regency") & (regions["province_code"] == province)]
            regency = rng.choice(list(in_province["region_code"]))
    category = rng.choice(list(opts["categories"]["code"])) if rng.random() < 0.25 else None
    position = rng.choice(list(opts["positions"]["code"])) if rng.random() < 0.2 else None
    level = rng.choice(AGENCY_LEVELS) if rng.random() < 0.15 else None
    date_from = date_to = None
    if election and rng.random() < 0.25:
        voting = pd.Timestamp(elections.set_index("election_id").loc[election, "voting_date"]).date()
        date_from = voting - timedelta(days=rng.randint(30, 200))
        date_to = voting + timedelta(days=rng.randint(-20, 20))
    return Filters(
        election_id=election,
        date_from=date_from,
        date_to=date_to,
        province_code=province,
        regency_code=regency,
        category_code=category,
        position_code=position,
        agency_level=level,
    )


def sample_filters(cur, count: int, seed: int) -> list[Filters]:
    """``count`` distinct filter combinations, the same for the same seed and reference tables."""
    rng = random.Random(seed)
    opts = _options(cur)
    found: dict[Filters, None] = {}
    attempts = 0
    while len(found) < count and attempts < count * 50:
        found.setdefault(_one(rng, opts), None)
        attempts += 1
    return list(found)


def with_region(filters: Filters, cur, seed: int) -> Filters:
    """``filters`` with a province chosen (seeded) when none is: for Profil wilayah, which shows
    nothing but a hint without a region."""
    if filters.region_code:
        return filters
    provinces = queries.regions(cur).query("level == 'province'")["region_code"]
    return replace(filters, province_code=random.Random(seed).choice(list(provinces)))
