"""The new-incident form (``IncidentForm``), opened by the incidents panel's actions
(``ui.incident_actions``).

Keyboard first: every field is reached with Tab in reading order; Enter (or Ctrl+Enter,
also inside the description) saves; Esc cancels. A refused save shows the core's sentence
(``messages.describe``) next to the field it concerns and keeps everything typed. What is
typed is kept as a draft, so a crash loses nothing.

The form never writes on the GUI thread: it hands its draft to ``submit``, which runs on
the write thread (``ui.pending``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from opscenter.drafts import DraftBox, new_draft_id, utc_now
from opscenter.errors import OpsError
from opscenter.incident_choices import Choice, Choices
from opscenter.incidents import IncidentDraft, micro_degrees
from opscenter.messages import describe
from opscenter.operations import zone_label
from ui import theme
from ui.actions import SAVE_KEYS, close_keys
from ui.choice_combo import NO_CHOICE, chosen, fill_combo, refusal, region_choices, searchable
from ui.form_parts import error_label, focus_field, put_instant, save_cancel, typed_instant
from ui.incident_fields import PointEdits, UnitsPicker, point_texts
from ui.pending import PendingWrite
from ui.screen_fit import fit_to_screen, scrolling
from ui.tab_order import OneStopDateTimeEdit, chain
from ui.translations import interface_language, translator
from ui.unsaved import may_close

# A draft is written this long after the last keystroke (and at once when a field is left).
DRAFT_DELAY_MS = 1_000


_tr = translator("IncidentForm")


def _changes(field: QWidget) -> list[SignalInstance]:
    """The signals by which ``field``, or each field in a row of them, says it changed."""
    if isinstance(field, UnitsPicker):
        return [field.model.dataChanged]
    if isinstance(field, QComboBox):
        return [field.currentIndexChanged]
    if isinstance(field, QDateTimeEdit):
        return [field.dateTimeChanged]
    if isinstance(field, QSpinBox):
        return [field.valueChanged]
    if isinstance(field, (QLineEdit, QPlainTextEdit)):
        return [field.textChanged]
    inner = field.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [signal for child in inner for signal in _changes(child)]


class IncidentForm(QDialog):
    """Log a new incident. ``submit(draft)`` saves it and returns the new id, or raises; it
    runs on the write thread, so it must only use the draft and open its own session."""

    saved = Signal(int)

    def __init__(
        self,
        choices: Choices,
        submit: Callable[[IncidentDraft], int],
        *,
        clock: Callable[[], datetime],
        tps_for: Callable[[int | None], Sequence[Choice]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentForm")
        self.setWindowTitle(_tr("Catat kejadian baru"))
        self._choices = choices
        self._submit = submit
        self.writes = PendingWrite(self)
        self._clock = clock
        self._tps_for = tps_for
        self._zone = ZoneInfo(choices.timezone)

        # No type chosen until the operator chooses one: a default would be saved in haste.
        self.type_box = QComboBox(self)
        fill_combo(self.type_box, choices.types)
        searchable(self.type_box)
        type_edit = self.type_box.lineEdit()
        assert type_edit is not None
        type_edit.setPlaceholderText(_tr("ketik atau pilih jenis kejadian"))
        self.severity_box = QComboBox(self)
        fill_combo(self.severity_box, choices.severities)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(_tr("Singkat: apa, di mana"))
        self.title_edit.setMaxLength(200)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(_tr("Kronologi singkat, pelaku, tindakan awal"))
        self.description_edit.setFixedHeight(110)
        self.occurred_edit = OneStopDateTimeEdit(self)
        self.occurred_edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.occurred_edit.setCalendarPopup(True)
        self.region_box = QComboBox(self)
        fill_combo(self.region_box, region_choices(choices), none_label=_tr("— pilih wilayah —"))
        searchable(self.region_box)
        self.tps_box = QComboBox(self)
        fill_combo(self.tps_box, (), none_label=_tr("— tanpa TPS —"))
        searchable(self.tps_box)
        self.region_box.currentIndexChanged.connect(self._region_changed)
        self.location_edit = QLineEdit(self)
        self.location_edit.setPlaceholderText(_tr("Desa, jalan, gedung"))
        self.dead_spin = QSpinBox(self)
        self.injured_spin = QSpinBox(self)
        for spin in (self.dead_spin, self.injured_spin):
            spin.setRange(0, 9999)
        self.damage_edit = QLineEdit(self)
        # Where it happened, optional: typed in decimal degrees (a pair pasted into Lintang is
        # split into both), or picked on the map (``set_point``).
        self.point_edits = PointEdits(self, "form", (_tr("mis. -1,6"), _tr("mis. 103,6")))
        self.latitude_edit = self.point_edits.latitude
        self.longitude_edit = self.point_edits.longitude
        self.units = UnitsPicker(self)
        self.units.set_units(choices.units)
        self.recorded_note = QLabel(_tr("Waktu pencatatan diisi otomatis saat disimpan."), self)
        self.recorded_note.setStyleSheet(f"color: {theme.MUTED.name()};")

        self.errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._captions: dict[str, str] = {}  # a field's name as a refusal writes it
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(6)

        def row(key: str, label: str, field: QWidget, extra: QWidget | None = None) -> None:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            if extra is not None:
                box.addWidget(extra)
            self.errors[key] = error_label(self)
            self._fields[key] = field
            self._captions[key] = label.replace("&", "")
            for signal in _changes(field):  # corrected: the refusal goes at once
                signal.connect(self.errors[key].hide)
            box.addWidget(self.errors[key])
            caption = QLabel(label, self)
            caption.setBuddy(field.focusProxy() or field)  # a label never focuses a container
            form.addRow(caption, box)

        casualties = QWidget(self)
        cas = QHBoxLayout(casualties)
        cas.setContentsMargins(0, 0, 0, 0)
        for text, spin in ((_tr("Meni&nggal"), self.dead_spin), (_tr("Luk&a"), self.injured_spin)):
            caption = QLabel(text, self)
            caption.setBuddy(spin)
            cas.addWidget(caption)
            cas.addWidget(spin)
            cas.addSpacing(16)
        cas.addStretch(1)
        point = QWidget(self)
        pts = QHBoxLayout(point)
        pts.setContentsMargins(0, 0, 0, 0)
        for text, edit in (
            (_tr("L&intang"), self.latitude_edit),
            (_tr("&Bujur"), self.longitude_edit),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(edit)
            pts.addWidget(caption)
            pts.addWidget(edit, 1)
            pts.addSpacing(16)

        row("type_id", _tr("&Jenis"), self.type_box)
        row("severity_id", _tr("&Tingkat"), self.severity_box)
        row("title", _tr("J&udul"), self.title_edit)
        row("description", _tr("U&raian"), self.description_edit)
        row(
            "occurred_at",
            _tr("&Waktu kejadian ({zone})").format(zone=zone_label(choices.timezone)),
            self.occurred_edit,
            self.recorded_note,
        )
        row("region_id", _tr("Wila&yah"), self.region_box)
        row("tps_id", _tr("TP&S"), self.tps_box)
        row("location", _tr("&Lokasi"), self.location_edit)
        row("point", _tr("Titik (derajat)"), point)
        for key, edit in (
            ("point", self.latitude_edit),
            ("latitude_e6", self.latitude_edit),
            ("longitude_e6", self.longitude_edit),
        ):
            self.errors[key] = self.errors["point"]
            self._fields[key] = edit  # a refusal puts the cursor in the number to correct
        row("dead", _tr("Korban"), casualties)
        self.errors["injured"] = self.errors["dead"]
        row("damage", _tr("&Kerusakan"), self.damage_edit)
        row("unit_ids", _tr("Satuan yang\n&menangani"), self.units)

        self.general_error = error_label(self)
        self.buttons, self.save_button, cancel = save_cancel(
            self, _tr("Simpan (Enter)"), _tr("Batal (Esc)")
        )
        self.buttons.accepted.connect(self.save)
        self._tab_order(cancel)
        self.buttons.rejected.connect(self.reject)
        for keys in SAVE_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        close_keys(self)  # Ctrl+W as Esc: ``reject`` asks first when something is typed
        # The description takes Enter as a new line; Ctrl+Enter there still saves.
        self.description_edit.installEventFilter(self)

        # The fields scroll where the screen is lower than the form (a 768 px laptop); the
        # buttons stay in sight under them.
        fields = QWidget(self)
        fields.setLayout(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(scrolling(fields, self), 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(760, 860))
        self._pristine: dict[str, Any] = {}
        self.reset()
        self._init_drafts()

    def _tab_order(self, cancel: QWidget) -> None:
        """Tab in reading order, through each field once: the time is one stop, not five
        (its sections are reached with Left/Right, and typing digits moves on by itself)."""
        chain(
            self.type_box,
            self.severity_box,
            self.title_edit,
            self.description_edit,
            self.occurred_edit,
            self.region_box,
            self.tps_box,
            self.location_edit,
            self.latitude_edit,
            self.longitude_edit,
            self.dead_spin,
            self.injured_spin,
            self.damage_edit,
            self.units.search,
            self.units.view,
            self.save_button,
            cancel,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.description_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return True
        return super().eventFilter(watched, event)

    # -- values ---------------------------------------------------------------------------

    def reset(self) -> None:
        """An empty form, the time set to now (in the operation's zone)."""
        put_instant(self.occurred_edit, self._clock(), self._zone)
        self.title_edit.clear()
        self.description_edit.clear()
        self.location_edit.clear()
        self.latitude_edit.clear()
        self.longitude_edit.clear()
        self.damage_edit.clear()
        self.dead_spin.setValue(0)
        self.injured_spin.setValue(0)
        self.units.set_checked(())
        self.type_box.setCurrentIndex(-1)
        self._clear_errors()
        self.type_box.setFocus()
        self._pristine = self.fields()

    def occurred_at(self) -> datetime:
        """The entered time, read in the operation's zone (the form's label names it)."""
        return typed_instant(self.occurred_edit, self._zone)

    def point(self) -> tuple[int | None, int | None]:
        """The typed point in micro-degrees; raises ``InvalidValue`` when unreadable."""
        return self.point_edits.read()

    def set_point(self, lon: float, lat: float) -> None:
        """Put a point in the form, longitude first as GeoJSON has it: the map panel calls
        this when the operator picks the place on the map. Shown to the micro-degree, with
        the interface language's decimal mark; saved as any typed point (checked by the core)."""
        shown = point_texts(micro_degrees(lat), micro_degrees(lon))
        assert shown is not None
        self.point_edits.set_texts(*shown)

    def draft(self) -> IncidentDraft:
        """What is typed as the core's draft; raises ``InvalidValue`` for an unreadable point."""
        latitude_e6, longitude_e6 = self.point()
        return IncidentDraft(
            operation_id=self._choices.operation_id,
            type_id=chosen(self.type_box) or 0,
            severity_id=chosen(self.severity_box) or 0,
            title=self.title_edit.text(),
            occurred_at=self.occurred_at(),
            description=self.description_edit.toPlainText().strip(),
            region_id=chosen(self.region_box),
            tps_id=chosen(self.tps_box),
            location=self.location_edit.text().strip() or None,
            dead=self.dead_spin.value(),
            injured=self.injured_spin.value(),
            damage=self.damage_edit.text().strip() or None,
            unit_ids=self.units.checked_ids(),
            latitude_e6=latitude_e6,
            longitude_e6=longitude_e6,
        )

    def _region_changed(self) -> None:
        tps = self._tps_for(chosen(self.region_box)) if self._tps_for is not None else ()
        fill_combo(self.tps_box, tps, none_label=_tr("— tanpa TPS —"))

    # -- unsaved input and drafts -----------------------------------------------------------

    def fields(self) -> dict[str, Any]:
        """What is typed, as plain data (a draft on disk); ``set_fields`` puts it back."""
        return {
            "type_id": chosen(self.type_box),
            "severity_id": chosen(self.severity_box),
            "title": self.title_edit.text(),
            "description": self.description_edit.toPlainText(),
            "occurred_at": self.occurred_at().isoformat(),
            "region_id": chosen(self.region_box),
            "tps_id": chosen(self.tps_box),
            "location": self.location_edit.text(),
            "dead": self.dead_spin.value(),
            "injured": self.injured_spin.value(),
            "damage": self.damage_edit.text(),
            "unit_ids": sorted(self.units.checked_ids()),
            # As typed, readable or not: a draft keeps what the operator wrote.
            "latitude": self.latitude_edit.text(),
            "longitude": self.longitude_edit.text(),
        }

    def set_fields(self, fields: dict[str, Any]) -> None:
        """Fill the form from ``fields()`` of an earlier form; unknown ids are left as they are."""

        def pick(combo: QComboBox, value: object) -> None:
            at = combo.findData(value if value is not None else NO_CHOICE)
            if at >= 0:
                combo.setCurrentIndex(at)

        pick(self.type_box, fields.get("type_id"))
        pick(self.severity_box, fields.get("severity_id"))
        pick(self.region_box, fields.get("region_id"))  # fills the TPS list
        pick(self.tps_box, fields.get("tps_id"))
        self.title_edit.setText(str(fields.get("title") or ""))
        self.description_edit.setPlainText(str(fields.get("description") or ""))
        self.location_edit.setText(str(fields.get("location") or ""))
        self.damage_edit.setText(str(fields.get("damage") or ""))
        self.latitude_edit.setText(str(fields.get("latitude") or ""))
        self.longitude_edit.setText(str(fields.get("longitude") or ""))
        self.dead_spin.setValue(int(fields.get("dead") or 0))
        self.injured_spin.setValue(int(fields.get("injured") or 0))
        self.units.set_checked(tuple(int(i) for i in fields.get("unit_ids") or ()))
        occurred = fields.get("occurred_at")
        if occurred:
            put_instant(self.occurred_edit, datetime.fromisoformat(str(occurred)), self._zone)

    def prefill(self, fields: dict[str, Any]) -> None:
        """Start the form on ``fields`` (the TPS watch's "g": its kecamatan and TPS); what is
        prefilled is not unsaved input, so Esc closes the form without asking."""
        self.set_fields({**self.fields(), **fields})
        self._pristine = self.fields()

    def _init_drafts(self) -> None:
        self._drafts: DraftBox | None = None
        self._draft_key = ""
        self.draft_id = new_draft_id()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        for signal in (
            self.type_box.currentIndexChanged,
            self.severity_box.currentIndexChanged,
            self.region_box.currentIndexChanged,
            self.tps_box.currentIndexChanged,
            self.title_edit.textChanged,
            self.description_edit.textChanged,
            self.location_edit.textChanged,
            self.latitude_edit.textChanged,
            self.longitude_edit.textChanged,
            self.damage_edit.textChanged,
            self.dead_spin.valueChanged,
            self.injured_spin.valueChanged,
            self.occurred_edit.dateTimeChanged,
            self.units.model.dataChanged,
        ):
            signal.connect(self._typed)

    def keep_drafts(self, box: DraftBox, key: str, draft_id: str | None = None) -> None:
        """Write what is typed to ``box`` (1 s after the last keystroke, and whenever a field
        is left), so a crash loses nothing; ``draft_id``: continue that draft."""
        self._drafts, self._draft_key = box, key
        if draft_id is not None:
            self.draft_id = draft_id
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _typed(self, *_args: object) -> None:
        if self._drafts is not None:
            self._draft_timer.start()

    def _focus_moved(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._draft_timer.isActive() and old is not None and self.isAncestorOf(old):
            self.write_draft()

    def write_draft(self) -> None:
        """The draft as typed now (none when the form is empty again)."""
        self._draft_timer.stop()
        if self._drafts is None:
            return
        if self.is_dirty():
            self._drafts.save(self._draft_key, self.draft_id, self.fields(), now=utc_now())
        else:
            self._drafts.remove(self.draft_id)

    def _forget_draft(self) -> None:
        self._draft_timer.stop()
        if self._drafts is not None:
            self._drafts.remove(self.draft_id)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.disconnect(self._focus_moved)
            self._drafts = None

    def is_dirty(self) -> bool:
        return self.fields() != self._pristine

    def save_input(self) -> bool:
        self.save()  # closes the form when the report is saved
        return False

    def discard_input(self) -> None:
        self._forget_draft()

    def reject(self) -> None:
        """Esc, Batal or the title bar: ask first when something is typed."""
        if may_close(self, what=_tr("Laporan kejadian ini belum disimpan.")):
            self._forget_draft()
            super().reject()

    # -- saving ---------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.hide()

    def show_error(self, error: OpsError) -> None:
        self._refuse(str(error.data.get("field") or ""), describe(error, interface_language()))

    def _refuse(self, key: str, sentence: str) -> None:
        self._clear_errors()
        label = self.errors.get(key, self.general_error)
        label.setText(sentence)
        label.show()
        focus_field(self._fields, key)  # the cursor goes where the correction is needed

    def save(self) -> None:
        """Save on the write thread; the form stays open, its button saying "Menyimpan…",
        until the result: saved, it closes; refused, it says why beside the field and keeps
        what was typed. A name typed in a choice box that fits several entries, or none, is
        refused before anything is sent. ``writes.write_done`` says how it ended."""
        if self.writes.busy:
            return  # Enter pressed again while saving: one incident, not two
        for key, box in (
            ("type_id", self.type_box),
            ("region_id", self.region_box),
            ("tps_id", self.tps_box),
        ):
            sentence = refusal(box, self._captions[key])  # a typed name no entry alone fits
            if sentence is not None:
                self._refuse(key, sentence)
                return
        try:
            draft = self.draft()
        except OpsError as exc:  # a point it cannot read: said beside it, nothing sent
            self.show_error(exc)
            return
        submit = self._submit
        self.writes.submit(
            lambda: submit(draft),
            on_saved=self._saved,
            on_refused=self.show_error,
            button=self.save_button,
        )

    def _saved(self, new_id: int) -> None:
        self._clear_errors()
        self._forget_draft()
        self.saved.emit(new_id)
        self.accept()
