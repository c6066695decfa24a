"""Kelola data: import an organisation's own cases, sanctions, events, figures and headcounts;
validate, preview, confirm; list versions and restore an earlier one."""

import streamlit as st

from analytics.catalog import load_catalog
from analytics.i18n import t, t_markdown
from analytics.ingest import pipeline, templates
from analytics.ingest.readers import DEFAULT_LIMIT_MB
from analytics.ingest.store import EMPTY_VERSION, StoreError
from analytics.text import markdown_literal
from analytics.ui import access, components, data, kelola_data, session
from analytics.ui.access import require_analyst
from analytics.ui.frame import ensure_routed_through_app

ensure_routed_through_app()
require_analyst()

lang = session.language()
components.page_header(t("page_manage", lang), t("manage_intro", lang), scoped=False)

sources = data.sources()
if sources.import_version:
    st.success(t_markdown("serving_version", lang, version=sources.import_version), icon=":material/database:")
else:
    st.info(t("serving_demo", lang), icon=":material/science:")

st.subheader(t("templates_title", lang))
template_table = st.selectbox(
    t("table", lang), pipeline.IMPORTABLE, key="kelola_templat", format_func=kelola_data.table_label
)
col_csv, col_xlsx, _ = st.columns([1, 1, 2])
catalog_table = load_catalog()[template_table]
col_csv.download_button(
    t("template_csv", lang),
    data=templates.template_csv(catalog_table),
    file_name=f"templat_{template_table}.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/table:",
    key="kelola_templat_csv",
)
col_xlsx.download_button(
    t("template_xlsx", lang),
    data=lambda: templates.template_xlsx(catalog_table),
    file_name=f"templat_{template_table}.xlsx",
    on_click="ignore",
    icon=":material/grid_on:",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="kelola_templat_xlsx",
)

st.subheader(t("import_title", lang))
col_table, col_mode = st.columns(2)
table_name = col_table.selectbox(
    t("table", lang), pipeline.IMPORTABLE, key="kelola_tabel", format_func=kelola_data.table_label
)
mode = col_mode.radio(
    t("mode", lang), pipeline.MODES, key="kelola_mode", horizontal=True, format_func=lambda m: t(f"mode_{m}", lang)
)
st.caption(t(f"mode_{mode}_help", lang))
upload_key = f"kelola_unggah_{st.session_state.get('_upload_round', 0)}"
# the box names the importer's own limit (the server takes a little more, so that a file just over
# it still reaches the importer's clear message rather than a dropped connection)
upload = st.file_uploader(
    t("upload", lang), type=["csv", "txt", "xlsx", "parquet"], key=upload_key, max_upload_size=int(DEFAULT_LIMIT_MB)
)
sheet = None
if upload is not None and upload.name.lower().endswith(".xlsx"):
    sheet = st.text_input(t("sheet", lang), key="kelola_lembar", max_chars=31) or None

if upload is not None:
    prepared = kelola_data.prepare_upload(upload, table_name, mode, sheet)
    if prepared.raw is not None:
        st.caption(t_markdown("read_as", lang, detail=prepared.raw.detail, rows=len(prepared.raw.rows)))
        with st.expander(t("mapping_title", lang), expanded=not prepared.ok):
            kelola_data.mapping_table(prepared)
    if not prepared.ok:
        st.error(t("rejected", lang, n=len(prepared.problems)), icon=":material/block:")
        kelola_data.report(prepared.problems + prepared.notices, key="kelola_laporan")
        kelola_data.teach(prepared)
    else:
        if prepared.notices:
            with st.expander(t("notices_title", lang, n=len(prepared.notices))):
                kelola_data.report(prepared.notices, key="kelola_catatan")
        st.success(
            t(
                "accepted_preview",
                lang,
                added=prepared.added,
                skipped=prepared.skipped,
                replaced=prepared.replaced_rows,
            ),
            icon=":material/check_circle:",
        )
        st.dataframe(kelola_data.preview(prepared), hide_index=True, width="stretch")
        if prepared.changes_anything:
            if st.button(t("confirm_import", lang), type="primary", key="kelola_simpan"):
                try:
                    version = pipeline.commit(prepared, who=access.current_user())
                except pipeline.StaleVersion as stale:
                    st.warning(t("stale_import", lang, current=stale.current), icon=":material/sync_problem:")
                except StoreError as error:
                    st.error(markdown_literal(error), icon=":material/error:")
                else:
                    st.session_state["_upload_round"] = st.session_state.get("_upload_round", 0) + 1
                    st.session_state["_flash"] = t("committed", lang, version=version.name, table=table_name)
                    data.forget_sources()
                    kelola_data.republish_light_edition()
                    st.rerun()
        else:
            st.info(t("nothing_new", lang))

if flash := st.session_state.pop("_flash", None):
    st.toast(flash, icon=":material/check_circle:")

st.subheader(t("versions_title", lang))
versions = pipeline.versions_frame()
if versions.empty:
    components.empty_state(t("no_versions", lang))
else:
    kelola_data.versions_table(versions)
    choices = [v for v in versions["version"] if not versions.set_index("version").loc[v, "active"]] + [EMPTY_VERSION]
    col_pick, col_go = st.columns([2, 1])
    target = col_pick.selectbox(
        t("rollback_to", lang),
        choices,
        key="kelola_pulihkan",
        format_func=lambda v: t("before_imports", lang) if v == EMPTY_VERSION else v,
    )
    confirmed = col_go.checkbox(t("rollback_confirm", lang, version=target), key="kelola_yakin")
    if col_go.button(t("rollback", lang), disabled=not confirmed, key="kelola_pulihkan_tombol"):
        try:
            version = pipeline.rollback(target, who=access.current_user())
        except StoreError as error:
            st.error(markdown_literal(error), icon=":material/error:")
        else:
            data.forget_sources()
            kelola_data.republish_light_edition()
            st.session_state["_flash"] = t("rolled_back", lang, version=target, new=version.name)
            st.rerun()

components.source_footer(list(pipeline.IMPORTABLE))
