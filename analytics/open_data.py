"""Open data: the aggregated tables anyone may download, each with its licence, sources and the
date of its data. Register aggregates go through small-count protection; no case-level row and
no personal column is ever part of them."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import pandas as pd

from analytics import queries
from analytics.disclosure import DEFAULT_THRESHOLD, suppress
from analytics.exports import safe_csv_bytes
from analytics.filters import Filters
from analytics.formatting import format_date

REGISTER_LICENCE = "CC BY 4.0"


@dataclass
class Dataset:
    name: str
    title_id: str
    title_en: str
    frame: pd.DataFrame
    source: str
    licence: str
    as_of: object
    synthetic: bool
    notes_id: str = ""
    notes_en: str = ""

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_id


def _per_cycle(cur, build) -> pd.DataFrame:
    frames = []
    for election_id in queries.elections(cur)["election_id"]:
        frame = build(Filters(election_id=election_id))
        if len(frame) and frame.select_dtypes("number").sum().sum() > 0:
            frames.append(frame.assign(election_id=election_id))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def register_datasets(cur, threshold: int = DEFAULT_THRESHOLD) -> list[Dataset]:
    as_of = queries.data_as_of(cur).iloc[0]
    synthetic = bool(as_of["register_is_synthetic"])
    source = ("Register kasus demo sintetis (analytics.demo) / synthetic demo register" if synthetic
              else "Register kasus yang diimpor lembaga / the organisation's imported register")
    notes_id = f"Jumlah 1–{threshold - 1} ditampilkan kosong (disembunyikan) bersama sel pelengkapnya; kolom *_withheld menandainya."
    notes_en = f"Counts of 1–{threshold - 1} are left empty (withheld) with a complementary cell; *_withheld columns flag them."
    if synthetic:
        notes_id = "DATA CONTOH SINTETIS, bukan kasus nyata. " + notes_id
        notes_en = "SYNTHETIC DEMO DATA, not real cases. " + notes_en

    regions = _per_cycle(cur, lambda f: queries.region_metrics(cur, f, level="regency"))
    if len(regions):
        regions = regions[["election_id", "region_code", "region_name", "province_code", "reported", "proven",
                           "recommended", "followed_up", "followup_rate_pct"]]
        # as on the map: regencies add up to their province and to Kalimantan, per cycle
        regions = suppress(regions, ["reported", "proven", "recommended", "followed_up"], threshold=threshold,
                           rate_columns={"followup_rate_pct": ("recommended", "followed_up")},
                           group_sets=[("election_id", "province_code"), ("election_id",)])
    categories = _per_cycle(cur, lambda f: queries.cases_by_dimension(cur, f, dimension="category").drop(columns="election_id"))
    if len(categories):
        categories = suppress(categories[["election_id", "code", "reported", "proven"]], ["reported", "proven"],
                              ["election_id"], threshold)
    positions = _per_cycle(cur, lambda f: queries.cases_by_dimension(cur, f, dimension="position").drop(columns="election_id"))
    if len(positions):
        positions = suppress(positions[["election_id", "code", "reported", "proven"]], ["reported", "proven"],
                             ["election_id"], threshold)
    common = {"source": source, "licence": REGISTER_LICENCE, "as_of": as_of["register_cases_as_of"], "synthetic": synthetic,
              "notes_id": notes_id, "notes_en": notes_en}
    return [
        Dataset("kasus_per_kabupaten_kota", "Kasus per kabupaten/kota dan siklus", "Cases per regency/city and cycle",
                regions, **common),
        Dataset("kasus_per_kategori", "Kasus per kategori pelanggaran dan siklus", "Cases per violation category and cycle",
                categories, **common),
        Dataset("kasus_per_jabatan", "Kasus per jabatan dan siklus", "Cases per position and cycle", positions, **common),
    ]


def reference_datasets(cur) -> list[Dataset]:
    as_of = queries.data_as_of(cur).iloc[0]
    figures = cur.execute("SELECT * FROM published_figures ORDER BY figure_id").df()
    events = cur.execute("SELECT * FROM socialization_events ORDER BY event_date, event_id").df()
    headcount = cur.execute("SELECT * FROM asn_headcount WHERE NOT coalesce(is_synthetic, false) ORDER BY headcount_id").df()
    return [
        Dataset("angka_resmi", "Angka resmi yang dipublikasikan", "Published figures", figures,
                "KASN, BKN, Bawaslu, Kemendagri dan kantor daerah, dikutip per baris (source_url)",
                "Fakta dari sumber publik; kompilasi CC BY 4.0", as_of["figures_as_of"], False,
                "Angka yang saling berbeda adalah baris terpisah; jangan dijumlahkan.",
                "Conflicting figures are separate rows; do not add them up."),
        Dataset("kegiatan_pencegahan", "Kegiatan sosialisasi dan pencegahan", "Socialization and prevention events", events,
                "Media lokal dan situs resmi (source_url per baris)", "Fakta dari sumber publik; kompilasi CC BY 4.0",
                as_of["events_as_of"], False),
        Dataset("jumlah_asn", "Jumlah ASN (angka nyata saja)", "ASN headcounts (real counts only)", headcount,
                "BPS, BKN dan kantor daerah (source_url per baris)", "Fakta dari sumber publik", None, False),
    ]


def readme_text(dataset: Dataset, lang: str = "id") -> str:
    as_of = format_date(dataset.as_of, lang) if dataset.as_of is not None and not pd.isna(dataset.as_of) else "-"
    lines = [dataset.title(lang), "=" * len(dataset.title(lang)), "",
             f"{'Source' if lang == 'en' else 'Sumber'}: {dataset.source}",
             f"{'Licence' if lang == 'en' else 'Lisensi'}: {dataset.licence}",
             f"{'Data as of' if lang == 'en' else 'Data per'}: {as_of}",
             f"{'Rows' if lang == 'en' else 'Baris'}: {len(dataset.frame)}",
             f"{'Columns' if lang == 'en' else 'Kolom'}: {', '.join(map(str, dataset.frame.columns))}"]
    notes = dataset.notes_en if lang == "en" else dataset.notes_id
    if notes:
        lines += ["", notes]
    lines += ["", "Pantau Netralitas ASN"]
    return "\n".join(lines) + "\n"


def bundle(dataset: Dataset, lang: str = "id") -> bytes:
    """A ZIP with the CSV (formula-safe, UTF-8) and a README with licence, sources and date."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{dataset.name}.csv", safe_csv_bytes(dataset.frame))
        archive.writestr("README.txt", readme_text(dataset, lang))
    return buffer.getvalue()
