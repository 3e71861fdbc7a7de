"""The look of the application: type sizes and colours, chosen for a command room at night."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleFactory,
    QStyleOption,
    QStyleOptionViewItem,
    QWidget,
)

# Read from across a desk at 3 a.m.: well above the desktop default of 9-10 pt.
BASE_POINT_SIZE = 12.0

INK = QColor("#1b1f24")
MUTED = QColor("#5b6470")
RULE = QColor("#d0d5dc")
PANEL = QColor("#f4f6f8")
NAVY = QColor("#0d2c54")  # Polri blue-black, for the header band
GOLD = QColor("#c9a227")
DEFICIT = QColor("#c62828")
SURPLUS = QColor("#2e7d32")
ALERT_BG = QColor("#fdecea")
# Light tints that mark a cell by day: a "Baru" (new) incident, an uncertain import mapping.
NEW_BG = QColor("#fff4d6")
UNCERTAIN_BG = QColor("#fff3cd")

# The night theme's text and table surface (ui.night builds its palette from them); kept here
# so that the models' cell colours can follow the theme without importing ui.night.
NIGHT_TEXT = QColor("#e8edf3")  # about 14:1 on the night background
NIGHT_SURFACE = QColor("#1a2129")
# Day tint -> its night counterpart: the same hue, dark, under the night text (about 9:1).
NIGHT_TINTS: dict[int, QColor] = {
    NEW_BG.rgb(): QColor("#4a3a10"),
    UNCERTAIN_BG.rgb(): QColor("#4a3a10"),
    ALERT_BG.rgb(): QColor("#4a1f22"),
}


class _Mode(QObject):
    """Which theme the application wears: the one switch every cell colour follows.
    ``ui.night.apply_night`` sets it when the whole application changes theme; ``changed``
    tells the few widgets that paint swatches into their text (rich text, style sheets),
    which a palette change does not reach when a style sheet above them rules."""

    changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.night = False


mode = _Mode()


def night_is_on() -> bool:
    return mode.night


def set_night_mode(on: bool) -> None:
    if on != mode.night:
        mode.night = on
        mode.changed.emit(on)


class Look(QProxyStyle):
    """Fusion, with check boxes and radio buttons that stay visible on a dark palette.

    Fusion draws an indicator's outline a shade darker than the window: on the night theme's
    near-black window that outline is near-black too (about 1.05:1), and an officer cannot
    tell a radio button from the background. On a dark palette (the night theme, the wall)
    the indicators are drawn here instead, with an outline and mark that read (WCAG's 3:1
    for controls and more); a light palette gets Fusion's own, pixel for pixel."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        indicators = (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        )
        if element not in indicators or not is_dark(option.palette):
            super().drawPrimitive(element, option, painter, widget)
            return
        painter.save()
        try:
            _draw_indicator(element == indicators[1], option, painter)
        finally:
            painter.restore()


def is_dark(palette: QPalette) -> bool:
    """A dark surface: light marks are drawn on it, not darker ones."""
    return _luminance(palette.color(QPalette.ColorRole.Window)) < 0.18


INDICATOR_CONTRAST = 4.5  # the outline: more than WCAG's 3:1 for controls, from across a desk


