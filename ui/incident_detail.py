"""The detail pane beside the incidents list (``ui.incidents_panel``): the selected
incident's facts, its timeline of follow-ups, a follow-up entry, status change, responding
units and point.

The pane never writes: it emits what the operator asked for, and the panel runs the core
service on the write thread (through the undo stack where it can be undone).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter.errors import OpsError
from opscenter.incident_choices import Choice, Choices
from opscenter.incident_log import FollowUpRow, IncidentRow
from opscenter.messages import describe
from ui import theme
from ui.choice_combo import choose, chosen, fill_combo
from ui.form_parts import error_label, field
from ui.incident_fields import PointEdits, UnitsPicker, point_texts
from ui.incidents_model import FollowUpColumn, FollowUpsModel, local_time, region_text
from ui.translations import interface_language, translator

_tr = translator("IncidentForm")  # the form's context: its translations stay


class IncidentDetail(QFrame):
    """The selected incident: facts, follow-ups, a follow-up entry, status and units."""

    follow_up_requested = Signal(int, str, object)  # incident id, text, status code or None
    status_requested = Signal(int, str)  # incident id, status code
    units_requested = Signal(int, object)  # incident id, tuple of unit ids
    point_requested = Signal(int, object)  # incident id, (latitude_e6, longitude_e6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentDetail")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._row: IncidentRow | None = None
        self._statuses: tuple[Choice, ...] = ()
        theme.mode.changed.connect(self._theme_changed)

        self.heading = QLabel(self)
        self.heading.setFont(theme.scaled_font(self, 1.2, bold=True))
        self.heading.setWordWrap(True)
        self.badges = QLabel(self)
        self.badges.setTextFormat(Qt.TextFormat.RichText)
        self.badges.setWordWrap(True)  # a long type name must not widen the pane past the list
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.follow_ups = FollowUpsModel(self)
        self.follow_view = QTableView(self)
        self.follow_view.setModel(self.follow_ups)
        self.follow_view.verticalHeader().hide()
        self.follow_view.setWordWrap(True)
        self.follow_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.follow_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.follow_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FollowUpColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        # A time (``local_time``) on two lines, the date over the hour and zone: the note
        # keeps the width of the narrow pane.
        fm = self.follow_view.fontMetrics()
        header.setSectionResizeMode(FollowUpColumn.AT, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            FollowUpColumn.AT,
            max(fm.horizontalAdvance("27-11-2024"), fm.horizontalAdvance("23:59 WITA")) + 16,
        )
        # The pane is narrow: who wrote an entry is in its tooltip, the text gets the width.
        self.follow_view.setColumnHidden(FollowUpColumn.ACTOR, True)
        self.follow_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        # The timeline of what was done is what the next shift reads: room for several rows.
        self.follow_view.setMinimumHeight(self.fontMetrics().height() * 8)

        self.follow_text = field(
            self, "followUpText", hint=_tr("Tindak lanjut: apa yang dilakukan, oleh siapa")
        )
        self.follow_status = QComboBox(self)
        self.follow_add = QPushButton(_tr("Tambah"), self)
        self.follow_text.returnPressed.connect(self._add_follow_up)
        self.follow_add.clicked.connect(self._add_follow_up)

        self.status_box = QComboBox(self)
        self.status_apply = QPushButton(_tr("Ubah status"), self)
        self.status_apply.clicked.connect(self._change_status)

        # Folded by default: the follow-ups need the height more than the checklist does.
        self.units_label = QLabel(self)
        self.units_label.setWordWrap(True)
        self.units_toggle = QPushButton(_tr("Ubah satuan…"), self)
        self.units_toggle.setCheckable(True)
        self.units = UnitsPicker(self)
        self.units.view.setMaximumHeight(self.fontMetrics().height() * 8)
        self.units.hide()
        self.units_apply = QPushButton(_tr("Simpan satuan"), self)
        self.units_apply.hide()
        self.units_toggle.toggled.connect(self._toggle_units)
        self.units_apply.clicked.connect(self._save_units)

        # The point, folded like the units: Lintang and Bujur as in the new-incident form.
        self.point_toggle = QPushButton(_tr("Ubah t&itik…"), self)
        self.point_toggle.setObjectName("pointToggle")
        self.point_toggle.setCheckable(True)
        self.point_edits = PointEdits(
            self, "detail", (_tr("Lintang, mis. -1,6"), _tr("Bujur, mis. 103,6"))
        )
        self.point_latitude = self.point_edits.latitude
        self.point_longitude = self.point_edits.longitude
        self.point_apply = QPushButton(_tr("Simpan titik"), self)
        self.point_apply.setObjectName("pointApply")
        self.point_editor = QWidget(self)
        point_row = QHBoxLayout(self.point_editor)
        point_row.setContentsMargins(0, 0, 0, 0)
        point_row.addWidget(self.point_latitude, 1)
        point_row.addWidget(self.point_longitude, 1)
        point_row.addWidget(self.point_apply)
        self.point_editor.hide()
        self.point_toggle.toggled.connect(self._toggle_point)
        self.point_apply.clicked.connect(self._save_point)
        self.point_latitude.returnPressed.connect(self._save_point)
        self.point_longitude.returnPressed.connect(self._save_point)

        self.error = error_label(self)
        self.empty = QLabel(_tr("Pilih kejadian di daftar atau di lini masa."), self)
        self.empty.setStyleSheet(f"color: {theme.MUTED.name()};")

        status_row = QHBoxLayout()
        status_row.addWidget(QLabel(_tr("Status:"), self))
        status_row.addWidget(self.status_box, 1)
        status_row.addWidget(self.status_apply)
        follow_row = QGridLayout()
        follow_row.addWidget(self.follow_text, 0, 0, 1, 3)
        follow_row.addWidget(QLabel(_tr("lalu status:"), self), 1, 0)
        follow_row.addWidget(self.follow_status, 1, 1)
        follow_row.addWidget(self.follow_add, 1, 2)
        follow_row.setColumnStretch(1, 1)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.heading)
        body.addWidget(self.badges)
        body.addWidget(self.facts)
        body.addWidget(self.description)
        body.addLayout(status_row)
        body.addWidget(self._caption(_tr("Tindak lanjut")))
        body.addWidget(self.follow_view, 1)
        body.addLayout(follow_row)
        units_row = QHBoxLayout()
        units_row.addWidget(self.units_label, 1)
        units_row.addWidget(self.units_toggle)
        body.addLayout(units_row)
        body.addWidget(self.units)
        apply_row = QHBoxLayout()
        apply_row.addStretch(1)
        apply_row.addWidget(self.units_apply)
        body.addLayout(apply_row)
        point_head = QHBoxLayout()
        point_head.addStretch(1)
        point_head.addWidget(self.point_toggle)
        body.addLayout(point_head)
        body.addWidget(self.point_editor)
        body.addWidget(self.error)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self.body.hide()

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setFont(theme.scaled_font(self, 1.0, bold=True))
        return label

    @property
    def incident(self) -> IncidentRow | None:
        return self._row

    def set_choices(self, choices: Choices) -> None:
        self._statuses = choices.statuses
        fill_combo(self.status_box, choices.statuses)
        fill_combo(self.follow_status, choices.statuses, none_label=_tr("(tetap)"))
        self.units.set_units(choices.units)

    def _show_badges(self, row: IncidentRow) -> None:
        self.badges.setText(
            theme.badge_html(QColor(row.severity_colour), row.severity_name)
            + f"&nbsp;&nbsp;<b>{row.status_name}</b>&nbsp;&nbsp;·&nbsp;&nbsp;{row.type_name}"
        )

    def _theme_changed(self, _night: bool) -> None:
        if self._row is not None:
            self._show_badges(self._row)  # night or day: the severity's swatch follows

    def show_incident(self, row: IncidentRow | None, follow_ups: Sequence[FollowUpRow]) -> None:
        """Show ``row`` (or nothing); the same incident again keeps what is being typed."""
        same = row is not None and self._row is not None and row.id == self._row.id
        self._row = row
        self.empty.setVisible(row is None)
        self.body.setVisible(row is not None)
        if row is None:
            self.follow_ups.show_incident(None, ())
            return
        self.heading.setText(f"{row.code}  {row.title}")
        self._show_badges(row)
        facts = [
            _tr("Terjadi <b>{o}</b> · dicatat {r} oleh {by}").format(
                o=local_time(row.occurred_local),
                r=local_time(row.recorded_local),
                by=row.recorded_by,
            ),
            _tr("Wilayah: {w}").format(w=region_text(row) or "—"),
        ]
        if row.tps_label:
            facts.append(_tr("TPS: {t}").format(t=row.tps_label))
        if row.location:
            facts.append(_tr("Lokasi: {l}").format(l=row.location))
        point = point_texts(row.latitude_e6, row.longitude_e6)
        if point is not None:
            lat, lon = point
            facts.append(_tr("Titik: lintang {lat}, bujur {lon}").format(lat=lat, lon=lon))
        if row.dead or row.injured:
            facts.append(
                _tr("Korban: <b>{d} meninggal, {i} luka</b>").format(d=row.dead, i=row.injured)
            )
        if row.damage:
            facts.append(_tr("Kerusakan: {k}").format(k=row.damage))
        self.facts.setText("<br>".join(facts))
        self.description.setText(row.description)
        self.follow_ups.show_incident(row.id, follow_ups)
        self.show_status(row.status_id)
        if not same:
            self.follow_text.clear()
            self.follow_status.setCurrentIndex(0)
            self.units.set_checked(row.unit_ids)
            self.units_toggle.setChecked(False)
            self.point_toggle.setChecked(False)
            self.error.hide()
        self.units_label.setText(
            _tr("<b>Satuan yang menangani:</b> {u}").format(u=", ".join(row.unit_names) or "—")
        )
        self.follow_view.scrollToBottom()

    def show_status(self, status_id: int) -> None:
        choose(self.status_box, status_id)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _status_code(self, status_id: object) -> str | None:
        return next((s.code for s in self._statuses if s.id == status_id), None)

    def _add_follow_up(self) -> None:
        if self._row is None:
            return
        self.show_error("")
        code = self._status_code(chosen(self.follow_status))
        self.follow_up_requested.emit(self._row.id, self.follow_text.text(), code)

    def follow_up_saved(self) -> None:
        self.follow_text.clear()
        self.follow_status.setCurrentIndex(0)

    # The follow-up and a point being typed are unsaved input (``ui.unsaved.Editor``).

    def _point_typed(self) -> bool:
        """Whether the point editor holds something other than the incident's point."""
        if self._row is None or not self.point_editor.isVisible():
            return False
        typed = self.point_edits.texts()
        shown = point_texts(self._row.latitude_e6, self._row.longitude_e6) or ("", "")
        return typed != shown

    def is_dirty(self) -> bool:
        return self._row is not None and (
            bool(self.follow_text.text().strip()) or self._point_typed()
        )

    def _units_ticked(self) -> bool:
        """Whether the open units editor holds other units than the incident's."""
        if self._row is None or not self.units.isVisible():
            return False
        return set(self.units.checked_ids()) != set(self._row.unit_ids)

    def holds_input(self) -> bool:
        """Input not saved: what ``is_dirty`` asks about, and units ticked (Esc spares it)."""
        return self.is_dirty() or self._units_ticked()

    def save_input(self) -> bool:
        if self._point_typed():
            self._save_point()
            return False  # saved on the write thread; the editor folds once it is
        self._add_follow_up()
        return not self.follow_text.text().strip()  # cleared once saved

    def discard_input(self) -> None:
        self.follow_text.clear()
        self.point_toggle.setChecked(False)

    def _change_status(self) -> None:
        if self._row is None:
            return
        code = self._status_code(chosen(self.status_box))
        if code is not None and code != self._row.status_code:
            self.show_error("")
            self.status_requested.emit(self._row.id, code)

    def _toggle_units(self, on: bool) -> None:
        self.units.setVisible(on)
        self.units_apply.setVisible(on)
        if on:
            self.units.search.setFocus()

    def _save_units(self) -> None:
        if self._row is None:
            return
        self.show_error("")
        self.units_requested.emit(self._row.id, self.units.checked_ids())

    def _toggle_point(self, on: bool) -> None:
        self.point_editor.setVisible(on)
        if on and self._row is not None:
            shown = point_texts(self._row.latitude_e6, self._row.longitude_e6) or ("", "")
            self.point_edits.set_texts(*shown)
            self.point_latitude.setFocus()

    def _save_point(self) -> None:
        """Both fields empty take the point away; a pair typed into Lintang fills both."""
        if self._row is None:
            return
        self.show_error("")
        try:
            point = self.point_edits.read()
        except OpsError as exc:
            self.show_error(describe(exc, interface_language()))
            self.point_latitude.setFocus()
            return
        self.point_requested.emit(self._row.id, point)

    def point_saved(self) -> None:
        self.point_toggle.setChecked(False)
