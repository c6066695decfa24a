"""Sample files for the import tests, written the way people actually send them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

CASE_HEADER = [
    "No Kasus",
    "Pemilu",
    "Asal Kasus",
    "Tanggal Laporan",
    "Kabupaten/Kota",
    "Provinsi",
    "Nama Instansi",
    "Tingkat Instansi",
    "Status ASN",
    "Jabatan",
    "Jenis Pelanggaran",
    "Media",
    "Status Kasus",
    "Tanggal Putusan",
    "Diteruskan ke",
    "Tanggal Diteruskan",
    "Nama ASN",
    "NIP",
]

CASE_ROWS = [
    [
        "K-001",
        "Pilkada 2024",
        "Temuan",
        "17/07/2024",
        "Kab. Tabalong",
        "Kalsel",
        "Dinas Pendidikan",
        "Kabupaten",
        "PNS",
        "Pelaksana",
        "lainnya",
        "Medsos",
        "Terbukti",
        "24-07-2024",
        "BKN",
        "1 Agustus 2024",
        "Budi Santoso",
        "198001012005011001",
    ],
    [
        "K-002",
        "pilkada-2024",
        "Laporan",
        "2024-09-03",
        "Kukar",
        "",
        "Kecamatan Tenggarong",
        "kabupaten",
        "PPPK",
        "jpt",
        "kampanye_medsos",
        "tatap muka",
        "Dilaporkan",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "K-003",
        "Pilkada Serentak 2024",
        "laporan masyarakat",
        "3 Okt 2024",
        "Kota Banjarmasin",
        "",
        "Setda Kota",
        "pemkot",
        "pns",
        "fungsional",
        "lainnya",
        "APK",
        "tidak terbukti",
        "10 Okt 2024",
        "",
        "",
        "",
        "",
    ],
    [
        "K-004",
        "Pilkada 2024",
        "Temuan",
        "5 Sep 2024",
        "HSS",
        "",
        "Dinas Kesehatan",
        "Kabupaten",
        "PNS",
        "pelaksana",
        "lainnya",
        "media sosial",
        "terbukti",
        "12/09/2024",
        "BKN",
        "13/09/2024",
        "Siti Aminah",
        "198505052010012002",
    ],
    [
        "K-005",
        "Pilkada 2024",
        "Temuan",
        "09/10/2024",
        "TABALONG",
        "Kalimantan Selatan",
        "Kecamatan Murung Pudak",
        "Kabupaten",
        "PNS",
        "pelaksana",
        "lainnya",
        "media sosial",
        "terbukti",
        "15/10/2024",
        "BKN",
        "16/10/2024",
        "",
        "",
    ],
]


def write_csv(
    path: Path,
    header: list[str],
    rows: list[list[str]],
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
) -> Path:
    def cell(value: str) -> str:
        if delimiter in value or '"' in value or "\n" in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    text = "\r\n".join(delimiter.join(cell(v) for v in row) for row in [header, *rows]) + "\r\n"
    path.write_bytes(("\ufeff" if bom else "").encode("utf-8") + text.encode(encoding))
    return path


def write_xlsx(
    path: Path, header: list[str], rows: list[list[object]], sheet: str = "Kasus", first_sheet: str | None = None
) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    if first_sheet:
        book.active.title = first_sheet
        book.active.append(["catatan"])
        ws = book.create_sheet(sheet)
    else:
        ws = book.active
        ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def excel_rows() -> list[list[object]]:
    """The case rows with Excel date cells instead of text."""
    rows = []
    for row in CASE_ROWS:
        row = list(row)
        for index in (3, 13, 15):
            if row[index]:
                from analytics.ingest.values import parse_date

                value, _ = parse_date(row[index])
                row[index] = datetime(value.year, value.month, value.day)
        rows.append(row)
    return rows


SANCTION_HEADER = [
    "No Kasus",
    "Pemberi Rekomendasi",
    "Tanggal Rekomendasi",
    "Sanksi Direkomendasikan",
    "PPK",
    "Status Tindak Lanjut",
    "Tanggal Tindak Lanjut",
    "Sanksi Dijatuhkan",
]
SANCTION_ROWS = [
    [
        "K-001",
        "BKN",
        "20/08/2024",
        "Hukuman disiplin sedang",
        "Bupati Tabalong",
        "sudah",
        "20/09/2024",
        "disiplin_sedang",
    ],
    ["K-004", "BKN", "30/09/2024", "disiplin_ringan", "Bupati Hulu Sungai Selatan", "belum", "", ""],
]

EVENT_HEADER = [
    "ID Kegiatan",
    "Tanggal",
    "Kabupaten/Kota",
    "Jenis Kegiatan",
    "Penyelenggara",
    "Judul",
    "Sumber",
    "Tautan",
    "Jumlah Peserta",
]
EVENT_ROWS = [
    [
        "EVX1",
        "Juli 2024",
        "Kab. Tabalong",
        "Sosialisasi",
        "Bawaslu Tabalong",
        "Sosialisasi netralitas ASN",
        "Situs Bawaslu Tabalong",
        "https://example.org/x1",
        "120",
    ],
    [
        "EVX2",
        "17 Agustus 2024",
        "Kota Samarinda",
        "rakor",
        "Pemkot Samarinda",
        "Rakor netralitas",
        "Situs Pemkot",
        "https://example.org/x2",
        "1.250",
    ],
]


def rewrite_zip(
    path: Path, replace: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None
) -> Path:
    """Copy the zip at ``path`` onto itself with some parts replaced (None drops one) or added."""
    import zipfile

    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            data = replace.get(name, data)
            if data is not None:
                target.writestr(name, data)
        for name, data in add.items():
            target.writestr(name, data)
    return path


def claim_size(path: Path, part: str, size: int) -> Path:
    """Make the zip's central directory state ``size`` as the unpacked size of ``part`` (a lie:
    the part itself is unchanged), the way a crafted file can claim gigabytes in a few bytes."""
    import struct

    data = bytearray(path.read_bytes())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_length]).decode() == part:
            struct.pack_into("<I", data, at + 24, size)
            path.write_bytes(bytes(data))
            return path
        at += 4
    raise KeyError(part)


def write_shared_strings_xlsx(path: Path, header: list[str], rows: list[list[str]], sheet: str = "Kasus") -> Path:
    """A workbook as Excel writes it, text kept once in xl/sharedStrings.xml and cited by index
    from the sheet (openpyxl writes its text inline instead)."""
    import zipfile
    from xml.sax.saxutils import escape

    from openpyxl.utils import get_column_letter

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    strings: dict[str, int] = {}
    body = []
    for number, values in enumerate([header, *rows], start=1):
        cells = "".join(
            f'<c r="{get_column_letter(i + 1)}{number}" t="s"><v>{strings.setdefault(v, len(strings))}</v></c>'
            for i, v in enumerate(values)
            if v != ""
        )
        body.append(f'<row r="{number}">{cells}</row>')
    last = f"{get_column_letter(len(header))}{len(rows) + 1}"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><dimension ref="A1:{last}"/><sheetData>{"".join(body)}</sheetData></worksheet>'
        ),
        "xl/sharedStrings.xml": (
            f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
            + "</sst>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return path
