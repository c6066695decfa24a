"""The determined visitor of the threat model (README "Perlindungan angka publik"), in the suite:
a register of more than 3,000 cases imported by an organisation with a planted name and NIP on
every case, only public answers, every attack of
``benchmarks.privacy_attacks``. Against the public release it recovers at most 5 % of the true
small regency x category cells and no report date; against plain small-count suppression, the
protection before, the same attacks recover far more (so the attacks themselves work)."""

from __future__ import annotations

import pytest

from analytics.filters import Filters
from benchmarks import privacy_attacks

LIMIT = 0.05


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    con, ask, truth, cases, open_categories = privacy_attacks.attack_register(
        tmp_path_factory.mktemp("attack_register"), 12_000, 7
    )
    yield ask, truth, cases, open_categories
    con.close()


@pytest.fixture(scope="module")
def against_release(register):
    ask, truth, cases, open_categories = register
    recording = privacy_attacks.Recording(ask)
    return (*privacy_attacks.run_all(recording, truth, cases, open_categories), recording)


def test_the_register_is_large_enough(register):
    _, _, cases, _ = register
    assert len(cases) >= 3_000


@pytest.mark.parametrize("attack", range(7))
def test_each_attack_recovers_at_most_five_percent_of_small_cells(against_release, attack):
    outcomes, _, _, _ = against_release
    outcome = outcomes[attack]
    assert outcome.targets >= 100, "too few small cells to judge"
    assert outcome.rate <= LIMIT, outcome.as_dict()


def test_no_single_case_report_date_comes_back(against_release):
    _, dates, _, _ = against_release
    assert dates.targets >= 20
    assert dates.recovered == 0, dates.as_dict()


def test_no_planted_name_or_nip_is_in_anything_the_visitor_received(against_release, register):
    _, _, _, recording = against_release
    received = recording.text()
    _, truth, cases, _ = register
    assert len(recording.answers) > 1000
    for index in range(0, len(cases), 97):
        assert privacy_attacks.planted_name(index) not in received
        assert privacy_attacks.planted_nip(index) not in received
    assert "penyerang-uji" not in received


def test_analysts_see_the_names_register_exactly(register):
    """The same register is exact for analysts: its true counts are the attack's targets."""
    _, truth, cases, _ = register
    headline = truth("headline_numbers", Filters(election_id="pilkada-2024")).iloc[0]
    assert headline["reported"] == (cases["election_id"] == "pilkada-2024").sum()


def test_the_same_attacks_break_plain_suppression(register):
    """The baseline: each count of 1-4 withheld on its own. The attacks are strong enough to
    matter: they recover at least twice the release's limit of the cells (14.5 % on this
    register) and every report date there."""
    ask, truth, cases, _ = register
    baseline = privacy_attacks.suppression_only(truth)
    open_categories = baseline("cases_by_dimension", Filters(), dimension="category")
    outcomes, dates, _ = privacy_attacks.run_all(baseline, truth, cases, open_categories)
    assert outcomes[-1].rate >= 2 * LIMIT, outcomes[-1].as_dict()
    assert dates.recovered == dates.targets
