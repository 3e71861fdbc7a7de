"""Sentences for typed errors, in Bahasa Indonesia first and English second.

ARCHITECTURE.md gives ``ui`` every user-visible string, but the command line and the
printed reports need the same sentences without Qt; so error sentences live here, keyed
by the error's code, and both front ends use them. Widget labels stay in ``ui`` (Qt tr()).
"""

from __future__ import annotations

import os
from datetime import datetime
from decimal import Decimal
from typing import Any

from opscenter.errors import OpsError
from opscenter.operations import DEFAULT_TIMEZONE, local_text

LANGS = ("id", "en")

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "title": ("judul", "title"),
    "occurred_at": ("waktu kejadian", "time of occurrence"),
    "nrp": ("NRP/NIP", "NRP/NIP"),
    "name": ("nama", "name"),
    "timezone": ("zona waktu", "time zone"),
    "scenario": ("skenario", "scenario"),
    "code": ("kode", "code"),
    "username": ("nama pengguna", "user name"),
    "full_name": ("nama lengkap", "full name"),
    "password": ("kata sandi", "password"),
    "role": ("peran", "role"),
    "text": ("isi catatan", "note text"),
    "dead": ("korban meninggal", "dead"),
    "injured": ("korban luka", "injured"),
    "personnel_count": ("jumlah personel", "number of personnel"),
    "ends_at": ("waktu selesai", "end time"),
    "parent_id": ("induk satuan", "parent unit"),
    "personnel_id": ("personel", "person"),
    "starts_at": ("waktu mulai", "start time"),
    # situation reports
    "period_to": ("akhir periode laporan", "end of the report period"),
    "classification": ("klasifikasi", "classification"),
    "sitrep_number_template": ("pola nomor laporan", "report number template"),
    # planning (vulnerability, guard patterns)
    "score": ("skor IKP", "IKP score"),
    "source": ("sumber penilaian", "source of the rating"),
    "region_id": ("wilayah", "region"),
    "guard_police": ("jumlah polisi pada pola pengamanan", "police in the guard pattern"),
    "guard_tps": ("jumlah TPS pada pola pengamanan", "polling stations in the guard pattern"),
    "guard_linmas": ("jumlah Linmas pada pola pengamanan", "Linmas in the guard pattern"),
    # --- issue 14: keys ---
    "type_id": ("jenis kejadian", "incident type"),
    # --- issue 15: matrix ---
    "level": ("tingkat kesiapan", "readiness level"),
    "note": ("catatan", "note"),
    # --- issue 15: budget and visits ---
    "pagu": ("pagu", "ceiling (pagu)"),
    "amount": ("jumlah realisasi", "amount paid"),
    "description": ("uraian", "description"),
    "paid_on": ("tanggal bayar", "payment date"),
    "signed_on": ("tanggal penandatanganan NPHD", "NPHD signing date"),
    "days": ("jumlah hari", "number of days"),
    "daily_rupiah": ("indeks harian", "daily index"),
    "budget_unit": ("satuan penerima anggaran", "unit of the budget"),
    "budget_source": ("sumber anggaran", "budget source"),
    "budget_reference": ("nomor DIPA/NPHD", "DIPA/NPHD number"),
    "visited_on": ("tanggal kunjungan", "visit date"),
    "visit_kind": ("jenis kunjungan", "kind of visit"),
    "led_by": ("pimpinan kunjungan", "leader of the visit"),
    "finding": ("temuan", "finding"),
    "due_on": ("batas waktu tindak lanjut", "follow-up due date"),
    "person_in_charge": ("penanggung jawab", "person in charge"),
    "follow_up_status": ("status tindak lanjut", "follow-up status"),
}

ENTITY_NAMES: dict[str, tuple[str, str]] = {
    "unit": ("satuan", "unit"),
    "account": ("akun", "account"),
    "incident": ("kejadian", "incident"),
    "personnel": ("data personel", "personnel record"),
    "operation": ("operasi", "operation"),
    "stage": ("tahapan", "stage"),
    "polling_station": ("TPS", "polling station"),
    "bko_assignment": ("penugasan BKO", "BKO assignment"),
    "region": ("wilayah", "region"),
    "aspect": ("aspek", "aspect"),
    "vulnerability_level": ("tingkat kerawanan", "vulnerability level"),
    "vulnerability_rating": ("penilaian kerawanan", "vulnerability rating"),
    "tps_category": ("kategori TPS", "polling-station category"),
    # --- issue 15: matrix ---
    "readiness_aspect": ("aspek kesiapan", "readiness aspect"),
    "readiness_judgement": ("penilaian kesiapan", "readiness judgement"),
    # --- issue 15: budget and visits ---
    "budget_allocation": ("alokasi anggaran", "budget allocation"),
    "budget_realisation": ("realisasi anggaran", "budget payment"),
    "budget_index": ("indeks harian anggaran", "daily budget index"),
    "budget_component": ("komponen anggaran", "budget component"),
    "inspection_visit": ("kunjungan", "inspection visit"),
    "inspection_finding": ("temuan", "finding"),
}

# The kinds of list the import wizard offers, as its "Jenis data" names them (the CLI's
# ``opscenter import KIND``): a file of one kind chosen as another is told by these names.
IMPORT_KIND_NAMES: dict[str, tuple[str, str]] = {
    "personnel": ("Daftar personel", "Personnel roster"),
    "tps": ("Daftar TPS", "TPS list"),
    "units": ("Daftar satuan", "Unit list"),
    "sarpras": ("Daftar sarpras", "Sarpras list"),
    "incidents": ("Log kejadian", "Incident log"),
    "plotting": ("Plotting personel", "Guard plotting"),
    "watch": ("Laporan pemantauan TPS", "TPS watch report"),
    "regions": ("Batas wilayah", "Region boundaries"),  # the regions import's own wizard
}

# A unit's kind (``opscenter.model.UNIT_KINDS``) as a reader names it: the printed report
# shows these, never the stored code.
UNIT_KIND_NAMES: dict[str, tuple[str, str]] = {
    "polda": ("Polda", "Polda"),
    "polres": ("Polres", "Polres"),
    "polresta": ("Polresta", "Polresta"),
    "polsek": ("Polsek", "Polsek"),
    "satgas": ("Satgas", "Task force"),
    "subsatgas": ("Subsatgas", "Task sub-force"),
    "brimob": ("Satuan Brimob", "Brimob unit"),
    "korem": ("Korem", "Korem"),
    "kodim": ("Kodim", "Kodim"),
    "koramil": ("Koramil", "Koramil"),
    "lanal": ("Lanal", "Lanal"),
    "satpolpp": ("Satpol PP", "Satpol PP"),
    "linmas": ("Linmas", "Linmas"),
    "agency": ("Satker/instansi", "Office/agency"),
}


def unit_kind_name(kind: str, lang: str | None = None) -> str:
    """The name of unit kind ``kind`` in ``lang``; an unknown code as it is."""
    pair = UNIT_KIND_NAMES.get(kind)
    return _pick(pair, language(lang)) if pair else kind


