"""Entering incidents: the new-incident form, and the detail pane of the selected incident
(its facts, follow-up entry, status change and responding units).

Keyboard first: every field is reached with Tab in reading order; Enter (or Ctrl+Enter,
also inside the description) saves; Esc cancels. A refused save shows the core's sentence
(``messages.describe``) next to the field it concerns and keeps everything typed.

These widgets never write on the GUI thread: the form hands its draft to ``submit``, which
runs on the write thread (``ui.pending``); the detail pane emits what the operator asked for,
and the panel runs the core service there (through the undo stack where it can be undone).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QDateTime,
    QEvent,
    QObject,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opscenter.drafts import DraftBox, new_draft_id, utc_now
from opscenter.errors import OpsError
from opscenter.incident_log import Choice, Choices, FollowUpRow, IncidentRow
from opscenter.incidents import IncidentDraft, degrees, micro_degrees, read_degrees, split_point
from opscenter.messages import decimal_text, describe
from opscenter.operations import DEFAULT_TIMEZONE, zone_label
from ui import theme
from ui.actions import SAVE_KEYS, close_keys
from ui.form_parts import error_label, field, save_cancel
from ui.incidents_model import FollowUpColumn, FollowUpsModel, UnitChoiceModel, region_text
from ui.pending import PendingWrite
from ui.screen_fit import fit_to_screen, scrolling
from ui.tab_order import OneStopDateTimeEdit, chain
from ui.table_model import AnyIndex
from ui.translations import interface_language, translator
from ui.unsaved import may_close

# A draft is written this long after the last keystroke (and at once when a field is left).
DRAFT_DELAY_MS = 1_000


_tr = translator("IncidentForm")


def colour_icon(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


# The "none"/"all" entry of a combo box. Not None: PySide6 6.12 on Python 3.11 drops a
# reference to None each time a Qt call hands back an empty QVariant (currentData() of an
# entry whose data is None), and enough of those abort the process ("deallocating None").
NO_CHOICE = -1


def chosen(combo: QComboBox) -> int | None:
    """The id behind the current entry, None for the "none" entry."""
    if combo.currentIndex() < 0:
        return None
    value = combo.currentData()
    return None if value is None or value == NO_CHOICE else int(value)


def fill_combo(combo: QComboBox, items: Sequence[Choice], *, none_label: str | None = None) -> None:
    """Items with their id as data; an optional first entry meaning "none" (NO_CHOICE)."""
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, NO_CHOICE)
    for item in items:
        if item.colour:
            combo.addItem(colour_icon(item.colour), item.name, item.id)
        else:
            combo.addItem(item.name, item.id)


# How people write a kabupaten or a kota, each reduced to one form for matching: "kab. ker",
# "Kabupaten Ker" and "kab ker" all find "Kab. Kerinci"; "kotamadya jambi" finds "Kota Jambi".
_PLACE_FORMS = (
    (re.compile(r"\bkabupaten\b|\bkab\b\.?"), "kab "),
    (re.compile(r"\bkotamadya\b|\bkodya\b|\bkota\b"), "kota "),
)


def search_key(text: str) -> str:
    """``text`` as the region search compares it: lower case, one form of "Kab."/"Kabupaten"
    and of "Kota"/"Kotamadya", punctuation and repeated spaces dropped."""
    key = text.casefold()
    for pattern, form in _PLACE_FORMS:
        key = pattern.sub(form, key)
    key = re.sub(r"[^\w]+", " ", key)
    return " ".join(key.split())


def short_region(name: str) -> str:
    """ "Kabupaten Kerinci" as the incidents list shows it: "Kab. Kerinci"."""
    return name.replace("Kabupaten ", "Kab. ")


class _Matches(QSortFilterProxyModel):
    """The entries of a combo box whose ``search_key`` holds what was typed."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._typed = ""

    def set_typed(self, text: str) -> None:
        self.beginFilterChange()
        self._typed = search_key(text)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        name = str(model.index(source_row, 0, source_parent).data() or "")
        return self._typed in search_key(name)


