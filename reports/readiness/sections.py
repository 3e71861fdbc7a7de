"""The body of the readiness report: the Polda summary (matrix with its roll-up row, counts
per level, overdue follow-ups) and one page per Polres for the Kapolda's tour (each aspect's
level, judgement and what the data says, sarpras shortfalls, budget, open findings, the
latest visit)."""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from opscenter.model import READINESS_LEVELS
from opscenter.readiness.matrix import Cell, Readiness, UnitReadiness
from opscenter.shares import money_percent
from reports.fonts import BOLD
from reports.readiness.content import ReadinessReport
from reports.readiness.labels import LEVEL_COLOURS, ReadinessText, joined
from reports.sitrep.layout import BODY_W, Styles, para
from reports.sitrep.sections import letterhead_of, signature_of
from reports.sitrep.tables import (
    HEAD_SIZE,
    alert_marks,
    grid_table,
    kept_with_table,
    layout_table,
    text_width,
)

UNIT_W = 3.4 * cm
HEAD_PAD = 1.5  # points each side of an aspect's heading: long names need the room


def _tint(level: str | None) -> Any:
    return colors.HexColor(LEVEL_COLOURS[level]) if level in LEVEL_COLOURS else colors.white


def _level_mark(col: int, row: int, level: str | None) -> list[tuple[Any, ...]]:
    """A level's cell: its tint; "belum" also in bold, so it stands out in black and white."""
    cell = (col, row), (col, row)
    return [("BACKGROUND", *cell, _tint(level))]


def header(rep: ReadinessReport, text: ReadinessText, st: Styles) -> list[Flowable]:
    r = rep.readiness
    meta = [
        (text("number"), rep.number),
        (text("operation"), rep.settings.operation_name),
        (text("stage"), r.stage_name or "\u2014"),
        (text("as_of"), text.date(r.today)),
    ]
    return letterhead_of(rep.settings, text("title"), meta, text, st)


def _matrix_cell(cell: Cell, text: ReadinessText, style: ParagraphStyle) -> Paragraph:
    """The level word, and under it where it comes from: the data, a judgement, or a
    judgement other than the data's (*)."""
    word = escape(text.short_level(cell.level))
    if cell.level == "belum":
        word = f"<b>{word}</b>"
    source = ""
    if cell.judgement is not None:
        source = text("src_judged") + (" *" if cell.overridden else "")
    elif cell.derived is not None:
        source = text("src_data")
    if not source:
        return Paragraph(word, style)
    return Paragraph(f'{word}<br/><font size="6">{escape(source)}</font>', style)


def _heading(words: str, width: float, st: Styles) -> Paragraph:
    """A column heading whose longest word fits the column (aspect names are long)."""
    longest = max((text_width(w, BOLD, 1) for w in words.split()), default=1.0)
    size = max(6.0, min(float(HEAD_SIZE), (width - 2 * HEAD_PAD) / longest))
    style = ParagraphStyle(
        "aspect", parent=st["cellb"], fontSize=size, leading=size * 1.2, alignment=TA_CENTER
    )
    return para(words, style)


def matrix(r: Readiness, text: ReadinessText, st: Styles) -> Flowable:
    """Units x aspects in level words on their tints, then the Polda's roll-up row."""
    n = max(1, len(r.aspects))
    w = (BODY_W - UNIT_W) / n
    centre = ParagraphStyle("lvl", parent=st["cell"], fontSize=7.5, leading=9, alignment=TA_CENTER)
    head: list[Any] = [text("unit"), *(_heading(a.name, w, st) for a in r.aspects)]
    rows: list[list[Any]] = [head]
    marks: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (1, 0), (-1, 0), HEAD_PAD),
        ("RIGHTPADDING", (1, 0), (-1, 0), HEAD_PAD),
    ]
    for i, u in enumerate(r.units, 1):
        rows.append([para(u.name, st["cell"])])
        for j, a in enumerate(r.aspects, 1):
            cell = u.cells[a.id]
            rows[-1].append(_matrix_cell(cell, text, centre))
            marks += _level_mark(j, i, cell.level)
    total = len(rows)
    rows.append([para(text("rollup"), st["cellb"])])
    for j, a in enumerate(r.aspects, 1):
        level = r.rollup[a.id].level
        word = escape(text.short_level(level))
        rows[-1].append(Paragraph(f"<b>{word}</b>", centre))
        marks += _level_mark(j, total, level)
    marks.append(("LINEABOVE", (0, total), (-1, total), 1.2, colors.black))
    return grid_table(rows, [UNIT_W] + [w] * n, extra=marks)


