"""Open data: aggregates only, small counts withheld, each download with its licence, source and date."""

import io
import zipfile

import pandas as pd

from analytics import open_data


def test_register_aggregates_withhold_small_counts(cur):
    datasets = {d.name: d for d in open_data.register_datasets(cur)}
    regions = datasets["kasus_per_kabupaten_kota"].frame
    counts = regions["reported"].dropna()
    assert not counts.between(1, 4).any()
    # fixture: Tabalong has 2 pilkada-2024 cases: withheld and flagged, and its rate too;
    # Kukar has one: it reads the same
    tabalong = regions[(regions.election_id == "pilkada-2024") & (regions.region_code == "63.09")].iloc[0]
    assert tabalong["reported_withheld"] and pd.isna(tabalong["reported"])
    nothing = regions[(regions.election_id == "pilkada-2024") & (regions.region_code == "64.02")].iloc[0]
    assert nothing["reported_withheld"] and pd.isna(nothing["reported"])
    assert regions["followup_rate_pct"].dropna().empty
    for dataset in datasets.values():
        assert not {"case_id", "asn_name", "nip", "agency_name"} & set(dataset.frame.columns)


def test_bundle_has_the_csv_and_a_readme_with_licence_source_and_date(cur):
    dataset = open_data.reference_datasets(cur)[0]
    archive = zipfile.ZipFile(io.BytesIO(open_data.bundle(dataset, "id")))
    assert sorted(archive.namelist()) == ["README.txt", "angka_resmi.csv"]
    readme = archive.read("README.txt").decode("utf-8")
    assert "Lisensi:" in readme and "Sumber:" in readme and "Data per: 6 Februari 2024" in readme
    assert archive.read("angka_resmi.csv").decode("utf-8-sig").startswith('"figure_id",')
