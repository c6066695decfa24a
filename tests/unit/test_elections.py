"""Cycle labels and the previous comparable cycle, read from the elections table."""

from __future__ import annotations

import pandas as pd

from analytics import elections as cycles

ELECTIONS = pd.DataFrame(
    {
        "election_id": ["pilkada-2024", "pemilu-2024", "pilkada-2020"],
        "label_id": ["Pilkada Serentak 2024", "Pemilu 2024", "Pilkada Serentak 2020"],
        "label_en": ["2024 regional elections", "2024 general election", "2020 regional elections"],
        "previous_election_id": ["pilkada-2020", "pemilu-2019", None],
    }
)


def test_labels_follow_the_language_and_the_tables_order():
    assert list(cycles.labels(ELECTIONS, "en").values()) == list(ELECTIONS["label_en"])
    assert cycles.labels(ELECTIONS, "id")["pemilu-2024"] == "Pemilu 2024"
    assert cycles.label(ELECTIONS.set_index("election_id"), "pilkada-2020", "en") == "2020 regional elections"
    assert cycles.label(ELECTIONS, None, "id") is None


def test_the_previous_cycle_is_the_same_kind_of_election_or_none():
    assert cycles.previous(ELECTIONS, "pilkada-2024") == "pilkada-2020"
    assert cycles.previous(ELECTIONS, "pilkada-2020") is None  # the first in the table
    assert cycles.previous(ELECTIONS, "pilkada-2099") is None  # unknown
    assert cycles.previous(ELECTIONS, None) is None
