"""What a view covers, said the same way under the title, on an exported chart and in its file name;
an exported chart carries its question, scope, source, date and, for the demo, a stamp."""

from __future__ import annotations

from datetime import date

import pandas as pd

from analytics.charts.spec import FigureSpec
from analytics.export_context import FOOTER_NAME, STAMP_NAME, ExportContext, with_export_context
from analytics.exports import chart_numbers_csv, safe_csv_bytes
from analytics.filters import Filters
from analytics.scope import ScopeNames, scope_line, scope_slug

NAMES = ScopeNames(
    elections={"pilkada-2024": "Pilkada Serentak 2024"},
    regions={"63": "Kalimantan Selatan", "63.09": "Kab. Tabalong"},
    categories={"kampanye_medsos": "Kampanye di media sosial"},
    positions={"jpt": "JPT"},
)


def test_the_scope_names_cycle_area_and_every_narrowing_filter():
    assert scope_line(None, NAMES, "id") == "Semua siklus · Kalimantan"
    assert (
        scope_line(Filters(election_id="pilkada-2024", province_code="63"), NAMES, "id")
        == "Pilkada Serentak 2024 · Kalimantan Selatan"
    )
    narrowed = Filters(
        election_id="pilkada-2024",
        province_code="63",
        regency_code="63.09",
        category_code="kampanye_medsos",
        position_code="jpt",
        agency_level="kabupaten",
        date_from=date(2024, 9, 12),
        date_to=date(2024, 11, 3),
    )
    assert scope_line(narrowed, NAMES, "id") == (
        "Pilkada Serentak 2024 · Kab. Tabalong, Kalimantan Selatan · "
        "Kampanye di media sosial · JPT · Pemerintah kabupaten · "
        "12 September 2024 – 3 November 2024"
    )
    # the public's dates are whole months, and said so
    assert scope_line(narrowed, NAMES, "id", public=True).endswith("September 2024 – November 2024")
    assert scope_line(Filters(), NAMES, "en") == "All cycles · Kalimantan"


def test_the_file_name_carries_the_scope_in_codes():
    assert scope_slug(None) == "semua-siklus_kalimantan"
    assert (
        scope_slug(
            Filters(election_id="pilkada-2024", province_code="63", regency_code="63.09", date_from=date(2024, 9, 1))
        )
        == "pilkada-2024_63-09_2024-09-01"
    )


def _bar() -> FigureSpec:
    return FigureSpec(
        [{"type": "bar", "x": ["a", "b"], "y": [3, 4]}],
        {"title": {"text": "Berapa kasus per jenis?"}, "margin": {"t": 20}},
    )


def _texts(fig: FigureSpec) -> dict[str, str]:
    layout = fig.to_plotly().to_dict()["layout"]  # checked by Plotly itself
    found = {"title": layout["title"]["text"], "subtitle": layout["title"]["subtitle"]["text"]}
    for annotation in layout.get("annotations", []):
        found[annotation["name"]] = annotation["text"]
    return found


def test_an_exported_chart_carries_question_scope_source_date_and_the_stamp():
    context = ExportContext(
        scope="Pilkada Serentak 2024 · Kalimantan Selatan",
        source="Register demo <sintetis>",
        as_of="November 2026",
        synthetic=True,
        lang="id",
    )
    texts = _texts(with_export_context(_bar(), context))
    assert texts["title"] == "Berapa kasus per jenis?"
    assert texts["subtitle"] == "Pilkada Serentak 2024 · Kalimantan Selatan"
    assert "Sumber: Register demo &lt;sintetis&gt;" in texts[FOOTER_NAME]  # text from data stays text
    assert "Data per November 2026" in texts[FOOTER_NAME]
    assert texts[STAMP_NAME] == "DATA CONTOH SINTETIS"


def test_real_data_gets_no_stamp_and_english_gets_english():
    context = ExportContext(scope="All cycles · Kalimantan", source="KASN", as_of=None, synthetic=False, lang="en")
    texts = _texts(with_export_context(_bar(), context))
    assert STAMP_NAME not in texts and texts[FOOTER_NAME].startswith("Source: KASN")
    # applied twice (a deck re-exports a chart), it still has one footer
    twice = with_export_context(with_export_context(_bar(), context), context)
    assert [a["name"] for a in twice.layout["annotations"]] == [FOOTER_NAME]


def test_a_chart_csv_writes_counts_as_integers_and_gaps_as_empty():
    frame = pd.DataFrame({"kasus": [33.0, None, 4.0], "tingkat": [0.5, 1.0, 2.0]})
    assert safe_csv_bytes(chart_numbers_csv(frame)).decode("utf-8-sig").splitlines() == [
        '"kasus","tingkat"',
        "33,0.5",
        '"",1.0',
        "4,2.0",
    ]


def test_a_charts_numbers_are_its_own_columns_with_their_withheld_flags():
    from analytics.disclosure import with_withheld_flags as numbers_of

    wide = pd.DataFrame(
        {
            "region_code": ["63.09"],
            "region_name": ["Kab. Tabalong"],
            "reported": [3.0],
            "reported_withheld": [True],
            "proven": [1.0],
            "proven_withheld": [True],
            "per_1000": [0.2],
        }
    )
    wide.attrs["adjusted"] = True
    shown = numbers_of(wide, ["region_code", "region_name", "reported"])
    assert list(shown.columns) == ["region_code", "region_name", "reported", "reported_withheld"]
    assert shown.attrs["adjusted"] is True


def test_a_count_at_an_age_is_never_shown_above_its_final_count():
    from analytics.cycle_compare import no_more_than_final

    at_age = pd.Series({"reported": 171.0, "recommended": 136.0, "followup_rate_pct": 80.0})
    final = pd.Series({"reported": 171.0, "recommended": 133.0, "followup_rate_pct": 93.0})
    shown = no_more_than_final(at_age, final)
    assert shown["recommended"] == 133 and shown["reported"] == 171 and shown["followup_rate_pct"] == 80
    assert at_age["recommended"] == 136  # the caller's numbers are not changed


def test_a_trend_csv_lists_the_periods_the_public_table_left_out():
    from analytics.charts.summary import with_unshown_rows

    public = pd.DataFrame(
        {
            "period_start": pd.to_datetime(["2024-10-07", "2024-10-21"]),
            "reported": [8.0, 6.0],
            "proven": [None, 5.0],
            "reported_withheld": [False, False],
            "proven_withheld": [True, False],
        }
    )
    full = with_unshown_rows(public, "week")
    assert list(full["period_start"].dt.strftime("%m-%d")) == ["10-07", "10-14", "10-21"]
    left_out = full.iloc[1]
    assert pd.isna(left_out["reported"]) and left_out["reported_withheld"] and left_out["proven_withheld"]