def counts(r: Readiness, text: ReadinessText, st: Styles) -> Flowable:
    """Per aspect: how many units stand at each level, and the overdue follow-ups."""
    head = [
        text("aspect"),
        *(text.level(lv).capitalize() for lv in READINESS_LEVELS),
        text("no_level"),
        text("overdue_n"),
    ]
    rows: list[list[Any]] = [head]
    marks: list[tuple[Any, ...]] = []
    for i, a in enumerate(r.aspects, 1):
        up = r.rollup[a.id]
        figures = [up.counts.get(lv, 0) for lv in (*READINESS_LEVELS, "")]
        rows.append([para(a.name, st["cell"]), *map(str, figures), str(up.overdue_findings)])
        if up.overdue_findings:
            marks += alert_marks(5, i)
    w = 2.1 * cm
    return grid_table(rows, [BODY_W - 5 * w] + [w] * 5, numeric_from=1, extra=marks)


def _unit_names(r: Readiness) -> dict[int, str]:
    return {u.unit_id: u.name for u in r.units}


def _aspect_names(r: Readiness) -> dict[int, str]:
    return {a.id: a.name for a in r.aspects}


def overdue(r: Readiness, text: ReadinessText, st: Styles) -> list[Flowable]:
    """Under its heading, every follow-up past its due date and not closed, oldest due first;
    the heading stays with the table's header and first row (or with its line of text)."""
    heading = para(text("overdue"), st["h3"])
    if not r.sources.findings:
        return [KeepTogether([heading, para(text("no_data"), st["body"])])]
    units, aspects = _unit_names(r), _aspect_names(r)
    late = sorted(
        (
            f
            for found in r.sources.findings.values()
            for f in found
            if f.status != "selesai" and f.overdue(r.today)
        ),
        key=lambda f: (f.due_on or date.max, f.id),
    )
    if not late:
        return [KeepTogether([heading, para(text("none"), st["body"])])]
    rows: list[list[Any]] = [
        [text("unit"), text("aspect"), text("finding"), text("pic"), text("due"), text("status")]
    ]
    for f in late:
        rows.append(
            [
                para(units.get(f.unit_id, f"#{f.unit_id}"), st["cell"]),
                para(aspects.get(f.aspect_id, f.aspect_name), st["cell"]),
                para(f.finding, st["cell"]),
                para(f.person_in_charge or "\u2014", st["cell"]),
                para(text.date(f.due_on) if f.due_on else "\u2014", st["cell"]),
                para(text.status(f.status), st["cell"]),
            ]
        )
    widths = [3.2 * cm, 2.8 * cm, 0.0, 3.0 * cm, 2.4 * cm, 1.9 * cm]
    widths[2] = BODY_W - sum(widths)
    return kept_with_table([heading], grid_table(rows, widths))


def summary(rep: ReadinessReport, text: ReadinessText, st: Styles) -> list[Flowable]:
    r = rep.readiness
    overall = text(
        "polda_overall",
        polda=r.polda_name or text("rollup"),
        n=len(r.units),
        level=text.level(r.level).upper(),
    )
    return [
        para(text("summary"), st["h2"]),
        para(overall, st["body"]),
        Spacer(1, 4),
        para(text("matrix"), st["h3"]),
        matrix(r, text, st),
        para(text("legend"), st["italic"]),
        Spacer(1, 4),
        KeepTogether([para(text("counts"), st["h3"]), counts(r, text, st)]),
        *overdue(r, text, st),
    ]


