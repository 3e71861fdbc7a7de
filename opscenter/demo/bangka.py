"""Demo scenario "bangka": Operasi Mantap Praja Menumbing 2024, Polres Bangka.

One Polres of Polda Kepulauan Bangka Belitung with its eight Polsek: 363 personnel for
452 TPS (DOMAIN.md), partner forces and agencies, and a quieter incident log.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from opscenter.actor import Actor
from opscenter.demo import names, staffing
from opscenter.demo.builder import Demo
from opscenter.demo.incident_windows import COUNTING, VOTING, before_voting, on_voting_day
from opscenter.demo.incidents import add_incidents
from opscenter.demo.readiness import Finding, Judged, Plan, Visit, add_readiness, routine
from opscenter.demo.specs import AccountSpec, KabKotaSpec, PartnerSpec, PolresSpec
from opscenter.operations import OperationSpec

SEED = 19_2024  # province code 19, election year
SPEC = OperationSpec(
    code="bangka",
    name="Operasi Mantap Praja Menumbing 2024",
    command_name="DAERAH KEPULAUAN BANGKA BELITUNG",
    province="Kepulauan Bangka Belitung",
    starts_on=date(2024, 8, 24),
    ends_on=date(2024, 12, 16),
    timezone="Asia/Jakarta",
    report_cutoff_hour=6,
    # A synthetic Kapolres (the roster's "Kapolres Bangka" carries this name and NRP).
    signatory=(
        "KEPALA KEPOLISIAN RESOR BANGKA",
        "Dimas Pratama Sitompul",
        "AJUN KOMISARIS BESAR POLISI",
        "80110207",
    ),
)
PERSONNEL = 363
KECAMATAN = ("Sungailiat", "Pemali", "Merawang", "Puding Besar", "Mendo Barat", "Bakam",
             "Belinyu", "Riau Silip")  # fmt: skip
# 452 TPS in all; Sungailiat, the regency seat, is by far the largest.
KECAMATAN_TPS = (130, 45, 45, 30, 60, 37, 60, 45)
KABKOTA = (
    KabKotaSpec("Kabupaten Bangka", "Bangka", "19.01", KECAMATAN, sum(KECAMATAN_TPS),
                mix=(0.84, 0.11, 0.04, 0.01), kecamatan_tps=KECAMATAN_TPS),
)  # fmt: skip
POLRES = (PolresSpec("polres-bangka", "Polres Bangka", "polres", ("Kabupaten Bangka",), 1.0),)
PARTNERS = (
    PartnerSpec("kodim-0413", "Kodim 0413/Bangka", "kodim", "tni", 180, ("Kabupaten Bangka",)),
    PartnerSpec("lanal-babel", "Lanal Babel", "lanal", "tni", 60, ("Kabupaten Bangka",)),
    PartnerSpec("satpolpp-bangka", "Satpol PP Kabupaten Bangka", "satpolpp", "satpolpp", 80,
                ("Kabupaten Bangka",)),
    PartnerSpec("kejari-bangka", "Kejaksaan Negeri Bangka", "agency", "other", 12,
                ("Kabupaten Bangka",)),
    PartnerSpec("kpu-bangka", "KPU Kabupaten Bangka", "agency", "other", 25, ("Kabupaten Bangka",)),
    PartnerSpec("bawaslu-bangka", "Bawaslu Kabupaten Bangka", "agency", "other", 20,
                ("Kabupaten Bangka",)),
)  # fmt: skip
ACCOUNTS = (
    AccountSpec("bangka.op.ayu", "Ayu Lestari Tanjung", "operator"),
    AccountSpec("bangka.op.yudi", "Yudi Permana", "operator"),
    AccountSpec("bangka.staf.indra", "Indra Surya Gunawan", "staff"),
    AccountSpec("bangka.pimpinan", "Pimpinan Demo Polres Bangka", "commander"),
    AccountSpec("bangka.admin", "Admin Demo Polres Bangka", "admin"),
)
OPERATORS = ("bangka.op.ayu", "bangka.op.yudi")
WINDOWS = (
    *before_voting(pre=3, determination=1, campaign=16, quiet=4),
    # Voting day up to 20:00, where the demo stands (``Demo.now``), as in Jambi.
    on_voting_day(5, VOTING, hours=(6, 12)),
    on_voting_day(6, COUNTING, hours=(15, 19)),
)
RATINGS = {"Kabupaten Bangka": (2, 2, 1, 2)}
BAWASLU_IKP = {"Kabupaten Bangka": 48.5}  # demo value, not Bawaslu's published figure


def build(session: Session, actor: Actor) -> int:
    demo = Demo(session, SPEC, SEED, actor, operator=OPERATORS[0])
    demo.add_regions("Provinsi Kepulauan Bangka Belitung", "19", KABKOTA, names.DESA_HEADS_BANGKA)
    # The operation is the Polres's own: it is the root of the territorial tree.
    demo.add_territory(None, POLRES)
    demo.add_partners(PARTNERS)
    demo.add_linmas()
    demo.add_tps()
    personnel = staffing.staff_territory(demo, pns_per_polres=3, exact_total=PERSONNEL)
    staffing.seat_signatory(demo, personnel, "Kapolres Bangka")
    staffing.add_personnel(demo, personnel)
    add_incidents(demo, WINDOWS, OPERATORS, reserve_id=None)
    demo.add_ratings(RATINGS, BAWASLU_IKP, stage="pemungutan")
    demo.add_guard_posts("pemungutan")
    demo.add_accounts(ACCOUNTS)
    add_readiness(demo, _readiness_plan(demo))
    return demo.op_id


def _readiness_plan(demo: Demo) -> Plan:
    """At Polres scale: the Polsek are judged and the Polres holds the money. Belinyu is
    short of radios for its TPS; the Kapolres's visits left findings."""
    polres = demo.polres[0]
    supply = {"Polsek Belinyu": 0.72, "Polsek Mendo Barat": 0.96}
    units = [
        Judged(i, f"Polsek {d.short}", [d], supply.get(f"Polsek {d.short}", 1.05),
               coastal=d.short in ("Sungailiat", "Belinyu", "Riau Silip"))
        for i, d in polres.polsek
    ]  # fmt: skip
    return Plan(
        top_id=polres.id,
        units=units,
        hibah=("NPHD 900/214/BPKAD-BKA/2024", date(2024, 7, 10), 3_200_000_000),
        dipa_top=650_000_000,
        dipa_unit=0,
        hibah_share=0,
        visits=VISITS,
        judgements=routine(units, "bangka.staf.indra", date(2024, 11, 22), ("Polsek Belinyu",)),
    )


