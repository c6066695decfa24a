"""User-facing text in Bahasa Indonesia (default) and English."""

from __future__ import annotations

LANGUAGES = ("id", "en")

TEXT: dict[str, dict[str, str]] = {
    "app_title": {"id": "Pantau Netralitas ASN", "en": "ASN Neutrality Monitor"},
    "app_subtitle": {
        "id": "Pelanggaran netralitas ASN dalam Pemilu dan Pilkada di Kalimantan",
        "en": "Civil-servant neutrality violations in Kalimantan's elections",
    },
    "synthetic_banner": {
        "id": "**Data contoh (sintetis).** Register kasus di halaman ini adalah data demo buatan, "
              "dikalibrasi dengan angka nasional yang dipublikasikan. Ini **bukan** kasus nyata. "
              "Angka resmi dan kegiatan yang tercatat adalah data nyata dengan sumbernya.",
        "en": "**Demo data (synthetic).** The case register on this page is generated demo data, "
              "calibrated to published national figures. These are **not** real cases. "
              "Published figures and documented events are real and carry their sources.",
    },
    "filters": {"id": "Filter", "en": "Filters"},
    "language": {"id": "Bahasa", "en": "Language"},
    "election": {"id": "Pemilu/Pilkada", "en": "Election"},
    "all_elections": {"id": "Semua siklus", "en": "All cycles"},
    "date_from": {"id": "Dari tanggal", "en": "From"},
    "date_to": {"id": "Sampai tanggal", "en": "To"},
    "province": {"id": "Provinsi", "en": "Province"},
    "all_provinces": {"id": "Semua provinsi", "en": "All provinces"},
    "regency": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "all_regencies": {"id": "Semua kabupaten/kota", "en": "All regencies/cities"},
    "category": {"id": "Jenis pelanggaran", "en": "Violation category"},
    "all_categories": {"id": "Semua jenis", "en": "All categories"},
    "position": {"id": "Jabatan", "en": "Position"},
    "all_positions": {"id": "Semua jabatan", "en": "All positions"},
    "agency_level": {"id": "Tingkat instansi", "en": "Agency level"},
    "all_levels": {"id": "Semua tingkat", "en": "All levels"},
    "reset_filters": {"id": "Atur ulang filter", "en": "Reset filters"},
    "pusat": {"id": "Instansi pusat", "en": "Central government"},
    "provinsi": {"id": "Pemerintah provinsi", "en": "Provincial government"},
    "kabupaten": {"id": "Pemerintah kabupaten", "en": "Regency government"},
    "kota": {"id": "Pemerintah kota", "en": "City government"},
    "reported": {"id": "Dilaporkan", "en": "Reported"},
    "registered": {"id": "Diregistrasi", "en": "Registered"},
    "proven": {"id": "Terbukti", "en": "Proven"},
    "recommended": {"id": "Direkomendasikan", "en": "Recommended"},
    "followed_up": {"id": "Ditindaklanjuti PPK", "en": "Followed up by PPK"},
    "sanctioned": {"id": "Dijatuhi sanksi", "en": "Sanctioned"},
    "followup_rate": {"id": "Tingkat tindak lanjut", "en": "Follow-up rate"},
    "median_days": {"id": "Median hari sampai selesai", "en": "Median days to resolution"},
    "open_cases": {"id": "Kasus belum selesai", "en": "Open cases"},
    "vs_previous": {"id": "dibanding {prev}", "en": "vs {prev}"},
    "days": {"id": "hari", "en": "days"},
    "cases_unit": {"id": "kasus", "en": "cases"},
    "no_match": {
        "id": "Tidak ada kasus yang cocok dengan filter ini. Coba perluas rentang tanggal, pilih siklus lain, "
              "atau atur ulang filter di sidebar.",
        "en": "No cases match these filters. Try a wider date range, another cycle, or reset the filters in the sidebar.",
    },
    "data_as_of": {"id": "Data per {date}", "en": "Data as of {date}"},
    "source": {"id": "Sumber", "en": "Source"},
    "download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "download_png": {"id": "Unduh PNG", "en": "Download PNG"},
    "png_unavailable": {"id": "PNG tidak tersedia di server ini (Chromium tidak ditemukan). Gunakan ikon kamera pada grafik.",
                        "en": "PNG export is unavailable on this server (Chromium not found). Use the chart's camera icon."},
    "campaign": {"id": "Masa kampanye", "en": "Campaign period"},
    "quiet": {"id": "Masa tenang", "en": "Quiet period"},
    "voting_day": {"id": "Hari pemungutan suara", "en": "Voting day"},
    "kasn_bkn": {"id": "KASN → BKN (24 Agu 2024)", "en": "KASN → BKN (24 Aug 2024)"},
    "register_source": {
        "id": "Register kasus demo sintetis (analytics.demo), dikalibrasi dengan angka resmi nasional",
        "en": "Synthetic demo case register (analytics.demo), calibrated to published national figures",
    },
    # pages
    "page_summary": {"id": "Ringkasan", "en": "Summary"},
    "page_about": {"id": "Tentang data", "en": "About the data"},
    "q_headline": {"id": "Berapa kasus yang dilaporkan, terbukti dan ditindaklanjuti?",
                   "en": "How many cases were reported, proven and followed up?"},
    "q_trend": {"id": "Kapan kasus dilaporkan selama siklus pemilihan?",
                "en": "When were cases reported during the election cycle?"},
    "q_aligned": {"id": "Bagaimana laju laporan menjelang hari pemungutan suara dibanding siklus lain?",
                  "en": "How does the pace of reports before voting day compare across cycles?"},
    "q_hotspots": {"id": "Kabupaten/kota mana yang paling banyak kasusnya?",
                   "en": "Which regencies/cities have the most cases?"},
    "cases_per_week": {"id": "Kasus per minggu", "en": "Cases per week"},
    "cases_per_month": {"id": "Kasus per bulan", "en": "Cases per month"},
    "days_before_voting": {"id": "Hari sebelum pemungutan suara", "en": "Days before voting day"},
    "per_1000_asn": {"id": "Terbukti per 1.000 ASN", "en": "Proven per 1,000 ASN"},
    "synthetic_denominator": {"id": "penyebut sintetis", "en": "synthetic denominator"},
    "about_intro": {
        "id": "Pantau Netralitas ASN merangkum pelanggaran netralitas aparatur sipil negara (ASN: PNS dan PPPK) "
              "dalam Pemilu dan Pilkada di lima provinsi Kalimantan dan 56 kabupaten/kotanya. Halaman ini menjelaskan "
              "dari mana setiap angka berasal, apa artinya, dan batasannya.",
        "en": "Pantau Netralitas ASN summarises neutrality violations by civil servants (ASN: PNS and PPPK) in "
              "elections in Kalimantan's five provinces and 56 regencies/cities. This page explains where every "
              "number comes from, what it means and where its limits are.",
    },
    "about_tiers_title": {"id": "Tiga jenis data, tidak pernah dicampur diam-diam", "en": "Three kinds of data, never mixed silently"},
    "about_tiers": {
        "id": "1. **Angka resmi** (nyata): angka yang dinyatakan KASN, BKN, Bawaslu, Kemendagri dan kantor daerah, "
              "satu baris per angka, dengan sumber, penerbit dan tanggal. Angka yang berbeda antar-sumber ditampilkan "
              "berdampingan, tidak dijumlahkan atau dirata-ratakan.\n"
              "2. **Kegiatan tercatat** (nyata): sosialisasi, ikrar, kerja sama dan rapat koordinasi tentang netralitas ASN, "
              "dengan tanggal (dan ketelitiannya: hari, bulan atau tahun), lokasi dan sumber.\n"
              "3. **Register kasus**: kasus per orang seperti yang dipegang KASN/BKN/Bawaslu. Tidak ada data kasus publik, "
              "jadi aplikasi ini memakai **register demo sintetis** yang diberi tanda jelas, sampai sebuah lembaga "
              "mengimpor kasus nyatanya sendiri.",
        "en": "1. **Published figures** (real): numbers stated by KASN, BKN, Bawaslu, Kemendagri and regional offices, one "
              "row per figure, with source, publisher and date. Conflicting figures are shown side by side, never summed "
              "or averaged.\n"
              "2. **Documented events** (real): socialization events, pledges, cooperation agreements and coordination "
              "meetings on ASN neutrality, with date (and its precision: day, month or year), place and source.\n"
              "3. **Case register**: case-level data as KASN/BKN/Bawaslu hold it. No public case-level data exists, so the "
              "app ships a clearly labelled **synthetic demo register** until an organisation imports its own real cases.",
    },
    "about_demo_title": {"id": "Register demo sintetis", "en": "The synthetic demo register"},
    "about_dictionary_title": {"id": "Kamus data", "en": "Data dictionary"},
    "about_method_title": {"id": "Metodologi dan catatan", "en": "Methodology and caveats"},
    "about_method": {
        "id": "- **Dilaporkan**: semua temuan dan laporan. **Diregistrasi**: yang diterima untuk diperiksa. "
              "**Terbukti**: diputus melanggar. **Direkomendasikan**: KASN (sampai 23 Agustus 2024) atau BKN "
              "(sejak 24 Agustus 2024) mengirim rekomendasi sanksi ke PPK. **Ditindaklanjuti**: PPK menjalankan rekomendasi.\n"
              "- **Tingkat tindak lanjut** = ditindaklanjuti ÷ direkomendasikan.\n"
              "- **Hari sampai selesai** = dari tanggal laporan sampai keputusan akhir (tidak diregistrasi, tidak terbukti, "
              "dihentikan) atau jawaban PPK. Kasus yang belum selesai tidak dihitung di median dan ditampilkan sebagai tunggakan.\n"
              "- **Per 1.000 ASN** memakai jumlah ASN terbaru yang tersedia untuk wilayah itu. Banyak wilayah tidak punya "
              "angka resmi; di sana rasio ditampilkan sebagai *tidak ada data*, kecuali dalam demo, yang memakai penyebut "
              "sintetis bertanda. Jumlah pegawai pemerintah daerah tidak mencakup instansi pusat di wilayah itu.\n"
              "- Angka resmi sering berupa potret sementara pada tanggal tertentu dan memakai satuan berbeda (ASN, kasus, "
              "laporan, aduan): bandingkan per sumber dan tanggal, jangan dijumlahkan.\n"
              "- Indeks Kerawanan Pemilu (IKP) Bawaslu berasal dari edisi berbeda yang tidak dapat dibandingkan satu sama lain.",
        "en": "- **Reported**: all findings and reports. **Registered**: accepted for examination. **Proven**: ruled a "
              "violation. **Recommended**: KASN (until 23 August 2024) or BKN (from 24 August 2024) sent a sanction "
              "recommendation to the PPK. **Followed up**: the PPK acted on it.\n"
              "- **Follow-up rate** = followed up ÷ recommended.\n"
              "- **Days to resolution** = from the report date to the final decision (not registered, not proven, stopped) "
              "or the PPK's answer. Open cases are excluded from the median and shown as backlog.\n"
              "- **Per 1,000 ASN** uses the latest headcount available for the region. Many regions have no official "
              "count; there the rate is shown as *no data*, except in the demo, which uses flagged synthetic "
              "denominators. Regional-government headcounts exclude central agencies located in the region.\n"
              "- Published figures are often interim snapshots and use different units (ASN, cases, reports, "
              "complaints): compare them by source and date, never add them up.\n"
              "- Bawaslu's election vulnerability index (IKP) comes in editions that are not comparable with each other.",
    },
    "about_report_title": {"id": "Cara melaporkan pelanggaran netralitas ASN", "en": "How to report a neutrality violation"},
    "about_report": {
        "id": "- **Bawaslu** (Badan Pengawas Pemilihan Umum) menerima laporan dugaan pelanggaran pemilu, termasuk netralitas "
              "ASN, di kantor Bawaslu kabupaten/kota, provinsi dan pusat (bawaslu.go.id).\n"
              "- **LAPOR!** (lapor.go.id), kanal pengaduan pelayanan publik nasional.\n"
              "- Sejak 24 Agustus 2024 pengawasan netralitas ASN yang sebelumnya di KASN dijalankan oleh **BKN**.\n"
              "Sertakan tanggal, tempat, instansi dan bukti (tangkapan layar, foto). Aplikasi ini tidak menerima laporan.",
        "en": "- **Bawaslu** (the election supervisory agency) receives reports of alleged election violations, including "
              "ASN neutrality, at its regency/city, provincial and national offices (bawaslu.go.id).\n"
              "- **LAPOR!** (lapor.go.id), the national public-service complaint channel.\n"
              "- Since 24 August 2024 the ASN neutrality supervision formerly done by KASN is carried out by **BKN**.\n"
              "Include the date, place, agency and evidence (screenshots, photos). This app does not take reports.",
    },
    "about_boundaries_title": {"id": "Batas wilayah", "en": "Boundaries"},
    "about_boundaries": {
        "id": "Berkas batas wilayah adalah data eksternal (lisensi MIT) yang dibaca dari PANTAU_GEO_DIR, data/geo/ atau ../shared/geo/ dan tidak disimpan di repositori.",
        "en": "The boundary files are external data (MIT licence) read from PANTAU_GEO_DIR, data/geo/ or ../shared/geo/ and not stored in the repository.",
    },
    "page_map": {"id": "Peta & perbandingan wilayah", "en": "Map & regional comparison"},
    "page_profile": {"id": "Profil wilayah", "en": "Region profile"},
    "metric_count": {"id": "Jumlah kasus dilaporkan", "en": "Reported cases"},
    "metric_followup_pct": {"id": "Tingkat tindak lanjut (%)", "en": "Follow-up rate (%)"},
    "metric_median_days": {"id": "Median hari sampai selesai", "en": "Median days to resolution"},
    "metric_change_pct": {"id": "Perubahan dibanding siklus sebelumnya (%)", "en": "Change vs previous cycle (%)"},
    "map_metric": {"id": "Ukuran", "en": "Measure"},
    "map_level": {"id": "Tingkat wilayah", "en": "Region level"},
    "level_province": {"id": "Provinsi", "en": "Provinces"},
    "level_regency": {"id": "Kabupaten/kota", "en": "Regencies/cities"},
    "no_data": {"id": "tidak ada data", "en": "no data"},
    "q_map": {"id": "Di mana {metric} paling tinggi?", "en": "Where is the {metric} highest?"},
    "q_ranking": {"id": "Peringkat wilayah: {metric}", "en": "Regions ranked: {metric}"},
    "map_click_hint": {"id": "Klik sebuah wilayah di peta untuk memilihnya dan membuka profilnya.",
                       "en": "Click a region on the map to select it and open its profile."},
    "open_profile": {"id": "Buka profil {name}", "en": "Open the profile of {name}"},
    "selected_region": {"id": "Wilayah terpilih: **{name}**", "en": "Selected region: **{name}**"},
    "map_unavailable": {"id": "Peta tidak dapat ditampilkan: {reason} Peringkat dan tabel di bawah tetap tersedia.",
                        "en": "The map cannot be shown: {reason} The ranking and the table below still work."},
    "small_counts_note": {"id": "⚠ < 5: kurang dari 5 kasus; rasio dari jumlah sekecil ini tidak stabil. Abu-abu: tidak ada data (bukan nol).",
                          "en": "⚠ < 5: fewer than 5 cases; rates from such small counts are unstable. Grey: no data (not zero)."},
    "per_1000_note": {"id": "Per 1.000 ASN memakai jumlah ASN/PNS terbaru yang tersedia; wilayah tanpa angka ditampilkan 'tidak ada data'. Dalam demo, sebagian penyebut sintetis.",
                      "en": "Per 1,000 ASN uses the latest available ASN/PNS headcount; regions without one show 'no data'. In the demo some denominators are synthetic."},
    "no_previous_cycle": {"id": "Pilih satu siklus yang punya siklus pembanding untuk melihat perubahan.",
                          "en": "Pick a cycle that has a previous comparable cycle to see the change."},
    "profile_pick_region": {"id": "Pilih provinsi atau kabupaten/kota di sidebar atau klik wilayah di peta.",
                            "en": "Pick a province or regency in the sidebar, or click a region on the map."},
    "profile_events": {"id": "Kegiatan sosialisasi dan pencegahan di wilayah ini", "en": "Prevention events held here"},
    "profile_figures": {"id": "Angka resmi yang menyebut wilayah ini", "en": "Published figures about this region"},
    "profile_no_events": {"id": "Belum ada kegiatan tercatat di wilayah ini.", "en": "No documented events here yet."},
    "profile_no_figures": {"id": "Belum ada angka resmi yang menyebut wilayah ini.", "en": "No published figure mentions this region yet."},
    "q_categories": {"id": "Jenis pelanggaran apa yang paling sering?", "en": "Which violation categories are most common?"},
    "figure_metric": {"id": "Ukuran", "en": "Metric"},
    "figure_cycle": {"id": "Siklus", "en": "Cycle"},
    "figure_area": {"id": "Wilayah", "en": "Area"},
    "figure_value": {"id": "Nilai", "en": "Value"},
    "figure_unit": {"id": "Satuan", "en": "Unit"},
    "figure_as_of": {"id": "Per tanggal", "en": "As of"},
}


def t(key: str, lang: str = "id", **values: object) -> str:
    """The text for ``key`` in ``lang``; unknown keys raise so that typos fail tests."""
    text = TEXT[key][lang if lang in LANGUAGES else "id"]
    return text.format(**values) if values else text


def label(row, lang: str = "id") -> str:
    """A reference-table row's label (``label_id`` / ``label_en``) in ``lang``."""
    return row["label_en"] if lang == "en" else row["label_id"]