def closing(rep: ReadinessReport, text: ReadinessText, st: Styles) -> list[Flowable]:
    s = rep.settings
    return signature_of(s.place, rep.readiness.today, s.signatory, text("closing"), text, st)


# -- one page per Polres -------------------------------------------------------------------------


def _judgement_text(cell: Cell, text: ReadinessText, zone: str) -> str:
    j = cell.judgement
    if j is None:
        return escape(text("no_judgement"))
    parts = [escape(j.note or "")]
    if j.evidence:
        parts.append(f"{escape(text('evidence'))}: {escape(j.evidence)}")
    who = escape(text("set_by", who=j.set_by, when=text.set_at(j.set_at, zone)))
    parts.append(f"<i>{who}</i>")
    return "<br/>".join(p for p in parts if p)


def _data_text(r: Readiness, cell: Cell, text: ReadinessText) -> str:
    if cell.derived is None:
        return escape(text("no_data_aspect"))
    word = f"<b>{escape(text.level(cell.derived).upper())}</b>"
    return f"{word}. {escape(joined(text.reasons(r, cell)))}"


def aspects_table(
    r: Readiness, u: UnitReadiness, text: ReadinessText, st: Styles, zone: str
) -> Flowable:
    rows: list[list[Any]] = [[text("aspect"), text("level"), text("judgement"), text("data_says")]]
    marks: list[tuple[Any, ...]] = []
    for i, a in enumerate(r.aspects, 1):
        cell = u.cells[a.id]
        word = escape(text.level(cell.level).upper() if cell.level else text("no_level"))
        if cell.overridden:
            word += " *"
        rows.append(
            [
                para(a.name, st["cellb"]),
                Paragraph(f"<b>{word}</b>" if cell.level == "belum" else word, st["cell"]),
                Paragraph(_judgement_text(cell, text, zone), st["cell"]),
                Paragraph(_data_text(r, cell, text), st["cell"]),
            ]
        )
        marks += _level_mark(1, i, cell.level)
    widths = [3.0 * cm, 2.4 * cm, 6.0 * cm]
    return grid_table(rows, [*widths, BODY_W - sum(widths)], extra=marks)


def sarpras(r: Readiness, u: UnitReadiness, text: ReadinessText, st: Styles) -> list[Flowable]:
    lines = r.sources.sarpras.get(u.unit_id, ())
    out: list[Flowable] = [para(text("sarpras"), st["h3"])]
    if not lines:
        return [KeepTogether([*out, para(text("no_data"), st["body"])])]
    short = [ln for ln in lines if ln.required and ln.deficit > 0]
    if not short:
        return [KeepTogether([*out, para(text("none"), st["body"])])]
    rows: list[list[Any]] = [[text("category"), text("required"), text("usable"), text("deficit")]]
    marks: list[tuple[Any, ...]] = []
    for i, ln in enumerate(sorted(short, key=lambda x: -x.short_share), 1):
        rows.append(
            [
                para(ln.name, st["cell"]),
                text.number(ln.required or 0),
                text.number(ln.usable),
                text.number(ln.deficit),
            ]
        )
        marks += alert_marks(3, i)
    w = 2.6 * cm
    table = grid_table(rows, [BODY_W - 3 * w] + [w] * 3, numeric_from=1, extra=marks)
    return kept_with_table(out, table)


def budget(r: Readiness, u: UnitReadiness, text: ReadinessText, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(text("budget"), st["h3"])]
    b = r.sources.budget.get(u.unit_id)
    if b is None:
        return [KeepTogether([*out, para(text("no_data"), st["body"])])]
    paid = money_percent(b.realised, b.pagu)
    share = f"{paid}%" if paid is not None else "\u2013"
    rows: list[list[Any]] = [
        [text("need"), text("pagu"), text("realised"), text("realised_share")],
        [text.rupiah(b.need), text.rupiah(b.pagu), text.rupiah(b.realised), share],
    ]
    marks = alert_marks(1, 1) if b.pagu < b.need else []
    return kept_with_table(out, grid_table(rows, [BODY_W / 4] * 4, numeric_from=0, extra=marks))


