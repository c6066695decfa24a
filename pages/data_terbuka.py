"""Data terbuka: open-data downloads of the aggregated tables with licence, sources and date;
method and caveats; how to report a violation; how to load a download with pandas."""

import streamlit as st

from analytics.formatting import format_date
from analytics.i18n import t
from analytics.ui import components, session
from analytics.ui import data_terbuka as open_data_ui
from analytics.ui.frame import ensure_routed_through_app

ensure_routed_through_app()

lang = session.language()
components.page_header(t("page_open_data", lang), t("open_data_intro", lang), scoped=False)

files = open_data_ui.files(lang)
for dataset in open_data_ui.datasets():
    zip_bytes, csv_bytes = files[dataset.name]
    with st.container(border=True):
        st.markdown(f"**{dataset.title(lang)}** · `{dataset.name}.csv`")
        as_of = format_date(dataset.as_of, lang) if dataset.as_of is not None and str(dataset.as_of) != "NaT" else "—"
        st.caption(
            t(
                "dataset_meta",
                lang,
                rows=len(dataset.frame),
                as_of=as_of,
                source=dataset.source(lang),
                licence=dataset.licence(lang),
            )
        )
        if dataset.synthetic:
            st.warning(t("dataset_synthetic", lang), icon=":material/science:")
        notes = dataset.notes(lang)
        if notes:
            st.caption(notes)
        col_zip, col_csv, _ = st.columns([1, 1, 2])
        col_zip.download_button(
            t("download_zip", lang),
            data=zip_bytes,
            file_name=f"{dataset.name}.zip",
            mime="application/zip",
            on_click="ignore",
            icon=":material/folder_zip:",
            key=f"unduh_zip_{dataset.name}",
        )
        col_csv.download_button(
            t("download_csv", lang),
            data=csv_bytes,
            file_name=f"{dataset.name}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/table:",
            key=f"unduh_csv_{dataset.name}",
        )

st.subheader(t("load_with_pandas", lang))
st.code(
    "import pandas as pd\n\n"
    'kasus = pd.read_csv("kasus_per_kabupaten_kota.csv", dtype={"region_code": str, "province_code": str})\n'
    "# jumlah 1–4 kosong (disembunyikan); kolom *_withheld menandainya\n"
    'per_siklus = kasus.groupby("election_id")["reported"].sum(min_count=1)\n'
    'angka = pd.read_csv("angka_resmi.csv", parse_dates=["as_of_date", "published_date"])\n'
    "# angka resmi yang berbeda adalah baris terpisah: bandingkan, jangan dijumlahkan\n"
    'angka[angka.metric == "asn_reported"][["election_id", "value", "as_of_date", "publisher"]]',
    language=None,
)  # plain text: the highlighter's colours fail WCAG contrast

st.subheader(t("about_method_title", lang))
st.markdown(t("about_method", lang))
st.markdown(t("open_data_caveats", lang))
st.subheader(t("about_report_title", lang))
st.page_link("pages/laporkan.py", label=t("report_link", lang), icon=":material/report:")
components.source_footer(["published_figures", "socialization_events", "asn_headcount", "violation_cases"])
