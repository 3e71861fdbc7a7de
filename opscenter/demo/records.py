"""What the demo builder keeps of the rows it inserted (ids beside the facts later steps
need): the kecamatan with their TPS and Polsek, the kabupaten/kota with their units, the
Polres, the personnel. Incidents, readiness and the TPS watch are generated from them."""

from __future__ import annotations

from dataclasses import dataclass, field

from opscenter.demo.specs import KabKotaSpec, PolresSpec


@dataclass(slots=True)
class Tps:
    id: int
    number: int
    village: str
    category: str


@dataclass(slots=True)
class District:
    """A kecamatan, its villages and TPS, and the Polsek that guards it."""

    id: int
    short: str
    county: County
    villages: list[tuple[int, str]] = field(default_factory=list)
    # One Bhabinkamtibmas post per village slot (a town kelurahan may have two).
    posts: list[str] = field(default_factory=list)
    planned_tps: int = 0  # known before the TPS rows exist (Linmas strength needs it)
    tps: list[Tps] = field(default_factory=list)
    polsek_id: int = 0

    @property
    def name(self) -> str:
        return f"Kecamatan {self.short}"


@dataclass(slots=True)
class County:
    """A kabupaten/kota with its kecamatan and the units responsible for it."""

    id: int
    spec: KabKotaSpec
    districts: list[District] = field(default_factory=list)
    polres_id: int = 0
    polres_name: str = ""
    partner_ids: list[int] = field(default_factory=list)  # Kodim etc., to respond to incidents

    @property
    def tps_count(self) -> int:
        return sum(d.planned_tps for d in self.districts)


@dataclass(slots=True)
class PolresRec:
    id: int
    spec: PolresSpec
    counties: list[County]
    polsek: list[tuple[int, District]] = field(default_factory=list)


@dataclass(slots=True)
class Person:
    """Enough of an inserted personnel row to build BKO and Satgas assignments on."""

    id: int
    unit_id: int
    rank: str
    active: bool