_KAPOLRES = "Kapolres Bangka"
_TEAM = "Kabag Ops, Kabag Log, Kasat Samapta, Kasat Intelkam"
_CHECKED = "Apel kesiapan, cek sarpras dan senjata, paparan kerawanan TPS oleh Kapolsek"
VISITS = (
    Visit("Polsek Belinyu", date(2024, 11, 4), "kunker", _KAPOLRES, _TEAM, _CHECKED, (
        Finding("sarpras", "HT kurang untuk tim pengamanan TPS di pesisir",
                "Ajukan pinjaman HT ke Polres", "Kapolsek Belinyu", date(2024, 11, 20)),
    )),
    Visit("Polsek Sungailiat", date(2024, 11, 6), "kunker", _KAPOLRES, _TEAM, _CHECKED, (
        Finding("posko", "Posko pengamanan PPK belum memiliki APAR", "Lengkapi APAR",
                "Kapolsek Sungailiat", date(2024, 11, 18), "selesai", "Dua APAR terpasang 15/11"),
    )),
    Visit("Polsek Mendo Barat", date(2024, 11, 8), "asistensi", "Tim Asistensi Polda Babel",
          "Karo Ops Polda Kepulauan Bangka Belitung dan tim", _CHECKED, (
        Finding("latihan", "Simulasi pengamanan TPS belum dilaksanakan di semua desa",
                "Laksanakan simulasi bersama Linmas", "Kapolsek Mendo Barat",
                date(2024, 11, 25), "proses"),
    )),
)  # fmt: skip
