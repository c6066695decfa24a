import shutil

import pandas as pd
import pytest

from analytics import figures
from analytics.exports import neutralise_formula, safe_csv_bytes


def test_formula_cells_are_neutralised():
    frame = pd.DataFrame({"agency": ["=HYPERLINK(\"x\")", "+1", "Dinas Pendidikan", "@SUM(A1)"], "n": [1, -2, 3, 4]})
    text = safe_csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+1" in text and "'@SUM" in text
    assert "Dinas Pendidikan" in text and ",-2" in text          # numbers are left alone
    assert neutralise_formula(5) == 5


@pytest.mark.skipif(shutil.which("chromium") is None, reason="PNG export needs Debian's chromium")
def test_chart_png_export_renders():
    hotspots = pd.DataFrame({"region_name": ["A"], "province_name": ["P"], "reported": [3], "proven": [1]})
    png = figures.hotspots_figure(hotspots).to_plotly().to_image(format="png", width=600, height=400)
    assert png.startswith(b"\x89PNG") and len(png) > 2000