REASONS: dict[str, tuple[str, str]] = {
    "required": ("wajib diisi", "is required"),
    "future": ("berada di masa depan", "is in the future"),
    "no_zone": ("tidak memiliki zona waktu", "has no time zone"),
    "negative": ("tidak boleh negatif", "cannot be negative"),
    "unknown": ("tidak dikenal", "is not known"),
    "exists": ("sudah ada", "already exists"),
    "too_short": ("terlalu pendek (paling sedikit 8 karakter)", "is too short (at least 8)"),
    "malformed": ("tidak sah (NRP 8 digit, NIP 18 digit)", "is malformed (NRP 8 digits, NIP 18)"),
    "unknown_zone": ("bukan zona waktu yang dikenal", "is not a known time zone"),
    "before_start": ("lebih awal dari waktu mulai", "is before the start"),
    "cycle": ("membentuk lingkaran dalam susunan satuan", "would make the unit tree circular"),
    "same_unit": ("sama dengan satuan asal", "is the same as the source unit"),
    "not_positive": ("harus lebih dari nol", "must be more than zero"),
    "one_person": ("harus 1 bila personel disebut namanya", "must be 1 when a person is named"),
    "not_in_unit": ("tidak bertugas di satuan asal", "does not serve in the lending unit"),
    "classification": (
        "tidak dikenal: pilih SANGAT RAHASIA, RAHASIA, TERBATAS atau BIASA",
        "is not known: choose SANGAT RAHASIA, RAHASIA, TERBATAS or BIASA",
    ),
    "template": (
        "memuat kolom yang tidak dikenal (gunakan {serial}, {month_roman}, {month}, {year})",
        "has an unknown field (use {serial}, {month_roman}, {month}, {year})",
    ),
    "not_rated_level": (
        "bukan kabupaten/kota atau kecamatan (hanya keduanya yang dinilai kerawanannya)",
        "is not a regency/city or district (only those are rated)",
    ),
    "score_not_bawaslu": (
        "hanya diisi untuk sumber Bawaslu (IKP); penilaian Polri memakai tingkat saja",
        "is only for the Bawaslu source (IKP); Polri ratings use a level only",
    ),
    "out_of_range": ("harus antara 0 dan 100", "must be between 0 and 100"),
    # --- issue 14: qtlang ---
    "reserved_colon": (
        "tidak boleh memuat titik dua (\u201clokal:\u2026\u201d menandai pengguna sistem)",
        "may not contain a colon (\u201clokal:\u2026\u201d marks the system's user)",
    ),
    "username_format": (
        "tidak boleh memuat spasi; sambungkan katanya dengan titik, mis. jambi.op.baru",
        "may not contain spaces; join the words with dots, e.g. jambi.op.baru",
    ),
    "username_too_long": (
        "terlalu panjang (paling banyak 80 karakter)",
        "is too long (at most 80 characters)",
    ),
    # --- issue 15: matrix ---
    "unknown_readiness_level": (
        "tidak dikenal: pilih siap, siap dengan catatan atau belum siap",
        "is not known: choose ready, ready with a note or not ready",
    ),
    "readiness_note_needed": (
        "wajib diisi bila tidak siap penuh: tuliskan apa yang kurang",
        "is required unless fully ready: say what is missing",
    ),
    # --- issue 15: budget and visits ---
    "not_whole_number": (
        "harus bilangan bulat yang ditulis sebagai angka (rupiah tanpa pecahan)",
        "must be a whole number written as a number (whole rupiah)",
    ),
    "too_large": ("terlalu besar", "is too large"),
    "too_long": (
        "terlalu panjang (paling banyak 120 karakter)",
        "is too long (at most 120 characters)",
    ),
    "not_date": ("bukan tanggal", "is not a date"),
    "not_police": ("bukan satuan Polri", "is not a police unit"),
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
        "Server basis data {server} tidak dapat dihubungi ({detail}). Periksa alamat, "
        "jaringan, dan apakah server menyala.",
        "The database server {server} cannot be reached ({detail}). Check the address, "
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
    "db.no_permission": (
        "Akun basis data \u201c{user}\u201d tidak berhak melakukan ini ({detail}). Bila "
        "program baru saja diperbarui, jalankan \u201copscenter db upgrade\u201d sekali dengan "
        "akun pemilik basis data; bila tidak, minta admin basis data memberi hak.",
        "The database account \u201c{user}\u201d is not allowed to do this ({detail}). If the "
        "program was just updated, run \u201copscenter db upgrade\u201d once with the "
        "database owner's account; otherwise ask the database administrator for the right.",
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
    # accounts (opscenter/accounts.py): one sentence for a wrong name or a wrong password
    "account.login_failed": (
        "Nama pengguna atau kata sandi salah.",
        "Wrong user name or password.",
    ),
    "account.inactive": (
        "Akun {username} sudah dinonaktifkan; minta admin untuk mengaktifkannya kembali.",
        "The account {username} is deactivated; ask an admin to reactivate it.",
    ),
    "account.locked": (
        "Terlalu banyak percobaan masuk yang gagal; coba lagi dalam {minutes} menit atau "
        "minta admin mengatur ulang kata sandi.",
        "Too many failed logins; try again in {minutes} minutes or ask an admin to reset "
        "the password.",
    ),
    "account.last_admin": (
        "{username} adalah admin aktif terakhir; tetapkan admin lain dulu.",
        "{username} is the last active admin; make someone else admin first.",
    ),
    "account.first_must_be_admin": (
        "Akun pertama yang berkata sandi harus admin, agar ada yang dapat mengelola akun lain.",
        "The first account with a password must be an admin, so that someone can manage "
        "the others.",
    ),
    "account.already_set_up": (
        "Basis data ini sudah memiliki admin; masuk sebagai admin untuk menambah akun.",
        "This database already has an admin; log in as an admin to add accounts.",
    ),
    "sitrep.folder_missing": (
        "Folder {path} tidak ada; laporan tidak ditulis. Buat foldernya dulu atau pilih "
        "lokasi lain.",
        "The folder {path} does not exist; the report was not written. Create it first or "
        "choose another location.",
    ),
    "sitrep.not_writable": (
        "Laporan tidak dapat ditulis ke {path} ({detail}); pilih folder lain yang dapat ditulisi.",
        "The report cannot be written to {path} ({detail}); choose another, writable folder.",
    ),
    "journal.bypass": (
        "Perubahan ditolak karena tidak melalui jurnal audit.",
        "The change was refused because it did not go through the audit journal.",
    ),
    "journal.read_only_session": (
        "Perubahan ditolak: sesi baca tidak boleh menulis.",
        "The change was refused: a read session may not write.",
    ),
    "import.refused": (
        "Berkas tidak dapat diimpor ({reason}).",
        "The file cannot be imported ({reason}).",
    ),
    "journal.immutable": (
        "Jurnal audit tidak boleh diubah atau dihapus.",
        "The audit journal cannot be changed or deleted.",
    ),
    "plan.import_rejected": (
        "Berkas {path} ditolak, tidak ada yang disimpan: {count} sel perlu diperbaiki. "
        "Yang pertama: {first}",
        "The file {path} was refused and nothing was saved: {count} cells need fixing. "
        "The first: {first}",
    ),
    "plan.workbook_unreadable": (
        "Berkas {path} tidak dapat dibaca sebagai buku kerja Excel ({detail}); simpan ulang "
        "sebagai .xlsx lalu coba lagi.",
        "The file {path} cannot be read as an Excel workbook ({detail}); save it again as "
        ".xlsx and retry.",
    ),
    "plan.workbook_not_writable": (
        "Buku kerja tidak dapat ditulis ke {path} ({detail}); tutup berkas itu bila sedang "
        "dibuka di Excel, atau pilih folder lain.",
        "The workbook cannot be written to {path} ({detail}); close it if Excel has it open, "
        "or choose another folder.",
    ),
    "plan.proposal_outdated": (
        "Usulan tidak lagi sesuai: {source} kini hanya dapat memperbantukan {lendable} "
        "personel, bukan {asked}. Kekuatan sudah berubah atau pola “bagaimana jika” "
        "belum disimpan; hitung ulang usulan lalu coba lagi.",
        "The proposal is out of date: {source} can now lend only {lendable} personnel, not "
        "{asked}. The strength changed or a what-if is not saved yet; recompute and retry.",
    ),
    "plan.no_longer_short": (
        "Usulan tidak lagi sesuai: {unit} kini hanya kurang {deficit} personel, bukan {asked} "
        "(sudah diperkuat, atau pola \u201cbagaimana jika\u201d belum disimpan); hitung ulang "
        "usulan lalu coba lagi.",
        "The proposal is out of date: {unit} is now short of only {deficit}, not {asked} "
        "(reinforced meanwhile, or a what-if is not saved yet); recompute and retry.",
    ),
    "plan.nothing_to_accept": (
        "Tidak ada usulan yang dipilih.",
        "No proposal is selected.",
    ),
    # --- issue 19: writer ---
    "db.lock_timeout": (
        "Data ini sedang disimpan oleh workstation lain lebih dari {seconds} detik; tidak ada "
        "yang tersimpan. Tunggu sebentar lalu coba lagi.",
        "Another workstation has been saving this data for over {seconds} seconds; nothing "
        "was saved. Wait a moment and try again.",
    ),
    "db.statement_timeout": (
        "Server basis data tidak selesai dalam {seconds} detik dan membatalkan perintah ini; "
        "tidak ada yang tersimpan. Coba lagi, atau minta admin memeriksa beban server.",
        "The database server did not finish within {seconds} seconds and cancelled this "
        "command; nothing was saved. Try again, or ask the admin to check the server's load.",
    ),
    # --- issue 17: standby ---
    "db.no_primary": (
        "Belum ada server utama yang menjawab di {servers}: server cadangan mungkin sedang "
        "diangkat menjadi utama. OpsCenter menyambung kembali sendiri; perubahan ditolak "
        "sampai server utama menjawab, tidak ada yang tersimpan.",
        "No primary server answers yet at {servers}: a standby may be being promoted. "
        "OpsCenter reconnects by itself; changes are refused until a primary answers, and "
        "nothing was saved.",
    ),
    "db.commit_in_doubt": (
        "Hubungan ke basis data terputus tepat saat perubahan disimpan ({detail}); perubahan "
        "itu mungkin sudah tersimpan. Periksa papan atau jurnal (Ctrl+J) sebelum "
        "mengulanginya, agar tidak tercatat dua kali.",
        "The connection to the database was lost just as the change was being saved "
        "({detail}); it may have been saved. Check the board or the journal (Ctrl+J) before "
        "repeating it, so that it is not recorded twice.",
    ),
    "db.read_only_server": (
        "Server {server} adalah server cadangan yang hanya dapat dibaca (standby); perubahan "
        "tidak dapat disimpan di sini. Sambungkan ke server utama untuk mengubah data.",
        "The server {server} is a read-only standby; changes cannot be saved here. Connect "
        "to the primary server to change data.",
    ),
    # --- issue 19: actor ---
    "account.sign_in_required": (
        "Basis data ini mewajibkan masuk dengan akun: sebutkan akun Anda dengan --user NAMA "
        "(atau OPSCENTER_USER).",
        "This database requires signing in: name your account with --user NAME (or "
        "OPSCENTER_USER).",
    ),
    "account.password_needed": (
        "Kata sandi {username} tidak dapat ditanyakan tanpa terminal; berikan "
        "--password-file BERKAS (hanya dapat dibaca pemiliknya, mode 0600).",
        "The password of {username} cannot be asked for without a terminal; give "
        "--password-file FILE (readable by its owner only, mode 0600).",
    ),
    "account.password_file_open": (
        "Berkas kata sandi {path} dapat dibaca pengguna lain (mode {mode}); jalankan "
        "chmod 600 {path} lalu coba lagi.",
        "The password file {path} can be read by other users (mode {mode}); run "
        "chmod 600 {path} and try again.",
    ),
    "account.password_file_unreadable": (
        "Berkas kata sandi {path} tidak dapat dibaca ({detail}).",
        "The password file {path} cannot be read ({detail}).",
    ),
    # --- issue 14: wall ---
    "exercise.needs_file": (
        "Latihan berjalan pada salinan sebuah berkas SQLite, sedangkan {url} adalah server "
        "PostgreSQL yang tidak dapat disalin ke berkas; sebutkan berkas operasi dengan --db "
        "BERKAS.db.",
        "An exercise runs on a copy of an SQLite file, but {url} is a PostgreSQL server that "
        "cannot be copied to a file; name an operation file with --db FILE.db.",
    ),
    # --- issue 17: restore ---
    "restore.backup_missing": (
        "Berkas cadangan {path} tidak ada atau tidak dapat dibaca; tidak ada yang dipulihkan.",
        "The backup file {path} does not exist or cannot be read; nothing was restored.",
    ),
    "restore.not_a_backup": (
        "Berkas {path} bukan cadangan basis data OpsCenter, atau rusak atau terpotong; tidak "
        "ada yang dipulihkan: pilih berkas yang dibuat oleh \u201copscenter db backup\u201d.",
        "{path} is not a backup of an OpsCenter database, or it is damaged or cut short; "
        "nothing was restored: choose a file made by \u201copscenter db backup\u201d.",
    ),
    "restore.wrong_kind": (
        "Berkas {path} adalah cadangan {kind}, sedangkan {target} adalah basis data "
        "{target_kind}; tidak ada yang dipulihkan: sebutkan basis data {kind} dengan --db.",
        "{path} is a {kind} backup but {target} is a {target_kind} database; nothing was "
        "restored: name a {kind} database with --db.",
    ),
    "restore.schema_too_new": (
        "Cadangan {path} dibuat oleh OpsCenter yang lebih baru (skema {revision}); tidak ada "
        "yang dipulihkan: perbarui program ini lalu pulihkan lagi.",
        "The backup {path} was made by a newer OpsCenter (schema {revision}); nothing was "
        "restored: update this program, then restore it again.",
    ),
    "restore.target_not_empty": (
        "Basis data {target} tidak kosong ({operations} operasi, {journal} catatan jurnal) "
        "dan tidak diubah; cadangan hanya dipulihkan ke basis data kosong agar tidak ada "
        "yang tertimpa: sebutkan berkas baru dengan --db.",
        "The database {target} is not empty (operations: {operations}, journal entries: "
        "{journal}) and was not changed; a backup is restored only into an empty database so "
        "that nothing is overwritten: name a new file with --db.",
    ),
    "restore.server_not_empty": (
        "Basis data {target} tidak kosong ({operations} operasi, {journal} catatan jurnal) "
        "dan tidak diubah; cadangan hanya dipulihkan ke basis data kosong agar tidak ada "
        "yang tertimpa: buat basis data baru yang kosong (createdb) lalu sebutkan dengan --db.",
        "The database {target} is not empty (operations: {operations}, journal entries: "
        "{journal}) and was not changed; a backup is restored only into an empty database so "
        "that nothing is overwritten: create a new, empty database (createdb) and name it "
        "with --db.",
    ),
    "restore.pg_restore_missing": (
        "Pemulihan PostgreSQL memakai pg_restore dan psql, yang belum terpasang di sini; "
        "pasang paket postgresql-client lalu coba lagi.",
        "PostgreSQL restores use pg_restore and psql, which are not installed here; install "
        "the postgresql-client package and try again.",
    ),
    "restore.failed": (
        "Pemulihan ke {target} gagal dan dibatalkan, basis data tidak berubah ({detail}).",
        "Restoring into {target} failed and was rolled back; the database is unchanged ({detail}).",
    ),
    # --- issue 15: budget and visits ---
    "budget.over_pagu": (
        "Realisasi {amount:id} ditolak karena melebihi pagu {allocation}: pagu {pagu:id}, "
        "sudah terealisasi {realised:id}, sisa {left:id}. Tidak ada yang disimpan.",
        "The payment of {amount:en} is refused: it exceeds the ceiling of {allocation_en}, "
        "{pagu:en} with {realised:en} already paid and {left:en} left. Nothing was saved.",
    ),
    "budget.pagu_below_realised": (
        "Pagu {allocation} tidak dapat diturunkan menjadi {pagu:id}: sudah terealisasi "
        "{realised:id}. Kurangi atau hapus realisasinya dulu.",
        "The ceiling of {allocation_en} cannot be lowered to {pagu:en}: {realised:en} has "
        "already been paid from it. Reduce or remove those payments first.",
    ),
    "budget.allocation_in_use": (
        "Alokasi {allocation} masih memiliki {count} realisasi dan tidak dihapus; hapus "
        "realisasinya dulu bila alokasi ini memang salah catat.",
        "The allocation {allocation_en} still has {count} payments and was not removed; "
        "remove those payments first if the allocation was entered by mistake.",
    ),
    "finding.closing_needs_note": (
        "Tindak lanjut hanya dapat dinyatakan selesai dengan catatan penutupan: tulis apa "
        "yang sudah dikerjakan.",
        "A follow-up can only be closed with a closing note: write what was done.",
    ),
    # --- issue 15: report ---
    "readiness.format": (
        "Berkas {path} tidak ditulis: laporan kesiapan ditulis sebagai .pdf dan matriksnya "
        "sebagai .xlsx; pilih nama berakhiran salah satunya.",
        "{path} was not written: the readiness report is written as .pdf and its matrix as "
        ".xlsx; choose a name ending in one of them.",
    ),
    "readiness.unknown_unit": (
        "Satuan {code} tidak ada dalam matriks kesiapan; pilih salah satu kode ini: {codes}.",
        "There is no unit {code} in the readiness matrix; choose one of these codes: {codes}.",
    ),
    "readiness.unknown_stage": (
        "Tahapan {code} tidak ada dalam operasi ini; pilih salah satu kode ini: {codes}.",
        "There is no stage {code} in this operation; choose one of these codes: {codes}.",
    ),
    # --- issue 18: the plotting list and the slips ---
    "plot.format": (
        "Berkas {path} tidak ditulis: daftar plotting ditulis sebagai .pdf atau .xlsx; pilih "
        "nama berakhiran salah satunya.",
        "{path} was not written: the plotting list is written as .pdf or .xlsx; choose a name "
        "ending in one of them.",
    ),
    "plot.slips_format": (
        "Berkas {path} tidak ditulis: surat penugasan per personel hanya ditulis sebagai .pdf.",
        "{path} was not written: the per-person assignment slips are written as .pdf only.",
    ),
    "plot.slips_need_out": (
        "Surat penugasan per personel perlu berkas tujuan: tambahkan --out NAMA.pdf.",
        "The per-person assignment slips need a file: add --out NAME.pdf.",
    ),
    "plot.unknown_unit": (
        "Satuan {code} tidak ada dalam operasi ini; pilih kode Polres atau Polseknya, "
        "misalnya salah satu dari: {codes}.",
        "There is no unit {code} in this operation; choose the code of a Polres or its Polsek, "
        "for example one of: {codes}.",
    ),
}


# Why an imported workbook cell was refused (planning.CellProblem.reason).
CELL_REASONS: dict[str, tuple[str, str]] = {
    "required": ("wajib diisi", "is required"),
    "unknown_choice": ("\u201c{value}\u201d tidak dikenal; pilihan: {choices}",
                       "\u201c{value}\u201d is not known; choose one of: {choices}"),
    "not_a_number": ("\u201c{value}\u201d bukan angka", "\u201c{value}\u201d is not a number"),
    "score_range": ("{value} di luar 0\u2013100", "{value} is outside 0\u2013100"),
    "score_not_bawaslu": (
        "skor hanya untuk sumber Bawaslu (IKP); kosongkan untuk penilaian Polri",
        "a score is only for the Bawaslu source (IKP); leave it empty for Polri ratings",
    ),
    "duplicate": ("penilaian yang sama sudah ada di baris {choices}",
                  "the same rating is already on row {choices}"),
    "no_header": ("judul kolom tidak ditemukan; perlu kolom {choices}",
                  "no column headings found; the sheet needs {choices}"),
}  # fmt: skip


def describe_cell(problem: Any, lang: str | None = None) -> str:
    """One refused cell: "Kerawanan!C7 (Aspek): “Politk” tidak dikenal; pilihan: …"."""
    lang = language(lang)
    reason = _pick(CELL_REASONS.get(problem.reason, ("tidak sah", "is not valid")), lang)
    text = reason.format(value=problem.value, choices=", ".join(problem.choices))
    where = f"{problem.sheet}!{problem.column}{problem.row}"
    head = f" ({problem.header})" if problem.header else ""
    return f"{where}{head}: {text}."


def proposal_reason(p: dict[str, Any], lang: str | None = None) -> str:
    """Why a reinforcement proposal: which deficit, which source, what it leaves behind."""
    lang = language(lang)
    vul = p.get("vulnerability_name") or ("belum dinilai" if lang == "id" else "not rated")
    # A deficit of the plotting: named officers missing on the guard posts (issue 18).
    plotted = bool(p.get("from_plotting"))
    why = (
        beyond_balance(int(p["deficit"]), int(p["balance"]), int(p["commanders"]), lang)
        if plotted
        else ""
    )
    if lang == "en":
        where = "on its guard posts in the plotting of" if plotted else "for"
        head = (
            f"{p['to_unit_name']} is short of {p['deficit']} police {where} {p['stage_name']}"
            f"{why} (highest vulnerability: {vul}); {p['count']} from {p['from_unit_name']}"
        )
        if p["source_kind"] == "reserve":
            tail = (
                f" (Polda reserve), which keeps {p['source_available_after']} and can still "
                f"lend {p['source_lendable_after']}"
            )
        else:
            tail = (
                f", which keeps {p['source_available_after']}: {p['source_required']} for its "
                f"own TPS and {p['source_home']} at home (commits {p['commit_share_pct']}%)"
            )
        left = f"; still short {p['deficit_left']}" if p["deficit_left"] else ""
        return head + tail + left + "."
    where = "di pos pengamanan TPS menurut plotting tahapan" if plotted else "pada tahapan"
    head = (
        f"{p['to_unit_name']} kurang {p['deficit']} personel {where} {p['stage_name']}{why} "
        f"(kerawanan tertinggi: {vul}); diperbantukan {p['count']} personel dari "
        f"{p['from_unit_name']}"
    )
    if p["source_kind"] == "reserve":
        tail = (
            f" (cadangan Polda), yang tinggal {p['source_available_after']} personel dan masih "
            f"dapat memperbantukan {p['source_lendable_after']}"
        )
    else:
        tail = (
            f", yang tetap memiliki {p['source_available_after']} personel: "
            f"{p['source_required']} untuk TPS-nya sendiri dan {p['source_home']} tetap di "
            f"markas (porsi dikerahkan {p['commit_share_pct']}%)"
        )
    left = f"; masih kurang {p['deficit_left']}" if p["deficit_left"] else ""
    return head + tail + left + "."


def _signed(n: int) -> str:
    """A balance as the tables show it: "+26", "\u2212113" (a true minus sign), "0"."""
    return f"\u2212{-n}" if n < 0 else f"+{n}" if n else "0"


def beyond_balance(need: int, balance: int, commanders: int, lang: str | None = None) -> str:
    """Why a Polres's posts lack ``need`` where its balance ("Selisih") says less, as a
    clause to follow "kurang ... di pos": the people counted in its strength on none of its
    posts, its ``commanders`` (Kompol and above, who guard no TPS) first. Empty where the
    two agree."""
    lang = language(lang)
    gap = need + balance
    if gap <= 0:
        return ""
    commanders = min(commanders, gap)
    rest = gap - commanders
    en = lang == "en"
    parts = []
    if commanders:
        parts.append(
            f"{commanders} officers of Kompol and above command and guard no TPS"
            if en
            else f"{commanders} perwira Kompol ke atas dihitung dalam kekuatan tetapi tidak "
            "menjaga TPS"
        )
    if rest:
        parts.append(
            f"{rest} others are counted but stand on none of its posts"
            if en
            else f"{rest} personel lain dihitung dalam kekuatan tetapi tidak berada di posnya"
        )
    if en:
        return f", not {max(0, -balance)} as its balance ({_signed(balance)}) says: " + (
            " and ".join(parts)
        )
    return f", bukan {max(0, -balance)} menurut selisih kekuatannya ({_signed(balance)}): " + (
        " dan ".join(parts)
    )


# Import refusals ("import.refused"), keyed by the error's ``reason``; one sentence each.
IMPORT_REFUSALS: dict[str, tuple[str, str]] = {
    # opscenter regions import
    "regions_format": (
        "Berkas {file} bukan GeoJSON, Shapefile dalam zip, atau CSV (kode, nama).",
        "The file {file} is not GeoJSON, a zipped Shapefile or a CSV (code, name).",
    ),
    "regions_no_shp": (
        "Berkas zip {file} tidak memuat Shapefile lengkap (.shp dengan .dbf).",
        "The zip {file} holds no complete Shapefile (.shp with its .dbf).",
    ),
    "regions_projected": (
        "Koordinat dalam {file} ({detail}) bukan derajat WGS 84 di Indonesia; ekspor ulang "
        "dari GIS dengan EPSG:4326.",
        "The coordinates in {file} ({detail}) are not WGS 84 degrees in Indonesia; export "
        "it again from the GIS as EPSG:4326.",
    ),
    "regions_no_rows": (
        "Berkas {file} tidak memuat satu wilayah pun.",
        "The file {file} holds no region.",
    ),
    "regions_no_code": (
        "Berkas {file} tidak punya kolom kode wilayah (kolomnya: {detail}); pilih kolomnya "
        "di halaman Kolom atau dengan --code-field.",
        "The file {file} has no region code field (its fields: {detail}); choose it on the "
        "Fields page or with --code-field.",
    ),
    "regions_no_name": (
        "Berkas {file} tidak punya kolom nama wilayah (kolomnya: {detail}); pilih kolomnya "
        "di halaman Kolom atau dengan --name-field.",
        "The file {file} has no region name field (its fields: {detail}); choose it on the "
        "Fields page or with --name-field.",
    ),
    "regions_no_field": (
        "Berkas {file} tidak punya kolom {column} (kolomnya: {detail}).",
        "The file {file} has no field {column} (its fields: {detail}).",
    ),
    "regions_unsure": (
        "Berkas {file} punya beberapa kolom yang bisa menjadi {field_text} wilayah ({detail}); "
        "pilih satu di halaman Kolom atau dengan --code-field atau --name-field.",
        "The file {file} has several fields that may be the region {field_text} ({detail}); "
        "choose one on the Fields page or with --code-field or --name-field.",
    ),
    "regions_bad_code": (
        'Wilayah ke-{row} dalam {file} berkode "{detail}", bukan kode Kemendagri (mis. 15.01.01).',
        'Region {row} in {file} has the code "{detail}", not a Kemendagri code (e.g. 15.01.01).',
    ),
    "regions_twice": (
        "Kode {detail} muncul dua kali dalam {file} (wilayah ke-{row}).",
        "The code {detail} appears twice in {file} (region {row}).",
    ),
    "regions_no_name_value": (
        "Wilayah {detail} dalam {file} (ke-{row}) tidak bernama.",
        "Region {detail} in {file} (number {row}) has no name.",
    ),
    "regions_no_polygon": (
        "Wilayah {detail} dalam {file} tidak berbentuk poligon yang dapat dipakai.",
        "Region {detail} in {file} has no usable polygon.",
    ),
    "not_found": ("Berkas {file} tidak ditemukan.", "The file {file} was not found."),
    "empty_file": ("Berkas {file} kosong (0 bita).", "The file {file} is empty (0 bytes)."),
    "not_spreadsheet": (
        "Berkas {file} bukan lembar kerja (xlsx, xlsm, xlsb, xls, ods atau csv).",
        "{file} is not a spreadsheet (xlsx, xlsm, xlsb, xls, ods or csv).",
    ),
    "not_workbook": (
        "Berkas {file} bukan buku kerja Excel yang sah, mungkin rusak atau disimpan dengan "
        "nama yang salah; buka di Excel, simpan sebagai .xlsx, lalu impor lagi.",
        "The file {file} is not a valid Excel workbook: it may be damaged or saved under "
        "the wrong name; open it in Excel, save it as .xlsx and import it again.",
    ),
    "corrupt": (
        "Berkas {file} rusak atau terpotong dan tidak dapat dibaca; simpan ulang dari "
        "aplikasi asalnya lalu coba lagi.",
        "{file} is damaged or truncated and cannot be read; save it again from the "
        "program that made it and retry.",
    ),
    "password": (
        "Berkas {file} dilindungi kata sandi; buka di aplikasi yang membuatnya (Excel, "
        "LibreOffice), hapus kata sandinya, simpan, lalu impor lagi.",
        "{file} is password-protected; open it in the program that made it (Excel, "
        "LibreOffice), remove the password, save, and import again.",
    ),
    "too_large": (
        "Berkas {file} terlalu besar untuk diimpor ({detail}); bagi menjadi beberapa berkas.",
        "{file} is too large to import ({detail}); split it into several files.",
    ),
    "giant_cell": (
        "Berkas {file} berisi sel yang sangat panjang (lebih dari sejuta karakter); "
        "ini bukan daftar yang sah.",
        "{file} holds a cell of over a million characters; it is not a valid list.",
    ),
    "locked": (
        "Berkas {file} sedang dibuka program lain (Excel?); tutup berkas itu lalu coba lagi.",
        "{file} is held open by another program (Excel?); close it and try again.",
    ),
    "unreadable": (
        "Berkas {file} tidak dapat dibaca ({detail}).",
        "{file} cannot be read ({detail}).",
    ),
    "no_such_sheet": (
        "Berkas {file} tidak memiliki lembar \u201c{sheet}\u201d.",
        "{file} has no sheet \u201c{sheet}\u201d.",
    ),
    "no_rows": (
        "Berkas {file} tidak berisi data apa pun.",
        "{file} holds no data at all.",
    ),
    "no_table": (
        "Di berkas {file} tidak ditemukan tabel dengan judul kolom yang dikenal (mis. NRP, "
        "NAMA, PANGKAT untuk personel; NO TPS, DESA, KATEGORI untuk TPS).",
        "No table with known column headings was found in {file} (e.g. NRP, NAMA, PANGKAT "
        "for personnel; NO TPS, DESA, KATEGORI for polling stations).",
    ),
    "wrong_kind": (
        "Berkas {file} tampaknya berisi \u201c{found_name}\u201d, bukan \u201c{kind_name}\u201d: "
        "pilih jenis data \u201c{found_name}\u201d.",
        "The file {file} looks like a \u201c{found_name}\u201d, not a \u201c{kind_name}\u201d: "
        "choose the data type \u201c{found_name}\u201d.",
    ),
    "missing_columns": (
        "Lembar \u201c{sheet}\u201d di {file} tidak memiliki kolom wajib: {columns}.",
        "Sheet \u201c{sheet}\u201d of {file} lacks required columns: {columns}.",
    ),
    "header_only": (
        "Lembar \u201c{sheet}\u201d di {file} hanya berisi judul kolom, tanpa baris data.",
        "Sheet \u201c{sheet}\u201d of {file} has headings but no data rows.",
    ),
    "unit_cycle": (
        "Satuan di {file} saling menjadi induk (melingkar); perbaiki kolom induk.",
        "Units in {file} are each other's parents (a cycle); fix the parent column.",
    ),
    "not_an_import": (
        "Transaksi {txn} bukan impor data.",
        "Transaction {txn} is not a data import.",
    ),
    "already_reverted": (
        "Impor {txn} sudah pernah dibatalkan.",
        "Import {txn} was already reverted.",
    ),
    "revert_conflict": (
        "Impor {txn} tidak dapat dibatalkan: data yang dimuatnya sudah diubah sesudahnya.",
        "Import {txn} cannot be reverted: rows it loaded were changed afterwards.",
    ),
    # --- issue 19: writer ---
    "stale_rows": (
        "Sejak pratinjau {file} dibuat, {count} baris yang akan diimpor diubah di workstation "
        "lain ({rows}); tidak ada yang tersimpan. Buat pratinjau lagi lalu simpan.",
        "Since the preview of {file} was made, {count} rows it imports were changed on "
        "another workstation ({rows}); nothing was saved. Preview it again, then save.",
    ),
}

# Row and cell problems of an import, keyed by ``problems.Problem.code``.
IMPORT_PROBLEMS: dict[str, tuple[str, str]] = {
    "required": ("wajib diisi", "is required"),
    "nrp_malformed": (
        "NRP/NIP tidak sah: NRP 8 digit, NIP 18 digit",
        "malformed NRP/NIP: NRP 8 digits, NIP 18 digits",
    ),
    "nip_precision": (
        "NIP tersimpan sebagai angka dan digit terakhirnya hilang; format kolom sebagai teks",
        "the NIP was stored as a number and lost its last digits; format the column as text",
    ),
    "rank_unknown": ("pangkat tidak dikenal", "unknown rank"),
    "unit_unknown": ("satuan tidak dikenal", "unknown unit"),
    "category_unknown": ("kategori TPS tidak dikenal", "unknown polling-station category"),
    "region_unknown": ("desa/kelurahan tidak dikenal", "unknown village"),
    "region_ambiguous": (
        "nama desa/kelurahan ada di beberapa kecamatan; isi kolom kecamatan",
        "the village name exists in several districts; fill in the district",
    ),
    "duplicate": ("ganda di dalam berkas", "duplicate within the file"),
    "conflict_db": (
        "NRP sudah dipakai orang lain di basis data",
        "the NRP belongs to a different person in the database",
    ),
    "phone_malformed": ("nomor HP tidak sah", "malformed phone number"),
    "too_long": ("terlalu panjang", "too long"),
    "control_char": ("berisi karakter kendali", "contains control characters"),
    "formula_text": ("berisi rumus, bukan nilai", "holds a formula, not a value"),
    "number_malformed": ("bukan bilangan bulat", "not a whole number"),
    "voters_range": ("jumlah pemilih harus 0 sampai 600", "voters must be 0 to 600"),
    "status_unknown": ("status dinas tidak dikenal", "unknown duty status"),
    "kind_unknown": ("jenis satuan tidak dikenal", "unknown unit kind"),
    "agency_unknown": ("instansi tidak dikenal", "unknown agency"),
    "tree_unknown": ("susunan satuan tidak dikenal", "unknown unit tree"),
    "parent_unknown": ("satuan induk tidak dikenal", "unknown parent unit"),
    "cycle": ("satuan tidak boleh menjadi induknya sendiri", "a unit cannot be its own parent"),
    "date_malformed": ("tanggal tidak sah", "malformed date"),
    # --- issue 19: secrets ---
    "formula_like": (
        "diawali =, +, - atau @; disimpan apa adanya, tetapi program lembar kerja dapat "
        "menjalankannya sebagai rumus: periksa isinya",
        "begins with =, +, - or @; kept as typed, but a spreadsheet program could run it as a "
        "formula: check it",
    ),
}


def import_kind_name(kind: str, lang: str | None = None) -> str:
    """A kind of import list as the wizard offers it ("Daftar personel")."""
    return _pick(IMPORT_KIND_NAMES.get(kind, (kind, kind)), language(lang))


def problem_text(code: str, hint: str | None = None, lang: str | None = None) -> str:
    """A row problem as a short phrase, with its hint ("did you mean", the other row)."""
    lang = language(lang)
    text = _pick(IMPORT_PROBLEMS.get(code, ("tidak sah", "is not valid")), lang)
    if hint:
        if code == "duplicate":
            text += f" (juga di {hint})" if lang == "id" else f" (also at {hint})"
        elif code in (
            "conflict_db",
            "sarpras_total_mismatch",
            "incident_number_taken",
            "plot_tps_posts_differ",
            "plot_nrp_other_name",
            "plot_person_ambiguous",
            "plot_not_eligible",
            "plot_person_twice",
        ):
            # the stored name, the sum, the stored incident's title; a plotting's posts,
            # the NRP's holder, the NRPs of one name, the person, the row placing them
            text += f" ({hint})"
        else:
            text += (
                f"; maksudnya \u201c{hint}\u201d?"
                if lang == "id"
                else f"; did you mean \u201c{hint}\u201d?"
            )
    return text


def language(explicit: str | None = None) -> str:
    lang = (explicit or os.environ.get("OPSCENTER_LANG") or "id").lower()[:2]
    return lang if lang in LANGS else "id"


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def decimal_text(value: Decimal, lang: str | None = None) -> str:
    """A decimal number in a sentence: a decimal comma in Indonesian ("-1,6"), a point in
    English; written out in full, never as 1E+1."""
    text = format(value, "f")
    return text.replace(".", ",") if language(lang) == "id" else text


def _when(value: Any, lang: str, zone: Any) -> str:
    """A time in an error's data, read in the zone the error names (its operation's)."""
    if isinstance(value, datetime):
        return local_text(value, str(zone or DEFAULT_TIMEZONE))
    return "waktu yang tidak diketahui" if lang == "id" else "an unknown time"


def describe(error: OpsError, lang: str | None = None) -> str:
    """One sentence a person can act on, for any core error."""
    lang = language(lang)
    data: dict[str, Any] = {
        k: ("" if v is None else decimal_text(v, lang) if isinstance(v, Decimal) else v)
        for k, v in error.data.items()
    }
    entity = str(error.data.get("entity") or "")
    data["entity_name"] = _pick(
        ENTITY_NAMES.get(entity, (entity or "data", entity or "record")), lang
    )
    field = str(error.data.get("field") or "")
    # Upper-case the first letter only: str.capitalize() would turn "TPS" into "tps".
    name = _pick(FIELD_NAMES.get(field, (field, field)), lang)
    data["field_name"] = name[:1].upper() + name[1:]
    data["field_text"] = name  # the same inside a sentence
    for key in ("kind", "found"):  # a list's kind: "wrong_kind"
        kind = str(error.data.get(key) or "")
        data[f"{key}_name"] = import_kind_name(kind, lang)
    reason = str(error.data.get("reason") or "")
    data["reason_text"] = _pick(REASONS.get(reason, ("tidak sah", "is not valid")), lang)
    if not data.get("by"):
        data["by"] = "pengguna lain" if lang == "id" else "another user"
    data["at_text"] = _when(error.data.get("at"), lang, error.data.get("zone"))
    uses = error.data.get("uses")
    if uses:  # what still refers to a list item: "2 penilaian kesiapan dan 1 temuan"
        data["uses_text"] = _counted(uses, lang)
    problems = error.data.get("problems")
    if problems:  # a refused workbook: name its first bad cell
        data["first"] = describe_cell(problems[0], lang)
    # The most specific template wins; a subclass without one uses its parent's.
    template = next(
        (
            TEMPLATES[code]
            for c in type(error).__mro__
            if (code := getattr(c, "code", None)) in TEMPLATES
        ),
        None,
    )
    if error.code == "import.refused":
        template = IMPORT_REFUSALS.get(str(error.data.get("reason")), template)
    elif error.code == "post.refused":
        template = _POST_REFUSALS.get(str(error.data.get("reason")), template)
    elif error.code == "plot.refused":
        template = _PLOT_REFUSALS.get(str(error.data.get("reason")), template)
    elif error.code == "watch.refused":
        template = _WATCH_REFUSALS.get(str(error.data.get("reason")), template)
    if template is None:
        return (
            f"Tindakan gagal ({error.code})."
            if lang == "id"
            else f"The action failed ({error.code})."
        )
    try:
        text = _pick(template, lang).format(**data)
    except (KeyError, IndexError, ValueError):
        text = _pick(template, lang)
    # A sentence opens with a capital, also when a template opens with a row's name
    # ("kunjungan ini sudah diubah ..."); only the first letter, so "TPS" stays "TPS".
    return text[:1].upper() + text[1:]


# --- issue 19: secrets ---


def import_summary(counts: dict[str, int], lang: str | None = None) -> str:
    """An import's counts in one line: what the command line prints after a preview or commit."""
    words = (
        ("new", "baru", "new"),
        ("changed", "berubah", "changed"),
        ("unchanged", "tetap", "unchanged"),
        ("rejected", "ditolak", "rejected"),
    )
    en = language(lang) == "en"
    return ", ".join(f"{e if en else i} {counts.get(k, 0)}" for k, i, e in words)


def formula_warnings(warnings: Any, total: int, lang: str | None = None) -> str:
    """The import preview's warning about free text a spreadsheet would run, naming cells."""
    lang = language(lang)
    if not total:
        return ""
    shown = "; ".join(f"{w.ref} \u201c{w.value}\u201d" for w in list(warnings)[:5])
    more = total - min(len(list(warnings)), 5)
    if lang == "en":
        tail = f" and {more} more" if more > 0 else ""
        return (
            f"Warning: {total} cell(s) begin with =, +, - or @ ({shown}{tail}). They are imported "
            "as typed, but a spreadsheet program could run them as formulas; check them."
        )
    tail = f" dan {more} lagi" if more > 0 else ""
    return (
        f"Perhatian: {total} sel diawali =, +, - atau @ ({shown}{tail}). Sel itu diimpor apa "
        "adanya, tetapi program lembar kerja dapat menjalankannya sebagai rumus; periksa isinya."
    )


# --- issue 15: sarpras ---
FIELD_NAMES.update(
    {
        "baik": ("kondisi baik", "good condition"),
        "rusak_ringan": ("kondisi rusak ringan", "lightly damaged"),
        "rusak_berat": ("kondisi rusak berat", "badly damaged"),
        "ammunition": ("jumlah amunisi", "ammunition count"),
        "rule_basis": ("dasar aturan kebutuhan", "basis of the requirement rule"),
        "rule_quantity": ("jumlah (aturan kebutuhan)", "quantity (requirement rule)"),
        "rule_per": ("per berapa (aturan kebutuhan)", "per how many (requirement rule)"),
        "group": ("kelompok sarpras", "sarpras group"),
        "measure": ("satuan ukuran", "measure"),
        "has_ammunition": ("pencatatan amunisi", "ammunition count"),
    }
)
ENTITY_NAMES.update(
    {
        "sarpras_category": ("kategori sarpras", "sarpras category"),
        "sarpras_stock": ("data sarpras", "sarpras record"),
    }
)
REASONS.update(
    {
        "no_ammunition": (
            "hanya diisi untuk kategori senjata api",
            "is only for the firearms category",
        ),
        "measure_too_long": (
            "terlalu panjang (paling banyak 20 karakter)",
            "is too long (at most 20 characters)",
        ),
    }
)
TEMPLATES.update(
    {
        "sarpras.ammunition_counted": (
            "Kategori sarpras \u201c{name}\u201d tetap mencatat amunisi: {count} data sarpras "
            "masih berisi jumlah amunisi. Kosongkan dulu jumlah amunisi itu; tidak ada yang "
            "disimpan.",
            "The sarpras category \u201c{name}\u201d still counts ammunition: {count} sarpras "
            "records hold an ammunition count. Clear those counts first; nothing was saved.",
        ),
        "sarpras.partner_unit": (
            "Satuan {value} adalah satuan mitra; sarpras dicatat untuk satuan Polri saja.",
            "{value} is a partner unit; sarpras are kept for Polri units only.",
        ),
    }
)
IMPORT_REFUSALS.update(
    {
        "sarpras_no_table": (
            "Di berkas {file} tidak ditemukan tabel sarpras dengan judul kolom yang dikenal "
            "(mis. JENIS SARPRAS dengan BAIK, RR, RB, atau KONDISI dengan JUMLAH).",
            "No sarpras table with known column headings was found in {file} (e.g. JENIS "
            "SARPRAS with BAIK, RR, RB, or KONDISI with JUMLAH).",
        ),
        "sarpras_no_count": (
            "Lembar \u201c{sheet}\u201d di {file} tidak memiliki kolom jumlah: beri kolom BAIK, "
            "RR dan RB, atau kolom KONDISI dengan JUMLAH.",
            "Sheet \u201c{sheet}\u201d of {file} has no count column: give BAIK, RR and RB "
            "columns, or a KONDISI column with JUMLAH.",
        ),
        "sarpras_unit_needed": (
            "Berkas {file} tidak menyebut satuannya (tidak ada kolom kesatuan dan kop suratnya "
            "tidak dikenali); sebutkan satuannya dengan --unit KODE.",
            "{file} does not say whose list it is (no unit column, and its letterhead names no "
            "known unit); name the unit with --unit CODE.",
        ),
        # The rows, as the preview counts them ("ditolak 2"), and the cells to correct.
        "sarpras_rejected": (
            "{rows} baris ditolak ({count} sel) di {file}, jadi tidak ada yang tersimpan; "
            "perbaiki sel itu lalu impor lagi.",
            "{rows} row(s) of {file} were refused ({count} cells), so nothing was saved; "
            "correct those cells and import again.",
        ),
    }
)
IMPORT_PROBLEMS.update(
    {
        "sarpras_category_unknown": ("jenis sarpras tidak dikenal", "unknown sarpras category"),
        "sarpras_condition_unknown": (
            "kondisi tidak dikenal: tulis baik, RR (rusak ringan) atau RB (rusak berat)",
            "unknown condition: write baik, RR (lightly damaged) or RB (badly damaged)",
        ),
        "sarpras_negative": ("jumlah tidak boleh negatif", "a count cannot be negative"),
        "sarpras_no_ammunition": (
            "amunisi hanya diisi untuk senjata api",
            "ammunition is only counted for firearms",
        ),
        "sarpras_laik_unknown": (
            "laik pakai tidak dikenal: tulis Ya atau Tidak",
            "fit for use is not known: write Ya (yes) or Tidak (no)",
        ),
        "sarpras_total_mismatch": (
            "jumlah tidak sama dengan baik + rusak ringan + rusak berat",
            "the total is not good + lightly damaged + badly damaged",
        ),
        "sarpras_unit_needed": (
            "satuan kosong: isi kolom kesatuan atau sebutkan dengan --unit",
            "no unit: fill in the unit column or give --unit",
        ),
        "sarpras_partner_unit": (
            "satuan mitra: sarpras dicatat untuk satuan Polri saja",
            "a partner unit: sarpras are kept for Polri units only",
        ),
    }
)


def problem_phrase(problem: Any, lang: str | None = None) -> str:
    """A refused cell's reason: the core's own sentence when the core refused it (an
    incident's point outside the operation's area, as the incident form says it), else the
    import's phrase (``problem_text``)."""
    error = getattr(problem, "error", None)
    if error is not None:
        return describe(error, lang).rstrip(".")
    return problem_text(problem.code, problem.hint, lang)


def cell_problem(problem: Any, lang: str | None = None) -> str:
    """One refused cell of any import, as its preview and the command line say it, its field
    named and the value quoted: "Sarpras!B7 (Jenis sarpras) \u201cKapal selam\u201d: …
    maksudnya \u201cKapal patroli\u201d?", "Sheet1!B5 (Nama): wajib diisi." (a bare "B5: wajib
    diisi" left the reader to find which column B is). A phrase that names the field itself
    ("NRP/NIP tidak sah") or quotes the value (a core refusal: "Tidak ada TPS
    \u201c1501012001099\u201d …") is not given it twice."""
    text = problem_phrase(problem, lang)
    label = getattr(problem, "label", None)
    name = _pick(label, language(lang)) if label else ""
    field = f" ({name})" if name and name.lower() not in text.lower() else ""
    quoted = f"\u201c{problem.value}\u201d"
    value = f" {quoted}" if problem.value and quoted not in text else ""
    return f"{problem.ref}{field}{value}: {text}" + ("" if text.endswith("?") else ".")


# --- issue 15: lists ---
FIELD_NAMES.update(
    {
        "name_en": ("nama dalam bahasa Inggris", "English name"),
        "ordinal": ("urutan", "position"),
    }
)
REASONS.update(
    {
        "code_too_long": (
            "terlalu panjang (paling banyak 40 karakter)",
            "is too long (at most 40 characters)",
        ),
        "at_edge": ("sudah di ujung daftar", "is already at the end of the list"),
    }
)
TEMPLATES.update(
    {
        "reference.code_taken": (
            "Kode \u201c{value}\u201d sudah dipakai oleh {entity_name} \u201c{name}\u201d; "
            "pilih kode lain. Tidak ada yang disimpan.",
            "The code \u201c{value}\u201d is already used by the {entity_name} "
            "\u201c{name}\u201d; choose another code. Nothing was saved.",
        ),
        "reference.in_use": (
            "Tidak dihapus: {entity_name} \u201c{name}\u201d masih dipakai oleh {uses_text}. "
            "Hapus dulu yang memakainya bila memang tidak diperlukan lagi.",
            "Not removed: the {entity_name} \u201c{name}\u201d is still used by {uses_text}. "
            "Remove what uses it first if it is really no longer needed.",
        ),
    }
)


def _counted(uses: Any, lang: str) -> str:
    """ "2 penilaian kesiapan dan 1 temuan" from (table, rows) pairs."""
    parts = [f"{n} {_pick(ENTITY_NAMES.get(t, (t, t)), lang)}" for t, n in uses]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" dan " if lang == "id" else " and ") + parts[-1]


