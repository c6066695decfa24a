"""Validation against the catalog: required columns, types, allowed values, references,
plausible dates, unique keys, sanctions that point to an existing case. Produces the typed rows
ready to store and every problem found, each with its file, row, column, value and expectation."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from analytics.catalog import Column, Table
from analytics.ingest.headers import HeaderMapping, aliases_for, normalise, value_lookup
from analytics.ingest.problems import Problem
from analytics.ingest.readers import RawTable
from analytics.ingest.regions import RegionMatcher
from analytics.ingest.values import (
    EDGE_SPACES,
    character_name,
    hidden_character,
    looks_like_formula,
    nfc,
    number_convention,
    parse_bool,
    parse_date,
    parse_number,
    show_hidden,
)

MAX_PROBLEMS = 1000
MAX_TEXT = 2000
EARLIEST = date(2000, 1, 1)
#: Date columns whose companion column records the precision of a partial date.
PRECISION_COLUMNS = {"event_date": "date_precision", "as_of_date": "as_of_precision"}
#: Date columns that may hold a partial date without a companion (stored as the first day).
PARTIAL_OK = {"published_date"}
#: Columns filled in when the file does not have them.
DEFAULTS = {"is_synthetic": False, "value_qualifier": "exact"}
#: (later column, earlier column): the later may not precede the earlier.
DATE_ORDER = [
    ("decided_date", "reported_date"),
    ("forwarded_date", "decided_date"),
    ("forwarded_date", "reported_date"),
    ("followup_date", "recommendation_date"),
]
DECIDED_STATUSES = ("tidak_diregistrasi", "terbukti", "tidak_terbukti", "dihentikan")
REGENCY_ONLY = {"violation_cases", "socialization_events"}


@dataclass
class Reference:
    """What imported values are checked against."""

    regions: pd.DataFrame
    codes: dict[str, dict[str, str]]  # referenced table -> {normalised code or label: code}
    elections: pd.DataFrame  # election_id, voting_date
    today: date = field(default_factory=date.today)
    #: column -> {normalised written value: code} taught by the deployment's stewards
    #: (analytics.ingest.learned); the built-in codes, labels and aliases come first
    learned_values: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self):
        self.matcher = RegionMatcher(self.regions)


@dataclass
class Validated:
    rows: pd.DataFrame  # catalog columns, typed Python values, one row per accepted row
    row_numbers: list[int]
    problems: list[Problem]
    notices: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


class _Collector:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.locations: set[tuple] = set()

    def add(self, code, row=None, column=None, value=None, expected=None, **params):
        self.locations.add((row, column))
        if len(self.problems) < MAX_PROBLEMS:
            shown = None if value is None else str(value)[:200]
            self.problems.append(Problem(code, self.file, row, column, shown, expected, params))
            if len(self.problems) == MAX_PROBLEMS:
                self.problems.append(Problem("too_many_problems", self.file, params={"limit": MAX_PROBLEMS}))

    def note(self, code, row=None, column=None, **params):
        self.notices.append(Problem(code, self.file, row, column, params=params))

    @property
    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS


def _empty(value) -> bool:
    return (
        value is None
        or (isinstance(value, float) and value != value)
        or (isinstance(value, str) and not value.strip())
        or value is pd.NaT
        or value is pd.NA
    )


def is_identifier(table: Table, column: Column) -> bool:
    """Whether ``column`` holds an id, a key or a code rather than free text: a key of its table,
    a column with an allowed vocabulary or a reference to another table, the NIP, a name ending
    in _id or _code, or a link (_url). Those stored as written are compared character by
    character, so they are held to ``hidden_character(identifier=True)``; every other text
    (free text, and the words looked up in a vocabulary) to ``identifier=False``."""
    name = column.name
    return (
        name in table.primary_key
        or bool(column.allowed)
        or column.references is not None
        or name == "nip"
        or name == "code"
        or name.endswith(("_id", "_code", "_url"))
    )


def _expected_codes(codes: list[str]) -> str:
    shown = ", ".join(codes[:12])
    return shown + (", …" if len(codes) > 12 else "")


def _convert_column(
    table: Table,
    column: Column,
    values: pd.Series,
    numbers: list[int],
    header: str,
    reference: Reference,
    out: _Collector,
    province_hints: list[str | None],
):
    """Typed values of one column (None where empty or invalid) and, for dates, precisions.

    Each distinct cell (with its province hint, for regions) is converted once: a column of a
    million rows holds a few thousand distinct values. Problems are reported in row order."""
    kind = column.type
    lookup = None
    if column.allowed:
        lookup = {normalise(code): code for code in column.allowed} | value_lookup(column.name)
    elif column.reference_table and column.reference_table not in ("regions", "violation_cases"):
        lookup = reference.codes.get(column.reference_table, {})
    if lookup is not None and reference.learned_values.get(column.name):
        known = set(lookup.values())
        taught = {w: c for w, c in reference.learned_values[column.name].items() if c in known}
        lookup = taught | lookup
    by_region = column.reference_table == "regions"
    keys = pd.Series(list(zip(values, province_hints)), dtype=object) if by_region else values
    try:
        codes, uniques = pd.factorize(keys, use_na_sentinel=False)
    except TypeError:  # an unhashable cell (a spreadsheet oddity): one cell at a time
        codes, uniques = np.arange(len(values)), list(keys)
    raws = [key[0] for key in uniques] if by_region else list(uniques)
    if kind == "DATE":
        month_first = _month_first_row(raws)
        if month_first is not None:
            row = int(np.argmax(codes == month_first))
            out.add("month_first", numbers[row], header, values.iloc[row], "17/07/2024")
            return [None] * len(values), [None] * len(values)
    convention = None
    if kind == "DOUBLE":
        convention = number_convention(raws) or ("id" if normalise(header) in INDONESIAN_NUMBER_HEADERS else None)
    unique_values = np.empty(len(raws), dtype=object)
    unique_precisions = np.empty(len(raws), dtype=object)
    failing: dict[int, tuple] = {}  # unique index -> (kind of problem, details)
    # free text (names, titles, ids: up to a distinct value per row) needs only its spaces
    # stripped when it starts like no formula and is not too long; anything else takes the full path
    plain_text = kind == "VARCHAR" and lookup is None and not by_region and column.name != "nip"
    # an id stored as written is held to the strict rule; a value looked up in a vocabulary or the
    # regions is stored as the code it names, so only what no reader can see is refused there
    identifier = is_identifier(table, column) and lookup is None and not by_region
    for j, raw in enumerate(raws):
        if isinstance(raw, str):
            # one form for the same text (NFC), and nothing a reader cannot see: an id with a
            # zero-width space after it would count a re-sent case as a new one
            raw = nfc(raw)
            probe = raw.strip(EDGE_SPACES) if identifier else raw
            if (found := hidden_character(probe, identifier)) is not None:
                position, char = found
                failing[j] = (
                    "hidden",
                    (
                        "hidden_character_in_id" if identifier else "hidden_character",
                        show_hidden(probe, identifier),
                        {"character": character_name(char), "position": position + 1},
                    ),
                )
                continue
        if plain_text and type(raw) is str:
            text = raw.strip()
            if text and text[0] not in _FORMULA_OR_SIGN and len(text) <= MAX_TEXT:
                unique_values[j] = text
                continue
        if _empty(raw):
            if column.name in DEFAULTS:
                unique_values[j] = DEFAULTS[column.name]
            elif column.required and column.name not in PRECISION_COLUMNS.values():
                failing[j] = ("required_empty", None)
            continue
        if isinstance(raw, (list, tuple, dict, set, bytes)) or (hasattr(raw, "__len__") and not isinstance(raw, str)):
            failing[j] = ("not_a_value", None)
            continue
        value, precision, problem = _convert_value(
            table, column, raw, lookup, reference, uniques[j][1] if by_region else None, convention
        )
        if problem is not None:
            failing[j] = ("conversion", problem)
            continue
        unique_values[j] = value
        unique_precisions[j] = precision
    converted, precisions = unique_values[codes].tolist(), unique_precisions[codes].tolist()
    if failing:
        _report(failing, codes, values, numbers, header, out)
    return converted, precisions


def _report(
    failing: dict[int, tuple], codes: np.ndarray, values: pd.Series, numbers: list[int], header: str, out: _Collector
) -> None:
    """The problems of a column's failing cells, row by row (as a reader goes through the file)."""
    rows = np.flatnonzero(np.isin(codes, list(failing)))
    for i in rows.tolist():
        kind, problem = failing[codes[i]]
        raw = values.iat[i]
        if kind == "required_empty":
            out.add("required_empty", numbers[i], header)
        elif kind == "not_a_value":
            out.add("not_a_value", numbers[i], header, repr(raw)[:80])
        elif kind == "hidden":
            code, shown, params = problem
            out.add(code, numbers[i], header, shown, **params)
        else:
            code, expected, params = problem
            out.add(code, numbers[i], header, raw, expected, **params)
            if out.full:
                break


