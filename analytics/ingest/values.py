"""Parsing the values people type: dates in Indonesian and English forms, numbers with
Indonesian or English separators, yes/no. Each parser returns the value or raises ValueError
whose message is a problem code of ``problems.MESSAGES``. Text is compared in one Unicode form
(NFC) and checked for characters a reader cannot see (``hidden_character``)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

MONTHS = {
    "januari": 1,
    "january": 1,
    "jan": 1,
    "februari": 2,
    "february": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "agustus": 8,
    "august": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "december": 12,
    "des": 12,
    "dec": 12,
}

_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_WORD_DATE = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEKDAY = re.compile(
    r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday),?\s+"
)


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError("date_not_in_calendar") from None


def parse_date(value: object) -> tuple[date, str]:
    """(date, precision) from '17/07/2024', '17-07-2024', '2024-07-17', '17 Juli 2024',
    '17 Jul 2024', 'Juli 2024' (month), '2024' (year), or a date/datetime cell.
    Day-first throughout: 07/08/2024 is 7 August."""
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    text = re.sub(r"\s+", " ", str(value).strip().lower())
    text = _WEEKDAY.sub("", text)
    if match := _NUMERIC_DATE.match(text):
        day, month, year = map(int, match.groups())
        return _make(year, month, day), "day"
    if match := _ISO_DATE.match(text):
        year, month, day = map(int, match.groups())
        return _make(year, month, day), "day"
    if match := _WORD_DATE.match(text):
        day, word, year = match.groups()
        if word not in MONTHS:
            raise ValueError("unknown_month")
        return _make(int(year), MONTHS[word], int(day)), "day"
    if match := _MONTH_YEAR.match(text):
        word, year = match.groups()
        if word not in MONTHS:
            raise ValueError("unknown_month")
        return _make(int(year), MONTHS[word], 1), "month"
    if match := _YEAR.match(text):
        return _make(int(match.group(1)), 1, 1), "year"
    raise ValueError("unknown_date_format")


_ID_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+$")
_EN_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(,\d{3})+$")
_ONE_GROUP = re.compile(r"^-?[1-9]\d{0,2}[.,]\d{3}$")


_ID_EVIDENCE = re.compile(r"^-?\d+,(\d{1,2}|\d{4,})$|^-?\d{1,3}(\.\d{3}){2,}$|^-?\d{1,3}(\.\d{3})+,\d+$")
_EN_EVIDENCE = re.compile(r"^-?\d+\.(\d{1,2}|\d{4,})$|^-?\d{1,3}(,\d{3}){2,}$|^-?\d{1,3}(,\d{3})+\.\d+$")


def number_convention(values) -> str | None:
    """How a column writes its numbers, from the values that can only be read one way: 'id'
    (decimal comma, thousands dot: '12,5', '1.234.567', '1.234,5'), 'en' ('90.8', '1,234,567',
    '1,234.5'), or None when the column shows neither or both."""
    texts = [str(v).strip().replace(" ", "") for v in values if isinstance(v, str)]
    indonesian = any(_ID_EVIDENCE.match(t) for t in texts)
    english = any(_EN_EVIDENCE.match(t) for t in texts)
    return "id" if indonesian and not english else "en" if english and not indonesian else None


def parse_number(value: object, integer: bool, convention: str | None = None) -> float | int:
    """1234, '1.234' or '1,234' (thousands), '12,5' or '12.5' (decimal), '1.234,5', '1,234.5'.
    A single group of three digits after one separator is thousands in a whole-number column;
    in a decimal one it is read by the column's ``convention`` (:func:`number_convention`: 'id'
    makes '3.824' 3824 and '3,824' 3.824) and refused as ambiguous without one; '0,125' is
    always a decimal."""
    if isinstance(value, bool):
        raise ValueError("not_a_number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            raise ValueError("not_a_number")
        if not integer and _ONE_GROUP.match(text):
            # '2.034' or '12,345' in a decimal column: thousands or decimals? The column's own
            # convention says; without one, refuse to guess.
            if convention is None:
                raise ValueError("ambiguous_number")
            thousands = "." if convention == "id" else ","
            text = text.replace(thousands, "") if thousands in text else text.replace(",", ".")
            return float(text)
        if _ID_THOUSANDS.match(text):
            text = text.replace(".", "")
        elif _EN_THOUSANDS.match(text):
            text = text.replace(",", "")
        elif "," in text and "." in text:
            text = (
                text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
            )
        else:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise ValueError("not_a_number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("not_a_number")
    if integer:
        if number != int(number):
            raise ValueError("not_an_integer")
        return int(number)
    return number


TRUE = {"true", "ya", "y", "yes", "1", "benar"}
FALSE = {"false", "tidak", "t", "no", "n", "0", "salah"}


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueError("not_a_bool")


FORMULA_START = ("=", "+", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """A spreadsheet formula or an injection attempt: '=SUM(…)', '+cmd', '@x', '-2+3', '-HYPERLINK(…)'."""
    if not text:
        return False
    if text.startswith(FORMULA_START):
        return True
    return text.startswith("-") and len(text) > 1 and not re.match(r"^-\s*\d[\d.,]*$", text) and not text[1].isspace()


# --- characters nobody can see -------------------------------------------------------------------

#: Names of the control characters, which Unicode leaves unnamed (ISO 6429 names).
_C0_NAMES = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)
_OTHER_CONTROL_NAMES = {0x7F: "DELETE", 0x85: "NEXT LINE"}

#: Characters that show nothing although their category is a visible one (fillers, blanks, joiners).
INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0")
#: Characters allowed in free text although they are controls: tab and line breaks.
TEXT_CONTROLS = frozenset("\t\n\r")
#: Categories refused everywhere: controls (Cc), format characters (Cf: zero-width space and
#: joiners, BOM, soft hyphen, bidirectional controls), line/paragraph separators (Zl, Zp) and
#: lone surrogates (Cs, left by undecodable bytes).
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
#: Refused in ids and codes as well: private-use and unassigned code points, combining
#: variation selectors, and every space but the ordinary one.
_ID_ONLY_CATEGORIES = frozenset({"Co", "Cn", "Zs"})
#: What is stripped from both ends of an id or code before it is checked: the ordinary spaces,
#: tab, line breaks and the no-break and typographic spaces (category Zs). Unlike ``str.strip``,
#: no control, separator or format character: those are refused, wherever they are.
EDGE_SPACES = " \t\n\r" + "".join(chr(c) for c in (0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000))
_ASCII_HIDDEN = re.compile(r"[\x00-\x1f\x7f]")
_ASCII_HIDDEN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C: a decomposed 'e' + U+0301 becomes the one character 'é',
    so the same name typed on two systems is the same value."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def character_name(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE', 'U+0000 NULL'."""
    point = ord(char)
    name = unicodedata.name(char, "") or (_C0_NAMES[point] if point < 32 else _OTHER_CONTROL_NAMES.get(point, ""))
    if not name:
        category = unicodedata.category(char)
        name = {
            "Cc": "CONTROL CHARACTER",
            "Cs": "SURROGATE (undecodable byte)",
            "Co": "PRIVATE USE CHARACTER",
            "Cn": "UNASSIGNED CHARACTER",
        }.get(category, category)
    return f"U+{point:04X} {name}"


