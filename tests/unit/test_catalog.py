import duckdb
import pytest

from analytics.catalog import load_catalog, parse_catalog, quote_ident, quote_literal

CATALOG = load_catalog()


def test_every_table_and_column_is_documented():
    for table in CATALOG:
        assert table.description and table.source and table.licence, table.name
        assert table.primary_key and set(table.primary_key) <= set(table.column_names), table.name
        for column in table.columns:
            assert column.description.strip(), f"{table.name}.{column.name}"


def test_references_point_to_declared_columns():
    for table in CATALOG:
        for column in table.columns:
            if column.references:
                target = CATALOG[column.reference_table]
                assert column.reference_column in target.column_names, f"{table.name}.{column.name}"


def test_personal_columns_are_only_in_the_case_register():
    personal = {(t.name, c.name) for t in CATALOG for c in t.columns if c.personal}
    assert personal == {("violation_cases", "asn_name"), ("violation_cases", "nip")}


def test_every_table_of_the_design_is_declared():
    expected = {
        "regions",
        "elections",
        "violation_categories",
        "positions",
        "sanction_types",
        "event_types",
        "asn_headcount",
        "violation_cases",
        "sanctions",
        "socialization_events",
        "published_figures",
    }
    assert expected <= set(CATALOG.tables)


def test_unknown_tier_is_rejected():
    with pytest.raises(ValueError, match="tier"):
        parse_catalog(
            {
                "tables": {
                    "x": {
                        "tier": "guess",
                        "file": "x.csv",
                        "title_id": "",
                        "title_en": "",
                        "description": "",
                        "primary_key": ["a"],
                        "source": "",
                        "licence": "",
                        "columns": [],
                    }
                }
            }
        )


def test_quoting_helpers_survive_hostile_names():
    con = duckdb.connect()
    name = 'weird"; DROP TABLE x; --'
    con.execute(f"CREATE TABLE {quote_ident(name)} (v VARCHAR)")
    con.execute(f"INSERT INTO {quote_ident(name)} VALUES ({quote_literal(chr(39) + 'x')})")
    assert con.execute(f"SELECT v FROM {quote_ident(name)}").fetchone()[0] == "'x"
