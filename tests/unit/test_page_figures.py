"""Figure builders of the analyst pages: the numbers drawn are the numbers given."""

import html
from datetime import date

import pandas as pd

from analytics import palette
from analytics.charts import categories as category_charts
from analytics.charts import events as event_charts
from analytics.charts import followup as followup_charts
from analytics.charts import official as official_charts
from analytics.charts.spec import wrap_label


def test_wrap_label_breaks_long_labels_only():
    assert wrap_label("Lainnya") == "Lainnya"
    wrapped = wrap_label("Posting, komentar, share, like atau ikut grup/akun pemenangan", 28)
    assert all(len(line) <= 28 for line in wrapped.split("\n"))
    assert wrapped.replace("\n", " ") == "Posting, komentar, share, like atau ikut grup/akun pemenangan"


def test_shares_are_per_cycle():
    counts = pd.DataFrame({"election_id": ["a", "a", "b"], "code": ["x", "y", "x"], "reported": [3, 1, 5]})
    assert category_charts.shares(counts)["share_pct"].tolist() == [75.0, 25.0, 100.0]


def _counts(**attrs) -> pd.DataFrame:
    counts = pd.DataFrame(
        {
            "election_id": ["a", "a", "b", "b"],
            "code": ["x", "y", "x", "z"],
            "label": ["X", "Y", "X", "Z"],
            "reported": [3, 1, 2, 2],
            "share_pct": [75.0, 25.0, 50.0, 50.0],
        }
    )
    counts.attrs.update(attrs)
    return counts


def test_a_category_a_cycle_does_not_record_reads_so_and_an_exact_absent_one_is_zero():
    # cycle a never uses z; cycle b uses y but had no case of it in this selection
    recorded = {("a", "x"), ("a", "y"), ("b", "x"), ("b", "y"), ("b", "z")}
    states = category_charts.share_states(_counts(), ["a", "b"], recorded).set_index(["election_id", "code"])
    assert states.loc[("a", "z"), "state"] == category_charts.NOT_RECORDED
    assert states.loc[("b", "y"), "state"] == category_charts.SHOWN and states.loc[("b", "y"), "share_pct"] == 0.0
    fig = category_charts.cycle_comparison_figure(
        states.reset_index(), {"a": "Cycle A", "b": "Cycle B"}, "Q?"
    ).to_plotly()
    by_name = {trace.name: trace for trace in fig.data}
    assert list(by_name["Cycle A: tidak dicatat pada siklus ini"].y) == ["Z"]
    assert list(by_name["Cycle A: tidak dicatat pada siklus ini"].text) == ["tidak dicatat pada siklus ini"]
    assert dict(zip(by_name["Cycle B"].y, by_name["Cycle B"].text)) == {"X": "50,0%", "Y": "0,0%", "Z": "50,0%"}
    assert list(fig.layout.yaxis.categoryarray) == ["Z", "Y", "X"]  # the focus cycle's order, ascending


def test_in_a_public_table_an_absent_category_is_withheld_not_zero():
    counts = _counts(adjusted=True)
    recorded = {("a", "x"), ("a", "y"), ("a", "z"), ("b", "x"), ("b", "y"), ("b", "z")}
    states = category_charts.share_states(counts, ["a", "b"], recorded).set_index(["election_id", "code"])
    assert states.loc[("a", "z"), "state"] == category_charts.WITHHELD
    assert states.loc[("b", "y"), "state"] == category_charts.WITHHELD
    fig = category_charts.cycle_comparison_figure(states.reset_index(), {"a": "A", "b": "B"}, "Q?").to_plotly()
    hatched = {trace.name: trace for trace in fig.data}["A: &lt; 5"]
    assert list(hatched.y) == ["Z"] and hatched.marker.pattern.shape == "/"


def test_crosstab_pivots_counts():
    table = pd.DataFrame({"row_label": ["R1", "R1", "R2"], "column_label": ["C1", "C2", "C1"], "reported": [4, 1, 2]})
    heat = category_charts.crosstab_figure(table, "Q?", "C", None).to_plotly().data[0]
    z = {(y, x): heat.z[i][j] for i, y in enumerate(heat.y) for j, x in enumerate(heat.x)}
    assert z == {("R2", "C1"): 2, ("R2", "C2"): 0, ("R1", "C1"): 4, ("R1", "C2"): 1}


