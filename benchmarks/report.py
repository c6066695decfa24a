"""The printed summary of a benchmark result."""

from __future__ import annotations


def _ms(value) -> str:
    return "-" if value is None else (f"{value:,.0f}" if value >= 100 else f"{value:,.1f}")


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]

    def line(cells) -> str:
        return "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def pages_table(result: dict) -> str:
    reruns = result.get("page_reruns", {}).get("pages", {})
    rows = []
    for name, entry in result["query_sets"].items():
        rerun = reruns.get(name, {}).get("after_filter_change", {})
        rows.append(
            [
                name + ("" if entry["filter_dependent"] else " *"),
                entry["queries_per_set"],
                _ms(entry["cold"]["p50_ms"]),
                _ms(entry["cold"]["p95_ms"]),
                _ms(entry["warm"]["p50_ms"]),
                _ms(entry["warm"]["p95_ms"]),
                _ms(entry["naive"]["p50_ms"]),
                entry["ratio"]["warm_p50"] or "-",
                entry["ratio"]["cold_p50"] or "-",
                _ms(rerun.get("p50_ms")),
                _ms(rerun.get("p95_ms")),
            ]
        )
    header = [
        "page",
        "queries",
        "cold p50",
        "cold p95",
        "warm p50",
        "warm p95",
        "naive p50",
        "ratio",
        "ratio cold",
        "rerun p50",
        "rerun p95",
    ]
    return _table(header, rows)


def targets_table(checks: list[dict]) -> str:
    rows = []
    for c in checks:
        value = "-" if c["value"] is None else f"{c['value']:,.1f}"
        rows.append([c["status"], c["id"], f"{c['limit']:,.0f} {c['unit']}", value, c["where"] or ""])
    return _table(["status", "target", "limit", "measured", "where"], rows)


def render(result: dict) -> str:
    env = result["environment"]
    parts = [
        f"Pantau benchmark · scale {result['scale']} · {result['cases']:,} cases · {env['cpus']} CPUs · "
        f"DuckDB threads {env['duckdb_threads']} · load average {env['load_average_at_start'][0]} → "
        f"{env.get('load_average_at_end', ['?'])[0]} · data {result['data_dir']}",
        "",
        "Query sets and reruns per page (ms; cold = first run of a filter combination: queries on the prepared "
        "database and small-count protection; warm = the same combination again, answered by the app's "
        "per-data-version cache; naive = pandas DataFrame filtered and grouped on every rerun; ratio = naive p50 / "
        "warm p50; ratio cold = naive p50 / cold p50; rerun = AppTest "
        "rerun after a filter change; * = filter-independent page, measured as a first load)",
        pages_table(result),
        "",
        targets_table(result["targets"]),
    ]
    extra = []
    if result.get("generation_s") is not None:
        extra.append(f"register generated in {result['generation_s']:.1f} s")
    extra.append(
        f"connection in {result['connect_ms']:,.0f} ms"
        + (" (prepared database built)" if result.get("prepared_database_built") else " (prepared database reused)")
    )
    extra.append(
        f"naive baseline: DataFrame {result['naive']['memory_mb']:,.0f} MB, loaded in {result['naive']['load_s']:.1f} s"
    )
    reruns = result.get("page_reruns") or {}
    if reruns:
        extra.append(f"serving process peak RSS {reruns['peak_rss_mb']:,.0f} MB")
    ingest = result.get("import") or {}
    if ingest:
        projected = ingest["projected_seconds_for_target_rows"]
        extra.append(
            f"import of {ingest['rows']:,} rows ({ingest['csv_mb']} MB CSV): {ingest['seconds']:.1f} s "
            f"({ingest['rows_per_second']:,} rows/s" + (f"; 1M rows ~{projected:.0f} s)" if projected else ")")
        )
    payload = result.get("map_payload") or {}
    if payload.get("available"):
        extra.append(
            f"map payload: {payload['max_rerun_bytes']:,} bytes per rerun (worst metric) + the boundary file "
            f"{payload['layer_bytes']:,} bytes once = {payload['max_bytes']:,} bytes; embedding the boundaries "
            f"instead would send {payload['embedded_bytes']:,} bytes every rerun"
        )
    return "\n".join(parts + [""] + extra)