# --- issue 16: coordinates on incidents ---
FIELD_NAMES.update(
    {
        "point": ("titik koordinat", "the point"),
        "latitude_e6": ("lintang", "latitude"),
        "longitude_e6": ("bujur", "longitude"),
    }
)
REASONS.update(
    {
        "point_half": (
            "harus berisi lintang dan bujur sekaligus, atau keduanya dikosongkan",
            "needs both latitude and longitude, or neither",
        ),
        "latitude": ("harus antara -90 dan 90 derajat", "must be between -90 and 90 degrees"),
        "longitude": (
            "harus antara -180 dan 180 derajat",
            "must be between -180 and 180 degrees",
        ),
        "not_a_number": ("bukan angka derajat", "is not a number of degrees"),
        "unreadable_point": (
            "tidak terbaca: tulis lintang lalu bujur dalam derajat desimal, mis. -1,6 dan 103,6",
            "cannot be read: write latitude, then longitude, in decimal degrees, e.g. -1.6 "
            "and 103.6",
        ),
    }
)
TEMPLATES.update(
    {
        "point_outside": (
            "Titik lintang {latitude}, bujur {longitude} berada di luar wilayah operasi "
            "{operation}; periksa angkanya (mungkin tertukar), lalu simpan lagi. Tidak ada yang "
            "disimpan.",
            "The point at latitude {latitude}, longitude {longitude} lies outside the area of "
            "{operation}; check the figures (perhaps swapped) and save again. Nothing was saved.",
        ),
    }
)


