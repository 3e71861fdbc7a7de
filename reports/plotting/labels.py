"""The plotting list's and the slips' wording, beside the situation report's (``Text`` falls
back to those for the letterhead, dates and page numbers)."""

from __future__ import annotations

from opscenter.plotting.lists import KecamatanPlot
from reports.sitrep.labels import LABELS as SITREP_LABELS
from reports.sitrep.labels import Text

LABELS: dict[str, tuple[str, str]] = {
    "title": ("DAFTAR PLOTTING PERSONEL PENGAMANAN TPS", "TPS GUARD PLOTTING LIST"),
    "footer": ("Daftar plotting personel pengamanan TPS", "TPS guard plotting list"),
    "slips_footer": ("Lampiran surat perintah", "Annex to the order"),
    "slips_title": ("LAMPIRAN SURAT PERINTAH", "ANNEX TO THE ORDER"),
    "slip_title": ("PENUGASAN PENGAMANAN TPS", "TPS GUARD ASSIGNMENT"),
    "scope": ("Satuan", "Unit"),
    "all_units": ("Seluruh satuan", "All units"),
    "summary": ("I. REKAPITULASI PER KECAMATAN", "I. SUMMARY BY KECAMATAN"),
    "lists": ("II. DAFTAR PLOTTING PER KECAMATAN", "II. PLOTTING BY KECAMATAN"),
    "reserve": ("III. CADANGAN", "III. RESERVE"),
    "kecamatan": ("Kecamatan", "Kecamatan"),
    "polsek": ("Polsek", "Polsek"),
    "no_polsek": ("tanpa Polsek", "no Polsek"),
    "posts": ("Pos", "Posts"),
    "placed": ("Ditempatkan", "Placed"),
    "need": ("Kebutuhan", "Required"),
    "linmas": ("Linmas", "Linmas"),
    "col_no": ("No", "No"),
    "col_tps": ("TPS", "TPS"),
    "col_desa": ("Desa/Kel.", "Desa/Kel."),
    "col_post": ("Pos", "Post"),
    "col_name": ("Nama", "Name"),
    "col_rank": ("Pangkat", "Rank"),
    "col_nrp": ("NRP", "NRP"),
    "col_phone": ("HP", "Phone"),
    "col_note": ("Ket.", "Note"),
    "col_unit": ("Satuan", "Unit"),
    "leader": ("Ketua", "Leader"),
    "leader_mark": ("(Ketua)", "(Leader)"),
    "short_row": ("kurang {n} personel", "{n} short"),
    "kec_line": (
        "{posts} pos, kebutuhan {need} personel Polri, ditempatkan {placed}, kekurangan "
        "{deficit}; kebutuhan Linmas {linmas}.",
        "{posts} posts, {need} police required, {placed} placed, {deficit} short; "
        "{linmas} Linmas required.",
    ),
    "totals": (
        "Jumlah: {posts} pos, kebutuhan {need} personel Polri, ditempatkan {placed}, "
        "kekurangan {deficit}, cadangan {reserve}.",
        "Total: {posts} posts, {need} police required, {placed} placed, {deficit} short, "
        "{reserve} in reserve.",
    ),
    "linmas_note": (
        "Linmas: kebutuhan Linmas pos menurut pola pengamanan (a-b-c) kategori TPS-nya; "
        "OpsCenter tidak memegang daftar nama Linmas per pos.",
        "Linmas: the post's Linmas requirement from its TPS categories' guard pattern "
        "(a-b-c); OpsCenter holds no roster of Linmas per post.",
    ),
    "leader_note": (
        "Ketua pos: personel paling senior di pos itu (pangkat, lalu NRP).",
        "Post leader: the most senior officer of the post (rank, then NRP).",
    ),
    "no_reserve": ("Tidak ada personel cadangan.", "No personnel in reserve."),
    "no_posts": ("Belum ada pos pengamanan.", "No guard posts yet."),
    "stage_dates": ("{stage}, {dates}", "{stage}, {dates}"),
    "closing_list": (
        "Demikian daftar plotting personel pengamanan TPS ini dibuat untuk dilaksanakan.",
        "This TPS guard plotting list is issued to be carried out.",
    ),
    "closing_slip": (
        "Dilaksanakan dengan penuh rasa tanggung jawab.",
        "To be carried out with full responsibility.",
    ),
    "sprin_number": ("Nomor", "Number"),
    "f_name": ("Nama", "Name"),
    "f_rank_nrp": ("Pangkat/NRP", "Rank/NRP"),
    "f_unit": ("Satuan", "Unit"),
    "f_task": ("Tugas", "Task"),
    "f_post": ("Pos", "Post"),
    "f_stage": ("Tahapan", "Stage"),
    "task": ("pengamanan {places}, {kecamatan}", "guarding {places}, {kecamatan}"),
    "post_line": ("Pos {n} ({polsek}), {role}", "Post {n} ({polsek}), {role}"),
    "role_leader": ("ketua pos", "post leader"),
    "role_member": ("anggota pos", "post member"),
    "with_mates": ("bersama {n} personel lain", "with {n} other officer(s)"),
    "cut": ("potong di sini", "cut here"),
    "no_slips": ("Tidak ada personel yang ditempatkan.", "Nobody is placed."),
}

# The list's columns, in order (the workbook adds its note column after them).
LIST_COLUMNS = (
    "col_no",
    "col_tps",
    "col_desa",
    "col_post",
    "col_name",
    "col_rank",
    "col_nrp",
    "col_phone",
    "linmas",
)
RESERVE_COLUMNS = ("col_no", "col_name", "col_rank", "col_nrp", "col_phone", "col_unit")


class PlotText(Text):
    """The situation report's ``Text`` with the plotting documents' labels first."""

    catalogues = (LABELS, SITREP_LABELS)

    def kecamatan_line(self, k: KecamatanPlot) -> str:
        """What a kecamatan needs, has and lacks, in one sentence."""
        return self(
            "kec_line",
            posts=len(k.posts),
            need=k.needed,
            placed=k.placed,
            deficit=k.deficit,
            linmas=k.linmas,
        )


def named(kind: str, name: str) -> str:
    """A region's name with its kind in front, once: "Kecamatan Air Hangat" stays as it is,
    "Air Hangat" becomes it."""
    return name if name.casefold().startswith(kind.casefold()) else f"{kind} {name}"