_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})\s*$")


def _month_first_row(cells: list) -> int | None:
    """The first of ``cells`` showing that a column is written month-first (07/17/2024): a middle
    number above 12 with a first number of 12 or less. Such a column is refused as a whole, since
    its other dates (07/08/2024) would be misread silently."""
    for i, raw in enumerate(cells):
        if isinstance(raw, str) and (match := _DAY_MONTH.match(raw)):
            first, middle = int(match.group(1)), int(match.group(2))
            if middle > 12 and first <= 12:
                return i
    return None


INT_LIMITS = {"INTEGER": 2**31 - 1, "BIGINT": 2**63 - 1}

#: First characters after which a text cell is checked in full (``values.looks_like_formula``).
_FORMULA_OR_SIGN = frozenset("=+@-\t\r")


def _as_text(column: Column, raw) -> tuple[str | None, tuple | None]:
    """A cell as text. Number cells in text columns are only taken when they are exact whole
    numbers that a spreadsheet keeps faithfully (15 digits); NIPs must be written as text."""
    if isinstance(raw, bool):
        return str(raw).lower(), None
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and not math.isfinite(raw):
            return None, ("not_a_value", None, {})
        if column.name == "nip":
            return None, ("nip_as_number", "'198001012005011001 (teks / text)", {})
        if column.reference_table == "regions" and isinstance(raw, float) and not raw.is_integer():
            return f"{raw:.2f}", None  # 63.1 typed as a number means 63.10
        if float(raw).is_integer() and abs(raw) < 10**15:
            return str(int(raw)), None
        return None, ("number_as_text", None, {})
    if isinstance(raw, (datetime, date)):
        return raw.isoformat()[:10], None
    return str(raw).strip(), None


