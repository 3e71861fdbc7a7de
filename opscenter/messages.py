"""Sentences for typed errors, in Bahasa Indonesia first and English second.

ARCHITECTURE.md gives ``ui`` every user-visible string, but the command line and the
printed reports need the same sentences without Qt; so error sentences live here, keyed
by the error's code, and both front ends use them. Widget labels stay in ``ui`` (Qt tr()).
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from opscenter.errors import OpsError

LANGS = ("id", "en")

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "title": ("judul", "title"),
    "occurred_at": ("waktu kejadian", "time of occurrence"),
    "nrp": ("NRP/NIP", "NRP/NIP"),
    "name": ("nama", "name"),
    "timezone": ("zona waktu", "time zone"),
    "scenario": ("skenario", "scenario"),
    "code": ("kode", "code"),
    "text": ("isi catatan", "note text"),
    "dead": ("korban meninggal", "dead"),
    "injured": ("korban luka", "injured"),
    "personnel_count": ("jumlah personel", "number of personnel"),
    "ends_at": ("waktu selesai", "end time"),
    "parent_id": ("induk satuan", "parent unit"),
    "personnel_id": ("personel", "person"),
    "starts_at": ("waktu mulai", "start time"),
}

ENTITY_NAMES: dict[str, tuple[str, str]] = {
    "unit": ("satuan", "unit"),
    "incident": ("kejadian", "incident"),
    "personnel": ("data personel", "personnel record"),
    "operation": ("operasi", "operation"),
    "stage": ("tahapan", "stage"),
    "polling_station": ("TPS", "polling station"),
    "bko_assignment": ("penugasan BKO", "BKO assignment"),
}

REASONS: dict[str, tuple[str, str]] = {
    "required": ("wajib diisi", "is required"),
    "future": ("berada di masa depan", "is in the future"),
    "no_zone": ("tidak memiliki zona waktu", "has no time zone"),
    "negative": ("tidak boleh negatif", "cannot be negative"),
    "unknown": ("tidak dikenal", "is not known"),
    "exists": ("sudah ada", "already exists"),
    "malformed": ("tidak sah (NRP 8 digit, NIP 18 digit)", "is malformed (NRP 8 digits, NIP 18)"),
    "unknown_zone": ("bukan zona waktu yang dikenal", "is not a known time zone"),
    "before_start": ("lebih awal dari waktu mulai", "is before the start"),
    "cycle": ("membentuk lingkaran dalam susunan satuan", "would make the unit tree circular"),
    "same_unit": ("sama dengan satuan asal", "is the same as the source unit"),
    "not_positive": ("harus lebih dari nol", "must be more than zero"),
    "one_person": ("harus 1 bila personel disebut namanya", "must be 1 when a person is named"),
    "not_in_unit": ("tidak bertugas di satuan asal", "does not serve in the lending unit"),
}

# code -> (Indonesian, English); str.format fields come from the error's data.
TEMPLATES: dict[str, tuple[str, str]] = {
    "db.bad_url": (
        "Alamat basis data \u201c{url}\u201d tidak dapat dipakai: gunakan sqlite:///BERKAS.db "
        "atau postgresql://PENGGUNA@HOST/NAMA.",
        "The database address \u201c{url}\u201d cannot be used: use sqlite:///FILE.db or "
        "postgresql://USER@HOST/NAME.",
    ),
    "db.unreachable": (
        "Server basis data {host}:{port} tidak dapat dihubungi ({detail}). Periksa alamat, "
        "jaringan, dan apakah server menyala.",
        "The database server {host}:{port} cannot be reached ({detail}). Check the address, "
        "the network, and that the server is running.",
    ),
    "db.not_a_database": (
        "Berkas {path} bukan basis data OpsCenter; pilih berkas lain atau nama berkas baru.",
        "{path} is not an OpsCenter database; choose another file or a new file name.",
    ),
    "db.read_only": (
        "Basis data {path} tidak dapat ditulisi (hanya-baca atau tanpa izin); salin ke folder "
        "yang dapat ditulisi atau minta izin tulis.",
        "The database {path} cannot be written (read-only or no permission); copy it to a "
        "writable folder or ask for write access.",
    ),
    "db.locked": (
        "Basis data {path} sedang dikunci oleh program lain; tunggu sebentar lalu coba lagi.",
        "The database {path} is locked by another program; wait a moment and try again.",
    ),
    "db.missing": (
        "Basis data {path} belum ada; buat dengan \u201copscenter demo --scenario jambi --db "
        "{path}\u201d atau periksa nama berkasnya.",
        "The database {path} does not exist; create it with \u201copscenter demo --scenario "
        "jambi --db {path}\u201d or check the file name.",
    ),
    "db.folder_missing": (
        "Folder {path} tidak ada; buat foldernya dulu atau pilih lokasi lain.",
        "The folder {path} does not exist; create it first or choose another location.",
    ),
    "db.schema_too_new": (
        "Basis data ini dibuat oleh OpsCenter yang lebih baru (skema {revision}); perbarui "
        "program ini sebelum membukanya.",
        "This database was written by a newer OpsCenter (schema {revision}); update this "
        "program before opening it.",
    ),
    "db.schema_outdated": (
        "Basis data ini belum berisi skema OpsCenter; jalankan \u201copscenter db upgrade\u201d.",
        "This database holds no OpsCenter schema yet; run \u201copscenter db upgrade\u201d.",
    ),
    "db.connection_lost": (
        "Hubungan ke basis data terputus ({detail}); perubahan terakhir dibatalkan, tidak ada "
        "yang tersimpan setengah.",
        "The connection to the database was lost ({detail}); the last change was rolled back, "
        "nothing was half-saved.",
    ),
    "db.conflict": (
        "Basis data menolak perubahan karena bertentangan dengan data yang ada ({detail}); "
        "muat ulang lalu coba lagi.",
        "The database refused the change as it conflicts with existing data ({detail}); "
        "reload and try again.",
    ),
    "db.no_operation": (
        "Basis data ini belum berisi operasi; muat contoh dengan \u201copscenter demo --scenario "
        "jambi\u201d.",
        "This database holds no operation yet; load a demo with \u201copscenter demo --scenario "
        "jambi\u201d.",
    ),
    "db.pg_dump_missing": (
        "Cadangan PostgreSQL memakai pg_dump, yang belum terpasang di sini; pasang paket "
        "postgresql-client lalu jalankan: pg_dump --format=custom --file={dest} {url}",
        "PostgreSQL backups use pg_dump, which is not installed here; install the "
        "postgresql-client package, then run: pg_dump --format=custom --file={dest} {url}",
    ),
    "storage": ("Basis data tidak dapat dipakai.", "The database cannot be used."),
    "not_found": (
        "{entity_name} \u201c{key}\u201d tidak ditemukan; mungkin sudah dihapus dari "
        "workstation lain.",
        "{entity_name} \u201c{key}\u201d was not found; it may have been deleted elsewhere.",
    ),
    "invalid_value": ("{field_name} {reason_text}.", "{field_name} {reason_text}."),
    "stale_edit": (
        "{entity_name} ini sudah diubah oleh {by} pada {at_text}; muat ulang lalu terapkan "
        "lagi perubahan Anda.",
        "This {entity_name} was changed by {by} at {at_text}; reload it and apply your change "
        "again.",
    ),
    "not_permitted": (
        "Peran {role} tidak berwenang untuk tindakan ini.",
        "The {role} role may not do this.",
    ),
    "journal.bypass": (
        "Perubahan ditolak karena tidak melalui jurnal audit.",
        "The change was refused because it did not go through the audit journal.",
    ),
    "journal.read_only_session": (
        "Perubahan ditolak: sesi baca tidak boleh menulis.",
        "The change was refused: a read session may not write.",
    ),
    "journal.immutable": (
        "Jurnal audit tidak boleh diubah atau dihapus.",
        "The audit journal cannot be changed or deleted.",
    ),
}


def language(explicit: str | None = None) -> str:
    lang = (explicit or os.environ.get("OPSCENTER_LANG") or "id").lower()[:2]
    return lang if lang in LANGS else "id"


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _when(value: Any, lang: str) -> str:
    if isinstance(value, datetime):
        local = value.astimezone(ZoneInfo("Asia/Jakarta"))
        return local.strftime("%d-%m-%Y %H:%M WIB")
    return "waktu yang tidak diketahui" if lang == "id" else "an unknown time"


def describe(error: OpsError, lang: str | None = None) -> str:
    """One sentence a person can act on, for any core error."""
    lang = language(lang)
    data: dict[str, Any] = {k: ("" if v is None else v) for k, v in error.data.items()}
    entity = str(error.data.get("entity") or "")
    data["entity_name"] = _pick(
        ENTITY_NAMES.get(entity, (entity or "data", entity or "record")), lang
    )
    field = str(error.data.get("field") or "")
    data["field_name"] = _pick(FIELD_NAMES.get(field, (field, field)), lang).capitalize()
    reason = str(error.data.get("reason") or "")
    data["reason_text"] = _pick(REASONS.get(reason, ("tidak sah", "is not valid")), lang)
    if not data.get("by"):
        data["by"] = "pengguna lain" if lang == "id" else "another user"
    data["at_text"] = _when(error.data.get("at"), lang)
    # The most specific template wins; a subclass without one uses its parent's.
    template = next(
        (
            TEMPLATES[code]
            for c in type(error).__mro__
            if (code := getattr(c, "code", None)) in TEMPLATES
        ),
        None,
    )
    if template is None:
        return (
            f"Tindakan gagal ({error.code})."
            if lang == "id"
            else f"The action failed ({error.code})."
        )
    try:
        return _pick(template, lang).format(**data)
    except (KeyError, IndexError, ValueError):
        return _pick(template, lang)
