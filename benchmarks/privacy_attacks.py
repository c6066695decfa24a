"""A determined visitor against the public view: how many small register counts come back?

The visitor sends any number of requests with any filters (as URL parameters would), reads every
public number (tiles, tables, maps, open data) and combines them. Each attack below plays one way
of combining, against the true small cells: regency x category counts of one cycle from 1 to
threshold-1. An attack *recovers* a cell when the value it works out equals the true count; the
attacker clips its estimate to 1..threshold-1 (it knows the cell reads "< 5"), which only helps it.
The date attack looks for the report day of each single case instead.

Everything public is asked through ``ask(query_name, filters, **extra)``: in the product that is
``analytics.release.fetch`` for the public, the road every public surface takes. The truth comes
from the analysts' exact numbers.

    python -m benchmarks.privacy_attacks                 # 3,000 cases, every attack, all cycles
    python -m benchmarks.privacy_attacks --cases 10000 --out attacks.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.filters import Filters

Ask = Callable[..., pd.DataFrame]
Cell = tuple[str, str, str]  # (election_id, regency_code, category_code)


@dataclass
class Outcome:
    attack: str
    targets: int
    answered: int = 0
    recovered: int = 0
    note: str = ""
    estimates: dict = field(default_factory=dict, repr=False)

    @property
    def rate(self) -> float:
        return self.recovered / self.targets if self.targets else 0.0

    def as_dict(self) -> dict:
        return {
            "attack": self.attack,
            "targets": self.targets,
            "answered": self.answered,
            "recovered": self.recovered,
            "rate": round(self.rate, 4),
            "note": self.note,
        }


def _value(frame: pd.DataFrame, column: str, row: int = 0) -> float | None:
    """A shown number, or None where the public reads "< 5" (withheld) or nothing at all."""
    if frame is None or not len(frame) or column not in frame.columns or row >= len(frame):
        return None
    if bool(frame.get(f"{column}_withheld", pd.Series([False] * len(frame))).iloc[row]):
        return None
    value = frame[column].iloc[row]
    return None if pd.isna(value) else float(value)


class Visitor:
    """The public interface, with the attacker's bookkeeping."""

    def __init__(self, ask: Ask, truth: Ask, threshold: int = 5) -> None:
        self.ask, self.truth, self.threshold = ask, truth, threshold
        self.requests = 0
        regions = truth("regions")
        self.regencies = regions[regions["level"] == "regency"][["region_code", "province_code"]]
        self.elections = [e for e in truth("elections")["election_id"]]
        self.categories = list(truth("categories")["code"])

    def tile(self, filters: Filters, column: str = "reported") -> float | None:
        self.requests += 1
        return _value(self.ask("headline_numbers", filters), column)

    def clip(self, estimate: float) -> int:
        return int(min(max(round(estimate), 1), self.threshold - 1))

    def small_cells(self) -> dict[Cell, int]:
        """The true regency x category counts from 1 to threshold-1, per cycle."""
        cells = {}
        for election_id in self.elections:
            for regency in self.regencies["region_code"]:
                exact = self.truth(
                    "cases_by_dimension", Filters(election_id=election_id, regency_code=regency), dimension="category"
                )
                for row in exact.itertuples():
                    if 1 <= row.reported < self.threshold:
                        cells[(election_id, regency, row.code)] = int(row.reported)
        return cells


def _score(
    name: str, estimates: dict[Cell, float], truth: dict[Cell, int], visitor: Visitor, note: str = ""
) -> Outcome:
    outcome = Outcome(name, len(truth), note=note)
    for cell, estimate in estimates.items():
        if cell in truth and estimate is not None:
            outcome.answered += 1
            outcome.recovered += visitor.clip(estimate) == truth[cell]
    outcome.estimates = estimates
    return outcome