def test_crosstab_column_labels_are_single_lines_at_an_angle():
    # a wrapped label at 45° fans into its neighbour once the columns are narrow (a phone)
    long = "Jabatan pimpinan tinggi (JPT)"
    table = pd.DataFrame(
        {"row_label": ["R1", "R1"], "column_label": [long, "Kepala wilayah (camat/lurah)"], "reported": [4, 1]}
    )
    fig = category_charts.crosstab_figure(table, "Q?", "C", None).to_plotly()
    assert long in fig.data[0].x and not any("<br>" in x or "\n" in x for x in fig.data[0].x)
    assert fig.layout.xaxis.tickangle == -45


def test_funnel_table_and_figure():
    headline = pd.Series(
        {"reported": 10, "registered": 8, "proven": 4, "recommended": 4, "followed_up": 2, "sanctioned": 2}
    )
    funnel = followup_charts.funnel_table(headline)
    assert funnel["cases"].tolist() == [10, 8, 4, 4, 2, 2]
    assert funnel["pct_of_reported"].tolist() == [100.0, 80.0, 40.0, 40.0, 20.0, 20.0]
    assert list(followup_charts.funnel_figure(funnel).to_plotly().data[0].x) == [10, 8, 4, 4, 2, 2]


def test_agency_ranking_leaves_out_small_agencies():
    agencies = pd.DataFrame(
        {
            "ppk_agency": ["A", "B", "C"],
            "recommended": [10, 4, 6],
            "followed_up": [2, 0, 6],
            "pending": [8, 4, 0],
            "refused": [0, 0, 0],
            "followup_rate_pct": [20.0, 0.0, 100.0],
        }
    )
    bars = followup_charts.agency_followup_figure(agencies, min_recommended=5).to_plotly().data[0]
    assert list(bars.y) == ["C", "A"]  # lowest rate on top after the reversal; B has too few


def test_agency_ranking_labels_a_withheld_rate_instead_of_an_empty_bar():
    agencies = pd.DataFrame(
        {
            "ppk_agency": ["A", "T", "C"],
            "recommended": [10.0, 6.0, 8.0],
            "followed_up": [6.0, None, 8.0],
            "pending": [4.0, None, None],
            "refused": [None] * 3,
            "followup_rate_pct": [60.0, None, 100.0],
            "followup_rate_pct_withheld": [False, True, False],
        }
    )
    bars = followup_charts.agency_followup_figure(agencies).to_plotly().data[0]
    assert list(bars.y) == ["T", "C", "A"]  # ranked first (on top after the reversal), withheld after
    assert [html.unescape(t) for t in bars.text] == ["n < 5", "100,0%", "60,0%"]
    assert bars.marker.color[0] == palette.WITHHELD and bars.x[0] == 0


def test_backlog_stacks_every_band_for_every_stage():
    backlog = pd.DataFrame(
        {"open_stage": ["pemeriksaan", "menunggu_ppk"], "age_band": ["0-30", ">365"], "cases": [3, 2]}
    )
    fig = followup_charts.backlog_figure(backlog).to_plotly()
    stages, zeros = fig.data[:3], fig.data[3]
    assert [sum(trace.y) for trace in stages] == [3, 0, 2]
    assert [html.unescape(x) for x in stages[0].x] == list(followup_charts.AGE_BANDS)
    # the bands without any open case say 0 (this is an exact table)
    assert list(zeros.x) == ["31-90", "91-180", "181-365"] and list(zeros.text) == ["0", "0", "0"]


def test_a_public_backlog_band_without_a_shown_count_is_a_labelled_stub_and_so_is_a_withheld_sanction():
    backlog = pd.DataFrame(
        {"open_stage": ["menunggu_ppk"], "age_band": ["91-180"], "cases": [8.0], "cases_withheld": [False]}
    )
    backlog.attrs["adjusted"] = True
    stub = followup_charts.backlog_figure(backlog).to_plotly().data[3]
    assert list(stub.x) == ["0-30", "31-90", "181-365", "&gt;365"] and set(stub.text) == {"&lt; 5"}
    assert stub.marker.pattern.shape == "/"
    mix = pd.DataFrame(
        {
            "label_id": ["Ringan", "Berat"],
            "label_en": ["Light", "Heavy"],
            "recommended": [7.0, None],
            "recommended_withheld": [False, True],
            "imposed": [0.0, None],
            "imposed_withheld": [False, True],
        }
    )
    by_name = {trace.name: trace for trace in followup_charts.sanction_mix_figure(mix).to_plotly().data}
    assert list(by_name["Direkomendasikan"].text) == ["7"] and list(by_name["Dijatuhkan PPK"].text) == ["0"]
    assert list(by_name["Direkomendasikan: &lt; 5"].y) == ["Berat"]


