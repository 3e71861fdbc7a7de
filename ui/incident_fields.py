"""The fields the new-incident form and the incident detail pane both show
(``ui.incident_form``, ``ui.incident_detail``): ``UnitsPicker``, the checklist of responding
units; ``PointEdits``, Lintang and Bujur; ``point_texts``, a stored point as they show it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from opscenter.incident_choices import Choice
from opscenter.incidents import degrees, read_degrees, split_point
from opscenter.messages import decimal_text
from ui.form_parts import field
from ui.incidents_model import UnitChoiceModel
from ui.tab_order import down_into
from ui.translations import interface_language, translator

_tr = translator("IncidentForm")  # the form's context: its translations stay


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
        down_into(self.search, lambda: self.view)

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


def point_texts(latitude_e6: int | None, longitude_e6: int | None) -> tuple[str, str] | None:
    """A stored point as the interface writes numbers ("-1,6", "103,6"); None without one."""
    lat, lon = degrees(latitude_e6), degrees(longitude_e6)
    if lat is None or lon is None:
        return None
    lang = interface_language()
    return decimal_text(lat, lang), decimal_text(lon, lang)