def category_differencing(visitor: Visitor, truth: dict[Cell, int]) -> Outcome:
    """The regency's tile minus the tiles of every other category of that regency."""
    estimates = {}
    for election_id, regency in sorted({(e, r) for e, r, _ in truth}):
        base = Filters(election_id=election_id, regency_code=regency)
        total = visitor.tile(base)
        per_category = {
            c: visitor.tile(Filters(election_id=election_id, regency_code=regency, category_code=c))
            for c in visitor.categories
        }
        for e, r, c in truth:
            if (e, r) != (election_id, regency) or total is None:
                continue
            others = [v for code, v in per_category.items() if code != c]
            if all(v is not None for v in others):
                estimates[(e, r, c)] = total - sum(others)
    return _score("category differencing (tiles)", estimates, truth, visitor)


def date_differencing(visitor: Visitor, truth: dict[Cell, int]) -> Outcome:
    """All cycles, one regency and category, counted up to the end of the year before the cycle
    and up to the end of its year (and from its year on against from the next year on): the
    other cycles pad both counts past the threshold."""
    estimates = {}
    years = {e: int(e.split("-")[-1]) for e in visitor.elections}
    for e, r, c in truth:
        year = years[e]
        cell = dict(election_id=None, regency_code=r, category_code=c)
        before = visitor.tile(Filters(**cell, date_to=date(year - 1, 12, 31)))
        through = visitor.tile(Filters(**cell, date_to=date(year, 12, 31)))
        since = visitor.tile(Filters(**cell, date_from=date(year, 1, 1)))
        after = visitor.tile(Filters(**cell, date_from=date(year + 1, 1, 1)))
        found = [a - b for a, b in ((through, before), (since, after)) if a is not None and b is not None]
        if found:
            # other cycles of the same year make the difference larger than the cycle's own cell
            same_year = [x for x in visitor.elections if years[x] == year and x != e]
            if not same_year:
                estimates[(e, r, c)] = statistics.mean(found)
    return _score("date differencing with padding", estimates, truth, visitor)


def province_minus_regencies(visitor: Visitor, truth: dict[Cell, int]) -> Outcome:
    """The province's tile for a category minus the map's other regencies of that category."""
    estimates = {}
    for election_id, category in sorted({(e, c) for e, _, c in truth}):
        regencies = visitor.ask(
            "region_metrics", Filters(election_id=election_id, category_code=category), level="regency"
        )
        visitor.requests += 1
        shown = {row.region_code: _value(regencies, "reported", i) for i, row in enumerate(regencies.itertuples())}
        province_of = dict(zip(regencies["region_code"], regencies["province_code"]))
        for province in sorted(set(province_of.values())):
            total = visitor.tile(Filters(election_id=election_id, province_code=province, category_code=category))
            members = [r for r, p in province_of.items() if p == province]
            for r in members:
                if (election_id, r, category) not in truth or total is None:
                    continue
                others = [shown[o] for o in members if o != r]
                if all(v is not None for v in others):
                    estimates[(election_id, r, category)] = total - sum(others)
    return _score("province minus its regencies", estimates, truth, visitor)


def open_data_against_pages(visitor: Visitor, truth: dict[Cell, int], open_categories: pd.DataFrame) -> Outcome:
    """Kalimantan's category total from the open-data download minus the map's other regencies."""
    estimates = {}
    for election_id, category in sorted({(e, c) for e, _, c in truth}):
        rows = open_categories[(open_categories["election_id"] == election_id) & (open_categories["code"] == category)]
        total = _value(rows.reset_index(drop=True), "reported") if len(rows) else None
        if total is None:
            continue
        regencies = visitor.ask(
            "region_metrics", Filters(election_id=election_id, category_code=category), level="regency"
        )
        visitor.requests += 1
        shown = {row.region_code: _value(regencies, "reported", i) for i, row in enumerate(regencies.itertuples())}
        for r in shown:
            if (election_id, r, category) in truth:
                others = [v for o, v in shown.items() if o != r]
                if all(v is not None for v in others):
                    estimates[(election_id, r, category)] = total - sum(others)
    return _score("open data against pages", estimates, truth, visitor)


