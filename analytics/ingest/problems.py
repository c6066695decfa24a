"""What went wrong, where: one Problem per finding, rendered in Bahasa Indonesia or English,
and the report as a downloadable CSV (file, row, column, value found, what was expected)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

#: code -> (Bahasa Indonesia, English). ``{…}`` fields come from Problem.params.
MESSAGES: dict[str, tuple[str, str]] = {
    "file_missing": ("Berkas tidak ditemukan.", "The file does not exist."),
    "file_empty": ("Berkas kosong.", "The file is empty."),
    "file_too_large": ("Berkas {size_mb} MB melebihi batas {limit_mb} MB.", "The file is {size_mb} MB, over the {limit_mb} MB limit."),
    "unsupported_format": ("Format berkas tidak didukung; gunakan CSV, XLSX atau Parquet.", "Unsupported file format; use CSV, XLSX or Parquet."),
    "binary_not_text": ("Berkas ini bukan teks CSV (berisi byte biner).", "This file is not CSV text (it contains binary bytes)."),
    "mixed_encoding": ("Pengodean teks campuran: sebagian UTF-8, sebagian bukan. Simpan ulang berkas sebagai UTF-8.",
                       "Mixed text encodings: partly UTF-8, partly not. Save the file again as UTF-8."),
    "no_header": ("Tidak ada baris judul kolom.", "There is no header row."),
    "header_only": ("Berkas hanya berisi baris judul, tanpa data.", "The file has a header row and no data."),
    "unknown_delimiter": ("Pemisah kolom tidak dikenali; gunakan koma atau titik koma.", "Column separator not recognised; use a comma or a semicolon."),
    "line_too_long": ("Baris terlalu panjang (lebih dari {limit} karakter dalam satu sel).", "Line too long (over {limit} characters in one cell)."),
    "ragged_row": ("Jumlah kolom {found}, padahal judul berisi {expected}.", "{found} columns where the header has {expected}."),
    "unreadable": ("Berkas tidak dapat dibaca: {detail}", "The file cannot be read: {detail}"),
    "sheet_missing": ("Lembar '{sheet}' tidak ada; lembar yang ada: {sheets}.", "There is no sheet '{sheet}'; the sheets are: {sheets}."),
    "merged_header": ("Baris judul berisi sel gabungan ({cells}); baris pertama harus berisi satu nama kolom per sel.",
                      "The header row has merged cells ({cells}); the first row must hold one column name per cell."),
    "duplicate_header": ("Nama kolom '{header}' muncul lebih dari sekali (juga sebagai '{other}').", "Column '{header}' appears more than once (also as '{other}')."),
    "missing_column": ("Kolom wajib '{column}' tidak ada. Nama yang dikenali: {aliases}.", "Required column '{column}' is missing. Recognised names: {aliases}."),
    "required_empty": ("Nilai wajib kosong.", "A required value is empty."),
    "not_allowed": ("Nilai tidak dikenal.", "Unknown value."),
    "unknown_reference": ("Tidak ada di tabel {table}.", "Not found in table {table}."),
    "unknown_region": ("Wilayah tidak dikenal.", "Unknown region."),
    "ambiguous_region": ("Nama wilayah ambigu; isi kolom provinsi atau tulis 'Kabupaten …'/'Kota …'.",
                         "Ambiguous region name; fill in the province column or write 'Kabupaten …'/'Kota …'."),
    "region_not_regency": ("Harus kabupaten/kota, bukan provinsi.", "Must be a regency/city, not a province."),
    "date_not_in_calendar": ("Tanggal tidak ada di kalender.", "The date does not exist."),
    "unknown_month": ("Nama bulan tidak dikenal.", "Unknown month name."),
    "unknown_date_format": ("Format tanggal tidak dikenal.", "Unknown date format."),
    "date_needs_day": ("Tanggal harus lengkap sampai hari.", "The date must be complete to the day."),
    "date_out_of_range": ("Tanggal di luar rentang yang masuk akal ({low} s.d. {high}).", "Date outside the plausible range ({low} to {high})."),
    "date_before": ("Tanggal lebih awal dari {other} ({other_value}).", "Date earlier than {other} ({other_value})."),
    "not_a_number": ("Bukan angka.", "Not a number."),
    "not_an_integer": ("Harus bilangan bulat.", "Must be a whole number."),
    "negative": ("Tidak boleh negatif.", "Must not be negative."),
    "not_a_bool": ("Harus ya/tidak (true/false).", "Must be yes/no (true/false)."),
    "formula": ("Nilai tampak seperti rumus spreadsheet; tidak diterima.", "The value looks like a spreadsheet formula; not accepted."),
    "too_long": ("Teks terlalu panjang ({length} karakter, maksimum {limit}).", "Text too long ({length} characters, at most {limit})."),
    "bad_nip": ("NIP harus 18 angka.", "The NIP must be 18 digits."),
    "duplicate_key": ("Kunci '{key}' muncul lagi di baris {other_row}.", "Key '{key}' appears again in row {other_row}."),
    "key_changed": ("Kunci '{key}' sudah ada dengan isi berbeda (kolom {columns}); pakai mode ganti (replace) untuk mengubahnya.",
                    "Key '{key}' already exists with different content (columns {columns}); use replace mode to change it."),
    "case_missing": ("Kasus '{key}' tidak ada di register kasus yang diimpor.", "Case '{key}' is not in the imported case register."),
    "synthetic_flag": ("Data impor adalah data nyata; is_synthetic harus kosong atau false.", "Imported data are real; is_synthetic must be empty or false."),
    "status_needs_date": ("Status '{status}' memerlukan tanggal putusan.", "Status '{status}' needs a decision date."),
    "month_first": ("Tanggal di kolom ini tampak ditulis bulan/hari/tahun; tulis hari/bulan/tahun (17/07/2024).",
                    "Dates in this column look month/day/year; write day/month/year (17/07/2024)."),
    "not_a_value": ("Sel berisi daftar atau nilai yang bukan angka/teks biasa.", "The cell holds a list or a value that is not plain text or a number."),
    "number_too_large": ("Angka terlalu besar.", "The number is too large."),
    "ambiguous_number": ("Angka ambigu: tidak jelas apakah pemisah itu ribuan atau desimal.",
                         "Ambiguous number: the separator could mean thousands or decimals."),
    "nip_as_number": ("NIP tersimpan sebagai angka (spreadsheet membulatkan 18 digit); simpan sebagai teks.",
                      "The NIP is stored as a number (spreadsheets round 18 digits); store it as text."),
    "number_as_text": ("Angka di kolom teks terlalu panjang untuk disimpan tepat oleh spreadsheet; simpan sebagai teks.",
                       "A number in a text column is too long for a spreadsheet to keep exactly; store it as text."),
    "unknown_province": ("Provinsi tidak dikenal.", "Unknown province."),
    "region_province_mismatch": ("Wilayah ini tidak berada di provinsi yang ditulis pada baris yang sama.",
                                 "This region is not in the province written on the same row."),
    "region_type_mismatch": ("Jenis wilayah (kabupaten/kota) tidak sesuai dengan namanya.",
                             "The kind of region (regency/city) does not match its name."),
    "precision_mismatch": ("Ketelitian tanggal tidak sesuai dengan tanggal di kolom {date_header}.",
                           "The date precision does not match the date in column {date_header}."),
    "sanction_orphaned": ("Rekomendasi untuk kasus '{key}' akan kehilangan kasusnya; impor ulang sanksi dulu atau sertakan kasus itu.",
                          "The recommendation for case '{key}' would lose its case; re-import the sanctions first or keep that case."),
    "not_a_file": ("Bukan berkas biasa.", "Not a regular file."),
    "stale_version": ("Data berubah sejak berkas diperiksa (versi aktif sekarang {current}); periksa ulang berkasnya.",
                      "The data changed since the file was checked (the active version is now {current}); check the file again."),
    "too_many_problems": ("Lebih dari {limit} masalah; daftar dipotong.", "More than {limit} problems; the list is cut."),
    "hidden_character_in_id": ("Karakter tak terlihat {character} (karakter ke-{position}). ID dan kode hanya boleh berisi "
                               "karakter yang tampak dan spasi biasa, karena dua ID yang tampak sama harus sama; "
                               "hapus karakter itu lalu simpan ulang berkasnya.",
                               "Hidden character {character} (character {position}). Ids and codes may hold only visible "
                               "characters and ordinary spaces, since two ids that look the same must be the same; "
                               "delete the character and save the file again."),
    "hidden_character": ("Karakter tak terlihat {character} (karakter ke-{position}). Teks hanya boleh berisi karakter "
                         "yang tampak, spasi, tab dan baris baru; karakter ini tidak dihapus otomatis agar yang "
                         "tersimpan sama dengan berkas Anda. Hapus karakter itu lalu simpan ulang berkasnya.",
                         "Hidden character {character} (character {position}). Text may hold only visible characters, "
                         "spaces, tabs and line breaks; the character is not removed automatically, so that what is "
                         "stored is what your file says. Delete the character and save the file again."),
    "report_unwritable": ("Laporan tidak dapat ditulis ke {path}: {detail}. Tidak ada data yang diubah.",
                          "The report cannot be written to {path}: {detail}. Nothing was changed."),
    "unexpected_error": ("Kesalahan tak terduga ({detail}). Data yang dilayani tetap versi sebelumnya atau versi baru "
                         "yang lengkap (lihat --versions). Rincian teknis: {log}.",
                         "Unexpected error ({detail}). The data served is still the previous version or the complete "
                         "new one (see --versions). Technical details: {log}."),
    "interrupted": ("Impor dihentikan. Data yang dilayani tetap versi sebelumnya atau versi baru yang lengkap (lihat --versions).",
                    "The import was interrupted. The data served is still the previous version or the complete new one "
                    "(see --versions)."),
    # notices (not errors)
    "resent_key": ("Kunci '{key}' sudah ada dengan isi yang sama; baris dilewati.", "Key '{key}' already exists with the same content; row skipped."),
    "ignored_column": ("Kolom '{header}' tidak dikenal dan diabaikan.", "Column '{header}' is not recognised and is ignored."),
    # reading limits and sheets (errors)
    "too_large": ("Isi berkas terlalu besar untuk dibaca: {what_id} {found}, batasnya {limit}. Bagi data ke beberapa berkas.",
                  "The file's content is too large to read: {what_en} {found}, the limit is {limit}. Split the data into several files."),
    "no_worksheet": ("Buku kerja tidak berisi lembar kerja yang terlihat (hanya lembar grafik atau lembar tersembunyi: {sheets}).",
                     "The workbook has no visible worksheet (only chart sheets or hidden sheets: {sheets})."),
    "sheet_is_chart": ("Lembar '{sheet}' adalah lembar grafik, bukan tabel; lembar yang dapat dibaca: {sheets}.",
                       "Sheet '{sheet}' is a chart sheet, not a table; the sheets that can be read: {sheets}."),
    "sheet_hidden": ("Lembar '{sheet}' disembunyikan; tampilkan dulu di Excel atau pilih lembar lain: {sheets}.",
                     "Sheet '{sheet}' is hidden; unhide it in Excel first or choose another sheet: {sheets}."),
    "limit_memory": ("Pemeriksaan berkas memerlukan lebih dari {limit_mb} MB memori dan dihentikan; tidak ada yang berubah. "
                     "Bagi data ke beberapa berkas yang lebih kecil.",
                     "Checking the file needed more than {limit_mb} MB of memory and was stopped; nothing changed. "
                     "Split the data into smaller files."),
    "limit_time": ("Pemeriksaan berkas melewati batas {limit_s} detik dan dihentikan; tidak ada yang berubah. "
                   "Bagi data ke beberapa berkas yang lebih kecil.",
                   "Checking the file took longer than {limit_s} seconds and was stopped; nothing changed. "
                   "Split the data into smaller files."),
    "derived_column": ("Kolom '{column}' tidak ada di berkas; diisi dari {source}.", "Column '{column}' is not in the file; filled from {source}."),
}


@dataclass(frozen=True)
class Problem:
    """One finding. ``row`` is the row as the user sees it (header = row 1); None for the file."""

    code: str
    file: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    expected: str | None = None
    params: dict = field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str = "id") -> str:
        text = MESSAGES[self.code][1 if lang == "en" else 0]
        return text.format(**{"column": self.column, **self.params})

    def location(self, lang: str = "id") -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"{'row' if lang == 'en' else 'baris'} {self.row}")
        if self.column:
            parts.append(f"{'column' if lang == 'en' else 'kolom'} {self.column}")
        return ", ".join(parts)

    def describe(self, lang: str = "id") -> str:
        text = f"{self.location(lang)}: {self.message(lang)}"
        if self.value is not None:
            text += f" {'Found' if lang == 'en' else 'Ditemukan'}: {self.value!r}."
        if self.expected:
            text += f" {'Expected' if lang == 'en' else 'Diharapkan'}: {self.expected}."
        return text


REPORT_HEADERS = {
    "id": ["berkas", "baris", "kolom", "nilai_ditemukan", "diharapkan", "pesan"],
    "en": ["file", "row", "column", "value_found", "expected", "message"],
}


def _safe_cell(text: object) -> str:
    """Report cells repeat what users uploaded: neutralise formulas for spreadsheets, at the start
    and after a list separator (:func:`analytics.exports.neutralise_formula`)."""
    from analytics.exports import neutralise_formula

    return neutralise_formula("" if text is None else str(text))


def report_csv(problems: list[Problem], lang: str = "id") -> bytes:
    """The report as UTF-8 CSV with a BOM (opens correctly in Excel)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(REPORT_HEADERS["en" if lang == "en" else "id"])
    # every text cell quoted: a value from the file such as 'a;=1+1' stays one cell in Excel set to ';'
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
    for problem in problems:
        writer.writerow([_safe_cell(problem.file), problem.row or "", _safe_cell(problem.column),
                         _safe_cell(problem.value), _safe_cell(problem.expected), _safe_cell(problem.message(lang))])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
