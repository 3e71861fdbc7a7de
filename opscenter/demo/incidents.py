"""Demo incidents drawn and inserted: for each, a type that suits the stage, a place, a
severity, the follow-ups and the responding units.

The windows a scenario fills are ``incident_windows``, the Indonesian texts
``incident_texts``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from opscenter.demo.builder import Demo, days, wib
from opscenter.demo.incident_texts import FIRST_STEPS, LAST_STEPS, MIDDLE_STEPS, TEMPLATES
from opscenter.demo.incident_windows import Window
from opscenter.demo.records import County, District, Tps
from opscenter.model import FollowUp, Incident, IncidentUnit

# Severity weights (ringan, sedang, berat, kritis): violence runs heavier, paperwork lighter.
SEVERE_TYPES = frozenset({"bentrokan", "intimidasi", "ancaman-teror"})
LIGHT_TYPES = frozenset({"hoaks-sara", "netralitas", "padam", "logistik", "kampanye-ilegal"})
SEVERITY_CODES = ("ringan", "sedang", "berat", "kritis")


@dataclass(slots=True)
class _Draft:
    at: datetime
    type_code: str
    county: County
    district: District
    tps: Tps | None
    row: dict[str, Any]
    severity: str
    report_minutes: tuple[int, int]
    pace: float


# Where an incident in these kecamatan happened: the kecamatan's Kemendagri code and a point
# in micro-degrees (latitude, longitude) well inside its boundary (picked from
# resources/geo/kecamatan.geojson.gz, each with every offset of _SPREAD checked inside it and
# inside its own kabupaten/kota only, so none of Kerinci's falls in Sungai Penuh's enclave).
# The other demo incidents keep no point: the map shows them at their region, as it shows
# whatever an operator logs without coordinates.
POINTS: dict[tuple[str, str], tuple[str, int, int]] = {
    ("15.01", "Danau Kerinci"): ("15.01.02", -1_989_100, 101_622_300),
    ("15.01", "Air Hangat"): ("15.01.05", -1_961_600, 101_398_300),
    ("15.01", "Gunung Kerinci"): ("15.01.06", -1_911_500, 101_229_000),
    ("15.01", "Keliling Danau"): ("15.01.08", -2_262_300, 101_383_300),
    ("15.01", "Siulak"): ("15.01.16", -1_978_700, 101_301_300),
    ("15.01", "Depati Tujuh"): ("15.01.17", -2_018_500, 101_312_500),
    ("15.02", "Bangko"): ("15.02.02", -2_087_300, 102_303_000),
    ("15.05", "Sungai Bahar"): ("15.05.07", -1_973_500, 103_462_100),
    ("15.71", "Telanaipura"): ("15.71.01", -1_591_100, 103_562_500),
    ("15.71", "Jambi Selatan"): ("15.71.02", -1_617_700, 103_630_900),
    ("15.71", "Pasar Jambi"): ("15.71.04", -1_594_500, 103_614_000),
    ("15.71", "Kota Baru"): ("15.71.07", -1_646_400, 103_602_600),
    ("15.71", "Jelutung"): ("15.71.08", -1_608_700, 103_613_300),
    ("15.71", "Alam Barajo"): ("15.71.09", -1_644_400, 103_561_400),
    ("15.72", "Sungai Penuh"): ("15.72.01", -2_062_500, 101_407_700),
    ("15.72", "Pesisir Bukit"): ("15.72.02", -2_049_600, 101_381_500),
    ("15.72", "Hamparan Rawang"): ("15.72.03", -2_040_000, 101_413_400),
    ("15.72", "Pondok Tinggi"): ("15.72.06", -2_115_400, 101_367_600),
}
# Incidents in one kecamatan do not all sit on one spot: a few hundred metres apart, chosen
# by the incident's number (not the scenario's random stream, which the rest depends on).
_SPREAD = ((0, 0), (2_000, 3_000), (3_000, -2_000), (-3_000, 2_000), (-2_000, -3_000))


def _point(county: County, district: District, number: int) -> dict[str, int | None]:
    base = POINTS.get((county.spec.code or "", district.short))
    if base is None:
        return {"latitude_e6": None, "longitude_e6": None}
    _code, lat, lon = base
    dlat, dlon = _SPREAD[number % len(_SPREAD)]
    return {"latitude_e6": lat + dlat, "longitude_e6": lon + dlon}


def add_incidents(
    demo: Demo, windows: Sequence[Window], operators: Sequence[str], reserve_id: int | None
) -> int:
    """Incidents over the windows, as the log stands at ``demo.now``.

    Each incident's whole story is drawn (when it is logged, its follow-ups, the units that
    respond, when it is closed: all but a few long investigations are closed in the end),
    then cut at ``demo.now``: an incident not logged by then is not there, and of the others
    only what had happened by then is, so an incident the story closes later is still baru
    or ditangani, without a closing time. Returns the number of incidents.
    """
    rng = demo.rng
    counties = demo.counties
    weights = [c.tps_count * c.spec.incident_weight for c in counties]
    drafts: list[_Draft] = []
    for w in windows:
        span = days(w.start, w.end)
        for _ in range(w.count):
            types = w.profile.types
            type_code = rng.choices([t for t, _ in types], weights=[x for _, x in types])[0]
            county = rng.choices(counties, weights=weights)[0]
            district = rng.choices(
                county.districts, weights=[len(d.tps) for d in county.districts]
            )[0]
            tps = rng.choice(district.tps)
            fitting = [t for t in TEMPLATES[type_code] if w.profile.phase in t[3]]
            title, desc, place, _ = rng.choice(fitting)
            day = rng.choice(span)
            at = wib(day, rng.randint(*w.hours), rng.randrange(60))
            values = {
                "desa": tps.village, "kec": district.short, "kab": county.spec.name,
                "tps": f"TPS {tps.number:03d} {tps.village}",
                "paslon": f"pasangan calon nomor urut {rng.randint(1, 3)}",
                "massa": rng.choice((30, 50, 75, 100, 150, 200, 300)),
            }  # fmt: skip
            uses_tps = "{tps}" in title + desc + place
            at_county = (
                not uses_tps
                and "{desa}" not in title + desc + place
                and ("{kab}" in place or rng.random() < 0.3)
            )
            severity = _severity(rng.random(), type_code)
            dead, injured = _casualties(rng, type_code, severity)
            drafts.append(_Draft(at=at, type_code=type_code, county=county, district=district,
                                 tps=tps if uses_tps else None, severity=severity,
                                 report_minutes=w.report_minutes, pace=w.pace, row={
                "title": title.format(**values)[:200],
                "description": desc.format(**values),
                "location": place.format(**values)[:200],
                "region_id": county.id if at_county else district.id,
                "tps_id": tps.id if uses_tps else None,
                "dead": dead, "injured": injured,
                "damage": _damage(rng, type_code),
            }))  # fmt: skip
    drafts.sort(key=lambda d: (d.at, d.row["title"]))

    incident_rows: list[dict[str, Any]] = []
    plans: list[tuple[list[tuple[datetime, str, str | None]], list[int]]] = []
    for d in drafts:
        recorded = d.at + timedelta(minutes=rng.randint(*d.report_minutes))
        operator = rng.choice(operators)
        closes = rng.random() >= 0.03  # a few long investigations stay open
        responders = _responders(rng, d, reserve_id)
        story = _steps(rng, d, recorded, closes)
        if recorded > demo.now:
            continue  # not in the log yet
        steps = [step for step in story if step[0] <= demo.now]
        status = next((code for _, _, code in reversed(steps) if code), "baru")
        if status == "baru":
            responders = responders[:1]  # the unit told when it was logged; the rest join later
        local = d.row["region_id"] == d.district.id
        unit = f"Polsek {d.district.short}" if local else d.county.polres_name
        values = {"unit": unit, "kab": d.county.spec.name}
        texts = [(t, text.format(**values), code) for t, text, code in steps]
        point = _point(d.county, d.district, len(incident_rows) + 1) if local else {}
        incident_rows.append({
            "latitude_e6": None, "longitude_e6": None, **point,
            **d.row, "number": len(incident_rows) + 1,
            "type_id": demo.incident_type[d.type_code], "severity_id": demo.severity[d.severity],
            "status_id": demo.incident_status[status], "occurred_at": d.at,
            "recorded_at": recorded, "recorded_by": operator,
            "closed_at": texts[-1][0] if status == "selesai" else None,
        })  # fmt: skip
        plans.append((texts, responders))
    ids = demo.insert(Incident, incident_rows)

    follow_rows: list[dict[str, Any]] = []
    unit_rows: list[dict[str, Any]] = []
    for incident_id, row, (texts, responders) in zip(ids, incident_rows, plans, strict=True):
        for at, text, status_code in texts:
            follow_rows.append({
                "incident_id": incident_id, "at": at, "actor": row["recorded_by"], "text": text,
                "status_id": demo.incident_status[status_code] if status_code else None,
                "unit_id": responders[0],
            })  # fmt: skip
        unit_rows.extend({"incident_id": incident_id, "unit_id": u} for u in responders)
    demo.insert(FollowUp, follow_rows)
    demo.insert(IncidentUnit, unit_rows)
    return len(ids)


def _severity(roll: float, type_code: str) -> str:
    if type_code in SEVERE_TYPES:
        cuts = (0.30, 0.72, 0.94)
    elif type_code in LIGHT_TYPES:
        cuts = (0.65, 0.95, 1.0)
    else:
        cuts = (0.57, 0.90, 0.98)
    for code, cut in zip(SEVERITY_CODES, cuts, strict=False):
        if roll < cut:
            return code
    return "kritis"


def _casualties(rng: random.Random, type_code: str, severity: str) -> tuple[int, int]:
    if type_code in ("bentrokan", "intimidasi"):
        if severity == "kritis":
            return (1 if rng.random() < 0.35 else 0), rng.randint(3, 12)
        if severity == "berat":
            return 0, rng.randint(1, 6)
        return 0, (1 if severity == "sedang" and rng.random() < 0.4 else 0)
    if type_code == "kecelakaan":
        return (1 if severity in ("berat", "kritis") and rng.random() < 0.3 else 0), rng.randint(
            1, 3
        )
    return 0, 0


def _damage(rng: random.Random, type_code: str) -> str | None:
    if type_code == "perusakan-apk":
        return f"{rng.randint(2, 15)} alat peraga kampanye rusak"
    if type_code == "bentrokan" and rng.random() < 0.5:
        return f"{rng.randint(1, 4)} sepeda motor dan kaca rumah warga rusak"
    if type_code == "bencana-tps":
        return "Tenda dan perlengkapan TPS rusak"
    return None


def _responders(rng: random.Random, d: _Draft, reserve_id: int | None) -> list[int]:
    """Its Polsek (or the Polres for a kabkota-level incident), sometimes Brimob or TNI."""
    first = d.district.polsek_id if d.row["region_id"] == d.district.id else d.county.polres_id
    units = [first]
    heavy = d.severity in ("berat", "kritis") or d.type_code in ("bentrokan", "unjuk-rasa")
    if heavy and reserve_id is not None and rng.random() < 0.6:
        units.append(reserve_id)
    elif d.county.partner_ids and rng.random() < 0.25:
        units.append(rng.choice(d.county.partner_ids))
    elif first != d.county.polres_id and rng.random() < 0.2:
        units.append(d.county.polres_id)
    return units


def _steps(
    rng: random.Random, d: _Draft, recorded: datetime, closes: bool
) -> list[tuple[datetime, str, str | None]]:
    """The follow-up timeline of the whole story: sometimes a note that the report is being
    confirmed, then handling, updates, and a closing entry when ``closes``."""
    fast = d.type_code in SEVERE_TYPES or d.type_code == "unjuk-rasa"

    def later(lo: int, hi: int) -> timedelta:
        return timedelta(minutes=round(rng.randint(lo, hi) * d.pace))

    steps: list[tuple[datetime, str, str | None]] = []
    if rng.random() < 0.4:
        note = recorded + timedelta(minutes=rng.randint(2, 15))
        steps.append((note, "Laporan awal diterima; menunggu konfirmasi dari {unit}.", None))
    at = recorded + timedelta(minutes=rng.randint(20, 60 if fast else 150))
    steps.append((at, rng.choice(FIRST_STEPS), "ditangani"))
    for _ in range(rng.randint(0, 3 - len(steps))):  # four entries at most
        at += later(30, 240 if fast else 1440)
        steps.append((at, rng.choice(MIDDLE_STEPS), None))
    if closes:
        at += later(30, 600 if fast else 2880)
        steps.append((at, rng.choice(LAST_STEPS), "selesai"))
    return steps
