"""The one way register numbers leave the database: ``fetch`` runs a query for an audience.

Analysts get the exact result. The public gets it through :mod:`analytics.disclosure`: dates
widened to whole months, views narrower than the detail limit answered with no number, every
count adjusted by the cell-key method, small ones withheld. Pages (through ``analytics.ui.data``),
open data, the briefing and the benchmarks all call this, so a register number cannot reach a
public surface by another road.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import cache

import pandas as pd

from analytics import disclosure, queries, settings
from analytics.filters import Filters

#: How many rows a ranked public query is asked for before it is ranked by adjusted values.
RANKING_DEPTH = 10_000


@dataclass(frozen=True)
class Audience:
    """Who is asking: the public (with the small-count threshold) or an analyst."""

    public: bool
    threshold: int = settings.DEFAULT_THRESHOLD

    @classmethod
    def for_public(cls, threshold: int | None = None) -> Audience:
        return cls(True, threshold or settings.small_count_threshold())


ANALYST = Audience(public=False)


@dataclass(frozen=True)
class RegisterContext:
    """What the release needs to know of the register as a whole, once per data version: the
    cycles it holds any case of, and whether it is synthetic."""

    cycles: frozenset[str]
    synthetic: bool

    @classmethod
    def read(cls, cur) -> RegisterContext:
        cycles = queries.register_cycles(cur)
        return cls(frozenset(cycles["election_id"]), bool(cycles["is_synthetic"].any()))


def fetch(
    cur,
    query_name: str,
    filters: Filters | None = None,
    audience: Audience = ANALYST,
    context: RegisterContext | None = None,
    **extra: object,
) -> pd.DataFrame:
    """``queries.<query_name>`` for ``audience``. ``context`` (:meth:`RegisterContext.read`) is
    read when not given; callers that ask many queries of one data version keep it."""
    declared = disclosure.declaration(queries.sql_name(query_name))
    query = getattr(queries, query_name)
    extra = {**_defaults(query), **extra}
    if not audience.public:
        return disclosure.exact(declared, _run(query, cur, filters, extra))
    if not declared.register:
        return disclosure.protect(declared, _run(query, cur, filters, extra))
    filters = disclosure.public_filters(filters)
    limit = None
    if declared.limit_parameter and declared.limit_parameter in extra:
        # rank by the adjusted numbers, not by the exact ones
        limit = int(extra[declared.limit_parameter])
        extra = {**extra, declared.limit_parameter: RANKING_DEPTH}
    result = _run(query, cur, filters, extra)
    context = context or RegisterContext.read(cur)
    if filters is not None and filters.election_id and filters.election_id not in context.cycles:
        # the register holds no case of this cycle at all: that is no count, and its zeros
        # read as zeros ("belum ada kasus tercatat"), not as "< 5"
        return disclosure.nothing_recorded(declared, result)
    return disclosure.protect(
        declared,
        result,
        audience.threshold,
        limit=limit,
        register_is_synthetic=context.synthetic,
        detailed_too_far=disclosure.too_detailed(declared, filters, extra),
    )


@cache
def _defaults_of(query) -> tuple:
    return tuple(
        (name, p.default)
        for name, p in inspect.signature(query).parameters.items()
        if p.default is not inspect.Parameter.empty
    )


def _defaults(query) -> dict:
    """The query's own defaults (a breakdown may depend on them: the crosstab's dimensions)."""
    return dict(_defaults_of(query))


def _run(query, cur, filters: Filters | None, extra: dict) -> pd.DataFrame:
    return query(cur, **extra) if filters is None else query(cur, filters, **extra)
