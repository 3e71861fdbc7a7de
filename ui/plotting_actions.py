"""What the plotting window's actions do: form the posts, run the automatic plotting, move
a TPS, split and merge posts, place, swap, lock and unplace people (a dialog of choices
first where the action needs one), and export the list or the assignment slips.

Every change is a core service (``opscenter.plotting``) run on the write thread
(``StageWindow.run``: a refusal is its one sentence in the banner) and, except forming and
the automatic plotting (which the core gives no inverse), pushed on the window's
``QUndoStack`` once saved (``ui.plotting_commands``). A change expects what the window
showed, or what its own last write left (``PlottingReads.seen``).

``PlottingActions`` is the part of ``ui.plotting_window.PlottingWindow`` that acts; the
window's menu and buttons trigger it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog

from opscenter.clock import file_name
from opscenter.operations import timezone_of
from opscenter.plotting.plot import PostPlot, plot
from opscenter.plotting.posts import form_posts
from opscenter.progress import CancelToken, Progress
from reports.plotting import export
from ui.confirm import confirm
from ui.error_dialog import sentence_for
from ui.plotting_commands import (
    LockCommand,
    MergeCommand,
    MoveCommand,
    PlaceCommand,
    PlotCommand,
    SplitCommand,
    SwapCommand,
)
from ui.plotting_dialogs import ChoiceDialog, checked
from ui.plotting_models import person, post_label
from ui.plotting_reads import PlottingReads
from ui.save_dialog import ask_save_path, ending
from ui.translations import QT_TRANSLATE_NOOP, translator
from ui.worker import JobHandle, start_job

# A placement moves one person (the keyboard's and a drag's refusal alike).
ONE_PERSON = QT_TRANSLATE_NOOP(
    "PlottingWindow", "Pilih satu personel (di pos atau di cadangan) lebih dulu."
)
# A TPS moves, and a post merges, into another post of its kecamatan: the refusals where
# no post is chosen or its kecamatan has no other.
NO_POST_TO_MOVE = QT_TRANSLATE_NOOP(
    "PlottingWindow", "Pilih dulu pos yang TPS-nya akan dipindahkan."
)
NO_TARGET = QT_TRANSLATE_NOOP(
    "PlottingWindow", "Kecamatan ini hanya punya satu pos; tidak ada pos tujuan."
)
NO_POST_TO_MERGE = QT_TRANSLATE_NOOP("PlottingWindow", "Pilih dulu pos yang akan digabungkan.")
NO_OTHER_POST = QT_TRANSLATE_NOOP(
    "PlottingWindow", "Kecamatan ini hanya punya satu pos; tidak ada yang digabung."
)


_tr = translator("PlottingWindow")


class PlottingActions(PlottingReads):
    """The plotting window's edits and export (see the module docstring)."""

    def push(self, command: PlotCommand) -> None:
        """Save ``command`` once; only a saved one goes on the undo stack."""

        def saved(result: object) -> None:
            command.shown(result)
            self.undo_stack.push(command)

        self.run(command.do(), saved)

    _needed: str | None = None  # the "choose … first" the banner says, until a choice

    def _need(self, what: str) -> None:
        self._needed = what
        self.show_problem(what)

    def need_met(self) -> None:
        """A choice was made: a "choose … first" still in the banner goes (a refusal or an
        error said since stays)."""
        if self._needed is not None and self.banner.text() == self._needed:
            self.hide_banner()
        self._needed = None

    def ask_form(self) -> None:
        op, stage = self.operation_id, self.stage_id

        def formed(result: Any) -> None:
            self.reload()
            self.show_note(
                _tr("{posts} pos baru, {tps} TPS ditempatkan ke pos.").format(
                    posts=result.posts, tps=result.tps
                )
            )

        self.run(lambda: form_posts(self.store, self.actor, op, stage), formed)

    def ask_plot(self) -> None:
        placed = [o for p in self.all_posts() for o in p.officers]
        if placed:
            locked = sum(1 for o in placed if o.locked)
            if not confirm(
                self,
                _tr("Plotting otomatis"),
                _tr(
                    "{n} personel sudah ditempatkan, {locked} di antaranya dikunci. Yang "
                    "dikunci dan yang masih sah tetap di tempatnya; sisanya dapat dipindahkan."
                ).format(n=len(placed), locked=locked),
                _tr("&Jalankan plotting"),
                _tr("Plotting otomatis tidak dapat diurungkan dengan Ctrl+Z."),
            ):
                return
        op, stage = self.operation_id, self.stage_id

        def plotted(result: Any) -> None:
            self.reload()
            self.show_note(
                _tr(
                    "{kept} tetap, {placed} ditempatkan, {removed} dilepas; cadangan {reserve},"
                    " kekurangan {short} personel."
                ).format(
                    kept=result.kept,
                    placed=result.placed,
                    removed=result.removed,
                    reserve=result.reserve,
                    short=result.short,
                )
            )

        self.run(lambda: plot(self.store, self.actor, op, stage), plotted)

    def _post_and_others(self, no_post: str, alone: str) -> tuple[PostPlot, list[PostPlot]] | None:
        """The chosen post and the other posts of its kecamatan (where its TPS may go);
        None, with ``no_post`` or ``alone`` (untranslated) in the banner, where no post is
        chosen or its kecamatan has no other."""
        post = self.current_post()
        if post is None:
            self._need(_tr(no_post))
            return None
        others = [
            p
            for p in self.all_posts()
            if p.post.kecamatan_id == post.post.kecamatan_id and p.post.id != post.post.id
        ]
        if not others:
            self._need(_tr(alone))
            return None
        return post, others

    def _ask_target(
        self, dialog: ChoiceDialog, box: QComboBox, posts: list[PostPlot], tps: int
    ) -> tuple[PostPlot, str | None] | None:
        """``dialog`` shown: the post chosen in its ``box`` among ``posts`` to take ``tps``
        more TPS, with the reason for exceeding its pattern (asked only then); None when
        the dialog or the reason is cancelled."""
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        target = next(p for p in posts if p.post.id == box.currentData())
        reason = None
        if len(target.post.tps) + tps > target.post.pattern.tps:
            reason = self._ask_reason(target)
            if reason is None:
                return None
        return target, reason

    def ask_move(self) -> None:
        chosen = self._post_and_others(NO_POST_TO_MOVE, NO_TARGET)
        if chosen is None:
            return
        post, targets = chosen
        dialog = ChoiceDialog(self, _tr("Pindahkan TPS ke pos"))
        tps = dialog.combo(_tr("&TPS:"), [(t.label, t.id) for t in post.post.tps])
        to = dialog.combo(_tr("Ke &pos:"), [(post_label(p), p.post.id) for p in targets])
        picked = self._ask_target(dialog, to, targets, 1)
        if picked is not None:
            target, reason = picked
            self.move_tps(int(tps.currentData()), target.post.id, reason)

    def _ask_reason(self, target: PostPlot) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            _tr("Melebihi pola"),
            _tr("Pos {number} mengikuti pola {pattern} ({limit} TPS). Alasan pengecualian:").format(
                number=target.post.number,
                pattern=target.post.pattern,
                limit=target.post.pattern.tps,
            ),
        )
        return text if ok else None

    def move_tps(self, tps_id: int, to_post_id: int, reason: str | None = None) -> None:
        source = next(p for p in self.all_posts() if any(t.id == tps_id for t in p.post.tps))
        target = next(p for p in self.all_posts() if p.post.id == to_post_id)
        self.push(
            MoveCommand(
                self,
                tps_id,
                to_post_id,
                reason,
                source_exception=source.post.exception,
                expected_version=target.post.version,
                expected_from=(source.post.id, source.post.version),
            )
        )

    def ask_split(self) -> None:
        post = self.current_post()
        if post is None or len(post.post.tps) < 2:
            return self._need(_tr("Pilih dulu pos dengan dua TPS atau lebih untuk dipecah."))
        dialog = ChoiceDialog(self, _tr("Pecah pos {n}").format(n=post.post.number))
        chosen = dialog.checks(_tr("TPS ke &pos baru:"), [(t.label, t.id) for t in post.post.tps])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.split_post(post.post.id, checked(chosen))

    def split_post(self, post_id: int, tps_ids: list[int]) -> None:
        post = next(p for p in self.all_posts() if p.post.id == post_id)
        self.push(
            SplitCommand(
                self, post_id, tps_ids, post.post.exception, expected_version=post.post.version
            )
        )

    def ask_merge(self) -> None:
        chosen = self._post_and_others(NO_POST_TO_MERGE, NO_OTHER_POST)
        if chosen is None:
            return
        post, others = chosen
        dialog = ChoiceDialog(self, _tr("Gabungkan pos {n}").format(n=post.post.number))
        into = dialog.combo(_tr("Ke &dalam pos:"), [(post_label(p), p.post.id) for p in others])
        picked = self._ask_target(dialog, into, others, len(post.post.tps))
        if picked is not None:
            target, reason = picked
            self.merge_posts(target.post.id, post.post.id, reason)

    def merge_posts(self, into_id: int, from_id: int, reason: str | None) -> None:
        into = next(p for p in self.all_posts() if p.post.id == into_id)
        source = next(p for p in self.all_posts() if p.post.id == from_id)
        self.push(
            MergeCommand(
                self,
                into_id,
                from_id,
                reason,
                expected_version=into.post.version,
                expected_tps=[t.id for t in source.post.tps],
            )
        )

    def ask_place(self) -> None:
        people = self.chosen_people()
        if len(people) != 1:
            return self._need(_tr(ONE_PERSON))
        dialog = ChoiceDialog(self, _tr("Tempatkan personel"))
        to = dialog.combo(
            _tr("Ke &pos:"), [(post_label(p), p.post.id) for p in self.all_posts()], search=True
        )
        to.setCurrentIndex(to.findData(self._room_for(people[0])))  # none: -1, the box empty
        if dialog.exec() != QDialog.DialogCode.Accepted or to.currentData() is None:
            return
        self.place(people[0], int(to.currentData()))

    def _room_for(self, personnel_id: int) -> int | None:
        """The post a placement offers first: the post chosen in the table (whose officers
        are shown: what the staff officer is looking at) if it still lacks officers, else
        the first that does in the table as narrowed, else in the stage; never the person's
        own post nor a full one (a reserve officer goes where one is missing). None where
        no post lacks anyone: the box starts empty."""
        own = next(
            (
                p.post.id
                for p in self.all_posts()
                if any(o.officer.id == personnel_id for o in p.officers)
            ),
            None,
        )
        chosen = self.current_post()
        candidates = [
            *([chosen] if chosen is not None else []),
            *self.posts.rows(),
            *self.all_posts(),
        ]
        return next((p.post.id for p in candidates if p.short > 0 and p.post.id != own), None)

    def drop_people(self, people: list[int], post_id: int) -> None:
        """People dropped on a post: one person is placed there, as ``ask_place`` does."""
        if len(people) != 1:
            return self._need(_tr(ONE_PERSON))
        self.place(people[0], post_id)

    def place(self, personnel_id: int, post_id: int | None) -> None:
        text = _tr("penempatan personel") if post_id else _tr("pengembalian ke cadangan")
        self.push(PlaceCommand(self, personnel_id, post_id, text))

    def ask_swap(self) -> None:
        """Two people chosen on the post are swapped; one chosen is swapped with a person
        of another post, picked in a list (type part of a name, NRP or kecamatan)."""
        people = self.chosen_people()
        placed = self.placed(people[0]) if len(people) == 1 else None
        if len(people) == 2:
            return self.swap(people[0], people[1])
        if placed is None:
            return self._need(_tr("Pilih personel di pos yang akan ditukar."))
        post = self.current_post()
        others = [
            (
                _tr("{person} ({nrp}), pos {number} {kecamatan}").format(
                    person=person(o.officer),
                    nrp=o.officer.nrp,
                    number=p.post.number,
                    kecamatan=p.post.kecamatan,
                ),
                o.officer.id,
            )
            for p in self.all_posts()
            if post is None or p.post.id != post.post.id
            for o in p.officers
        ]
        dialog = ChoiceDialog(self, _tr("Tukar {person}").format(person=person(placed.officer)))
        other = dialog.combo(_tr("&Dengan:"), others, search=True)
        if dialog.exec() != QDialog.DialogCode.Accepted or other.currentData() is None:
            return
        self.swap(placed.officer.id, int(other.currentData()))

    def swap(self, first: int, second: int) -> None:
        self.push(SwapCommand(self, first, second))

    def ask_lock(self) -> None:
        post = self.current_post()
        placed = [self.placed(pid) for pid in self.chosen_people()]
        if post is None or not placed or placed[0] is None:
            return self._need(_tr("Pilih personel di pos yang akan dikunci atau dibuka."))
        self.lock(placed[0].officer.id, not placed[0].locked)

    def lock(self, personnel_id: int, locked: bool) -> None:
        self.push(LockCommand(self, personnel_id, locked))

    def ask_unplace(self) -> None:
        placed = [self.placed(pid) for pid in self.chosen_people()]
        if not placed or placed[0] is None:
            return self._need(_tr("Pilih personel di pos yang akan dikembalikan ke cadangan."))
        who = placed[0]
        if confirm(
            self,
            _tr("Kembalikan ke cadangan"),
            _tr("{name} dilepas dari posnya dan kembali ke cadangan.").format(
                name=person(who.officer)
            ),
            _tr("&Kembalikan"),
            _tr("Ctrl+Z menempatkannya kembali."),
        ):
            self.place(who.officer.id, None)

    # -- export ---------------------------------------------------------------------------

    # Two documents, two actions, each opening its save dialog on its own type. The list's
    # working type first: a Polres keeps its plotting as a workbook, and the window reads
    # one back (Impor plotting dari Excel); its PDF, for paper, second.
    LIST_FILTERS = (
        QT_TRANSLATE_NOOP("PlottingWindow", "Daftar plotting, Excel (*.xlsx)"),
        QT_TRANSLATE_NOOP("PlottingWindow", "Daftar plotting, PDF (*.pdf)"),
    )
    SLIPS_FILTER = QT_TRANSLATE_NOOP("PlottingWindow", "Surat penugasan per personel, PDF (*.pdf)")

    def export_name(self, kind: str, suffix: str) -> str:
        """The name offered for a document of the plotting written now: the operation's
        present in its zone (``opscenter.clock.file_name``, as every saved document)."""
        with self.store.read() as s:
            zone = timezone_of(s, self.operation_id or None)
        return file_name(kind, suffix, zone)

    def ask_export(self) -> None:
        """The plotting list of the chosen stage and unit to a workbook (or a PDF)."""
        filters = [_tr(f) for f in self.LIST_FILTERS]
        name = self.export_name("plotting", ".xlsx")
        path, chosen = ask_save_path(self, _tr("Ekspor daftar plotting"), name, ";;".join(filters))
        if path is not None:
            self.export_to(ending(path, ".pdf" if chosen == filters[1] else ".xlsx"))

    def ask_slips(self) -> None:
        """The assignment slips of the chosen stage and unit, one per officer, to a PDF."""
        name = self.export_name("surat-penugasan", ".pdf")
        path, _ = ask_save_path(self, _tr("Ekspor surat penugasan"), name, _tr(self.SLIPS_FILTER))
        if path is not None:
            self.export_to(ending(path, ".pdf"), slips=True)

    def export_to(self, path: Path, slips: bool = False) -> JobHandle:
        """Write the list (PDF or .xlsx by ``path``'s suffix) or the slips in the background,
        as ``opscenter plot --out`` writes them (``reports.plotting.export``)."""
        store, op, stage, unit = self.store, self.operation_id, self.stage_id, self.unit_filter()

        reading, laying = _tr("Membaca plotting…"), _tr("Menyusun halaman…")

        def job(progress: Progress, cancel: CancelToken) -> Path:
            progress(0, 0, reading)
            with store.read() as s:
                doc = export.document(s, op, stage, unit)
            cancel.check()

            def laid(done: int, total: int, _what: str) -> None:
                cancel.check()  # stops the layout: nothing is written
                progress(done, total, laying)

            return export.write(doc, path, slips=slips, progress=laid)

        def done(written: object) -> None:
            self.show_note(_tr("Ditulis ke {path}.").format(path=written))

        def failed(error: BaseException) -> None:
            self.show_problem(sentence_for(error))

        def cancelled() -> None:
            self.show_note(_tr("Ekspor dibatalkan; berkas tidak ditulis."))

        self.show_note(_tr("Menulis {path}…").format(path=path))
        return start_job(
            job,
            parent=self,
            title=_tr("Ekspor plotting"),
            on_success=done,
            on_failure=failed,
            on_cancel=cancelled,
        )