#: Headers of number columns written in Indonesian: their numbers are read the Indonesian way
#: ('3.824' is 3824) when the values themselves do not say.
INDONESIAN_NUMBER_HEADERS = {"nilai", "angka", "jumlah", "jumlah asn", "jumlah pns", "jumlah pegawai"}


def _convert_value(
    table: Table, column: Column, raw, lookup, reference: Reference, province: str | None, convention: str | None = None
):
    """(value, precision, problem) where problem is (code, expected, params) or None."""
    if column.type == "DATE":
        try:
            value, precision = parse_date(raw)
        except ValueError as exc:
            return None, None, (str(exc), "17/07/2024, 2024-07-17, 17 Juli 2024", {})
        if precision != "day" and column.name not in PRECISION_COLUMNS and column.name not in PARTIAL_OK:
            return None, None, ("date_needs_day", "17/07/2024", {})
        high = reference.today + timedelta(days=366 if table.name == "published_figures" else 0)
        if not EARLIEST <= value <= high:
            return None, None, ("date_out_of_range", None, {"low": EARLIEST.isoformat(), "high": high.isoformat()})
        return value, precision, None
    if column.type in ("INTEGER", "BIGINT", "DOUBLE"):
        try:
            value = parse_number(raw, integer=column.type != "DOUBLE", convention=convention)
        except ValueError as exc:
            return None, None, (str(exc), "1234" if column.type != "DOUBLE" else "12,5", {})
        if value < 0:
            return None, None, ("negative", ">= 0", {})
        if column.type in INT_LIMITS and value > INT_LIMITS[column.type]:
            return None, None, ("number_too_large", f"<= {INT_LIMITS[column.type]:,}", {})
        return value, None, None
    if column.type == "BOOLEAN":
        try:
            value = parse_bool(raw)
        except ValueError as exc:
            return None, None, (str(exc), "true/false", {})
        if column.name == "is_synthetic" and value:
            return None, None, ("synthetic_flag", "false", {})
        return value, None, None
    text, problem = _as_text(column, raw)
    if problem is not None:
        return None, None, problem
    if looks_like_formula(text):
        return None, None, ("formula", None, {})
    if len(text) > MAX_TEXT:
        return None, None, ("too_long", None, {"length": len(text), "limit": MAX_TEXT})
    if column.reference_table == "regions":
        found = reference.matcher.match(text, province)
        if found.code is not None and province and found.code.split(".")[0] != province:
            return None, None, ("region_province_mismatch", reference.matcher.name(found.code), {})
        if found.problem == "region_type_mismatch":
            return None, None, (found.problem, ", ".join(found.suggestions), {})
        if found.code is None:
            expected = (
                ", ".join(found.suggestions) if found.suggestions else "Kabupaten Tabalong, Kota Banjarmasin, 63.09"
            )
            return None, None, (found.problem, expected, {})
        if table.name in REGENCY_ONLY and "." not in found.code:
            return None, None, ("region_not_regency", None, {})
        return found.code, None, None
    if lookup is not None:
        code = lookup.get(normalise(text))
        if code is None:
            if column.allowed:
                return None, None, ("not_allowed", _expected_codes(list(column.allowed)), {})
            return (
                None,
                None,
                ("unknown_reference", _expected_codes(sorted(set(lookup.values()))), {"table": column.reference_table}),
            )
        return code, None, None
    if column.name == "nip" and not (text.isdigit() and len(text) == 18):
        return None, None, ("bad_nip", "18 angka / digits", {})
    return text, None, None


