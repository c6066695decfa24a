"""Blank templates for each importable table (CSV and XLSX), with the data dictionary."""

from __future__ import annotations

import csv
import io

from analytics.catalog import Table
from analytics.ingest.headers import aliases_for
from analytics.ingest.validate import DEFAULTS, PRECISION_COLUMNS

DERIVED = set(PRECISION_COLUMNS.values())


def template_columns(table: Table) -> list[str]:
    """The columns a template offers: all except the ones filled in by the import itself."""
    return [c.name for c in table.columns if c.name != "is_synthetic"]


def template_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(template_columns(table))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def dictionary_rows(table: Table) -> list[list[str]]:
    rows = []
    for column in table.columns:
        if column.name == "is_synthetic":
            continue
        if column.required and column.name not in DEFAULTS and column.name not in DERIVED:
            need = "wajib / required"
        elif column.name in DERIVED:
            need = "otomatis dari tanggal / derived from the date"
        elif column.name in DEFAULTS:
            need = f"bawaan / default: {DEFAULTS[column.name]}"
        else:
            need = "boleh kosong / optional"
        allowed = (
            ", ".join(column.allowed)
            if column.allowed
            else (f"kode di / codes in {column.references}" if column.references else "")
        )
        rows.append(
            [
                column.name,
                column.type,
                need,
                allowed,
                ", ".join(aliases_for(table.name, column.name)[1:6]),
                column.description + (" (DATA PRIBADI / personal data)" if column.personal else ""),
            ]
        )
    return rows


DICTIONARY_HEADERS = [
    "kolom / column",
    "tipe / type",
    "isian / filling",
    "nilai yang diterima / accepted values",
    "nama lain yang dikenali / recognised names",
    "keterangan / description",
]


def template_xlsx(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = table.name[:31]
    sheet.append(template_columns(table))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    dictionary = book.create_sheet("kamus_data")
    dictionary.append(DICTIONARY_HEADERS)
    for cell in dictionary[1]:
        cell.font = Font(bold=True)
    for row in dictionary_rows(table):
        dictionary.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
