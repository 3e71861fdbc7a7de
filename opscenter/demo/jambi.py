"""Demo scenario "jambi": Operasi Mantap Praja Siginjai 2024, Polda Jambi.

Real kabupaten/kota, kecamatan and desa/kelurahan (Kemendagri codes and official names,
resources/geo); synthetic people and incidents. Polres
Kerinci (Kabupaten Kerinci and Kota Sungai Penuh, the conflict-prone pair) is short of
the police its TPS need on voting day; three Polres have only a slight margin; Sat
Brimob is the reserve for reinforcement (penebalan).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from opscenter.actor import Actor
from opscenter.demo import names, staffing
from opscenter.demo.builder import Demo, wib
from opscenter.demo.incident_windows import COUNTING, VOTING, before_voting, on_voting_day
from opscenter.demo.incidents import add_incidents
from opscenter.demo.readiness import Finding, Judged, Plan, Visit, add_readiness, routine
from opscenter.demo.specs import AccountSpec, KabKotaSpec, PartnerSpec, PolresSpec
from opscenter.demo.watch import add_watch
from opscenter.model import BkoAssignment, UnitArea
from opscenter.operations import OperationSpec

SEED = 15_2024  # province code 15, election year: any fixed number would do
SPEC = OperationSpec(
    code="jambi",
    name="Operasi Mantap Praja Siginjai 2024",
    command_name="DAERAH JAMBI",
    province="Jambi",
    starts_on=date(2024, 8, 24),
    ends_on=date(2025, 2, 28),
    timezone="Asia/Jakarta",
    report_cutoff_hour=6,
    # A synthetic Karo Ops (the roster's "Karo Ops" carries this name and NRP).
    signatory=("KEPALA BIRO OPERASI", "Ahmad Fauzi Harahap", "KOMISARIS BESAR POLISI", "72040519"),
)
KERINCI_MIX = (0.60, 0.25, 0.13, 0.02)
# TPS counts roughly follow the 2024 voter rolls (about 500 voters per TPS).
KABKOTA = (
    KabKotaSpec("Kota Jambi", "Jambi", "15.71", (
        "Kota Baru", "Jambi Selatan", "Jelutung", "Pasar Jambi", "Telanaipura", "Danau Teluk",
        "Pelayangan", "Jambi Timur", "Alam Barajo", "Paal Merah", "Danau Sipin",
    ), 800, mix=(0.83, 0.12, 0.03, 0.02)),
    KabKotaSpec("Kabupaten Muaro Jambi", "Muaro Jambi", "15.05", (
        "Jambi Luar Kota", "Sekernan", "Kumpeh", "Kumpeh Ulu", "Maro Sebo", "Mestong",
        "Sungai Bahar", "Sungai Gelam", "Bahar Utara", "Bahar Selatan", "Taman Rajo",
    ), 570),
    KabKotaSpec("Kabupaten Batanghari", "Batanghari", "15.04", (
        "Muara Bulian", "Muara Tembesi", "Pemayung", "Mersam", "Maro Sebo Ulu", "Bajubang",
        "Maro Sebo Ilir", "Batin XXIV",
    ), 380),
    KabKotaSpec("Kabupaten Tanjung Jabung Timur", "Tanjung Jabung Timur", "15.07", (
        "Muara Sabak Timur", "Muara Sabak Barat", "Nipah Panjang", "Rantau Rasau", "Sadu",
        "Mendahara", "Mendahara Ulu", "Dendang", "Geragai", "Kuala Jambi", "Berbak",
    ), 330),
    KabKotaSpec("Kabupaten Tanjung Jabung Barat", "Tanjung Jabung Barat", "15.06", (
        "Tungkal Ilir", "Tungkal Ulu", "Pengabuan", "Betara", "Merlung", "Muara Papalik",
        "Tebing Tinggi", "Renah Mendaluh", "Batang Asam", "Senyerang", "Kuala Betara",
        "Seberang Kota", "Bram Itam",
    ), 430),
    KabKotaSpec("Kabupaten Tebo", "Tebo", "15.09", (
        "Tebo Tengah", "Tebo Ilir", "Tebo Ulu", "Rimbo Bujang", "Rimbo Ulu", "Rimbo Ilir",
        "Sumay", "VII Koto", "VII Koto Ilir", "Tengah Ilir", "Serai Serumpun", "Muara Tabir",
    ), 440),
    KabKotaSpec("Kabupaten Bungo", "Bungo", "15.08", (
        "Pasar Muaro Bungo", "Rimbo Tengah", "Bungo Dani", "Muko-muko Bathin VII",
        "Batin II Babeko", "Bathin III", "Bathin III Ulu", "Bathin II Pelayang", "Jujuhan",
        "Jujuhan Ilir", "Limbur Lubuk Mengkuang", "Pelepat", "Pelepat Ilir", "Rantau Pandan",
        "Tanah Sepenggal", "Tanah Sepenggal Lintas", "Tanah Tumbuh",
    ), 510),
    KabKotaSpec("Kabupaten Merangin", "Merangin", "15.02", (
        "Bangko", "Bangko Barat", "Nalo Tantan", "Batang Masumai", "Sungai Manau",
        "Renah Pembarap", "Pangkalan Jambu", "Muara Siau", "Lembah Masurai", "Tiang Pumpung",
        "Jangkat", "Jangkat Timur", "Renah Pamenang", "Tabir", "Tabir Ulu", "Tabir Selatan",
        "Tabir Ilir", "Tabir Timur", "Tabir Lintas", "Tabir Barat", "Margo Tabir", "Pamenang",
        "Pamenang Barat", "Pamenang Selatan",
    ), 560),
    KabKotaSpec("Kabupaten Sarolangun", "Sarolangun", "15.03", (
        "Sarolangun", "Bathin VIII", "Pauh", "Pelawan", "Mandiangin", "Air Hitam", "Singkut",
        "Limun", "Cermin Nan Gedang", "Batang Asai",
    ), 420),
    KabKotaSpec("Kabupaten Kerinci", "Kerinci", "15.01", (
        "Gunung Raya", "Bukit Kerman", "Batang Merangin", "Keliling Danau", "Danau Kerinci",
        "Danau Kerinci Barat", "Sitinjau Laut", "Air Hangat", "Air Hangat Timur",
        "Air Hangat Barat", "Depati Tujuh", "Siulak", "Siulak Mukai", "Gunung Kerinci",
        "Kayu Aro", "Kayu Aro Barat", "Gunung Tujuh",
    ), 480, mix=KERINCI_MIX, incident_weight=2.5),
    KabKotaSpec("Kota Sungai Penuh", "Sungai Penuh", "15.72", (
        "Sungai Penuh", "Pesisir Bukit", "Hamparan Rawang", "Tanah Kampung", "Kumun Debai",
        "Pondok Tinggi", "Sungai Bungkal", "Koto Baru",
    ), 170, mix=(0.58, 0.26, 0.14, 0.02), incident_weight=2.5),
)  # fmt: skip
KERINCI_AREAS = ("Kabupaten Kerinci", "Kota Sungai Penuh")
# staffing: active personnel / voting-day requirement. Kerinci is short; Tanjung Jabung
# Timur, Tebo and Sarolangun have a slight margin only.
POLRES = (
    PolresSpec("polresta-jambi", "Polresta Jambi", "polresta", ("Kota Jambi",), 1.24, urban=True),
    PolresSpec("polres-muaro-jambi", "Polres Muaro Jambi", "polres",
               ("Kabupaten Muaro Jambi",), 1.18),
    PolresSpec("polres-batanghari", "Polres Batanghari", "polres", ("Kabupaten Batanghari",), 1.16),
    PolresSpec("polres-tanjab-timur", "Polres Tanjung Jabung Timur", "polres",
               ("Kabupaten Tanjung Jabung Timur",), 1.06),
    PolresSpec("polres-tanjab-barat", "Polres Tanjung Jabung Barat", "polres",
               ("Kabupaten Tanjung Jabung Barat",), 1.13),
    PolresSpec("polres-tebo", "Polres Tebo", "polres", ("Kabupaten Tebo",), 1.04),
    PolresSpec("polres-bungo", "Polres Bungo", "polres", ("Kabupaten Bungo",), 1.17),
    PolresSpec("polres-merangin", "Polres Merangin", "polres", ("Kabupaten Merangin",), 1.14),
    PolresSpec("polres-sarolangun", "Polres Sarolangun", "polres", ("Kabupaten Sarolangun",), 1.05),
    PolresSpec("polres-kerinci", "Polres Kerinci", "polres", KERINCI_AREAS, 0.66),
)  # fmt: skip
# (code, name, subsatgas, members from the Polda staff pool)
SATGAS = (
    ("satgas-deteksi", "Satgas Deteksi", (), 14),
    ("satgas-preemtif", "Satgas Preemtif", (), 10),
    ("satgas-preventif", "Satgas Preventif",
     (("subsatgas-pam-tps", "Subsatgas Pengamanan TPS", 10),
      ("subsatgas-pam-penyelenggara", "Subsatgas Pengamanan Penyelenggara", 8)), 6),
    ("satgas-kamseltibcarlantas", "Satgas Kamseltibcarlantas", (), 10),
    ("satgas-gakkum", "Satgas Penegakan Hukum",
     (("subsatgas-sentra-gakkumdu", "Subsatgas Sentra Gakkumdu", 6),), 8),
    ("satgas-penindakan", "Satgas Penindakan", (), 0),  # staffed by Brimob
    ("satgas-humas", "Satgas Humas", (), 8),
    ("satgas-banops", "Satgas Bantuan Operasi",
     (("subsatgas-dokkes", "Subsatgas Kedokteran dan Kesehatan", 6),
      ("subsatgas-logistik", "Subsatgas Logistik", 6)), 6),
)  # fmt: skip
BRIMOB_ON_PENINDAKAN = 40
POLRESTA_ON_LANTAS = 15
PARTNERS = (
    PartnerSpec("korem-042", "Korem 042/Garuda Putih", "korem", "tni", 180),
    PartnerSpec("kodim-0415", "Kodim 0415/Jambi", "kodim", "tni", 250,
                ("Kota Jambi", "Kabupaten Muaro Jambi", "Kabupaten Batanghari"), "korem-042"),
    PartnerSpec("kodim-0416", "Kodim 0416/Bute", "kodim", "tni", 220,
                ("Kabupaten Bungo", "Kabupaten Tebo"), "korem-042"),
    PartnerSpec("kodim-0417", "Kodim 0417/Kerinci", "kodim", "tni", 200, KERINCI_AREAS,
                "korem-042"),
    PartnerSpec("kodim-0419", "Kodim 0419/Tanjab", "kodim", "tni", 200,
                ("Kabupaten Tanjung Jabung Barat", "Kabupaten Tanjung Jabung Timur"), "korem-042"),
    PartnerSpec("kodim-0420", "Kodim 0420/Sarko", "kodim", "tni", 220,
                ("Kabupaten Sarolangun", "Kabupaten Merangin"), "korem-042"),
    PartnerSpec("satpolpp-jambi", "Satpol PP Provinsi Jambi", "satpolpp", "satpolpp", 150),
)  # fmt: skip
BRIMOB_LEADERS = (
    ("Dansat Brimob Polda Jambi", "kombes"), ("Wadansat Brimob", "akbp"),
    ("Danyon A Pelopor", "kompol"), ("Danyon B Pelopor", "kompol"), ("Kasi Ops", "akp"),
    *((f"Danki {i}", "akp" if i <= 2 else "iptu") for i in range(1, 7)),
    *((f"Danton {i}", "ipda" if i <= 6 else "aiptu") for i in range(1, 13)),
)  # fmt: skip
BRIMOB_RANKS = (
    ("bharada", 18.0), ("bharatu", 16.0), ("bharaka", 10.0), ("abripda", 6.0), ("abriptu", 5.0),
    ("abrip", 5.0), ("bripda", 12.0), ("briptu", 10.0), ("brigpol", 10.0), ("bripka", 5.0),
    ("aipda", 2.0), ("aiptu", 1.0),
)  # fmt: skip
BRIMOB_POSITIONS = ("Anggota Yon A Pelopor", "Anggota Yon B Pelopor", "Anggota Detasemen Gegana",
                    "Anggota Unit Jibom", "Anggota Kompi Pengendalian Massa")  # fmt: skip
# The command group serves at the Polda itself, not in the reserve staff pool.
POLDA_LEADERS = (("Kapolda Jambi", "irjen"), ("Wakapolda Jambi", "brigjen"))
STAFF_LEADERS = (
    ("Karo Ops", "kombes"),
    ("Kabag Binops Ro Ops", "akbp"), ("Kabag Dalops Ro Ops", "akbp"),
    ("Kasubbid Penmas Bid Humas", "akbp"), ("Kasubbag Renops", "kompol"),
    ("Kasubbag Kerma", "kompol"), ("Kasubdit Kamneg Ditintelkam", "kompol"),
    ("Kasubdit Gakkum Ditlantas", "kompol"), ("Kasubdit Siber Ditreskrimsus", "kompol"),
    *((f"Paur Subbag {s}", "akp") for s in ("Renops", "Binops", "Dalops", "Kerma", "Pusdalops")),
    *((f"Panit {s}", "iptu" if i % 2 else "ipda") for i, s in enumerate(
        ("Ditintelkam", "Ditreskrimum", "Ditreskrimsus", "Ditsamapta", "Ditlantas", "Ditbinmas",
         "Bidpropam", "Bidhumas", "Biddokkes", "Ditpamobvit"))),
)  # fmt: skip
STAFF_RANKS = (
    ("bripda", 5.0), ("briptu", 10.0), ("brigpol", 15.0), ("bripka", 16.0), ("aipda", 20.0),
    ("aiptu", 20.0), ("ipda", 8.0), ("iptu", 4.0), ("akp", 2.0),
)  # fmt: skip
STAFF_POSITIONS = ("Bamin Ro Ops", "Banit Ditintelkam", "Banit Ditreskrimum", "Banit Ditsamapta",
                   "Banit Ditlantas", "Bamin Bidhumas", "Banit Ditbinmas", "Operator Pusdalops",
                   "Bamin Ro SDM", "Bamin Ro Log")  # fmt: skip
ACCOUNTS = (
    AccountSpec("jambi.op.rina", "Rina Marlina Siregar", "operator"),
    AccountSpec("jambi.op.dedi", "Dedi Eka Saputra", "operator"),
    AccountSpec("jambi.op.fajar", "Fajar Nugroho", "operator"),
    AccountSpec("jambi.staf.hendra", "Hendra Wijaya Lubis", "staff"),
    AccountSpec("jambi.staf.wulan", "Wulan Sari Harahap", "staff"),
    AccountSpec("jambi.pimpinan", "Pimpinan Demo Polda Jambi", "commander"),
    AccountSpec("jambi.admin", "Admin Demo Polda Jambi", "admin"),
)
OPERATORS = ("jambi.op.rina", "jambi.op.dedi", "jambi.op.fajar")
WINDOWS = (
    *before_voting(pre=22, determination=8, campaign=115, quiet=30),
    # Voting day up to 20:00, where the demo stands (``Demo.now``): the polls until 13:00,
    # then the count at the TPS. Every post reports within the hour that day.
    on_voting_day(26, VOTING, hours=(6, 12)),
    on_voting_day(10, COUNTING, hours=(13, 16)),
    # Results read out at the TPS in the evening: the busiest hours of the count.
    on_voting_day(16, COUNTING, hours=(17, 19)),
)
# Polri's base rating per aspect (politik, ekonomi, sosbud, keamanan), 1 rendah .. 3 tinggi;
# the campaign, voting and counting stages raise politik and keamanan by one.
RATINGS = {
    "Kota Jambi": (2, 1, 2, 2), "Kabupaten Muaro Jambi": (2, 1, 1, 1),
    "Kabupaten Batanghari": (1, 1, 1, 1), "Kabupaten Tanjung Jabung Timur": (1, 2, 1, 1),
    "Kabupaten Tanjung Jabung Barat": (2, 1, 1, 1), "Kabupaten Tebo": (1, 1, 2, 1),
    "Kabupaten Bungo": (2, 1, 1, 2), "Kabupaten Merangin": (2, 2, 1, 2),
    "Kabupaten Sarolangun": (2, 2, 1, 1), "Kabupaten Kerinci": (3, 2, 2, 3),
    "Kota Sungai Penuh": (3, 1, 2, 3),
}  # fmt: skip
# Demo values in the style of Bawaslu's IKP (0-100), not Bawaslu's published figures.
BAWASLU_IKP = {
    "Kota Jambi": 55.1, "Kabupaten Muaro Jambi": 47.3, "Kabupaten Batanghari": 38.9,
    "Kabupaten Tanjung Jabung Timur": 41.6, "Kabupaten Tanjung Jabung Barat": 44.0,
    "Kabupaten Tebo": 42.8, "Kabupaten Bungo": 52.4, "Kabupaten Merangin": 57.0,
    "Kabupaten Sarolangun": 49.5, "Kabupaten Kerinci": 71.2, "Kota Sungai Penuh": 68.4,
}  # fmt: skip
BRIMOB_ACTIVE, BRIMOB_OFF = 381, 19
STAFF_ACTIVE, STAFF_OFF, STAFF_PNS = 158, 8, 14


def build(session: Session, actor: Actor) -> int:
    demo = Demo(session, SPEC, SEED, actor, operator=OPERATORS[0])
    demo.add_regions("Provinsi Jambi", "15", KABKOTA, names.DESA_HEADS_SUMATRA)
    [polda] = demo.unit_rows(
        [{"parent_id": None, "tree": "territorial", "kind": "polda", "code": "polda-jambi",
          "name": "Polda Jambi"}]
    )  # fmt: skip
    demo.insert(UnitArea, [{"unit_id": polda, "region_id": demo.province_id}])
    demo.add_territory(polda, POLRES)
    brimob, staff = demo.unit_rows([
        {"parent_id": polda, "tree": "territorial", "kind": "brimob", "code": "brimob-jambi",
         "name": "Sat Brimob Polda Jambi", "is_reserve": True},
        {"parent_id": polda, "tree": "territorial", "kind": "agency", "code": "staf-polda-jambi",
         "name": "Biro dan Direktorat Polda Jambi", "is_reserve": True},
    ])  # fmt: skip
    satgas = _add_satgas(demo)
    demo.add_partners(PARTNERS)
    demo.add_linmas()
    demo.add_tps()

    rows = staffing.staff_territory(demo, pns_per_polres=1)
    brimob_rows = staffing.staff(demo, brimob, BRIMOB_ACTIVE, BRIMOB_OFF, BRIMOB_LEADERS,
                                 BRIMOB_RANKS, BRIMOB_POSITIONS, female_share=0.02)  # fmt: skip
    staff_rows = staffing.staff(demo, staff, STAFF_ACTIVE, STAFF_OFF, STAFF_LEADERS, STAFF_RANKS,
                                STAFF_POSITIONS, pns=STAFF_PNS, female_share=0.15)  # fmt: skip
    _assign_satgas(
        demo, staff_rows, brimob_rows, rows, satgas, len(STAFF_LEADERS), len(BRIMOB_LEADERS)
    )
    command = staffing.staff(
        demo, polda, len(POLDA_LEADERS), 0, POLDA_LEADERS, STAFF_RANKS, STAFF_POSITIONS
    )
    staffing.seat_signatory(demo, staff_rows, "Karo Ops")
    staffing.add_personnel(demo, [*command, *rows, *brimob_rows, *staff_rows])
    _add_bko(demo, brimob, staff)

    add_incidents(demo, WINDOWS, OPERATORS, reserve_id=brimob)
    demo.add_ratings(RATINGS, BAWASLU_IKP, stage="pemungutan")
    demo.add_guard_posts("pemungutan")
    demo.add_accounts(ACCOUNTS)
    add_readiness(demo, _readiness_plan(demo, polda))
    add_watch(demo, poor_signal=KERINCI_AREAS)
    return demo.op_id


def _readiness_plan(demo: Demo, polda: int) -> Plan:
    """Kerinci is short of radios and motorcycles for its guard plan; the Kapolda's tour
    left findings, some followed up, some overdue on voting day."""
    supply = {"Polres Kerinci": 0.7, "Polres Tebo": 0.97, "Polres Sarolangun": 0.95}
    units = [
        Judged(p.id, p.spec.name, [d for _, d in p.polsek], supply.get(p.spec.name, 1.05),
               coastal="Tanjung Jabung" in p.spec.name)
        for p in demo.polres
    ]  # fmt: skip
    return Plan(
        top_id=polda,
        units=units,
        hibah=("NPHD 900/1457/BPKAD/2024", date(2024, 6, 5), 25_000_000_000),
        dipa_top=4_000_000_000,
        dipa_unit=350_000_000,
        hibah_share=1_500_000_000,
        visits=TOUR,
        judgements=routine(units, "jambi.staf.hendra", date(2024, 11, 22), ("Polres Kerinci",)),
    )


_KAPOLDA = "Kapolda Jambi"
_TEAM = "Karo Ops, Karo Log, Karo Rena, Dir Samapta, Dir Intelkam"
_CHECKED = "Apel kesiapan, cek sarpras dan senjata, paparan kerawanan tiap tahapan oleh Kapolres"
TOUR = (
    Visit("Polres Batanghari", date(2024, 10, 8), "kunker", _KAPOLDA, _TEAM, _CHECKED, (
        Finding("sarpras", "Dua unit R4 patroli rusak ringan belum diperbaiki",
                "Perbaiki melalui Bag Log sebelum masa tenang", "Kabag Log Polres Batanghari",
                date(2024, 11, 15), "selesai", "Kedua R4 selesai diperbaiki 12/11"),
    )),
    Visit("Polres Tebo", date(2024, 10, 10), "kunker", _KAPOLDA, _TEAM, _CHECKED, (
        Finding("latihan", "Latihan Dalmas belum melibatkan seluruh Polsek",
                "Latihan gabungan Dalmas per Polsek", "Kabag Ops Polres Tebo",
                date(2024, 11, 20), "proses"),
    )),
    Visit("Polres Bungo", date(2024, 10, 15), "kunker", _KAPOLDA, _TEAM, _CHECKED, (
        Finding("perencanaan", "Rencana pengamanan rekapitulasi di PPK belum rinci",
                "Lengkapi Renpam rekapitulasi per PPK", "Kabag Ops Polres Bungo",
                date(2024, 11, 25), "terbuka"),
    )),
    Visit("Polres Merangin", date(2024, 10, 22), "kunker", _KAPOLDA, _TEAM, _CHECKED, (
        Finding("posko", "Posko Polsek Jangkat belum memiliki genset",
                "Pinjam genset Pemda atau pengadaan hibah", "Kapolsek Jangkat",
                date(2024, 11, 22), "selesai", "Genset pinjaman Pemkab terpasang 20/11"),
    )),
    Visit("Polres Kerinci", date(2024, 10, 29), "kunker", _KAPOLDA, _TEAM, _CHECKED, (
        Finding("sarpras", "HT kurang untuk tim pengamanan TPS rawan dan sangat rawan",
                "Ajukan pinjaman HT dari Bid TIK Polda", "Kabag Log Polres Kerinci",
                date(2024, 11, 18), "terbuka"),
        Finding("sarpras", "Kendaraan R2 tidak mencukupi untuk patroli antar-TPS di Siulak "
                "dan Gunung Kerinci", "Pinjam R2 dari Polresta Jambi dan Pemkab",
                "Kabag Log Polres Kerinci", date(2024, 11, 22), "proses"),
        Finding("personel", "Kekuatan personel di bawah kebutuhan pola pengamanan TPS",
                "Ajukan penebalan BKO Brimob", "Kabag Ops Polres Kerinci",
                date(2024, 11, 20), "selesai", "BKO 60 personel Brimob disetujui Sprin/1873/XI"),
    )),
    Visit("Polres Sarolangun", date(2024, 11, 5), "kunker", _KAPOLDA, _TEAM, _CHECKED, (
        Finding("anggaran", "Realisasi uang saku tahap kampanye terlambat",
                "Percepat pencairan melalui Bendahara", "Kasikeu Polres Sarolangun",
                date(2024, 11, 15), "terbuka"),
    )),
    Visit("Polresta Jambi", date(2024, 11, 12), "kunker", _KAPOLDA, _TEAM, _CHECKED, (
        Finding("masyarakat", "Sosialisasi pemilu damai di kelurahan rawan belum merata",
                "Libatkan Bhabinkamtibmas dan tokoh masyarakat", "Kasat Binmas Polresta Jambi",
                date(2024, 11, 23), "selesai", "Sosialisasi di 14 kelurahan selesai"),
    )),
    Visit("Polres Kerinci", date(2024, 11, 21), "supervisi", "Tim Supervisi Polda Jambi",
          "Kabag Binops Ro Ops dan tim", "Tindak lanjut temuan kunjungan kerja Kapolda", (
        Finding("posko", "Posko pengamanan di Sungai Penuh belum dilengkapi APAR",
                "Lengkapi APAR di setiap posko", "Kapolsek Sungai Penuh",
                date(2024, 11, 26), "terbuka"),
    )),
)  # fmt: skip


def _add_satgas(demo: Demo) -> dict[str, int]:
    """The eight Satgas of the operation (task-force tree), some with Subsatgas."""
    ids = dict(zip(
        (s[0] for s in SATGAS),
        demo.unit_rows([{"parent_id": None, "tree": "satgas", "kind": "satgas", "code": code,
                         "name": name} for code, name, _, _ in SATGAS]),
        strict=True,
    ))  # fmt: skip
    subs = [(parent, code, name) for parent, _, children, _ in SATGAS for code, name, _ in children]
    sub_ids = demo.unit_rows([{"parent_id": ids[p], "tree": "satgas", "kind": "subsatgas",
                               "code": c, "name": n} for p, c, n in subs])  # fmt: skip
    ids.update(zip((c for _, c, _ in subs), sub_ids, strict=True))
    return ids


def _assign_satgas(
    demo: Demo,
    staff_rows: list[dict[str, Any]],
    brimob_rows: list[dict[str, Any]],
    territory_rows: list[dict[str, Any]],
    satgas: dict[str, int],
    staff_leaders: int,
    brimob_leaders: int,
) -> None:
    """Satgas are staffed from the Polda staff pool, Brimob (Penindakan), Polresta (Lantas)."""
    rng = demo.rng
    quota: list[tuple[str, int]] = []
    for code, _, children, n in SATGAS:
        quota.append((code, n))
        quota.extend((c, m) for c, _, m in children)
    pool = [
        r
        for r in staff_rows[staff_leaders:]
        if r["duty_status"] == "aktif" and r["id_kind"] == "nrp"
    ]
    rng.shuffle(pool)
    taken = iter(pool)
    for code, n in quota:
        for _ in range(n):
            next(taken)["assigned_unit_id"] = satgas[code]
    brimob_pool = [r for r in brimob_rows[brimob_leaders:] if r["duty_status"] == "aktif"]
    for r in rng.sample(brimob_pool, BRIMOB_ON_PENINDAKAN):
        r["assigned_unit_id"] = satgas["satgas-penindakan"]
    polresta = demo.polres[0].id
    lantas = [r for r in territory_rows if r["home_unit_id"] == polresta
              and r["position"] == "Banit Sat Lantas" and r["duty_status"] == "aktif"]  # fmt: skip
    for r in lantas[:POLRESTA_ON_LANTAS]:
        r["assigned_unit_id"] = satgas["satgas-kamseltibcarlantas"]


def _add_bko(demo: Demo, brimob: int, staff: int) -> None:
    """Brimob detachments for voting and counting, and a few named officers on BKO."""
    rng = demo.rng
    by_code = {p.spec.code: p.id for p in demo.polres}
    stage = {code: s.id for code, s in demo.stages.items()}
    rows: list[dict[str, Any]] = [
        {"from_unit_id": brimob, "to_unit_id": by_code["polres-kerinci"], "personnel_id": None,
         "personnel_count": 60, "stage_id": stage["pemungutan"],
         "starts_at": wib(date(2024, 11, 25), 6), "ends_at": wib(date(2024, 11, 29), 18),
         "warrant": "Sprin/1873/XI/OPS.1.1/2024",
         "note": "Penebalan pengamanan TPS rawan dan sangat rawan di Kerinci dan Sungai Penuh"},
        {"from_unit_id": brimob, "to_unit_id": by_code["polres-bungo"], "personnel_id": None,
         "personnel_count": 30, "stage_id": stage["rekapitulasi"],
         "starts_at": wib(date(2024, 11, 29), 6), "ends_at": wib(date(2024, 12, 10), 18),
         "warrant": "Sprin/1921/XI/OPS.1.1/2024",
         "note": "Pengamanan rapat pleno rekapitulasi KPU Kabupaten Bungo"},
    ]  # fmt: skip
    # Named officers: intelligence staff to Kerinci for the quiet period, one traffic officer.
    staff_people = [p for p in demo.personnel if p.unit_id == staff and p.active
                    and p.rank in ("aipda", "aiptu", "bripka")]  # fmt: skip
    polresta_people = [p for p in demo.personnel if p.unit_id == by_code["polresta-jambi"]
                       and p.active and p.rank in ("briptu", "brigpol")]  # fmt: skip
    picks = [
        (rng.choice(staff_people[: len(staff_people) // 2]), "polres-kerinci", "masa-tenang"),
        (rng.choice(staff_people[len(staff_people) // 2 :]), "polres-kerinci", "masa-tenang"),
        (rng.choice(polresta_people), "polres-tebo", "kampanye"),
    ]
    for person, to, stage_code in picks:
        start = demo.stages[stage_code].starts_on
        assert start is not None
        rows.append({
            "from_unit_id": person.unit_id, "to_unit_id": by_code[to], "personnel_id": person.id,
            "personnel_count": 1, "stage_id": stage[stage_code],
            "starts_at": wib(start - timedelta(days=1), 7),
            "ends_at": wib(start + timedelta(days=6), 17),
            "warrant": f"Sprin/{rng.randint(1500, 1999)}/XI/OPS.1.1/2024",
            "note": "BKO perorangan",
        })  # fmt: skip
    demo.insert(BkoAssignment, rows)