def validate(table: Table, raw: RawTable, mapping: HeaderMapping, reference: Reference) -> Validated:
    out = _Collector(raw.file)
    for header, other in mapping.duplicates:
        out.add("duplicate_header", 1, header, header=header, other=other)
    for header in mapping.ignored:
        out.note("ignored_column", 1, header, header=header)
    for column in table.columns:
        if column.name in mapping.columns or not column.required or column.name in DEFAULTS:
            continue
        if column.name in PRECISION_COLUMNS.values() and any(
            date_col in mapping.columns for date_col, prec in PRECISION_COLUMNS.items() if prec == column.name
        ):
            continue
        out.add("missing_column", 1, column.name, aliases=", ".join(aliases_for(table.name, column.name)[:6]))
    # the rows are checked even when a header is wrong, so that one report names everything and a
    # steward fixes the file once; the columns that are not there are simply not checked
    missing = {p.column for p in out.problems if p.code == "missing_column"}

    n = len(raw.rows)
    numbers = raw.row_numbers
    province_hints: list[str | None] = [None] * n
    if "province" in mapping.helpers:
        province_header = mapping.headers[mapping.helpers["province"]]
        for i, written in enumerate(raw.rows[mapping.helpers["province"]]):
            if _empty(written):
                continue
            code = reference.matcher.province_of(written)
            if code is None:
                out.add("unknown_province", numbers[i], province_header, written, "Kalimantan Selatan, Kalsel, 63")
            province_hints[i] = code
    data: dict[str, list] = {}
    precisions: dict[str, list] = {}
    for column in table.columns:
        if column.name in mapping.columns:
            header = mapping.source_header(column.name)
            values = raw.rows[mapping.columns[column.name]]
            data[column.name], precisions[column.name] = _convert_column(
                table, column, values, numbers, header, reference, out, province_hints
            )
        else:
            data[column.name] = [DEFAULTS.get(column.name)] * n
    for date_column, precision_column in PRECISION_COLUMNS.items():
        if date_column in precisions and precision_column in data:
            merged = []
            for i, (given, derived) in enumerate(zip(data[precision_column], precisions[date_column])):
                if given is not None and derived is not None and given != derived:
                    out.add(
                        "precision_mismatch",
                        numbers[i],
                        _header(mapping, precision_column),
                        given,
                        derived,
                        date_header=_header(mapping, date_column),
                    )
                merged.append(derived if derived is not None else given)
            data[precision_column] = merged
    frame = pd.DataFrame({name: pd.Series(data[name], dtype=object) for name in table.column_names})
    _row_checks(table, frame, numbers, mapping, reference, out)
    if not missing & set(table.primary_key):
        _unique_keys(table, frame, numbers, mapping, out)
    if missing or mapping.duplicates:  # rows read under a wrong header are no preview
        return Validated(pd.DataFrame(columns=table.column_names), [], out.problems, out.notices)
    return Validated(frame, list(numbers), out.problems, out.notices)