# --- issue 18: the KPU's TPS list ---
# Where ``import_choices`` is said, and what a person there can do about a column it chose:
# on the wizard's column page, double-click the field's row there; on its preview, go back
# to that page; at the command line, only check.
_CHOOSE_COLUMN: dict[str, tuple[str, str]] = {
    "mapping": (
        ", atau klik dua kali baris {name} di atas untuk memilih kolom lain",
        ", or double-click the {name} row above to choose another column",
    ),
    "preview": (
        ", atau pilih kolomnya di halaman sebelumnya",
        ", or choose the column on the previous page",
    ),
    "cli": ("", ""),
}
# What to check in the column chosen: the figures of a count, else what it holds.
_CHECK_COLUMN = {
    True: ("angkanya", "the figures"),
    False: ("isi kolom itu", "what that column holds"),
}


def import_choices(
    layout: Any, subtotals: int = 0, lang: str | None = None, *, where: str = "preview"
) -> str:
    """What the import decided by itself, one sentence each: which column fills a field
    that several columns could fill, and the subtotal lines it skipped ("3 baris jumlah
    dilewati"). Empty when it decided nothing. ``where`` it is said (``_CHOOSE_COLUMN``:
    "mapping", "preview", "cli") decides how a person chooses another column there."""
    from opscenter.roster.headers import FIELDS, FIGURE_FIELDS, column_letter

    lang = language(lang)
    en = lang == "en"
    labels = {f.key: (f.label_id, f.label_en) for f in FIELDS[layout.kind]}

    def col(c: int) -> str:
        ref = column_letter(c)
        head = str(layout.headers.get(c, "")).strip()
        return f"{ref} \u201c{head}\u201d" if head else ref

    out: list[str] = []
    for ch in layout.choices:
        name = _pick(labels.get(ch.key, (ch.key, ch.key)), lang)
        others = ", ".join(col(c) for c in ch.others)
        if ch.reason == "sum":
            out.append(
                f"{name} is computed as L + P: column {col(ch.column)} plus column {others}."
                if en
                else f"{name} dihitung dari L + P: kolom {col(ch.column)} ditambah kolom {others}."
            )
        elif ch.reason == "subheader":
            out.append(
                f"{name} is taken from column {col(ch.column)} (L+P, by its sub-header), "
                f"not from {others}."
                if en
                else f"{name} diambil dari kolom {col(ch.column)} (L+P, menurut subjudulnya), "
                f"bukan dari {others}."
            )
        else:
            check = _pick(_CHECK_COLUMN[ch.key in FIGURE_FIELDS], lang)
            choose = _pick(_CHOOSE_COLUMN[where], lang).format(name=name)
            out.append(
                f"{name} is taken from column {col(ch.column)}, though {others} could also be "
                f"it; check {check}{choose}."
                if en
                else f"{name} diambil dari kolom {col(ch.column)}, padahal {others} juga bisa; "
                f"periksa {check}{choose}."
            )
    if subtotals:
        out.append(
            f"{subtotals} subtotal row(s) skipped." if en else f"{subtotals} baris jumlah dilewati."
        )
    if layout.kind == "incidents":
        out.append(incident_matching(layout.columns, lang))
    return " ".join(out)


