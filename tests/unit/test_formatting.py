from datetime import date

from analytics.formatting import format_date, format_number, format_percent


def test_indonesian_and_english_numbers():
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_number(1234.5, 1, "en") == "1,234.5"
    assert format_number(2034) == "2.034"
    assert format_number(None) == "tidak ada data"
    assert format_number(float("nan"), lang="en") == "no data"


def test_percent():
    assert format_percent(90.8) == "90,8%"


def test_dates_with_precision():
    assert format_date(date(2024, 11, 27)) == "27 November 2024"
    assert format_date("2024-08-24", "en") == "24 August 2024"
    assert format_date(date(2024, 7, 1), precision="month") == "Juli 2024"
    assert format_date(date(2020, 1, 1), precision="year") == "2020"


def test_signed_numbers_show_the_sign():
    assert format_number(1234.5, 1, "id", signed=True) == "+1.234,5"
    assert format_number(-2.25, 1, "en", signed=True) == "-2.2"
    assert format_number(3, 0, "id") == "3"


def test_a_stated_value_is_written_the_way_the_language_writes_numbers():
    from analytics.formatting import format_stated

    assert format_stated(3824, "id") == "3.824" and format_stated(3824, "en") == "3,824"
    assert format_stated(12.5, "id") == "12,5" and format_stated(12.5, "en") == "12.5"
    assert format_stated(2035.25, "id") == "2.035,25"


def test_a_date_axis_speaks_the_pages_language():
    from analytics.formatting import date_ticks

    ticks = date_ticks("2024-09-22", "2024-11-24", "id")
    assert ticks["ticktext"] == ["22 Sep\n2024", "6 Okt", "20 Okt", "3 Nov", "17 Nov"]
    assert date_ticks("2024-10-01", "2024-11-01", "id", finest="month")["ticktext"] == ["Okt\n2024", "Nov"]
    assert date_ticks("2024-01-01", "2024-12-01", "id")["ticktext"][2] == "Mei"
    assert date_ticks("2024-01-01", "2024-12-01", "en")["ticktext"][2] == "May"
    assert len(date_ticks("2015-01-01", "2024-12-01", "en")["tickvals"]) <= 7
