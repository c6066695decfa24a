"""The shared filters: one frozen, hashable value that every query takes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

FILTER_FIELDS = (
    "election_id",
    "date_from",
    "date_to",
    "province_code",
    "regency_code",
    "category_code",
    "position_code",
    "agency_level",
)

AGENCY_LEVELS = ("pusat", "provinsi", "kabupaten", "kota")


@dataclass(frozen=True)
class Filters:
    """What the user selected. ``None`` means "all"."""

    election_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    province_code: str | None = None
    regency_code: str | None = None
    category_code: str | None = None
    position_code: str | None = None
    agency_level: str | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("Tanggal awal harus sebelum tanggal akhir.")
        if self.agency_level is not None and self.agency_level not in AGENCY_LEVELS:
            raise ValueError(f"Tingkat instansi tidak dikenal: {self.agency_level!r}")

    def as_params(self) -> dict[str, object]:
        """The macro arguments of ``filtered_cases`` as bound SQL parameters."""
        return {
            "election_id": self.election_id,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "province_code": self.province_code,
            "regency_code": self.regency_code,
            "category_code": self.category_code,
            "position_code": self.position_code,
            "agency_level": self.agency_level,
        }

    def with_election(self, election_id: str | None) -> Filters:
        """The same view for another cycle: the date range belongs to a cycle, so it is dropped."""
        return replace(self, election_id=election_id, date_from=None, date_to=None)

    def without(self, *names: str) -> Filters:
        return replace(self, **{name: None for name in names})

    @property
    def region_code(self) -> str | None:
        """The most specific region selected."""
        return self.regency_code or self.province_code
