"""User-facing text in Bahasa Indonesia (default) and English."""

from __future__ import annotations

from analytics.text import markdown_literal

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
    "vs_same_age": {"id": "vs {prev} (umur sama)", "en": "vs {prev} (same age)"},
    "age_days": {"id": "{n} hari", "en": "{n} days"},
    "age_months": {"id": "sekitar {n} bulan", "en": "about {n} months"},
    "same_age_note": {
        "id": "Dibandingkan pada umur yang sama: {age} setelah pemungutan suara. {other} ditampilkan sebagaimana "
              "keadaannya pada umur itu. Tingkat berubah dalam poin persentase.",
        "en": "Compared at the same age: {age} after voting day. {other} is shown as it stood at that age. Rates "
              "change in percentage points.",
    },
    "same_age_final_note": {"id": "Nilai akhir {other} ada di tabel di bawah.", "en": "The final values of {other} are in the table below."},
    "same_age_month_note": {
        "id": "Umur dihitung dari bulan data terbaru (tanggal persisnya tidak ditampilkan untuk publik).",
        "en": "The age is counted from the month of the newest data (its exact date is not shown publicly).",
    },
    "open_cases_note": {
        "id": "{n} kasus masih terbuka. Median hari sampai selesai menghitung kasus terbuka sebagai belum selesai "
              "(metode Kaplan-Meier), bukan membuangnya.",
        "en": "{n} cases are still open. The median days to resolution counts open cases as not yet finished "
              "(Kaplan-Meier), rather than leaving them out.",
    },
    "median_not_reached": {"id": "belum tercapai", "en": "not reached yet"},
    "median_not_reached_help": {
        "id": "Separuh kasus atau lebih masih terbuka, jadi median belum dapat ditentukan.",
        "en": "Half the cases or more are still open, so the median cannot be told yet.",
    },
    "better_higher": {"id": "Lebih tinggi lebih baik.", "en": "Higher is better."},
    "better_lower": {"id": "Lebih pendek lebih baik.", "en": "Shorter is better."},
    "better_none": {
        "id": "Perubahan jumlah tidak dinilai baik atau buruk: lebih banyak laporan bisa berarti lebih banyak "
              "pelanggaran atau pengawasan yang lebih giat.",
        "en": "A change in a count is not marked good or bad: more reports may mean more violations or more "
              "vigilant oversight.",
    },
    "compare_none": {"id": "— tanpa pembanding —", "en": "— no comparison —"},
    "compare_with_help": {
        "id": "Peta menampilkan perubahan ukuran ini dibanding siklus yang dipilih, keduanya pada umur yang sama "
              "setelah pemungutan suara; peringkat menampilkan kedua siklus berdampingan.",
        "en": "The map shows the change of this measure against the chosen cycle, both at the same age after voting "
              "day; the ranking shows both cycles side by side.",
    },
    "compare_unavailable": {
        "id": "Perbandingan pada umur yang sama tidak tersedia di sini: dengan filter tanggal, rentang itu hanya milik "
              "satu siklus.",
        "en": "A comparison at the same age is not available here: with a date filter, the range belongs to one cycle only.",
    },
    "same_age_too_detailed": {
        "id": "Perbandingan dengan siklus sebelumnya pada umur yang sama terlalu rinci untuk tampilan publik pada pilihan ini.",
        "en": "The comparison with the previous cycle at the same age is too detailed for the public view of this selection.",
    },
    "compare_pick_cycle": {"id": "Pilih satu siklus di sidebar untuk membandingkannya dengan siklus lain.",
                           "en": "Pick one cycle in the sidebar to compare it with another."},
    "change_of": {"id": "Perubahan {metric} ({unit})", "en": "Change in {metric} ({unit})"},
    "unit_cases": {"id": "kasus", "en": "cases"},
    "unit_points": {"id": "poin", "en": "points"},
    "unit_days": {"id": "hari", "en": "days"},
    "unit_percent": {"id": "%", "en": "%"},
    "q_map_change": {"id": "Di mana {metric} berubah dibanding {other}?", "en": "Where did the {metric} change against {other}?"},
    "compare_table_title": {"id": "Perbandingan dengan {other}", "en": "Comparison with {other}"},
    "compare_measure": {"id": "Ukuran", "en": "Measure"},
    "compare_current": {"id": "{cycle}, sekarang", "en": "{cycle}, now"},
    "compare_same_age": {"id": "{other}, pada umur yang sama", "en": "{other}, at the same age"},
    "compare_final": {"id": "{other}, nilai akhir", "en": "{other}, final"},
    "compare_change": {"id": "Perubahan (umur sama)", "en": "Change (same age)"},
    "days": {"id": "hari", "en": "days"},
    "cases_unit": {"id": "kasus", "en": "cases"},
    "date_range": {"id": "rentang tanggal", "en": "date range"},
    "none_recorded": {
        "id": "Belum ada kasus tercatat untuk {area} pada {cycle}.",
        "en": "No case is recorded for {area} in {cycle} yet.",
    },
    "none_recorded_filtered": {
        "id": "Belum ada kasus tercatat untuk {area} pada {cycle} dengan filter {narrowing}. Hapus filter itu untuk melihat semua kasusnya.",
        "en": "No case is recorded for {area} in {cycle} with the filter {narrowing}. Remove that filter to see all its cases.",
    },
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
    "register_source_imported": {
        "id": "Register kasus yang diimpor lembaga (versi {version})",
        "en": "Case register imported by the organisation (version {version})",
    },
    "imported_source_public": {
        "id": "diimpor lembaga pada {when} (versi {version})",
        "en": "imported by the organisation on {when} (version {version})",
    },
    "imported_source": {
        "id": "diimpor oleh {who} pada {when} dari berkas {file} (versi {version})",
        "en": "imported by {who} on {when} from {file} (version {version})",
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
    "about_protection_title": {"id": "Perlindungan angka publik", "en": "How public numbers protect people"},
    "about_protection": {
        "id": "Tampilan publik tidak boleh membuat seorang ASN dapat dikenali dari angka register kasus. Kami menganggap "
              "pengunjung dapat mengirim permintaan tanpa batas dengan filter apa pun (juga lewat alamat URL), mengunduh "
              "semua data terbuka, mengetahui semua angka resmi, dan mungkin mengenal beberapa kasus dari berita. Karena itu:\n"
              "- **Angka disesuaikan sedikit.** Setiap jumlah kasus yang tampil ditambah atau dikurangi paling banyak {d}. "
              "Besarnya ditentukan oleh kasus-kasus di dalam angka itu dan sebuah kunci rahasia milik penyelenggara "
              "(metode *cell-key*, seperti TableBuilder Biro Statistik Australia). Kumpulan kasus yang sama selalu "
              "mendapat angka yang sama di halaman, grafik, peta, unduhan, dan paparan mana pun, sehingga bertanya berulang "
              "kali tidak menghapus penyesuaian itu. Akibatnya angka bagian bisa tidak tepat berjumlah sama dengan totalnya.\n"
              "- **Jumlah kecil tidak pernah tampil.** Jumlah di bawah {n}, termasuk nol, tampil sebagai \"< {n}\": "
              "\"tidak ada kasus\" dan \"beberapa kasus\" tampak sama. Rasio dihitung dari angka yang sudah disesuaikan; "
              "median dibulatkan ke hari; nilai satu kasus saja (misalnya tunggakan tertua) tidak ditampilkan.\n"
              "- **Rincian dibatasi.** Tanggal di tampilan publik selalu bulan penuh. Satu angka paling banyak dirinci "
              "menurut {budget} hal sekaligus (kabupaten/kota, kategori, jabatan, tingkat instansi, periode, …); semua "
              "pemilu digabung memakai seluruh batas itu. Tampilan yang lebih rinci tidak menampilkan angka.\n"
              "- **Yang dijamin:** dengan menggabungkan jawaban publik, pengunjung tidak dapat memastikan jumlah kecil "
              "di suatu sel atau tanggal laporan satu kasus. Uji serangan di kode proyek (`benchmarks.privacy_attacks`) "
              "mengulang cara-cara itu pada setiap perubahan. **Yang tidak dijamin:** angka publik bukan angka persis; "
              "untuk analisis persis, analis yang masuk melihat angka sebenarnya. Nama, NIP, dan baris per kasus tidak "
              "pernah tampil di tampilan publik.",
        "en": "The public view must not let anyone identify an ASN from the case register's numbers. We assume a visitor "
              "can send unlimited requests with any filters (URL parameters included), download all open data, knows every "
              "published figure and may know some cases from the press. So:\n"
              "- **Numbers are slightly adjusted.** Every case count shown is moved up or down by at most {d}. The amount "
              "is fixed by the cases inside the number and a secret key held by the deployment (the *cell-key* method, "
              "as in the Australian Bureau of Statistics' TableBuilder). The same set of cases always gets the same "
              "number on every page, chart, map, download and deck, so asking again does not remove the adjustment. "
              "Parts may therefore not add up exactly to their total.\n"
              "- **Small counts never show.** Counts below {n}, zero included, read \"< {n}\": \"no case\" and "
              "\"a few cases\" look the same. Rates are worked out from the adjusted counts; medians are rounded to "
              "days; values of a single case (such as the oldest open case) are not shown.\n"
              "- **Detail is limited.** Public dates are always whole months. One number may be broken down by at most "
              "{budget} things at once (regency, category, position, agency level, period, …); all elections pooled "
              "together use the whole limit. Views more detailed than that show no number.\n"
              "- **What is guaranteed:** combining public answers does not let a visitor pin down a small count in a cell "
              "or the report date of a single case. Attack tests in the project (`benchmarks.privacy_attacks`) repeat "
              "those ways on every change. **What is not:** public numbers are not exact; logged-in analysts see the real "
              "numbers. Names, NIPs and case-level rows never appear in the public view.",
    },
    "about_method_title": {"id": "Metodologi dan catatan", "en": "Methodology and caveats"},
    "about_method": {
        "id": "- **Dilaporkan**: semua temuan dan laporan. **Diregistrasi**: yang diterima untuk diperiksa. "
              "**Terbukti**: diputus melanggar. **Direkomendasikan**: KASN (sampai 23 Agustus 2024) atau BKN "
              "(sejak 24 Agustus 2024) mengirim rekomendasi sanksi ke PPK. **Ditindaklanjuti**: PPK menjalankan rekomendasi.\n"
              "- **Tingkat tindak lanjut** = ditindaklanjuti ÷ direkomendasikan.\n"
              "- **Hari sampai selesai** = dari tanggal laporan sampai keputusan akhir (tidak diregistrasi, tidak terbukti, "
              "dihentikan) atau jawaban PPK. Median hari sampai selesai menghitung kasus yang belum selesai sebagai belum selesai (Kaplan-Meier: kasus terbuka disensor pada tanggal data terbaru), bukan membuangnya; kasus itu juga ditampilkan sebagai tunggakan. Siklus yang masih berjalan dibandingkan dengan siklus sebelumnya pada umur yang sama (jumlah hari yang sama setelah pemungutan suara), dan tingkat berubah dalam poin persentase.\n"
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
              "or the PPK's answer. The median days to resolution counts open cases as not yet finished (Kaplan-Meier: open cases censored at the newest date), rather than leaving them out; they are also shown as backlog. A cycle still in progress is compared with the previous one at the same age (the same number of days after voting day), and rates change in percentage points.\n"
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
    "per_1000_note": {"id": "Per 1.000 ASN memakai jumlah ASN/PNS terbaru yang tersedia; wilayah tanpa angka ditampilkan 'tidak ada data'.",
                      "en": "Per 1,000 ASN uses the latest available ASN/PNS headcount; regions without one show 'no data'."},
    "per_1000_synthetic_note": {"id": "Dalam demo, {n} dari {total} penyebut di tampilan ini sintetis (wilayah tanpa jumlah pegawai nyata).",
                                "en": "In the demo, {n} of the {total} denominators in this view are synthetic (regions without a real headcount)."},
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
    # --- pages added with the analyst dashboard -------------------------------------------
    "page_categories": {"id": "Jenis pelanggaran", "en": "Violation types"},
    "page_sanctions": {"id": "Sanksi & tindak lanjut", "en": "Sanctions & follow-up"},
    "page_events": {"id": "Sosialisasi & pencegahan", "en": "Socialization & prevention"},
    "page_figures": {"id": "Angka resmi", "en": "Published figures"},
    # Jenis pelanggaran
    "categories_intro": {
        "id": "Bentuk pelanggaran, jabatan pelaku, tingkat instansi dan media, dibandingkan antarsiklus.",
        "en": "What the violations were, who committed them, at which level of government and where; cycle against cycle.",
    },
    "breakdown_by": {"id": "Rincian menurut", "en": "Break down by"},
    "dimension_category": {"id": "Kategori pelanggaran", "en": "Violation category"},
    "dimension_position": {"id": "Jabatan", "en": "Position"},
    "dimension_agency_level": {"id": "Tingkat instansi", "en": "Agency level"},
    "dimension_medium": {"id": "Media", "en": "Medium"},
    "dimension_asn_status": {"id": "Status ASN", "en": "ASN status"},
    "dimension_intake": {"id": "Asal kasus", "en": "Case origin"},
    "medium_media_sosial": {"id": "Media sosial", "en": "Social media"},
    "medium_tatap_muka": {"id": "Kegiatan tatap muka", "en": "Face-to-face activity"},
    "medium_alat_peraga": {"id": "Alat peraga kampanye", "en": "Campaign materials"},
    "medium_dokumen_resmi": {"id": "Dokumen/keputusan resmi", "en": "Official documents/decisions"},
    "medium_lainnya": {"id": "Lainnya", "en": "Other"},
    "intake_temuan": {"id": "Temuan Bawaslu", "en": "Bawaslu finding"},
    "intake_laporan": {"id": "Laporan masyarakat", "en": "Public report"},
    "compare_with": {"id": "Bandingkan dengan", "en": "Compare with"},
    "no_comparison": {"id": "Tanpa pembanding", "en": "No comparison"},
    "q_by_dimension": {"id": "Berapa bagian kasus menurut {dimension}?", "en": "What share of cases falls in each {dimension}?"},
    "share_of_cases_pct": {"id": "Bagian dari kasus siklus (%)", "en": "Share of the cycle's cases (%)"},
    "share_note": {
        "id": "Persen dari kasus yang dilaporkan dalam siklus itu, dengan filter yang sama",
        "en": "Percent of the cases reported in that cycle, with the same filters",
    },
    "bar_click_hint": {
        "id": "Klik sebuah batang untuk memfilter semua halaman menurut {dimension} itu.",
        "en": "Click a bar to filter every page by that {dimension}.",
    },
    "code_label": {"id": "Nilai", "en": "Value"},
    "share_pct": {"id": "Bagian", "en": "Share"},
    "proven_rate": {"id": "Terbukti dari dilaporkan", "en": "Proven of reported"},
    "share_change_pp": {"id": "Perubahan bagian vs {cycle} (poin persen)", "en": "Change in share vs {cycle} (percentage points)"},
    "crosstab_title": {"id": "Tabulasi silang", "en": "Cross-tabulation"},
    "crosstab_against": {"id": "Silangkan dengan", "en": "Cross with"},
    "q_crosstab": {"id": "Berapa kasus untuk setiap pasangan {rows} × {columns}?", "en": "How many cases for each {rows} × {columns} pair?"},
    # Sanksi & tindak lanjut
    "sanctions_intro": {
        "id": "Dari laporan sampai sanksi: berapa yang lolos setiap tahap, berapa lama, dan apa yang masih tertunda.",
        "en": "From report to sanction: how many pass each stage, how long it takes and what is still pending.",
    },
    "q_funnel": {"id": "Berapa kasus yang sampai ke setiap tahap?", "en": "How many cases reach each stage?"},
    "funnel_note": {
        "id": "Kasus dihitung pada tahap terjauh yang dicapai; persen dari kasus yang dilaporkan",
        "en": "Cases counted at the furthest stage reached; percent of the cases reported",
    },
    "q_stage_durations": {"id": "Berapa lama setiap tahap penanganan?", "en": "How long does each handling stage take?"},
    "stage_bawaslu": {"id": "Pemeriksaan Bawaslu", "en": "Bawaslu examination"},
    "stage_forwarding": {"id": "Penerusan ke KASN/BKN", "en": "Forwarding to KASN/BKN"},
    "stage_recommendation": {"id": "Rekomendasi KASN/BKN", "en": "KASN/BKN recommendation"},
    "stage_followup": {"id": "Jawaban PPK", "en": "PPK's answer"},
    "median": {"id": "Median", "en": "Median"},
    "p90": {"id": "Persentil ke-90", "en": "90th percentile"},
    "handling_title": {"id": "Waktu penanganan (median) dan standar layanan", "en": "Handling time (median) and service levels"},
    "ikp_title": {"id": "Kerawanan dan jumlah pelanggaran", "en": "Vulnerability and violation counts"},
    "stage_help": {"id": "{n} kasus menyelesaikan tahap ini; persentil ke-90: {p90} hari.",
                   "en": "{n} cases completed this stage; 90th percentile: {p90} days."},
    "within_service_level": {"id": "{pct} tepat waktu", "en": "{pct} on time"},
    "service_level_note": {
        "id": "Standar layanan: registrasi paling lama {verification} hari sejak laporan, lalu putusan paling lama "
              "{review} hari kerja (Senin–Jumat; hari libur nasional tidak dikecualikan). Register tidak mencatat "
              "tanggal registrasi, jadi ukurannya gabungan: putusan paling lambat {verification} hari + {review} hari "
              "kerja sejak laporan (untuk laporan yang tidak diregistrasi: {verification} hari). "
              "Tahap setelah Bawaslu tidak memiliki standar layanan yang dipublikasikan.",
        "en": "Service levels: registration within {verification} days of the report, then a decision within "
              "{review} working days (Monday–Friday; public holidays are not excluded). The register does not hold "
              "the registration date, so the measure is combined: a decision no later than {verification} days + "
              "{review} working days after the report (for reports not registered: {verification} days). "
              "The stages after Bawaslu have no published service level.",
    },
    "q_agency_followup": {
        "id": "PPK mana yang paling sedikit menindaklanjuti rekomendasi? (minimal {n} rekomendasi)",
        "en": "Which PPKs follow up the fewest recommendations? (at least {n} recommendations)",
    },
    "followup_rate_pct_axis": {"id": "Rekomendasi yang ditindaklanjuti (%)", "en": "Recommendations followed up (%)"},
    "agency_note": {
        "id": "PPK dengan kurang dari 5 rekomendasi tidak diperingkat (terlalu sedikit untuk dibandingkan); semuanya ada di tabel",
        "en": "PPKs with fewer than 5 recommendations are not ranked (too few to compare); all are in the table",
    },
    "ppk_agency": {"id": "PPK / instansi", "en": "PPK / agency"},
    "pending": {"id": "Belum ditindaklanjuti", "en": "Pending"},
    "refused": {"id": "Ditolak", "en": "Refused"},
    "median_days_to_followup": {"id": "Median hari", "en": "Median days"},
    "no_recommendations": {"id": "Belum ada rekomendasi untuk filter ini.", "en": "No recommendations for these filters yet."},
    "no_agency_with_enough": {
        "id": "Ada rekomendasi, tetapi tidak ada PPK yang menerima sedikitnya {n} rekomendasi (angka publik), jadi "
              "tidak ada PPK yang dibandingkan di sini.",
        "en": "There are recommendations, but no PPK received at least {n} of them (public numbers), so no PPK is "
              "compared here.",
    },
    "q_backlog": {"id": "Berapa kasus masih terbuka, dan sudah berapa lama menunggu?", "en": "How many cases are still open, and for how long?"},
    "open_pemeriksaan": {"id": "Dalam pemeriksaan Bawaslu", "en": "Under Bawaslu examination"},
    "open_menunggu_rekomendasi": {"id": "Menunggu rekomendasi KASN/BKN", "en": "Awaiting KASN/BKN recommendation"},
    "open_menunggu_ppk": {"id": "Menunggu tindak lanjut PPK", "en": "Awaiting the PPK's follow-up"},
    "waiting_days": {"id": "Lama menunggu di tahap saat ini (hari)", "en": "Days waiting in the current stage"},
    "backlog_note": {
        "id": "Umur dihitung sampai tanggal data; menunggu dimulai saat laporan, putusan/penerusan, atau rekomendasi",
        "en": "Age counted to the data's date; waiting starts at the report, the decision/forwarding or the recommendation",
    },
    "no_backlog": {"id": "Tidak ada kasus terbuka untuk filter ini.", "en": "No open cases for these filters."},
    "q_sanction_mix": {"id": "Sanksi apa yang direkomendasikan, dan apa yang dijatuhkan?", "en": "Which sanctions were recommended, and which imposed?"},
    "recommended_sanction": {"id": "Direkomendasikan", "en": "Recommended"},
    "imposed_sanction": {"id": "Dijatuhkan PPK", "en": "Imposed by the PPK"},
    "sanction_mix_note": {
        "id": "Urut dari yang paling ringan; sanksi moral (PP 42/2004) dan hukuman disiplin (PP 94/2021)",
        "en": "Lightest first; moral sanctions (PP 42/2004) and disciplinary sanctions (PP 94/2021)",
    },
    # Sosialisasi & pencegahan
    "events_intro": {
        "id": "Sosialisasi, ikrar, kerja sama dan rapat koordinasi yang tercatat di media dan situs resmi, masing-masing dengan sumbernya. "
              "Kegiatan ditempatkan menurut tanggal dan wilayah; filter Pemilu/Pilkada tidak berlaku untuk kegiatan.",
        "en": "Socialization events, pledges, agreements and coordination meetings documented in the press and on official sites, "
              "each with its source. Events are placed by date and region; the election filter does not apply to them.",
    },
    "events_source": {"id": "Kegiatan yang tercatat (sumber per kegiatan di tabel)", "en": "Documented events (source per event in the table)"},
    "no_events": {"id": "Tidak ada kegiatan tercatat untuk wilayah dan periode ini.", "en": "No documented event for this area and period."},
    "events_documented": {"id": "Kegiatan tercatat", "en": "Documented events"},
    "regencies_with_events": {"id": "Kabupaten/kota dengan kegiatan", "en": "Regencies/cities with events"},
    "event_types_seen": {"id": "Jenis kegiatan", "en": "Event types"},
    "q_events_timeline": {"id": "Kapan dan di mana kegiatan pencegahan diadakan?", "en": "When and where were prevention events held?"},
    "timeline_note": {
        "id": "Lingkaran kosong: tanggal hanya diketahui sampai bulan atau tahun; garis titik-titik: hari pemungutan suara",
        "en": "Hollow circles: date known only to the month or year; dotted lines: voting days",
    },
    "q_events_map": {"id": "Berapa kegiatan tercatat di setiap kabupaten/kota?", "en": "How many events are documented in each regency/city?"},
    "events_unit": {"id": "Kegiatan", "en": "Events"},
    "no_documented_event": {"id": "Tidak ada kegiatan tercatat", "en": "No documented event"},
    "event_date": {"id": "Tanggal", "en": "Date"},
    "event_type": {"id": "Jenis", "en": "Type"},
    "event_title": {"id": "Kegiatan", "en": "Event"},
    "organizer": {"id": "Penyelenggara", "en": "Organizer"},
    "participants": {"id": "Peserta", "en": "Participants"},
    "open_source": {"id": "Buka sumber", "en": "Open source"},
    "before_after_title": {"id": "Kasus sebelum dan sesudah kegiatan", "en": "Cases before and after events"},
    "not_causal": {
        "id": "**Ini bukan ukuran dampak.** Jumlah kasus naik dan turun mengikuti kalender pemilu (kampanye, masa tenang, "
              "hari pemungutan suara), dan kegiatan biasanya diadakan menjelang pemungutan suara. Perbedaan sebelum dan "
              "sesudah tidak menunjukkan bahwa kegiatan menyebabkan penurunan atau kenaikan.",
        "en": "**This is not a measure of effect.** Case counts rise and fall with the election calendar (campaign, quiet "
              "days, voting day), and events are usually held before voting. A difference before and after does not show "
              "that an event caused a fall or a rise.",
    },
    "window_days": {"id": "Jendela waktu", "en": "Window"},
    "n_days": {"id": "{n} hari", "en": "{n} days"},
    "q_before_after": {
        "id": "Berapa kasus dilaporkan di kabupaten/kota yang sama {days} hari sebelum dan sesudah kegiatan?",
        "en": "How many cases were reported in the same regency/city {days} days before and after each event?",
    },
    "before_event": {"id": "{days} hari sebelum", "en": "{days} days before"},
    "after_event": {"id": "{days} hari sesudah", "en": "{days} days after"},
    "before_after_note": {
        "id": "Hanya kegiatan dengan tanggal pasti di tingkat kabupaten/kota; hari kegiatan tidak dihitung; filter selain tanggal berlaku untuk kasus",
        "en": "Only events with an exact date at regency/city level; the event day is in neither window; filters other than dates apply to the cases",
    },
    "no_dated_events": {"id": "Tidak ada kegiatan bertanggal pasti di wilayah ini.", "en": "No event with an exact date in this area."},
    # Angka resmi
    "figures_intro": {
        "id": "Angka yang dinyatakan KASN, BKN, Bawaslu, Kemendagri dan kantor daerah, satu baris per angka, dengan tanggal dan "
              "sumbernya. Angka yang berbeda untuk hal yang sama ditampilkan berdampingan, tidak pernah dijumlahkan atau dirata-rata.",
        "en": "Figures stated by KASN, BKN, Bawaslu, Kemendagri and regional offices, one row per figure, with its date and source. "
              "Different figures for the same thing are shown side by side, never summed or averaged.",
    },
    "figures_source": {"id": "Angka resmi yang dipublikasikan (sumber per angka di tabel)", "en": "Published figures (source per figure in the table)"},
    "q_series_by_cycle": {
        "id": "Berapa ASN yang dilaporkan, terbukti dan direkomendasikan di tingkat nasional, per siklus?",
        "en": "How many ASN were reported, proven and recommended nationally, per cycle?",
    },
    "asn_or_recommendations": {"id": "ASN / rekomendasi", "en": "ASN / recommendations"},
    "series_note": {
        "id": "Setiap titik adalah satu angka yang dipublikasikan; beberapa titik pada satu siklus berarti sumber atau tanggal berbeda",
        "en": "Each marker is one published figure; several markers in one cycle mean different sources or dates",
    },
    "snapshot_cycle": {"id": "Siklus untuk cuplikan bertanggal", "en": "Cycle for the dated snapshots"},
    "q_snapshots": {"id": "Bagaimana angka nasional {cycle} bertambah dari waktu ke waktu?", "en": "How did the national figures of {cycle} grow over time?"},
    "snapshot_note": {
        "id": "Angka per tanggal yang dirujuk; angka tanpa tanggal tidak digambar",
        "en": "Figures by the date they refer to; figures without a date are not drawn",
    },
    "conflicts_title": {"id": "Angka yang berbeda untuk hal yang sama", "en": "Different figures for the same thing"},
    "conflicts_intro": {
        "id": "Lingkup: {scope}. Setiap kelompok adalah satu besaran (siklus, metrik, wilayah) yang dinyatakan dengan nilai berbeda.",
        "en": "Scope: {scope}. Each group is one quantity (cycle, metric, area) stated with different values.",
    },
    "no_conflicts": {"id": "Tidak ada angka yang saling berbeda untuk lingkup ini.", "en": "No conflicting figures in this scope."},
    "conflict_group": {"id": "Kelompok", "en": "Group"},
    "q_ikp": {
        "id": "Bagaimana skor Indeks Kerawanan Pemilu (IKP) dibandingkan dengan jumlah pelanggaran yang dipublikasikan, per wilayah Kalimantan?",
        "en": "How do election vulnerability index (IKP) scores compare with published violation counts, per Kalimantan region?",
    },
    "ikp_panel": {"id": "Skor IKP", "en": "IKP score"},
    "counts_panel": {"id": "Jumlah", "en": "Counts"},
    "ikp_note": {
        "id": "Skor IKP berbeda edisi dan dimensi (0–100); jumlah dari berita dan rilis resmi. Titik per angka, tidak digabung",
        "en": "IKP scores come from different editions and dimensions (0–100); counts from press and official releases. One marker per figure, not combined",
    },
    "figures_map_title": {"id": "Angka resmi di peta Kalimantan", "en": "Published figures on the Kalimantan map"},
    "figures_map_metric": {"id": "Angka yang dipetakan", "en": "Figure to map"},
    "q_figures_map": {"id": "Berapa angka yang dipublikasikan per wilayah: {metric}? ({scope})", "en": "What was published per region: {metric}? ({scope})"},
    "no_published_figure": {"id": "Tidak ada angka dipublikasikan", "en": "No published figure"},
    "figures_count": {"id": "Jumlah angka", "en": "Figures"},
    "figures_map_note": {
        "id": "Bila ada beberapa angka untuk satu wilayah, peta menampilkan yang terbaru; semua angka ada di daftar di bawah",
        "en": "Where a region has several figures, the map shows the latest; all figures are in the registry below",
    },
    "registry_title": {"id": "Daftar angka resmi", "en": "Registry of published figures"},
    "metric_group": {"id": "Kelompok metrik", "en": "Metric group"},
    "all_groups": {"id": "Semua kelompok", "en": "All groups"},
    "group_violations": {"id": "Pelanggaran", "en": "Violations"},
    "group_sanctions": {"id": "Sanksi dan tindak lanjut", "en": "Sanctions and follow-up"},
    "group_category": {"id": "Jenis pelanggaran", "en": "Violation types"},
    "group_position": {"id": "Jabatan", "en": "Positions"},
    "group_vulnerability": {"id": "Kerawanan (IKP)", "en": "Vulnerability (IKP)"},
    "group_headcount": {"id": "Jumlah ASN", "en": "ASN headcount"},
    "group_other": {"id": "Lainnya", "en": "Other"},
    "registry_count": {"id": "{n} angka · lingkup: {scope}", "en": "{n} figures · scope: {scope}"},
    "publisher": {"id": "Penerbit", "en": "Publisher"},
    "figure_description": {"id": "Yang dihitung", "en": "What was counted"},
    "download_registry": {"id": "Unduh daftar (CSV)", "en": "Download the registry (CSV)"},
    # Kelola data
    "page_manage": {"id": "Kelola data", "en": "Manage data"},
    "manage_intro": {
        "id": "Impor data kasus, sanksi, kegiatan, angka resmi atau jumlah ASN milik lembaga Anda. Berkas diperiksa dulu; "
              "hanya berkas yang lolos seluruhnya yang disimpan, sebagai versi baru yang bisa dipulihkan kapan saja. "
              "Begitu kasus nyata diimpor, register demo sintetis tidak ditampilkan lagi.",
        "en": "Import your organisation's cases, sanctions, events, published figures or headcounts. Files are checked first; "
              "only a file that passes completely is stored, as a new version that can be restored at any time. "
              "Once real cases are imported, the synthetic demo register is no longer shown.",
    },
    "serving_version": {"id": "Dasbor memakai data impor versi {version}.", "en": "The dashboard serves imported data, version {version}."},
    "serving_demo": {"id": "Belum ada impor: dasbor memakai data kurasi dan register demo sintetis.",
                     "en": "No imports yet: the dashboard serves the curated data and the synthetic demo register."},
    "templates_title": {"id": "Templat kosong", "en": "Blank templates"},
    "template_csv": {"id": "Templat CSV", "en": "CSV template"},
    "template_xlsx": {"id": "Templat XLSX + kamus data", "en": "XLSX template + data dictionary"},
    "import_title": {"id": "Impor berkas", "en": "Import a file"},
    "table": {"id": "Tabel", "en": "Table"},
    "mode": {"id": "Mode", "en": "Mode"},
    "mode_append": {"id": "Tambah (append)", "en": "Append"},
    "mode_replace": {"id": "Ganti (replace)", "en": "Replace"},
    "mode_append_help": {
        "id": "Baris dengan kunci baru ditambahkan; kunci yang sudah ada dengan isi sama dilewati dan dilaporkan; kunci yang sudah ada dengan isi berbeda menolak berkas.",
        "en": "Rows with new keys are added; keys already stored with the same content are skipped and reported; keys stored with different content reject the file.",
    },
    "mode_replace_help": {"id": "Seluruh isi tabel diganti dengan isi berkas.", "en": "The whole table is replaced by the file's content."},
    "upload": {"id": "Unggah berkas (CSV, XLSX atau Parquet)", "en": "Upload a file (CSV, XLSX or Parquet)"},
    "sheet": {"id": "Nama lembar (kosong = lembar pertama)", "en": "Sheet name (empty = the first sheet)"},
    "read_as": {"id": "Dibaca sebagai {detail}; {rows} baris data.", "en": "Read as {detail}; {rows} data rows."},
    "mapping_title": {"id": "Pemetaan kolom", "en": "Column mapping"},
    "file_column": {"id": "Kolom di berkas", "en": "Column in the file"},
    "stored_as": {"id": "Disimpan sebagai", "en": "Stored as"},
    "helper_province": {"id": "dipakai untuk mencocokkan wilayah", "en": "used to match regions"},
    "ignored": {"id": "diabaikan", "en": "ignored"},
    "rejected": {"id": "Ditolak: {n} masalah. Tidak ada data yang diubah.", "en": "Rejected: {n} problem(s). Nothing was changed."},
    "report_location": {"id": "Lokasi", "en": "Location"},
    "report_problem": {"id": "Masalah", "en": "Problem"},
    "report_found": {"id": "Ditemukan", "en": "Found"},
    "report_expected": {"id": "Diharapkan", "en": "Expected"},
    "download_report": {"id": "Unduh laporan (CSV)", "en": "Download the report (CSV)"},
    "notices_title": {"id": "Catatan ({n})", "en": "Notes ({n})"},
    "accepted_preview": {
        "id": "Lolos pemeriksaan: {added} baris akan disimpan, {skipped} dilewati (sudah ada), {replaced} baris lama diganti.",
        "en": "Passed the checks: {added} rows will be stored, {skipped} skipped (already stored), {replaced} old rows replaced.",
    },
    "confirm_import": {"id": "Simpan sebagai versi baru", "en": "Store as a new version"},
    "committed": {"id": "Tersimpan: versi {version} ({table}).", "en": "Stored: version {version} ({table})."},
    "stale_import": {
        "id": "Data berubah sejak berkas ini diperiksa (versi aktif sekarang {current}). Berkas diperiksa ulang; periksa hasilnya lalu simpan lagi.",
        "en": "The data changed since this file was checked (the active version is now {current}). The file is checked again; review and store it again.",
    },
    "data_unavailable": {
        "id": "Data tidak dapat dibuka: {reason}. Tidak ada data yang diubah. Hubungi pengelola data.",
        "en": "The data cannot be opened: {reason}. Nothing was changed. Contact the data administrator.",
    },
    "nothing_new": {"id": "Tidak ada yang baru: semua baris sudah tersimpan.", "en": "Nothing new: every row is already stored."},
    "versions_title": {"id": "Versi", "en": "Versions"},
    "no_versions": {"id": "Belum ada versi impor.", "en": "No imported versions yet."},
    "version": {"id": "Versi", "en": "Version"},
    "active": {"id": "Aktif", "en": "Active"},
    "committed_at": {"id": "Waktu (UTC)", "en": "Time (UTC)"},
    "who": {"id": "Oleh", "en": "By"},
    "file": {"id": "Berkas", "en": "File"},
    "rows_added": {"id": "Baris ditambah", "en": "Rows added"},
    "rows_skipped": {"id": "Dilewati", "en": "Skipped"},
    "restored_from": {"id": "Dipulihkan dari", "en": "Restored from"},
    "tables_in_version": {"id": "Tabel (baris)", "en": "Tables (rows)"},
    "rollback_to": {"id": "Pulihkan versi", "en": "Restore version"},
    "before_imports": {"id": "v0000 · sebelum ada impor (data kurasi + demo)", "en": "v0000 · before any import (curated + demo)"},
    "rollback_confirm": {"id": "Ya, pulihkan {version}", "en": "Yes, restore {version}"},
    "rollback": {"id": "Pulihkan", "en": "Restore"},
    "rolled_back": {"id": "{version} dipulihkan sebagai versi {new}.", "en": "{version} restored as version {new}."},
    # Briefing
    "register_source_briefing": {"id": "Register kasus yang diimpor lembaga", "en": "Case register imported by the organisation"},
    "brief_title": {"id": "Netralitas ASN: {cycle}, {area}", "en": "ASN neutrality: {cycle}, {area}"},
    "brief_synthetic": {
        "id": "DATA CONTOH SINTETIS: register kasus dalam paparan ini adalah data demo buatan, bukan kasus nyata.",
        "en": "SYNTHETIC DEMO DATA: the case register in this deck is generated demo data, not real cases.",
    },
    "brief_synthetic_short": {"id": "DATA CONTOH SINTETIS", "en": "SYNTHETIC DEMO DATA"},
    "brief_headline_title": {"id": "Angka utama: {cycle}, {area}", "en": "Headline numbers: {cycle}, {area}"},
    "brief_narrative_title": {"id": "Ringkasan", "en": "Summary"},
    "brief_no_cases": {"id": "Tidak ada kasus tercatat untuk {cycle} di {area}.", "en": "No cases recorded for {cycle} in {area}."},
    "brief_sentence_total": {
        "id": "Pada {cycle} di {area} tercatat {reported} kasus dilaporkan; {proven} terbukti melanggar netralitas.",
        "en": "In {cycle} in {area}, {reported} cases were reported; {proven} were proven violations.",
    },
    "brief_sentence_change_up": {
        "id": "Jumlah laporan naik {pct}% dibanding {previous} pada umur yang sama ({before} kasus).",
        "en": "Reports rose {pct}% compared with {previous} at the same age ({before} cases).",
    },
    "brief_sentence_change_down": {
        "id": "Jumlah laporan turun {pct}% dibanding {previous} pada umur yang sama ({before} kasus).",
        "en": "Reports fell {pct}% compared with {previous} at the same age ({before} cases).",
    },
    "brief_same_age": {
        "id": "Dibandingkan pada umur yang sama: {age} setelah pemungutan suara, dengan {other} pada umur itu. "
              "Tingkat berubah dalam poin persentase.",
        "en": "Compared at the same age: {age} after voting day, with {other} as it stood then. Rates change in "
              "percentage points.",
    },
    "brief_sentence_hotspot": {
        "id": "Kasus terbanyak berasal dari {region}: {n} kasus ({share} dari seluruh laporan).",
        "en": "Most cases came from {region}: {n} cases ({share} of all reports).",
    },
    "brief_sentence_followup": {
        "id": "PPK telah menindaklanjuti {followed} dari {recommended} rekomendasi ({rate}).",
        "en": "PPKs have followed up {followed} of {recommended} recommendations ({rate}).",
    },
    "brief_sentence_open": {"id": "{n} kasus masih terbuka pada tanggal data.", "en": "{n} cases were still open on the data's date."},
    "brief_followup_line": {
        "id": "Tindak lanjut PPK: {followed} dari {recommended} rekomendasi ({rate}).",
        "en": "PPK follow-up: {followed} of {recommended} recommendations ({rate}).",
    },
    "brief_backlog_line": {
        "id": "{n} kasus terbuka; {old} di antaranya menunggu lebih dari 180 hari.",
        "en": "{n} open cases; {old} of them have waited more than 180 days.",
    },
    "brief_map_missing": {"id": "Peta tidak tersedia: berkas batas wilayah tidak ditemukan.", "en": "Map unavailable: boundary files not found."},
    "brief_events_title": {"id": "Kegiatan pencegahan yang tercatat", "en": "Documented prevention events"},
    "brief_events_count": {
        "id": "{n} kegiatan tercatat di {regencies} kabupaten/kota (semua periode). Terbaru:",
        "en": "{n} events documented in {regencies} regencies/cities (all periods). Latest:",
    },
    "events_source_brief": {"id": "Kegiatan yang tercatat di media dan situs resmi (sumber per kegiatan di dasbor)",
                            "en": "Events documented in the press and on official sites (source per event on the dashboard)"},
    "brief_sources_title": {"id": "Sumber dan catatan", "en": "Sources and notes"},
    "brief_source_register": {
        "id": "Register kasus: data demo sintetis, dikalibrasi dengan angka resmi nasional; bukan kasus nyata.",
        "en": "Case register: synthetic demo data calibrated to published national figures; not real cases.",
    },
    "brief_source_register_real": {"id": "Register kasus: data yang diimpor lembaga (lihat Kelola data untuk versi).",
                                   "en": "Case register: the organisation's imported data (see Manage data for the version)."},
    "brief_source_figures": {"id": "Angka resmi: KASN, BKN, Bawaslu, Kemendagri, dikutip per angka dengan tautan.",
                             "en": "Published figures: KASN, BKN, Bawaslu, Kemendagri, cited figure by figure with links."},
    "brief_source_events": {"id": "Kegiatan: media lokal dan situs resmi pemerintah daerah/Bawaslu.",
                            "en": "Events: local press and official regional government/Bawaslu sites."},
    "brief_source_boundaries": {"id": "Batas wilayah: cahyadsn/wilayah_boundaries (MIT), kode Kemendagri.",
                                "en": "Boundaries: cahyadsn/wilayah_boundaries (MIT), Kemendagri codes."},
    "page_briefing": {"id": "Bahan paparan", "en": "Briefing"},
    "briefing_intro": {
        "id": "Bahan paparan untuk pimpinan dari filter yang dipilih (siklus dan provinsi): angka utama dengan perbandingan "
              "siklus sebelumnya, peta, tren, wilayah terbanyak, tindak lanjut, tunggakan, kegiatan, dan ringkasan naratif. "
              "Setiap angka berasal dari data yang sama dengan dasbor dan setiap halaman menyebut sumbernya.",
        "en": "A leadership briefing for the selected filters (cycle and province): headline numbers against the previous "
              "cycle, map, trend, hotspots, follow-up, backlog, events and a short narrative. Every number comes from the "
              "same data as the dashboard and every slide names its source.",
    },
    "brief_pick_election": {"id": "Pilih satu Pemilu/Pilkada di sidebar untuk menyusun bahan paparan.",
                            "en": "Choose one election in the sidebar to build the briefing."},
    "download_pptx": {"id": "Unduh PPTX", "en": "Download PPTX"},
    "download_pdf": {"id": "Unduh PDF", "en": "Download PDF"},
    "start_presentation": {"id": "Mulai presentasi", "en": "Start presenting"},
    "previous_slide": {"id": "Sebelumnya", "en": "Previous"},
    "next_slide": {"id": "Berikutnya", "en": "Next"},
    "exit_presentation": {"id": "Keluar", "en": "Exit"},
    "briefing_cli": {"id": "Dari baris perintah (misalnya terjadwal):", "en": "From the command line (e.g. scheduled):"},
    "page_open_data": {"id": "Data terbuka", "en": "Open data"},
    "open_data_intro": {
        "id": "Tabel agregat yang boleh diunduh siapa saja, masing-masing dengan lisensi, sumber dan tanggal datanya. "
              "Tidak ada baris per kasus dan tidak ada data pribadi; jumlah kecil disembunyikan.",
        "en": "Aggregated tables anyone may download, each with its licence, sources and the date of its data. "
              "No case-level rows and no personal data; small counts are withheld.",
    },
    "dataset_meta": {"id": "{rows} baris · data per {as_of} · sumber: {source} · lisensi: {licence}",
                     "en": "{rows} rows · data as of {as_of} · source: {source} · licence: {licence}"},
    "dataset_synthetic": {"id": "Tabel ini berasal dari register demo sintetis, bukan kasus nyata.",
                          "en": "This table comes from the synthetic demo register, not real cases."},
    "download_zip": {"id": "Unduh ZIP (CSV + README)", "en": "Download ZIP (CSV + README)"},
    "load_with_pandas": {"id": "Membuka unduhan dengan pandas", "en": "Loading a download with pandas"},
    "open_data_caveats": {
        "id": "**Catatan.** Angka resmi adalah pernyataan pada tanggal tertentu dan sering berbeda antarsumber: bandingkan, "
              "jangan dijumlahkan. Angka register disesuaikan sedikit (paling banyak ±3) dan jumlah di bawah 5, termasuk nol, "
              "dikosongkan, agar tidak ada orang yang dapat dikenali; bagian bisa tidak tepat berjumlah sama dengan totalnya. Tingkat per 1.000 ASN hanya dihitung bila jumlah ASN nyata tersedia.",
        "en": "**Caveats.** Published figures are statements at a date and often differ between sources: compare them, do "
              "not add them up. Register numbers are slightly adjusted (at most ±3) and counts below 5, zero included, are "
              "left empty so that nobody can be identified; parts may not add up exactly to their total. Rates per 1,000 ASN are computed only where a real headcount exists.",
    },
    "analyst_login": {"id": "Masuk analis", "en": "Analyst login"},
    "login_oidc": {"id": "Masuk dengan akun lembaga", "en": "Log in with your organisation's account"},
    "username": {"id": "Nama pengguna", "en": "User name"},
    "password": {"id": "Kata sandi", "en": "Password"},
    "login": {"id": "Masuk", "en": "Log in"},
    "logout": {"id": "Keluar", "en": "Log out"},
    "logged_in_as": {"id": "Masuk sebagai {user} (analis)", "en": "Logged in as {user} (analyst)"},
    "login_failed": {"id": "Nama pengguna atau kata sandi salah.", "en": "Wrong user name or password."},
    "login_locked": {"id": "Terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit.",
                     "en": "Too many failed attempts. Try again in {minutes} minutes."},
    "withheld_note": {"id": "< {n}: kurang dari {n} kasus, termasuk tidak ada sama sekali; di tampilan publik keduanya tampak sama agar tidak ada orang yang dapat dikenali. Di CSV sel itu kosong dan ditandai di kolom *_withheld.",
                      "en": "< {n}: fewer than {n} cases, none at all included; the public view shows both alike so that nobody can be identified. The CSV leaves them empty and flags them in *_withheld columns."},
    "adjusted_note": {"id": "Angka register disesuaikan sedikit (paling banyak ±{d}) untuk melindungi orang, sehingga bagian bisa tidak tepat berjumlah sama dengan totalnya. Cara kerjanya: Tentang data › Perlindungan angka publik.",
                      "en": "Register numbers are slightly adjusted (at most ±{d}) to protect people, so parts may not add up exactly to their total. How it works: About the data › How public numbers protect people."},
    "protection_link": {"id": "Cara angka publik dilindungi", "en": "How public numbers protect people"},
    "too_detailed_public": {"id": "Tampilan ini terlalu rinci untuk tampilan publik (lebih dari {n} rincian sekaligus: kabupaten/kota, kategori, jabatan, tingkat instansi, periode, semua pemilu digabung …). Agar tidak ada orang yang dapat dikenali, angkanya tidak ditampilkan; hapus satu filter, pilih satu pemilu, atau pilih provinsi.",
                            "en": "This view is too detailed for the public view (more than {n} breakdowns at once: regency, category, position, agency level, period, all elections pooled …). So that nobody can be identified, its numbers are not shown; remove a filter, choose one election, or choose a province."},
    "public_months": {"id": "Tampilan publik memakai bulan penuh: {start} – {end}.", "en": "The public view uses whole months: {start} – {end}."},
    "rests_on_withheld": {"id": "n < {n}", "en": "n < {n}"},
    "trend_by_month": {"id": "Ditampilkan per bulan: sebagian besar minggu berisi kurang dari {n} kasus.",
                       "en": "Shown by month: most weeks hold fewer than {n} cases."},
    "trend_withheld_note": {
        "id": "Batang berarsir: kurang dari {n} kasus (termasuk 0) pada periode itu; periode sebelum dan sesudah "
              "rentang grafik juga masing-masing kurang dari {n}. Karena itu, dan karena angka publik disesuaikan "
              "sedikit, jumlah batang tidak sama dengan total.",
        "en": "Hatched bars: fewer than {n} cases (0 included) in that period; periods before and after the chart's "
              "range also hold fewer than {n} each. Because of them, and because public numbers are adjusted "
              "slightly, the bars do not add up to the total.",
    },
    "aligned_withheld_note": {
        "id": "Lingkaran kosong: kurang dari {n} kasus (termasuk 0) pada minggu itu; garis terputus di sana.",
        "en": "Open circles: fewer than {n} cases (0 included) that week; the line breaks there.",
    },
    "not_recorded_in_cycle": {"id": "tidak dicatat pada siklus ini", "en": "not recorded in this cycle"},
    "not_recorded_note": {
        "id": "'Tidak dicatat pada siklus ini': di seluruh register siklus itu tidak ada satu kasus pun dengan "
              "kategori ini; kategori yang dipakai tiap siklus berbeda, jadi bagian ini tidak dibandingkan.",
        "en": "'Not recorded in this cycle': that cycle's whole register has no case of this category; the "
              "categories each cycle uses differ, so this share is not compared.",
    },
    "other_share_note": {
        "id": "'Lainnya' mencapai {share}: kasus yang jenisnya tidak cocok dengan daftar kategori ini, atau tidak "
              "dirinci oleh pencatatnya, masuk ke sana.",
        "en": "'Other' reaches {share}: cases whose kind does not fit this list of categories, or that the register "
              "does not specify, go there.",
    },
    "other_share_note_demo": {
        "id": "'Lainnya' mencapai {share}: angka resmi yang menjadi acuan register demo hanya merinci sebagian jenis "
              "pelanggaran, dan bagian yang tidak dirinci dimasukkan ke 'Lainnya'.",
        "en": "'Other' reaches {share}: the published figures the demo register follows specify only some kinds of "
              "violation, and the unspecified part goes to 'Other'.",
    },
    "categories_not_shown": {"id": "Kategori yang tidak tampil: kurang dari {n} kasus masing-masing (termasuk 0).",
                             "en": "Categories not shown: fewer than {n} cases each (0 included)."},
    "teach_title": {"id": "Ajari pemeriksa istilah kantor Anda", "en": "Teach the checker your office's words"},
    "teach_help": {
        "id": "Pilih kolom atau kode yang dimaksud. Pilihan ini diingat untuk berkas berikutnya dari lembaga ini, "
              "lalu berkas diperiksa lagi.",
        "en": "Pick the field or code meant. The choice is remembered for this organisation's next files, and the "
              "file is checked again.",
    },
    "teach_column": {"id": "Kolom '{header}' berisi", "en": "Column '{header}' holds"},
    "teach_value": {"id": "'{value}' di {column} berarti", "en": "'{value}' in {column} means"},
    "teach_skip": {"id": "— biarkan —", "en": "— leave —"},
    "teach_save": {"id": "Ingat dan periksa lagi", "en": "Remember and check again"},
    "withheld_legend": {"id": "< {n} (disembunyikan)", "en": "< {n} (withheld)"},
    "too_few_public": {"id": "Pilihan ini mencakup kurang dari {n} kasus. Agar tidak ada orang yang dapat dikenali, rinciannya tidak ditampilkan di tampilan publik; pilih wilayah atau periode yang lebih luas.",
                       "en": "This selection covers fewer than {n} cases. So that nobody can be identified, its breakdown is not shown in the public view; choose a wider area or period."},
    "chart_numbers": {"id": "Angka di balik grafik (tabel): {title}", "en": "Numbers behind the chart (table): {title}"},
    "data_fallback": {"id": "Data terbaru tidak dapat dibaca: {reason}. Yang ditampilkan adalah versi baik terakhir ({version}); tidak ada data yang diubah. Hubungi pengelola data.",
                      "en": "The latest data cannot be read: {reason}. Showing the last good version ({version}); nothing was changed. Contact the data administrator."},
}


def t(key: str, lang: str = "id", **values: object) -> str:
    """The text for ``key`` in ``lang``; unknown keys raise so that typos fail tests."""
    text = TEXT[key][lang if lang in LANGUAGES else "id"]
    return text.format(**values) if values else text


def t_markdown(key: str, lang: str = "id", **values: object) -> str:
    """:func:`t` for Streamlit Markdown: the text's own formatting stays, every value put into it
    (a name, a title, a file, a reason) reads as its characters (``analytics.text``)."""
    return t(key, lang, **{name: markdown_literal(value) for name, value in values.items()})


def label(row, lang: str = "id") -> str:
    """A reference-table row's label (``label_id`` / ``label_en``) in ``lang``."""
    return row["label_en"] if lang == "en" else row["label_id"]
