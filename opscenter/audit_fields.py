"""The audit journal's field names as an officer reads them ("status_changed_at" is "waktu
perubahan status"), in Indonesian and English.

``messages.FIELD_NAMES`` names the fields the error sentences name; ``MORE_FIELDS`` adds every
other column of a journaled table, so that the detail pane shows no raw column name
(``tests/ui/test_audit_view.py`` checks that every journaled column has one).
"""

from __future__ import annotations

from opscenter import messages

MORE_FIELDS: dict[str, tuple[str, str]] = {
    "id": ("ID", "ID"),
    "operation_id": ("operasi", "operation"),
    "version": ("versi data", "data version"),
    "active": ("aktif", "active"),
    "password_hash": ("sandi tersimpan (hash)", "stored password (hash)"),
    "actor": ("dicatat oleh", "recorded by"),
    "at": ("waktu", "time"),
    "address": ("alamat", "address"),
    "advice": ("saran", "advice"),
    "agency": ("instansi", "agency"),
    "aliases": ("nama lain", "other names"),
    "allocation_id": ("alokasi anggaran", "budget allocation"),
    "aspect_id": ("aspek", "aspect"),
    "assigned_unit_id": ("satuan penugasan", "assigned unit"),
    "basis": ("dasar penempatan", "basis of the placement"),
    "category": ("kategori", "category"),
    "category_id": ("kategori", "category"),
    "checked": ("yang diperiksa", "what was checked"),
    "closed_at": ("waktu ditutup", "closed at"),
    "closing_note": ("catatan penutupan", "closing note"),
    "colour": ("warna", "colour"),
    "command_name": ("nama komando", "command name"),
    "commit_share_pct": ("persentase kekuatan yang dilibatkan", "share of strength committed (%)"),
    "component_id": ("komponen anggaran", "budget component"),
    "corps": ("golongan", "corps"),
    "damage": ("kerusakan", "damage"),  # as the incident form labels it
    "declared_strength": ("kekuatan yang dilaporkan", "declared strength"),
    "due_minutes": ("batas waktu (menit)", "due (minutes)"),
    "duty_status": ("status dinas", "duty status"),
    "ends_on": ("tanggal selesai", "end date"),
    "evidence": ("bukti", "evidence"),
    "exception": ("pengecualian", "exception"),
    "from_unit_id": ("dari satuan", "from unit"),
    "geometry": ("batas wilayah", "boundary"),
    "grp": ("kelompok", "group"),
    "home_unit_id": ("satuan induk", "home unit"),
    "id_kind": ("jenis nomor identitas", "kind of identity number"),
    "incident_id": ("kejadian", "incident"),
    "is_available": ("siap digerakkan", "available"),
    "is_closed": ("menutup kejadian", "closes the incident"),
    "is_reserve": ("satuan cadangan", "reserve unit"),
    "is_voting": ("hari pemungutan suara", "voting day"),
    "kind": ("jenis", "kind"),
    "laik_pakai": ("laik pakai", "fit for use"),
    "language": ("bahasa", "language"),
    "level_id": ("tingkat kerawanan", "vulnerability level"),
    "location": ("lokasi", "location"),
    "locked": ("dikunci", "locked"),
    "number": ("nomor", "number"),
    "phone": ("nomor telepon", "phone number"),
    "position": ("jabatan", "position"),
    "post_id": ("pos pengamanan", "guard post"),
    "previous_status_id": ("status sebelumnya", "previous status"),
    "province": ("provinsi", "province"),
    "rank_id": ("pangkat", "rank"),
    "reason": ("alasan", "reason"),
    "recorded_at": ("waktu dicatat", "recorded at"),
    "recorded_by": ("dicatat oleh", "recorded by"),
    "reference": ("nomor rujukan", "reference"),
    "report_cutoff_hour": ("jam tutup laporan", "report cut-off hour"),
    "set_at": ("waktu penilaian", "judged at"),
    "set_by": ("dinilai oleh", "judged by"),
    "severity_id": ("tingkat keparahan", "severity"),
    "signatory_name": ("nama penanda tangan", "signatory's name"),
    "signatory_nrp": ("NRP penanda tangan", "signatory's NRP"),
    "signatory_on_behalf": ("atas nama (penanda tangan)", "on behalf of (signatory)"),
    "signatory_rank": ("pangkat penanda tangan", "signatory's rank"),
    "signatory_title": ("jabatan penanda tangan", "signatory's title"),
    "sitrep_place": ("tempat laporan situasi", "place of the situation report"),
    "sitrep_serial": ("nomor urut laporan situasi", "situation report serial"),
    "sitrep_unit": ("satuan pelapor laporan situasi", "reporting unit of the situation report"),
    "stage_id": ("tahapan", "stage"),
    "starts_on": ("tanggal mulai", "start date"),
    "status": ("status", "status"),
    "status_changed_at": ("waktu perubahan status", "status changed at"),
    "status_changed_by": ("status diubah oleh", "status changed by"),
    "status_id": ("status", "status"),
    "status_reason": ("alasan status", "status reason"),
    "step_id": ("tahap pemantauan", "watch step"),
    "team": ("tim", "team"),
    "to_unit_id": ("ke satuan", "to unit"),
    "tps_id": ("TPS", "polling station"),
    "tree": ("susunan satuan", "unit tree position"),
    "unit_id": ("satuan", "unit"),
    "visit_id": ("kunjungan", "visit"),
    "voters": ("jumlah pemilih", "number of voters"),
    "warrant": ("surat perintah", "warrant"),
}


def field_name(column: str, lang: str = "id") -> str:
    """A journaled column as the officer reads it; a column named nowhere shows as it is."""
    names = messages.FIELD_NAMES.get(column) or MORE_FIELDS.get(column)
    return (names[1] if lang == "en" else names[0]) if names else column
