"""Dates, numbers, headers and region names as people write them."""

from datetime import date, datetime

import pandas as pd
import pytest

from analytics.ingest.headers import map_headers
from analytics.ingest.regions import RegionMatcher
from analytics.ingest.values import looks_like_formula, parse_date, parse_number
from analytics.settings import REFERENCE_DIR


@pytest.mark.parametrize(
    "written,expected",
    [
        ("17/07/2024", (date(2024, 7, 17), "day")),
        ("17-07-2024", (date(2024, 7, 17), "day")),
        ("2024-07-17", (date(2024, 7, 17), "day")),
        ("17 Juli 2024", (date(2024, 7, 17), "day")),
        ("17 Jul 2024", (date(2024, 7, 17), "day")),
        ("Rabu, 17 Juli 2024", (date(2024, 7, 17), "day")),
        ("7/8/2024", (date(2024, 8, 7), "day")),  # day first
        ("Juli 2024", (date(2024, 7, 1), "month")),
        ("Agustus 2024", (date(2024, 8, 1), "month")),
        ("2024", (date(2024, 1, 1), "year")),
        (datetime(2024, 7, 17, 0, 0), (date(2024, 7, 17), "day")),
    ],
)
def test_dates(written, expected):
    assert parse_date(written) == expected


@pytest.mark.parametrize(
    "written,code",
    [("31/02/2024", "date_not_in_calendar"), ("17 Jly 2024", "unknown_month"), ("kemarin", "unknown_date_format")],
)
def test_bad_dates(written, code):
    with pytest.raises(ValueError, match=code):
        parse_date(written)


@pytest.mark.parametrize(
    "written,integer,value",
    [
        ("1.234", True, 1234),
        ("1,234", True, 1234),
        ("12,5", False, 12.5),
        ("1.234,5", False, 1234.5),
        ("1,234.5", False, 1234.5),
        (" 80 898 ", True, 80898),
        (7, True, 7),
        ("0,125", False, 0.125),
        ("0.125", False, 0.125),
        ("1.234.567", True, 1234567),
    ],
)
def test_numbers(written, integer, value):
    assert parse_number(written, integer=integer) == value


@pytest.mark.parametrize("written", ["2.034", "12,345"])
def test_a_single_group_in_a_decimal_column_is_ambiguous(written):
    with pytest.raises(ValueError, match="ambiguous_number"):
        parse_number(written, integer=False)


def test_formulas():
    assert looks_like_formula("=SUM(A1:A3)") and looks_like_formula("+cmd") and looks_like_formula("@x")
    assert looks_like_formula("-HYPERLINK(1)")
    assert not looks_like_formula("-5") and not looks_like_formula("Dinas - Kota") and not looks_like_formula("")


@pytest.fixture(scope="module")
def matcher():
    return RegionMatcher(pd.read_csv(REFERENCE_DIR / "regions.csv", dtype=str, keep_default_na=False))


@pytest.mark.parametrize(
    "written,code",
    [
        ("Kab. Tabalong", "63.09"),
        ("Kabupaten Tabalong", "63.09"),
        ("TABALONG", "63.09"),
        ("Kota Banjarmasin", "63.71"),
        ("Banjarmasin", "63.71"),
        ("Kukar", "64.02"),
        ("Kutim", "64.08"),
        ("Kubar", "64.07"),
        ("PPU", "64.09"),
        ("Mahulu", "64.11"),
        ("HSS", "63.06"),
        ("HST", "63.07"),
        ("HSU", "63.08"),
        ("Batola", "63.04"),
        ("Kotim", "62.02"),
        ("Kobar", "62.01"),
        ("Barut", "62.05"),
        ("Barsel", "62.04"),
        ("Bartim", "62.13"),
        ("Mura", "62.12"),
        ("Kapuas", "62.03"),
        ("Kapuas Hulu", "61.06"),
        ("Pulpis", "62.11"),
        ("KKU", "61.11"),
        ("Palangka Raya", "62.71"),
        ("63.09", "63.09"),
        ("Kalsel", "63"),
    ],
)
def test_region_names(matcher, written, code):
    assert matcher.match(written).code == code


def test_unknown_region_suggests_close_names(matcher):
    found = matcher.match("Tabalongg")
    assert found.code is None and found.problem == "unknown_region" and "Tabalong" in found.suggestions


def test_province_breaks_a_tie():
    regions = pd.DataFrame(
        {
            "region_code": ["61", "62", "61.01", "62.01"],
            "region_name": ["P1", "P2", "Kabupaten Sama", "Kabupaten Sama"],
            "region_name_short": ["P1", "P2", "Sama", "Sama"],
            "level": ["province", "province", "regency", "regency"],
            "regency_type": ["", "", "kabupaten", "kabupaten"],
            "province_code": ["61", "62", "61", "62"],
        }
    )
    matcher = RegionMatcher(regions)
    assert matcher.match("Sama").problem == "ambiguous_region"
    assert matcher.match("Sama", province="62").code == "62.01"


def test_headers_in_indonesian_and_english_are_recognised():
    from analytics.catalog import load_catalog

    table = load_catalog()["violation_cases"]
    mapping = map_headers(
        "violation_cases",
        table.column_names,
        ["Tanggal Laporan", "KABUPATEN / KOTA", "nama_instansi", "Jenis  Pelanggaran", "Tgl", "Catatan", "Provinsi"],
    )
    assert mapping.columns == {"reported_date": 0, "region_code": 1, "agency_name": 2, "category_code": 3}
    assert mapping.duplicates == [("Tgl", "Tanggal Laporan")]
    assert mapping.ignored == ["Catatan"] and mapping.helpers == {"province": 6}