def rate_times_denominator(visitor: Visitor, truth: dict[Cell, int]) -> Outcome:
    """Proven per 1,000 ASN times the headcount gives the proven count; here the reported count is
    the target, so the attack reads the regency's rate where the count itself is withheld."""
    estimates = {}
    for election_id, category in sorted({(e, c) for e, _, c in truth}):
        regencies = visitor.ask(
            "region_metrics", Filters(election_id=election_id, category_code=category), level="regency"
        )
        visitor.requests += 1
        for i, row in enumerate(regencies.itertuples()):
            cell = (election_id, row.region_code, category)
            rate = _value(regencies, "proven_per_1000_asn", i)
            reported = _value(regencies, "reported", i)
            if cell in truth and reported is None and rate is not None and not pd.isna(row.asn_count):
                # the proven count is at most the reported one: a lower bound the attacker can read
                estimates[cell] = rate * row.asn_count / 1000
    return _score("rate x denominator", estimates, truth, visitor)


def change_against_previous(visitor: Visitor, truth: dict[Cell, int]) -> Outcome:
    """The tile's change against the previous cycle times the previous value, where both show."""
    elections = visitor.truth("elections").set_index("election_id")["previous_election_id"]
    estimates = {}
    for e, r, c in truth:
        previous_id = elections.get(e)
        if not isinstance(previous_id, str):
            continue
        now = visitor.tile(Filters(election_id=e, regency_code=r, category_code=c))
        before = visitor.tile(Filters(election_id=previous_id, regency_code=r, category_code=c))
        if now is not None and before:
            change = (now - before) / before  # what the tile's delta says
            estimates[(e, r, c)] = before * (1 + change)
    return _score("change against previous cycle", estimates, truth, visitor)


def combined(outcomes: list[Outcome], visitor: Visitor, truth: dict[Cell, int]) -> Outcome:
    """Every estimate of a cell from the attacks above, averaged."""
    gathered = defaultdict(list)
    for outcome in outcomes:
        for cell, estimate in outcome.estimates.items():
            gathered[cell].append(estimate)
    return _score("all attacks averaged", {c: statistics.mean(v) for c, v in gathered.items()}, truth, visitor)


def report_dates(visitor: Visitor, cases: pd.DataFrame, limit: int = 40) -> Outcome:
    """Bisection on the dates: a regency x category cell with one case, asked for shrinking date
    ranges; a range reading differently from a range with nothing in it holds the case. The day is
    recovered when the ranges narrow it to one day and that day is the case's."""
    singles = (
        cases.groupby(["election_id", "region_code", "category_code"])
        .filter(lambda g: len(g) == 1)
        .sort_values("case_id")
        .head(limit)
    )
    outcome = Outcome("report date by bisection", len(singles))
    for row in singles.itertuples():
        cell = dict(election_id=row.election_id, regency_code=row.region_code, category_code=row.category_code)
        empty = visitor.ask("headline_numbers", Filters(**cell, date_from=date(1990, 1, 1), date_to=date(1990, 1, 1)))
        nothing = (
            _value(empty, "reported"),
            bool(empty["reported_withheld"].iloc[0]) if "reported_withheld" in empty else None,
        )

        def holds(first: date, last: date, cell=cell, nothing=nothing) -> bool:
            visitor.requests += 1
            answer = visitor.ask("headline_numbers", Filters(**cell, date_from=first, date_to=last))
            seen = (
                _value(answer, "reported"),
                bool(answer["reported_withheld"].iloc[0]) if "reported_withheld" in answer else None,
            )
            return seen != nothing

        first, last = row.reported_date - timedelta(days=200), row.reported_date + timedelta(days=200)
        if not holds(first, last):
            continue
        outcome.answered += 1
        while first < last:
            middle = first + (last - first) // 2
            if holds(first, middle):
                last = middle
            elif holds(middle + timedelta(days=1), last):
                first = middle + timedelta(days=1)
            else:
                break
        outcome.recovered += first == last == row.reported_date
    return outcome


def run_all(
    ask: Ask,
    truth: Ask,
    cases: pd.DataFrame,
    open_categories: pd.DataFrame,
    threshold: int = 5,
    elections: list[str] | None = None,
) -> tuple[list[Outcome], Outcome, Visitor]:
    visitor = Visitor(ask, truth, threshold)
    if elections:
        visitor.elections = [e for e in visitor.elections if e in elections]
    small = visitor.small_cells()
    outcomes = [
        category_differencing(visitor, small),
        date_differencing(visitor, small),
        province_minus_regencies(visitor, small),
        open_data_against_pages(visitor, small, open_categories),
        rate_times_denominator(visitor, small),
        change_against_previous(visitor, small),
    ]
    outcomes.append(combined(outcomes, visitor, small))
    scoped = cases[cases["election_id"].isin(visitor.elections)]
    return outcomes, report_dates(visitor, scoped), visitor