# --- issue 18: guard posts ---
ENTITY_NAMES.update({"guard_post": ("pos pengamanan", "guard post")})
_POST_REFUSALS: dict[str, tuple[str, str]] = {
    "full": (
        "Pos {post} {kecamatan} akan berisi {count} TPS, sedangkan pola {pattern} "
        "membatasi {limit} TPS per pos; tulis alasan pengecualian bila tetap ingin "
        "mengubahnya. Tidak ada yang disimpan.",
        "Post {post} of {kecamatan} would hold {count} polling stations, while "
        "pattern {pattern} allows {limit} a post; give a reason for the exception to make "
        "the change anyway. Nothing was saved.",
    ),
    "other_kecamatan": (
        "{tps} tidak dapat masuk pos {post} {kecamatan}: satu pos hanya berisi "
        "TPS satu kecamatan. Tidak ada yang disimpan.",
        "{tps} cannot join post {post} of {kecamatan}: a post holds the polling "
        "stations of one kecamatan only. Nothing was saved.",
    ),
    "not_placed": (
        "{tps} belum masuk pos pada tahapan ini; bentuk pos dari pola dulu.",
        "{tps} is in no post for this stage yet; form the posts from the patterns first.",
    ),
    "same_post": (
        "Asal dan tujuan adalah pos yang sama ({post}); tidak ada yang diubah.",
        "The source and the target are the same post ({post}); nothing was changed.",
    ),
    "split_none": (
        "Pilih TPS dari pos {post} {kecamatan} yang akan dipisah ke pos baru.",
        "Choose the polling stations of post {post}, {kecamatan}, to split off.",
    ),
    "split_all": (
        "Pos {post} {kecamatan} tidak dapat dipisah seluruhnya; sisakan paling sedikit satu TPS.",
        "Post {post} of {kecamatan} cannot be split off whole; leave at least one "
        "polling station in it.",
    ),
    "reason_too_long": (
        "Alasan pengecualian terlalu panjang (paling banyak {limit} karakter); tidak ada "
        "yang disimpan.",
        "The reason for the exception is too long (at most {limit} characters); nothing was saved.",
    ),
}
ENTITY_NAMES.update({"guard_assignment": ("penempatan personel", "placement")})
_PLOT_REFUSALS: dict[str, tuple[str, str]] = {
    "not_eligible": (
        "{name} tidak dapat ditempatkan di pos: hanya personel Polri yang aktif menjaga TPS. "
        "Tidak ada yang disimpan.",
        "{name} cannot be placed on a post: only active Polri personnel guard polling "
        "stations. Nothing was saved.",
    ),
    "not_placed": (
        "{name} belum ditempatkan di pos mana pun pada tahapan ini.",
        "{name} is on no post for this stage.",
    ),
    "same_post": (
        "{name} sudah berada di pos itu; tidak ada yang diubah.",
        "{name} is already on that post; nothing was changed.",
    ),
}


