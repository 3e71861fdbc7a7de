"""The operation map: the operation's kabupaten/kota, with layers the user switches on and off.

Layers, each with its legend:

* vulnerability (Polri's ratings) of a stage, for one aspect or the highest across aspects,
  from the stages view's read (``opscenter.stage_view.stage_ratings``);
* Bawaslu's IKP (Indeks Kerawanan Pemilu) of the stage, from the same read, on its level's
  colour with its score: Bawaslu's measure of the election process, never mixed with Polri's;
* strength balance per Polres area: the board's figures (``Overview.strength``), over the
  regions each Polres answers for (``opscenter.units.unit_areas``): deficit red, surplus green;
* incidents of the stage as points (colour: severity; size: casualties), at their coordinates
  when recorded, else at their region's point (``opscenter.geo.places``: its own shape's,
  else the nearest above it), spread so that each is seen; of the period chosen under the map
  (the stage's by default) and up to the time slider's moment, which plays the period back
  (``ui.map_replay``);
* readiness per Polres area: each Polres's overall level in the readiness matrix
  (``opscenter.readiness.matrix.readiness``, the readiness panel's read and colours), read
  only while the layer is on and, on a live change, again only where the change moves it
  (``reuse=``/``changed=``);
* TPS per kecamatan: a small pie of their categories at each kecamatan's point (drawn once
  the map is zoomed in enough), the count in its hover text and the kabupaten/kota's total
  in the region's; from the strength's inputs (``opscenter.strength.load_inputs``:
  ``tps_groups``), read only while the layer is on; TPS not yet rated are a slice of their own;
* units: each Polri unit's headquarters as a small square in its status colour (the board's
  status colours, ``opscenter.board.units_on_map``) at its seat (``opscenter.units.unit_seats``:
  a Polsek at its kecamatan's point, a Polres at its kabupaten/kota's, Brimob and the Polda's
  staff at the Polda's, the Satgas too), the Polsek and Satgas only once zoomed in enough; the
  BKO in force for the stage as arrows from the lending to the receiving unit, as wide as
  the people lent; read only while the layer is on, a status change recoloured in place;
* TPS watch (pemantauan TPS) per kecamatan: the kecamatan's own shapes, each coloured by the
  share of its TPS that reached the step chosen beside the layer (by default the furthest any
  TPS has reached, or the last whose deadline passed: ``default_step``), a kecamatan with
  overdue TPS outlined in the deficit red, a disturbed one (an open incident linked to one of
  its TPS) with a red dot where its incidents sit; from ``opscenter.watch.progress.watch``,
  read only while the layer is on, again on every change of the watch, the steps, the
  incidents or the TPS (``opscenter.watch.progress.ENTITIES``) and every minute (a deadline
  passes without a change);
* region names.

The area layers colour the same polygons, so one of them shows at a time (the watch shows
the kecamatan instead of the kabupaten/kota, and hands them back when it goes off). Clicking a
region emits ``region_chosen`` (the operation page filters the incidents list to it);
clicking a point emits ``incident_chosen``. The read runs off the GUI thread
(``ui.worker.start_job``) and follows the journal through ``ui.live_updates``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
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
from sqlalchemy.orm import Session

from opscenter import incident_log, stage_view
from opscenter.board import UNIT_STATUS_FIELDS, UnitRow, UnitsOnMap, reload_units, units_on_map
from opscenter.clock import now as operation_now
from opscenter.errors import PASSING, NoOperation, NotFound
from opscenter.geo import Boundary, operation_boundaries
from opscenter.geo.places import Point, region_points, spread
from opscenter.geo.tps import TPS_ENTITIES, TpsRead, read_tps
from opscenter.incident_log import IncidentFilter, IncidentRow
from opscenter.incidents import degrees
from opscenter.live import JournalChanges
from opscenter.overview import Overview, UnitStrengthRow
from opscenter.progress import CancelToken, Job, Progress
from opscenter.readiness.matrix import Readiness, readiness
from opscenter.stage_view import Matrix, Timeline
from opscenter.store import Store
from opscenter.strength import UNRATED
from opscenter.units import unit_areas
from opscenter.watch.progress import ENTITIES as WATCH_ENTITIES
from opscenter.watch.progress import Area, Watch, watch
from opscenter.watch.steps import Step
from ui import theme
from ui.live_updates import LiveUpdates
from ui.map_replay import ReplayBar, TimedPoints
from ui.map_view import MapFlow, MapLegend, MapMark, MapPoint, MapUnit, MapView, colours
from ui.readiness_model import LEVEL_COLOURS, full_level, matters
from ui.translations import interface_language, translator

# Journal entities the map shows; a change to any of them re-reads the layers' data.
SHOWN = (
    "vulnerability_rating",
    "incident",
    "stage",
    "region",
    "aspect",
    "vulnerability_level",
    "severity",
    "unit",
    "unit_area",
    "bko_assignment",
    "operation",
    "region_boundary",  # Data > Impor batas wilayah: an imported shape wins over the shipped one
)
# Up to this many incidents changed at once are read on the GUI thread (a few rows), and
# only they; more (an import) re-read the layers in the background.
PRECISE_INCIDENTS = 20
# Entities that change the shapes themselves (read again only then).
SHAPES = ("region", "operation", "region_boundary")
# The watch layer's colours: the share of a kecamatan's TPS at the chosen step, in fifths
# (a sequential green, light to dark, read apart from the red of the alerts; the lightest
# still apart from the grey of a kecamatan without TPS).
WATCH_SHARES = ("#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c")
# The watch is read again this often without a change: a deadline passes on its own (06:00
# makes the TPS without guards overdue).
WATCH_REREAD_MS = 60_000
# Incidents at one place are spread on a small spiral around it (degrees), so each is seen.
SPREAD_DEG = 0.012
# Units at one seat (the Polda, Brimob, the staff) likewise, wider: their squares are larger.
UNIT_SPREAD_DEG = 0.05
# A unit's square (pixels) by echelon; the kinds drawn only once zoomed in enough.
UNIT_SIDES = {"polda": 15.0, "polres": 12.0, "polresta": 12.0, "polsek": 8.0, "subsatgas": 8.0}
UNIT_SIDE = 10.0
ZOOMED_KINDS = frozenset({"polsek", "satgas", "subsatgas"})


_tr = translator("MapPanel")


@dataclass(frozen=True)
class MapRead:
    """What one background read brings: plain data only."""

    timeline: Timeline
    stage_id: int | None  # the stage shown
    matrix: Matrix | None
    incidents: tuple[IncidentRow, ...]
    areas: Mapping[int, set[int]]  # Polres unit id -> kabupaten/kota ids
    # None: the shapes were not read again (unchanged since the last read).
    kabkota: Mapping[int, Boundary] | None = None
    # Region id -> where its incidents sit (``opscenter.geo.places``); read with the shapes.
    places: Mapping[int, Point] | None = None
    # The readiness matrix (None: the layer is off, so it was not read).
    readiness: Readiness | None = None
    # The TPS layer's figures (None: the layer is off, so they were not read).
    tps: TpsRead | None = None
    # The units layer's units and BKO (None: the layer is off, so they were not read).
    units: UnitsOnMap | None = None
    # The TPS watch (None: its layer is off, so it was not read).
    watch: Watch | None = None
    # The kecamatan's shapes, for the watch (None: not read again).
    kecamatan: Mapping[int, Boundary] | None = None


@dataclass
class _Shown:
    read: MapRead | None = None
    kabkota: Mapping[int, Boundary] = field(default_factory=dict)
    kecamatan: Mapping[int, Boundary] = field(default_factory=dict)
    places: Mapping[int, Point] = field(default_factory=dict)
    strength: tuple[UnitStrengthRow, ...] = ()


def read_map(
    session: Session,
    *,
    now: datetime,
    lang: str,
    stage_id: int | None,
    shapes: bool,
    with_readiness: bool = False,
    reuse: Readiness | None = None,
    changed: Collection[str] = (),
    with_tps: bool = False,
    reuse_tps: TpsRead | None = None,
    with_units: bool = False,
    with_watch: bool = False,
    kecamatan_shapes: bool = False,
) -> MapRead | None:
    """The map's data for the operation shown (None: there is none yet).

    ``with_readiness``: read the readiness matrix too (expensive at national scale), keeping
    what ``changed`` does not move from ``reuse`` (``readiness(reuse=...)``); ``with_tps``:
    the TPS per kecamatan, likewise from ``reuse_tps``; ``with_watch``: the TPS watch at
    ``now``, with the kecamatan's shapes when ``kecamatan_shapes``."""
    try:
        tl = stage_view.timeline(session, now=now, lang=lang)
    except (NoOperation, NotFound):
        return None
    if stage_id is not None and tl.stage(stage_id) is None:
        stage_id = None  # the chosen stage was deleted
    shown = stage_id if stage_id is not None else tl.current_stage_id
    if shown is None:
        voting = next((st for st in tl.stages if st.is_voting), None)
        shown = voting.id if voting else (tl.stages[0].id if tl.stages else None)
    op = tl.operation_id
    matrix = stage_view.stage_ratings(session, op, shown, lang=lang) if shown else None
    incidents = incident_log.query(session, op, IncidentFilter(stage_id=shown), lang=lang)
    matrix_read = (
        readiness(session, op, lang=lang, reuse=reuse, changed=changed) if with_readiness else None
    )
    return MapRead(
        timeline=tl,
        stage_id=shown,
        matrix=matrix,
        incidents=tuple(incidents),
        areas=unit_areas(session, op),
        kabkota=operation_boundaries(session, op, "kabkota") if shapes else None,
        places=region_points(session, op) if shapes else None,
        readiness=matrix_read,
        tps=(
            read_tps(
                session,
                op,
                lang=lang,
                inputs=matrix_read.inputs if matrix_read is not None else None,
                reuse=reuse_tps,
                changed=changed,
            )
            if with_tps
            else None
        ),
        units=units_on_map(session, op, shown, lang=lang) if with_units else None,
        watch=watch(session, op, now) if with_watch else None,
        kecamatan=(
            operation_boundaries(session, op, "kecamatan")
            if with_watch and kecamatan_shapes
            else None
        ),
    )


