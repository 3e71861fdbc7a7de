"""The shapes a demo scenario's data is written in (``jambi``, ``bangka``): its
kabupaten/kota, Polres, partner forces and accounts, from which ``builder.Demo`` generates
the rows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KabKotaSpec:
    """A kabupaten/kota of the scenario, with the data its rows are generated from."""

    name: str  # as written officially: "Kabupaten Kerinci", "Kota Jambi"
    short: str  # for unit names: "Kerinci"
    code: str | None  # Kemendagri code
    kecamatan: tuple[str, ...]
    tps: int
    # Shares of kurang rawan, rawan, sangat rawan, khusus TPS.
    mix: tuple[float, float, float, float] = (0.86, 0.10, 0.03, 0.01)
    incident_weight: float = 1.0  # conflict-prone areas see more incidents
    kecamatan_tps: tuple[int, ...] | None = None  # fixed TPS per kecamatan, else spread


@dataclass(frozen=True, slots=True)
class PolresSpec:
    code: str
    name: str
    kind: str  # polres or polresta
    areas: tuple[str, ...]  # names of the kabkota it covers
    # Active personnel as a share of its voting-day requirement (below 1: a deficit).
    staffing: float
    urban: bool = False  # Kapolsek are AKP in a Polresta


@dataclass(frozen=True, slots=True)
class PartnerSpec:
    code: str
    name: str
    kind: str
    agency: str
    strength: int | None
    areas: tuple[str, ...] = ()  # kabkota names
    parent: str | None = None  # code of the parent partner unit


@dataclass(frozen=True, slots=True)
class AccountSpec:
    username: str
    full_name: str
    role: str
