"""The map's incidents over a period, and a time slider that plays the period back.

The period is the stage's own by default (its first day's midnight to its end, or to now
while it runs); the user narrows it to today, the last 24 hours, or a from/to pair. The
slider runs over the period: at its end the layer is live (every incident of the period,
new ones as they are recorded); anywhere before, only the incidents that had occurred by the
slider's time are drawn, and a coloured badge says the map shows the past, so that a replay
is never read as the present.

The style of a replay (chosen here): the incidents of the last tenth of the period before the
slider's time (``TRAIL_SHARE``, at least ``TRAIL_MIN``) are drawn as they are, the older ones
faded (``ui.map_layers.DIM_ALPHA``), so the eye follows what has just happened.

Filtering never reads the database: the panel hands the view its points once per read, and
each slider step is three bisections on the held times (``TimedPoints``) and the ids they
cut handed to the view (``MapView.show_points``: masks over the points it holds), measured at
national scale in ``bench/map.py``.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QHideEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from opscenter.clock import now as operation_now
from opscenter.operations import local_text
from opscenter.stage_view import Timeline
from ui import theme
from ui.actions import keys_text
from ui.form_parts import put_instant, typed_instant
from ui.translations import translator

# A play back takes this long from the period's start to its end, in ticks of TICK_MS.
PLAY_MS = 6_000
TICK_MS = 40
# Before the slider's time, this share of the period (at least TRAIL_MIN) is drawn in full.
TRAIL_SHARE = 0.1
TRAIL_MIN = timedelta(hours=1)
# The badge of a map showing the past: a colour no severity or level uses.
PAST_COLOUR = QColor("#6a1b9a")
# Arrow-key steps tried, finest first (minutes): the first that crosses the period in at most
# STEPS_ACROSS presses; Page Up/Down move ten of them.
NICE_STEPS = (1, 5, 15, 30, 60, 180, 360, 720, 1440, 2880, 10080)
STEPS_ACROSS = 120
PLAY_KEYS = "Ctrl+Shift+P"
SHOWN_FORMAT = "%d-%m-%Y %H:%M"


_tr = translator("MapReplay")


class PeriodKind(enum.Enum):
    STAGE = "stage"
    TODAY = "today"
    DAY = "day"  # the last 24 hours
    RANGE = "range"  # from/to, chosen


@dataclass(frozen=True)
class Period:
    """An interval of the operation's time (UTC-aware). ``live``: it runs to now, so at its
    end the map shows every incident as it comes (``end`` is now as of the last look)."""

    start: datetime
    end: datetime
    live: bool

    @property
    def minutes(self) -> int:
        return max(0, int((self.end - self.start).total_seconds() // 60))


def replay_period(
    kind: PeriodKind,
    timeline: Timeline,
    stage_id: int | None,
    now: datetime,
    chosen: tuple[datetime, datetime] | None = None,
) -> Period:
    """The period ``kind`` means at ``now``: the stage's (from its start to its end, or to
    now while it runs; a stage still to come is an empty period at its start), today's
    (local midnight to now), the last 24 hours, or the ``chosen`` pair (to now at most)."""
    if kind is PeriodKind.TODAY:
        zone = ZoneInfo(timeline.timezone)
        midnight = datetime.combine(now.astimezone(zone).date(), time(0), zone)
        return Period(midnight, now, True)
    if kind is PeriodKind.RANGE and chosen is not None:
        lo, hi = chosen
        return Period(lo, min(hi, now), hi >= now) if lo < min(hi, now) else Period(lo, lo, False)
    stage = timeline.stage(stage_id) if kind is PeriodKind.STAGE else None
    if stage is None or stage.starts_at is None:
        return Period(now - timedelta(hours=24), now, True)
    if stage.starts_at >= now:
        return Period(stage.starts_at, stage.starts_at, True)
    if stage.ends_at is not None and stage.ends_at <= now:
        return Period(stage.starts_at, stage.ends_at, False)
    return Period(stage.starts_at, now, True)


class TimedPoints:
    """The ids of the incidents on the map in the order they occurred, and which of them a
    moment of the replay shows (no database read: the panel read the rows already)."""

    def __init__(self) -> None:
        self._times: list[datetime] = []
        self._ids = np.zeros(0, dtype=np.int64)

    def hold(self, timed: Iterable[tuple[datetime, int]]) -> None:
        pairs = sorted(timed)
        self._times = [t for t, _id in pairs]
        self._ids = np.fromiter((pid for _t, pid in pairs), dtype=np.int64, count=len(pairs))

    def update(self, changed: Sequence[tuple[datetime, int]], removed: Iterable[int] = ()) -> None:
        """Ids added or moved in time, and ids removed (a live incident: a few; each put in
        its place, the others not sorted again)."""
        gone = set(removed) | {pid for _t, pid in changed}
        drop = np.isin(self._ids, np.fromiter(gone, dtype=np.int64, count=len(gone)))
        if drop.any():
            self._times = [t for t, out in zip(self._times, drop, strict=True) if not out]
            self._ids = self._ids[~drop]
        for t, pid in sorted(changed):
            at = bisect.bisect_right(self._times, t)
            self._times.insert(at, t)
            self._ids = np.insert(self._ids, at, pid)

    def __len__(self) -> int:
        return len(self._times)

    def window(self, start: datetime, until: datetime | None) -> tuple[np.ndarray, np.ndarray]:
        """The ids that occurred from ``start`` up to ``until`` (None: no end), and those of
        them older than ``until``'s trail (drawn faded; none without an end)."""
        lo = bisect.bisect_left(self._times, start)
        if until is None:
            return self._ids[lo:], self._ids[:0]
        hi = bisect.bisect_right(self._times, until)
        trail = max(TRAIL_MIN, (until - start) * TRAIL_SHARE)
        cut = min(hi, max(lo, bisect.bisect_right(self._times, until - trail)))
        return self._ids[lo:hi], self._ids[lo:cut]


