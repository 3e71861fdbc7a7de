"""The plotting window's reading: the stage's plotting read off the GUI thread (only the
newest read shown), narrowed by the unit and the search into the tables, with the deficit
per kecamatan; the post and the people chosen; and what the window last knew of a
person's placement (``seen``: the read, or what its own last write left, kept in
``ui.plotting_ledger``).

``PlottingReads`` is the part of ``ui.plotting_window.PlottingWindow`` that reads and shows;
the window builds the widgets it fills (``PlottingWindow.build``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView

from opscenter import journal
from opscenter.errors import OpsError
from opscenter.live import JournalChanges
from opscenter.plotting.hand import IN_RESERVE, Seen
from opscenter.plotting.plot import Placed, PostPlot
from opscenter.plotting.pools import Officer
from opscenter.plotting.view import PlotView, plot_view
from opscenter.progress import CancelToken, Progress
from ui import theme
from ui.error_dialog import sentence_for
from ui.plotting_ledger import OwnWrites
from ui.plotting_models import OfficersModel, PostsModel, ReserveColumn, ReserveModel
from ui.stage_window import StageWindow
from ui.translations import translator
from ui.worker import start_job

# Kecamatan named in the deficit line (the rest in its tooltip).
DEFICIT_SHOWN = 5
# What the window shows: a change to any of these in the journal makes it read again.
ENTITIES = frozenset(
    {
        "guard_post",
        "guard_post_tps",
        "guard_assignment",
        "personnel",
        "polling_station",
        "bko_assignment",
        "stage",
        "unit",
    }
)


_tr = translator("PlottingWindow")


class PlottingReads(StageWindow):
    """The plotting window's read, what it shows and what is chosen in it."""

    # Set by the window's ``build``: the read shown (None until the first lands); the reads
    # started (only the newest one's result is shown) and whether one is under way; what
    # the window's own writes left since.
    view: PlotView | None
    _reads: int
    _reading: bool
    own_writes: OwnWrites
    # Built by the window.
    posts: PostsModel
    officers: OfficersModel
    reserve: ReserveModel
    polres_combo: QComboBox
    polsek_combo: QComboBox
    search: QLineEdit
    posts_view: QTableView
    officers_view: QTableView
    reserve_view: QTableView
    post_title: QLabel
    reserve_title: QLabel
    deficit_label: QLabel

    def _unit_name(self, unit_id: int | None) -> str:
        return self.view.unit_name(unit_id) if self.view is not None else ""

    def wants(self, changes: JournalChanges) -> bool:
        return any(e in ENTITIES for e in changes.rows)

    def reload(self) -> None:
        """Read the stage's plotting again, off the GUI thread (a national stage holds
        160,000 posts); the chosen post and filters stay. Only the newest read is shown."""
        try:
            with self.store.read() as s:  # the stages only: a few rows
                if not self._read_stages(s):
                    return
        except OpsError as exc:
            self.read_failed(exc, _tr("Basis data ini belum berisi operasi."))
            return
        self._reads += 1
        ticket, store, op_id, sid = self._reads, self.store, self.operation_id, self.stage_id

        def job(_progress: Progress, _cancel: CancelToken) -> tuple[int, PlotView]:
            with store.read() as s:
                return journal.head(s), plot_view(s, op_id, sid)

        def landed(result: tuple[int, PlotView]) -> None:
            if ticket != self._reads:
                return  # a newer read is on its way
            self._reading = False
            self._read_at, self.view = result
            self.own_writes.forget_before(ticket)
            self.fit_ranks()
            self._fill_units()
            self.show_view()

        def failed(error: BaseException) -> None:
            if ticket == self._reads:
                self._reading = False
                self.show_problem(sentence_for(error))

        self._reading = True
        start_job(job, parent=self, on_success=landed, on_failure=failed)

    def fit_ranks(self) -> None:
        """The reserve's rank column as wide as the longest rank of the read's people
        ("Kombes Pol" was cut to "Kombes …": the column was fitted to a shorter sample), so
        that it does not change as the search narrows the rows. Ranks are short: this
        leaves the names their room."""
        if self.view is None:
            return
        p = self.view.plotting
        ranks = {o.rank for o in p.reserve} | {o.officer.rank for x in p.posts for o in x.officers}
        metrics = self.reserve_view.fontMetrics()
        header = self.reserve_view.horizontalHeader()
        title = str(self.reserve.headerData(ReserveColumn.RANK, Qt.Orientation.Horizontal))
        wide = max((metrics.horizontalAdvance(r) for r in ranks), default=0)
        # The header's title is bold; the cells' padding is the tables' 24 px (``_table``).
        bold = QFontMetrics(theme.scaled_font(header, 1.0, bold=True))
        header.resizeSection(ReserveColumn.RANK, max(wide, bold.horizontalAdvance(title)) + 24)

    def _fill_units(self) -> None:
        assert self.view is not None
        shown = self.polres_combo.currentData()
        items = [(_tr("Semua satuan"), None)] + [(u.name, u.id) for u in self.view.polres()]
        self.polres_combo.blockSignals(True)
        self.polres_combo.clear()
        for name, uid in items:
            self.polres_combo.addItem(name, uid)
        self.polres_combo.setCurrentIndex(max(0, self.polres_combo.findData(shown)))
        self.polres_combo.blockSignals(False)
        self._fill_polsek()

    def _fill_polsek(self) -> None:
        assert self.view is not None
        shown = self.polsek_combo.currentData()
        polres = self.polres_combo.currentData()
        self.polsek_combo.blockSignals(True)
        self.polsek_combo.clear()
        self.polsek_combo.addItem(_tr("Semua Polsek"), None)
        if polres is not None:
            for u in self.view.polsek_of(int(polres)):
                self.polsek_combo.addItem(u.name, u.id)
        self.polsek_combo.setCurrentIndex(max(0, self.polsek_combo.findData(shown)))
        self.polsek_combo.setEnabled(polres is not None)
        self.polsek_combo.blockSignals(False)

    def _polres_chosen(self) -> None:
        if self.view is not None:
            self._fill_polsek()
            self.show_view(narrowed=True)

    def _stage_chosen(self) -> None:
        sid = self.stage_combo.currentData()
        if sid is not None and int(sid) != self.stage_id:
            self.stage_id = int(sid)
            self.undo_stack.clear()  # its commands belong to the stage they were made in
            self.reload()

    def unit_filter(self) -> int | None:
        unit = self.polsek_combo.currentData()
        if unit is None:
            unit = self.polres_combo.currentData()
        return None if unit is None else int(unit)

    def show_view(self, *, narrowed: bool = False) -> None:
        """The read narrowed by the unit and the search, into the tables. ``narrowed``: the
        unit or the search changed, so the chosen post and reserve row are scrolled into
        view (a re-read keeps where the lists stand)."""
        if self.view is None:
            return
        posts, reserve = self.view.within(self.unit_filter())
        typed = self.search.text().strip()
        words = typed.casefold().split()
        any_posts = bool(posts)
        if words:
            posts = tuple(p for p in posts if all(w in _post_text(p) for w in words))
            matching = tuple(
                o
                for o in reserve
                if all(w in _officer_text(o, self._unit_name(o.unit_id)) for w in words)
            )
            if matching or not reserve:
                # Said with what it was narrowed from: "0 personel" alone read as no reserve.
                self.reserve_title.setText(
                    _tr(
                        "Ca&dangan: {n} dari {all} personel cocok dengan \u201c{typed}\u201d"
                    ).format(n=len(matching), all=len(reserve), typed=typed)
                )
                reserve = matching
            else:
                # A kecamatan typed to find its posts matched nobody in the reserve: an empty
                # reserve left nobody to place there without clearing the search (the walk).
                self.reserve_title.setText(
                    _tr(
                        "Ca&dangan: {all} personel (tak ada yang cocok dengan "
                        "\u201c{typed}\u201d, semua ditampilkan)"
                    ).format(all=len(reserve), typed=typed)
                )
        else:
            self.reserve_title.setText(_tr("Ca&dangan: {n} personel").format(n=len(reserve)))
        self.posts.set_rows(list(posts))
        self.reserve.set_rows(list(reserve))
        short: dict[str, int] = {}
        for p in posts:
            if p.short:
                short[p.post.kecamatan] = short.get(p.post.kecamatan, 0) + p.short
        if short:
            # The largest first; every kecamatan in the tooltip (the line stays one or two).
            ranked = sorted(short.items(), key=lambda kv: (-kv[1], kv[0]))
            parts = ", ".join(f"{k} {n}" for k, n in ranked[:DEFICIT_SHOWN])
            if len(ranked) > DEFICIT_SHOWN:
                parts += _tr(", \u2026 dan {n} kecamatan lain").format(
                    n=len(ranked) - DEFICIT_SHOWN
                )
            self.deficit_label.setText(
                _tr("Kekurangan {n} personel di {k} kecamatan: {parts}.").format(
                    n=sum(short.values()), k=len(ranked), parts=parts
                )
            )
            # Beside the strength tab's deficit the two figures differ (the walk: 116 here,
            # 113 there), so the tooltip says what each counts.
            why = _tr(
                "Dihitung per pos: petugas yang masih kurang di tiap pos, dari personel yang "
                "sudah ditempatkan. Tab Kekuatan menghitung per Polres (seluruh personel "
                "terhadap kebutuhan), jadi angkanya dapat berbeda."
            )
            self.deficit_label.setToolTip("\n".join([why, "", *(f"{k}: {n}" for k, n in ranked)]))
            self.deficit_label.setStyleSheet(f"color: {theme.DEFICIT.name()}; font-weight: bold;")
        else:
            self.deficit_label.setToolTip("")
            if posts:
                empty = _tr("{n} pos, semuanya terisi penuh.").format(n=len(posts))
            elif any_posts:  # posts there are, none that the search finds
                empty = _tr("Tak ada pos yang cocok dengan \u201c{typed}\u201d.").format(
                    typed=typed
                )
            else:
                empty = _tr("Belum ada pos untuk tahapan ini: pilih Bentuk pos dari pola.")
            self.deficit_label.setText(empty)
            self.deficit_label.setStyleSheet(f"color: {theme.MUTED.name()};")
        if not self.posts_view.currentIndex().isValid() and self.posts.rowCount():
            self.posts_view.setCurrentIndex(self.posts.index(0, 0))  # shows its officers
        if narrowed:  # rows went above it: the list kept its offset, the chosen row out of view
            for view in (self.posts_view, self.reserve_view):
                if view.currentIndex().isValid():
                    view.scrollTo(view.currentIndex())
                else:
                    view.scrollToTop()
        self._post_chosen()

    def current_post(self) -> PostPlot | None:
        index = self.posts_view.currentIndex()
        return self.posts.row_at(index.row()) if index.isValid() else None

    def _post_chosen(self) -> None:
        post = self.current_post()
        self.officers.set_rows(list(post.officers) if post else [])
        self.post_title.setText(
            _tr("P&ersonel pos {number} {kecamatan}").format(
                number=post.post.number, kecamatan=post.post.kecamatan
            )
            if post
            else _tr("P&ersonel pos")
        )

    def select_post(self, post_id: int) -> None:
        row = self.posts.row_of(post_id)
        if row is not None:
            self.posts_view.setCurrentIndex(self.posts.index(row, 0))

    def chosen_people(self) -> list[int]:
        """The people chosen: officers of the post (selected rows), else the reserve's."""
        rows = sorted({i.row() for i in self.officers_view.selectionModel().selectedRows()})
        if rows and (self.officers_view.hasFocus() or not self._reserve_chosen()):
            return [self.officers.row(r).officer.id for r in rows]
        return [o.id for o in self._reserve_chosen()]

    def _reserve_chosen(self) -> list[Officer]:
        rows = {i.row() for i in self.reserve_view.selectionModel().selectedRows()}
        return [self.reserve.row(r) for r in sorted(rows)]

    def placed(self, personnel_id: int) -> Placed | None:
        post = self.current_post()
        return (
            next((p for p in post.officers if p.officer.id == personnel_id), None) if post else None
        )

    def seen(self, personnel_id: int) -> Seen:
        """The person's placement row as this window last knew it: as its own last write left
        it, until a read begun after that write lands, else as the read shown has it. A
        change of it expects to find this (a write's closure calls it on the write thread,
        after the writes before it, so that undoing two edits of one person in a row, or a
        second edit before the read lands, expects what the first left, not what was read).
        """
        left = self.own_writes.left(personnel_id)
        if left is not None:
            return left
        return next(
            (
                Seen(o.assignment_id, o.version)
                for p in self.all_posts()
                for o in p.officers
                if o.officer.id == personnel_id
            ),
            IN_RESERVE,
        )

    def note_left(self, personnel_id: int, row: Seen) -> None:
        """A write of this window left the person's placement so (called on the write
        thread, right after the write)."""
        self.own_writes.note(personnel_id, self._reads, row)

    def all_posts(self) -> tuple[PostPlot, ...]:
        return self.view.plotting.posts if self.view is not None else ()

    def busy(self) -> bool:
        """A write is on the write thread, or a read in the background."""
        return self.writes.busy or self._reading


def _post_text(p: PostPlot) -> str:
    parts = [p.post.kecamatan, *(t.label for t in p.post.tps)]
    parts += [_officer_text(o.officer) for o in p.officers]
    return " ".join(parts).casefold()


def _officer_text(o: Officer, unit: str = "") -> str:
    """What the search looks in for a person: name, NRP, rank, and the unit where the
    list shows it (the reserve's Satuan column)."""
    return f"{o.name} {o.nrp} {o.rank} {unit}".casefold()
