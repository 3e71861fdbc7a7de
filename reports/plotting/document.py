"""The plotting list and the assignment slips as PDFs: A4 portrait with the situation
report's letterhead, page furniture (classification at the top and bottom of every page,
"Hal. X dari Y", when it was made), tables and signature.

The list's rows are plain, pre-wrapped strings (``wrap``), not Paragraphs: a Polda's list
runs to thousands of rows. Each post takes as many rows as it has officers or desa,
whichever is more: the desa beside its TPS numbers, the officers by seniority, the leader
in bold and marked; the post's number, its No and its Linmas need span its rows.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageTemplate, Spacer

from opscenter.plotting.lists import KecamatanPlot, PlottingList, Slip, slips
from opscenter.progress import Progress
from opscenter.sitrep import ReportSettings, check_destination, write_atomically
from reports.ending import ended_by, opened
from reports.fonts import BOLD, ITALIC, register
from reports.plotting.labels import LIST_COLUMNS, RESERVE_COLUMNS, PlotText, named
from reports.sitrep.document import document, frame, page_canvas
from reports.sitrep.layout import BODY_W, PORTRAIT, Styles, para
from reports.sitrep.layout import styles as make_styles
from reports.sitrep.sections import letterhead_of, meta_table, signature_of
from reports.sitrep.tables import alert_marks, grid_table, kept_with_table, layout_table, wrap

# No, TPS, Desa, Pos, Nama, Pangkat, NRP, HP, Linmas: 17.5 cm, the portrait body.
LIST_W = [0.8 * cm, 1.7 * cm, 2.8 * cm, 0.8 * cm, 4.0 * cm, 1.5 * cm, 1.8 * cm, 2.8 * cm, 1.3 * cm]
RESERVE_W = [0.9 * cm, 4.6 * cm, 2.0 * cm, 1.8 * cm, 2.6 * cm, 5.6 * cm]
SUMMARY_W = [4.0 * cm, 4.0 * cm, 1.2 * cm, 2.0 * cm, 2.2 * cm, 2.1 * cm, 2.0 * cm]
PAD = 6  # a cell's padding, both sides (GRID: 3 + 3)
# Room to sign, the signatory's lines and the cut line: what a slip needs below its fields.
SLIP_GAP = 0.35 * cm


@dataclass(frozen=True, slots=True)
class PlottingDocument:
    """What the plotting documents print: the list, the operation's report settings, and the
    document's own particulars."""

    settings: ReportSettings
    listing: PlottingList
    classification: str
    generated_at: datetime  # in the operation's zone


def text_of(d: PlottingDocument) -> PlotText:
    return PlotText(d.settings.language, d.settings.tz_label)


def _cell(value: object, col: int, font: str = "DejaVuSans") -> str:
    return wrap(str(value), LIST_W[col] - PAD, font)


def _stage(d: PlottingDocument, text: PlotText) -> str:
    lst = d.listing
    if lst.stage_from is None:
        return lst.stage
    dates = text.date(lst.stage_from)
    if lst.stage_to is not None and lst.stage_to != lst.stage_from:
        dates += f" \u2013 {text.date(lst.stage_to)}"
    return text("stage_dates", stage=lst.stage, dates=dates)


def _head(d: PlottingDocument, text: PlotText, st: Styles, title: str) -> list[Flowable]:
    s = d.settings
    meta = [
        (text("operation"), s.operation_name),
        (text("stage"), _stage(d, text)),
        (text("scope"), d.listing.scope or text("all_units")),
        (text("as_of"), text.when(d.generated_at)),
    ]
    return letterhead_of(s, title, meta, text, st)


def _summary(lst: PlottingList, text: PlotText) -> Flowable:
    rows: list[list[Any]] = [
        [
            text("kecamatan"),
            text("polsek"),
            text("posts"),
            text("need"),
            text("placed"),
            text("deficit"),
            text("linmas"),
        ]
    ]
    marks: list[tuple[Any, ...]] = []
    for i, k in enumerate(lst.kecamatan, 1):
        rows.append(
            [
                wrap(k.kecamatan, SUMMARY_W[0] - PAD),
                wrap(k.polsek or text("no_polsek"), SUMMARY_W[1] - PAD),
                *(text.number(n) for n in (len(k.posts), k.needed, k.placed, k.deficit, k.linmas)),
            ]
        )
        if k.deficit:
            marks += alert_marks(5, i)
    rows.append(
        [
            text("total"),
            "",
            *(
                text.number(n)
                for n in (
                    lst.posts,
                    lst.needed,
                    lst.placed,
                    lst.deficit,
                    sum(k.linmas for k in lst.kecamatan),
                )
            ),
        ]
    )
    if lst.deficit:
        marks += alert_marks(5, len(rows) - 1)
    return grid_table(rows, SUMMARY_W, numeric_from=2, total_row=True, extra=marks)