# --- issue 18: the voting-day watch ---
ENTITY_NAMES.update(
    {
        "watch_step": ("langkah pemantauan", "watch step"),
        "tps_watch": ("catatan pemantauan TPS", "TPS watch record"),
    }
)
FIELD_NAMES.update({"due": ("batas waktu", "deadline")})
REASONS.update(
    {
        "unreadable_due": (
            "tidak terbaca; tulis jam seperti 06:00, atau 06:00 +1 untuk esok paginya",
            "cannot be read; write a time such as 06:00, or 06:00 +1 for the next morning",
        ),
        "due_too_late": (
            "terlalu jauh; paling lambat dua hari setelah hari pemungutan dimulai",
            "is too late; at most two days after voting day begins",
        ),
    }
)
IMPORT_REFUSALS.update(
    {
        "watch_no_table": (
            "Di berkas {file} tidak ditemukan tabel pemantauan TPS dengan judul kolom yang "
            "dikenal (mis. KODE TPS, LANGKAH, JAM; atau KODE TPS dan satu kolom per langkah).",
            "No TPS watch table with known column headings was found in {file} (e.g. KODE "
            "TPS, LANGKAH, JAM; or KODE TPS and one column per step).",
        ),
        "watch_no_steps": (
            "Lembar \u201c{sheet}\u201d di {file} tidak memiliki kolom LANGKAH dan JAM, dan "
            "tidak ada judul kolom yang menyebut langkah pemantauan (mis. TIBA, Petugas tiba, "
            "Penghitungan selesai).",
            "Sheet \u201c{sheet}\u201d of {file} has neither LANGKAH and JAM columns nor a "
            "heading that names a watch step (e.g. TIBA, Petugas tiba, Penghitungan selesai).",
        ),
        "watch_rejected": (
            "{rows} baris ditolak ({count} sel) di {file}, jadi tidak ada laporan pemantauan "
            "yang tersimpan; perbaiki sel itu lalu impor lagi.",
            "{rows} row(s) of {file} were refused ({count} cells), so no watch report was "
            "saved; correct those cells and import again.",
        ),
    }
)


