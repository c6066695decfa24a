"""Kelola data: upload → preview with the mapping → validation report → confirm; versions."""

from __future__ import annotations

import hashlib
import logging
import tempfile
import threading
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics import publish, settings
from analytics.catalog import load_catalog
from analytics.i18n import t, t_markdown
from analytics.ingest import learned, pipeline
from analytics.ingest.isolated import prepare_isolated
from analytics.ingest.problems import report_csv
from analytics.ingest.store import VersionStore
from analytics.ui.session import language


def republish_light_edition() -> None:
    """After an import: the light edition of the new version, in the background (about 20 s on
    2 cores), where one is kept (a deployment that serves it); the page does not wait."""
    threading.Thread(target=_republish, name="light-edition", daemon=True).start()


def _republish() -> None:
    try:
        publish.refresh(only_if_kept=True)
    except Exception:  # the app goes on; the edition stays at the version before
        logging.getLogger(__name__).exception("The light edition of the new data version was not published")


def table_label(name: str) -> str:
    table = load_catalog()[name]
    return f"{table.title_en if language() == 'en' else table.title_id} ({name})"


def prepare_upload(upload, table_name: str, mode: str, sheet: str | None) -> pipeline.Prepared:
    """Validate an uploaded file (cached in the session by its content and the choices)."""
    data = upload.getvalue()
    key = (hashlib.sha256(data).hexdigest(), table_name, mode, sheet, pipeline_state_version(), learned_version())
    cache = st.session_state.setdefault("_prepared", {})
    if key not in cache:
        suffix = Path(upload.name).suffix.lower()[:10]
        with tempfile.TemporaryDirectory(prefix="pantau-upload-") as folder:
            path = Path(folder) / f"upload{suffix}"
            path.write_bytes(data)
            cache.clear()
            # in a child process with memory and time limits: no file can take the public site down
            cache[key] = prepare_isolated(table_name, path, mode=mode, sheet=sheet or None, display_name=upload.name)
    return cache[key]


def learned_version() -> str:
    """What the stewards have taught so far (a new lesson checks the upload again)."""
    try:
        return hashlib.sha256(learned.path().read_bytes()).hexdigest()
    except OSError:
        return ""


def _vocabularies(table) -> dict[str, list[str]]:
    """The codes each vocabulary column of ``table`` accepts (the reference files read once)."""
    codes = pipeline.load_reference().codes
    found = {}
    for column in table.columns:
        if column.allowed:
            found[column.name] = list(column.allowed)
        elif column.reference_table in codes:
            found[column.name] = sorted(set(codes[column.reference_table].values()))
    return found


def teach(prepared: pipeline.Prepared) -> None:
    """Map a column and values the importer did not recognise; remembered for this organisation's
    next files (analytics.ingest.learned), and the upload is checked again."""
    mapping = prepared.mapping
    if mapping is None:
        return
    lang = language()
    by_header = {mapping.headers[index]: column for column, index in mapping.columns.items()}
    vocabularies = _vocabularies(prepared.table)
    values: dict[tuple[str, str], None] = {}
    for problem in prepared.problems:
        column = by_header.get(problem.column)
        if problem.code in ("not_allowed", "unknown_reference") and problem.value and vocabularies.get(column):
            values.setdefault((column, str(problem.value)), None)
    free = [c.name for c in prepared.table.columns if c.name not in mapping.columns and c.name != "is_synthetic"]
    headers = [h for h in mapping.ignored if free][:TEACH_LIMIT]
    if not headers and not values:
        return
    with st.expander(t("teach_title", lang), expanded=True, icon=":material/school:"):
        st.caption(t("teach_help", lang))
        chosen_columns = {
            header: st.selectbox(
                t_markdown("teach_column", lang, header=header),
                [None, *free],
                format_func=lambda c: t("teach_skip", lang) if c is None else c,
                key=f"ajar_kolom_{header}",
            )
            for header in headers
        }
        chosen_values = {
            pair: st.selectbox(
                t_markdown("teach_value", lang, value=pair[1], column=pair[0]),
                [None, *vocabularies[pair[0]]],
                format_func=lambda c: t("teach_skip", lang) if c is None else c,
                key=f"ajar_nilai_{pair[0]}_{pair[1]}",
            )
            for pair in list(values)[:TEACH_LIMIT]
        }
        if st.button(t("teach_save", lang), key="ajar_simpan", icon=":material/save:"):
            taught = learned.load()
            for header, column in chosen_columns.items():
                if column:
                    taught = taught.with_header(prepared.table.name, header, column)
            for (column, written), code in chosen_values.items():
                if code:
                    taught = taught.with_value(column, written, code)
            learned.save(taught)
            st.rerun()  # the cache key holds learned_version(): the upload is checked again


#: At most this many columns and values are offered for mapping at once.
TEACH_LIMIT = 20


def pipeline_state_version() -> str:
    """The active import version: a prepared upload is stale once another import lands."""
    return VersionStore(settings.data_dir()).current_name()


PREVIEW_ROWS = 20


def preview(prepared: pipeline.Prepared) -> pd.DataFrame:
    """The first rows as they will be stored; personal columns are masked on screen."""
    rows = prepared.validated.rows.head(PREVIEW_ROWS).copy()
    for column in prepared.table.columns:
        if column.personal and column.name in rows:
            rows[column.name] = ["•••" if value else value for value in rows[column.name]]
    return rows


def mapping_table(prepared: pipeline.Prepared) -> None:
    lang = language()
    mapping = prepared.mapping
    rows = [
        {t("file_column", lang): mapping.headers[index], t("stored_as", lang): column}
        for column, index in sorted(mapping.columns.items(), key=lambda item: item[1])
    ]
    rows += [
        {t("file_column", lang): mapping.headers[index], t("stored_as", lang): f"({t('helper_' + helper, lang)})"}
        for helper, index in mapping.helpers.items()
    ]
    rows += [{t("file_column", lang): header, t("stored_as", lang): t("ignored", lang)} for header in mapping.ignored]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def report(problems: list, key: str) -> None:
    """The problems as a table and as a downloadable CSV."""
    lang = language()
    frame = pd.DataFrame(
        {
            t("report_location", lang): [p.location(lang) for p in problems],
            t("report_problem", lang): [p.message(lang) for p in problems],
            t("report_found", lang): [p.value for p in problems],
            t("report_expected", lang): [p.expected for p in problems],
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button(
        t("download_report", lang),
        data=report_csv(problems, lang),
        file_name="laporan_validasi.csv",
        mime="text/csv",
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def versions_table(frame: pd.DataFrame) -> None:
    lang = language()
    shown = frame.rename(
        columns={
            "version": t("version", lang),
            "active": t("active", lang),
            "committed_at": t("committed_at", lang),
            "who": t("who", lang),
            "mode": t("mode", lang),
            "table": t("table", lang),
            "file": t("file", lang),
            "file_sha256": "SHA-256",
            "rows_added": t("rows_added", lang),
            "rows_skipped": t("rows_skipped", lang),
            "restored_from": t("restored_from", lang),
            "tables": t("tables_in_version", lang),
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
