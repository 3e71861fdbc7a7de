"""Synthetic Indonesian names, numbers and village names for the demo data.

Every person is a random combination of common given names and family-style names, so
no row names a real official. Place names above the village are real; village names
are combinations of common toponym parts ("Sungai", "Talang" + "Duren", "Jaya").
"""

from __future__ import annotations

import random
from collections.abc import Sequence

MALE_NAMES = (
    "Agus", "Ahmad", "Andi", "Arif", "Bayu", "Budi", "Dedi", "Dimas", "Doni", "Eko", "Fajar",
    "Fikri", "Hadi", "Hendra", "Ilham", "Irfan", "Joko", "Kurnia", "Lukman", "Muhammad",
    "Nanda", "Putra", "Rahmat", "Randi", "Reza", "Rizki", "Rudi", "Sandi", "Syahrul", "Taufik",
    "Teguh", "Wahyu", "Yoga", "Yudi", "Zulkifli", "Aldi", "Bagus", "Candra", "Dani", "Erwin",
    "Feri", "Gilang", "Habib", "Indra", "Jefri", "Kevin", "Mulyadi", "Novri", "Okta", "Pandu",
)  # fmt: skip
FEMALE_NAMES = (
    "Ayu", "Dewi", "Fitri", "Indah", "Mega", "Nurul", "Putri", "Rika", "Rina", "Siti", "Sri",
    "Wulan", "Yuni", "Anisa", "Dian", "Lestari", "Nadia", "Novita", "Ratna", "Sari",
)  # fmt: skip
# Middle names that make the combinations longer and more varied.
MIDDLE_NAMES = (
    "Adi", "Dwi", "Eka", "Hari", "Nur", "Tri", "Surya", "Budi", "Rama", "Aji", "Tirta", "Dharma",
)  # fmt: skip
FAMILY_NAMES = (
    "Saputra", "Pratama", "Hidayat", "Santoso", "Nugroho", "Siregar", "Harahap", "Lubis",
    "Nasution", "Simanjuntak", "Kurniawan", "Setiawan", "Wijaya", "Gunawan", "Firmansyah",
    "Ramadhan", "Syahputra", "Permana", "Hasibuan", "Rangkuti", "Effendi", "Rasyid", "Hakim",
    "Maulana", "Fauzi", "Prasetyo", "Susanto", "Hutapea", "Sitompul", "Anwar", "Yusuf",
    "Haryanto", "Purnomo", "Syafei", "Marpaung", "Tanjung", "Daulay", "Sinaga", "Putri",
    "Wahyudi", "Suhendra", "Irawan",
)  # fmt: skip

# Mobile prefixes of Indonesian operators (after +62).
PHONE_PREFIXES = ("811", "812", "813", "821", "822", "823", "852", "853", "877", "878", "895")

# Village names: a head word and a tail word, both common in Sumatran toponyms.
DESA_HEADS_SUMATRA = (
    "Sungai", "Talang", "Pematang", "Tanjung", "Muara", "Koto", "Lubuk", "Rantau", "Teluk",
    "Simpang", "Pulau", "Bukit", "Renah", "Tebing", "Dusun", "Kampung",
)  # fmt: skip
DESA_HEADS_BANGKA = (
    "Air", "Parit", "Batu", "Bukit", "Kuto", "Tanjung", "Pangkal", "Lubuk", "Kampung", "Sungai",
    "Teluk", "Gunung",
)  # fmt: skip
DESA_TAILS = (
    "Duren", "Belido", "Gajah", "Baru", "Lamo", "Jaya", "Makmur", "Panjang", "Tinggi", "Rendah",
    "Pandan", "Harapan", "Karya", "Mulya", "Indah", "Limau", "Kapas", "Rambutan", "Petai",
    "Nibung", "Bayur", "Aro", "Kemuning", "Berkah", "Rejo", "Sari", "Sakti", "Putih", "Merah",
    "Hitam", "Kandis", "Tembesu", "Pinang", "Kelapa", "Rotan", "Batu", "Emas", "Dalam", "Hilir",
    "Hulu", "Tengah", "Seberang",
)  # fmt: skip


def person_name(rng: random.Random, *, female: bool = False) -> str:
    first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    family = rng.choice(FAMILY_NAMES)
    if rng.random() < 0.35:
        middle = rng.choice(MIDDLE_NAMES)
        if middle != first:
            return f"{first} {middle} {family}"
    return f"{first} {family}"


def phone(rng: random.Random) -> str:
    digits = "".join(str(rng.randrange(10)) for _ in range(rng.choice((7, 8))))
    return f"+62{rng.choice(PHONE_PREFIXES)}{digits}"


def nrp(rng: random.Random, birth_year: int, used: set[str]) -> str:
    """An 8-digit NRP: birth year (YY), birth month, then a 4-digit serial; unique in ``used``."""
    while True:
        value = f"{birth_year % 100:02d}{rng.randint(1, 12):02d}{rng.randrange(10_000):04d}"
        if value not in used:
            used.add(value)
            return value


def nip(rng: random.Random, birth_year: int, *, female: bool, used: set[str]) -> str:
    """An 18-digit NIP: birth date (8), appointment year and month (6), sex (1), serial (3)."""
    while True:
        appointed = min(birth_year + rng.randint(21, 30), 2023)
        value = (
            f"{birth_year:04d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            f"{appointed:04d}{rng.randint(1, 12):02d}{2 if female else 1}{rng.randint(1, 999):03d}"
        )
        if value not in used:
            used.add(value)
            return value


def village_names(
    rng: random.Random, count: int, heads: Sequence[str], prefix: str, taken: set[str]
) -> list[str]:
    """``count`` distinct village names ("Desa Sungai Duren"), none already in ``taken``."""
    out: list[str] = []
    while len(out) < count:
        name = f"{prefix} {rng.choice(heads)} {rng.choice(DESA_TAILS)}"
        if name in taken:
            continue
        taken.add(name)
        out.append(name)
    return out