def hidden_character(text: str, identifier: bool) -> tuple[int, str] | None:
    """(position, character) of the first character in ``text`` that a reader cannot see or that
    changes how the rest reads, or None. Refused everywhere: controls (NUL…), format characters
    (zero-width space U+200B, ZWNJ, ZWJ, word joiner, BOM U+FEFF, soft hyphen U+00AD,
    bidirectional controls U+200E/U+200F, U+202A–U+202E, U+2066–U+2069), line and paragraph
    separators, fillers. Free text keeps tab and line breaks; an id or code (``identifier``)
    keeps neither, nor any space but U+0020, since two ids that look the same must be the same.

    Nothing is removed silently: a removed character would make the stored value differ from
    the office's file without anyone knowing, and a re-sent row would no longer match it."""
    if text.isascii():
        match = (_ASCII_HIDDEN if identifier else _ASCII_HIDDEN_TEXT).search(text)
        return (match.start(), match.group()) if match else None
    for position, char in enumerate(text):
        if char.isascii() and " " <= char <= "~":
            continue
        if char in TEXT_CONTROLS:
            if identifier:
                return position, char
            continue
        category = unicodedata.category(char)
        if (
            category in HIDDEN_CATEGORIES
            or char in INVISIBLE
            or (
                identifier
                and (
                    category in _ID_ONLY_CATEGORIES or 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF
                )
            )
        ):
            return position, char
    return None


def show_hidden(text: str, identifier: bool) -> str:
    """``text`` with each refused character written as ⟨U+XXXX⟩, for the report."""
    shown, rest = [], text
    while (found := hidden_character(rest, identifier)) is not None:
        position, char = found
        shown.append(rest[:position] + f"\u27e8U+{ord(char):04X}\u27e9")
        rest = rest[position + 1 :]
    return "".join(shown) + rest