def _kecamatan_table(k: KecamatanPlot, text: PlotText) -> tuple[Flowable, int]:
    """The kecamatan's post table, and how many of its rows its header and first post take
    (a post's rows never split: its No, Pos and Linmas span them)."""
    rows: list[list[Any]] = [text.headings(*LIST_COLUMNS)]
    marks: list[tuple[Any, ...]] = [("ALIGN", (0, 1), (0, -1), "RIGHT")]
    marks += [("ALIGN", (3, 1), (3, -1), "RIGHT"), ("ALIGN", (8, 1), (8, -1), "RIGHT")]
    opening = len(rows)
    for n, p in enumerate(k.posts, 1):
        first = len(rows)
        people: list[list[str]] = []
        for g in p.guards:
            name = f"{g.name} {text('leader_mark')}" if g.leader else g.name
            people.append(
                [
                    _cell(name, 4, BOLD if g.leader else "DejaVuSans"),
                    _cell(g.rank, 5),
                    _cell(g.nrp, 6),
                    _cell(g.phone, 7),
                ]
            )
            if g.leader:
                marks.append(("FONTNAME", (4, first), (4, first), BOLD))
        if p.short:
            people.append([_cell(text("short_row", n=p.short), 4, ITALIC), "", "", ""])
            at = (4, first + len(people) - 1)
            marks += [*alert_marks(*at), ("FONTNAME", at, at, ITALIC)]
        places = [[_cell(tps, 1), _cell(desa, 2)] for desa, tps in zip(p.desa, p.tps, strict=True)]
        for i in range(max(len(people), len(places), 1)):
            place = places[i] if i < len(places) else ["", ""]
            person = people[i] if i < len(people) else ["", "", "", ""]
            head = [str(n), str(p.number), str(p.linmas)] if i == 0 else ["", "", ""]
            rows.append([head[0], *place, head[1], *person, head[2]])
        last = len(rows) - 1
        if last > first:
            for col in (0, 3, 8):
                marks.append(("SPAN", (col, first), (col, last)))
        # Inside a post only the post's own lines: a row's place and its person are separate
        # lists, so no line across between them.
        for r in range(first, last):
            marks.append(("LINEBELOW", (1, r), (2, r), 0.6, colors.white))
            marks.append(("LINEBELOW", (4, r), (7, r), 0.6, colors.white))
        if n == 1:
            opening = len(rows)
    return grid_table(rows, LIST_W, extra=marks), opening


def _kecamatan(
    k: KecamatanPlot, text: PlotText, st: Styles, lead: Sequence[Flowable] = ()
) -> list[Flowable]:
    """The kecamatan's heading and post table, ``lead`` (the section's heading and notes)
    before them, all kept with the table's first post."""
    polsek = k.polsek or text("no_polsek")
    heading = f"{k.kecamatan.upper()} \u2014 {polsek.upper()}"
    if k.polres:
        heading += f" ({k.polres.upper()})"
    table, opening = _kecamatan_table(k, text)
    return [
        *kept_with_table([*lead, para(heading, st["h3"])], table, first=opening - 1),
        Spacer(1, 2),
        para(text.kecamatan_line(k), st["small"]),
    ]


def _reserve(lst: PlottingList, text: PlotText, st: Styles) -> list[Flowable]:
    heading = para(text("reserve"), st["h2"])
    if not lst.reserve:
        return [KeepTogether([heading, para(text("no_reserve"), st["body"])])]
    rows: list[list[Any]] = [text.headings(*RESERVE_COLUMNS)]
    for i, g in enumerate(lst.reserve, 1):
        cells = (str(i), g.name, g.rank, g.nrp, g.phone, g.unit)
        rows.append([wrap(c, w - PAD) for c, w in zip(cells, RESERVE_W, strict=True)])
    table = grid_table(rows, RESERVE_W, numeric_from=0, extra=[("ALIGN", (1, 1), (-1, -1), "LEFT")])
    return kept_with_table([heading], table)


def _build(
    d: PlottingDocument,
    story: list[Flowable],
    footer: str,
    text: PlotText,
    progress: Progress | None = None,
) -> bytes:
    """The PDF; ``progress`` hears how much of the story is laid out (done, of all, "layout")
    and may raise to stop it (a cancelled export: 1,125 pages of slips take 15 s)."""
    buf = io.BytesIO()
    doc = document(buf, title=f"{footer} \u2014 {d.listing.stage}", issuer=d.settings)
    if progress is not None:
        report, whole = progress, [len(story)]

        def heard(kind: str, value: int) -> None:  # reportlab's own count of the story laid
            if kind == "SIZE_EST":
                whole[0] = value
            elif kind == "PROGRESS":
                report(min(value, whole[0]), whole[0], "layout")

        doc.setProgressCallBack(heard)
    doc.addPageTemplates([PageTemplate("portrait", [frame(PORTRAIT, "p")], pagesize=PORTRAIT)])
    generated = text("generated", when=text.when(d.generated_at))
    scope = d.listing.scope or text("all_units")
    canvas = page_canvas(
        d.classification, f"{footer} \u00b7 {scope}  \u00b7  {generated}", None,
        d.generated_at, text,
    )  # fmt: skip
    doc.build(story, canvasmaker=canvas)
    return buf.getvalue()


