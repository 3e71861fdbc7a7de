"""The TPS watch's wall page (pemantauan TPS): progress per Polres, read across the room.

One large row per Polres, the operation's total above them: its TPS, a bar per step as
long as the share of its TPS that reached the step (in the map's watch greens), and its
overdue and disturbed TPS, red when there are any. The figures are
``opscenter.watch.progress.watch``, read off the GUI thread, again on every journal change
that moves them (``opscenter.watch.progress.ENTITIES``) and every minute (a deadline passes
without any change: 06:00 makes the TPS without guards overdue).

The page paints itself: its type follows the wall's (``ui.wall_type.scale_fonts`` sets the
widget's font), grows where there is room and shrinks where the rows would not fit; more
Polres than fit at a readable size turn a page every ``ui.wall_read_only.PAGE_SECONDS``.
Night: the night theme's text and surface (``ui.theme``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from opscenter.clock import now as operation_now
from opscenter.errors import NoOperation
from opscenter.live import JournalChanges
from opscenter.operations import get_operation, zone_label
from opscenter.progress import CancelToken, Progress
from opscenter.shares import percent
from opscenter.store import Store
from opscenter.watch.progress import ENTITIES, Area, Watch, watch
from ui import theme
from ui.live_updates import LiveUpdates
from ui.map_watch import WATCH_REREAD_MS, WATCH_SHARES
from ui.translations import interface_language, translator
from ui.wall_read_only import PAGE_SECONDS, page_note

# A row is never lower than this many times the type's height (below it: pages), never
# higher than ROW_MAX; the header takes HEADER_LINES (the time, the steps' names in
# HEADING_LINES, a gap). The type is the widget's (the wall's) times at most MAX_TYPE where there is
# room, at least MIN_TYPE where there is not.
ROW_LINES = 1.6
ROW_MAX = 2.6
HEADING_LINES = 3
HEADING_TYPE = 0.8
HEADER_LINES = 4.4
MAX_TYPE = 1.5
MIN_TYPE = 0.55


_tr = translator("WatchWall")


@dataclass(frozen=True)
class WallRow:
    """One row as drawn: the total or a Polres."""

    name: str
    total: int
    shares: tuple[float, ...]  # per step, 0..1
    overdue: int
    disturbed: int
    rect: QRectF  # where it was drawn (widget pixels)


@dataclass(frozen=True)
class _Layout:
    font: QFont
    bold: QFont
    heading: QFont  # the steps' names: a little smaller, in up to HEADING_LINES
    line: float  # the type's height
    name_w: float  # the columns' widths
    count_w: float
    step_w: float
    text_w: float  # a step's "100%", right of its bar
    flag_w: float  # overdue, disturbed


class WatchWall(QWidget):
    """The watch's wall page (see the module docstring)."""

    read_shown = Signal()  # a read landed and is drawn (tests)

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = operation_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("watchWall")
        self._store, self._clock = store, clock
        self._lang = interface_language()
        self._watch: Watch | None = None
        self._missing = False  # no operation yet
        self._page = 0
        self._pages = 1
        self.rows_drawn: list[WallRow] = []
        self.texts_drawn: list[str] = []
        self.type_drawn = QFont()
        self.live = LiveUpdates(
            self,
            apply=self._apply,
            reload=self.reload,
            loaded=lambda: self._watch is not None or self._missing,
            name="watch wall",
        )
        self.reread_timer = QTimer(self)
        self.reread_timer.setInterval(WATCH_REREAD_MS)
        self.reread_timer.timeout.connect(self._tick)
        self.reread_timer.start()
        self.page_timer = QTimer(self)
        self.page_timer.setInterval(int(PAGE_SECONDS * 1000))
        self.page_timer.timeout.connect(self.next_page)
        self.page_timer.start()
        theme.mode.changed.connect(self._restyle)
        self.reload()

    # ---- reading ------------------------------------------------------------------------

    @property
    def progress(self) -> Watch | None:
        return self._watch

    def loaded(self) -> bool:
        return self._watch is not None or self._missing

    def reload(self) -> None:
        """Read the watch again, off the GUI thread."""
        store, now = self._store, self._clock()

        def job(_progress: Progress, _cancel: CancelToken) -> Watch | None:
            with store.read() as s:
                try:
                    op = get_operation(s)
                except NoOperation:
                    return None
                return watch(s, op.id, now)

        def landed(result: Watch | None) -> None:
            self._watch, self._missing = result, result is None
            self.update()
            self.read_shown.emit()

        self.live.read(job, landed, what="watch wall read")

    def _apply(self, changes: JournalChanges) -> None:
        if any(entity in changes for entity in ENTITIES):
            self.reload()

    def _tick(self) -> None:
        if self.isVisible() and not self.live.held:
            self.reload()

    def apply_changes(self, changes: JournalChanges) -> None:
        self.live.deliver(changes)

    def next_page(self) -> None:
        if self._pages > 1 and self.isVisible():
            self._page = (self._page + 1) % self._pages
            self.update()

    def _restyle(self, _night: bool) -> None:
        self.update()

    # ---- drawing ------------------------------------------------------------------------

    def colours(self) -> tuple[QColor, QColor, QColor, QColor]:
        """Text, muted text, a bar's empty track, the rules between rows: from the palette
        the page wears (the night theme's, for the application or the wall alone)."""
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.WindowText)
        if theme.contrast(palette.color(QPalette.ColorRole.Window), theme.WHITE) > 7:
            return ink, QColor("#aab4c0"), QColor("#2e3a48"), QColor("#3a4656")
        return ink, theme.MUTED, QColor("#e3e7ec"), theme.RULE

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _layout(self, box: QRectF, progress: Watch) -> _Layout:
        """The largest type (up to ``MAX_TYPE`` times the widget's) at which the header, the
        total and every Polres fit the box, each step's cell wide enough for a bar and its
        "100%"; no smaller than ``MIN_TYPE`` times it (then the Polres go on pages)."""
        base = QFont(self.font())
        size = base.pointSizeF() if base.pointSizeF() > 0 else 12.0
        rows = len(progress.polres) + 1
        steps = max(1, len(progress.steps))
        locale = QLocale()
        names = [_tr("Seluruh operasi"), *(a.name for a in progress.polres)]
        titles = (_tr("Terlambat"), _tr("Gangguan"))
        points = size * MAX_TYPE
        while True:
            font = self._sized(base, points)
            bold = QFont(font)
            bold.setBold(True)
            heading = self._sized(base, points * HEADING_TYPE)
            m, mb, mh = QFontMetricsF(font), QFontMetricsF(bold), QFontMetricsF(heading)
            line = m.height()
            name_w = max(mb.horizontalAdvance(n) for n in names) + line
            # A long name may be cut at a third of the width: "Polres Tanjung Jab…".
            name_w = min(name_w, box.width() / 3)
            count_w = mb.horizontalAdvance(locale.toString(max(progress.total, 9999))) + line
            flag_w = max(*(mh.horizontalAdvance(t) for t in titles), mb.horizontalAdvance("9999"))
            flag_w += line * 0.6
            text_w = mb.horizontalAdvance("100%") + line * 0.4
            step_w = (box.width() - name_w - count_w - 2 * flag_w) / steps
            tall = (rows * ROW_LINES + HEADER_LINES) * line <= box.height()
            wide = step_w >= 1.6 * text_w and all(
                self._fits(mh, st.label(self._lang), step_w - 4) for st in progress.steps
            )
            if (tall and wide) or points <= size * MIN_TYPE:
                return _Layout(font, bold, heading, line, name_w, count_w, step_w, text_w, flag_w)
            points = max(size * MIN_TYPE, points * 0.96)

    def _paint(self, painter: QPainter) -> None:
        ink, muted, track, rule = self.colours()
        self.rows_drawn, self.texts_drawn = [], []
        progress = self._watch
        box = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        if progress is None:
            painter.setFont(self.font())
            painter.setPen(muted)
            text = (
                _tr("Belum ada operasi.") if self._missing else _tr("Membaca pemantauan TPS\u2026")
            )
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            self.texts_drawn.append(text)
            return
        lay = self._layout(box, progress)
        self.type_drawn = lay.font
        line = lay.line
        areas = list(progress.polres)
        # When the figures were read, as the wall's clock shows the time.
        local = progress.now.astimezone(ZoneInfo(progress.zone))
        stamp = _tr("Keadaan pukul {time} {zone}").format(
            time=f"{local:%H:%M}", zone=zone_label(progress.zone)
        )
        painter.setFont(lay.font)
        painter.setPen(muted)
        top_line = QRectF(box.left(), box.top(), box.width(), line)
        painter.drawText(
            top_line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, stamp
        )
        self.texts_drawn.append(stamp)
        top = box.top() + line
        # The header: "TPS", the steps' names (HEADING_LINES at most), the two counts.
        bars_x = box.left() + lay.name_w + lay.count_w
        head_h = line * HEADING_LINES
        bottom = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        metrics = QFontMetricsF(lay.heading)
        painter.setFont(lay.heading)
        painter.drawText(QRectF(box.left() + lay.name_w, top, lay.count_w, head_h), bottom, "TPS")
        for i, st in enumerate(progress.steps):
            cell = QRectF(bars_x + i * lay.step_w + 2, top, lay.step_w - 4, head_h)
            title = self._heading(metrics, st.label(self._lang), cell.width())
            painter.drawText(cell, bottom | Qt.TextFlag.TextWordWrap, title)
            self.texts_drawn.append(title)
        flags_x = bars_x + len(progress.steps) * lay.step_w
        for j, title in enumerate((_tr("Terlambat"), _tr("Gangguan"))):
            painter.drawText(
                QRectF(flags_x + j * lay.flag_w, top, lay.flag_w, head_h), bottom, title
            )
        top += head_h + line * (HEADER_LINES - HEADING_LINES - 1)
        # The rows share what is left, up to ``ROW_MAX`` lines each; the total first, then
        # as many Polres as fit at ``ROW_LINES`` (pages for the rest).
        room = box.bottom() - top
        fit = max(1, int(room // (line * ROW_LINES)) - 1)
        self._pages = max(1, -(-len(areas) // fit))
        self._page %= self._pages
        shown_areas = areas[self._page * fit : (self._page + 1) * fit]
        row_h = min(line * ROW_MAX, room / (len(shown_areas) + 1))
        total = replace(progress.whole, name=_tr("Seluruh operasi"))
        for k, area in enumerate([total, *shown_areas]):
            rect = QRectF(box.left(), top + k * row_h, box.width(), row_h)
            self._row(painter, area, rect, lay, bold=k == 0, colours=(ink, muted, track, rule))
        if self._pages > 1:
            note = page_note(self._page + 1, self._pages)
            painter.setFont(lay.font)
            painter.setPen(muted)
            painter.drawText(
                top_line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, note
            )
            self.texts_drawn.append(note)

    @staticmethod
    def _heading(metrics: QFontMetricsF, name: str, width: float) -> str:
        """A step's heading: its name (in the steps' order: their keys are for typing at a
        desk, not for reading on a wall) in ``HEADING_LINES`` at most, else cut short."""
        if WatchWall._fits(metrics, name, width):
            return name
        return metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)

    @staticmethod
    def _lines(metrics: QFontMetricsF, text: str, width: float) -> int:
        """The lines ``text`` takes wrapped at its words in ``width`` (a word wider than
        ``width``: more than ``HEADING_LINES``)."""
        wrapped = metrics.boundingRect(
            QRectF(0, 0, width, 10 * metrics.height()), Qt.TextFlag.TextWordWrap, text
        )
        if wrapped.width() > width + 1:
            return HEADING_LINES + 1
        return round(wrapped.height() / metrics.height())

    @staticmethod
    def _fits(metrics: QFontMetricsF, text: str, width: float) -> bool:
        """``text`` wrapped at its words fits ``HEADING_LINES`` lines of ``width``."""
        return WatchWall._lines(metrics, text, width) <= HEADING_LINES

    @staticmethod
    def _sized(base: QFont, points: float) -> QFont:
        font = QFont(base)
        font.setPointSizeF(points)
        return font

    def _row(
        self,
        painter: QPainter,
        area: Area,
        rect: QRectF,
        lay: _Layout,
        *,
        bold: bool,
        colours: tuple[QColor, QColor, QColor, QColor],
    ) -> None:
        ink, muted, track, rule = colours
        locale = QLocale()
        font = lay.bold if bold else lay.font
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.setPen(rule)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.setPen(ink)
        name = metrics.elidedText(area.name, Qt.TextElideMode.ElideRight, lay.name_w - lay.line / 2)
        painter.drawText(
            QRectF(rect.left(), rect.top(), lay.name_w, rect.height()),
            middle | Qt.AlignmentFlag.AlignLeft,
            name,
        )
        count = locale.toString(area.total)
        bars_x = rect.left() + lay.name_w + lay.count_w
        painter.drawText(
            QRectF(bars_x - lay.count_w, rect.top(), lay.count_w - lay.line / 2, rect.height()),
            middle | Qt.AlignmentFlag.AlignRight,
            count,
        )
        self.texts_drawn += [name, count]
        bar_h = min(rect.height() * 0.6, lay.line * 1.1)
        shares = tuple(area.share(i) for i in range(len(area.reached)))
        fill = self.bar_colour()
        for i, share in enumerate(shares):
            x = bars_x + i * lay.step_w
            bar = QRectF(x + 4, rect.center().y() - bar_h / 2, lay.step_w - lay.text_w - 6, bar_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(bar, 3, 3)
            if share > 0:
                painter.setBrush(fill)
                painter.drawRoundedRect(
                    QRectF(bar.left(), bar.top(), max(3.0, bar.width() * share), bar.height()), 3, 3
                )
            text = f"{percent(area.reached[i], area.total):.0f}%"
            painter.setPen(ink if share > 0 else muted)
            painter.drawText(
                QRectF(bar.right(), rect.top(), lay.text_w, rect.height()),
                middle | Qt.AlignmentFlag.AlignRight,
                text,
            )
            self.texts_drawn.append(text)
        x = bars_x + len(shares) * lay.step_w
        for j, n in enumerate((area.overdue, area.disturbed)):
            cell = QRectF(x + j * lay.flag_w, rect.top(), lay.flag_w, rect.height())
            text = locale.toString(n)
            if n:
                badge_h = min(rect.height() * 0.7, lay.line * 1.2)
                badge = QRectF(
                    cell.left() + lay.flag_w * 0.15,
                    cell.center().y() - badge_h / 2,
                    lay.flag_w * 0.7,
                    badge_h,
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(theme.DEFICIT)
                painter.drawRoundedRect(badge, 4, 4)
                painter.setPen(theme.text_on(theme.DEFICIT))
            else:
                painter.setPen(muted)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, text)
            self.texts_drawn.append(text)
        self.rows_drawn.append(
            WallRow(area.name, area.total, shares, area.overdue, area.disturbed, QRectF(rect))
        )

    @staticmethod
    def bar_colour() -> QColor:
        """A bar's filled part: the darker greens of the map's watch layer."""
        return QColor(WATCH_SHARES[3])