def watch_columns(layout: Any, columns: dict[int, str], lang: str | None = None) -> str:
    """A wide watch list's step columns as the import read them: "Kolom langkah: B “TIBA”
    = Petugas tiba, C “JAM MULAI” = Pemungutan dimulai."; empty for a long list."""
    from opscenter.roster.headers import column_letter

    if not columns:
        return ""
    read = ", ".join(
        f"{column_letter(c)} \u201c{str(layout.headers.get(c, '')).strip()}\u201d = {name}"
        for c, name in sorted(columns.items())
    )
    return f"Step columns: {read}." if language(lang) == "en" else f"Kolom langkah: {read}."


_WATCH_REFUSALS: dict[str, tuple[str, str]] = {
    "empty": (
        "Tulis kode TPS atau pos dan langkahnya, misalnya “1501012001003 1”.",
        "Type a TPS or post code and its step, for example “1501012001003 1”.",
    ),
    "unknown_tps": (
        "Tidak ada TPS “{text}” dalam operasi ini; tulis kode TPS KPU "
        "(kode desa dan nomor TPS) atau nama desa dan nomor TPS. Tidak ada yang disimpan.",
        "There is no polling station “{text}” in this operation; type the KPU "
        "code (desa code and TPS number) or the desa's name and the number. Nothing was saved.",
    ),
    "ambiguous_tps": (
        "“{text}” cocok dengan lebih dari satu TPS ({choices}); pakai kode TPS. "
        "Tidak ada yang disimpan.",
        "“{text}” matches more than one polling station ({choices}); use the TPS "
        "code. Nothing was saved.",
    ),
    "unknown_post": (
        "Tidak ada pos “{text}” pada hari pemungutan; tulis kecamatan dan nomor "
        "pos, misalnya “Siulak P3”. Tidak ada yang disimpan.",
        "There is no post “{text}” on voting day; type the kecamatan and the post "
        "number, for example “Siulak P3”. Nothing was saved.",
    ),
    "unknown_step": (
        "Langkah “{text}” tidak dikenal; tulis nomornya (1, 2, ...) atau kodenya "
        "(tiba, mulai, ...). Tidak ada yang disimpan.",
        "The step “{text}” is unknown; type its number (1, 2, ...) or its code "
        "(tiba, mulai, ...). Nothing was saved.",
    ),
    "ambiguous_step": (
        "“{text}” cocok dengan beberapa langkah ({choices}); tulis nomornya. "
        "Tidak ada yang disimpan.",
        "“{text}” matches several steps ({choices}); type its number. Nothing was saved.",
    ),
    "bad_time": (
        "Waktu “{text}” tidak terbaca; tulis JJ:MM (misalnya 07:15) atau "
        "TTTT-BB-HH JJ:MM. Tidak ada yang disimpan.",
        "The time “{text}” cannot be read; write HH:MM (such as 07:15) or "
        "YYYY-MM-DD HH:MM. Nothing was saved.",
    ),
    "future": (
        "{step} {tps} pada {at_text} belum terjadi; periksa jamnya. Tidak ada yang disimpan.",
        "{step} at {tps} at {at_text} has not happened yet; check the time. Nothing was saved.",
    ),
    "outside_day": (
        "{step} {tps} pada {at_text} jauh dari hari pemungutan; periksa tanggalnya. "
        "Tidak ada yang disimpan.",
        "{step} at {tps} at {at_text} is far from voting day; check the date. Nothing was saved.",
    ),
    "changed": (
        "{step} {tps} sudah diubah oleh {by} sejak itu; pembatalan tidak dijalankan agar "
        "laporannya tidak hilang.",
        "{step} at {tps} was changed by {by} since; the undo was not carried out, so that "
        "their report is not lost.",
    ),
}


