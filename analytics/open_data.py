"""Open data: the aggregated tables anyone may download, each with its licence, sources and the
date of its data. Register aggregates come through ``analytics.release`` (adjusted and small
counts withheld for the public, as on the pages); no case-level row and no personal column is
ever part of them."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import pandas as pd

from analytics import queries, release
from analytics.disclosure import with_withheld_flags
from analytics.exports import safe_csv_bytes
from analytics.filters import Filters
from analytics.formatting import format_date
from analytics.i18n import t
from analytics.release import Audience

REGISTER_LICENCE = "CC BY 4.0"


@dataclass
class Dataset:
    name: str
    title_id: str
    title_en: str
    frame: pd.DataFrame
    source_id: str
    source_en: str
    licence_id: str
    licence_en: str
    as_of: object
    synthetic: bool
    notes_id: str = ""
    notes_en: str = ""

    def _in(self, field: str, lang: str) -> str:
        return getattr(self, f"{field}_{lang if lang in ('id', 'en') else 'id'}")

    def title(self, lang: str) -> str:
        return self._in("title", lang)

    def source(self, lang: str) -> str:
        return self._in("source", lang)

    def licence(self, lang: str) -> str:
        return self._in("licence", lang)

    def notes(self, lang: str) -> str:
        return self._in("notes", lang)


def _per_cycle(cur, query_name: str, audience: Audience, **extra) -> pd.DataFrame:
    """``query_name`` for every cycle that the register holds cases of, for ``audience``."""
    context = release.RegisterContext.read(cur)
    frames = []
    for election_id in queries.elections(cur)["election_id"]:
        if election_id in context.cycles:
            frame = release.fetch(cur, query_name, Filters(election_id=election_id), audience, context, **extra)
            frames.append(frame.assign(election_id=election_id))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def register_datasets(cur, audience: Audience | None = None) -> list[Dataset]:
    """The register's aggregates, for the public unless ``audience`` says otherwise: the same
    numbers as on the pages (``analytics.release``)."""
    audience = audience or Audience.for_public()
    as_of = release.fetch(cur, "data_as_of", audience=audience).iloc[0]
    synthetic = bool(as_of["register_is_synthetic"])
    source_id, source_en = (
        ("Register kasus demo sintetis (analytics.demo)", "Synthetic demo case register (analytics.demo)")
        if synthetic
        else ("Register kasus yang diimpor lembaga", "The organisation's imported register")
    )
    threshold = audience.threshold
    notes_id = (
        f"Angka disesuaikan sedikit (metode cell-key) untuk melindungi orang; jumlah di bawah {threshold} "
        "(termasuk nol) ditampilkan kosong, kolom *_withheld menandainya. Jumlah bagian bisa tidak persis "
        "sama dengan totalnya."
        if audience.public
        else "Angka persis (tampilan analis)."
    )
    notes_en = (
        f"Numbers are slightly adjusted (cell-key method) to protect people; counts below {threshold} "
        "(zero included) are left empty, flagged by *_withheld columns. Parts may not add up exactly to "
        "their total."
        if audience.public
        else "Exact numbers (analyst view)."
    )
    if synthetic:
        notes_id = "DATA CONTOH SINTETIS, bukan kasus nyata. " + notes_id
        notes_en = "SYNTHETIC DEMO DATA, not real cases. " + notes_en

    regions = with_withheld_flags(
        _per_cycle(cur, "region_metrics", audience, level="regency"),
        [
            "election_id",
            "region_code",
            "region_name",
            "province_code",
            "reported",
            "proven",
            "recommended",
            "followed_up",
            "followup_rate_pct",
        ],
    )
    categories = with_withheld_flags(
        _per_cycle(cur, "cases_by_dimension", audience, dimension="category"),
        ["election_id", "code", "reported", "proven"],
    )
    positions = with_withheld_flags(
        _per_cycle(cur, "cases_by_dimension", audience, dimension="position"),
        ["election_id", "code", "reported", "proven"],
    )
    common = {
        "source_id": source_id,
        "source_en": source_en,
        "licence_id": REGISTER_LICENCE,
        "licence_en": REGISTER_LICENCE,
        "as_of": as_of["register_cases_as_of"],
        "synthetic": synthetic,
        "notes_id": notes_id,
        "notes_en": notes_en,
    }
    return [
        Dataset(
            "kasus_per_kabupaten_kota",
            "Kasus per kabupaten/kota dan siklus",
            "Cases per regency/city and cycle",
            regions,
            **common,
        ),
        Dataset(
            "kasus_per_kategori",
            "Kasus per kategori pelanggaran dan siklus",
            "Cases per violation category and cycle",
            categories,
            **common,
        ),
        Dataset(
            "kasus_per_jabatan", "Kasus per jabatan dan siklus", "Cases per position and cycle", positions, **common
        ),
    ]


def reference_datasets(cur) -> list[Dataset]:
    as_of = queries.data_as_of(cur).iloc[0]
    figures = cur.execute("SELECT * FROM published_figures ORDER BY figure_id").df()
    events = cur.execute("SELECT * FROM socialization_events ORDER BY event_date, event_id").df()
    headcount = cur.execute(
        "SELECT * FROM asn_headcount WHERE NOT coalesce(is_synthetic, false) ORDER BY headcount_id"
    ).df()
    return [
        Dataset(
            "angka_resmi",
            "Angka resmi yang dipublikasikan",
            "Published figures",
            figures,
            "KASN, BKN, Bawaslu, Kemendagri dan kantor daerah, dikutip per baris (source_url)",
            "KASN, BKN, Bawaslu, Kemendagri and regional offices, cited per row (source_url)",
            "Fakta dari sumber publik; kompilasi CC BY 4.0",
            "Facts from public sources; compilation CC BY 4.0",
            as_of["figures_as_of"],
            False,
            "Angka yang saling berbeda adalah baris terpisah; jangan dijumlahkan.",
            "Conflicting figures are separate rows; do not add them up.",
        ),
        Dataset(
            "kegiatan_pencegahan",
            "Kegiatan sosialisasi dan pencegahan",
            "Socialization and prevention events",
            events,
            "Media lokal dan situs resmi (source_url per baris)",
            "Local media and official sites (source_url per row)",
            "Fakta dari sumber publik; kompilasi CC BY 4.0",
            "Facts from public sources; compilation CC BY 4.0",
            as_of["events_as_of"],
            False,
        ),
        Dataset(
            "jumlah_asn",
            "Jumlah ASN (angka nyata saja)",
            "ASN headcounts (real counts only)",
            headcount,
            "BPS, BKN dan kantor daerah (source_url per baris)",
            "BPS, BKN and regional offices (source_url per row)",
            "Fakta dari sumber publik",
            "Facts from public sources",
            None,
            False,
        ),
    ]


def readme_text(dataset: Dataset, lang: str = "id") -> str:
    as_of = format_date(dataset.as_of, lang) if dataset.as_of is not None and not pd.isna(dataset.as_of) else "-"
    lines = [
        dataset.title(lang),
        "=" * len(dataset.title(lang)),
        "",
        f"{t('source', lang)}: {dataset.source(lang)}",
        f"{t('licence', lang)}: {dataset.licence(lang)}",
        f"{t('readme_as_of', lang)}: {as_of}",
        f"{t('readme_rows', lang)}: {len(dataset.frame)}",
        f"{t('readme_columns', lang)}: {', '.join(map(str, dataset.frame.columns))}",
    ]
    notes = dataset.notes(lang)
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
