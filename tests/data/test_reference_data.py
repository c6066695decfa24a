"""The real curated data in data/ against the catalog."""

from __future__ import annotations

import re

import duckdb
import pandas as pd
import pytest

from analytics import settings
from analytics.catalog import csv_columns_spec, load_catalog, quote_literal

CATALOG = load_catalog()
REAL_TABLES = [t for t in CATALOG if t.is_real]


def read_raw(table) -> pd.DataFrame:
    return pd.read_csv(settings.REFERENCE_DIR / table.file, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def frames():
    return {t.name: read_raw(t) for t in REAL_TABLES}


@pytest.mark.parametrize("table", REAL_TABLES, ids=lambda t: t.name)
def test_columns_are_exactly_the_catalog(table, frames):
    assert list(frames[table.name].columns) == table.column_names


@pytest.mark.parametrize("table", REAL_TABLES, ids=lambda t: t.name)
def test_values_parse_as_declared_types(table):
    path = quote_literal(str(settings.REFERENCE_DIR / table.file))
    con = duckdb.connect()
    con.execute(f"SELECT * FROM read_csv({path}, header = true, columns = {csv_columns_spec(table)}, auto_detect = false)")


@pytest.mark.parametrize("table", REAL_TABLES, ids=lambda t: t.name)
def test_required_allowed_and_unique(table, frames):
    frame = frames[table.name]
    for column in table.columns:
        values = frame[column.name]
        if column.required:
            empty = frame.index[values.str.strip() == ""].tolist()
            assert not empty, f"{table.name}.{column.name} empty in rows {[i + 2 for i in empty][:10]}"
        if column.allowed:
            bad = sorted(set(values[values != ""]) - set(column.allowed))
            assert not bad, f"{table.name}.{column.name} has values outside {column.allowed}: {bad}"
    duplicated = frame[frame.duplicated(list(table.primary_key), keep=False)]
    assert duplicated.empty, f"{table.name} duplicate keys: {duplicated[list(table.primary_key)].values.tolist()[:5]}"


@pytest.mark.parametrize("table", REAL_TABLES, ids=lambda t: t.name)
def test_references_exist(table, frames):
    for column in table.columns:
        if not column.references or CATALOG[column.reference_table].tier == "register":
            continue
        known = set(frames[column.reference_table][column.reference_column])
        values = frames[table.name][column.name]
        unknown = sorted(set(values[values != ""]) - known)
        assert not unknown, f"{table.name}.{column.name} refers to unknown {column.references}: {unknown}"


def test_breakdowns_are_category_or_position_codes(frames):
    figures = frames["published_figures"]
    known = set(frames["violation_categories"]["code"]) | set(frames["positions"]["code"])
    used = set(figures.loc[figures["breakdown"] != "", "breakdown"])
    assert used <= known, used - known
    shares = figures[figures["metric"].isin(["category_share_pct", "position_share_pct"])]
    assert (shares["breakdown"] != "").all()


def test_regions_are_5_provinces_and_56_regencies(frames):
    regions = frames["regions"]
    assert (regions["level"] == "province").sum() == 5
    assert (regions["level"] == "regency").sum() == 56
    regencies = regions[regions["level"] == "regency"]
    assert set(regencies["province_code"]) == {"61", "62", "63", "64", "65"}
    assert (regencies["region_code"].str.split(".").str[0] == regencies["province_code"]).all()
    # BPS and Kemendagri codes differ for 23 regencies (BPS 6402 is Kutai Barat, Kemendagri 64.02 Kutai Kartanegara)
    assert (regencies["region_code"].str.replace(".", "") != regencies["bps_code"]).sum() == 23
    assert regions.set_index("region_code").loc["64.02", "region_name"] == "Kabupaten Kutai Kartanegara"


def test_all_61_events_are_placed_dated_and_sourced(frames):
    events = frames["socialization_events"]
    assert len(events) == 61  # events.csv 30 + seed_events.csv 5 + events_2026-12.csv 26 (2 more refine rows)
    regencies = set(frames["regions"].query("level == 'regency'")["region_code"])
    assert set(events["region_code"]) <= regencies
    assert (events["date_precision"] != "").all() and (events["source_title"] != "").all()
    participants = events["participants_count"][events["participants_count"] != ""]
    assert participants.astype(int).gt(0).all()


def test_every_published_figure_has_a_source(frames):
    figures = frames["published_figures"]
    assert len(figures) >= 250
    assert figures["source_url"].str.startswith("http").all()
    assert (figures["publisher"] != "").all()


def test_conflicting_pilkada_2020_totals_stay_separate(frames):
    figures = frames["published_figures"]
    reported = figures[(figures["election_id"] == "pilkada-2020") & (figures["metric"] == "asn_reported")]
    values = set(reported["value"].astype(float))
    assert {2034.0, 2007.0} <= values


def test_elections_and_the_handover(frames):
    elections = frames["elections"].set_index("election_id")
    assert {"pilkada-2015", "pilkada-2017", "pilkada-2018", "pemilu-2019", "pilkada-2020", "pemilu-2024",
            "pilkada-2024"} <= set(elections.index)
    assert elections.loc["pilkada-2024", "voting_date"] == "2024-11-27"
    assert elections.loc["pemilu-2024", "previous_election_id"] == "pemilu-2019"
    milestones = frames["milestones"].set_index("milestone_id")
    assert milestones.loc["kasn-to-bkn", "milestone_date"] == "2024-08-24"


def test_real_headcounts_are_not_synthetic_and_sourced(frames):
    headcount = frames["asn_headcount"]
    assert (headcount["is_synthetic"].str.lower() == "false").all()
    assert headcount["source_url"].str.startswith("http").all()


def test_event_ids_never_change_and_batches_are_appended(frames):
    events = frames["socialization_events"]
    assert list(events["event_id"]) == [f"EV{n:03d}" for n in range(1, len(events) + 1)]
    dates = dict(zip(events["event_id"], events["event_date"], strict=True))
    first = [dates[f"EV{n:03d}"] for n in range(1, 36) if n != 18]  # EV018 got an exact date later
    batch_2026_12 = [dates[f"EV{n:03d}"] for n in range(36, 62)]
    assert first == sorted(first) and batch_2026_12 == sorted(batch_2026_12)


def real_total_headcount_regencies(frames) -> set[str]:
    headcount = frames["asn_headcount"]
    total = headcount[(headcount["is_synthetic"].str.lower() == "false")
                      & headcount["coverage"].isin(["regional_government", "all_agencies_in_region"])
                      & headcount["count_basis"].isin(["asn", "pns"])]
    return set(total["region_code"]) & set(frames["regions"].query("level == 'regency'")["region_code"])


def test_real_headcounts_cover_at_least_21_of_56_regencies(frames):
    assert len(real_total_headcount_regencies(frames)) >= 21  # 11 before the 2026-12 batch


def test_pppk_only_and_mixed_staff_counts_are_not_headcounts(frames):
    figures, headcount = frames["published_figures"], frames["asn_headcount"]
    partial = figures[figures["metric"].isin(["pppk_count", "employees_count"]) & (figures["region_code"] != "")]
    assert len(partial) >= 11
    held = set(zip(headcount["region_code"], headcount["asn_count"].astype(float)))
    copied = [fid for fid, code, value in zip(partial["figure_id"], partial["region_code"], partial["value"].astype(float))
              if (code, value) in held]
    assert not copied, f"PPPK-only or mixed counts in asn_headcount: {copied}"


# ---------------------------------------------------------------------------------------------
# Against the reference material the tables were curated from (../shared/reference)
# ---------------------------------------------------------------------------------------------

SHARED_REFERENCE = settings.REPO_DIR.parent / "shared" / "reference"
CURATION = settings.REFERENCE_DIR / "CURATION.md"
FACT_FILES = ["facts.csv", "facts_2026-12.csv"]
needs_reference = pytest.mark.skipif(not SHARED_REFERENCE.is_dir(), reason="../shared/reference is not here")


def read_reference(name: str) -> pd.DataFrame:
    return pd.read_csv(SHARED_REFERENCE / name, dtype=str, keep_default_na=False)


def left_out_ids(fact_file: str) -> set[str]:
    """The fact ids in the first column of CURATION.md's table '<fact_file> rows left out of published_figures'."""
    text = CURATION.read_text(encoding="utf-8")
    section = re.search(rf"^## {re.escape(fact_file)} rows left out of published_figures.*?(?=^## |\Z)", text, re.M | re.S)
    assert section, f"CURATION.md has no left-out table for {fact_file}"
    ids: set[str] = set()
    for line in section.group(0).splitlines():
        cells = line.split("|")
        if line.startswith("| ") and len(cells) > 2 and not cells[1].strip().startswith(("fact_id", "---")):
            ids |= set(re.findall(r"\b[FGH]\d{3}\b", cells[1]))
    return ids


def plain_number(text: str) -> float | None:
    """The value as a number when it is one (optionally marked ~ or >), else None."""
    text = text.strip().lstrip("~>")
    return float(text) if re.fullmatch(r"-?\d+(\.\d+)?", text) else None


def numbers_in(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


@needs_reference
@pytest.mark.parametrize("fact_file", FACT_FILES)
def test_every_fact_is_a_figure_or_left_out_with_a_reason(fact_file, frames):
    facts = read_reference(fact_file)
    figures = frames["published_figures"]
    base_id = figures["figure_id"].str.replace(r"[a-z]$", "", regex=True)
    left = left_out_ids(fact_file)
    assert left <= set(facts["fact_id"]), left - set(facts["fact_id"])
    for fact in facts.itertuples(index=False):
        rows = figures[base_id == fact.fact_id]
        if fact.fact_id in left:
            assert rows.empty, f"{fact.fact_id} is listed as left out but is in published_figures"
            assert plain_number(fact.value) is None, f"{fact.fact_id} states a number ({fact.value}) but was left out"
            continue
        assert not rows.empty, f"{fact.fact_id} is neither in published_figures nor listed as left out"
        if len(rows) == 1 and rows["figure_id"].iloc[0] == fact.fact_id:
            row = rows.iloc[0]
            number = plain_number(fact.value)
            if number is not None:
                assert float(row["value"]) == number, fact.fact_id
            if fact.value.startswith("~"):
                assert row["value_qualifier"] == "approx", fact.fact_id
            if fact.value.startswith(">"):
                assert row["value_qualifier"] == "more_than", fact.fact_id
        else:
            stated = numbers_in(fact.value) | numbers_in(fact.metric)
            for figure_id, value in zip(rows["figure_id"], rows["value"].astype(float), strict=True):
                assert value in stated, f"{figure_id}: {value} is not stated in {fact.fact_id}"
        assert (rows["source_url"] == fact.source_url).all(), fact.fact_id


@needs_reference
@pytest.mark.parametrize("fact_file", FACT_FILES)
def test_low_confidence_facts_say_so_in_their_note(fact_file, frames):
    facts = read_reference(fact_file)
    figures = frames["published_figures"]
    base_id = figures["figure_id"].str.replace(r"[a-z]$", "", regex=True)
    for fact_id in facts.loc[facts["confidence"] == "low", "fact_id"]:
        rows = figures[base_id == fact_id]
        assert not rows.empty, fact_id
        assert rows["note"].str.contains("ow confidence").all(), fact_id
        assert (rows["confidence"] == "low").all(), fact_id


@needs_reference
@pytest.mark.parametrize("event_file", ["events.csv", "events_2026-12.csv"])
def test_every_reference_event_is_in_socialization_events(event_file, frames):
    """Matched by address: the row's own source_url, or a refined row whose date_note names the
    second report. The date must keep the reference's date (its ISO part)."""
    events = frames["socialization_events"]
    for ref in read_reference(event_file).itertuples(index=False):
        match = events[(events["source_url"] == ref.source_url)
                       | events["date_note"].str.contains(ref.source_url, regex=False)]
        assert len(match) == 1, f"{event_file}: {ref.event_date} {ref.title[:50]} -> {len(match)} rows"
        iso = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", ref.event_date).group(0)
        assert match["event_date"].iloc[0].startswith(iso), (ref.event_date, match["event_id"].iloc[0])
        if event_file == "events_2026-12.csv":
            precision = {4: "year", 7: "month", 10: "day"}[len(iso)]
            assert match["date_precision"].iloc[0] == precision, match["event_id"].iloc[0]


@needs_reference
def test_every_seed_event_is_in_socialization_events(frames):
    titles = set(frames["socialization_events"]["title"])
    for title in read_reference("seed_events.csv")["title"]:
        assert title in titles, title


QUOTE_WINDOW = 6  # consecutive words


def word_windows(text: str, size: int = QUOTE_WINDOW) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


@needs_reference
def test_no_quote_of_the_reference_is_copied_into_data():
    """No run of six words from any reference quote is in a data/ file or CURATION.md, unless
    the same run is also a fact of the reference (a title, a name, the compiler's metric text)."""
    references = [pd.read_csv(path, dtype=str, keep_default_na=False) for path in sorted(SHARED_REFERENCE.glob("*.csv"))]
    assert sum("quote" in ref.columns for ref in references) >= 5
    facts_text: set[str] = set()
    quoted: set[str] = set()
    for ref in references:
        for column in ref.columns:
            for value in ref[column]:
                (quoted if column == "quote" else facts_text).update(word_windows(value))
    quoted -= facts_text
    files = sorted(settings.REFERENCE_DIR.glob("*.csv")) + [CURATION]
    assert any(f.name == "published_figures.csv" for f in files)
    for path in files:
        copied = quoted & word_windows(path.read_text(encoding="utf-8"))
        assert not copied, f"{path.name} holds quoted text: {sorted(copied)[:5]}"
