"""The strip of headline figures: units, personnel, TPS, strength against need, open incidents."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from opscenter.overview import Overview
from ui import theme
from ui.strength_model import signed
from ui.translations import translator


class Figure(StrEnum):
    """Fixed tiles; the value label of each is named ``figure_<value>`` (tests find it so)."""

    UNITS = "units"
    PERSONNEL = "personnel"
    TPS = "tps"
    REQUIRED = "required"
    AVAILABLE = "available"
    BALANCE = "balance"
    INCIDENTS = "incidents"


_tr = translator("SummaryStrip")


def _captions() -> dict[Figure, tuple[str, str]]:
    """Figure -> (caption, tooltip saying exactly what is counted)."""
    return {
        Figure.UNITS: (
            _tr("Satuan"),
            _tr("Semua satuan dalam operasi: Polda, Polres, Polsek, satgas dan mitra"),
        ),
        Figure.PERSONNEL: (_tr("Personel"), _tr("Semua personel yang terdaftar dalam operasi")),
        Figure.TPS: (_tr("TPS"), _tr("Tempat pemungutan suara yang terdaftar")),
        Figure.REQUIRED: (
            _tr("Kebutuhan Polri"),
            _tr("Jumlah kebutuhan personel Polri seluruh Polres menurut pola pengamanan TPS"),
        ),
        Figure.AVAILABLE: (
            _tr("Kekuatan Polri"),
            # The board's Polda row counts the Polda's reserve too (2.826 against 2.497 in
            # the demo): the walk saw two totals and nothing saying why.
            _tr(
                "Personel Polri aktif di seluruh Polres, termasuk BKO yang berlaku; cadangan "
                "Polda (Brimob, staf Polda) tidak dihitung di sini, baris Polda di papan "
                "satuan menghitungnya"
            ),
        ),
        Figure.BALANCE: (
            _tr("Selisih"),
            _tr(
                "Kekuatan dikurangi kebutuhan; kelebihan satu Polres tidak menutup kekurangan "
                "Polres lain tanpa perintah BKO"
            ),
        ),
        Figure.INCIDENTS: (
            _tr("Kejadian terbuka"),
            _tr("Kejadian yang belum selesai, menurut tingkat keparahan"),
        ),
    }


class Tile(QFrame):
    """A caption over a large number, with an optional note under it."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.caption = QLabel(caption, self)
        self.caption.setObjectName(f"caption_{name}")
        self.caption.setFont(theme.scaled_font(self, 0.95, bold=True))
        self.value = QLabel(self)
        self.value.setObjectName(f"figure_{name}")
        self.value.setFont(theme.scaled_font(self, 2.2, bold=True))
        self.note = QLabel(self)
        self.note.setObjectName(f"note_{name}")
        self.note.setFont(theme.scaled_font(self, 0.95))
        for label in (self.caption, self.value, self.note):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names come from the database
        # A note runs to a second line rather than being cut off: on the wall's large type a
        # breakdown such as "Ringan 11 · Sedang 9 · Berat 2 · Kritis 1" outgrows its tile.
        self.note.setWordWrap(True)
        # So does a caption ("Kebutuhan / Polri") in a narrow tile (a 1366 px wall).
        self.caption.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 10)
        column.setSpacing(0)
        column.addWidget(self.caption)
        column.addWidget(self.value)
        column.addWidget(self.note)

    def set_compact(self, on: bool) -> None:
        self.value.setFont(theme.scaled_font(self, 1.7 if on else 2.2, bold=True))
        margin = 4 if on else 10
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(16, margin, 16, margin)

    def set_value(
        self, text: str, *, note: str = "", tone: str = "", note_tone: str | None = None
    ) -> None:
        """``tone`` "bad" (red), "good" (green) or "" colours the value; the note follows
        it unless ``note_tone`` says otherwise."""
        self.value.setText(text)
        self.note.setText(note)
        # A style sheet set again, even the same, is parsed and every label re-polished: at
        # each live update that was tens of milliseconds of the GUI thread (bench/board.py).
        for label, sheet in (
            (self.value, f"color: {_colour(tone, theme.INK)};"),
            (self.note, f"color: {_colour(tone if note_tone is None else note_tone)};"),
        ):
            if label.styleSheet() != sheet:
                label.setStyleSheet(sheet)


def _colour(tone: str, neutral: QColor = theme.MUTED) -> str:
    return {"bad": theme.DEFICIT, "good": theme.SURPLUS}.get(tone, neutral).name()


