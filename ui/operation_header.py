"""The header band: which operation, which command, what day, which stage, how long to voting."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from opscenter.operations import zone_label
from opscenter.overview import Overview, StageInfo
from ui import theme
from ui.exercise_banner import ExerciseBanner
from ui.translations import translator

_tr = translator("OperationHeader")


def countdown_text(days_to_voting: int | None) -> str:
    """H-3 three days before voting day, "Hari pemungutan suara" on it, H+2 after it."""
    if days_to_voting is None:
        return _tr("Tanggal pemungutan suara belum ditetapkan")
    if days_to_voting == 0:
        return _tr("Hari pemungutan suara")
    if days_to_voting > 0:
        return _tr("H-{n} pemungutan suara").format(n=days_to_voting)
    return _tr("H+{n} pemungutan suara").format(n=-days_to_voting)


def long_date(day: date, locale: QLocale | None = None) -> str:
    """ "Senin, 25 November 2024" in the UI language."""
    return (locale or QLocale()).toString(QDate(day.year, day.month, day.day), "dddd, d MMMM yyyy")


def command_line(command_name: str) -> str:
    """The letterhead line: "KEPOLISIAN NEGARA REPUBLIK INDONESIA / DAERAH JAMBI"."""
    name = command_name.strip().upper()
    if name.startswith("KEPOLISIAN"):
        return name
    return _tr("KEPOLISIAN NEGARA REPUBLIK INDONESIA / {command}").format(command=name)


def province_line(province: str) -> str:
    name = province.strip()
    if name.casefold().startswith("provinsi"):
        return name
    return _tr("Provinsi {name}").format(name=name)


def stage_period(stage: StageInfo, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()

    def fmt(d: date) -> str:
        return loc.toString(QDate(d.year, d.month, d.day), "d MMMM yyyy")

    if stage.starts_on is None:
        return _tr("jadwal belum ditetapkan")
    if stage.ends_on is None or stage.ends_on == stage.starts_on:
        return fmt(stage.starts_on)
    return f"{fmt(stage.starts_on)} \u2013 {fmt(stage.ends_on)}"


class OperationHeader(QFrame):
    """A dark band across the top; set from an ``Overview`` and ticked by the window's clock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operationHeader")
        self.setStyleSheet(
            f"#operationHeader {{ background: {theme.NAVY.name()};"
            f" border-bottom: 4px solid {theme.GOLD.name()}; }}"
            " #operationHeader QLabel { color: white; }"
            " #operationHeader QLabel#commandLabel,"
            " #operationHeader QLabel#provinceLabel,"
            " #operationHeader QLabel#dateLabel,"
            " #operationHeader QLabel#stagePeriodLabel { color: #c8d3e3; }"
            f" #operationHeader QLabel#countdownLabel {{ background: {theme.GOLD.name()};"
            f" color: {theme.NAVY.name()}; border-radius: 6px; padding: 4px 14px; }}"
            f' #operationHeader QLabel#countdownLabel[votingDay="true"] {{'
            f" background: {theme.DEFICIT.name()}; color: white; }}"
        )

        self.command_label = self._label("commandLabel", 0.95, bold=True)
        self.name_label = self._label("operationNameLabel", 2.3, bold=True)
        self.province_label = self._label("provinceLabel", 1.1)
        self.date_label = self._label("dateLabel", 1.1)
        self.time_label = self._label("timeLabel", 2.3, bold=True)
        self.stage_label = self._label("stageLabel", 1.35, bold=True)
        self.stage_period_label = self._label("stagePeriodLabel", 1.0)
        self.countdown_label = self._label("countdownLabel", 1.35, bold=True)
        # Long names wrap rather than widen the window past a laptop's screen.
        for label in (self.command_label, self.name_label, self.province_label):
            label.setWordWrap(True)

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.command_label)
        left.addWidget(self.name_label)
        # "LATIHAN · waktu simulasi" under the name, hidden unless the clock is simulated.
        self.exercise_banner = ExerciseBanner(self, factor=1.1, strip=False)
        left.addWidget(self.exercise_banner, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.province_label)
        left.addStretch(1)

        clock = QVBoxLayout()
        clock.setSpacing(2)
        clock.addWidget(self.time_label, 0, Qt.AlignmentFlag.AlignRight)
        clock.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignRight)
        clock.addStretch(1)

        stage = QVBoxLayout()
        stage.setSpacing(4)
        stage.addWidget(self.countdown_label, 0, Qt.AlignmentFlag.AlignRight)
        stage.addWidget(self.stage_label, 0, Qt.AlignmentFlag.AlignRight)
        stage.addWidget(self.stage_period_label, 0, Qt.AlignmentFlag.AlignRight)
        stage.addStretch(1)

        row = QHBoxLayout(self)
        self._row = row
        row.setContentsMargins(24, 14, 24, 14)
        row.setSpacing(40)
        row.addLayout(left, 1)
        row.addLayout(stage)
        row.addLayout(clock)

    def set_compact(self, on: bool) -> None:
        """A low window (a 768 px laptop): the letterhead line, the province and the stage's
        dates (on the stages tab) are left out and the name and the time are smaller, so
        the band is about half as high and the panels below keep their height."""
        if on == self.compact:
            return
        for label in (self.command_label, self.province_label, self.stage_period_label):
            label.setVisible(not on)
        for label in (self.name_label, self.time_label):
            label.setFont(theme.scaled_font(self, 1.6 if on else 2.3, bold=True))
        margin = 8 if on else 14
        self._row.setContentsMargins(24, margin, 24, margin)

    @property
    def compact(self) -> bool:
        return self.province_label.isHidden()

    def _label(self, name: str, factor: float, *, bold: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setFont(theme.scaled_font(self, factor, bold=bold))
        label.setTextFormat(Qt.TextFormat.PlainText)  # names come from the database
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_overview(self, overview: Overview) -> None:
        self.command_label.setText(command_line(overview.command_name))
        self.name_label.setText(overview.name)
        self.province_label.setText(province_line(overview.province))
        stage = overview.current_stage
        if stage is None:
            self.stage_label.setText(_tr("Tahapan belum dimulai"))
            self.stage_period_label.clear()
        else:
            self.stage_label.setText(_tr("Tahapan: {name}").format(name=stage.name))
            self.stage_period_label.setText(stage_period(stage, self.locale()))
        self.countdown_label.setText(countdown_text(overview.days_to_voting))
        voting_day = overview.days_to_voting == 0
        if self.countdown_label.property("votingDay") != voting_day:
            self.countdown_label.setProperty("votingDay", voting_day)
            # A dynamic property only restyles after the style is re-applied (costly: only
            # when it changed, not at every live update).
            self.countdown_label.style().unpolish(self.countdown_label)
            self.countdown_label.style().polish(self.countdown_label)
        voting = next((s for s in overview.stages if s.is_voting and s.starts_on), None)
        self.countdown_label.setToolTip(
            _tr("Pemungutan suara: {day}").format(day=long_date(voting.starts_on, self.locale()))
            if voting and voting.starts_on
            else ""
        )

    def show_time(self, local: datetime, timezone: str) -> None:
        """The operation's local date and time (``local`` is already in its zone)."""
        self.date_label.setText(long_date(local.date(), self.locale()))
        self.time_label.setText(f"{local:%H:%M} {zone_label(timezone)}")