def incident_matching(columns: Any, lang: str | None = None) -> str:
    """How an incident import finds the stored incident of each row, and reads its times
    (``opscenter.incident_import``), for the preview and the command line."""
    en = language(lang) == "en"
    by_number = "number" in columns
    utc = "occurred_utc" in columns
    if en:
        match = (
            "Rows are matched to stored incidents by NOMOR, else by the same time, region and type"
            if by_number
            else "Rows are matched to stored incidents by the same time, region and type"
        )
        when = "times are UTC" if utc else "times without a zone are in the operation's zone"
        return f"{match}: a match is updated or left as it is, never doubled; {when}."
    match = (
        "Baris dicocokkan dengan kejadian tersimpan menurut NOMOR, atau menurut waktu, wilayah "
        "dan jenis yang sama"
        if by_number
        else "Baris dicocokkan dengan kejadian tersimpan menurut waktu, wilayah dan jenis yang sama"
    )
    when = "waktu dibaca sebagai UTC" if utc else "waktu tanpa zona dibaca dalam zona waktu operasi"
    return f"{match}: yang cocok diperbarui atau dibiarkan, tidak digandakan; {when}."


# --- issue 16: importing incidents ---
IMPORT_REFUSALS.update(
    {
        "incidents_no_table": (
            "Di berkas {file} tidak ditemukan tabel kejadian dengan judul kolom yang dikenal "
            "(mis. WAKTU atau TANGGAL dan JAM, JENIS, TINGKAT).",
            "No incident table with known column headings was found in {file} (e.g. WAKTU or "
            "TANGGAL and JAM, JENIS, TINGKAT).",
        ),
        "incidents_rejected": (
            "{rows} baris ditolak ({count} sel) di {file}, jadi tidak ada kejadian yang "
            "tersimpan; perbaiki sel itu lalu impor lagi.",
            "{rows} row(s) of {file} were refused ({count} cells), so no incident was saved; "
            "correct those cells and import again.",
        ),
    }
)
IMPORT_PROBLEMS.update(
    {
        "incident_type_unknown": ("jenis kejadian tidak dikenal", "unknown incident type"),
        "incident_severity_unknown": ("tingkat kejadian tidak dikenal", "unknown severity"),
        "incident_status_unknown": ("status kejadian tidak dikenal", "unknown incident status"),
        "incident_region_unknown": (
            "wilayah tidak dikenal (tulis nama atau kode Kemendagri desa, kecamatan atau "
            "kabupaten/kota operasi ini)",
            "unknown region (write the name or Kemendagri code of a desa, kecamatan or "
            "kabupaten/kota of this operation)",
        ),
        "incident_region_ambiguous": (
            "nama wilayah ada di beberapa tempat; isi kolom kecamatan atau kabupaten/kota, "
            "atau tulis kode Kemendagri",
            "the region's name exists in several places; fill in the kecamatan or "
            "kabupaten/kota, or write the Kemendagri code",
        ),
        "incident_tps_unknown": (
            "TPS tidak dikenal di desa/kelurahan baris ini",
            "no such polling station in this row's village",
        ),
        "incident_number_taken": (
            "nomor kejadian ini milik kejadian lain di basis data",
            "this incident number belongs to another incident in the database",
        ),
        "time_missing": (
            "jam kejadian tidak tertulis; tulis tanggal dan jam, mis. 27-11-2024 14.05",
            "no time of day; write the date and time, e.g. 27-11-2024 14:05",
        ),
        "time_malformed": (
            "jam tidak sah; tulis mis. 14.05 atau 14:05",
            "malformed time; write e.g. 14:05",
        ),
        "zone_unknown": (
            "zona waktu tidak dikenal; tulis WIB, WITA atau WIT, atau tanpa zona (zona operasi)",
            "unknown time zone; write WIB, WITA or WIT, or none (the operation's zone)",
        ),
    }
)


# --- issue 18: a plotting workbook imported ---
IMPORT_REFUSALS.update(
    {
        "plotting_no_table": (
            "Di berkas {file} tidak ditemukan tabel plotting dengan judul kolom yang dikenal "
            "(mis. TPS, DESA/KEL., NAMA, PANGKAT, NRP).",
            "No plotting table with known column headings was found in {file} (e.g. TPS, "
            "DESA/KEL., NAMA, PANGKAT, NRP).",
        ),
        "plotting_no_posts": (
            "Tahapan {stage} belum mempunyai pos pengamanan, jadi {file} tidak dapat "
            "dipasang ke pos; bentuk pos dahulu (jendela Plotting), lalu impor lagi.",
            "The stage {stage} has no guard posts yet, so {file} cannot be put on posts; form "
            "the posts first (the Plotting window), then import again.",
        ),
        "plotting_stage_unknown": (
            "Tahapan \u201c{code}\u201d tidak ada di operasi ini; pilihan: {codes}.",
            "The stage \u201c{code}\u201d does not exist in this operation; choices: {codes}.",
        ),
        "plotting_rejected": (
            "{rows} baris ditolak ({count} sel) di {file}, jadi tidak ada yang tersimpan; "
            "perbaiki sel itu lalu impor lagi.",
            "{rows} row(s) of {file} were refused ({count} cells), so nothing was saved; "
            "correct those cells and import again.",
        ),
    }
)
IMPORT_PROBLEMS.update(
    {
        "plot_kecamatan_unknown": ("kecamatan tidak dikenal", "unknown kecamatan"),
        "plot_tps_unknown": (
            "TPS ini tidak ada di desa/kelurahan itu",
            "no such polling station in that village",
        ),
        "plot_tps_no_post": (
            "TPS ini belum masuk pos pengamanan mana pun pada tahapan ini; bentuk pos "
            "untuknya dahulu",
            "this polling station is in no guard post of the stage; form its post first",
        ),
        "plot_tps_posts_differ": (
            "TPS di sel ini ada di pos yang berbeda; tulis TPS satu pos saja per baris",
            "the polling stations of this cell are in different posts; write one post's per row",
        ),
        "plot_nrp_unknown": (
            "NRP ini tidak ada di daftar personel operasi",
            "this NRP is not on the operation's personnel list",
        ),
        "plot_nrp_other_name": (
            "nama ini tidak sama dengan pemilik NRP di baris ini",
            "this name is not that of the NRP's holder on this row",
        ),
        "plot_person_unknown": (
            "tidak ada personel dengan nama (dan pangkat) ini; tulis NRP-nya",
            "no person of this name (and rank); write the NRP",
        ),
        "plot_person_ambiguous": (
            "ada beberapa personel dengan nama (dan pangkat) ini; tulis NRP-nya",
            "several people have this name (and rank); write the NRP",
        ),
        "plot_person_twice": (
            "personel ini sudah ditempatkan di pos lain oleh baris sebelumnya; satu personel "
            "hanya satu pos per tahapan",
            "this person is already put on another post by an earlier row; one post per "
            "person per stage",
        ),
        "plot_not_eligible": (
            "bukan personel Polri aktif, jadi tidak dapat menjaga TPS",
            "not an active Polri officer, so cannot guard a polling station",
        ),
    }
)
# What the plotting import does to each row.
PLOTTING_ROWS: dict[str, tuple[str, str]] = {
    "new": ("ditempatkan di {post}", "placed on {post}"),
    "moved": ("dipindah dari {before} ke {post}", "moved from {before} to {post}"),
    "locked": ("tetap di {post}, kini dikunci", "stays on {post}, now locked"),
    "unchanged": ("sudah di {post} (terkunci), tidak berubah", "already on {post} (locked)"),
}


def plotting_row(
    row: int, person: str, action: str, post: str, before: str, lang: str | None = None
) -> str:
    """One row of a plotting import's preview (``row`` 0-based): who, and what happens to
    them: "Baris 9, 90000001 Personel 1: dipindah dari Pos 2 Kecamatan A1 ke ..."."""
    lang = language(lang)
    text = _pick(PLOTTING_ROWS[action], lang).format(post=post, before=before)
    return f"{_pick(('Baris', 'Row'), lang)} {row + 1}, {person}: {text}."