class SummaryStrip(QFrame):
    """Headline figures of the operation, updated from each new ``Overview``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryStrip")
        self.setStyleSheet(
            f"#summaryStrip {{ background: {theme.PANEL.name()};"
            f" border-bottom: 1px solid {theme.RULE.name()}; }}"
            f" #tile {{ background: white; border: 1px solid {theme.RULE.name()};"
            " border-radius: 6px; }"
            f" #tile QLabel {{ border: none; background: transparent; }}"
            f' QLabel[role="caption"] {{ color: {theme.MUTED.name()}; }}'
        )
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(24, 12, 24, 12)
        self._row.setSpacing(12)
        self.tiles: dict[Figure, Tile] = {}
        self._compact = False  # ``set_compact``
        for figure, (caption, tooltip) in _captions().items():
            tile = Tile(caption, figure.value, self)
            tile.setToolTip(tooltip)
            tile.caption.setProperty("role", "caption")
            self.tiles[figure] = tile
            # Tiles with a note (balance, incidents) take the room; a bare figure needs little.
            self._row.addWidget(tile, 1 if figure in (Figure.BALANCE, Figure.INCIDENTS) else 0)

    def set_compact(self, on: bool) -> None:
        """A low window (a 768 px laptop with a task bar): thinner margins and smaller
        figures, so the panels below keep their height."""
        if on == self.compact:
            return
        self._compact = on
        margin = 6 if on else 12
        self._row.setContentsMargins(24, margin, 24, margin)
        for tile in self.tiles.values():
            tile.set_compact(on)

    @property
    def compact(self) -> bool:
        return self._compact

    def show_overview(self, overview: Overview) -> None:
        locale = self.locale()
        n = locale.toString
        self.tiles[Figure.UNITS].set_value(n(overview.units))
        self.tiles[Figure.PERSONNEL].set_value(n(overview.personnel))
        self.tiles[Figure.TPS].set_value(n(overview.tps))
        if not overview.strength_loaded:
            # Strength still being computed (a large operation's start): an ellipsis, as the
            # board shows, not zeros that would read as "nobody".
            for figure in (Figure.REQUIRED, Figure.AVAILABLE, Figure.BALANCE):
                self.tiles[figure].set_value("\u2026")
        else:
            self._show_strength(overview)
        self._show_incidents(overview)

    def _show_strength(self, overview: Overview) -> None:
        locale = self.locale()
        n = locale.toString
        self.tiles[Figure.REQUIRED].set_value(n(overview.police_required))
        # The board's Polda row counts the Polda's reserve too: the tile names it, so the two
        # totals read as parts of one sum (2.497 here + 329 = 2.826 there, in the demo).
        reserve = overview.police_polda - overview.police_available
        self.tiles[Figure.AVAILABLE].set_value(
            n(overview.police_available),
            note=_tr("+{n} cadangan\u00a0Polda").format(n=n(reserve)) if reserve > 0 else "",
        )
        balance = overview.police_available - overview.police_required
        # The total nets one Polres's surplus against another's deficit; the note names
        # the deficits, which a surplus elsewhere does not fill without a BKO order.
        short = [r.balance for r in overview.strength if r.balance < 0]
        if short:
            note = _tr("{units} satuan kurang {n} personel").format(
                units=n(len(short)), n=n(-sum(short))
            )
        elif overview.strength:
            note = _tr("semua satuan tercukupi")
        else:
            note = ""
        tone = "bad" if balance < 0 else "good" if balance > 0 else ""
        self.tiles[Figure.BALANCE].set_value(
            signed(balance, locale), note=note, tone=tone, note_tone="bad" if short else tone
        )

    def _show_incidents(self, overview: Overview) -> None:
        n = self.locale().toString
        counts = overview.incidents_open  # severity name -> count, low to high
        total = sum(counts.values())
        # The upper half of the operation's scale (berat, kritis) is what wakes a commander.
        serious = sum(c for c in list(counts.values())[len(counts) // 2 :])
        # Non-breaking inside "Ringan 11": a wrapped note breaks between severities only.
        breakdown = "\u00a0·  ".join(f"{name}\u00a0{n(c)}" for name, c in counts.items())
        self.tiles[Figure.INCIDENTS].set_value(
            n(total), note=breakdown, tone="bad" if serious else ""
        )