#: The cycles of the attack register: the two whose withheld cells were recovered in the report.
ATTACK_CYCLES = ("pilkada-2020", "pilkada-2024")


def planted_name(index: int) -> str:
    return f"Nama Rahasia {index:05d}"


def planted_nip(index: int) -> str:
    return f"{197001012000000000 + index * 7919:018d}"


def attack_register(data_dir: Path, cases: int, seed: int, cycles: tuple[str, ...] = ATTACK_CYCLES):
    """A register as an organisation imports it: the synthetic generator's cases of ``cycles``
    (about a third of ``cases``), each with a planted name and NIP, imported through
    ``analytics.ingest``; with the public and the exact ways to ask it."""
    import os

    from analytics import db, demo, open_data, release, settings
    from analytics.ingest.__main__ import main as ingest_main

    source = data_dir / "source"
    demo.build(source, cases, seed)
    kept = pd.read_parquet(source / demo.FILES["violation_cases"])
    kept = kept[kept["election_id"].isin(cycles)].drop(columns="is_synthetic").reset_index(drop=True)
    kept["asn_name"] = [planted_name(i) for i in range(len(kept))]
    kept["nip"] = [planted_nip(i) for i in range(len(kept))]
    sanctions = pd.read_parquet(source / demo.FILES["sanctions"]).drop(columns="is_synthetic")
    kept.to_csv(source / "kasus.csv", index=False)
    sanctions[sanctions["case_id"].isin(kept["case_id"])].to_csv(source / "sanksi.csv", index=False)
    demo.ensure_demo(settings.demo_dir(data_dir), cases=300)
    before = os.environ.get("PANTAU_DATA_DIR")
    os.environ["PANTAU_DATA_DIR"] = str(data_dir)
    try:
        for table, path in (("violation_cases", "kasus.csv"), ("sanctions", "sanksi.csv")):
            if ingest_main([table, str(source / path), "--who", "penyerang-uji"]) != 0:
                raise RuntimeError(f"the attack register's {table} did not import")
    finally:
        if before is None:
            os.environ.pop("PANTAU_DATA_DIR", None)
        else:
            os.environ["PANTAU_DATA_DIR"] = before
    sources = db.resolve_sources(data_dir=data_dir)
    con = db.connect(sources)
    cur = con.cursor()
    public = release.Audience.for_public()

    def ask(name, filters=None, **extra):
        return release.fetch(cur, name, filters, public, **extra)

    def truth(name, filters=None, **extra):
        return release.fetch(cur, name, filters, release.ANALYST, **extra)

    register = cur.execute(
        "SELECT case_id, election_id, region_code, category_code, reported_date FROM violation_cases"
    ).df()
    register["reported_date"] = pd.to_datetime(register["reported_date"]).dt.date
    datasets = {d.name: d for d in open_data.register_datasets(cur, public)}
    return con, ask, truth, register, datasets["kasus_per_kategori"].frame


class Recording:
    """``ask`` that keeps every answer, to search all the visitor received for the planted names."""

    def __init__(self, ask: Ask) -> None:
        self.ask, self.answers = ask, []

    def __call__(self, name, filters=None, **extra):
        answer = self.ask(name, filters, **extra)
        self.answers.append(answer)
        return answer

    def text(self) -> str:
        return "\n".join(frame.to_csv(index=False) for frame in self.answers)


