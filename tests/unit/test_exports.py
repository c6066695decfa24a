import shutil

import pandas as pd
import pytest

from analytics.charts import summary as summary_charts
from analytics.exports import neutralise_formula, safe_csv_bytes


def test_formula_cells_are_neutralised():
    frame = pd.DataFrame({"agency": ['=HYPERLINK("x")', "+1", "Dinas Pendidikan", "@SUM(A1)"], "n": [1, -2, 3, 4]})
    text = safe_csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+1" in text and "'@SUM" in text
    assert "Dinas Pendidikan" in text and ",-2" in text  # numbers are left alone
    assert neutralise_formula(5) == 5


def test_a_formula_after_a_list_separator_stays_inside_its_quoted_cell():
    """Excel with Indonesian regional settings splits on ';': a cell 'Kab. A;=1+1' must not become a
    cell '=1+1' there, nor 'x,=2' with ',' as the separator. Read back, every value is unchanged."""
    import csv
    import io

    frame = pd.DataFrame({"title": ["Kab. A;=1+1", "x,=2", "Rapat\tkoordinasi", "biasa"], "n": [1, 2, 3, 4]})
    text = safe_csv_bytes(frame).decode("utf-8-sig")
    assert '"Kab. A;\'=1+1"' in text and '"x,\'=2"' in text
    for separator in (";", ","):
        # a reader splitting on the separator outside quotes never sees a cell starting with '='
        cells = [cell for row in csv.reader(io.StringIO(text), delimiter=separator) for cell in row]
        assert not any(cell.lstrip().startswith(("=", "+", "@")) for cell in cells), separator
    back = pd.read_csv(io.StringIO(text))
    assert back["title"].tolist() == ["Kab. A;'=1+1", "x,'=2", "Rapat\tkoordinasi", "biasa"]
    assert back["n"].tolist() == [1, 2, 3, 4]
    assert neutralise_formula("Pemilu 2019, -") == "Pemilu 2019, -"  # a dash that starts no formula stays


@pytest.mark.skipif(shutil.which("chromium") is None, reason="PNG export needs Debian's chromium")
def test_chart_png_export_renders():
    hotspots = pd.DataFrame({"region_name": ["A"], "province_name": ["P"], "reported": [3], "proven": [1]})
    png = summary_charts.hotspots_figure(hotspots).to_plotly().to_image(format="png", width=600, height=400)
    assert png.startswith(b"\x89PNG") and len(png) > 2000
