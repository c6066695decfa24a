"""Blank templates: the CSV and XLSX carry the catalog's columns; a filled template imports."""

import io

from openpyxl import load_workbook

from analytics.catalog import load_catalog
from analytics.ingest import templates
from analytics.ingest.__main__ import main as ingest_main
from analytics.ingest.pipeline import IMPORTABLE


def test_every_importable_table_has_both_templates():
    for name in IMPORTABLE:
        table = load_catalog()[name]
        header = templates.template_csv(table).decode("utf-8-sig").strip().split(",")
        assert header == templates.template_columns(table)
        book = load_workbook(io.BytesIO(templates.template_xlsx(table)))
        assert book.sheetnames == [name[:31], "kamus_data"]
        assert [c.value for c in book[name[:31]][1]] == header
        documented = [row[0].value for row in book["kamus_data"].iter_rows(min_row=2)]
        assert documented == header


def test_a_filled_csv_template_imports(data_dir, tmp_path):
    table = load_catalog()["asn_headcount"]
    header = templates.template_csv(table).decode("utf-8-sig").strip()
    row = 'HCX1,Kab. Tabalong,2024,"5.432",asn,regional_government,exact,Data BKD,https://example.org/hc,BKD Tabalong'
    path = tmp_path / "hc.csv"
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    assert ingest_main(["asn_headcount", str(path)]) == 0