def _draw_indicator(radio: bool, option: QStyleOption, painter: QPainter) -> None:
    """A check box or radio button on a dark palette: a ring in a light shade of the palette's
    rule colour (the highlight's when it has the focus), a tick or dot in its text colour."""
    palette, state = option.palette, option.state
    window = palette.color(QPalette.ColorRole.Window)
    rule = palette.color(QPalette.ColorRole.Mid)
    if not state & QStyle.StateFlag.State_Enabled:
        ring = readable(rule, window, 3.0)
        mark = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    else:
        focused = state & QStyle.StateFlag.State_HasFocus
        ring = readable(
            palette.color(QPalette.ColorRole.Highlight) if focused else rule,
            window,
            INDICATOR_CONTRAST,
        )
        mark = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    fill = palette.color(QPalette.ColorRole.Base)
    if state & QStyle.StateFlag.State_Sunken:  # being pressed
        fill = fill.lighter(160)
    side = min(option.rect.width(), option.rect.height())
    pen = max(1.0, side / 10)
    box = QRectF(0, 0, side - pen, side - pen)
    box.moveCenter(QRectF(option.rect).center())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(ring, pen))
    painter.setBrush(fill)
    if radio:
        painter.drawEllipse(box)
        if state & QStyle.StateFlag.State_On:
            dot = box.width() * 0.5
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark)
            painter.drawEllipse(QRectF(box.center() - QPointF(dot, dot) / 2, box.size() * 0.5))
        return
    painter.drawRoundedRect(box, 2, 2)
    tick = QPen(mark, max(1.5, side / 7), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(tick)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    left, top, w, h = box.left(), box.top(), box.width(), box.height()
    if state & QStyle.StateFlag.State_NoChange:  # partly checked: a dash
        painter.drawLine(
            QPointF(left + w * 0.28, top + h / 2), QPointF(left + w * 0.72, top + h / 2)
        )
    elif state & QStyle.StateFlag.State_On:
        path = QPainterPath(QPointF(left + w * 0.24, top + h * 0.52))
        path.lineTo(left + w * 0.42, top + h * 0.72)
        path.lineTo(left + w * 0.78, top + h * 0.30)
        painter.drawPath(path)


def apply_look(app: QApplication) -> None:
    """Style and base font of the whole application (idempotent)."""
    # Fusion looks the same on every workstation and honours item background colours.
    app.setStyle(Look())
    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font scaled from the base size (so headings follow the user's base)."""
    font = QFont(widget.font())
    font.setPointSizeF(max(1.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font


# WCAG 2 contrast for text: 4.5:1 reads at a glance, 3:1 only for large type.
TEXT_CONTRAST = 4.5


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    la, lb = _luminance(a), _luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


WHITE = QColor("#ffffff")


def text_on(background: QColor) -> QColor:
    """White or ink, whichever reads better on a coloured cell (an orange or olive swatch
    wants ink: white on #ef6c00 is 3:1, ink 6:1)."""
    return WHITE if _white_on(background.rgb()) else INK


@lru_cache(maxsize=256)  # asked at every paint of a coloured cell, for a handful of colours
def _white_on(rgb: int) -> bool:
    background = QColor.fromRgb(rgb)
    return contrast(WHITE, background) >= contrast(INK, background)


def readable(colour: QColor, background: QColor, minimum: float = TEXT_CONTRAST) -> QColor:
    """``colour``, or the nearest colour of the same hue light or dark enough to read on
    ``background`` (lighter on a dark surface, darker on a light one)."""
    return QColor(_readable(colour.rgb(), background.rgb(), minimum))


@lru_cache(maxsize=256)  # a handful of list colours on two or three surfaces
def _readable(rgb: int, background_rgb: int, minimum: float) -> int:
    colour, background = QColor.fromRgb(rgb), QColor.fromRgb(background_rgb)
    if contrast(colour, background) >= minimum:
        return rgb
    hue, saturation, lightness = colour.hslHueF(), colour.hslSaturationF(), colour.lightnessF()
    step = 0.02 if _luminance(background) < 0.18 else -0.02  # lighter on a dark surface
    best = colour
    for n in range(1, 51):
        shade = min(1.0, max(0.0, lightness + n * step))
        best = QColor.fromHslF(max(hue, 0.0), saturation, shade)
        if contrast(best, background) >= minimum:
            break
    return int(best.rgb())


class ReadableTextDelegate(QStyledItemDelegate):
    """Paints a cell's own text colour (an operation's list colour, e.g. a severity's)
    adjusted to stay readable on the surface under it: "Kritis" in #6a0000 is fine on white
    and invisible on the night theme's dark rows; an olive "Ringan" is too pale on white.
    The colour chosen in the list is kept wherever it already reads."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)  # the cell's own colour is the palette's Text
        if option.backgroundBrush.style() != Qt.BrushStyle.NoBrush:
            surface = option.backgroundBrush.color()
        else:
            alternate = bool(option.features & QStyleOptionViewItem.ViewItemFeature.Alternate)
            role = QPalette.ColorRole.AlternateBase if alternate else QPalette.ColorRole.Base
            surface = option.palette.color(role)
        colour = option.palette.color(QPalette.ColorRole.Text)
        fixed = readable(colour, surface)
        if fixed != colour:
            option.palette.setColor(QPalette.ColorRole.Text, fixed)


def cell_background(colour: QColor) -> QColor:
    """A highlighted cell's background in the theme being worn. By day the colour itself; at
    night a day tint becomes its dark counterpart (``NIGHT_TINTS``) and any other colour (an
    operation's severity or status colour, a deficit's red) is darkened by ``readable`` until
    the night text reads on it: a bright cream or orange cell at 3 a.m. is a lamp."""
    if not mode.night:
        return colour
    tint = NIGHT_TINTS.get(colour.rgb())
    return QColor(tint) if tint is not None else readable(colour, NIGHT_TEXT)


def cell_text(colour: QColor) -> QColor:
    """The text on a cell painted ``cell_background(colour)``: white or ink by day, the night
    text at night."""
    return QColor(NIGHT_TEXT) if mode.night else text_on(colour)


def alert_cell() -> tuple[QColor, QColor]:
    """A cell that warns (a post still short, a TPS late): its background and its red text,
    in the theme being worn (at night the tint's dark counterpart, the red made readable)."""
    background = cell_background(ALERT_BG)
    return background, readable(DEFICIT, background)


def text_colour(colour: QColor) -> QColor:
    """A cell's own text colour (a rejected row's red, a quiet zero's grey) in the theme
    being worn: as chosen by day, made readable on the night surface at night."""
    return readable(colour, NIGHT_SURFACE) if mode.night else colour


def badge_html(colour: QColor, text: str) -> str:
    """``text`` (already escaped) on a swatch of ``colour`` in rich text (a severity in the
    incident detail, a level in a legend), in the theme being worn, like the cells."""
    back, ink = cell_background(colour), cell_text(colour)
    return (
        f'<span style="background:{back.name()}; color:{ink.name()}; font-weight:bold;">'
        f"&nbsp;{text}&nbsp;</span>"
    )


def chip_style(colour: QColor) -> str:
    """A style sheet painting a label as a swatch of ``colour``, like the cells. rgb(), not
    #hex: ui.night swaps day hex colours in style sheets, and this one is chosen already."""

    def rgb(c: QColor) -> str:
        return f"rgb({c.red()}, {c.green()}, {c.blue()})"

    back, ink = cell_background(colour), cell_text(colour)
    return f"background: {rgb(back)}; color: {rgb(ink)}; border-radius: 4px; padding: 2px 10px;"