def test_before_after_markers_carry_the_counts():
    around = pd.DataFrame(
        {
            "event_date": [date(2024, 7, 17)],
            "region_name": ["Kabupaten Tabalong"],
            "title": ["MoU"],
            "before": [4],
            "after": [1],
        }
    )
    fig = event_charts.before_after_figure(around, 60).to_plotly()
    markers = [trace for trace in fig.data if trace.mode == "markers"]
    assert [list(trace.x) for trace in markers] == [[4], [1]]
    assert "17 Juli 2024" in markers[0].y[0]


def test_series_by_cycle_draws_every_statement():
    series = pd.DataFrame(
        {
            "figure_id": ["F1", "F2", "F3"],
            "election_id": ["p20", "p20", "p24"],
            "election_label_id": ["Pilkada 2020", "Pilkada 2020", "Pemilu 2024"],
            "election_label_en": ["a", "a", "b"],
            "voting_date": pd.to_datetime(["2020-12-09", "2020-12-09", "2024-02-14"]),
            "metric": ["asn_reported"] * 3,
            "metric_label_id": ["ASN dilaporkan"] * 3,
            "metric_label_en": ["x"] * 3,
            "value": [2034.0, 2007.0, 403.0],
            "as_of_date": pd.to_datetime(["2023-01-31", "2021-12-01", "2024-02-06"]),
            "as_of_precision": ["day", "month", "day"],
            "publisher": ["A", "B", "C"],
        }
    )
    trace = official_charts.series_by_cycle_figure(series).to_plotly().data[0]
    assert list(trace.y) == [2034.0, 2007.0, 403.0]  # both 2020 statements kept, not averaged
    assert trace.customdata[1][0] == "Desember 2021"


def test_timeline_voting_days_have_short_level_labels_on_alternate_rows():
    events = pd.DataFrame(
        {
            "province_code": ["63", "64"],
            "province_name": ["Kalimantan Selatan", "Kalimantan Timur"],
            "event_date": ["2023-12-01", "2024-12-01"],
            "date_precision": ["day", "month"],
            "event_type": ["rakor", "ikrar"],
            "event_type_order": [1, 2],
            "event_type_label_id": ["Rapat koordinasi", "Ikrar"],
            "event_type_label_en": ["Coordination", "Pledge"],
            "region_name": ["Kota Banjarmasin", "Kota Samarinda"],
            "title": ["A", "B"],
            "organizer": ["X", "Y"],
        }
    )
    calendar = pd.DataFrame(
        {
            "election_type": ["pilkada", "pemilu", "pilkada"],
            "election_year": [2024, 2024, 2018],
            "voting_date": ["2024-11-27", "2024-02-14", "2018-06-27"],
        }
    )
    for lang, expected in (("id", ["Pemilu 2024", "Pilkada 2024"]), ("en", ["2024 general", "2024 regional"])):
        labels = event_charts.events_timeline_figure(events, calendar, lang).to_plotly().layout.annotations
        assert [label.text for label in labels] == expected  # 2018 lies outside the events' range
        assert all(not label.textangle for label in labels)
        assert labels[0].yshift != labels[1].yshift  # neighbours on separate rows


def test_the_analysts_backlog_numbers_hold_every_band_the_chart_draws_as_zero():
    backlog = pd.DataFrame(
        {
            "open_stage": ["menunggu_ppk"],
            "stage_order": [3],
            "age_band": ["31-90"],
            "band_order": [2],
            "cases": [4],
            "oldest_days": [60],
        }
    )
    numbers = followup_charts.backlog_numbers(backlog)
    assert len(numbers) == 15 and numbers["cases"].sum() == 4
    assert numbers.set_index(["open_stage", "age_band"]).loc[("pemeriksaan", ">365"), "cases"] == 0
    assert numbers["band_order"].tolist()[:5] == [1, 2, 3, 4, 5]
