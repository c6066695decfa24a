"""The queries behind Jenis pelanggaran, Sanksi, Sosialisasi and Angka resmi, against hand counts.

The fixture register (tests/conftest.py) has six cases and three recommendations; every
expected number below is counted by hand from those rows.
"""

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from analytics import db, queries
from analytics.filters import Filters
from tests.conftest import FIXTURE_REFERENCE, fixture_cases, fixture_sanctions, write_register

AS_OF = date(2025, 3, 31)


def test_crosstab_counts_each_pair_once(cur):
    table = queries.cases_crosstab(cur, Filters(), "category", "position")
    cells = {(r.row_code, r.column_code): (r.reported, r.proven) for r in table.itertuples()}
    # C1, C4, C5 are kampanye_medsos by a JPT; C1 and C5 are proven
    assert cells == {
        ("kampanye_medsos", "jpt"): (3, 2),
        ("hadir_kampanye", "pelaksana"): (1, 1),
        ("interaksi_medsos", "fungsional"): (1, 0),
        ("alat_peraga", "pelaksana"): (1, 0),
    }
    assert table["reported"].sum() == 6


def test_crosstab_rejects_an_unknown_dimension(cur):
    with pytest.raises(ValueError, match="nip"):
        queries.cases_crosstab(cur, Filters(), "category", "nip")


def test_followup_by_agency(cur):
    table = queries.followup_by_agency(cur, Filters()).set_index("ppk_agency")
    tabalong = table.loc["Bupati Tabalong"]
    # C1 followed up after 30 days, C2 still waiting
    assert (tabalong.recommended, tabalong.followed_up, tabalong.pending, tabalong.refused) == (2, 1, 1, 0)
    assert tabalong.followup_rate_pct == 50.0
    assert tabalong.median_days_to_followup == 30
    assert table.loc["Wali Kota Banjarmasin", "median_days_to_followup"] == 42  # 20 Oct -> 1 Dec 2020


def test_followup_by_agency_follows_the_election_filter(cur):
    table = queries.followup_by_agency(cur, Filters(election_id="pilkada-2020"))
    assert list(table["ppk_agency"]) == ["Wali Kota Banjarmasin"]


def test_stage_durations_by_hand(cur):
    stages = queries.stage_durations(cur, Filters()).set_index("stage")
    assert list(stages.index) == ["bawaslu", "forwarding", "recommendation", "followup"]
    # decided cases: C1 5 d, C2 5 d, C3 4 d, C5 4 d, C6 2 d (not registered)
    assert stages.loc["bawaslu", "cases"] == 5
    assert stages.loc["bawaslu", "median_days"] == 4
    assert stages.loc["bawaslu", "within_service_level"] == 5
    assert stages.loc["forwarding", "median_days"] == 2  # C1 2, C2 1, C5 2
    assert stages.loc["recommendation", "max_days"] == 14  # C2: 16 -> 30 Oct
    assert stages.loc["followup", "cases"] == 2  # C1 and C5 answered
    assert pd.isna(stages.loc["followup", "within_service_level"])  # no service level for the PPK


@pytest.fixture()
def late_register_cur(tmp_path):
    """The fixture register with C3 decided late and C6 refused registration late."""
    cases = fixture_cases()
    cases.loc[cases.case_id == "C3", "decided_date"] = date(2024, 11, 14)  # reported Fri 1 Nov
    cases.loc[cases.case_id == "C6", "decided_date"] = date(2020, 11, 9)  # reported 1 Nov, 8 days
    write_register(tmp_path, cases, fixture_sanctions())
    con = db.connect(db.resolve_sources(data_dir=tmp_path, reference_dir=FIXTURE_REFERENCE))
    yield con
    con.close()


def test_service_levels_count_late_decisions(late_register_cur):
    bawaslu = queries.stage_durations(late_register_cur, Filters()).set_index("stage").loc["bawaslu"]
    # C3: registration deadline Fri 8 Nov, + 3 working days = Wed 13 Nov; decided 14 Nov is late.
    # C6 was not registered: its deadline is 8 Nov alone; decided 9 Nov is late.
    assert bawaslu.within_service_level == 3
    assert bawaslu.within_service_level_pct == 60.0


def test_add_working_days_matches_numpy(cur):
    start = date(2024, 7, 1)
    for offset in range(14):
        day = start + timedelta(days=offset)
        for n in range(8):
            got = cur.execute("SELECT add_working_days($d::DATE, $n)", {"d": day, "n": n}).fetchone()[0]
            assert got == np.busday_offset(np.datetime64(day), n, roll="backward").astype(date), (day, n)


def test_backlog_by_age(cur):
    backlog = queries.backlog_by_age(cur, Filters(), AS_OF)
    rows = {(r.open_stage, r.age_band): (r.cases, r.oldest_days) for r in backlog.itertuples()}
    # C4 reported 20 Nov 2024, still in examination: 131 days; C2 recommended 30 Oct 2024: 152 days
    assert rows == {("pemeriksaan", "91-180"): (1, 131), ("menunggu_ppk", "91-180"): (1, 152)}


def test_backlog_ages_move_with_the_as_of_date(cur):
    backlog = queries.backlog_by_age(cur, Filters(), date(2024, 12, 1))
    rows = {(r.open_stage, r.age_band) for r in backlog.itertuples()}
    assert rows == {("pemeriksaan", "0-30"), ("menunggu_ppk", "31-90")}


def test_sanction_mix_lists_every_type_in_severity_order(cur):
    mix = queries.sanction_mix(cur, Filters())
    assert list(mix["severity"]) == sorted(mix["severity"])
    counts = mix.set_index("code")[["recommended", "imposed"]]
    assert counts.loc["disiplin_berat"].tolist() == [1, 0]  # C2: recommended, not yet imposed
    assert counts.loc["disiplin_sedang"].tolist() == [1, 1]
    assert counts.loc["moral_terbuka"].tolist() == [1, 1]
    assert counts.loc["ptdh"].tolist() == [0, 0]


def test_events_follow_area_and_dates_not_the_election(cur):
    assert list(queries.events(cur, Filters(election_id="pilkada-2020"))["event_id"]) == ["EV001", "EV002"]
    assert list(queries.events(cur, Filters(regency_code="63.71"))["event_id"]) == ["EV002"]
    assert list(queries.events(cur, Filters(date_to=date(2024, 8, 1)))["event_id"]) == ["EV001"]
    assert queries.events(cur, Filters(province_code="64")).empty


def test_cases_around_events(cur):
    around = queries.cases_around_events(cur, Filters(), window_days=30).set_index("event_id")
    # EV002 (Banjarmasin, 22 Nov 2024): C3 reported 1 Nov is 21 days before; nothing after
    assert around.loc["EV002", ["before", "after"]].tolist() == [1, 0]
    assert around.loc["EV001", ["before", "after"]].tolist() == [0, 0]
    narrow = queries.cases_around_events(cur, Filters(), window_days=20).set_index("event_id")
    assert narrow.loc["EV002", "before"] == 0


def test_cases_around_events_rejects_a_non_positive_window(cur):
    with pytest.raises(ValueError):
        queries.cases_around_events(cur, Filters(), window_days=0)


def test_published_figures_keep_conflicting_rows(cur):
    figures = queries.published_figures(cur, election_id="pilkada-2020")
    national = figures[(figures.metric == "asn_reported") & (figures.scope == "national")]
    assert sorted(national["value"]) == [2007, 2034]
    assert set(figures["metric_group"]) == {"violations"}
    assert queries.published_figures(cur, metric_group="sanctions").empty