def _header(mapping: HeaderMapping, column: str) -> str:
    return mapping.source_header(column) if column in mapping.columns else column


def _row_checks(
    table: Table, frame: pd.DataFrame, numbers: list[int], mapping: HeaderMapping, reference: Reference, out: _Collector
) -> None:
    columns = set(frame.columns)
    for later, earlier in DATE_ORDER:
        if later in columns and earlier in columns:
            for i, (a, b) in enumerate(zip(frame[later], frame[earlier])):
                if a is not None and b is not None and a < b:
                    out.add(
                        "date_before",
                        numbers[i],
                        _header(mapping, later),
                        a.isoformat(),
                        other=_header(mapping, earlier),
                        other_value=b.isoformat(),
                    )
    if table.name == "violation_cases":
        windows = {}  # election -> (earliest, latest) report date: two years before voting to one after
        for election, voting in reference.elections.set_index("election_id")["voting_date"].items():
            if not pd.isna(voting):
                voting = pd.Timestamp(voting).date()
                windows[election] = (voting - timedelta(days=730), voting + timedelta(days=365))
        for i, (election, reported) in enumerate(zip(frame["election_id"], frame["reported_date"])):
            window = windows.get(election)
            if window is None or reported is None:
                continue
            low, high = window
            if not low <= reported <= high:
                out.add(
                    "date_out_of_range",
                    numbers[i],
                    _header(mapping, "reported_date"),
                    reported.isoformat(),
                    low=low.isoformat(),
                    high=high.isoformat(),
                )
        decided_header = _header(mapping, "decided_date")
        for i, (status, decided) in enumerate(zip(frame["status"], frame["decided_date"])):
            if status in DECIDED_STATUSES and decided is None and (numbers[i], decided_header) not in out.locations:
                out.add("status_needs_date", numbers[i], decided_header, status=status)


def _unique_keys(
    table: Table, frame: pd.DataFrame, numbers: list[int], mapping: HeaderMapping, out: _Collector
) -> None:
    key_columns = list(table.primary_key)
    if not frame.duplicated(subset=key_columns).any():
        return  # the common case, found in one pass; otherwise the rows are gone through to name each pair
    seen: dict[tuple, int] = {}
    for i, key in enumerate(zip(*(frame[c] for c in key_columns))):
        if any(part is None for part in key):
            continue
        if key in seen:
            out.add(
                "duplicate_key",
                numbers[i],
                _header(mapping, key_columns[0]),
                "/".join(map(str, key)),
                key="/".join(map(str, key)),
                other_row=numbers[seen[key]],
            )
        else:
            seen[key] = i
