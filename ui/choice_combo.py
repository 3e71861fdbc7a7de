"""Combo boxes of reference choices (types, severities, statuses, stages, regions, TPS):
each entry carries its id as data, with an optional first entry meaning "none" or "all"
(``NO_CHOICE``); ``chosen`` reads the id back and ``choose`` sets it; ``searchable`` lets
the operator type any part of a name to find it; ``region_choices`` names the regions as
the incidents list does.

Used by the new-incident form and the incident detail pane (``ui.incident_form``,
``ui.incident_detail``), the incidents panel's filters, the units board's region filter and
the plotting window's post search; ``colour_icon`` also by the unit status dialog.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QCompleter

from opscenter.incident_choices import Choice, Choices
from ui.table_model import AnyIndex


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A square of ``colour`` (a severity's, a status's) to show beside its name."""
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


def choose(combo: QComboBox, item_id: int | None) -> None:
    """Make the entry of ``item_id`` current: None, or an id no longer in the list, makes
    the first entry current (the "none"/"all" entry where there is one)."""
    combo.setCurrentIndex(max(combo.findData(NO_CHOICE if item_id is None else item_id), 0))


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