def searchable(combo: QComboBox) -> None:
    """Type any part of a name ("kerinci", "kab. ker") to find it; never adds what was typed.
    Leaving the field with a name typed whole, or typed so far that one entry matches,
    chooses that entry (what is shown is what is saved)."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    matches = _Matches(combo)
    matches.setSourceModel(combo.model())
    completer = QCompleter(matches, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)
    edit = combo.lineEdit()
    assert edit is not None  # an editable combo box always has one

    def typed(text: str) -> None:
        matches.set_typed(text)
        if text and matches.rowCount():
            completer.complete()
        else:
            popup = completer.popup()
            if popup is not None:
                popup.hide()

    def settle() -> None:
        text = edit.text()
        if combo.currentIndex() >= 0 and combo.itemText(combo.currentIndex()) == text:
            return
        matches.set_typed(text)
        exact = [
            r for r in range(combo.count()) if search_key(combo.itemText(r)) == search_key(text)
        ]
        if exact:
            combo.setCurrentIndex(exact[0])
        elif text.strip() and matches.rowCount() == 1:
            combo.setCurrentIndex(matches.mapToSource(matches.index(0, 0)).row())

    edit.textEdited.connect(typed)
    edit.editingFinished.connect(settle)


def region_choices(choices: Choices) -> list[Choice]:
    """Kabupaten as the incidents list shows them ("Kab. Kerinci"); a kecamatan followed by
    its kabupaten, so either name finds it."""
    out: list[Choice] = []
    parent = ""
    for r in choices.regions:
        if r.depth == 0:
            parent = short_region(r.name)
            out.append(Choice(r.id, parent, r.code, depth=r.depth))
        else:
            out.append(Choice(r.id, f"{r.name} ({parent})", r.code, depth=r.depth))
    return out


class UnitsPicker(QWidget):
    """A filterable checklist of units: type to narrow, Space to tick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = UnitChoiceModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_tr("Cari satuan…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        # Its label's mnemonic, and Tab, land in the search; Down goes on into the list.
        self.setFocusProxy(self.search)
        self.search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount() > 0
        ):
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def set_units(self, units: Sequence[Choice]) -> None:
        self.model.set_units(units)

    def checked_ids(self) -> tuple[int, ...]:
        return self.model.checked_ids()

    def set_checked(self, ids: Sequence[int]) -> None:
        self.model.set_checked(ids)


class PointEdits:
    """Lintang and Bujur, two fields of decimal degrees (a point or a comma), shared by the
    new-incident form and the detail pane: a pair typed or pasted into Lintang ("-1.6,
    103.6", "-1,6 103,6") goes to both; ``read`` gives micro-degrees or refuses in a sentence."""

    def __init__(self, parent: QWidget, name: str, hints: tuple[str, str]) -> None:
        self.latitude = field(parent, f"{name}Latitude", hint=hints[0])
        self.longitude = field(parent, f"{name}Longitude", hint=hints[1])
        self.latitude.editingFinished.connect(self.split_pair)

    def split_pair(self) -> None:
        pair = split_point(self.latitude.text())
        if pair is not None and not self.longitude.text().strip():
            self.latitude.setText(pair[0])
            self.longitude.setText(pair[1])

    def texts(self) -> tuple[str, str]:
        return self.latitude.text(), self.longitude.text()

    def set_texts(self, latitude: str, longitude: str) -> None:
        self.latitude.setText(latitude)
        self.longitude.setText(longitude)

    def read(self) -> tuple[int | None, int | None]:
        """The typed point in micro-degrees (None where empty); raises ``InvalidValue`` with
        the sentence to show when a field cannot be read."""
        self.split_pair()
        return read_degrees(self.latitude.text()), read_degrees(self.longitude.text())


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
        self.tps_box.addItem(_tr("— tanpa TPS —"), NO_CHOICE)
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
        now = self._clock().astimezone(self._zone)
        self.occurred_edit.setDateTime(
            QDateTime(now.year, now.month, now.day, now.hour, now.minute, 0)
        )
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
        qdt = self.occurred_edit.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self._zone)

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
        self.tps_box.clear()
        self.tps_box.addItem(_tr("— tanpa TPS —"), NO_CHOICE)
        if self._tps_for is not None:
            for tps in self._tps_for(chosen(self.region_box)):
                self.tps_box.addItem(tps.name, tps.id)

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
            local = datetime.fromisoformat(str(occurred)).astimezone(self._zone)
            self.occurred_edit.setDateTime(
                QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
            )

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
        self._clear_errors()
        key = str(error.data.get("field") or "")
        label = self.errors.get(key, self.general_error)
        label.setText(describe(error, interface_language()))
        label.show()
        field = self._fields.get(key)
        if field is not None:  # the cursor goes where the correction is needed
            field.setFocus()

    def save(self) -> None:
        """Save on the write thread; the form stays open, its button saying "Menyimpan…",
        until the result: saved, it closes; refused, it says why beside the field and keeps
        what was typed. ``writes.write_done`` says how it ended."""
        if self.writes.busy:
            return  # Enter pressed again while saving: one incident, not two
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
            _tr("Terjadi <b>{o} {zone}</b> · dicatat {r} {zone} oleh {by}").format(
                o=row.occurred_local.strftime("%d-%m-%Y %H:%M"),
                r=row.recorded_local.strftime("%d-%m-%Y %H:%M"),
                zone=zone_label(row.occurred_local.tzinfo or DEFAULT_TIMEZONE),
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
        self.status_box.setCurrentIndex(max(self.status_box.findData(status_id), 0))

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


def point_texts(latitude_e6: int | None, longitude_e6: int | None) -> tuple[str, str] | None:
    """A stored point as the interface writes numbers ("-1,6", "103,6"); None without one."""
    lat, lon = degrees(latitude_e6), degrees(longitude_e6)
    if lat is None or lon is None:
        return None
    lang = interface_language()
    return decimal_text(lat, lang), decimal_text(lon, lang)
