"""The map's TPS watch layer (pemantauan TPS): the kecamatan's own shapes, each coloured by
the share of its TPS that reached the step chosen beside the layer (by default
``default_step``), a kecamatan with overdue TPS outlined in the deficit red, a disturbed one
(an open incident linked to one of its TPS) with a red triangle where its incidents sit (not
a dot: a "berat" incident is a red dot); with the
layer's legend. From ``opscenter.watch.progress.watch``."""

from __future__ import annotations

from PySide6.QtGui import QColor

from opscenter.shares import percent
from opscenter.watch.progress import Area, Watch
from opscenter.watch.steps import Step
from ui import theme
from ui.map_colours import colours
from ui.map_read import MapShown
from ui.translations import translator

# The watch layer's colours: the share of a kecamatan's TPS at the chosen step, in fifths
# (a sequential green, light to dark, read apart from the red of the alerts; the lightest
# still apart from the grey of a kecamatan without TPS).
WATCH_SHARES = ("#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c")
# The watch is read again this often without a change: a deadline passes on its own (06:00
# makes the TPS without guards overdue).
WATCH_REREAD_MS = 60_000

_tr = translator("MapPanel")


def default_step(read: Watch) -> Step | None:
    """The step the watch layer shows unless one is chosen: the furthest that any TPS has
    reached, or the last whose deadline has passed when that is further (the arrivals at
    06:00 when nobody has reported yet); the first when neither (None: no steps)."""
    if not read.steps:
        return None
    furthest = max((i for i, n in enumerate(read.reached) if n > 0), default=0)
    passed = [
        st.index for st in read.steps if (due := read.due(st)) is not None and due <= read.now
    ]
    return read.steps[max([furthest, *passed])]


def share_colour(share: float) -> QColor:
    """A share of TPS (0..1) on the watch layer's scale, in fifths."""
    return QColor(WATCH_SHARES[min(len(WATCH_SHARES) - 1, max(0, int(share * 5)))])


def shown_step(shown: MapShown, chosen_id: int | None) -> Step | None:
    """The step the layer colours by: the one chosen (``chosen_id``), else ``default_step``
    (which moves on as the day goes)."""
    progress = shown.read.watch if shown.read is not None else None
    if progress is None:
        return None
    chosen = next((st for st in progress.steps if st.id == chosen_id), None)
    return chosen or default_step(progress)


def watch_line(area: Area, step: Step, lang: str) -> str:
    """A kecamatan's line: "Kecamatan X: 41 dari 52 TPS petugas tiba (79%), 3 terlambat,
    1 gangguan" (the kecamatan's name as the operation lists it)."""
    return _tr(
        "{kecamatan}: {reached} dari {total} TPS {step} ({share}%), "
        "{overdue} terlambat, {disturbed} gangguan"
    ).format(
        kecamatan=area.name,
        reached=area.reached[step.index],
        total=area.total,
        step=_inside(step.label(lang)),
        share=f"{percent(area.reached[step.index], area.total):.0f}",
        overdue=area.overdue,
        disturbed=area.disturbed,
    )


def watch_fills(
    shown: MapShown, step: Step | None, lang: str
) -> tuple[dict[str, QColor], dict[str, str]]:
    """Kecamatan code -> the colour of the share of its TPS at ``step``, and its line
    (``watch_line``); and kabupaten/kota code -> the line of its kecamatan summed (its card,
    when it stays chosen on the kecamatan's map)."""
    fills: dict[str, QColor] = {}
    figures: dict[str, str] = {}
    progress = shown.read.watch if shown.read is not None else None
    if progress is None or step is None:
        return fills, figures
    by_kabkota: dict[str, list[Area]] = {}
    for area in progress.kecamatan:
        code = shown.codes.get(area.id)
        if code is None:
            continue
        # A Kemendagri code is its parent's and a serial: 15.06.01 lies in 15.06.
        by_kabkota.setdefault(code.rpartition(".")[0], []).append(area)
        if area.total:
            fills[code] = share_colour(area.share(step.index))
            figures[code] = watch_line(area, step, lang)
    for code, areas in by_kabkota.items():
        kabkota = shown.ids.get(code)
        if kabkota is None or not any(a.total for a in areas):
            continue
        whole = Area(
            kabkota,
            _tr("Seluruh {n} kecamatan").format(n=len(areas)),
            None,
            sum(a.total for a in areas),
            tuple(map(sum, zip(*(a.reached for a in areas), strict=True))),
            sum(a.disturbed for a in areas),
            sum(a.overdue for a in areas),
        )
        figures[code] = watch_line(whole, step, lang)
    return fills, figures


def watch_alerts(shown: MapShown) -> tuple[dict[str, QColor], dict[str, QColor]]:
    """Kecamatan with overdue TPS (outlined) and disturbed ones (dotted), by code: red,
    as the map and the board mark a deficit and a serious incident."""
    progress = shown.read.watch if shown.read is not None else None
    if progress is None:
        return {}, {}
    red = QColor(theme.DEFICIT)
    codes = [(shown.codes.get(a.id), a) for a in progress.kecamatan]
    return (
        {code: red for code, a in codes if code is not None and a.overdue},
        {code: red for code, a in codes if code is not None and a.disturbed},
    )


def watch_legend() -> tuple[list[tuple[QColor, str]], list[str]]:
    """The share's fifths, no TPS, and the two alerts; with their swatches' kinds."""
    entries = [
        (QColor(colour), f"{20 * i}\u2013{20 * i + 19}%" if i < 4 else "80\u2013100%")
        for i, colour in enumerate(WATCH_SHARES)
    ]
    entries += [
        (colours().land, _tr("Tanpa TPS")),
        (QColor(theme.DEFICIT), _tr("Ada TPS terlambat")),
        (QColor(theme.DEFICIT), _tr("Ada gangguan (kejadian terbuka di TPS)")),
    ]
    return entries, ["area"] * (len(entries) - 2) + ["outline", "warning"]


def _inside(label: str) -> str:
    """A step's name inside a sentence: "diterima PPK", not "Diterima PPK" nor "diterima ppk"
    (its first letter only, so an acronym stays as written)."""
    return label[:1].lower() + label[1:]
