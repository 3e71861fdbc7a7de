"""The demo's personnel: who staffs each unit, with which ranks, positions and duty status.

``staff`` writes the rows of one unit, ``staff_territory`` those of every Polres and its
Polsek, sized from what their TPS need on voting day; ``seat_signatory`` puts the
operation's signatory among them and ``add_personnel`` inserts them. The draws come from
the ``Demo``'s one random stream, in the order the scenario calls these.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from opscenter.demo import names
from opscenter.demo.builder import Demo, spread
from opscenter.demo.records import Person
from opscenter.model import Personnel


def staff(
    demo: Demo,
    unit_id: int,
    active: int,
    inactive: int,
    leaders: Sequence[tuple[str, str]],
    members: Sequence[tuple[str, float]],
    positions: Sequence[str],
    *,
    pns: int = 0,
    female_share: float = 0.08,
) -> list[dict[str, Any]]:
    """Rows for one unit: leaders first, then members of weighted ranks; ``active`` aktif."""
    rng = demo.rng
    total = active + inactive
    ranks: list[tuple[str, str]] = list(leaders[:total])
    for _ in range(total - len(ranks)):
        rank = rng.choices([m[0] for m in members], weights=[m[1] for m in members])[0]
        ranks.append((rng.choice(positions), rank))
    # PNS replace members at the end of the list: staff work, not leadership.
    for i in range(max(len(leaders), total - pns), total):
        ranks[i] = (rng.choice(PNS_POSITIONS), "pns")
    # Leaders stay on duty; the ones on leave, sick or in training are members.
    pool = list(range(min(len(leaders), total), total))
    off = set(rng.sample(pool, min(inactive, len(pool))))
    rows: list[dict[str, Any]] = []
    for i, (position, rank) in enumerate(ranks):
        female = rng.random() < female_share
        if rank == "pns":
            born = rng.randint(1968, 1998)
            rank_code = rng.choice(PNS_RANKS)
            number, kind = names.nip(rng, born, female=female, used=demo.used_ids), "nip"
        else:
            born = rng.randint(*BIRTH_YEARS[rank])
            rank_code = rank
            number, kind = names.nrp(rng, born, demo.used_ids), "nrp"
        status = "aktif"
        if i in off:
            status = rng.choices(("cuti", "sakit", "pendidikan"), weights=(5, 3, 2))[0]
        rows.append({
            "nrp": number, "id_kind": kind, "name": names.person_name(rng, female=female),
            "rank_id": demo.rank[rank_code], "position": position, "home_unit_id": unit_id,
            "assigned_unit_id": None, "phone": names.phone(rng), "duty_status": status,
        })  # fmt: skip
    return rows


def add_personnel(demo: Demo, rows: list[dict[str, Any]]) -> None:
    ids = demo.insert(Personnel, rows)
    ranks_by_id = {v: k for k, v in demo.rank.items()}
    demo.personnel.extend(
        Person(id=i, unit_id=r["home_unit_id"], rank=ranks_by_id[r["rank_id"]],
               active=r["duty_status"] == "aktif")
        for i, r in zip(ids, rows, strict=True)
    )  # fmt: skip


def staff_territory(
    demo: Demo, pns_per_polres: int = 1, exact_total: int | None = None
) -> list[dict[str, Any]]:
    """Personnel of every Polres and its Polsek, sized from its voting-day requirement.

    ``exact_total`` fixes the head count of a single Polres instead (Bangka: 363).
    """
    rng = demo.rng
    rows: list[dict[str, Any]] = []
    for rec in demo.polres:
        need = [demo.required(d) for _, d in rec.polsek]
        if exact_total is not None:
            off = round(exact_total * INACTIVE_SHARE)
            active = exact_total - off
        else:
            active = round(sum(need) * rec.spec.staffing)
            off = round(active * INACTIVE_SHARE)
        hq = round(active * 0.38)
        per_polsek = spread(rng, active - hq, need, min(4, (active - hq) // len(need)))
        off_parts = spread(rng, off, [hq, *per_polsek])
        leaders = POLRESTA_LEADERS if rec.spec.kind == "polresta" else POLRES_LEADERS
        title = rec.spec.name.split(" ", 1)[1]
        named = [(f"{p} {title}" if i < 2 else p, r) for i, (p, r) in enumerate(leaders)]
        rows += staff(demo, rec.id, hq, off_parts[0], named, MEMBER_RANKS, POLRES_POSITIONS,
                      pns=pns_per_polres)  # fmt: skip
        kapolsek = "akp" if rec.spec.urban else "iptu"
        for (uid, d), n, n_off in zip(rec.polsek, per_polsek, off_parts[1:], strict=True):
            lead = [(f"Kapolsek {d.short}", kapolsek), ("Kanit Reskrim", "ipda"),
                    ("Kanit Samapta", "aiptu"), ("Kanit Intelkam", "aipda")]  # fmt: skip
            positions = [f"Bhabinkamtibmas {v}" for v in d.posts[:8]]
            rows += staff(demo, uid, n, n_off, lead, MEMBER_RANKS, [*positions, *POLSEK_POSITIONS])
    return rows


def seat_signatory(demo: Demo, rows: Sequence[dict[str, Any]], position: str) -> None:
    """The operation's signatory (``OperationSpec.signatory``, a synthetic officer) is the
    person holding ``position`` among ``rows`` (not added yet): that row takes the
    signatory's name and NRP, so the signature block names someone on the roster.
    Set before the rows are added, so the demo stays one journal row per row."""
    assert demo.spec.signatory is not None
    _title, name, _rank, nrp = demo.spec.signatory
    person = next(r for r in rows if r["position"] == position)
    assert nrp not in demo.used_ids, nrp
    demo.used_ids.add(nrp)
    person["name"], person["nrp"], person["id_kind"] = name, nrp, "nrp"


# Birth years by rank: recruits are young, inspectors either promoted veterans or Akpol graduates.
BIRTH_YEARS: dict[str, tuple[int, int]] = {
    "bharada": (2000, 2005), "bharatu": (1998, 2003), "bharaka": (1995, 2001),
    "abripda": (1993, 2000), "abriptu": (1991, 1998), "abrip": (1989, 1996),
    "bripda": (1999, 2005), "briptu": (1995, 2002), "brigpol": (1990, 1999),
    "bripka": (1985, 1994), "aipda": (1978, 1988), "aiptu": (1970, 1984),
    "ipda": (1970, 1999), "iptu": (1972, 1996), "akp": (1972, 1993), "kompol": (1976, 1988),
    "akbp": (1974, 1984), "kombes": (1970, 1977), "brigjen": (1968, 1971), "irjen": (1966, 1969),
}  # fmt: skip
# Rank mix of the rank and file of a Polres or Polsek (Bripda..Aiptu, a few inspectors).
MEMBER_RANKS = (
    ("bripda", 20.0), ("briptu", 19.0), ("brigpol", 21.0), ("bripka", 15.0), ("aipda", 10.0),
    ("aiptu", 9.0), ("ipda", 2.0), ("iptu", 1.0),
)  # fmt: skip
POLRES_LEADERS = (
    ("Kapolres", "akbp"), ("Wakapolres", "kompol"), ("Kabag Ops", "kompol"), ("Kabag Ren", "akp"),
    ("Kabag SDM", "akp"), ("Kasat Reskrim", "akp"), ("Kasat Intelkam", "akp"),
    ("Kasat Samapta", "akp"), ("Kasat Lantas", "akp"), ("Kasat Binmas", "akp"),
    ("Kasat Resnarkoba", "akp"), ("Kasi Propam", "iptu"), ("Kasi Humas", "iptu"),
    ("Kasi Dokkes", "ipda"), ("Kapospol Pelabuhan", "ipda"),
)  # fmt: skip
POLRESTA_LEADERS = (
    ("Kapolresta", "kombes"), ("Wakapolresta", "akbp"), ("Kabag Ops", "kompol"),
    ("Kabag Ren", "kompol"), ("Kabag SDM", "akp"), ("Kasat Reskrim", "kompol"),
    ("Kasat Intelkam", "akp"), ("Kasat Samapta", "akp"), ("Kasat Lantas", "akp"),
    ("Kasat Binmas", "akp"), ("Kasat Resnarkoba", "akp"), ("Kasat Pamobvit", "akp"),
    ("Kasi Propam", "iptu"), ("Kasi Humas", "iptu"), ("Kasi Dokkes", "ipda"),
)  # fmt: skip
POLRES_POSITIONS = (
    "Banit Sat Samapta", "Banit Sat Lantas", "Banit Sat Reskrim", "Banit Sat Intelkam",
    "Banit Sat Binmas", "Bamin Bag Ops", "Banit Sat Resnarkoba", "Bintara Sat Tahti",
    "Bamin Bag SDM", "Banit Si Propam",
)  # fmt: skip
POLSEK_POSITIONS = ("Anggota Unit Samapta", "Anggota Unit Reskrim", "Anggota Unit Intelkam",
                    "Bamin Polsek")  # fmt: skip
PNS_RANKS = ("pns-iia", "pns-iib", "pns-iic", "pns-iiia", "pns-iiib", "pns-iiic")
# Share of a unit on leave, sick or in training on any day.
INACTIVE_SHARE = 0.05
PNS_POSITIONS = ("Staf Bag SDM", "Staf Bag Ren", "Staf Sikeu", "Staf Bag Log", "Operator Siwas")
