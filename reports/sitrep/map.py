"""The report's map in section VI: the current stage's vulnerability per kabupaten/kota and
the period's incidents, drawn as vectors (``reports.maps``) with their legends."""

from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from opscenter.sitrep import SitrepMap
from reports import maps
from reports.sitrep.labels import Text
from reports.sitrep.layout import BODY_W, Styles, para
from reports.sitrep.tables import RANK_COLOURS


def operation_map(m: SitrepMap, text: Text, st: Styles) -> list[Flowable]:
    """The map of the current stage's vulnerability and the period's incidents, with its
    legends: the same level colours as the tables above it, the operation's severity
    colours, each point as large as its casualties."""
    stage = m.stage.name if m.stage is not None else text("map_no_stage")
    fills = [colors.HexColor(c) for c in RANK_COLOURS]
    regions = [
        maps.Region(a.parts, fills[min(a.rank, len(fills) - 1)], maps.short_name(a.name), a.label)
        for a in m.areas
    ]
    severity = [colors.HexColor(c) for c in m.severity_colours] or [colors.grey]
    dots = [
        maps.Dot(
            p.lon,
            p.lat,
            severity[min(max(p.severity_rank, 1), len(severity)) - 1],
            min(2.6 + 1.3 * p.casualties**0.5, 8.0),
        )
        for p in m.incidents
    ]
    x0, y0, x1, y1 = m.bbox
    aspect = (y1 - y0) / max((x1 - x0) * math.cos(math.radians((y0 + y1) / 2)), 1e-9)
    height = min(max(BODY_W * aspect, 6 * cm), 15 * cm)
    levels = [(fills[0], text("map_unrated"))] + [
        (fills[min(i, len(fills) - 1)], name) for i, name in enumerate(m.level_names, 1)
    ]
    out: list[Flowable] = [
        para(text("map_of", stage=stage), st["h3"]),
        maps.region_map(regions, dots, m.bbox, BODY_W, height),
        Spacer(1, 3),
        para(text("map_levels"), st["small"]),
        maps.swatch_legend(levels, BODY_W),
        para(text("map_incidents", n=len(m.incidents)), st["small"]),
        maps.swatch_legend(
            list(zip(severity, m.severity_names, strict=False)), BODY_W, round_marks=True
        ),
    ]
    if m.unplaced:
        out.append(para(text("map_unplaced", n=m.unplaced), st["small"]))
    return out
