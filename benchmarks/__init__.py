"""Performance benchmarks: the numbers of DESIGN section 8, measured over the synthetic register.

``python -m benchmarks.run --scale small|realistic|stress`` prepares (or reuses) a data directory at
that scale, then measures each page's query set (product and naive pandas baseline side by side),
the pages' server-side reruns under AppTest, the serving process's memory, the 1M-row import and
the map payload, and compares them with the targets. One module per job:

- ``scales``: the scales and their cached data directories;
- ``filter_sample``: seeded random filter combinations drawn from the reference tables;
- ``page_queries``: the exact query set of every page, as the page runs it;
- ``query_timing``: the query sets timed cold and warm on one DuckDB connection;
- ``naive``: the same numbers from a pandas DataFrame held in memory (the baseline);
- ``page_reruns``: the real page scripts driven by ``streamlit.testing`` (in a subprocess);
- ``ingest_timing``: ``python -m analytics.ingest`` on a generated CSV, with a profile when slow;
- ``map_payload``: the bytes of the regency choropleth the browser receives;
- ``targets``: DESIGN section 8 as data, and pass/fail;
- ``report``: the printed table.
"""
