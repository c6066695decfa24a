"""What went wrong, where: one Problem per finding, rendered in Bahasa Indonesia or English,
and the report as a downloadable CSV (file, row, column, value found, what was expected)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from analytics.i18n import CATALOGS, t

#: The messages live in the text catalogs (analytics/locales/<lang>.yaml) as ``problem_<code>``;
#: ``{…}`` fields come from Problem.params. code -> (Bahasa Indonesia, English).
MESSAGE_PREFIX = "problem_"
MESSAGES: dict[str, tuple[str, str]] = {
    key[len(MESSAGE_PREFIX) :]: (CATALOGS["id"][key], CATALOGS["en"][key])
    for key in CATALOGS["id"]
    if key.startswith(MESSAGE_PREFIX)
    and key not in ("problem_row", "problem_column", "problem_found", "problem_expected")
}


@dataclass(frozen=True)
class Problem:
    """One finding. ``row`` is the row as the user sees it (header = row 1); None for the file."""

    code: str
    file: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    expected: str | None = None
    params: dict = field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str = "id") -> str:
        lang = lang if lang in CATALOGS else "id"
        params = dict(self.params)
        if f"what_{lang}" in params:  # what a size limit is about, worded per language
            params["what"] = params[f"what_{lang}"]
        return CATALOGS[lang][MESSAGE_PREFIX + self.code].format(**{"column": self.column, **params})

    def location(self, lang: str = "id") -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"{t('problem_row', lang)} {self.row}")
        if self.column:
            parts.append(f"{t('problem_column', lang)} {self.column}")
        return ", ".join(parts)

    def describe(self, lang: str = "id") -> str:
        text = f"{self.location(lang)}: {self.message(lang)}"
        if self.value is not None:
            text += f" {t('problem_found', lang)}: {self.value!r}."
        if self.expected:
            text += f" {t('problem_expected', lang)}: {self.expected}."
        return text


REPORT_HEADERS = {
    "id": ["berkas", "baris", "kolom", "nilai_ditemukan", "diharapkan", "pesan"],
    "en": ["file", "row", "column", "value_found", "expected", "message"],
}


def _safe_cell(text: object) -> str:
    """Report cells repeat what users uploaded: neutralise formulas for spreadsheets, at the start
    and after a list separator (:func:`analytics.exports.neutralise_formula`)."""
    from analytics.exports import neutralise_formula

    return neutralise_formula("" if text is None else str(text))


def report_csv(problems: list[Problem], lang: str = "id") -> bytes:
    """The report as UTF-8 CSV with a BOM (opens correctly in Excel)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(REPORT_HEADERS["en" if lang == "en" else "id"])
    # every text cell quoted: a value from the file such as 'a;=1+1' stays one cell in Excel set to ';'
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
    for problem in problems:
        writer.writerow(
            [
                _safe_cell(problem.file),
                problem.row or "",
                _safe_cell(problem.column),
                _safe_cell(problem.value),
                _safe_cell(problem.expected),
                _safe_cell(problem.message(lang)),
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
