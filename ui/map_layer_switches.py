"""The operation map's layers column: each layer's switch with its legend under it, the TPS
watch's step chooser, the regions' names switch and a note on the read. The area layers
colour the same polygons, so switching one on switches the others off; the panel
(``ui.map_panel.MapPanel``) reads and draws what the switches ask for."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from opscenter.stage_view import Matrix
from opscenter.watch.progress import Watch
from opscenter.watch.steps import Step
from ui import theme
from ui.map_area_fills import balance_colour
from ui.map_colours import colours
from ui.map_legend import MapLegend
from ui.map_watch import watch_legend
from ui.readiness_model import LEVEL_COLOURS, full_level
from ui.translations import translator

_tr = translator("MapPanel")


class LayerSwitch(QWidget):
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


class MapLayers(QWidget):
    """The layers' switches and legends (see the module docstring); the panel puts it in a
    scroll area beside the map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vulnerability = LayerSwitch(_tr("&Kerawanan (Polri)"), _tr("Tingkat kerawanan"), self)
        self.bawaslu = LayerSwitch(_tr("&IKP Bawaslu"), _tr("Kerawanan proses pemilihan"), self)
        self.strength = LayerSwitch(_tr("Kekuatan pe&r Polres"), _tr("Selisih kekuatan"), self)
        self.readiness = LayerSwitch(_tr("Kesiapan per P&olres"), _tr("Tingkat kesiapan"), self)
        self.incidents = LayerSwitch(_tr("Ke&jadian"), _tr("Tingkat kejadian"), self)
        self.tps = LayerSwitch(_tr("TPS per ke&camatan"), _tr("Kategori TPS"), self)
        # "Satuan": its letters are the menu bar's (s, a, t, u, n) or other layers'; g is free.
        self.units = LayerSwitch(_tr("Satuan dan &gelar BKO"), _tr("Status satuan"), self)
        self.units.legend.setVisible(False)
        # No letter of "Pemantauan TPS" is free (the menu bar's, the other layers'): the
        # step's chooser beside it carries the layer's key.
        self.watch = LayerSwitch(_tr("Pemantauan TPS"), _tr("TPS yang mencapai langkah"), self)
        self.watch.switch.setObjectName("mapWatchSwitch")
        self.watch_chooser = QWidget(self.watch)
        self.watch_step = QComboBox(self.watch_chooser)
        self.watch_step.setObjectName("mapWatchStep")
        # As wide as the legends under it, not as its longest step (the list shows them whole).
        self.watch_step.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.watch_step.setMinimumContentsLength(12)
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
        self.names = QCheckBox(_tr("Na&ma wilayah"), self)
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
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {theme.MUTED.name()};")

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        layers_title = QLabel(_tr("Lapisan"), self)
        layers_title.setFont(theme.scaled_font(self, 1.1, bold=True))
        column.addWidget(layers_title)
        for layer in (*self.area_layers(), self.incidents, self.tps, self.units):
            column.addWidget(layer)
        column.addWidget(self.names)
        column.addWidget(self.note)
        column.addStretch(1)

    def area_layers(self) -> tuple[LayerSwitch, ...]:
        """The layers that colour the polygons (one at a time)."""
        return (self.vulnerability, self.bawaslu, self.strength, self.readiness, self.watch)

    def _exclusive(self, on: bool, layer: LayerSwitch) -> None:
        if on:
            for other in self.area_layers():
                if other is not layer:
                    other.switch.setChecked(False)

    def fill_watch_steps(self, progress: Watch | None, shown: Step | None, lang: str) -> None:
        """The watch's steps in the chooser, ``shown`` current."""
        box = self.watch_step
        box.blockSignals(True)
        box.clear()
        if progress is not None:
            for st in progress.steps:
                box.addItem(f"{st.key}. {st.label(lang)}", st.id)
            box.setCurrentIndex(max(0, box.findData(shown.id if shown else None)))
        box.blockSignals(False)

    def set_area_legends(self, matrix: Matrix | None) -> None:
        """The area layers' legends: the stage's levels (``matrix``; kept without one), the
        readiness levels and the watch's shares, "not rated" in the land colour."""
        entries, kinds = watch_legend()
        self.watch.legend.set_entries(entries, kinds=kinds)
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