def suppression_only(truth: Ask, threshold: int = 5) -> Ask:
    """The baseline: exact numbers with each count from 1 to threshold-1 withheld on its own (and
    the rates resting on it), as the public tiles showed them before the cell-key method."""
    from analytics import disclosure, queries

    def ask(name, filters=None, **extra):
        frame = truth(name, filters, **extra)
        declared = disclosure.declaration(queries.sql_name(name))
        if not declared.register:
            return frame
        frame = frame.copy()
        for column in declared.counts:
            small = frame[column].between(1, threshold - 1)
            frame[column] = frame[column].where(~small)
            frame[f"{column}_withheld"] = small
        for column in declared.of_kind("rate"):
            hidden = np.logical_or.reduce(
                [
                    frame.get(f"{base}_withheld", pd.Series(False, index=frame.index))
                    for base in declared.columns[column]["rate"]
                ]
            )
            frame[column] = frame[column].where(~hidden)
            frame[f"{column}_withheld"] = hidden
        return frame

    return ask


def adjustment_cost(ask: Ask, truth: Ask) -> dict:
    """What the adjustment costs in accuracy, over the map's regencies and provinces per cycle:
    the mean absolute change of a shown count, the share of true counts of threshold or more that
    read "< 5", and how often a province's shown regencies add up to another number than it shows."""
    changes, hidden_large, large, provinces, mismatched = [], 0, 0, 0, 0
    held = set(truth("register_cycles")["election_id"])
    for election_id in truth("elections")["election_id"]:
        if election_id not in held:
            continue  # a cycle without cases is shown as empty, exactly: no cost to measure
        filters = Filters(election_id=election_id)
        for level in ("regency", "province"):
            shown, exact = ask("region_metrics", filters, level=level), truth("region_metrics", filters, level=level)
            merged = exact.merge(shown, on="region_code", suffixes=("", "_public"))
            for column in ("reported", "proven"):
                visible = ~merged[f"{column}_withheld"].astype(bool)
                changes += list((merged.loc[visible, f"{column}_public"] - merged.loc[visible, column]).abs())
                large += int((merged[column] >= 5).sum())
                hidden_large += int(((merged[column] >= 5) & ~visible).sum())
            if level == "regency":
                regencies = shown
            else:
                for row in shown.itertuples():
                    members = regencies[regencies["province_code"] == row.region_code]
                    if row.reported_withheld or members["reported_withheld"].any() or not len(members):
                        continue
                    provinces += 1
                    mismatched += int(members["reported"].sum() != row.reported)
    return {
        "mean_absolute_change": round(float(np.mean(changes)), 2) if changes else None,
        "share_of_counts_5_or_more_withheld": round(hidden_large / large, 3) if large else None,
        "provinces_fully_shown": provinces,
        "provinces_not_adding_up": round(mismatched / provinces, 3) if provinces else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.privacy_attacks", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cases",
        type=int,
        default=12000,
        help="cases generated; the register keeps those of Pilkada 2020 and 2024, about a third",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pantau-attacks-") as folder:
        con, ask, truth, register, open_categories = attack_register(Path(folder), args.cases, args.seed)
        baseline_open = suppression_only(truth)("cases_by_dimension", Filters(), dimension="category", pooled=False)
        results = {}
        for label, asking, categories in (
            ("suppression only (before)", suppression_only(truth), baseline_open),
            ("cell-key release (now)", ask, open_categories),
        ):
            outcomes, dates, visitor = run_all(asking, truth, register, categories)
            results[label] = [o.as_dict() for o in outcomes] + [dates.as_dict()]
        accuracy = adjustment_cost(ask, truth)
        con.close()
    print(
        f"{len(register)} cases in the register, {outcomes[0].targets} true small regency x category cells, "
        f"{visitor.requests} public requests per method, {time.perf_counter() - started:.0f} s"
    )
    print(f"{'attack':34} {'targets':>8} " + " ".join(f"{label:>28}" for label in results))
    for index, row in enumerate(results["cell-key release (now)"]):
        cells = [
            f"{r[index]['recovered']:>6} of {r[index]['answered']:>5} ({r[index]['rate']:>6.1%})"
            for r in results.values()
        ]
        print(f"{row['attack']:34} {row['targets']:>8} " + " ".join(f"{c:>28}" for c in cells))
    print("cost of the adjustment: " + ", ".join(f"{k} {v}" for k, v in accuracy.items()))
    if args.out:
        args.out.write_text(json.dumps({"attacks": results, "accuracy": accuracy}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