def default_step(read: Watch) -> Step | None:
    """The step the watch layer shows unless one is chosen: the furthest that any TPS has
    reached, or the last whose deadline has passed when that is further (the arrivals at
    06:00 when nobody has reported yet); the first when neither (None: no steps)."""
    if not read.steps:
        return None
    furthest = max((i for i, n in enumerate(read.reached) if n > 0), default=0)
    passed = [
        st.index for st in read.steps if (due := read.due(st)) is not None and due <= read.now
    ]
    return read.steps[max([furthest, *passed])]


def share_colour(share: float) -> QColor:
    """A share of TPS (0..1) on the watch layer's scale, in fifths."""
    return QColor(WATCH_SHARES[min(len(WATCH_SHARES) - 1, max(0, int(share * 5)))])


def balance_colour(balance: int) -> QColor:
    if balance < 0:
        return QColor(theme.DEFICIT)
    if balance > 0:
        return QColor(theme.SURPLUS)
    return QColor(theme.GOLD)


def flow_width(people: int) -> float:
    """A BKO arrow's width (pixels): 2.5 for one person, growing with the square root of
    the people lent, at most 8 (60 Brimob: 8)."""
    return min(8.0, 1.5 + math.sqrt(max(1, people)))


def incident_radius(row: IncidentRow) -> float:
    """4 px for none hurt, growing with the square root of the dead and injured."""
    return 4.0 + 2.0 * math.sqrt(max(0, row.dead) + max(0, row.injured))


