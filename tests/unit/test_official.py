"""Shaping of published figures: conflicting statements stay separate, never summed or averaged."""

from datetime import date

import pandas as pd

from analytics import official


def registry() -> pd.DataFrame:
    rows = [
        # figure_id, election, voting, scope, region, area, metric, breakdown, value, as_of, published
        (
            "F1",
            "pilkada-2020",
            date(2020, 12, 9),
            "national",
            None,
            None,
            "asn_reported",
            None,
            2034,
            date(2023, 1, 31),
            date(2023, 1, 31),
        ),
        (
            "F2",
            "pilkada-2020",
            date(2020, 12, 9),
            "national",
            None,
            None,
            "asn_reported",
            None,
            2007,
            date(2021, 12, 1),
            date(2021, 12, 20),
        ),
        (
            "F3",
            "pilkada-2020",
            date(2020, 12, 9),
            "national",
            None,
            None,
            "asn_reported",
            None,
            369,
            date(2020, 6, 26),
            date(2020, 6, 26),
        ),
        ("F4", "pilkada-2020", date(2020, 12, 9), "national", None, None, "asn_proven", None, 1500, None, None),
        (
            "F5",
            "pemilu-2024",
            date(2024, 2, 14),
            "national",
            None,
            None,
            "asn_reported",
            None,
            403,
            date(2024, 2, 6),
            date(2024, 2, 6),
        ),
        (
            "F6",
            "pilkada-2020",
            date(2020, 12, 9),
            "province",
            "63",
            "Kalimantan Selatan",
            "ikp_score",
            None,
            69.70,
            date(2020, 3, 11),
            date(2020, 3, 11),
        ),
        (
            "F7",
            "pilkada-2020",
            date(2020, 12, 9),
            "province",
            "63",
            "Kalimantan Selatan",
            "ikp_score",
            None,
            51.65,
            date(2020, 3, 11),
            date(2020, 3, 12),
        ),
        (
            "F8",
            "pilkada-2020",
            date(2020, 12, 9),
            "regency",
            "63.71",
            "Kota Banjarmasin",
            "asn_reported",
            None,
            5,
            date(2020, 12, 1),
            date(2020, 12, 1),
        ),
        (
            "F9",
            "pilkada-2020",
            date(2020, 12, 9),
            "national",
            None,
            None,
            "category_share_pct",
            "kampanye_medsos",
            30.5,
            date(2020, 12, 1),
            date(2020, 12, 1),
        ),
        (
            "F10",
            "pilkada-2020",
            date(2020, 12, 9),
            "province",
            None,
            "Sulawesi Selatan",
            "asn_reported",
            None,
            90,
            date(2020, 9, 30),
            date(2020, 9, 30),
        ),
        (
            "F11",
            "pilkada-2020",
            date(2020, 12, 9),
            "province",
            None,
            "Sulawesi Selatan",
            "asn_reported",
            None,
            90,
            date(2020, 10, 30),
            date(2020, 10, 30),
        ),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "figure_id",
            "election_id",
            "voting_date",
            "scope",
            "region_code",
            "area_label",
            "metric",
            "breakdown",
            "value",
            "as_of_date",
            "published_date",
        ],
    )
    for column in ("voting_date", "as_of_date", "published_date"):
        frame[column] = pd.to_datetime(frame[column])
    frame["unit"] = frame["metric"].map({"ikp_score": "score", "category_share_pct": "percent"}).fillna("ASN")
    return frame


def test_national_series_keeps_every_statement_in_cycle_order():
    series = official.national_series(registry())
    assert list(series["figure_id"]) == ["F4", "F3", "F2", "F1", "F5"]  # 2020 proven, 2020 reported by date, 2024
    assert "F9" not in set(series["figure_id"])  # breakdown shares are not totals


def test_conflicts_group_the_differing_values_of_one_quantity():
    clashing = official.conflicts(registry())
    groups = clashing.groupby("conflict_group")["figure_id"].apply(list).to_dict()
    assert sorted(groups.values()) == [["F3", "F2", "F1"], ["F6", "F7"]]
    # the same value stated twice (F10, F11) is not a conflict
    assert not {"F10", "F11"} & set(clashing["figure_id"])
    assert set(clashing.loc[clashing.figure_id.isin(["F1", "F2", "F3"]), "distinct_values"]) == {3}


def test_loosely_worded_units_still_conflict():
    figures = registry()
    figures.loc[figures.figure_id == "F2", "unit"] = "violations"  # the same total, worded differently
    assert {"F1", "F2", "F3"} <= set(official.conflicts(figures)["figure_id"])


def test_conflicts_of_a_clean_registry_is_empty():
    assert official.conflicts(registry().query("figure_id == 'F5'")).empty


def test_snapshots_are_the_dated_statements_of_one_cycle():
    lines = official.snapshots(registry(), "pilkada-2020", ("asn_reported", "asn_proven"))
    assert list(lines["figure_id"]) == ["F3", "F2", "F1"]  # F4 has no date


def test_latest_by_region_picks_the_most_recent_and_counts_the_rest():
    latest = official.latest_by_region(registry(), "ikp_score", "province").set_index("region_code")
    assert latest.loc["63", "figure_id"] == "F7"  # same as-of date, published a day later
    assert latest.loc["63", "figures_count"] == 2
    assert official.latest_by_region(registry(), "ikp_score", "regency").empty
    assert list(official.latest_by_region(registry(), "asn_reported", "regency")["figure_id"]) == ["F8"]
    assert official.latest_by_region(registry(), "asn_reported", "regency", "pemilu-2024").empty


def test_kalimantan_metrics_counts_per_level():
    table = official.kalimantan_metrics(registry())
    assert {(r.metric, r.level, r.figures) for r in table.itertuples()} == {
        ("ikp_score", "province", 2),
        ("asn_reported", "regency", 1),
    }


def test_ikp_beside_counts_keeps_each_figure():
    table = official.ikp_beside_counts(registry())
    assert list(zip(table["figure_id"], table["kind"])) == [("F6", "ikp"), ("F7", "ikp"), ("F8", "count")]


def test_the_registry_in_scope_is_national_plus_the_chosen_kalimantan_area():
    figures = pd.DataFrame(
        {
            "figure_id": ["N", "KALSEL", "BANJAR", "KALTIM", "SAMARINDA", "JATENG"],
            "scope": ["national", "province", "regency", "province", "regency", "province"],
            "region_code": [None, "63", "63.03", "64", "64.72", None],
            "area_label": [
                None,
                "Kalimantan Selatan",
                "Kabupaten Banjar",
                "Kalimantan Timur",
                "Kota Samarinda",
                "Jawa Tengah",
            ],
        }
    )

    def ids(**scope):
        return set(official.in_scope(figures, **scope)["figure_id"])

    assert ids() == {"N", "KALSEL", "BANJAR", "KALTIM", "SAMARINDA"}
    assert ids(outside_kalimantan=True) == set(figures["figure_id"])
    assert ids(province_code="63") == {"N", "KALSEL", "BANJAR"}
    assert ids(province_code="64", regency_code="64.72") == {"N", "KALTIM", "SAMARINDA"}
    # a code that only begins like another is not inside it
    assert ids(province_code="6") == {"N"}


def test_a_coded_place_is_shown_under_its_one_name_whatever_the_source_wrote():
    figures = pd.DataFrame(
        {"region_name": ["Kota Palangkaraya", None, None], "area_label": ["Kota Palangka Raya", "Jawa Tengah", None]}
    )
    assert official.area_names(figures, "Nasional").tolist() == ["Kota Palangkaraya", "Jawa Tengah", "Nasional"]
