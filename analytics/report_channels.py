"""Where a citizen reports a suspected neutrality violation: the official channels, each with what
it is for (text in the locale catalogs) and the published source that says so."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Channel:
    name: str
    address: str
    when_key: str  # the catalog text: when to use this channel
    source_title: str
    source_publisher: str
    source_date: str  # ISO date of the source
    source_url: str


CHANNELS = (
    Channel(
        "SIGAPLAPOR (Bawaslu)",
        "https://sigaplapor.bawaslu.go.id",
        "report_when_sigaplapor",
        "Luncurkan SiGapLapor, Bawaslu Pastikan Terima Semua Laporan Pelanggaran Pemilu",
        "Kompas.com",
        "2022-10-31",
        "https://nasional.kompas.com/read/2022/10/31/22591511/"
        "luncurkan-sigaplapor-bawaslu-pastikan-terima-semua-laporan-pelanggaran",
    ),
    Channel(
        "SBT BKN (Sistem Berbagi Terintegrasi)",
        "https://sbt.bkn.go.id",
        "report_when_sbt",
        "BKN Siapkan Aplikasi Pengaduan ASN yang Tak Netral pada Pilkada 2024, Begini Cara Lapornya",
        "Kabarnusa24 (mengutip Biro Humas BKN)",
        "2024-10-11",
        "https://kabarnusa24.com/2024/10/11/bkn-siapkan-aplikasi-pengaduan-asn-yang-tak-netral-pada-pilkada-2024-"
        "begini-cara-lapornya",
    ),
    Channel(
        "SP4N-LAPOR!",
        "https://www.lapor.go.id",
        "report_when_lapor",
        "BKN Siapkan Aplikasi Pengaduan ASN yang Tak Netral pada Pilkada 2024, Begini Cara Lapornya",
        "Kabarnusa24 (mengutip Biro Humas BKN)",
        "2024-10-11",
        "https://kabarnusa24.com/2024/10/11/bkn-siapkan-aplikasi-pengaduan-asn-yang-tak-netral-pada-pilkada-2024-"
        "begini-cara-lapornya",
    ),
)
