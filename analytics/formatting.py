"""Indonesian (default) and English number and date formats: 1.234,5 and 27 November 2024."""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd

MONTHS = {
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}

SHORT_MONTHS = {
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}

MISSING = {"id": "tidak ada data", "en": "no data"}


def is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def format_number(value: object, decimals: int = 0, lang: str = "id", signed: bool = False) -> str:
    """1234.5 -> '1.234,5' (id) or '1,234.5' (en); missing -> 'tidak ada data'.
    With ``signed``, positive numbers get a '+'."""
    if is_missing(value):
        return MISSING[lang]
    text = f"{float(value):{'+' if signed else ''},.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return text


def format_stated(value: object, lang: str = "id") -> str:
    """A published value as stated: whole numbers without decimals, others with up to two
    (12.5 -> '12,5' in Bahasa Indonesia, '12.5' in English)."""
    if is_missing(value):
        return MISSING[lang]
    if float(value) % 1 == 0:
        return format_number(value, 0, lang)
    text = format_number(value, 2, lang)
    point = "," if lang == "id" else "."
    return text.rstrip("0").rstrip(point)


def format_count(value: object, lang: str = "id", withheld: bool = False, threshold: int = 5) -> str:
    """A case count; a count withheld as too small to publish reads "< 5"."""
    return f"< {threshold}" if withheld else format_number(value, 0, lang)


def format_percent(value: object, decimals: int = 1, lang: str = "id") -> str:
    if is_missing(value):
        return MISSING[lang]
    return f"{format_number(value, decimals, lang)}%"


def format_date(value: object, lang: str = "id", precision: str = "day") -> str:
    """date(2024, 11, 27) -> '27 November 2024'; month precision -> 'November 2024'."""
    if is_missing(value):
        return MISSING[lang]
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if isinstance(value, (datetime, pd.Timestamp)):
        value = value.date()
    month = MONTHS[lang][value.month - 1]
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


#: Tick steps a date axis may take, shortest first: (pandas frequency, "day" or "month" or "year").
_DATE_STEPS = (
    ("7D", "day"),
    ("14D", "day"),
    ("MS", "month"),
    ("2MS", "month"),
    ("3MS", "month"),
    ("6MS", "month"),
    ("YS", "year"),
    ("2YS", "year"),
    ("5YS", "year"),
)


def date_ticks(start, end, lang: str = "id", most: int = 7, finest: str = "day") -> dict:
    """Tick positions and texts for a date axis from ``start`` to ``end`` in the language's month
    names (Plotly writes English ones: 'Oct' on an Indonesian page); the year is written under the
    first tick and wherever it changes. ``finest`` ("day", "month", "year") is the smallest step, as
    monthly bars want month ticks. Returns {"tickvals", "ticktext"} for a layout axis (a line
    break as "\n", which ``charts.spec.figure`` makes Plotly's)."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if pd.isna(start) or pd.isna(end):
        return {}
    months = SHORT_MONTHS.get(lang, SHORT_MONTHS["id"])
    order = ("day", "month", "year")
    steps = [step for step in _DATE_STEPS if order.index(step[1]) >= order.index(finest)]
    for frequency, unit in steps:
        first = start.normalize() if unit == "day" else start.to_period("M").to_timestamp()
        ticks = pd.date_range(first, end, freq=frequency)
        if len(ticks) <= most:
            break
    texts, year = [], None
    for tick in ticks:
        if unit == "year":
            texts.append(str(tick.year))
            continue
        label = f"{tick.day} {months[tick.month - 1]}" if unit == "day" else months[tick.month - 1]
        texts.append(f"{label}\n{tick.year}" if tick.year != year else label)
        year = tick.year
    return {"tickvals": list(ticks), "ticktext": texts}