def findings(r: Readiness, u: UnitReadiness, text: ReadinessText, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(text("findings"), st["h3"])]
    if not r.sources.findings:  # no inspection has left findings yet
        return [KeepTogether([*out, para(text("no_data"), st["body"])])]
    open_ = [f for f in r.sources.findings.get(u.unit_id, ()) if f.status != "selesai"]
    if not open_:
        return [KeepTogether([*out, para(text("none"), st["body"])])]
    open_.sort(key=lambda f: (not f.overdue(r.today), f.due_on or date.max, f.id))
    aspects = _aspect_names(r)
    rows: list[list[Any]] = [
        [text("aspect"), text("finding"), text("pic"), text("due"), text("status")]
    ]
    marks: list[tuple[Any, ...]] = []
    for i, f in enumerate(open_, 1):
        body = escape(f.finding)
        if f.advice:
            body += f"<br/><i>{escape(text('advice'))}: {escape(f.advice)}</i>"
        status = escape(text.status(f.status))
        if f.overdue(r.today):
            status = f"<b>{escape(text('overdue_mark'))}</b><br/>{status}"
            marks += _level_mark(4, i, "belum")
        rows.append(
            [
                para(aspects.get(f.aspect_id, f.aspect_name), st["cell"]),
                Paragraph(body, st["cell"]),
                para(f.person_in_charge or "\u2014", st["cell"]),
                para(text.date(f.due_on) if f.due_on else "\u2014", st["cell"]),
                Paragraph(status, st["cell"]),
            ]
        )
    widths = [2.8 * cm, 0.0, 3.0 * cm, 2.4 * cm, 2.3 * cm]
    widths[1] = BODY_W - sum(widths)
    return kept_with_table(out, grid_table(rows, widths, extra=marks))


def visit(r: Readiness, u: UnitReadiness, text: ReadinessText, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(text("visit"), st["h3"])]
    v = r.sources.latest_visit.get(u.unit_id)
    if v is None:
        return [KeepTogether([*out, para(text("no_data"), st["body"])])]
    found = len(v.findings)
    parts = [f"{text.date(v.visited_on)}, {text.visit_kind(v.kind)}"]
    if v.led_by:
        parts.append(text("led_by", who=v.led_by))
    if v.team:
        team = v.team if isinstance(v.team, str) else ", ".join(v.team)
        parts.append(text("team", team=team))
    if v.checked:
        checked = v.checked if isinstance(v.checked, str) else ", ".join(v.checked)
        parts.append(text("checked", what=checked))
    parts.append(text("visit_findings", n=found))
    return [KeepTogether([*out, para("; ".join(parts) + ".", st["body"])])]


def unit_page(
    rep: ReadinessReport, u: UnitReadiness, text: ReadinessText, st: Styles
) -> list[Flowable]:
    r = rep.readiness
    level = u.level
    ink = ParagraphStyle("badge", parent=st["head"])
    badge = layout_table(
        [[para(text("overall", level=text.level(level).upper()), ink)]],
        [BODY_W],
        [
            ("BACKGROUND", (0, 0), (-1, -1), _tint(level)),
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ],
    )
    title = text("unit_page", unit=u.name.upper())
    if r.stage_name:
        title += f" \u2014 {r.stage_name.upper()}"
    return [
        para(title, st["h2"]),
        badge,
        Spacer(1, 6),
        aspects_table(r, u, text, st, rep.settings.timezone),
        para(text("override_mark"), st["italic"]),
        *sarpras(r, u, text, st),
        *budget(r, u, text, st),
        *findings(r, u, text, st),
        *visit(r, u, text, st),
    ]