def render_list(d: PlottingDocument, progress: Progress | None = None) -> bytes:
    """The plotting list as PDF bytes (``progress``: see ``_build``)."""
    register()
    text = text_of(d)
    st = make_styles()
    lst = d.listing
    story: list[Flowable] = _head(d, text, st, text("title"))
    story += [
        Spacer(1, 6),
        para(
            text(
                "totals",
                posts=text.number(lst.posts),
                need=text.number(lst.needed),
                placed=text.number(lst.placed),
                deficit=text.number(lst.deficit),
                reserve=text.number(len(lst.reserve)),
            ),
            st["body"],
        ),
        para(text("summary"), st["h2"]),
    ]
    if not lst.kecamatan:
        story.append(para(text("no_posts"), st["body"]))
    else:
        story.append(_summary(lst, text))
        lead = [
            para(text("lists"), st["h2"]),
            para(text("linmas_note"), st["small"]),
            para(text("leader_note"), st["small"]),
        ]
        for i, k in enumerate(lst.kecamatan):
            story += _kecamatan(k, text, st, lead if i == 0 else ())
    s = d.settings
    day = d.generated_at.date()
    signature = signature_of(s.place, day, s.signatory, text("closing_list"), text, st)
    # The signature never stands alone on a page: the reserve's end goes with it.
    story += ended_by(_reserve(lst, text, st), signature)
    return _build(d, story, text("footer"), text, progress)


def _slip(d: PlottingDocument, slip: Slip, text: PlotText, st: Styles) -> Flowable:
    g, p = slip.guard, slip.post
    places = "; ".join(
        f"TPS {tps} {named('Desa', desa)}" for desa, tps in zip(p.desa, p.tps, strict=True)
    )
    role = text("role_leader") if g.leader else text("role_member")
    post = text("post_line", n=p.number, polsek=slip.polsek or text("no_polsek"), role=role)
    mates = len(p.guards) - 1
    if mates:
        post += f", {text('with_mates', n=mates)}"
    fields = [
        (text("f_name"), g.name.upper()),
        (text("f_rank_nrp"), f"{g.rank} / {g.nrp}"),
        (text("f_unit"), g.unit),
        (text("f_task"), text("task", places=places, kecamatan=named("Kecamatan", slip.kecamatan))),
        (text("f_post"), post),
        (text("f_stage"), _stage(d, text)),
    ]
    s = d.settings
    heading = [
        para(text("slips_title"), st["head"]),
        para(f"{text('sprin_number')} : {SPRIN_DOTS}", st["body"]),
        Spacer(1, 3),
        para(text("slip_title"), st["h3"]),
        meta_table(fields, st),
    ]
    closing = signature_of(
        s.place, d.generated_at.date(), s.signatory, text("closing_slip"), text, st
    )
    cut = layout_table(
        [[para(f"\u2702 {text('cut')}", st["small"])]],
        [BODY_W],
        [("LINEABOVE", (0, 0), (-1, -1), 0.5, colors.grey, None, (2, 2))],
        align="LEFT",
    )
    return KeepTogether([*heading, *opened(closing), Spacer(1, SLIP_GAP), cut, Spacer(1, SLIP_GAP)])


# The order's number, left as dots for the secretariat to fill in (as typed letters do).
SPRIN_DOTS = "Sprin/....../....../....../OPS"


def render_slips(
    d: PlottingDocument,
    chosen: Sequence[Slip] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """One slip per placed person (``slips`` of the list, or ``chosen``), as many to a
    page as fit whole (``progress``: see ``_build``)."""
    register()
    text = text_of(d)
    st = make_styles()
    every = slips(d.listing) if chosen is None else tuple(chosen)
    story: list[Flowable] = [_slip(d, s, text, st) for s in every]
    if not story:
        story = [para(text("no_slips"), st["body"])]
    return _build(d, story, text("slips_footer"), text, progress)


def write_list(d: PlottingDocument, path: Path, progress: Progress | None = None) -> Path:
    """Render and write the plotting list; the destination is checked before any work."""
    check_destination(path)
    return write_atomically(path, render_list(d, progress))


def write_slips(d: PlottingDocument, path: Path, progress: Progress | None = None) -> Path:
    """Render and write the slips; the destination is checked before any work. Stopped by
    ``progress`` raising, nothing is written."""
    check_destination(path)
    return write_atomically(path, render_slips(d, progress=progress))