class TimeSlider(QSlider):
    """A horizontal slider that keeps its keys (Home and End move it, not the map's Home)."""

    KEYS = (
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
    )

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in self.KEYS
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()
            return True
        return super().event(event)


class ReplayBar(QWidget):
    """Period, play/pause and the time slider, under the map; the badge that says the map
    shows the past sits on the map itself (``over``: its top left corner), where the eye
    is. Ctrl+Shift+P (``play_action``) plays and pauses wherever the focus is in the window
    while the bar shows: on the map tab, after Ctrl+6 (which leaves the focus on the tab
    row) as after a click on the map; the bar hidden (another tab, the wall) takes it off."""

    changed = Signal()  # the period or the slider's time moved: the points to show changed
    finished = Signal()  # a play back reached the period's end

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        over: QWidget | None = None,
        clock: Callable[[], datetime] = operation_now,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.setObjectName("mapReplay")
        self.setProperty("wallHide", True)  # nobody plays the wall back: it stays live
        self._timeline: Timeline | None = None
        self._stage_id: int | None = None
        self._now = datetime.min
        self._period: Period | None = None
        self._step = 0.0  # minutes per tick while playing
        self._position = 0.0  # minutes from the start while playing (not rounded)
        self.play_ms = PLAY_MS  # how long a play back takes

        self.period_box = QComboBox(self)
        self.period_box.setObjectName("mapPeriodBox")
        self.period_box.addItem(_tr("Tahapan terpilih"), PeriodKind.STAGE)
        self.period_box.addItem(_tr("Hari ini"), PeriodKind.TODAY)
        self.period_box.addItem(_tr("24 jam terakhir"), PeriodKind.DAY)
        self.period_box.addItem(_tr("Rentang waktu…"), PeriodKind.RANGE)
        self.period_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_box.activated.connect(self._period_chosen)
        period_label = QLabel(_tr("P&eriode:"), self)
        period_label.setBuddy(self.period_box)
        self.from_edit = QDateTimeEdit(self)
        self.to_edit = QDateTimeEdit(self)
        self.until_label = QLabel(_tr("s.d."), self)
        for edit, name in ((self.from_edit, _tr("Dari")), (self.to_edit, _tr("Sampai"))):
            edit.setDisplayFormat("dd-MM-yyyy HH:mm")
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.editingFinished.connect(self._range_edited)
        self.play_button = QPushButton(self)
        self.play_button.setObjectName("mapPlayButton")
        self.play_button.clicked.connect(self.toggle_play)
        self.play_action = QAction(_tr("Putar ulang kejadian / jeda"), self)
        self.play_action.setObjectName("mapPlayAction")
        self.play_action.setShortcut(QKeySequence(PLAY_KEYS))
        self.play_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.play_action.triggered.connect(self.toggle_play)
        self.addAction(self.play_action)
        self.slider = TimeSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("mapTimeSlider")
        self.slider.setAccessibleName(_tr("Waktu putar ulang kejadian"))
        self.slider.valueChanged.connect(self._moved)
        self.slider.sliderPressed.connect(self.pause)
        self.time_label = QLabel(self)
        self.time_label.setObjectName("mapTimeLabel")
        self.past_badge = QLabel(over or self)
        self.past_badge.setObjectName("mapPastBadge")
        self._restyle()
        theme.mode.changed.connect(self._restyle)
        self.past_badge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.past_badge.move(8, 8)
        self.past_badge.setVisible(False)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._show_play()

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for w in (period_label, self.period_box, self.from_edit, self.until_label, self.to_edit):
            row.addWidget(w)
        row.addWidget(self.play_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        if over is None:
            row.addWidget(self.past_badge)
        self._show_range_edits()

    def _restyle(self, _night: bool = False) -> None:
        self.past_badge.setStyleSheet(theme.chip_style(PAST_COLOUR) + " font-weight: bold;")

    # ---- the period ---------------------------------------------------------------------

    def kind(self) -> PeriodKind:
        kind = self.period_box.currentData()
        return kind if isinstance(kind, PeriodKind) else PeriodKind.STAGE

    def set_timeline(self, timeline: Timeline, stage_id: int | None) -> None:
        """A read landed: the period again from its stage and its time (the slider stays at
        its end, or at its time in the past while that is in the new period)."""
        self._timeline, self._stage_id, self._now = timeline, stage_id, timeline.now
        self._set_period(keep=True)

    def period(self) -> Period | None:
        return self._period

    def _chosen_range(self) -> tuple[datetime, datetime] | None:
        if self._timeline is None:
            return None
        zone = ZoneInfo(self._timeline.timezone)
        return typed_instant(self.from_edit, zone), typed_instant(self.to_edit, zone)

    def _show_range_edits(self) -> None:
        ranged = self.kind() is PeriodKind.RANGE
        for w in (self.from_edit, self.until_label, self.to_edit):
            w.setVisible(ranged)

    def _period_chosen(self, _index: int) -> None:
        if self.kind() is PeriodKind.RANGE and self._period is not None:
            # The range starts as the period shown, for the user to narrow.
            self._put_range(self._period)
        self._show_range_edits()
        self._set_period(keep=False)

    def _put_range(self, period: Period) -> None:
        if self._timeline is None:
            return
        zone = ZoneInfo(self._timeline.timezone)
        for edit, at in ((self.from_edit, period.start), (self.to_edit, period.end)):
            put_instant(edit, at, zone)

    def set_range(self, start: datetime, end: datetime) -> None:
        """Show the incidents from ``start`` to ``end`` (aware): the "from/to" period."""
        self.period_box.setCurrentIndex(self.period_box.findData(PeriodKind.RANGE))
        self._show_range_edits()
        self._put_range(Period(start, end, False))
        self._set_period(keep=False)

    def _range_edited(self) -> None:
        if self.kind() is PeriodKind.RANGE:
            self._set_period(keep=False)

    def _set_period(self, *, keep: bool) -> None:
        if self._timeline is None:
            return
        before = self.until() if keep else None
        self._period = period = replay_period(
            self.kind(), self._timeline, self._stage_id, self._now, self._chosen_range()
        )
        span = period.minutes
        step = next((s for s in NICE_STEPS if span / s <= STEPS_ACROSS), NICE_STEPS[-1])
        self.slider.blockSignals(True)
        self.slider.setRange(0, span)
        self.slider.setSingleStep(step)
        self.slider.setPageStep(10 * step)
        at = span
        if before is not None and period.start <= before < period.end:
            at = int((before - period.start).total_seconds() // 60)
        self.slider.setValue(at)
        self.slider.blockSignals(False)
        for w in (self.slider, self.play_button):
            w.setEnabled(span > 0)
        if span == 0:
            self.pause()
        self._show_time()
        self.changed.emit()

    # ---- the slider's time --------------------------------------------------------------

    def at_end(self) -> bool:
        return self.slider.value() >= self.slider.maximum()

    def live(self) -> bool:
        """The map shows the present: the slider at the end of a period that runs to now."""
        return self._period is None or (self._period.live and self.at_end())

    def start(self) -> datetime | None:
        return self._period.start if self._period is not None else None

    def until(self) -> datetime | None:
        """The slider's time (None: live, no end: new incidents appear)."""
        period = self._period
        if period is None or self.live():
            return None
        if self.at_end():
            return period.end
        return period.start + timedelta(minutes=self.slider.value())

    def set_time(self, at: datetime) -> None:
        """Move the slider to ``at`` (within the period)."""
        period = self._period
        if period is not None:
            self.slider.setValue(int((at - period.start).total_seconds() // 60))

    def _moved(self, _value: int) -> None:
        self._show_time()
        self.changed.emit()

    def _show_time(self) -> None:
        period, timeline = self._period, self._timeline
        if period is None or timeline is None:
            self.time_label.setText("")
            self.past_badge.setVisible(False)
            return
        until = self.until()
        shown = local_text(until or period.start, timeline.timezone, SHOWN_FORMAT)
        if until is None:
            # Live: no time of its own (it would age while the map stays live).
            self.time_label.setText(_tr("Langsung, sejak {at}").format(at=shown))
        else:
            self.time_label.setText(_tr("s.d. {at}").format(at=shown))
        chosen = self._chosen_range() if self.kind() is PeriodKind.RANGE else None
        if chosen is not None and period.minutes == 0:
            self.time_label.setText(
                _tr("Periode kosong: waktu sampai harus sesudah waktu dari.")
                if chosen[1] <= chosen[0]
                else _tr("Periode kosong: waktu dari belum tiba.")
            )
        self.time_label.setToolTip(
            _tr("Periode {start} s.d. {end}").format(
                start=local_text(period.start, timeline.timezone, SHOWN_FORMAT),
                end=local_text(period.end, timeline.timezone, SHOWN_FORMAT),
            )
        )
        if until is not None:
            self.past_badge.setText(
                _tr("MASA LALU: kejadian s.d. {at}, bukan keadaan saat ini").format(at=shown)
            )
            self.past_badge.adjustSize()
        self.past_badge.setVisible(until is not None)

    # ---- play back ----------------------------------------------------------------------

    def playing(self) -> bool:
        return self.timer.isActive()

    def toggle_play(self) -> None:
        if self.playing():
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """From the start (or from where it stands in the past) to the end, over
        ``play_ms``."""
        span = self.slider.maximum()
        if span <= 0:
            return
        if self._period is not None and self._period.live:
            self._now = self._clock()  # a live period played back runs to this moment
            self._set_period(keep=True)
        if self.at_end():
            self.slider.setValue(0)
        self._position = float(self.slider.value())
        self._step = max(1.0, span * TICK_MS / self.play_ms)
        self.timer.start()
        self._show_play()

    def pause(self) -> None:
        self.timer.stop()
        self._show_play()

    def _tick(self) -> None:
        self._position = min(self._position + self._step, float(self.slider.maximum()))
        self.slider.setValue(round(self._position))
        if self.at_end():
            self.pause()
            self.finished.emit()

    def _show_play(self) -> None:
        playing = self.timer.isActive()
        # No Alt letter: every letter of it is the menu bar's or another map control's
        # (g is the units layer's); Ctrl+Shift+P plays and pauses, its tooltip says so.
        self.play_button.setText(_tr("Jeda putar ulang") if playing else _tr("Putar ulang"))
        self.play_button.setToolTip(
            _tr("Putar ulang kejadian periode ini ({keys})").format(keys=keys_text((PLAY_KEYS,)))
        )

    def hideEvent(self, event: QHideEvent) -> None:
        self.pause()  # a hidden map does not play on
        super().hideEvent(event)
