"""The operation map: the operation's kabupaten/kota, with layers the user switches on and off
(``ui.map_layer_switches``, each with its legend):

* vulnerability (Polri's ratings) of a stage, Bawaslu's IKP of the stage (never mixed with
  Polri's), strength balance and readiness per Polres area (``ui.map_area_fills``);
* incidents of the stage as points (``ui.map_incidents``), of the period chosen under the map
  (the stage's by default) and up to the time slider's moment, which plays the period back
  (``ui.map_replay``);
* TPS per kecamatan: a small pie of their categories at each kecamatan's point, drawn once the
  map is zoomed in enough (``ui.map_tps``);
* units: each Polri unit's headquarters at its seat, the Polsek and Satgas only once zoomed in
  enough, and the BKO in force for the stage as arrows (``ui.map_units``); a status change is
  recoloured in place;
* TPS watch (pemantauan TPS) per kecamatan (``ui.map_watch``): read again on every change of
  the watch, the steps, the incidents or the TPS (``opscenter.watch.progress.ENTITIES``) and
  every minute (a deadline passes without a change);
* region names.

The readiness matrix, the TPS, the units and the watch are read only while their layer is on;
on a live change the matrix and the TPS are read again only where the change moves them
(``reuse=``/``changed=``). The area layers colour the same polygons, so one of them shows at a
time (the watch shows the kecamatan instead of the kabupaten/kota, and hands them back when it
goes off). Clicking a region chooses it: it is outlined and the strip over the map names it
with the figures of the layers shown, and ``region_chosen`` is emitted; nothing else changes.
A click on the sea, or Esc on the map, lets it go (the other tabs' filter stays). A region
chosen stays chosen when the level drawn changes (the watch draws the kecamatan): outlined
over the other level, its card with what the layers give for it (the watch summed over a
kabupaten's kecamatan).
Only the strip's button (or the map's context menu) filters the other tabs to it, through
``region_filter_wanted`` (the operation page sets the units board's and the incidents list's
region boxes), and the same button or *Seluruh wilayah* (Home) takes that filter off again:
a click in passing must not quietly narrow what the duty officer sees elsewhere (the walk:
a Tebo click left the board on Polres Tebo, unnoticed). Clicking a point emits
``incident_chosen``. The read (``ui.map_read``) runs off
the GUI thread (``ui.worker.start_job``) and follows the journal through ``ui.live_updates``
(what a change does: ``ui.map_updates``); ``ui.map_presenter`` puts what is read on the view
and the legends. This module lays out the widgets, reads, and answers the switches.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import datetime
from typing import Literal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from opscenter.clock import now as operation_now
from opscenter.errors import PASSING
from opscenter.geo import Boundary
from opscenter.live import JournalChanges
from opscenter.overview import Overview
from opscenter.progress import CancelToken, Job, Progress
from opscenter.store import Store
from opscenter.watch.steps import Step
from ui import theme
from ui.live_updates import LiveUpdates
from ui.map_incidents import IncidentPoints
from ui.map_layer_switches import MapLayers
from ui.map_layers import MapFlow, MapPoint, MapUnit
from ui.map_presenter import MapPresenter
from ui.map_read import MapRead, MapShown, read_map
from ui.map_region_card import RegionCard, one_line
from ui.map_replay import ReplayBar
from ui.map_units import unit_marks
from ui.map_updates import MapUpdates
from ui.map_view import MapView
from ui.map_watch import WATCH_REREAD_MS, shown_step
from ui.translations import interface_language, translator

_tr = translator("MapPanel")


class MapPanel(QFrame):
    """The operation map tab."""

    region_chosen = Signal(int)  # a region clicked: its id (chosen on the map only)
    # The user asked to filter the other tabs to a region (its id), or to stop (None).
    region_filter_wanted = Signal(object)
    incident_chosen = Signal(int)  # an incident clicked: its id
    read_shown = Signal()  # a read landed and the map shows it (tests, benches)

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = operation_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapPanel")
        self._store, self._clock = store, clock
        self._lang = interface_language()
        self._shown = MapShown()
        self._stage_id: int | None = None  # chosen; None: the stage in force
        self._filtered: int | None = None  # the region the other tabs were filtered to
        self._shapes_stale = True
        self._incident_points = IncidentPoints(self._shown)
        self.updates = MapUpdates(self)
        self.live = LiveUpdates(
            self,
            apply=self.updates.apply,
            reload=self.reload,
            loaded=lambda: self._shown.read is not None,
            name="map panel",
        )

        self.title = QLabel(_tr("Peta operasi"), self)
        self.title.setFont(theme.scaled_font(self, 1.3, bold=True))
        self.title.setProperty("wallHide", True)
        self.stage_box = QComboBox(self)
        self.stage_box.setObjectName("mapStageBox")
        self.stage_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.stage_box.activated.connect(self._stage_chosen)
        self.aspect_box = QComboBox(self)
        self.aspect_box.setObjectName("mapAspectBox")
        self.aspect_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        stage_label = QLabel(_tr("Ta&hapan:"), self)
        stage_label.setBuddy(self.stage_box)
        aspect_label = QLabel(_tr("A&spek:"), self)
        aspect_label.setBuddy(self.aspect_box)
        for label in (stage_label, aspect_label):
            label.setProperty("wallHide", True)  # their boxes are hidden on the wall

        self.view = MapView(self)
        self.view.regionClicked.connect(self._region_clicked)
        self.view.pointClicked.connect(self.incident_chosen)
        self.home_action = QAction(_tr("&Seluruh wilayah operasi"), self)
        self.home_action.setObjectName("mapHomeAction")
        self.home_action.setShortcut(QKeySequence(Qt.Key.Key_Home))
        self.home_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.home_action.triggered.connect(self.show_all)
        self.addAction(self.home_action)
        self.home_button = QPushButton(_tr("Seluruh &wilayah"), self)
        self.home_button.setObjectName("mapHomeButton")
        self.home_button.setToolTip(
            _tr("Tampilkan seluruh wilayah operasi dan lepas saringan wilayah (Home)")
        )
        self.home_button.clicked.connect(self.show_all)
        # The region chosen: its name and figures, and the one way to filter the other tabs.
        self.region_card = RegionCard(self.view)
        self.region_name, self.region_info = self.region_card.name, self.region_card.info
        self.filter_button = self.region_card.button
        self.filter_button.clicked.connect(self.toggle_filter)
        self.filter_action = QAction(self)
        self.filter_action.setObjectName("mapRegionFilterAction")
        self.filter_action.triggered.connect(self.toggle_filter)
        self.view.selectionChanged.connect(self._show_selection)

        side = self.layer_column = MapLayers(self)
        self.vulnerability, self.bawaslu, self.strength = (
            side.vulnerability,
            side.bawaslu,
            side.strength,
        )
        self.readiness, self.incidents, self.tps = side.readiness, side.incidents, side.tps
        self.units, self.watch, self.watch_step = side.units, side.watch, side.watch_step
        self.names, self.note = side.names, side.note
        self.watch_step.activated.connect(self._watch_step_chosen)
        self._watch_step_id: int | None = None  # chosen; None: ``default_step``
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_REREAD_MS)
        self.watch_timer.timeout.connect(self._watch_tick)
        # The period of the incidents and the time slider that plays it back (under the map).
        self.replay = ReplayBar(self, over=self.view, clock=clock)
        self.presenter = shows = MapPresenter(
            self.view,
            side,
            self._shown,
            self.replay,
            self._incident_points,
            aspect=self.aspect_box.currentData,
            watch_step=self.watch_shown_step,
            lang=self._lang,
        )
        self.replay.changed.connect(shows.show_replay)
        self.aspect_box.activated.connect(lambda _i: shows.recolour())
        for layer in side.area_layers():
            layer.switch.toggled.connect(lambda _on: shows.recolour())
        self.readiness.switch.toggled.connect(self._readiness_switched)
        self.tps.switch.toggled.connect(self._tps_switched)
        self.units.switch.toggled.connect(self._units_switched)
        self.watch.switch.toggled.connect(self._watch_switched)
        self.incidents.switch.toggled.connect(lambda _on: shows.show_points())
        self.names.toggled.connect(self.view.set_names_shown)
        theme.mode.changed.connect(self._restyle)

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.title, 1)
        top.addWidget(stage_label)
        top.addWidget(self.stage_box)
        top.addWidget(aspect_label)
        top.addWidget(self.aspect_box)
        top.addWidget(self.home_button)
        scroll = self.layers = QScrollArea(self)
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fit_layers()
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.view, 1)
        body.addWidget(scroll)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addLayout(top)
        column.addLayout(body, 1)
        column.addWidget(self.replay)
        self._show_selection()
        self.reload()

    def fit_layers(self) -> None:
        """The layers' column as wide as its switches and legends (again after the type
        changed: the wall's page)."""
        side = self.layers.widget()
        assert side is not None
        self.layers.setFixedWidth(side.sizeHint().width() + 40)

    # ---- reading ------------------------------------------------------------------------

    def loaded(self) -> bool:
        return self._shown.read is not None

    @property
    def map_read(self) -> MapRead | None:
        return self._shown.read

    def reload(self) -> None:
        """Read everything again, the shapes too, off the GUI thread."""
        self._shapes_stale = True
        self._read()

    def _read(
        self, changed: Collection[str] | None = None, *, moves_readiness: bool = True
    ) -> None:
        """Read the layers' data again; ``changed``: the journal entities changed since the
        read shown (the readiness matrix keeps what they do not move); ``moves_readiness``
        False: they cannot move the matrix at all (a unit's status), which is kept as it is."""
        job = self._job(shapes=self._shapes_stale, changed=changed, moves_readiness=moves_readiness)
        if not self.loaded():  # an empty sea until the first read lands: say why
            self.note.setText(_tr("Membaca peta\u2026"))

        def failed(error: BaseException) -> None:
            self.note.setText(
                _tr("Peta tidak dapat dibaca; sebentar lagi dicoba lagi.")
                if isinstance(error, PASSING)
                else _tr("Peta tidak dapat dibaca; dicoba lagi pada perubahan berikutnya.")
            )

        whole = changed is None  # else the layers the changes move, the rest kept
        self.live.read(job, self.show_read, failed=failed, what="map read", whole=whole)

    def _job(
        self, *, shapes: bool, changed: Collection[str] | None = None, moves_readiness: bool = True
    ) -> Job[MapRead | None]:
        store, now, lang, stage = self._store, self._clock(), self._lang, self._stage_id
        with_readiness = self.readiness.switch.isChecked()
        with_tps = self.tps.switch.isChecked()
        with_units = self.units.switch.isChecked()
        with_watch = self.watch.switch.isChecked()
        kecamatan_shapes = shapes or not self._shown.kecamatan
        read = self._shown.read
        reuse = read.readiness if read is not None and changed is not None else None
        reuse_tps = read.tps if read is not None and changed is not None else None
        entities = tuple(changed or ())
        kept = reuse if with_readiness and not moves_readiness else None

        def job(_progress: Progress, _cancel: CancelToken) -> MapRead | None:
            with store.read() as s:
                result = read_map(
                    s,
                    now=now,
                    lang=lang,
                    stage_id=stage,
                    shapes=shapes,
                    with_readiness=with_readiness and kept is None,
                    reuse=reuse,
                    changed=entities,
                    with_tps=with_tps,
                    reuse_tps=reuse_tps,
                    with_units=with_units,
                    with_watch=with_watch,
                    kecamatan_shapes=kecamatan_shapes,
                )
            return replace(result, readiness=kept) if kept and result is not None else result

        return job

    def show_read(self, read: MapRead | None) -> None:
        shown = self._shown
        shown.read = read
        if read is None:
            self.note.setText(_tr("Belum ada operasi."))
            return
        if read.kabkota is not None:
            self._shapes_stale = False
            shown.kabkota = read.kabkota
            shown.places = read.places or {}
            shown.kecamatan = {}  # read again with them when the watch shows them
            self.presenter.new_shapes()  # drawn again below (``show_regions``)
            missing = (
                len(read.matrix.regions) - len(shown.kabkota) if read.matrix is not None else 0
            )
            self.note.setText(
                _tr(
                    "{n} kabupaten/kota tanpa batas wilayah (kode Kemendagri tidak dikenal)."
                ).format(n=missing)
                if missing > 0
                else ""
            )
        if read.kecamatan is not None:
            shown.kecamatan = read.kecamatan
            self.presenter.new_shapes()
        shown.codes = {
            rid: b.code for shapes in (shown.kabkota, shown.kecamatan) for rid, b in shapes.items()
        }
        shown.ids = {code: rid for rid, code in shown.codes.items()}
        self.presenter.show_regions()
        self._fill_boxes(read)
        self.layer_column.fill_watch_steps(read.watch, self.watch_shown_step(), self._lang)
        self.fit_layers()  # the chooser and the legend filled: the column fits them
        self.replay.blockSignals(True)  # the points are shown below, once
        self.replay.set_timeline(read.timeline, read.stage_id)
        self.replay.blockSignals(False)
        self.presenter.recolour()
        self.presenter.show_marks()
        self.presenter.show_units()
        self.presenter.show_points()
        self.read_shown.emit()

    def _fill_boxes(self, read: MapRead) -> None:
        for box in (self.stage_box, self.aspect_box):
            box.blockSignals(True)
        kept_aspect = self.aspect_box.currentData()
        self.stage_box.clear()
        for st in read.timeline.stages:
            self.stage_box.addItem(st.name, st.id)
        self.stage_box.setCurrentIndex(max(0, self.stage_box.findData(read.stage_id)))
        self.aspect_box.clear()
        self.aspect_box.addItem(_tr("Semua aspek (tertinggi)"), None)
        for aspect in read.matrix.aspects if read.matrix else ():
            self.aspect_box.addItem(aspect.name, aspect.id)
        self.aspect_box.setCurrentIndex(max(0, self.aspect_box.findData(kept_aspect)))
        for box in (self.stage_box, self.aspect_box):
            box.blockSignals(False)

    # ---- the layers ---------------------------------------------------------------------

    def _restyle(self, _night: bool) -> None:
        """Night or day: the arrows' colour, and the legend's "not rated" (the land colour)."""
        self.presenter.show_units()
        self.presenter.recolour()

    def _layer_read(self, on: bool, layer: Literal["readiness", "tps", "units"]) -> bool:
        """A layer switched: its part of the read is let go when it goes off (the changes it
        would follow meanwhile are not read), and read when it comes on without it. True: a
        read was started (it draws the layer when it lands)."""
        read = self._shown.read
        if not on and read is not None:
            if layer == "readiness":
                self._shown.read = replace(read, readiness=None)
            elif layer == "tps":
                self._shown.read = replace(read, tps=None)
            else:
                self._shown.read = replace(read, units=None)
        elif on and (read is None or getattr(read, layer) is None):
            self._read()
            return True
        return False

    def _readiness_switched(self, on: bool) -> None:
        """The matrix is read only while its layer is on (expensive at national scale)."""
        self._layer_read(on, "readiness")

    def _tps_switched(self, on: bool) -> None:
        """The TPS counts are read only while their layer is on."""
        if self._layer_read(on, "tps"):
            return
        self.presenter.recolour()  # the regions' hover text gains or loses its TPS line
        self.presenter.show_marks()

    def _units_switched(self, on: bool) -> None:
        """The units and their BKO are read only while their layer is on."""
        if not self._layer_read(on, "units"):
            self.presenter.show_units()

    def show_overview(self, overview: Overview) -> None:
        """The board's strength figures (the operation page hands each overview here)."""
        if overview.strength_loaded:
            self._shown.strength = tuple(overview.strength)
            if self.strength.switch.isChecked():
                self.presenter.recolour()
            if self.units.switch.isChecked():
                self.presenter.show_units()  # the units' hover text counts their strength

    # ---- the TPS watch -------------------------------------------------------------------

    def _watch_switched(self, on: bool) -> None:
        """The watch is read only while its layer is on, and let go when it goes off; the
        kecamatan's shapes are kept (read once)."""
        read = self._shown.read
        if on:
            self.watch_timer.start()
        else:
            self.watch_timer.stop()
        if not on and read is not None:
            self._shown.read = replace(read, watch=None)
        elif on and (read is None or read.watch is None or not self._shown.kecamatan):
            self._read()
            return
        self.presenter.show_regions()
        self.presenter.recolour()

    def _watch_tick(self) -> None:
        """A minute passed: read the watch again (its overdue TPS), while it is seen."""
        if self.watch.switch.isChecked() and self.isVisible() and not self.live.held:
            self._read(changed=("tps_watch",), moves_readiness=False)

    def _watch_step_chosen(self, index: int) -> None:
        self._watch_step_id = self.watch_step.itemData(index)
        self.presenter.recolour()

    def watch_shown_step(self) -> Step | None:
        """The step the layer colours by: the one chosen, else ``default_step`` (which moves
        on as the day goes)."""
        return shown_step(self._shown, self._watch_step_id)

    # ---- units and incidents ------------------------------------------------------------

    def unit_marks(self) -> tuple[list[MapUnit], list[MapFlow]]:
        """Each placed unit's square and each BKO's arrow (``ui.map_units.unit_marks``)."""
        return unit_marks(self._shown)

    def incident_points(self) -> list[MapPoint]:
        """Every incident of the read as a point (``MapPresenter.incident_points``)."""
        return self.presenter.incident_points()

    # ---- input --------------------------------------------------------------------------

    def _stage_chosen(self, index: int) -> None:
        self._stage_id = self.stage_box.itemData(index)
        self._read()

    def _region_clicked(self, code: str) -> None:
        region_id = self._shown.ids.get(code)
        if region_id is not None:
            self.view.set_selected(code)
            self.region_chosen.emit(region_id)

    def select_region(self, region_id: int | None) -> None:
        """Choose a region as a click does (None: none); the other tabs are left as they are."""
        self.view.set_selected(self._shown.codes.get(region_id) if region_id is not None else None)

    def selected_region(self) -> int | None:
        code = self.view.selected()
        return self._shown.ids.get(code) if code is not None else None

    def filtered_region(self) -> int | None:
        """The region the other tabs were filtered to from here (None: they were not)."""
        return self._filtered

    def toggle_filter(self) -> None:
        """Filter the other tabs to the region chosen, or, when they already are, stop."""
        chosen = self.selected_region()
        if self._filtered is not None and self._filtered == chosen:
            self.set_filtered(None)
            self.region_filter_wanted.emit(None)
        elif chosen is not None:
            self.set_filtered(chosen)
            self.region_filter_wanted.emit(chosen)

    def set_filtered(self, region_id: int | None) -> None:
        """What the other tabs are filtered to (the operation page says so when the user
        changed their region boxes there); nothing is emitted."""
        self._filtered = region_id
        self._show_selection()

    def show_all(self) -> None:
        """*Seluruh wilayah* (Home): the whole area, no region chosen, and the other tabs'
        region filter set from here taken off."""
        self.view.home()
        self.view.set_selected(None)
        if self._filtered is not None:
            self.set_filtered(None)
            self.region_filter_wanted.emit(None)

    def _name(self, region_id: int) -> str:
        code = self._shown.codes.get(region_id)
        return self.view.region_text(code)[0] if code is not None else ""

    def _show_selection(self) -> None:
        """The card on the map: the region chosen, its figures, the filter's state."""
        chosen = self.selected_region()
        filtered = self._filtered
        code = self.view.selected()
        name, figures = self.view.region_text(code) if code is not None else ("", "")
        lines = [one_line(figures)] if figures.strip() else []
        if filtered is not None and filtered != chosen:
            lines.append(
                _tr("Papan satuan dan Kejadian disaring ke {name}").format(
                    name=self._name(filtered)
                )
            )
        self.region_card.show_text(name, "\n".join(lines))
        if filtered is not None and filtered == chosen:
            text = _tr("Lepas saringan wila&yah di tab lain")
            tip = _tr("Papan satuan dan Kejadian kembali menampilkan semua wilayah")
        else:
            text = _tr("Saring tab lain ke wila&yah ini")
            tip = _tr("Papan satuan dan Kejadian hanya menampilkan wilayah ini")
        for widget in (self.filter_button, self.filter_action):
            widget.setText(text)
            widget.setToolTip(tip)
            widget.setEnabled(chosen is not None)
        self.filter_button.setVisible(chosen is not None)

    def region_code(self, region_id: int) -> str | None:
        return self._shown.codes.get(region_id)

    def boundary(self, region_id: int) -> Boundary | None:
        """The shape a kabupaten/kota is drawn with (None: it has none)."""
        return self._shown.kabkota.get(region_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.view.geometry().contains(self.mapFromGlobal(event.globalPos())):
            super().contextMenuEvent(event)
            return
        menu = QMenu(self)
        menu.addAction(self.filter_action)
        menu.addAction(self.home_action)
        menu.exec(event.globalPos())

    # ---- live ---------------------------------------------------------------------------

    def apply_changes(self, changes: JournalChanges) -> None:
        self.live.deliver(changes)