class _Layer(QWidget):
    """A switch with the layer's legend under it."""

    def __init__(self, text: str, legend_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.switch = QCheckBox(text, self)
        self.legend = MapLegend(legend_title, self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 6)
        column.setSpacing(2)
        column.addWidget(self.switch)
        column.addWidget(self.legend)
        self.switch.toggled.connect(self.legend.setVisible)


class MapPanel(QFrame):
    """The operation map tab."""

    region_chosen = Signal(int)  # a region clicked: its id
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
        self._shown = _Shown()
        self._stage_id: int | None = None  # chosen; None: the stage in force
        self._shapes_stale = True
        self._codes: dict[int, str] = {}  # region id -> code on the map
        self._ids: dict[str, int] = {}
        # Where each incident's point sits, and how many sit at each place (``_point``).
        self._placed: dict[int, Point] = {}
        self._at_place: dict[Point, int] = {}
        self.live = LiveUpdates(
            self,
            apply=self._apply,
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
        self.aspect_box.activated.connect(lambda _i: self._recolour())
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
        self.home_action.triggered.connect(self.view.home)
        self.addAction(self.home_action)
        self.home_button = QPushButton(_tr("Seluruh &wilayah"), self)
        self.home_button.setToolTip(_tr("Tampilkan seluruh wilayah operasi (Home)"))
        self.home_button.clicked.connect(self.view.home)

        self.vulnerability = _Layer(_tr("&Kerawanan (Polri)"), _tr("Tingkat kerawanan"), self)
        self.bawaslu = _Layer(_tr("&IKP Bawaslu"), _tr("Kerawanan proses pemilihan"), self)
        self.strength = _Layer(_tr("Kekuatan pe&r Polres"), _tr("Selisih kekuatan"), self)
        self.readiness = _Layer(_tr("Kesiapan per P&olres"), _tr("Tingkat kesiapan"), self)
        self.incidents = _Layer(_tr("Ke&jadian"), _tr("Tingkat kejadian"), self)
        self.tps = _Layer(_tr("TPS per ke&camatan"), _tr("Kategori TPS"), self)
        # "Satuan": its letters are the menu bar's (s, a, t, u, n) or other layers'; g is free.
        self.units = _Layer(_tr("Satuan dan &gelar BKO"), _tr("Status satuan"), self)
        self.units.legend.setVisible(False)
        # No letter of "Pemantauan TPS" is free (the menu bar's, the other layers'): the
        # step's chooser beside it carries the layer's key.
        self.watch = _Layer(_tr("Pemantauan TPS"), _tr("TPS yang mencapai langkah"), self)
        self.watch.switch.setObjectName("mapWatchSwitch")
        self.watch_chooser = QWidget(self.watch)
        self.watch_step = QComboBox(self.watch_chooser)
        self.watch_step.setObjectName("mapWatchStep")
        # As wide as the legends under it, not as its longest step (the list shows them whole).
        self.watch_step.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.watch_step.setMinimumContentsLength(12)
        self.watch_step.activated.connect(self._watch_step_chosen)
        step_label = QLabel(_tr("&Langkah:"), self.watch_chooser)
        step_label.setBuddy(self.watch_step)
        step_label.setProperty("wallHide", True)
        chooser_row = QHBoxLayout(self.watch_chooser)
        chooser_row.setContentsMargins(20, 0, 0, 0)
        chooser_row.addWidget(step_label)
        chooser_row.addWidget(self.watch_step, 1)
        watch_column = self.watch.layout()
        assert isinstance(watch_column, QVBoxLayout)
        watch_column.insertWidget(1, self.watch_chooser)
        self.watch_chooser.setVisible(False)
        self.watch.switch.toggled.connect(self.watch_chooser.setVisible)
        self._watch_step_id: int | None = None  # chosen; None: ``default_step``
        self._regions_level = ""  # the level of the shapes in the view
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_REREAD_MS)
        self.watch_timer.timeout.connect(self._watch_tick)
        self.names = QCheckBox(_tr("Na&ma wilayah"), self)
        # The period of the incidents and the time slider that plays it back (under the map).
        self.replay = ReplayBar(self, over=self.view, clock=clock)
        self.replay.changed.connect(self._show_replay)
        self.addAction(self.replay.play_action)
        self._timed = TimedPoints()  # the incidents' points, held for the slider
        self.strength.legend.set_entries(
            [
                (balance_colour(-1), _tr("Kurang (defisit)")),
                (balance_colour(0), _tr("Pas")),
                (balance_colour(1), _tr("Lebih (surplus)")),
            ]
        )
        self.vulnerability.switch.setChecked(True)
        for layer in (*self.area_layers()[1:], self.tps):
            layer.legend.setVisible(False)
        self.incidents.switch.setChecked(True)
        self.names.setChecked(True)
        # The area layers colour the same polygons: switching one on switches the others off.
        for layer in self.area_layers():
            layer.switch.toggled.connect(lambda on, me=layer: self._exclusive(on, me))
            layer.switch.toggled.connect(lambda _on: self._recolour())
        self.readiness.switch.toggled.connect(self._readiness_switched)
        self.tps.switch.toggled.connect(self._tps_switched)
        self.units.switch.toggled.connect(self._units_switched)
        self.watch.switch.toggled.connect(self._watch_switched)
        theme.mode.changed.connect(self._restyle_units)  # the arrows' colour
        self.incidents.switch.toggled.connect(lambda _on: self._show_points())
        self.names.toggled.connect(self.view.set_names_shown)
        theme.mode.changed.connect(self._restyle)  # the legend's "not rated" is the land colour
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {theme.MUTED.name()};")

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.title, 1)
        top.addWidget(stage_label)
        top.addWidget(self.stage_box)
        top.addWidget(aspect_label)
        top.addWidget(self.aspect_box)
        top.addWidget(self.home_button)
        side = QWidget(self)
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.setSpacing(6)
        layers_title = QLabel(_tr("Lapisan"), side)
        layers_title.setFont(theme.scaled_font(self, 1.1, bold=True))
        side_column.addWidget(layers_title)
        for layer in (*self.area_layers(), self.incidents, self.tps, self.units):
            side_column.addWidget(layer)
        side_column.addWidget(self.names)
        side_column.addWidget(self.note)
        side_column.addStretch(1)
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
            self._regions_level = ""  # new shapes: drawn again below (``_show_regions``)
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
            self._regions_level = ""
        self._codes = {
            rid: b.code for shapes in (shown.kabkota, shown.kecamatan) for rid, b in shapes.items()
        }
        self._ids = {code: rid for rid, code in self._codes.items()}
        self._show_regions()
        self._fill_boxes(read)
        self._fill_watch_steps(read)
        self.replay.blockSignals(True)  # the points are shown below, once
        self.replay.set_timeline(read.timeline, read.stage_id)
        self.replay.blockSignals(False)
        self._recolour()
        self._show_marks()
        self._show_units()
        self._show_points()
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

    def area_layers(self) -> tuple[_Layer, ...]:
        """The layers that colour the polygons (one at a time)."""
        return (self.vulnerability, self.bawaslu, self.strength, self.readiness, self.watch)

    def _show_regions(self) -> None:
        """The kecamatan while the watch is on (and their shapes are read), else the
        kabupaten/kota; built again only when the level or the shapes changed, the view kept
        where the user moved it."""
        shown = self._shown
        level = "kecamatan" if self.watch.switch.isChecked() and shown.kecamatan else "kabkota"
        if level == self._regions_level:
            return
        kept = bool(self._regions_level)  # a swap of levels, not new shapes
        self._regions_level = level
        shapes = shown.kecamatan if level == "kecamatan" else shown.kabkota
        boxes = [b.bbox for b in shown.kabkota.values()]
        home = (
            (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
            if boxes
            else None
        )
        self.view.set_regions(shapes.values(), home=home, keep_view=kept)

    def _exclusive(self, on: bool, layer: _Layer) -> None:
        if on:
            for other in self.area_layers():
                if other is not layer:
                    other.switch.setChecked(False)

    def _readiness_switched(self, on: bool) -> None:
        """The matrix is read only while its layer is on, and let go when it goes off (the
        changes it would follow meanwhile are not read)."""
        read = self._shown.read
        if not on and read is not None:
            self._shown.read = replace(read, readiness=None)
        elif on and (read is None or read.readiness is None):
            self._read()

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
        self._show_regions()
        self._recolour()

    def _watch_tick(self) -> None:
        """A minute passed: read the watch again (its overdue TPS), while it is seen."""
        if self.watch.switch.isChecked() and self.isVisible() and not self.live.held:
            self._read(changed=("tps_watch",), moves_readiness=False)

    def _fill_watch_steps(self, read: MapRead) -> None:
        box = self.watch_step
        box.blockSignals(True)
        box.clear()
        if read.watch is not None:
            for st in read.watch.steps:
                box.addItem(f"{st.key}. {st.label(self._lang)}", st.id)
            step = self.watch_shown_step()
            box.setCurrentIndex(max(0, box.findData(step.id if step else None)))
        box.blockSignals(False)
        self.fit_layers()  # the chooser and the legend filled: the column fits them

    def _watch_step_chosen(self, index: int) -> None:
        self._watch_step_id = self.watch_step.itemData(index)
        self._recolour()

    def watch_shown_step(self) -> Step | None:
        """The step the layer colours by: the one chosen, else ``default_step`` (which moves
        on as the day goes)."""
        read = self._shown.read
        progress = read.watch if read is not None else None
        if progress is None:
            return None
        chosen = next((st for st in progress.steps if st.id == self._watch_step_id), None)
        return chosen or default_step(progress)

    def watch_text(self, area: Area, step: Step) -> str:
        """A kecamatan's line: "Kecamatan X: 41 dari 52 TPS petugas tiba (79%), 3 terlambat,
        1 gangguan" (the kecamatan's name as the operation lists it)."""
        return _tr(
            "{kecamatan}: {reached} dari {total} TPS {step} ({share}%), "
            "{overdue} terlambat, {disturbed} gangguan"
        ).format(
            kecamatan=area.name,
            reached=area.reached[step.index],
            total=area.total,
            step=_inside(step.label(self._lang)),
            share=round(100 * area.share(step.index)),
            overdue=area.overdue,
            disturbed=area.disturbed,
        )

    def watch_fills(self) -> tuple[dict[str, QColor], dict[str, str]]:
        """Kecamatan code -> the colour of the share of its TPS at the step shown, and its
        line (``watch_text``)."""
        fills: dict[str, QColor] = {}
        figures: dict[str, str] = {}
        read = self._shown.read
        progress = read.watch if read is not None else None
        step = self.watch_shown_step()
        if progress is None or step is None:
            return fills, figures
        for area in progress.kecamatan:
            code = self._codes.get(area.id)
            if code is None or not area.total:
                continue
            fills[code] = share_colour(area.share(step.index))
            figures[code] = self.watch_text(area, step)
        return fills, figures

    def watch_alerts(self) -> tuple[dict[str, QColor], dict[str, QColor]]:
        """Kecamatan with overdue TPS (outlined) and disturbed ones (dotted), by code: red,
        as the map and the board mark a deficit and a serious incident."""
        read = self._shown.read
        progress = read.watch if read is not None else None
        if progress is None:
            return {}, {}
        red = QColor(theme.DEFICIT)
        codes = [(self._codes.get(a.id), a) for a in progress.kecamatan]
        return (
            {code: red for code, a in codes if code is not None and a.overdue},
            {code: red for code, a in codes if code is not None and a.disturbed},
        )

    def watch_legend(self) -> tuple[list[tuple[QColor, str]], list[str]]:
        """The share's fifths, no TPS, and the two alerts; with their swatches' kinds."""
        entries = [
            (QColor(colour), f"{20 * i}\u2013{20 * i + 19}%" if i < 4 else "80\u2013100%")
            for i, colour in enumerate(WATCH_SHARES)
        ]
        entries += [
            (colours().land, _tr("Tanpa TPS")),
            (QColor(theme.DEFICIT), _tr("Ada TPS terlambat")),
            (QColor(theme.DEFICIT), _tr("Ada gangguan (kejadian terbuka di TPS)")),
        ]
        return entries, ["area"] * (len(entries) - 2) + ["outline", "point"]

    def show_overview(self, overview: Overview) -> None:
        """The board's strength figures (the operation page hands each overview here)."""
        if overview.strength_loaded:
            self._shown.strength = tuple(overview.strength)
            if self.strength.switch.isChecked():
                self._recolour()
            if self.units.switch.isChecked():
                self._show_units()  # the units' hover text counts their strength

    def _rated_regions(self) -> Iterator[tuple[Matrix, int, str]]:
        """The stage's ratings with each kabupaten/kota that has a shape: (matrix, region
        id, its code on the map)."""
        read = self._shown.read
        matrix = read.matrix if read else None
        for region in matrix.regions if matrix is not None else ():
            code = self._codes.get(region.id)
            if matrix is not None and code is not None:
                yield matrix, region.id, code

    def vulnerability_fills(self) -> tuple[dict[str, QColor], dict[str, str]]:
        """Region code -> colour of its level (the chosen aspect, or the highest), and the
        figures under its name."""
        fills: dict[str, QColor] = {}
        figures: dict[str, str] = {}
        aspect = self.aspect_box.currentData()
        for matrix, region_id, code in self._rated_regions():
            if aspect is None:
                level = matrix.highest(region_id)
            else:
                cell = matrix.cell(region_id, aspect)
                level = matrix.level(cell.level_id) if cell else None
            lines = [_tr("Kerawanan, {stage}:").format(stage=matrix.stage.name)]
            for a in matrix.aspects:
                cell = matrix.cell(region_id, a.id)
                value = matrix.level(cell.level_id).name if cell else _tr("belum dinilai")
                lines.append(f"  {a.name}: {value}")
            figures[code] = "\n".join(lines)
            if level is not None:
                fills[code] = QColor(level.colour)
        return fills, figures

    def bawaslu_fills(self) -> tuple[dict[str, QColor], dict[str, str]]:
        """Region code -> the colour of the level of Bawaslu's IKP for the stage, and its
        score (Bawaslu's own measure: never mixed with Polri's ratings)."""
        fills: dict[str, QColor] = {}
        figures: dict[str, str] = {}
        locale = QLocale()
        for matrix, region_id, code in self._rated_regions():
            rating = matrix.bawaslu(region_id)
            if rating is None:
                figures[code] = _tr("IKP Bawaslu, {stage}: belum ada").format(
                    stage=matrix.stage.name
                )
                continue
            level = matrix.level(rating.level_id)
            fills[code] = QColor(level.colour)
            score = locale.toString(rating.score, "f", 1) if rating.score is not None else "\u2014"
            figures[code] = _tr("IKP Bawaslu, {stage}: {score} ({level})").format(
                stage=matrix.stage.name, score=score, level=level.name
            )
        return fills, figures

    def strength_fills(self) -> tuple[dict[str, QColor], dict[str, str]]:
        """Region code -> the balance colour of the Polres answering for it."""
        read = self._shown.read
        fills: dict[str, QColor] = {}
        figures: dict[str, str] = {}
        if read is None:
            return fills, figures
        for row in self._shown.strength:
            for region_id in read.areas.get(row.unit_id, ()):
                code = self._codes.get(region_id)
                if code is None:
                    continue
                fills[code] = balance_colour(row.balance)
                figures[code] = _tr(
                    "{unit}: kekuatan {available}, kebutuhan {required}, selisih {balance:+d}"
                ).format(
                    unit=row.name,
                    available=row.police_available,
                    required=row.police_required,
                    balance=row.balance,
                )
        return fills, figures

    def _tps_switched(self, on: bool) -> None:
        """The TPS counts are read only while their layer is on, and let go when it goes off
        (the changes they would follow meanwhile are not read)."""
        if self._layer_read(on, "tps"):
            return
        self._recolour()  # the regions' hover text gains or loses its TPS line
        self._show_marks()

    def tps_legend(self, tps: TpsRead) -> list[tuple[QColor, str]]:
        return [(QColor(colour), name) for _id, name, colour in tps.categories] + [
            (QColor(theme.MUTED), _tr("Belum dinilai"))
        ]

    def tps_marks(self) -> list[MapMark]:
        """A pie of TPS categories at each kecamatan's point; the hover text counts them."""
        read = self._shown.read
        tps = read.tps if read else None
        if tps is None:
            return []
        legend = self.tps_legend(tps)
        keys = [cat_id for cat_id, _name, _colour in tps.categories] + [UNRATED]
        marks = []
        for kecamatan, counts in tps.mix.items():
            place = self._shown.places.get(kecamatan)
            if place is None:
                continue
            total = sum(counts.values())
            lines = [
                _tr("{kecamatan}: {n} TPS").format(
                    kecamatan=tps.kecamatan.get(kecamatan, ""), n=total
                )
            ]
            shares = []
            for key, (colour, name) in zip(keys, legend, strict=True):
                if counts.get(key):
                    shares.append((colour, counts[key]))
                    lines.append(f"  {name}: {counts[key]}")
            marks.append(MapMark(kecamatan, place[0], place[1], tuple(shares), "\n".join(lines)))
        return marks

    def tps_figures(self) -> dict[str, str]:
        """Region code -> its TPS and kecamatan count (a line of the hover text)."""
        read = self._shown.read
        tps = read.tps if read else None
        if tps is None:
            return {}
        totals: dict[int, list[int]] = {}
        for kecamatan, counts in tps.mix.items():
            kabkota = tps.inputs.kecamatan_kabkota.get(kecamatan)
            if kabkota is not None:
                sums = totals.setdefault(kabkota, [0, 0])
                sums[0] += sum(counts.values())
                sums[1] += 1
        return {
            code: _tr("TPS: {n} di {k} kecamatan").format(n=n, k=k)
            for region_id, (n, k) in totals.items()
            if (code := self._codes.get(region_id)) is not None
        }

    def _show_marks(self) -> None:
        on = self.tps.switch.isChecked()
        self.view.set_marks(self.tps_marks() if on else [])
        read = self._shown.read
        if read is not None and read.tps is not None:
            self.tps.legend.set_entries(self.tps_legend(read.tps), points=True)

    def readiness_fills(self) -> tuple[dict[str, QColor], dict[str, str]]:
        """Region code -> the colour of the overall readiness level of the Polres answering
        for it (its worst aspect, as the readiness matrix rolls it up)."""
        read = self._shown.read
        fills: dict[str, QColor] = {}
        figures: dict[str, str] = {}
        matrix = read.readiness if read else None
        if read is None or matrix is None:
            return fills, figures
        for unit in matrix.units:
            level = unit.level
            for region_id in read.areas.get(unit.unit_id, ()):
                code = self._codes.get(region_id)
                if code is None:
                    continue
                if level in LEVEL_COLOURS:
                    fills[code] = QColor(LEVEL_COLOURS[level])
                figures[code] = _tr("Kesiapan {unit}: {level}").format(
                    unit=unit.name, level=full_level(level)
                )
        return fills, figures

    def _restyle(self, _night: bool) -> None:
        self._recolour()

    def _recolour(self) -> None:
        read = self._shown.read
        if self.vulnerability.switch.isChecked():
            fills, figures = self.vulnerability_fills()
        elif self.bawaslu.switch.isChecked():
            fills, figures = self.bawaslu_fills()
        elif self.strength.switch.isChecked():
            fills, figures = self.strength_fills()
        elif self.readiness.switch.isChecked():
            fills, figures = self.readiness_fills()
        elif self.watch.switch.isChecked():
            fills, figures = self.watch_fills()
        else:
            fills, figures = {}, {}
        if self.tps.switch.isChecked():
            for code, line in self.tps_figures().items():
                figures[code] = f"{figures[code]}\n{line}" if code in figures else line
        self.view.set_fills(fills)
        self.view.set_figures(figures)
        self.view.set_alerts(*(self.watch_alerts() if self.watch.switch.isChecked() else ({}, {})))
        entries, kinds = self.watch_legend()
        self.watch.legend.set_entries(entries, kinds=kinds)
        matrix = read.matrix if read else None
        if matrix is not None:
            self.vulnerability.legend.set_entries(
                [(QColor(lv.colour), lv.name) for lv in matrix.levels]
                + [(colours().land, _tr("Belum dinilai"))]
            )
            self.bawaslu.legend.set_entries(
                [(QColor(lv.colour), lv.name) for lv in matrix.levels]
                + [(colours().land, _tr("Belum ada IKP"))]
            )
        self.readiness.legend.set_entries(
            [(QColor(colour), full_level(level)) for level, colour in LEVEL_COLOURS.items()]
            + [(colours().land, full_level(None))]
        )

    def _units_switched(self, on: bool) -> None:
        """The units and their BKO are read only while their layer is on, and let go when
        it goes off (the changes they would follow meanwhile are not read)."""
        if not self._layer_read(on, "units"):
            self._show_units()

    def _layer_read(self, on: bool, layer: Literal["tps", "units"]) -> bool:
        """A layer switched: its part of the read is let go when it goes off, and read when
        it comes on without it. True: a read was started (it draws the layer when it lands)."""
        read = self._shown.read
        if not on and read is not None:
            let_go = replace(read, tps=None) if layer == "tps" else replace(read, units=None)
            self._shown.read = let_go
        elif on and (read is None or getattr(read, layer) is None):
            self._read()
            return True
        return False

    def flow_colour(self) -> QColor:
        """The BKO arrows' colour (the map's hover colour: navy by day, gold at night)."""
        return QColor(colours().hover)

    def units_legend(self, units: UnitsOnMap) -> list[tuple[QColor, str]]:
        return (
            [(QColor(st.colour), st.name) for st in units.statuses]
            + [(QColor(theme.MUTED), _tr("Belum ada status"))]
            + [
                (
                    self.flow_colour(),
                    _tr("Panah: BKO dari satuan pemberi ke penerima, setebal jumlah personel"),
                )
            ]
        )

    def unit_places(self) -> dict[int, Point]:
        """Unit id -> where its square sits: its seat's point; units at one seat on a
        spiral around it, in the board's order (the commands nearest)."""
        read = self._shown.read
        units = read.units if read else None
        if units is None:
            return {}
        rows = [r for r in units.rows if units.seats.get(r.id) in self._shown.places]
        places = [self._shown.places[units.seats[r.id]] for r in rows]
        return {
            r.id: spot
            for r, spot in zip(rows, spread(places, UNIT_SPREAD_DEG), strict=True)
            if spot is not None
        }

    def unit_marks(self) -> tuple[list[MapUnit], list[MapFlow]]:
        """Each placed unit's square and each BKO's arrow, with their hover texts."""
        read = self._shown.read
        units = read.units if read else None
        if units is None:
            return [], []
        names = {r.id: r.name for r in units.rows}
        strength = {row.unit_id: row for row in self._shown.strength}
        incoming: dict[int, list[str]] = {}
        outgoing: dict[int, list[str]] = {}
        flows = []
        for src, dst, people in units.bko:
            lender, receiver = names.get(src, "?"), names.get(dst, "?")
            incoming.setdefault(dst, []).append(
                _tr("BKO masuk: {n} personel dari {unit}").format(n=people, unit=lender)
            )
            outgoing.setdefault(src, []).append(
                _tr("BKO keluar: {n} personel ke {unit}").format(n=people, unit=receiver)
            )
            flows.append(
                MapFlow(
                    src,
                    dst,
                    flow_width(people),
                    _tr("BKO {n} personel: {lender} \u2192 {receiver}").format(
                        n=people, lender=lender, receiver=receiver
                    ),
                )
            )
        places = self.unit_places()
        marks = []
        for row in units.rows:
            place = places.get(row.id)
            if place is None:
                continue
            lines = [row.name, _tr("Status: {status}").format(status=self._status_name(row))]
            figures = strength.get(row.id)
            if figures is not None:
                lines.append(
                    _tr("Kekuatan {available}, kebutuhan {required}, selisih {balance:+d}").format(
                        available=figures.police_available,
                        required=figures.police_required,
                        balance=figures.balance,
                    )
                )
            lines += incoming.get(row.id, []) + outgoing.get(row.id, [])
            marks.append(
                MapUnit(
                    row.id,
                    place[0],
                    place[1],
                    self.unit_colour(row),
                    side=UNIT_SIDES.get(row.kind, UNIT_SIDE),
                    text="\n".join(lines),
                    always=row.kind not in ZOOMED_KINDS,
                )
            )
        return marks, flows

    @staticmethod
    def unit_colour(row: UnitRow) -> QColor:
        """A unit's square: its status's colour (the board's), muted without a status."""
        return QColor(row.status_colour) if row.status_colour else QColor(theme.MUTED)

    @staticmethod
    def _status_name(row: UnitRow) -> str:
        return row.status_name or _tr("(belum ada)")

    def _restyle_units(self, _night: bool) -> None:
        self._show_units()

    def _show_units(self) -> None:
        read = self._shown.read
        units = read.units if read else None
        on = self.units.switch.isChecked() and units is not None
        self.view.set_units(*(self.unit_marks() if on else ([], [])))
        if units is not None:
            self.units.legend.set_entries(self.units_legend(units))

    def _recolour_units(self, read: MapRead, units: UnitsOnMap, ids: frozenset[int]) -> bool:
        """Units whose status changed (only that): read those here and redraw the squares;
        False when one of them is new or moved under another parent (read everything)."""
        with self._store.read() as s:
            found = {
                r.id: r
                for r in reload_units(
                    s, ids, operation_id=read.timeline.operation_id, lang=self._lang
                )
            }
        rows = {r.id: r for r in units.rows}
        if any(
            uid not in rows or uid not in found or found[uid].parent_id != rows[uid].parent_id
            for uid in ids
        ):
            return False
        kept = tuple(found.get(r.id, r) for r in units.rows)
        self._shown.read = replace(read, units=replace(units, rows=kept))
        self._show_units()
        return True

    def _place(self, row: IncidentRow) -> Point | None:
        """Where an incident without coordinates is drawn: its region's point
        (``opscenter.geo.places``)."""
        return self._shown.places.get(row.region_id) if row.region_id is not None else None

    @staticmethod
    def _coordinates(row: IncidentRow) -> Point | None:
        """Where it happened, when it was recorded: (lon, lat)."""
        lon, lat = degrees(row.longitude_e6), degrees(row.latitude_e6)
        return (float(lon), float(lat)) if lon is not None and lat is not None else None

    def _shown_on_map(self, row: IncidentRow) -> bool:
        return self._coordinates(row) is not None or self._place(row) is not None

    def incident_points(self) -> list[MapPoint]:
        """Every incident of the read as a point; incidents at one place sit on a small
        spiral around it, oldest nearest, so each keeps its spot as new ones arrive."""
        read = self._shown.read
        self._placed, self._at_place = {}, {}
        if read is None:
            return []
        rows = sorted(read.incidents, key=lambda r: (r.occurred_at, r.id))
        # Those with coordinates sit on them; the others share their region's point.
        places = [None if self._coordinates(row) else self._place(row) for row in rows]
        points = []
        for row, place, spot in zip(rows, places, spread(places, SPREAD_DEG), strict=True):
            if place is not None and spot is not None:
                self._placed[row.id] = spot
                self._at_place[place] = self._at_place.get(place, 0) + 1
            if self._shown_on_map(row):
                points.append(self._point(row))
        self._show_severities()
        return points

    def _point(self, row: IncidentRow) -> MapPoint:
        """The point of an incident: at its coordinates; without them where it was placed
        before, else the next spot on its region's spiral."""
        spot = self._coordinates(row) or self._placed.get(row.id)
        if spot is None:
            place = self._place(row)
            assert place is not None
            n = self._at_place.get(place, 0)
            self._at_place[place] = n + 1
            # The next spot on the place's spiral (a new incident: a few at a time).
            spot = spread([place] * (n + 1), SPREAD_DEG)[n] or place
            self._placed[row.id] = spot
        when = row.occurred_local.strftime("%d-%m-%Y %H:%M")
        return MapPoint(
            row.id,
            spot[0],
            spot[1],
            QColor(row.severity_colour),
            radius=incident_radius(row),
            text=f"{row.code} {row.title}\n{row.severity_name} · {row.region_name} · {when}",
        )

    def _show_severities(self) -> None:
        read = self._shown.read
        # Low to high, as the severity scale runs.
        severities = {
            r.severity_rank: (r.severity_colour, r.severity_name)
            for r in (read.incidents if read else ())
        }
        self.incidents.legend.set_entries(
            [(QColor(colour), name) for _rank, (colour, name) in sorted(severities.items())],
            points=True,
        )

    def _show_points(self) -> None:
        if not self.incidents.switch.isChecked():
            self._timed.hold(())
            self.view.set_points([])
            return
        points = self.incident_points()
        read = self._shown.read
        when = {row.id: row.occurred_at for row in (read.incidents if read else ())}
        self._timed.hold((when[p.id], p.id) for p in points)
        self.view.set_points(points)
        self._show_replay()

    def _show_replay(self) -> None:
        """The slider or the period moved: the view draws the points of the period up to
        the slider's time (no read, no points handed again: ``MapView.show_points``)."""
        start = self.replay.start()
        if start is not None:
            self.view.show_points(*self._timed.window(start, self.replay.until()))

    # ---- input --------------------------------------------------------------------------

    def _stage_chosen(self, index: int) -> None:
        self._stage_id = self.stage_box.itemData(index)
        self._read()

    def _region_clicked(self, code: str) -> None:
        region_id = self._ids.get(code)
        if region_id is not None:
            self.region_chosen.emit(region_id)

    def region_code(self, region_id: int) -> str | None:
        return self._codes.get(region_id)

    def boundary(self, region_id: int) -> Boundary | None:
        """The shape a kabupaten/kota is drawn with (None: it has none)."""
        return self._shown.kabkota.get(region_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.view.geometry().contains(self.mapFromGlobal(event.globalPos())):
            super().contextMenuEvent(event)
            return
        menu = QMenu(self)
        menu.addAction(self.home_action)
        menu.exec(event.globalPos())

    # ---- live ---------------------------------------------------------------------------

    def apply_changes(self, changes: JournalChanges) -> None:
        self.live.deliver(changes)

    def _apply(self, changes: JournalChanges) -> None:
        read = self._shown.read
        readiness_moved = (
            (
                self.readiness.switch.isChecked()
                and read is not None
                and read.readiness is not None
                and matters(changes)
            )
            or (
                self.tps.switch.isChecked()
                and read is not None
                and read.tps is not None
                and any(entity in changes for entity in TPS_ENTITIES)
            )
            or (
                self.watch.switch.isChecked()
                and read is not None
                and read.watch is not None
                and any(entity in changes for entity in WATCH_ENTITIES)
            )
        )
        if not readiness_moved and not any(entity in changes for entity in SHOWN):
            return
        units = read.units if read is not None else None
        unit_fields = changes.fields.get("unit")
        if (
            read is not None
            and units is not None
            and not readiness_moved
            and set(changes.rows) & set(SHOWN) == {"unit"}
            and unit_fields is not None
            and unit_fields <= UNIT_STATUS_FIELDS
            and self._recolour_units(read, units, changes.ids("unit"))
        ):
            return
        ids = changes.ids("incident")
        only_incidents = set(changes.rows) & set(SHOWN) == {"incident"}
        if (
            read is not None
            and only_incidents
            and not readiness_moved
            and len(ids) <= PRECISE_INCIDENTS
        ):
            self._reread_incidents(read, ids)
            return
        if any(entity in changes for entity in SHAPES):
            self._shapes_stale = True
        self._read(changed=tuple(changes.rows), moves_readiness=matters(changes))

    def _reread_incidents(self, read: MapRead, ids: frozenset[int]) -> None:
        """A few incidents changed (one recorded, one closed): read those here and redraw
        the points; the layers' other data stands."""
        with self._store.read() as s:
            found = incident_log.query(
                s,
                read.timeline.operation_id,
                IncidentFilter(stage_id=read.stage_id),
                ids=ids,
                lang=self._lang,
            )
        kept = tuple(r for r in read.incidents if r.id not in ids)
        self._shown.read = replace(read, incidents=kept + tuple(found))
        if not self.incidents.switch.isChecked():
            return
        shown = [row for row in found if self._shown_on_map(row)]
        removed = ids - {row.id for row in shown}
        self.view.update_points([self._point(row) for row in shown], removed=removed)
        # Drawn only within the period and up to the slider's time (live at its end).
        self._timed.update([(row.occurred_at, row.id) for row in shown], removed)
        self._show_replay()
        self._show_severities()


def _inside(label: str) -> str:
    """A step's name inside a sentence: "diterima PPK", not "Diterima PPK" nor "diterima ppk"
    (its first letter only, so an acronym stays as written)."""
    return label[:1].lower() + label[1:]
