"""Combo boxes of reference choices (types, severities, statuses, stages, regions, TPS):
each entry carries its id as data, with an optional first entry meaning "none" or "all"
(``NO_CHOICE``); ``chosen`` reads the id back and ``choose`` sets it; ``searchable`` lets
the operator type any part of a name to find it, ``settle`` chooses the entry a typed name
means and ``refusal`` says why a save must wait when it means several or none (what is
shown is what is saved); ``region_choices`` names the regions as the incidents list does.

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
from opscenter.roster.reference_data import place_key
from ui.place_names import short_region
from ui.table_model import AnyIndex
from ui.translations import translator

_tr = translator("ChoiceCombo")


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A square of ``colour`` (a severity's, a status's) to show beside its name."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


# The "none"/"all" entry of a combo box. Not None: PySide6 6.12 on Python 3.11 drops a
# reference to None each time a Qt call hands back an empty QVariant (currentData() of an
# entry whose data is None), and enough of those abort the process ("deallocating None").
NO_CHOICE = -1
# Where an entry's level in a tree (a kecamatan under its kabupaten) is kept.
_DEPTH_ROLE = Qt.ItemDataRole.UserRole + 1


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
        if item.depth:
            combo.setItemData(combo.count() - 1, item.depth, _DEPTH_ROLE)


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
    and of "Kota"/"Kotamadya", punctuation and repeated spaces dropped, numbers without
    their leading zeros ("TPS 001" is "tps 1", as officers say and type it)."""
    key = text.casefold()
    for pattern, form in _PLACE_FORMS:
        key = pattern.sub(form, key)
    key = re.sub(r"[^\w]+", " ", key)
    key = re.sub(r"\b0+(?=\d)", "", key)
    return " ".join(key.split())


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


def searchable(combo: QComboBox, *, filter_box: bool = False) -> None:
    """Type any part of a name ("kerinci", "kab. ker") to find it; never adds what was typed.
    Leaving the field settles what was typed (``settle``): what is shown is what is saved. A
    form refuses its save while a text settles on no single entry (``refusal``); a
    ``filter_box`` has no save, so there such a text gives way to the entry it filters by."""
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
        # Typing or pasting (keys, the context menu, a drop) into a field that shows the
        # "none" entry's label ("— tanpa TPS —") replaces the label instead of adding to it.
        # Qt selects the label only when the field is entered by Tab: back from the list
        # (Alt+Down, Esc) or clicked into, "Air Mumu" was searched as "— tanpa TPS —Air Mumu".
        none_row = combo.findData(NO_CHOICE)
        label = combo.itemText(none_row) if none_row >= 0 else ""
        if label and text != label and label in text:
            text = text.replace(label, "", 1)
            edit.setText(text)  # not an edit of the user's: textEdited does not come again
        matches.set_typed(text)
        if text and matches.rowCount():
            completer.complete()
        else:
            popup = completer.popup()
            if popup is not None:
                popup.hide()

    def leave() -> None:
        settle(combo)
        if filter_box and unsettled(combo) is not None:
            current = combo.currentIndex()
            edit.setText(combo.itemText(current) if current >= 0 else "")

    edit.textEdited.connect(typed)
    edit.editingFinished.connect(leave)


def _own(text: str) -> str:
    """An entry without the parent named after it: "Kecamatan Bangko (Kab. Merangin)" ->
    "Kecamatan Bangko"."""
    return _PARENT.sub("", text)


# The parent a kecamatan's entry names after it (``region_choices``).
_PARENT = re.compile(r"\s*\([^()]*\)\s*$")


def _candidates(combo: QComboBox, text: str) -> list[int]:
    """The rows of ``combo`` that ``text`` may mean, the surest kind of match first: the
    entry written so (in any form of "Kab."/"Kota"); else those whose own name it is
    ("Kecamatan Bangko"); else those whose own name it is without its level word, the
    highest level only ("Merangin": Kab. Merangin, not a kecamatan of that name under it);
    else those holding it as whole words ("TPS 1": TPS 001, not TPS 010); else every entry
    holding it."""
    rows = range(combo.count())
    if not text.strip():
        return [r for r in rows if combo.itemData(r) == NO_CHOICE]
    key, bare = search_key(text), place_key(text)
    exact = [r for r in rows if search_key(combo.itemText(r)) == key]
    if exact:  # two entries of one name (a desa's name in two kecamatan): the list decides
        return exact
    own = [r for r in rows if search_key(_own(combo.itemText(r))) == key]
    if own:
        return own
    named = [r for r in rows if bare and place_key(_own(combo.itemText(r))) == bare]
    if named:
        top = min(_depth(combo, r) for r in named)
        return [r for r in named if _depth(combo, r) == top]
    word = re.compile(rf"(?<!\S){re.escape(key)}(?!\S)")
    words = [r for r in rows if word.search(search_key(combo.itemText(r)))]
    return words or [r for r in rows if key in search_key(combo.itemText(r))]


def _depth(combo: QComboBox, row: int) -> int:
    return int(combo.itemData(row, _DEPTH_ROLE) or 0)


def settle(combo: QComboBox) -> None:
    """Choose the entry a searchable ``combo``'s typed text means, if one alone fits
    (``_candidates``); emptied, its "none" entry, or no entry where it has none. Text that
    fits several entries or none stays as typed, unchosen: ``refusal`` then says so."""
    edit = combo.lineEdit()
    if edit is None or unsettled(combo) is None:
        return
    text = edit.text()
    found = _candidates(combo, text)
    if len(found) == 1:
        combo.setCurrentIndex(found[0])
    elif not text.strip():
        combo.setCurrentIndex(-1)


def unsettled(combo: QComboBox) -> str | None:
    """What is typed in a searchable ``combo`` when it is not its chosen entry's name."""
    edit = combo.lineEdit()
    if edit is None:
        return None
    current = combo.currentIndex()
    shown = combo.itemText(current) if current >= 0 else ""
    return None if edit.text() == shown else edit.text()


def refusal(combo: QComboBox, field: str) -> str | None:
    """The sentence refusing a save while ``combo`` shows a text no entry alone fits (after
    ``settle``), naming ``field`` and the entries it fits; None when what is shown is chosen."""
    settle(combo)
    typed = unsettled(combo)
    if typed is None:
        return None
    found = [combo.itemText(r) for r in _candidates(combo, typed)]
    if not found:
        return _tr("{field}: \u201c{typed}\u201d tidak ada dalam daftar; pilih salah satu.").format(
            field=field, typed=typed
        )
    names = ", ".join(found[:_NAMED]) + (", …" if len(found) > _NAMED else "")
    return _tr(
        "{field}: \u201c{typed}\u201d cocok dengan beberapa pilihan: {names}; pilih salah satu."
    ).format(field=field, typed=typed, names=names)


# How many of the entries a typed text fits a refusal names.
_NAMED = 5


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
