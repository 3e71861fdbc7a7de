"""The map's TPS layer: a small pie of TPS categories at each kecamatan's point (the view
draws them once the map is zoomed in enough), the count in its hover text, and each
kabupaten/kota's total as a line of the region's; from the strength's inputs
(``opscenter.strength_inputs.load_inputs``: ``tps_groups``, read by ``opscenter.geo.tps.read_tps``),
TPS not yet rated a slice of their own."""

from __future__ import annotations

from PySide6.QtGui import QColor

from opscenter.geo.tps import TpsRead
from opscenter.strength import UNRATED
from ui import theme
from ui.map_layers import MapMark
from ui.map_read import MapShown
from ui.translations import translator

_tr = translator("MapPanel")


def tps_legend(tps: TpsRead) -> list[tuple[QColor, str]]:
    return [(QColor(colour), name) for _id, name, colour in tps.categories] + [
        (QColor(theme.MUTED), _tr("Belum dinilai"))
    ]


def tps_marks(shown: MapShown) -> list[MapMark]:
    """A pie of TPS categories at each kecamatan's point; the hover text counts them."""
    read = shown.read
    tps = read.tps if read else None
    if tps is None:
        return []
    legend = tps_legend(tps)
    keys = [cat_id for cat_id, _name, _colour in tps.categories] + [UNRATED]
    marks = []
    for kecamatan, counts in tps.mix.items():
        place = shown.places.get(kecamatan)
        if place is None:
            continue
        total = sum(counts.values())
        lines = [
            _tr("{kecamatan}: {n} TPS").format(kecamatan=tps.kecamatan.get(kecamatan, ""), n=total)
        ]
        shares = []
        for key, (colour, name) in zip(keys, legend, strict=True):
            if counts.get(key):
                shares.append((colour, counts[key]))
                lines.append(f"  {name}: {counts[key]}")
        marks.append(MapMark(kecamatan, place[0], place[1], tuple(shares), "\n".join(lines)))
    return marks


def tps_figures(shown: MapShown) -> dict[str, str]:
    """Region code -> its TPS and kecamatan count (a line of the hover text)."""
    read = shown.read
    tps = read.tps if read else None
    if tps is None:
        return {}
    totals: dict[int, list[int]] = {}
    for kecamatan, counts in tps.mix.items():
        kabkota = tps.inputs.kecamatan_kabkota.get(kecamatan)
        if kabkota is not None:
            sums = totals.setdefault(kabkota, [0, 0])
            sums[0] += sum(counts.values())
            sums[1] += 1
    return {
        code: _tr("TPS: {n} di {k} kecamatan").format(n=n, k=k)
        for region_id, (n, k) in totals.items()
        if (code := shown.codes.get(region_id)) is not None
    }
